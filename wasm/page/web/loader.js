// Loads the Go WebAssembly program. This file and wasm_exec.js (from the Go
// toolchain) are the only JavaScript the page runs; everything else is Go.
//
// The page includes this file without defer, after its style sheet and the
// deferred wasm_exec.js (asked for first, so that they are not held up
// behind the program's bytes) and after a preload of the program, so the
// browser fetches the program from the start and compiles it as soon as the
// style sheet is in; the program runs once the document is parsed
// (DOMContentLoaded, which waits for the deferred wasm_exec.js). Included
// with defer it works the same way, compiling later.
(function () {
  "use strict";
  function fail(err) {
    var status = document.getElementById("boot-status");
    if (status) {
      status.textContent = "The workshop could not start in this browser: " + err;
    }
  }
  // The program to load is named by the script element (data-wasm), so
  // every page of the site shares this loader.
  var me = document.currentScript;
  var src = (me && me.getAttribute("data-wasm")) || "page.wasm";
  function compileBytes() {
    return fetch(src).then(function (r) { return r.arrayBuffer(); })
      .then(function (b) { return WebAssembly.compile(b); });
  }
  // compileStreaming refuses a program served with another content type
  // than application/wasm, as LMSs and many static hosts serve it
  // (application/octet-stream). Relabelling the response keeps the one
  // download and compiles while it arrives; refusing it and fetching again
  // cost a second download and a compile that starts only at its end.
  function compileStream() {
    return fetch(src).then(function (r) {
      var type = (r.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
      if (type !== "application/wasm" && r.ok && r.body) {
        r = new Response(r.body, { headers: { "Content-Type": "application/wasm" } });
      }
      return WebAssembly.compileStreaming(r);
    });
  }
  // A page whose script element says data-store opens the device's
  // IndexedDB now and reads it whole, while the program downloads and
  // compiles, instead of after the program has started: opening a
  // database takes 20 to 80 ms in Chromium, and the program cannot show
  // anything before it knows what is stored. The program takes the result
  // from window.purposefulStore (wasm/page/internal/jsdom/storage.go, which
  // names the database, checks that this is it, and opens it itself when
  // there is no such promise or it failed).
  if (me && me.hasAttribute("data-store")) {
    window.purposefulStore = new Promise(function (resolve) {
      var name = me.getAttribute("data-store");
      var req;
      try { // indexedDB may be missing, or refuse (private modes, sandboxed frames)
        req = window.indexedDB.open(name, 1);
      } catch (e) {
        resolve(null);
        return;
      }
      req.onupgradeneeded = function () { req.result.createObjectStore("kv"); };
      req.onerror = req.onblocked = function () { resolve(null); };
      req.onsuccess = function () {
        var db = req.result;
        try {
          var tx = db.transaction("kv", "readonly");
          var st = tx.objectStore("kv");
          var keys = st.getAllKeys(), values = st.getAll();
          tx.oncomplete = function () { resolve({ db: db, keys: keys.result, values: values.result }); };
          tx.onabort = function () { resolve({ db: db }); };
        } catch (e) {
          resolve({ db: db });
        }
      };
    });
  }
  var compiled = WebAssembly.compileStreaming && typeof Response === "function"
    ? compileStream().catch(compileBytes)
    : compileBytes();
  compiled.catch(function () {}); // reported by run
  function run() {
    var go = new Go();
    compiled.then(function (m) { return WebAssembly.instantiate(m, go.importObject); })
      .then(function (instance) { return go.run(instance); }).catch(fail);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
