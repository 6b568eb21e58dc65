package grid

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The package's messages must read as they did when fmt wrote them.
func TestFormatMatchesFmt(t *testing.T) {
	tests := []struct {
		format string
		args   []any
	}{
		{"%q also at %s[%d]", []any{"k1", ColumnSkills, 3}},
		{"%v (0 to %d)", []any{3.25, MaxScore}},
		{"%v (0 to %v)", []any{1e21, 5.0}},
		{"only the facilitator may send %s", []any{Decide}},
		{"unknown %s %q (want one of %q)", []any{"kind", "x\n", kindNames}},
		{"%.0f%% alike", []any{87.5}},
		{"%.2f", []any{2.0 / 3}},
		{"%q would fail: %v", []any{"e1", ErrConflict}},
		{"%d is negative", []any{-4}},
		{"%s", []any{StepMine}},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			assert.Equal(t, fmt.Sprintf(tc.format, tc.args...), fmtf(tc.format, tc.args...))
		})
	}
	err := errorf(ErrTimer, "not %s", "running")
	assert.ErrorIs(t, err, ErrTimer)
	assert.Equal(t, fmt.Errorf("%w: not running", ErrTimer).Error(), err.Error())
	assert.True(t, errors.Is(fieldErrf("a", ErrRequired, "x"), ErrRequired))
}
