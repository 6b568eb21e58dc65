// Measures, in ONE workerd process (Miniflare), the per-request time of
// POST /v1/recovery/review on the API worker against a minimal syumai
// "hello" worker, alternating requests so both see the same conditions.
// Each request starts a fresh Go instance, so this is mostly start-up.
// Usage: node tools/bench.mjs API_BUILD_DIR HELLO_BUILD_DIR [N]
// Prints JSON: {"n", "api_p50_ms", "hello_p50_ms", "ratio", ...}.
import { Miniflare } from 'miniflare';
import path from 'node:path';

const [apiDir, helloDir, nArg] = process.argv.slice(2);
const n = Number(nArg || 200);
const rules = [{ type: 'CompiledWasm', include: ['**/*.wasm'] }];
const worker = (name, dir, extra) => ({
  name,
  modules: true,
  scriptPath: path.resolve(dir, 'worker.mjs'),
  modulesRoot: path.resolve(dir),
  modulesRules: rules,
  compatibilityDate: '2025-09-01',
  routes: [`${name}.bench/*`],
  ...extra,
});
const mf = new Miniflare({
  workers: [
    worker('api', apiDir, { d1Databases: ['DB'] }),
    worker('hello', helloDir, {}),
  ],
});
await mf.ready;

const body = JSON.stringify({
  draft: 'I am so sorry your room was not ready. I will have it ready in ten minutes and bring you a coffee while you wait.',
  situation: { state: 'upset', cause: 'our-error' },
});
async function once(url, init) {
  const t0 = performance.now();
  const res = await mf.dispatchFetch(url, init);
  await res.arrayBuffer();
  const t = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url}: status ${res.status}`);
  return t;
}
const api = () => once('http://api.bench/v1/recovery/review', {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body,
});
const hello = () => once('http://hello.bench/', {});

for (let i = 0; i < 10; i++) { await api(); await hello(); } // warm up
const a = [], h = [];
for (let i = 0; i < n; i++) {
  if (i % 2) { a.push(await api()); h.push(await hello()); }
  else { h.push(await hello()); a.push(await api()); }
}
const p = (xs, q) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(q * (s.length - 1))]; };
const out = {
  n,
  api_p50_ms: +p(a, 0.5).toFixed(2), hello_p50_ms: +p(h, 0.5).toFixed(2),
  api_p90_ms: +p(a, 0.9).toFixed(2), hello_p90_ms: +p(h, 0.9).toFixed(2),
};
out.ratio = +(out.api_p50_ms / out.hello_p50_ms).toFixed(3);
console.log(JSON.stringify(out));
await mf.dispose();
