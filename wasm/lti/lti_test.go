package lti_test

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	pemlib "encoding/pem"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/lti/ltitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingTransport counts the requests it sends.
type countingTransport struct{ n atomic.Int32 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

func TestVerifyAcceptsAValidLaunch(t *testing.T) {
	p := ltitest.Start(t)
	p.ToolLaunch = "https://tool.example/v1/lti/launch"
	p.SetLink("rl-1", map[string]string{"purposeful_kind": "practice"}, true)
	v := lti.Verifier{JWKS: &lti.JWKSCache{Transport: http.DefaultTransport}}
	l, err := v.Verify(context.Background(), p.Sign(p.Claims("teacher-1", "rl-1", "n-1")), p.Registration(), "n-1")
	require.NoError(t, err)
	assert.Equal(t, "teacher-1", l.Subject)
	assert.Equal(t, "Tess Teacher", l.Name)
	assert.Equal(t, "rl-1", l.ResourceLink.ID)
	assert.Equal(t, "practice", l.Custom["purposeful_kind"])
	assert.True(t, lti.IsFacilitator(l.Roles))
	require.NotNil(t, l.AGS)
	assert.Equal(t, p.URL+"/lineitems/rl-1", l.AGS.LineItem)
	require.NotNil(t, l.NRPS)

	dl, err := v.Verify(context.Background(), p.Sign(p.Claims("teacher-1", "dl", "n-2")), p.Registration(), "n-2")
	require.NoError(t, err)
	require.NotNil(t, dl.DeepLinking)
	assert.Equal(t, p.URL+"/deeplink-return", dl.DeepLinking.ReturnURL)
}

// TestVerifyRefusesForgeries runs the token forgeries of the corpus
// against the verifier alone (the API test runs all of them, state and
// cookie ones included, through the handler).
func TestVerifyRefusesForgeries(t *testing.T) {
	p := ltitest.Start(t)
	p.ToolLaunch = "https://tool.example/v1/lti/launch"
	v := lti.Verifier{JWKS: &lti.JWKSCache{Transport: http.DefaultTransport}}
	n := 0
	for _, f := range ltitest.Forgeries() {
		if f.Flow != ltitest.FlowToken && f.Flow != ltitest.FlowOldNonce {
			continue
		}
		n++
		t.Run(f.Name, func(t *testing.T) {
			sent := "nonce-sent"
			tokNonce := sent
			if f.Flow == ltitest.FlowOldNonce {
				tokNonce = "nonce-of-an-earlier-login"
			}
			l, err := v.Verify(context.Background(), f.Token(p, tokNonce), p.Registration(), sent)
			require.Error(t, err)
			assert.Nil(t, l)
			assert.Equal(t, f.Reason, lti.ReasonOf(err), "%v", err)
			var le *lti.Error
			require.ErrorAs(t, err, &le)
			assert.NotEmpty(t, le.Detail)
		})
	}
	assert.GreaterOrEqual(t, n, 40)
}

func TestJWKSRefetchesOnceOnUnknownKid(t *testing.T) {
	p := ltitest.Start(t)
	ct := &countingTransport{}
	now := time.Unix(1_800_000_000, 0)
	cache := &lti.JWKSCache{Transport: ct, Now: func() time.Time { return now }}
	ctx := context.Background()
	_, err := cache.Key(ctx, p.URL+"/jwks", p.KID)
	require.NoError(t, err)
	_, err = cache.Key(ctx, p.URL+"/jwks", p.KID)
	require.NoError(t, err)
	assert.EqualValues(t, 1, ct.n.Load(), "a cached key set is reused")
	now = now.Add(11 * time.Second)
	_, err = cache.Key(ctx, p.URL+"/jwks", "rotated")
	assert.Equal(t, lti.ReasonKid, lti.ReasonOf(err))
	assert.EqualValues(t, 2, ct.n.Load(), "an unknown kid fetches the set again")
	for range 5 {
		_, err = cache.Key(ctx, p.URL+"/jwks", "forged-kid")
		assert.Equal(t, lti.ReasonKid, lti.ReasonOf(err))
	}
	assert.EqualValues(t, 2, ct.n.Load(), "unknown kids do not hammer the platform")
	now = now.Add(2 * time.Hour)
	_, err = cache.Key(ctx, p.URL+"/jwks", p.KID)
	require.NoError(t, err)
	assert.EqualValues(t, 3, ct.n.Load(), "an old set is fetched again after its TTL")
}

func TestJWKSUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 503) }))
	defer srv.Close()
	cache := &lti.JWKSCache{Transport: http.DefaultTransport}
	_, err := cache.Key(context.Background(), srv.URL, "k")
	assert.Equal(t, lti.ReasonJWKS, lti.ReasonOf(err))
}

