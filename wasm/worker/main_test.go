//go:build !js

package main

import (
	"net/http"
	"testing"

	"github.com/purposefulcx/purposeful/wasm/internal/skips"
)

// TestMain reports the tests skipped for want of the Node packages
// (wrangler, workerd) in go test's default output.
//
// It also sets how every request of these tests (the suite, the load, the
// soak, the LTI flows) reaches wrangler dev: on a new connection each
// time, and through devProxyTransport. Both hops of wrangler dev's proxy
// lose requests on reused connections under load. Between the tests and
// the proxy, POSTs sent on a kept connection after a pause failed with
// "connection reset by peer", "EOF" or "server closed idle connection"
// (1 or 2 in 40 bursts of 30, measured with three busy loops on the
// 2-core machine, even with idle connections dropped after 2 s); Go does
// not send a POST again, since it cannot know whether the server saw it.
// With a new connection per request: none in 80 bursts.
func TestMain(m *testing.M) {
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.DisableKeepAlives = true
	http.DefaultTransport = devProxyTransport{base: base}
	skips.Main(m)
}
