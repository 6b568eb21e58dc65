package lti_test

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/lti/ltitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// signRaw signs header and claims with RS256 over exactly the header
// bytes given, so a test can send headers no JOSE library would write.
func signRaw(t *testing.T, key *rsa.PrivateKey, header string, claims any) string {
	payload, err := json.Marshal(claims)
	require.NoError(t, err)
	enc := base64.RawURLEncoding
	in := enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString(payload)
	d := sha256.Sum256([]byte(in))
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, d[:])
	require.NoError(t, err)
	return in + "." + enc.EncodeToString(sig)
}

func jwks(t *testing.T, keys ...jose.JSONWebKey) []byte {
	b, err := json.Marshal(jose.JSONWebKeySet{Keys: keys})
	require.NoError(t, err)
	return b
}

// TestVerifyJOSE checks the JWS layer against tokens and key sets made by
// an independent JOSE implementation (go-jose) and by hand: the classic
// JWT attacks are refused with the check they defeat, and every RSA
// algorithm a platform may use is accepted.
func TestVerifyJOSE(t *testing.T) {
	p := ltitest.Start(t)
	p.ToolLaunch = "https://tool.example/v1/lti/launch"
	const nonce = "n-1"
	claims := p.Claims("learner-1", "rl-1", nonce)
	kid := map[jose.HeaderKey]any{"kid": p.KID}
	anyAlg := jose.JSONWebKey{Key: &p.Key.PublicKey, KeyID: p.KID, Use: "sig"} // no "alg": any that fits
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	require.NoError(t, err)
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	good := ltitest.SignWith(jose.RS256, p.Key, kid, claims)
	sig := good[strings.LastIndexByte(good, '.')+1:]

	tests := []struct {
		name  string
		set   []byte
		token string
		want  lti.Reason // "" accepted
	}{
		{"RS256", jwks(t, p.JWK()), good, ""},
		{"RS384", jwks(t, anyAlg), ltitest.SignWith(jose.RS384, p.Key, kid, claims), ""},
		{"RS512", jwks(t, anyAlg), ltitest.SignWith(jose.RS512, p.Key, kid, claims), ""},
		{"PS256", jwks(t, anyAlg), ltitest.SignWith(jose.PS256, p.Key, kid, claims), ""},
		{"PS384", jwks(t, anyAlg), ltitest.SignWith(jose.PS384, p.Key, kid, claims), ""},
		{"PS512", jwks(t, anyAlg), ltitest.SignWith(jose.PS512, p.Key, kid, claims), ""},
		{"unusable keys beside the platform's are skipped",
			jwks(t, jose.JSONWebKey{Key: &ec.PublicKey, KeyID: "ec"}, jose.JSONWebKey{Key: []byte("secret"), KeyID: "hmac"}, p.JWK()), good, ""},

		{"alg none with an empty signature", jwks(t, anyAlg), unsigned(`{"alg":"none","kid":"`+p.KID+`"}`, good), lti.ReasonAlg},
		{"HS256 keyed with the modulus, key without alg", jwks(t, anyAlg),
			ltitest.SignWith(jose.HS256, p.Key.PublicKey.N.Bytes(), kid, claims), lti.ReasonAlg},
		{"PS256 token, key restricted to RS256", jwks(t, p.JWK()), ltitest.SignWith(jose.PS256, p.Key, kid, claims), lti.ReasonAlg},
		{"ES256 by an EC key the set publishes", jwks(t, jose.JSONWebKey{Key: &ec.PublicKey, KeyID: p.KID, Use: "sig"}),
			ltitest.SignWith(jose.ES256, ec, kid, claims), lti.ReasonAlg},
		{"alg given twice", jwks(t, anyAlg), signRaw(t, p.Key, `{"alg":"RS256","kid":"`+p.KID+`","alg":"none"}`, claims), lti.ReasonFormat},
		{"alg spelt ALG", jwks(t, anyAlg), signRaw(t, p.Key, `{"ALG":"RS256","kid":"`+p.KID+`"}`, claims), lti.ReasonAlg},
		{"alg is not a string", jwks(t, anyAlg), signRaw(t, p.Key, `{"alg":["RS256"],"kid":"`+p.KID+`"}`, claims), lti.ReasonFormat},
		{"critical header extension", jwks(t, anyAlg), signRaw(t, p.Key, `{"alg":"RS256","kid":"`+p.KID+`","crit":["exp"],"exp":1}`, claims), lti.ReasonFormat},
		{"header is an array", jwks(t, anyAlg), signRaw(t, p.Key, `["RS256"]`, claims), lti.ReasonFormat},
		{"unknown header members are ignored", jwks(t, anyAlg), signRaw(t, p.Key, `{"alg":"RS256","kid":"`+p.KID+`","x-note":{"a":[1]}}`, claims), ""},
		{"padded signature", jwks(t, p.JWK()), good + "==", lti.ReasonFormat},
		{"signature with non-zero spare bits", jwks(t, p.JWK()), good[:len(good)-1] + spareBitsFlipped(sig), lti.ReasonFormat},
		{"kid of another published key", jwks(t, p.JWK(), jose.JSONWebKey{Key: &other.PublicKey, KeyID: "other", Algorithm: "RS256"}),
			ltitest.SignWith(jose.RS256, p.Key, map[jose.HeaderKey]any{"kid": "other"}, claims), lti.ReasonSignature},
		{"signed by a key of the same kid from elsewhere", jwks(t, p.JWK()), ltitest.SignWith(jose.RS256, other, kid, claims), lti.ReasonSignature},
		{"kid longer than 255 bytes", jwks(t, p.JWK()),
			ltitest.SignWith(jose.RS256, p.Key, map[jose.HeaderKey]any{"kid": strings.Repeat("k", 256)}, claims), lti.ReasonKid},
		{"key for encryption only", jwks(t, jose.JSONWebKey{Key: &p.Key.PublicKey, KeyID: p.KID, Use: "enc"}, jose.JSONWebKey{Key: &other.PublicKey, KeyID: "x"}),
			good, lti.ReasonKid},
		{"the only key is 1024 bits", jwks(t, jose.JSONWebKey{Key: &small.PublicKey, KeyID: p.KID}),
			ltitest.SignWith(jose.RS256, small, kid, claims), lti.ReasonJWKS},
		{"the set publishes the private key", jwks(t, jose.JSONWebKey{Key: p.Key, KeyID: p.KID}), good, lti.ReasonJWKS},
		{"expired", jwks(t, p.JWK()), ltitest.SignWith(jose.RS256, p.Key, kid, withClaim(claims, "exp", int64(1_600_000_000))), lti.ReasonExpired},
		{"wrong aud", jwks(t, p.JWK()), ltitest.SignWith(jose.RS256, p.Key, kid, withClaim(claims, "aud", "another-tool")), lti.ReasonAudience},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := lti.Verifier{JWKS: &lti.JWKSCache{Transport: staticJWKS(tc.set)}}
			l, err := v.Verify(context.Background(), tc.token, p.Registration(), nonce)
			if tc.want == "" {
				require.NoError(t, err)
				assert.Equal(t, "learner-1", l.Subject)
				return
			}
			assert.Nil(t, l)
			assert.Equal(t, tc.want, lti.ReasonOf(err), "%v", err)
		})
	}
}

