package main

import (
	"flag"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Limits of the local server, so that one client cannot exhaust its
// memory: small headers, a bounded number of connections, idle ones
// closed.
const (
	maxHeaderBytes = 16 << 10
	maxConns       = 256
	idleTimeout    = 60 * time.Second
)

// newServer is the HTTP server for h with the limits.
func newServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second,
		IdleTimeout: idleTimeout, MaxHeaderBytes: maxHeaderBytes}
}

// publicOrg is the organisation of workshops created without a key: the
// -public-org value when it was given, else its default only when the
// server listens on loopback (a server on a LAN or the internet needs a
// key unless told otherwise).
func publicOrg(fs *flag.FlagSet, value string, addr net.Addr) string {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "public-org" })
	if given {
		return value
	}
	if ta, ok := addr.(*net.TCPAddr); ok && ta.IP.IsLoopback() {
		return value
	}
	return ""
}

// servedHosts lists the Host values the server answers: its address, with
// localhost on loopback and every interface address when it listens on
// all of them, and the extra names (comma-separated, with or without a
// port).
func servedHosts(addr net.Addr, extra string) []string {
	ta, ok := addr.(*net.TCPAddr)
	if !ok {
		return nil
	}
	port := ta.AddrPort().Port()
	var ips []net.IP
	switch {
	case ta.IP.IsUnspecified():
		ifs, _ := net.InterfaceAddrs()
		for _, a := range ifs {
			if n, ok := a.(*net.IPNet); ok {
				ips = append(ips, n.IP)
			}
		}
		ips = append(ips, ta.IP)
	default:
		ips = append(ips, ta.IP)
	}
	var out []string
	add := func(host string) { out = append(out, net.JoinHostPort(host, strconv.Itoa(int(port)))) }
	for _, ip := range ips {
		add(ip.String())
		if ip.IsLoopback() || ip.IsUnspecified() {
			add("localhost")
		}
	}
	for _, h := range strings.Split(extra, ",") {
		if h = strings.TrimSpace(h); h == "" {
			continue
		}
		if _, _, err := net.SplitHostPort(h); err == nil {
			out = append(out, h)
		} else {
			add(h)
		}
	}
	return out
}

// limitListener accepts at most n connections at once; the others wait in
// the kernel's backlog until one closes.
func limitListener(l net.Listener, n int) net.Listener {
	return &limited{Listener: l, sem: make(chan struct{}, n), done: make(chan struct{})}
}

type limited struct {
	net.Listener
	sem       chan struct{}
	done      chan struct{}
	closeOnce sync.Once
}

func (l *limited) Accept() (net.Conn, error) {
	select {
	case l.sem <- struct{}{}:
	case <-l.done:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.sem
		return nil, err
	}
	return &limitedConn{Conn: c, release: sync.OnceFunc(func() { <-l.sem })}, nil
}

func (l *limited) Close() error {
	l.closeOnce.Do(func() { close(l.done) })
	return l.Listener.Close()
}

type limitedConn struct {
	net.Conn
	release func()
}

func (c *limitedConn) Close() error {
	c.release()
	return c.Conn.Close()
}
