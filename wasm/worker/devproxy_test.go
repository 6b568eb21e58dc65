//go:build !js

package main

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
)

// devProxyResent counts the requests devProxyTransport has sent again.
var devProxyResent atomic.Int64

// devProxyLost is how wrangler dev's proxy begins its answer to a request
// it could not pass on.
const devProxyLost = "Your worker restarted mid-request."

// devProxyTransport sends a request again when wrangler dev's proxy lost
// it on the way to the worker. The proxy (the ProxyWorker that only
// `wrangler dev` puts in front of a worker) can pick an idle connection to
// the worker that workerd is closing; its fetch then fails with "Network
// connection lost", and it answers 503 "Your worker restarted
// mid-request" though nothing restarted. Measured on this project's
// 2-core machine with three busy loops running: after 4.5 s without
// requests, bursts of 30 POSTs lost 1 to 14 of them, with our worker and
// just as well with a plain JS worker that spends 8 ms of CPU per request.
// A log line at the top of that worker's fetch showed that none of the 24
// lost requests had reached it. So sending one again gives what a client
// of the deployed worker, which has no such proxy, gets. The worker's own
// 503s are problem documents and are never sent again.
type devProxyTransport struct{ base http.RoundTripper }

func (d devProxyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	for try := 1; ; try++ {
		res, err := d.base.RoundTrip(r)
		if err != nil || try == 3 || (r.Body != nil && r.GetBody == nil) {
			return res, err
		}
		lost, err := lostByDevProxy(res)
		if err != nil || !lost {
			return res, err
		}
		devProxyResent.Add(1)
		again := r.Clone(r.Context())
		if r.Body != nil {
			if again.Body, err = r.GetBody(); err != nil {
				return nil, err
			}
		}
		r = again
	}
}

// lostByDevProxy tells whether res is the proxy's answer for a request it
// lost. When it is not, res keeps its body unread.
func lostByDevProxy(res *http.Response) (bool, error) {
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") != "0" ||
		!strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
		return false, nil
	}
	b, err := io.ReadAll(io.LimitReader(res.Body, 4096))
	res.Body.Close()
	if err != nil {
		return false, err
	}
	if strings.HasPrefix(string(b), devProxyLost) {
		return true, nil
	}
	res.Body = io.NopCloser(bytes.NewReader(b))
	return false, nil
}
