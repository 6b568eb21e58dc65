package recovery

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMovesEnumeration(t *testing.T) {
	infos := Moves()
	require.Len(t, infos, int(numMoves))
	names := map[string]bool{}
	for i, info := range infos {
		m := Move(i)
		assert.Equal(t, m, info.Move)
		assert.NotEmpty(t, info.Title, m.String())
		assert.NotEmpty(t, info.Definition, m.String())
		assert.NotEmpty(t, info.Why, m.String())
		assert.Equal(t, m.IsBoundary(), info.Boundary, m.String())
		assert.False(t, names[m.String()], "duplicate name %s", m)
		names[m.String()] = true

		b, err := m.MarshalText()
		require.NoError(t, err)
		var back Move
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, m, back)
		parsed, err := ParseMove(string(b))
		require.NoError(t, err)
		assert.Equal(t, m, parsed)
	}
	assert.Equal(t, "apologise", Apologise.String())
	assert.Equal(t, "Explain the decision", Explain.Title())
}

func TestMoveErrors(t *testing.T) {
	var m Move
	err := m.UnmarshalText([]byte("grovel"))
	var ee *EnumError
	require.ErrorAs(t, err, &ee)
	assert.ErrorIs(t, err, ErrUnknownValue)
	assert.Equal(t, "move", ee.Type)
	assert.Contains(t, err.Error(), "grovel")

	_, err = Move(99).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownValue)
	assert.Equal(t, "move(99)", Move(99).String())
	assert.False(t, Move(99).Valid())
	assert.Equal(t, MoveInfo{}, Move(99).Info())

	_, err = json.Marshal([]Move{Fix, Move(42)})
	assert.Error(t, err)
}

func TestEnumsRoundTrip(t *testing.T) {
	s := Situation{State: Abusive, Cause: ThirdParty, Severity: Severe, Channel: Chat}
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"state":"abusive","cause":"third-party","severity":"severe","channel":"chat"}`, string(b))
	var back Situation
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)

	for _, bad := range []string{`{"state":"livid"}`, `{"cause":"gremlins"}`, `{"severity":"apocalyptic"}`, `{"channel":"fax"}`} {
		err := json.Unmarshal([]byte(bad), &back)
		assert.ErrorIs(t, err, ErrUnknownValue, bad)
	}
	for _, r := range []Register{Either, Spoken, Written} {
		b, err := r.MarshalText()
		require.NoError(t, err)
		var back Register
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, r, back)
	}
	var r Register
	assert.ErrorIs(t, r.UnmarshalText([]byte("sung")), ErrUnknownValue)
	var i Intent
	require.NoError(t, i.UnmarshalText([]byte("set-boundary")))
	assert.Equal(t, SetBoundary, i)
	assert.ErrorIs(t, i.UnmarshalText([]byte("grovel")), ErrUnknownValue)
}

func TestModels(t *testing.T) {
	ms := Models()
	require.Len(t, ms, 6)
	want := []string{"HEARD", "LAST", "BLAST", "LATTE", "LEARN"}
	for i, name := range want {
		assert.Equal(t, name, ms[i].Name)
		letters := ""
		for _, s := range ms[i].Steps {
			letters += s.Word[:1]
		}
		assert.Equal(t, name, letters, "the steps of %s spell its name", name)
	}
	for _, m := range ms {
		assert.NotEmpty(t, m.Credit, m.ID)
		for _, mv := range m.Moves() {
			assert.True(t, mv.Valid(), m.ID)
		}
		got, ok := ModelByID(m.ID)
		require.True(t, ok)
		assert.Equal(t, m.Name, got.Name)
	}
	latte, _ := ModelByID("latte")
	assert.Equal(t, []Move{Listen, Acknowledge, Fix, Thank, Explain}, latte.Moves(), "LATTE acts before it explains")
	bz, _ := ModelByID("bell-zemke")
	assert.Contains(t, bz.Credit, "Bell and Ron Zemke")
	assert.Contains(t, bz.Moves(), Atone)
	_, ok := ModelByID("nope")
	assert.False(t, ok)
}
