// Verifies LTI launch tokens with ltijs's own validation (Auth.validateToken)
// without its database: the platform's registration and ltijs's database are
// in-memory stubs, fresh for every token (each is its own launch); the keys
// come from the mock platform's JWKS URL, as ltijs fetches them for real.
// Input on stdin: {"platform": {"url", "clientId", "jwksUrl"}, "maxAge": s,
// "cases": [{"name", "token"}]}. Output on stdout: [{"name", "ok", "error"}].
"use strict";
const Auth = require("ltijs/dist/Utils/Auth");

function stubDatabase() {
  const nonces = new Set();
  return {
    Get: async (_enc, collection, query) => (collection === "nonce" && nonces.has(query.nonce) ? [query] : false),
    Insert: async (_enc, collection, item) => { if (collection === "nonce") nonces.add(item.nonce); return true; },
    Replace: async () => true,
    Delete: async () => true,
  };
}

async function main() {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const { platform, maxAge, cases } = JSON.parse(input);
  const registered = {
    platformActive: async () => true,
    platformAuthConfig: async () => ({ method: "JWK_SET", key: platform.jwksUrl }),
    platformClientId: async () => platform.clientId,
    platformKid: async () => "platform-registration",
  };
  const getPlatform = async (iss, aud) => (iss === platform.url && aud === platform.clientId ? registered : false);
  const out = [];
  for (const c of cases) {
    try {
      await Auth.validateToken(c.token, false, { iss: platform.url, maxAge }, getPlatform, "key", stubDatabase());
      out.push({ name: c.name, ok: true, error: "" });
    } catch (e) {
      out.push({ name: c.name, ok: false, error: String((e && e.message) || e) });
    }
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });
