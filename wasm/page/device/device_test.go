package device_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/purposefulcx/purposeful/wasm/page/device"
)

func TestMapStorage(t *testing.T) {
	s := device.MapStorage{}
	for _, k := range []string{"b", "c", "a"} {
		assert.NoError(t, s.Set(k, k+"!"))
	}
	assert.Equal(t, []string{"a", "b", "c"}, s.Keys(), "keys come back sorted")
	v, ok := s.Get("b")
	assert.True(t, ok)
	assert.Equal(t, "b!", v)
	s.Remove("b")
	_, ok = s.Get("b")
	assert.False(t, ok, "removed")
	assert.Equal(t, []string{"a", "c"}, s.Keys())
}
