package main

import (
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHeaderLimit (finding 5): a request with oversized headers is
// refused with 431 instead of being read up to 1 MB.
func TestHeaderLimit(t *testing.T) {
	base := start(t, "-addr", "127.0.0.1:0")
	req, _ := http.NewRequest(http.MethodGet, base+"/v1/health", nil)
	req.Header.Set("X-Padding", strings.Repeat("a", 64<<10))
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, res.StatusCode)
	// Ordinary requests are fine.
	res, err = http.Get(base + "/v1/health")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
}

// TestConnectionLimit (finding 5): connections beyond the limit wait to be
// accepted instead of each holding a header buffer.
func TestConnectionLimit(t *testing.T) {
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ln := limitListener(inner, 2)
	defer ln.Close()
	accepted := make(chan net.Conn, 3)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted <- c
		}
	}()
	var clients []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", inner.Addr().String())
		require.NoError(t, err)
		defer c.Close()
		clients = append(clients, c)
	}
	first, second := <-accepted, <-accepted
	select {
	case <-accepted:
		t.Fatal("a third connection was accepted over the limit of 2")
	case <-time.After(200 * time.Millisecond):
	}
	first.Close() // a slot frees: the third is accepted
	third := <-accepted
	assert.NotNil(t, third)
	second.Close()
	third.Close()
}

// TestHostCheck (finding 11): the local server answers only the Host
// names it serves, so a DNS-rebound name gets nothing, not even with a
// matching Origin.
func TestHostCheck(t *testing.T) {
	base := start(t, "-addr", "127.0.0.1:0")
	post := func(host string) *http.Response {
		req, _ := http.NewRequest(http.MethodPost, base+"/v1/workshops", strings.NewReader(`{"name":"Fatima"}`))
		req.Header.Set("Content-Type", "application/json")
		if host != "" {
			req.Host = host
			req.Header.Set("Origin", "http://"+host)
		}
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		res.Body.Close()
		return res
	}
	res := post("attacker.example")
	assert.Equal(t, http.StatusMisdirectedRequest, res.StatusCode)
	assert.Empty(t, res.Header.Get("Access-Control-Allow-Origin"))
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(base, "http://"))
	assert.Equal(t, http.StatusCreated, post("localhost:"+port).StatusCode)
	assert.Equal(t, http.StatusCreated, post("").StatusCode)
}

// TestPublicOrgOnLoopback (finding 9): creating without a key works on
// loopback only, unless -public-org is given.
func TestPublicOrgOnLoopback(t *testing.T) {
	create := func(base string) int {
		res, err := http.Post(base+"/v1/workshops", "application/json", strings.NewReader(`{"name":"Fatima"}`))
		require.NoError(t, err)
		res.Body.Close()
		return res.StatusCode
	}
	lan := start(t, "-addr", "0.0.0.0:0")
	assert.Equal(t, http.StatusUnauthorized, create(lan), "a server on the LAN needs a key to create")
	open := start(t, "-addr", "0.0.0.0:0", "-public-org", "room")
	assert.Equal(t, http.StatusCreated, create(open))
}
