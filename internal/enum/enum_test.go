package enum

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

type colour uint8

var colourNames = []string{"", "red", "green"}

func TestEnum(t *testing.T) {
	assert.Equal(t, "green", String(colour(2), colourNames, "colour"))
	assert.Equal(t, "colour(7)", String(colour(7), colourNames, "colour"))
	_, ok := Name(colour(3), colourNames)
	assert.False(t, ok)
	v, ok := Parse[colour]([]byte("red"), colourNames)
	assert.True(t, ok)
	assert.Equal(t, colour(1), v)
	_, ok = Parse[colour]([]byte("Red"), colourNames)
	assert.False(t, ok, "names are case-sensitive")
	v, ok = Parse[colour](nil, colourNames)
	assert.True(t, ok, "the empty name is the zero value")
	assert.Zero(t, v)
}
