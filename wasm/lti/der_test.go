package lti_test

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKeyEncodingMatchesX509: the tool's keys are written byte for byte
// as crypto/x509 writes PKCS #8, and keys written by x509 (as openssl and
// most tools write them, PKCS #8 and PKCS #1) read back as the same key.
func TestKeyEncodingMatchesX509(t *testing.T) {
	now := time.Now()
	for _, bits := range []int{2048, 3072, 4096} {
		k, err := rsa.GenerateKey(rand.Reader, bits)
		require.NoError(t, err)
		ours, err := lti.EncodeKey(lti.SigningKey{KID: "k", Key: k})
		require.NoError(t, err)
		b, _ := pem.Decode(ours)
		require.NotNil(t, b)
		want, err := x509.MarshalPKCS8PrivateKey(k)
		require.NoError(t, err)
		assert.Equal(t, want, b.Bytes, "%d bits", bits)

		for _, blk := range []*pem.Block{{Type: "PRIVATE KEY", Bytes: want}, {Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}} {
			ks, err := lti.ParseKeySet(pem.EncodeToMemory(blk), now)
			require.NoError(t, err, blk.Type)
			assert.True(t, k.Equal(ks.Current().Key), "%s of %d bits reads back as the same key", blk.Type, bits)
		}
	}
}

// TestParseKeyRefusesBrokenDER: damaged key material is refused with
// ErrBadKey, never a panic or a wrong key.
func TestParseKeyRefusesBrokenDER(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	pkcs8, err := x509.MarshalPKCS8PrivateKey(k)
	require.NoError(t, err)
	pkcs1 := x509.MarshalPKCS1PrivateKey(k)
	rsaOID := []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01} // 1.2.840.113549.1.1.1
	edit := func(b []byte, f func([]byte) []byte) []byte { return f(append([]byte(nil), b...)) }
	tests := []struct {
		name, typ string
		der       []byte
		why       string
	}{
		{"empty", "PRIVATE KEY", nil, "not valid DER"},
		{"truncated", "PRIVATE KEY", pkcs8[:len(pkcs8)-1], "not valid DER"},
		{"trailing byte", "PRIVATE KEY", append(append([]byte(nil), pkcs8...), 0), "not valid DER"},
		{"not a sequence", "PRIVATE KEY", edit(pkcs8, func(b []byte) []byte { b[0] = 0x31; return b }), "not valid DER"},
		{"length longer than the data", "RSA PRIVATE KEY", edit(pkcs1, func(b []byte) []byte { b[3]++; return b }), "not valid DER"},
		{"version 1 (multi-prime)", "RSA PRIVATE KEY", edit(pkcs1, func(b []byte) []byte { b[6] = 1; return b }), "two-prime"},
		{"modulus changed", "RSA PRIVATE KEY", edit(pkcs1, func(b []byte) []byte { b[len(b)/4] ^= 0x10; return b }), "crypto/rsa"},
		{"another algorithm", "PRIVATE KEY", edit(pkcs8, func(b []byte) []byte { b[bytes.Index(b, rsaOID)+len(rsaOID)-1] = 2; return b }), "only RSA keys"},
		{"EC block", "EC PRIVATE KEY", pkcs1, "cannot sign LTI messages"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lti.ParseKeySet(pem.EncodeToMemory(&pem.Block{Type: tc.typ, Bytes: tc.der}), time.Now())
			assert.ErrorIs(t, err, lti.ErrBadKey)
			assert.ErrorContains(t, err, tc.why)
		})
	}
}

// FuzzParseKeySet: whatever DER arrives in a key block, reading it does
// not panic, and a key accepted is one x509 reads the same way and that
// signs what its published key verifies.
func FuzzParseKeySet(f *testing.F) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		f.Fatal(err)
	}
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(k)
	f.Add(pkcs8, true)
	f.Add(x509.MarshalPKCS1PrivateKey(k), false)
	f.Fuzz(func(t *testing.T, der []byte, eight bool) {
		typ := "RSA PRIVATE KEY"
		if eight {
			typ = "PRIVATE KEY"
		}
		ks, err := lti.ParseKeySet(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), time.Now())
		if err != nil {
			return
		}
		var ref any
		if eight {
			ref, err = x509.ParsePKCS8PrivateKey(der)
		} else {
			ref, err = x509.ParsePKCS1PrivateKey(der)
		}
		if err != nil || !ks.Current().Key.Equal(ref) {
			t.Fatalf("accepted a key x509 reads otherwise: %v", err)
		}
		if _, err := ks.Current().Sign(map[string]any{"a": 1}); err != nil {
			t.Fatalf("an accepted key cannot sign: %v", err)
		}
	})
}
