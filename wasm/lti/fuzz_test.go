package lti_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/lti/ltitest"
)

// staticJWKS answers every request with one key set, from memory.
type staticJWKS []byte

func (s staticJWKS) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(s)), Request: r}, nil
}

// FuzzVerify: whatever arrives as an id_token, Verify does not panic and
// a refusal always names its reason. Seeded with the forged corpus.
func FuzzVerify(f *testing.F) {
	p := ltitest.Start(f)
	p.ToolLaunch = "https://tool.example/v1/lti/launch"
	set, _ := json.Marshal(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{p.JWK()}})
	v := lti.Verifier{JWKS: &lti.JWKSCache{Transport: staticJWKS(set)}}
	reg := p.Registration()
	for _, fg := range ltitest.Forgeries() {
		f.Add(fg.Token(p, "n"))
	}
	f.Add(p.Sign(p.Claims("learner-1", "rl", "n")))
	f.Fuzz(func(t *testing.T, raw string) {
		l, err := v.Verify(context.Background(), raw, reg, "n")
		if err != nil {
			if l != nil || lti.ReasonOf(err) == "" {
				t.Fatalf("a refusal must name its reason and return no launch: %v", err)
			}
			return
		}
		if l.Subject == "" || l.DeploymentID != p.DeploymentID || l.Issuer != reg.Issuer {
			t.Fatalf("accepted a launch without its required claims: %+v", l)
		}
	})
}
