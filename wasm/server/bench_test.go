package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// start runs the server with args (and a temporary database, no page) and
// returns its base URL; it stops with the test.
func start(t testing.TB, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errs syncBuffer
	done := make(chan error, 1)
	args = append([]string{"-db", filepath.Join(t.TempDir(), "p.sqlite"), "-no-page"}, args...)
	go func() { done <- run(ctx, args, &out, &errs) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
		}
	})
	re := regexp.MustCompile(`http://[0-9.:\[\]a-f]+`)
	for range 200 {
		if base := re.FindString(out.String()); base != "" {
			return base
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("server did not start: %s", errs.String())
	return ""
}

// headerAttack opens n connections that each send an unfinished header of
// size bytes, and returns once they are all sending.
func headerAttack(addr string, n, size int) (func(), error) {
	var conns []net.Conn
	stop := func() {
		for _, c := range conns {
			c.Close()
		}
	}
	chunk := []byte("X-A: " + strings.Repeat("a", 8<<10) + "\r\n")
	for range n {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			stop()
			return nil, err
		}
		conns = append(conns, c)
		go func() {
			w := bufio.NewWriter(c)
			fmt.Fprintf(w, "GET /v1/health HTTP/1.1\r\nHost: %s\r\n", addr)
			for sent := 0; sent < size; sent += len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
			w.Flush() // never the blank line that ends the header
		}()
	}
	return stop, nil
}

// BenchmarkHeaderAttack measures the memory of the local server while 500
// connections each send an unfinished 1 MB header: the heap in use and
// the process's resident set (server and attacker share the process; the
// attacker's part is small), after a GC, against the same figures before.
func BenchmarkHeaderAttack(b *testing.B) {
	for b.Loop() {
		base := start(b, "-addr", "127.0.0.1:0")
		addr := strings.TrimPrefix(base, "http://")
		heap0, rss0 := memory()
		stop, err := headerAttack(addr, 500, 1<<20)
		if err != nil {
			b.Fatal(err)
		}
		time.Sleep(5 * time.Second) // the server reads what it accepts
		heap1, rss1 := memory()
		stop()
		b.ReportMetric(float64(heap1-heap0)/(1<<20), "MB-heap-growth")
		b.ReportMetric(float64(rss1)/(1<<20), "MB-rss")
		b.ReportMetric(float64(rss0)/(1<<20), "MB-rss-before")
	}
}

// memory returns the heap in use after a GC and the resident set size.
func memory() (heap, rss uint64) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			rss = kb << 10
		}
	}
	return m.HeapInuse, rss
}
