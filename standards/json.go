package standards

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// MaxDocumentLen is the largest JSON document, in bytes, that [Decode]
// reads.
const MaxDocumentLen = 16 << 20

// Encode writes b as indented JSON with the version set to [Version].
// It does not validate b; call [Book.Validate] first if b came from users.
func Encode(w io.Writer, b *Book) error {
	c := *b
	c.Version = Version
	if c.Standards == nil {
		c.Standards = []Standard{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(&c)
}

// Decode reads one book strictly: unknown fields, trailing data, a missing
// or different version and any problem [Book.Validate] finds are errors.
// A version error names the field ("version: standards: unsupported
// version: ...").
func Decode(r io.Reader) (*Book, error) {
	data, err := readDocument(r)
	if err != nil {
		return nil, err
	}
	var head struct {
		Version *string `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("standards: %w", err)
	}
	if head.Version == nil {
		return nil, fieldErr("version", ErrMissing, "want %q", Version)
	}
	if *head.Version != Version {
		return nil, fieldErr("version", ErrVersion, "%q, want %q", *head.Version, Version)
	}
	var b Book
	if err := decodeData(data, &b); err != nil {
		return nil, err
	}
	if b.Standards == nil {
		b.Standards = []Standard{}
	}
	if err := b.Validate(); err != nil {
		return nil, err
	}
	return &b, nil
}

// readDocument reads all of r, up to [MaxDocumentLen] bytes.
func readDocument(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentLen+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxDocumentLen {
		return nil, fmt.Errorf("standards: document larger than %d bytes", MaxDocumentLen)
	}
	return data, nil
}

// decodeStrict reads one JSON value into v, rejecting unknown fields and
// trailing data.
func decodeStrict(r io.Reader, v any) error {
	data, err := readDocument(r)
	if err != nil {
		return err
	}
	return decodeData(data, v)
}

// decodeData decodes the one JSON value of data into v, rejecting
// unknown fields and trailing data.
func decodeData(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("standards: %w", err)
	}
	if dec.More() {
		return errors.New("standards: trailing data after the document")
	}
	return nil
}

// DecodeStandard reads one standard strictly (unknown fields and trailing
// data are errors) and validates it with [Standard.Validate]. It is meant
// for API requests that carry a single standard.
func DecodeStandard(r io.Reader) (Standard, error) {
	var s Standard
	if err := decodeStrict(r, &s); err != nil {
		return Standard{}, err
	}
	if err := s.Validate(); err != nil {
		return Standard{}, err
	}
	return s, nil
}

// DecodeObservation reads one observation strictly. It checks only its
// JSON; [Book.Record] checks it against the scorecard.
func DecodeObservation(r io.Reader) (Observation, error) {
	var o Observation
	if err := decodeStrict(r, &o); err != nil {
		return Observation{}, err
	}
	return o, nil
}
