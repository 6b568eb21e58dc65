package lti

import (
	"bytes"
	"crypto/rsa"
	"errors"
	"math/big"
)

// The DER (X.690) subset that RSA private keys in PKCS #1 (RFC 8017
// A.1.2) and PKCS #8 (RFC 5208) need: SEQUENCE, INTEGER, OCTET STRING,
// OBJECT IDENTIFIER and NULL, definite lengths only. crypto/x509 does
// this and much more, and linking it cost the worker about 40 KiB gzip.

const (
	tagInteger  = 0x02
	tagOctets   = 0x04
	tagNull     = 0x05
	tagOID      = 0x06
	tagSequence = 0x30
)

// oidRSA is rsaEncryption (1.2.840.113549.1.1.1), DER-encoded.
var oidRSA = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01}

var errDER = errors.New("the key is not valid DER")

// der is DER input, read from the front.
type der []byte

// next reads one element of the given tag and returns its contents.
// Lengths must be in their shortest form, as DER requires.
func (d *der) next(tag byte) (der, error) {
	in := *d
	if len(in) < 2 || in[0] != tag {
		return nil, errDER
	}
	n, hdr := int(in[1]), 2
	if n&0x80 != 0 {
		k := n & 0x7f
		if k == 0 || k > 3 || len(in) < 2+k || in[2] == 0 {
			return nil, errDER
		}
		n = 0
		for _, c := range in[2 : 2+k] {
			n = n<<8 | int(c)
		}
		if n < 0x80 {
			return nil, errDER
		}
		hdr += k
	}
	if len(in)-hdr < n {
		return nil, errDER
	}
	*d = in[hdr+n:]
	return in[hdr : hdr+n], nil
}

// integer reads a non-negative INTEGER in its shortest form.
func (d *der) integer() (*big.Int, error) {
	v, err := d.next(tagInteger)
	if err != nil || len(v) == 0 || v[0]&0x80 != 0 || (len(v) > 1 && v[0] == 0 && v[1]&0x80 == 0) {
		return nil, errDER
	}
	return new(big.Int).SetBytes(v), nil
}

// parsePKCS1 reads an RSAPrivateKey with two primes and checks that its
// parts agree.
func parsePKCS1(b []byte) (*rsa.PrivateKey, error) {
	in := der(b)
	seq, err := in.next(tagSequence)
	if err != nil || len(in) != 0 {
		return nil, errDER
	}
	var v [9]*big.Int // version, n, e, d, p, q, dp, dq, qinv
	for i := range v {
		if v[i], err = seq.integer(); err != nil {
			return nil, err
		}
	}
	if v[0].Sign() != 0 || len(seq) != 0 {
		return nil, errors.New("only two-prime RSA keys (version 0) are supported")
	}
	if !v[2].IsInt64() || v[2].Int64() > 1<<31-1 {
		return nil, errors.New("the RSA key's public exponent is not usable")
	}
	k := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: v[1], E: int(v[2].Int64())}, D: v[3], Primes: []*big.Int{v[4], v[5]}}
	if err := k.Validate(); err != nil {
		return nil, err
	}
	k.Precompute()
	pc := k.Precomputed
	if pc.Dp == nil || pc.Dp.Cmp(v[6]) != 0 || pc.Dq.Cmp(v[7]) != 0 || pc.Qinv.Cmp(v[8]) != 0 {
		return nil, errors.New("the RSA key's CRT values do not match its primes")
	}
	return k, nil
}

// parsePKCS8 reads a PrivateKeyInfo that holds an RSA key.
func parsePKCS8(b []byte) (*rsa.PrivateKey, error) {
	in := der(b)
	seq, err := in.next(tagSequence)
	if err != nil || len(in) != 0 {
		return nil, errDER
	}
	version, err := seq.integer()
	if err != nil || version.Sign() != 0 {
		return nil, errDER
	}
	alg, err := seq.next(tagSequence)
	if err != nil {
		return nil, err
	}
	oid, err := alg.next(tagOID)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(oid, oidRSA) {
		return nil, errors.New("only RSA keys can sign LTI messages here")
	}
	if len(alg) > 0 {
		if null, err := alg.next(tagNull); err != nil || len(null) != 0 || len(alg) != 0 {
			return nil, errDER
		}
	}
	key, err := seq.next(tagOctets)
	if err != nil {
		return nil, err
	}
	return parsePKCS1(key) // optional attributes after the key are ignored
}

// element encodes one DER element.
func element(tag byte, content ...[]byte) []byte {
	n := 0
	for _, c := range content {
		n += len(c)
	}
	out := []byte{tag}
	switch {
	case n < 0x80:
		out = append(out, byte(n))
	case n < 0x100:
		out = append(out, 0x81, byte(n))
	case n < 0x10000:
		out = append(out, 0x82, byte(n>>8), byte(n))
	default:
		out = append(out, 0x83, byte(n>>16), byte(n>>8), byte(n))
	}
	for _, c := range content {
		out = append(out, c...)
	}
	return out
}

func integer(x *big.Int) []byte {
	b := x.Bytes()
	if len(b) == 0 || b[0]&0x80 != 0 {
		b = append([]byte{0}, b...)
	}
	return element(tagInteger, b)
}

// marshalPKCS8 encodes a two-prime key k as a PrivateKeyInfo, the same
// bytes as crypto/x509.MarshalPKCS8PrivateKey.
func marshalPKCS8(k *rsa.PrivateKey) ([]byte, error) {
	if len(k.Primes) != 2 {
		return nil, errors.New("only two-prime RSA keys are supported")
	}
	k.Precompute()
	if k.Precomputed.Dp == nil || k.Precomputed.Dq == nil || k.Precomputed.Qinv == nil {
		return nil, errors.New("the RSA key is not valid")
	}
	pkcs1 := element(tagSequence, integer(new(big.Int)), integer(k.N), integer(big.NewInt(int64(k.E))), integer(k.D),
		integer(k.Primes[0]), integer(k.Primes[1]), integer(k.Precomputed.Dp), integer(k.Precomputed.Dq), integer(k.Precomputed.Qinv))
	return element(tagSequence, integer(new(big.Int)),
		element(tagSequence, element(tagOID, oidRSA), element(tagNull)),
		element(tagOctets, pkcs1)), nil
}
