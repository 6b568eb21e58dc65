// Loads the Go WebAssembly program. This file and wasm_exec.js (from the Go
// toolchain) are the only JavaScript the page runs; everything else is Go.
(function () {
  "use strict";
  var go = new Go();
  var status = document.getElementById("boot-status");
  function fail(err) {
    if (status) {
      status.textContent = "The workshop could not start in this browser: " + err;
    }
  }
  // The program to load is named by the script element (data-wasm), so
  // every page of the site shares this loader.
  var me = document.currentScript;
  var src = (me && me.getAttribute("data-wasm")) || "page.wasm";
  var start = WebAssembly.instantiateStreaming
    ? WebAssembly.instantiateStreaming(fetch(src), go.importObject).catch(function () {
        return fetch(src).then(function (r) { return r.arrayBuffer(); })
          .then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
      })
    : fetch(src).then(function (r) { return r.arrayBuffer(); })
        .then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
  start.then(function (r) { return go.run(r.instance); }).catch(fail);
})();
