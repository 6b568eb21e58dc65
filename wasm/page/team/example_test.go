package team_test

import (
	"fmt"

	"github.com/purposefulcx/purposeful/wasm/page/team"
)

func ExampleNormalizeCode() {
	fmt.Println(team.NormalizeCode("k7qm 4xpd"))
	fmt.Println(team.StepTitle("create"))
	// Output:
	// K7QM-4XPD
	// Get creative
}
