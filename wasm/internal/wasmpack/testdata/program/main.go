// Command program is a small Go program with scattered initialised data,
// built to js/wasm by the wasmpack tests and run under Node before and
// after its data segments are merged.
package main

import (
	"fmt"
	"strings"
)

var table = [...]struct {
	name  string
	count int
	pad   [40]byte
}{
	{name: "knowledge", count: 3}, {name: "skills", count: 5}, {name: "actions", count: 8},
}

var words = map[string]int{"position": 1, "purpose": 2, "process": 3}

func main() {
	var b strings.Builder
	for _, t := range table {
		fmt.Fprintf(&b, "%s=%d ", t.name, t.count)
	}
	fmt.Println(b.String(), words["purpose"], len(words))
}
