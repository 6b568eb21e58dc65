package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseJoinURL(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{"", "", false},
		{"http://192.168.1.23:8080", "http://192.168.1.23:8080", false},
		{"https://workshop.example.org/", "https://workshop.example.org", false},
		{"192.168.1.23:8080", "", true},
		{"ftp://host", "", true},
		{"http://host/team.html", "", true},
		{"http://host/?x=1", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseJoinURL(tc.in)
			if tc.bad {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "-join-url")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestLANOrigin(t *testing.T) {
	assert.Empty(t, lanOrigin(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}), "loopback: phones cannot reach it")
	assert.Empty(t, lanOrigin(&net.TCPAddr{IP: net.IPv6loopback, Port: 8080}))
	assert.Equal(t, "http://192.168.1.23:8080", lanOrigin(&net.TCPAddr{IP: net.IPv4(192, 168, 1, 23), Port: 8080}), "a network address is used as it is")
	all := lanOrigin(&net.TCPAddr{IP: net.IPv4zero, Port: 8080})
	if all == "" {
		t.Skip("this machine has no network address besides loopback")
	}
	assert.True(t, strings.HasPrefix(all, "http://") && strings.HasSuffix(all, ":8080"), all)
	assert.NotContains(t, all, "127.0.0.1")
	assert.NotContains(t, all, "0.0.0.0")
}

// TestAnnounceJoin: the join address is printed with a QR code and put
// into the built team page, where its join link reads it.
func TestAnnounceJoin(t *testing.T) {
	dir := t.TempDir()
	page := "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n</head>\n</html>\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "team.html"), []byte(page), 0o644))
	var out strings.Builder
	require.NoError(t, announceJoin(&out, dir, "http://192.168.1.23:8080", false))
	assert.Contains(t, out.String(), "join at http://192.168.1.23:8080/team.html")
	assert.Contains(t, out.String(), "▀", "a QR code for the terminal")
	b, err := os.ReadFile(filepath.Join(dir, "team.html"))
	require.NoError(t, err)
	assert.Equal(t, strings.Replace(page, "<head>\n", "<head>\n<meta name=\"purposeful-join-origin\" content=\"http://192.168.1.23:8080\">\n", 1), string(b))

	out.Reset()
	require.NoError(t, announceJoin(&out, dir, "", false))
	assert.Contains(t, out.String(), "-addr 0.0.0.0:8080", "loopback only: says how to open it to phones")
}
