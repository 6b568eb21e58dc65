package team_test

import (
	"strings"
	"testing"

	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/team"
	"github.com/purposefulcx/purposeful/wasm/page/team/teamjson"
)

func FuzzNormalizeCode(f *testing.F) {
	for _, s := range []string{"k7qm4xpd", "K7QM-4XPD", " ", "ünï-cødé", "12345678"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := team.NormalizeCode(s)
		if team.NormalizeCode(c) != c {
			t.Fatalf("not stable: %q -> %q -> %q", s, c, team.NormalizeCode(c))
		}
		if strings.ContainsAny(c, " \t\n") {
			t.Fatalf("spaces kept: %q", c)
		}
	})
}

func FuzzLoadSeat(f *testing.F) {
	f.Add(`{"version":"purposeful.team-seat/v1","workshop":"w","token":"t","pending":[{"id":"e","type":"vote"}]}`)
	f.Add(`{}`)
	f.Add(`[`)
	f.Fuzz(func(t *testing.T, s string) {
		seat, ok := team.LoadSeat(device.MapStorage{team.SeatKey: s}, teamjson.Codec{})
		if ok && (seat.Workshop == "" || seat.Token == "" || seat.Version != team.SeatVersion) {
			t.Fatalf("accepted an incomplete seat: %q", s)
		}
	})
}
