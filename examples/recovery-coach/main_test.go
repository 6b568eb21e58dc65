package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlanAndReview(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"-state", "angry", "-cause", "our-error", "-severity", "major", "-channel", "email",
		"-name", "Ms Okafor", "-offer", "a free night on your next stay", "-time", "4pm today", "-time", "9am tomorrow"},
		strings.NewReader("Dear Sir, I'm sorry you feel that way. We will get back to you soon."), &out, &errb)
	require.Equal(t, 0, code, errb.String())
	got := out.String()
	assert.Contains(t, got, "PLAN")
	assert.Contains(t, got, "Apologise with ownership")
	assert.Contains(t, got, "I'm sorry, Ms Okafor.")
	assert.Contains(t, got, "REVIEW: ")
	assert.Contains(t, got, "A generic form of address")
	assert.Contains(t, got, "missing Apologise with ownership")
	assert.Contains(t, got, "SUGGESTED REWRITE\nDear Ms Okafor,")
}

func TestPlanOnlyJSON(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"-state", "abusive", "-channel", "chat", "-json"}, nil, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	var v struct {
		Plan struct {
			Steps []struct {
				Move string `json:"move"`
			} `json:"steps"`
		} `json:"plan"`
		Review *json.RawMessage `json:"review"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &v))
	require.NotEmpty(t, v.Plan.Steps)
	assert.Equal(t, "name-behaviour", v.Plan.Steps[0].Move)
	assert.Nil(t, v.Review, "no draft, no review")
}

func TestBadInput(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"-state", "livid"}, nil, &out, &errb))
	assert.Contains(t, errb.String(), "livid")

	errb.Reset()
	assert.Equal(t, 1, run(nil, strings.NewReader("   "), &out, &errb))
	assert.Contains(t, errb.String(), "white space")

	errb.Reset()
	assert.Equal(t, 1, run(nil, strings.NewReader("bad \xff byte"), &out, &errb))
	assert.Contains(t, errb.String(), "UTF-8")

	errb.Reset()
	assert.Equal(t, 1, run(nil, strings.NewReader(strings.Repeat("x", 20000)), &out, &errb))
	assert.Contains(t, errb.String(), "too long")
}