// unsigned is header with the payload of token and no signature.
func unsigned(header, token string) string {
	payload := token[strings.IndexByte(token, '.')+1 : strings.LastIndexByte(token, '.')]
	return base64.RawURLEncoding.EncodeToString([]byte(header)) + "." + payload + "."
}

// withClaim is claims with name set to v.
func withClaim(claims map[string]any, name string, v any) map[string]any {
	c := map[string]any{}
	for k, x := range claims {
		c[k] = x
	}
	c[name] = v
	return c
}

// spareBitsFlipped returns the last character of a base64url segment
// changed in a bit that decoding drops: a lax decoder reads the same
// bytes, a strict one refuses it.
func spareBitsFlipped(seg string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	i := strings.IndexByte(alphabet, seg[len(seg)-1])
	return string(alphabet[i^1])
}

// TestSignInteroperates: what the tool signs verifies with go-jose against
// the key set the tool publishes, for every algorithm a key may carry.
func TestSignInteroperates(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	for _, alg := range []string{"", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"} {
		t.Run(alg, func(t *testing.T) {
			ks := lti.KeySet{Keys: []lti.SigningKey{{KID: "tool-1", Alg: alg, Key: k}}}
			tok, err := ks.Current().Sign(map[string]any{"iss": "tool", "n": 1})
			require.NoError(t, err)
			b, err := ks.JWKS(time.Now())
			require.NoError(t, err)
			var set jose.JSONWebKeySet
			require.NoError(t, json.Unmarshal(b, &set))
			want := alg
			if want == "" {
				want = "RS256"
			}
			obj, err := jose.ParseSignedCompact(tok, []jose.SignatureAlgorithm{jose.SignatureAlgorithm(want)})
			require.NoError(t, err)
			assert.Equal(t, "tool-1", obj.Signatures[0].Header.KeyID)
			assert.Equal(t, "JWT", obj.Signatures[0].Header.ExtraHeaders["typ"])
			require.Len(t, set.Key("tool-1"), 1)
			payload, err := obj.Verify(set.Key("tool-1")[0])
			require.NoError(t, err)
			assert.JSONEq(t, `{"iss":"tool","n":1}`, string(payload))
		})
	}
	_, err = lti.SigningKey{KID: "x", Alg: "HS256", Key: k}.Sign(map[string]any{})
	assert.Error(t, err, "a key never signs with HMAC")
	_, err = lti.SigningKey{KID: "x", Alg: "none", Key: k}.Sign(map[string]any{})
	assert.Error(t, err)
}
