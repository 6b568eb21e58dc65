package team_test

import (
	"fmt"

	"github.com/purposefulcx/purposeful/wasm/page/team"
)

func ExampleNormalizeCode() {
	fmt.Println(team.NormalizeCode("k7qm 4xpd"))
	// Output:
	// K7QM-4XPD
}
