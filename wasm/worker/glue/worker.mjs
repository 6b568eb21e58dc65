// The worker's JS glue: a bounded pool of Go instances kept for the
// isolate's life.
//
// Why not syumai/workers' own glue: it starts a new Go instance for every
// request, so each request paid the whole Go start-up (about 20 ms for
// even the smallest program, more for ours). Keeping one instance and
// letting concurrent requests share it does not work either: Go's single
// scheduler would resume request B's goroutine from request A's promise
// callback, so B's D1 call belongs to A's I/O context, and when A ends the
// runtime cancels it, leaving a workshop lock held. So each instance
// serves one request at a time, and the pool grows to PURPOSEFUL_POOL_SIZE
// instances when requests overlap; a request that finds them all busy
// waits its turn. syumai/workers still provides the runtime shim
// (wasm_exec.js with its `context` global) and the environment on the Go
// side; the per-request lifecycle is ours (serve.go and package bridge on
// the Go side), and so is the D1 driver (d1.go), since syumai's keeps a
// callback per query alive.
//
// An instance that dies (its program exits, a goroutine panics, the wasm
// traps) or does not answer within PURPOSEFUL_REQUEST_TIMEOUT_MS is
// dropped, its request answered 503 with a problem document, and the next
// request starts a new one. Settings (all optional):
//
//   PURPOSEFUL_POOL_SIZE            instances per isolate, 1-16 (default 4)
//   PURPOSEFUL_REQUEST_TIMEOUT_MS   longest wait for an instance's answer,
//                                   100-300000 (default 30000)
//   PURPOSEFUL_QUEUE_TIMEOUT_MS     longest wait for a free instance before
//                                   answering 503, 0-300000 (default 30000)
//   PURPOSEFUL_TEST_FAULTS          "1" only in the worker tests: adds the
//                                   fault routes (faults.go), an
//                                   X-Purposeful-Instance header and
//                                   GET /__test/pool (the pool's figures)
import "./wasm_exec.js";
import mod from "./app.wasm";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const pool = []; // live instances
const waiting = []; // requests waiting for a free instance, oldest first
let started = 0;
let settings;

function readSettings(env) {
  const s = { size: 4, timeoutMs: 30000, queueMs: 30000, faults: env.PURPOSEFUL_TEST_FAULTS === "1", errors: [] };
  const int = (name, min, max, key) => {
    const v = env[name];
    if (v === undefined || v === "") return;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      s.errors.push(`${name}: ${JSON.stringify(String(v))} is not a whole number from ${min} to ${max}`);
      return;
    }
    s[key] = n;
  };
  int("PURPOSEFUL_POOL_SIZE", 1, 16, "size");
  int("PURPOSEFUL_REQUEST_TIMEOUT_MS", 100, 300000, "timeoutMs");
  int("PURPOSEFUL_QUEUE_TIMEOUT_MS", 0, 300000, "queueMs");
  return s;
}

function problem(status, type, detail) {
  const titles = { 500: "Internal Server Error", 503: "Service Unavailable" };
  return new Response(JSON.stringify({ type: "urn:purposeful:problem:" + type, title: titles[status], status, detail: detail || undefined }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
  });
}

