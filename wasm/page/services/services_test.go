package services

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct{ text, kind string }{
		{"Run the reservation system", "skill"},
		{"Room types and rates", "knowledge"},
	} {
		h, ok := Classify(tc.text)
		require.True(t, ok, tc.text)
		assert.Equal(t, tc.kind, h.Kind, tc.text)
	}
	_, ok := Classify("   ")
	assert.False(t, ok, "blank text has no hint")
}

func TestAnalyzePurposeMarksLieInsideText(t *testing.T) {
	text := "To create loyal guests who tell their friends about us and come back"
	r, err := AnalyzePurpose(text)
	require.NoError(t, err)
	assert.Equal(t, "purpose", r.Verdict)
	assert.NotEmpty(t, r.Beneficiaries)
	require.NotEmpty(t, r.Marks)
	for _, m := range r.Marks {
		assert.True(t, 0 <= m.Start && m.Start < m.End && m.End <= len(text), "%+v", m)
		assert.Contains(t, []string{"purpose", "function", "warning"}, m.Class)
	}
	task, err := AnalyzePurpose("Check guests in and process payments")
	require.NoError(t, err)
	assert.Equal(t, "function", task.Verdict)
	assert.Less(t, task.Score, r.Score)
	_, err = AnalyzePurpose("")
	assert.Error(t, err)
}

func TestClimb(t *testing.T) {
	r, err := Climb("Load bags onto the aircraft", nil)
	require.NoError(t, err)
	assert.Equal(t, "climbing", r.State)
	assert.NotEmpty(t, r.Next)
	r, err = Climb("Load bags onto the aircraft", []string{"So the bags travel with the plane", "So travellers arrive with what they need for their trip", ""})
	require.NoError(t, err)
	assert.Len(t, r.Rungs, 3, "empty trailing answers are ignored")
	assert.True(t, strings.HasPrefix(r.Rungs[0].Text, "Load bags"))
	_, err = Climb("", nil)
	assert.Error(t, err)
}

func TestDefaultAndCoach(t *testing.T) {
	s := Default()
	assert.NotNil(t, s.Classify)
	assert.Nil(t, s.AnalyzePurpose, "the workshop page leaves the analysis to the coach page")
	c := Coach()
	assert.NotNil(t, c.AnalyzePurpose)
	assert.NotNil(t, c.Climb)
}
