package bridge_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/worker/bridge"
	"github.com/stretchr/testify/require"
)

// benchHeader is what workerd hands the glue for the worker bench's review
// (tools/bench.mjs): lower-case names, one line each.
const benchHeader = "accept:*/*\naccept-encoding:br, gzip\naccept-language:*\ncf-connecting-ip:127.0.0.1\nconnection:close\n" +
	"content-length:154\ncontent-type:application/json\nhost:127.0.0.1:43399\nsec-fetch-mode:cors\nuser-agent:undici\n"

const benchReview = `{"draft":"I am so sorry your room was not ready. I will have it ready in ten minutes and bring you a coffee while you wait.","situation":{"state":"upset","cause":"our-error"}}`

// BenchmarkServe runs the worker's hottest route and an unknown path (the
// fixed cost every request pays) through the bridge and the API handler as
// the worker does; allocations are most of the cost in the wasm baseline
// tier a kept instance runs in for its first hundreds of requests.
func BenchmarkServe(b *testing.B) {
	cfg, err := api.ConfigFromEnv(func(name string) string {
		if name == api.EnvPublicOrg {
			return "bench"
		}
		return ""
	})
	require.NoError(b, err)
	cfg.ClientIPHeader = "CF-Connecting-IP"
	h := api.New(cfg)
	cases := []struct {
		name string
		req  bridge.Request
		want int
	}{
		{"review", bridge.Request{Method: "POST", URL: "http://api.bench/v1/recovery/review", Header: benchHeader, Body: []byte(benchReview)}, http.StatusOK},
		{"not-found", bridge.Request{Method: "GET", URL: "http://api.bench/nope", Header: benchHeader}, http.StatusNotFound},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			require.Equal(b, tc.want, bridge.Serve(context.Background(), h, tc.req).Status)
			b.ReportAllocs()
			for b.Loop() {
				bridge.Serve(context.Background(), h, tc.req)
			}
		})
	}
}