// start instantiates the Go program and runs its main until it has
// registered its entry points.
function start(env) {
  const go = new Go();
  const context = { env, ctx: undefined, binding: {} };
  let isReady = false;
  // purposeful.answer is how the Go side answers a request (serve.go):
  // status, then where the header lines and the body lie in its memory,
  // copied here before Go goes on; it calls the current request's answer.
  const answer = (status, headPtr, headLen, bodyPtr, bodyLen) => {
    const mem = new Uint8Array(inst.exports.mem.buffer);
    headPtr >>>= 0;
    bodyPtr >>>= 0;
    const head = decoder.decode(mem.subarray(headPtr, headPtr + headLen));
    const body = mem.slice(bodyPtr, bodyPtr + bodyLen);
    it.answer?.(status, head, body);
  };
  const inst = new WebAssembly.Instance(mod, {
    ...go.importObject,
    workers: { ready: () => { isReady = true; } },
    purposeful: { answer },
  });
  const it = { id: ++started, go, inst, context, busy: true, dead: false, served: 0, current: null, answer: null };
  pool.push(it);
  // Go runs only inside _resume (a call from JS, a promise callback, a
  // timer), so that is where it exits or traps. go.run's own promise is no
  // use for this: it belongs to the request that started the instance,
  // and the runtime drops its continuations once that request is over.
  const resume = go._resume;
  go._resume = function () {
    try {
      return resume.call(this);
    } catch (e) {
      kill(it, "its Go program failed: " + e);
      throw e;
    } finally {
      if (this.exited) kill(it, "its Go program exited");
    }
  };
  go.run(inst, context).catch(() => {});
  go._resolveExitPromise = () => {}; // see above: nothing waits on it
  if (go.exited) kill(it, "its Go program exited");
  if (!isReady) {
    kill(it, "it did not start");
    throw new Error("the Go program did not start");
  }
  return it;
}

// kill drops an instance for good and fails the request it was serving.
function kill(it, reason) {
  if (it.dead) return;
  it.dead = true;
  console.error(`worker: Go instance ${it.id} dropped after ${it.served} requests: ${reason}`);
  const i = pool.indexOf(it);
  if (i >= 0) pool.splice(i, 1);
  const cur = it.current;
  it.current = null;
  if (cur) cur.fail(reason);
  // A place in the pool is free: the oldest waiter may start an instance.
  const w = waiting.shift();
  if (w) w.wake(null);
}

function release(it) {
  it.current = null;
  if (it.dead) return;
  const w = waiting.shift();
  if (w) w.wake(it); // stays busy: handed over
  else it.busy = false;
}

// takeFree marks a free instance busy and returns it, or null.
function takeFree() {
  for (const it of pool) {
    if (!it.busy && !it.dead) {
      it.busy = true;
      return it;
    }
  }
  return null;
}

// acquire returns a free instance, starting one when the pool has room,
// or waits for one until deadline (then null).
async function acquire(env, deadline) {
  for (;;) {
    const free = takeFree();
    if (free) return free;
    if (pool.length < settings.size) return start(env);
    const left = deadline - Date.now();
    if (left <= 0) return null;
    const it = await new Promise((resolve) => {
      const w = { wake: (v) => { clearTimeout(timer); resolve(v); } };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(w), 1);
        resolve(undefined);
      }, left);
      waiting.push(w);
    });
    if (it && !it.dead) return it;
    if (it === undefined) return null; // timed out
    // null, or handed over and died since: look again.
  }
}

// call runs one entry point on an instance and settles with its answer,
// or with fail(reason) when the instance dies or does not answer in time.
// Most requests are answered before invoke returns (Go runs them to the
// end unless they wait for JS, such as a D1 query); the timer that cuts a
// hung request is only set for the others, since a timer per request is
// a measurable share of a short request's cost.
function call(it, env, ctx, invoke, fail) {
  return new Promise((resolve) => {
    let settled = false;
    let timer;
    const finish = (v) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      resolve(v);
    };
    it.current = { fail: (reason) => finish(fail(reason)) };
    it.context.env = env;
    it.context.ctx = ctx;
    try {
      invoke(it.context.binding, (v) => {
        if (it.dead || settled) return; // a late answer from an instance given up
        it.served++;
        release(it);
        finish(v);
      });
    } catch (e) {
      kill(it, "it failed: " + e);
      finish(fail("it failed"));
    }
    if (!settled) {
      timer = setTimeout(() => {
        finish(fail("it did not answer in time"));
        kill(it, "it did not answer in time");
      }, settings.timeoutMs);
    }
  });
}

