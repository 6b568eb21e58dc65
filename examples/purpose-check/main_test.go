package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunText(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"Load", "and", "unload", "bags", "on", "the", "aircraft."}, strings.NewReader(""), &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	s := out.String()
	assert.Contains(t, s, "Verdict: function    Score: 20/100")
	assert.Contains(t, s, "Who benefits:   -")
	assert.Contains(t, s, `Task language:  "Load", "unload", "bags", "aircraft"`)
	assert.Contains(t, s, "Name who benefits: here, probably the travellers.")
}

func TestRunStdinJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"-json"}, strings.NewReader("Guests feel at home.\n"), &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	var got struct {
		Text          string `json:"text"`
		Verdict       string `json:"verdict"`
		Score         int    `json:"score"`
		Beneficiaries []struct {
			Text  string `json:"text"`
			Group string `json:"group"`
		} `json:"beneficiaries"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &got))
	assert.Equal(t, "Guests feel at home.", got.Text)
	assert.Equal(t, "purpose", got.Verdict)
	assert.Greater(t, got.Score, 80)
	require.Len(t, got.Beneficiaries, 1)
	assert.Equal(t, "guest", got.Beneficiaries[0].Group)
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		msg   string
	}{
		{"empty stdin", nil, "", 1, "text is empty"},
		{"blank stdin", nil, "  \n", 1, "only white space"},
		{"invalid UTF-8", []string{"guests \xff"}, "", 1, "not valid UTF-8"},
		{"too long", nil, strings.Repeat("guests ", 3000), 1, "too long"},
		{"bad flag", []string{"-yaml"}, "", 2, "usage: purpose-check"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.stdin), &out, &errOut)
			assert.Equal(t, tc.code, code)
			assert.Contains(t, errOut.String(), tc.msg)
			assert.Empty(t, out.String())
		})
	}
}
