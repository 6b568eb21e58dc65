package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLoopback(t *testing.T) {
	tests := []struct {
		link string
		want bool
	}{
		{"http://127.0.0.1:8080/team.html#join/AB12CD", true},
		{"http://localhost:8080/team.html#join/AB12CD", true},
		{"http://[::1]:8080/team.html#join/AB12CD", true},
		{"http://192.168.1.23:8080/team.html#join/AB12CD", false},
		{"https://workshop.example.org/team.html#join/AB12CD", false},
		{"team.html#join/AB12CD", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, loopback(tc.link), tc.link)
	}
}
