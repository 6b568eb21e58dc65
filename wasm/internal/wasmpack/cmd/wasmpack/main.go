// Command wasmpack joins the data segments of Go WebAssembly binaries in
// place (see package wasmpack): smaller after compression and faster to
// instantiate, with the same memory image.
//
//	go run ./wasm/internal/wasmpack/cmd/wasmpack [-gap 4096] file.wasm...
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/purposefulcx/purposeful/wasm/internal/wasmpack"
)

func main() {
	gap := flag.Int("gap", wasmpack.DefaultGap, "longest run of zero bytes to fill between two segments")
	quiet := flag.Bool("q", false, "print nothing on success")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: wasmpack [-gap bytes] [-q] file.wasm...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 || *gap < 0 {
		flag.Usage()
		os.Exit(2)
	}
	for _, path := range flag.Args() {
		if err := pack(path, *gap, *quiet); err != nil {
			fmt.Fprintln(os.Stderr, "wasmpack:", err)
			os.Exit(1)
		}
	}
}

func pack(path string, gap int, quiet bool) error {
	in, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, st, err := wasmpack.MergeSegments(in, gap)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, out, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	if !quiet {
		fmt.Printf("%s: data segments %d -> %d, %d bytes -> %d\n", path, st.Before, st.After, len(in), len(out))
	}
	return nil
}
