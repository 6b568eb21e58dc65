package build

// CSP is the Content-Security-Policy the page ships with in its meta
// element. Servers may send it as a header too (adding frame-ancestors,
// which a meta element cannot carry). Scripts come only from the page's own
// origin, with 'wasm-unsafe-eval' so Go can compile its WebAssembly; there
// is no inline script and no eval.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