func newKey(t *testing.T, kid string, expires time.Time) []byte {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	b, err := lti.EncodeKey(lti.SigningKey{KID: kid, Key: k, Expires: expires})
	require.NoError(t, err)
	return b
}

func TestKeyRotation(t *testing.T) {
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	pem := append(newKey(t, "new", time.Time{}), newKey(t, "old", now.Add(24*time.Hour))...)
	pem = append(pem, newKey(t, "gone", now.Add(-time.Hour))...)
	pem = append(pem, newKey(t, "", time.Time{})...)
	ks, err := lti.ParseKeySet(pem, now)
	require.NoError(t, err)
	assert.Equal(t, "new", ks.Current().KID, "the first key signs")
	var set jose.JSONWebKeySet
	b, err := ks.JWKS(now)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &set))
	var kids []string
	for _, k := range set.Keys {
		kids = append(kids, k.KeyID)
		assert.True(t, k.IsPublic(), "no private part is published")
		assert.Equal(t, "sig", k.Use)
	}
	require.Len(t, kids, 3)
	assert.Equal(t, []string{"new", "old"}, kids[:2], "the retired key stays published until it expires")
	tp, err := set.Keys[2].Thumbprint(crypto.SHA256)
	require.NoError(t, err)
	assert.Equal(t, base64.RawURLEncoding.EncodeToString(tp), kids[2], "a key without Kid gets its RFC 7638 thumbprint")
	assert.Equal(t, "RS256", set.Keys[2].Algorithm)
	b, _ = ks.JWKS(now.Add(48 * time.Hour))
	assert.NotContains(t, string(b), `"old"`, "an expired key is no longer published")

	_, err = lti.ParseKeySet([]byte("nothing here"), now)
	assert.ErrorIs(t, err, lti.ErrNoKey)
	small, _ := rsa.GenerateKey(rand.Reader, 1024)
	b, _ = lti.EncodeKey(lti.SigningKey{Key: small})
	_, err = lti.ParseKeySet(b, now)
	assert.ErrorIs(t, err, lti.ErrBadKey)
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	der, _ := x509.MarshalPKCS8PrivateKey(ec)
	_, err = lti.ParseKeySet(pemlib.EncodeToMemory(&pemlib.Block{Type: "PRIVATE KEY", Bytes: der}), now)
	assert.ErrorIs(t, err, lti.ErrBadKey, "an EC key is refused: platforms expect RS256")
	assert.ErrorContains(t, err, "only RSA keys")
	_, err = lti.ParseKeySet(newKey(t, "x", now.Add(-time.Second)), now)
	assert.ErrorIs(t, err, lti.ErrBadKey, "an expired signing key is refused, not silently skipped")
}