// heads keeps the header lines of recent answers as Headers objects: a
// route answers with the same lines time after time, and a Response built
// from a Headers object costs less than half of one built from name-value
// pairs (which the runtime converts one by one), measured in workerd:
// about 2.8 us against 7.1 us for three headers, and the lines are split
// once. Response copies the object, so one can serve many. Bounded: the
// oldest goes when it is full.
const heads = new Map();

function headersOf(head) {
  let headers = heads.get(head);
  if (headers !== undefined) return headers;
  headers = new Headers();
  for (const line of head.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers.append(line.slice(0, i), line.slice(i + 1).trim());
  }
  if (heads.size >= 64) heads.delete(heads.keys().next().value);
  heads.set(head, headers);
  return headers;
}

function toResponse(status, head, body, it) {
  const headers = headersOf(settings.faults ? head + "X-Purposeful-Instance: " + it.id + "\n" : head);
  const empty = status === 101 || status === 204 || status === 205 || status === 304;
  return new Response(empty ? null : body, { status, headers });
}

function poolFigures() {
  const instances = pool.map((it) => ({
    id: it.id,
    served: it.served,
    busy: it.busy,
    wasm_memory_bytes: it.inst.exports.mem.buffer.byteLength,
    js_values_held: it.go._values.length - it.go._idPool.length,
  }));
  return Response.json({ started, instances });
}

async function fetch(req, env, ctx) {
  settings ??= readSettings(env);
  if (settings.errors.length) {
    return problem(503, "unavailable", "the worker's settings are not valid: " + settings.errors.join("; "));
  }
  if (settings.faults && req.url.includes("/__test/pool") && new URL(req.url).pathname === "/__test/pool") return poolFigures();
  // forEach, not for...of: the iterator makes an array per header, which
  // in workerd cost 2.6x as much for the bench's ten headers (6.7 us
  // against 2.6).
  let head = req.method + " " + req.url + "\n";
  req.headers.forEach((v, k) => {
    head += k + ":" + v + "\n";
  });
  const body = req.body === null ? null : new Uint8Array(await req.arrayBuffer());
  let it;
  try {
    // A free instance is taken at once, without a turn of the event loop.
    it = takeFree() ?? (await acquire(env, Date.now() + settings.queueMs));
  } catch (e) {
    console.error("worker: " + e);
    return problem(503, "unavailable", "the worker could not start; try again");
  }
  if (!it) return problem(503, "unavailable", "the worker is busy; try again");
  return call(it, env, ctx,
    (binding, done) => {
      it.answer = (status, h, b) => {
        it.answer = null;
        // Never throw back into Go: that would end the instance.
        let res;
        try {
          res = toResponse(status, h, b, it);
        } catch (e) {
          console.error("worker: unusable answer: " + e);
          res = problem(500, "internal", "");
        }
        done(res);
      };
      // The request goes into the instance's inbox when it fits (no
      // syscall/js values to make and free on either side), else through
      // binding.serve.
      const size = binding.inboxSize;
      const inbox = new Uint8Array(it.inst.exports.mem.buffer, binding.inbox, size);
      const { read, written } = encoder.encodeInto(head, inbox);
      const bodyLen = body === null ? 0 : body.length;
      if (read === head.length && written + bodyLen <= size) {
        if (body !== null) inbox.set(body, written);
        if (it.inst.exports.purposefulServe(written, bodyLen)) {
          it.go._resume();
          return;
        }
      }
      binding.serve(head, body);
    },
    (reason) => problem(503, "unavailable", `the request was not answered (the instance serving it was stopped: ${reason}); try again`));
}

async function scheduled(event, env, ctx) {
  settings ??= readSettings(env);
  if (settings.errors.length) throw new Error(settings.errors.join("; "));
  const it = await acquire(env, Date.now() + settings.queueMs);
  if (!it) throw new Error("no Go instance was free for the scheduled run");
  const err = await call(it, env, ctx,
    (binding, done) => binding.schedule((msg) => done(msg)),
    (reason) => "the instance running it was stopped: " + reason);
  if (err) throw new Error("scheduled run failed: " + err);
}

export default { fetch, scheduled };
