// Measures the API worker in ONE workerd process (Miniflare) beside a
// minimal syumai "hello" worker that starts a Go instance per request:
//   - cold: the first request after the worker is loaded (POST review);
//   - warm p50/p95 of POST /v1/recovery/review, of a team-mode poll
//     (GET /v1/workshops/{id}/events?after=cursor, nothing new) and of the
//     hello worker, alternating so all see the same conditions;
//   - beside them, the API's fixed cost per request (an unknown path,
//     answered 404 by Go at once) and the floor (a plain JS worker);
//   - memory of the Go instance (wasm memory, JS values it holds) once it
//     has served about 1,000 and MEM_N requests, after a GC, from
//     GET /__test/pool (only with the pool glue; an older build reports
//     none).
// Usage: node tools/bench.mjs API_BUILD_DIR HELLO_BUILD_DIR [N] [MEM_N]
// Prints one JSON line.
import { Miniflare } from "miniflare";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [apiDir, helloDir, nArg, memArg] = process.argv.slice(2);
const n = Number(nArg || 200);
const memN = Number(memArg || 0);
const rules = [{ type: "CompiledWasm", include: ["**/*.wasm"] }];
const worker = (name, dir, extra) => ({
  name,
  modules: true,
  scriptPath: path.resolve(dir, "worker.mjs"),
  modulesRoot: path.resolve(dir),
  modulesRules: rules,
  compatibilityDate: "2025-09-01",
  routes: [`${name}.bench/*`],
  ...extra,
});
const mf = new Miniflare({
  workers: [
    worker("api", apiDir, {
      d1Databases: ["DB"],
      bindings: { PURPOSEFUL_PUBLIC_ORG: "bench", PURPOSEFUL_TEST_FAULTS: "1" },
    }),
    worker("hello", helloDir, {}),
    // The floor: a plain JS worker, no Go at all.
    { name: "plain", modules: true, compatibilityDate: "2025-09-01", routes: ["plain.bench/*"],
      script: `export default { fetch() { return Response.json({ status: "ok" }); } };` },
  ],
});
await mf.ready;

// The store's migrations, statement by statement.
const migrations = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../store/migrations");
const db = await mf.getD1Database("DB", "api");
for (const f of fs.readdirSync(migrations).filter((f) => f.endsWith(".sql")).sort()) {
  const sql = fs.readFileSync(path.join(migrations, f), "utf8").replace(/--[^\n]*/g, "");
  for (const stmt of sql.split(";").map((s) => s.trim()).filter(Boolean)) await db.prepare(stmt).run();
}

const reviewBody = JSON.stringify({
  draft: "I am so sorry your room was not ready. I will have it ready in ten minutes and bring you a coffee while you wait.",
  situation: { state: "upset", cause: "our-error" },
});
async function once(url, init, want = 200) {
  const t0 = performance.now();
  const res = await mf.dispatchFetch(url, init);
  const text = await res.text();
  const t = performance.now() - t0;
  if (res.status !== want) throw new Error(`${url}: status ${res.status}: ${text.slice(0, 300)}`);
  return { t, text };
}
const review = async () => (await once("http://api.bench/v1/recovery/review", {
  method: "POST", headers: { "Content-Type": "application/json" }, body: reviewBody,
})).t;
const hello = async () => (await once("http://hello.bench/", {})).t;
// The API's fixed cost per request: a route that reaches Go and is
// answered at once (an unknown path: 404, no database, no body).
const noop = async () => (await once("http://api.bench/nope", {}, 404)).t;
const plain = async () => (await once("http://plain.bench/", {})).t;

const cold = await review();
const coldHello = await hello();

// A team workshop with a few ideas; the poll asks for what is after them.
const created = JSON.parse((await once("http://api.bench/v1/workshops", {
  method: "POST", headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ name: "Fatima", course: { organisation: "Harbour Hotel", position: "Front-desk agent",
    purpose: "to create loyal guests who come back and tell their friends", process: "Guest check-in" } }),
}, 201)).text);
const auth = { Authorization: "Bearer " + created.facilitator_token, "Content-Type": "application/json" };
let cursor = 0;
const send = async (event) => {
  const out = JSON.parse((await once(`http://api.bench/v1/workshops/${created.id}/events`, {
    method: "POST", headers: auth, body: JSON.stringify(event),
  })).text);
  cursor = out.cursor;
};
for (let i = 0; i < 2; i++) await send({ id: `next-${i}`, type: "step.next" }); // course -> team -> create
for (let i = 0; i < 20; i++) {
  await send({ id: `idea-${i}`, type: "item.add", item: `idea-${i}`, column: "purposeful", text: `Idea ${i}` });
}
const poll = async () => (await once(`http://api.bench/v1/workshops/${created.id}/events?after=${cursor}`, { headers: auth })).t;

for (let i = 0; i < 10; i++) { await review(); await poll(); await hello(); await noop(); await plain(); } // warm up
const a = [], q = [], h = [], z = [], f = [];
for (let i = 0; i < n; i++) {
  const order = [[a, review], [q, poll], [h, hello], [z, noop], [f, plain]];
  if (i % 2) order.reverse();
  for (const [xs, f] of order) xs.push(await f());
}
const p = (xs, f) => { const s = [...xs].sort((x, y) => x - y); return +s[Math.floor(f * (s.length - 1))].toFixed(2); };

async function figures() {
  await (await mf.dispatchFetch("http://api.bench/__test/gc")).arrayBuffer();
  const res = await mf.dispatchFetch("http://api.bench/__test/pool");
  if (res.status !== 200) { await res.arrayBuffer(); return null; }
  const out = await res.json();
  return out.instances.length ? { started: out.started, ...out.instances[0] } : null;
}
const memory = {};
if (memN > 0 && (await figures())) {
  for (const mark of [1000, memN]) {
    for (;;) {
      const f = await figures();
      if (f.served >= mark) { memory[mark] = f; break; }
      for (let i = 0; i < 50; i++) { await review(); await poll(); }
    }
  }
}

const out = {
  n,
  cold_review_ms: +cold.toFixed(1), cold_hello_ms: +coldHello.toFixed(1),
  review_p50_ms: p(a, 0.5), review_p95_ms: p(a, 0.95),
  poll_p50_ms: p(q, 0.5), poll_p95_ms: p(q, 0.95),
  hello_p50_ms: p(h, 0.5), hello_p95_ms: p(h, 0.95),
  noop_p50_ms: p(z, 0.5), noop_p95_ms: p(z, 0.95),
  plain_p50_ms: p(f, 0.5), plain_p95_ms: p(f, 0.95),
  memory,
};
out.ratio = +(out.review_p50_ms / out.hello_p50_ms).toFixed(3);
console.log(JSON.stringify(out));
await mf.dispose();