func TestPlatformValidate(t *testing.T) {
	ok := lti.Platform{Issuer: "https://canvas.instructure.com", ClientID: "1000", DeploymentIDs: []string{"d"},
		AuthURL: "https://sso.canvaslms.com/api/lti/authorize_redirect", TokenURL: "https://sso.canvaslms.com/login/oauth2/token",
		JWKSURL: "https://sso.canvaslms.com/api/lti/security/jwks"}
	require.NoError(t, ok.Validate())
	local := ok
	local.AuthURL = "http://127.0.0.1:9000/auth"
	assert.NoError(t, local.Validate(), "http is fine on loopback")
	tests := []struct {
		name string
		edit func(p *lti.Platform)
		want []string
	}{
		{"empty", func(p *lti.Platform) { *p = lti.Platform{} }, []string{"issuer: required", "client_id: required",
			"deployment_ids: at least one is required", "auth_url: required", "token_url: required", "jwks_url: required"}},
		{"http", func(p *lti.Platform) { p.TokenURL = "http://lms.example/token" }, []string{"token_url: must use https"}},
		{"relative", func(p *lti.Platform) { p.JWKSURL = "/jwks" }, []string{"jwks_url: not an absolute URL"}},
		{"duplicate deployment", func(p *lti.Platform) { p.DeploymentIDs = []string{"a", "a"} }, []string{"deployment_ids[1]: listed twice"}},
		{"control characters", func(p *lti.Platform) { p.ClientID = "a\nb" }, []string{"client_id: has control characters"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := ok
			tc.edit(&p)
			err := p.Validate()
			require.Error(t, err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestLogin(t *testing.T) {
	_, err := lti.ParseLogin(url.Values{})
	require.Error(t, err)
	assert.Equal(t, lti.ReasonLogin, lti.ReasonOf(err))
	for _, w := range []string{"iss is missing", "login_hint is missing", "target_link_uri is missing"} {
		assert.Contains(t, err.Error(), w)
	}
	l, err := lti.ParseLogin(url.Values{"iss": {"https://lms.example"}, "login_hint": {"u1"},
		"target_link_uri": {"https://tool.example/v1/lti/launch"}, "lti_message_hint": {"m"}})
	require.NoError(t, err)
	p := lti.Platform{ClientID: "c1", AuthURL: "https://lms.example/auth?tenant=3"}
	u, err := url.Parse(lti.AuthRedirect(p, l, "https://tool.example/v1/lti/launch", "st", "no"))
	require.NoError(t, err)
	q := u.Query()
	assert.Equal(t, "3", q.Get("tenant"), "the auth URL's own query is kept")
	for k, want := range map[string]string{"scope": "openid", "response_type": "id_token", "response_mode": "form_post",
		"prompt": "none", "client_id": "c1", "login_hint": "u1", "lti_message_hint": "m", "state": "st", "nonce": "no",
		"redirect_uri": "https://tool.example/v1/lti/launch"} {
		assert.Equal(t, want, q.Get(k), k)
	}
}

func TestIsFacilitator(t *testing.T) {
	const lis = "http://purl.imsglobal.org/vocab/lis/v2/"
	tests := []struct {
		roles []string
		want  bool
	}{
		{[]string{lis + "membership#Instructor"}, true},
		{[]string{lis + "membership/Instructor#TeachingAssistant"}, true},
		{[]string{lis + "institution/person#Administrator"}, true},
		{[]string{lis + "system/person#Administrator"}, true},
		{[]string{"Instructor"}, true},
		{[]string{lis + "membership#Learner"}, false},
		{[]string{lis + "institution/person#Instructor", lis + "membership#Learner"}, false},
		{[]string{"https://evil.example/membership#Instructor"}, false},
		{nil, false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, lti.IsFacilitator(tc.roles), "%v", tc.roles)
	}
}

type memTokens struct {
	m map[string]string
	e map[string]time.Time
}

func (m *memTokens) Token(_ context.Context, p, s string, now time.Time) (string, error) {
	if now.Before(m.e[p+s]) {
		return m.m[p+s], nil
	}
	return "", nil
}
func (m *memTokens) PutToken(_ context.Context, p, s, t string, e time.Time) error {
	m.m[p+s], m.e[p+s] = t, e
	return nil
}
func (m *memTokens) DropToken(_ context.Context, p, s string) error {
	delete(m.m, p+s)
	delete(m.e, p+s)
	return nil
}

// toolKeys serves a tool's JWKS for the mock platform to check its
// assertions and responses.
func toolKeys(t *testing.T, p *ltitest.Platform) lti.KeySet {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	ks := lti.KeySet{Keys: []lti.SigningKey{{KID: "tool-1", Alg: "RS256", Key: k}}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := ks.JWKS(time.Now())
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	p.ToolJWKS = srv.URL
	return ks
}

func TestServices(t *testing.T) {
	p := ltitest.Start(t)
	ks := toolKeys(t, p)
	reg := p.Registration()
	reg.ID = "p1"
	s := &lti.Services{Platform: reg, Key: ks.Current(), Transport: http.DefaultTransport,
		Tokens: &memTokens{m: map[string]string{}, e: map[string]time.Time{}}}
	ctx := context.Background()
	p.SetLink("rl", nil, true)
	given := 80.0
	body, _ := json.Marshal(lti.Score{UserID: "learner-1", ScoreGiven: &given, ScoreMaximum: 100,
		ActivityProgress: "Completed", GradingProgress: "FullyGraded", Timestamp: time.Now().Format(time.RFC3339Nano)})
	require.NoError(t, s.PostScore(ctx, p.URL+"/lineitems/rl", body))
	require.NoError(t, s.PostScore(ctx, p.URL+"/lineitems/rl", body))
	assert.Equal(t, 1, p.TokenGrants(), "the access token is reused until it expires")
	require.Len(t, p.Scores(), 2)
	assert.Equal(t, 80.0, p.Scores()[0].Body["scoreGiven"])

	p.FailScores(1)
	err := s.PostScore(ctx, p.URL+"/lineitems/rl", body)
	assert.ErrorIs(t, err, lti.ErrUnavailable, "a 503 may be retried")
	err = s.PostScore(ctx, p.URL+"/nothing-here", body)
	assert.ErrorIs(t, err, lti.ErrService)

	ms, err := s.Members(ctx, p.URL+"/memberships")
	require.NoError(t, err)
	assert.Len(t, ms, 4, "every page of the roster is read")
	assert.Equal(t, "teacher-1", ms[0].UserID)

	dl := lti.DeepLinkingSettings{ReturnURL: p.URL + "/deeplink-return", Data: "opaque-platform-data"}
	jwt, err := lti.DeepLinkResponse(ks.Current(), reg, p.DeploymentID, dl, []lti.ContentItem{{Title: "Practice",
		Custom: map[string]string{"purposeful_kind": "practice"}, LineItem: &lti.LineItem{ScoreMaximum: 100, Label: "Practice"}}}, time.Now())
	require.NoError(t, err)
	res, err := http.PostForm(dl.ReturnURL, url.Values{"JWT": {jwt}})
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode, "the platform accepts the signed response")
	require.Len(t, p.DeepLinks(), 1)
	assert.Equal(t, "ltiResourceLink", p.DeepLinks()[0][0].Type)
	assert.Equal(t, 100.0, p.DeepLinks()[0][0].LineItem.ScoreMaximum)
	assert.True(t, strings.Count(jwt, ".") == 2)
}

// BenchmarkVerify measures a launch verification with the platform's key
// set already cached (target: under 1 ms of CPU).
func BenchmarkVerify(b *testing.B) {
	p := ltitest.Start(b)
	p.ToolLaunch = "https://tool.example/v1/lti/launch"
	p.SetLink("rl-1", map[string]string{"purposeful_kind": "workshop"}, true)
	v := lti.Verifier{JWKS: &lti.JWKSCache{Transport: http.DefaultTransport}}
	tok := p.Sign(p.Claims("learner-1", "rl-1", "n"))
	reg := p.Registration()
	ctx := context.Background()
	if _, err := v.Verify(ctx, tok, reg, "n"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := v.Verify(ctx, tok, reg, "n"); err != nil {
			b.Fatal(err)
		}
	}
}
