package recovery

import (
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullSlots fills every slot the English catalogue uses.
var fullSlots = Slots{"name": "Ms Okafor", "colleague": "my supervisor, Dana", "agent": "Lee", "issue": "the heating in your room failed",
	"policy": "refunds need a receipt", "alternative": "a room on a quieter floor", "gesture": "dinner for two", "times": "4pm today or 9am tomorrow"}

func TestCatalogueShape(t *testing.T) {
	all := Phrases(Filter{})
	require.GreaterOrEqual(t, len(all), 60)
	slotRe := regexp.MustCompile(`\{([a-z]+)\}`)
	ids := map[string]bool{}
	intents := map[Intent]bool{}
	moves := map[Move]bool{}
	for _, p := range all {
		t.Run(p.ID, func(t *testing.T) {
			assert.False(t, ids[p.ID], "duplicate id")
			ids[p.ID] = true
			assert.NotEmpty(t, p.Moves)
			assert.NotEmpty(t, p.Channels)
			assert.NotEmpty(t, p.When)
			assert.NotEmpty(t, p.Avoid)
			var want []string
			for _, m := range slotRe.FindAllStringSubmatch(p.Text, -1) {
				if !slices.Contains(want, m[1]) {
					want = append(want, m[1])
				}
			}
			assert.Equal(t, want, p.Slots, "Slots must list the slots of Text in order")
			for _, s := range p.Slots {
				assert.Contains(t, fullSlots, s, "slot {%s} is not documented", s)
			}
			for _, c := range p.Channels {
				switch p.Register {
				case Spoken:
					assert.False(t, c.Written(), "a spoken phrase suits %s", c)
				case Written:
					assert.True(t, c.Written(), "a written phrase suits %s", c)
				}
			}
			intents[p.Intent] = true
			for _, m := range p.Moves {
				moves[m] = true
			}
		})
	}
	for _, i := range Intents() {
		assert.True(t, intents[i], "intent %s has no phrase", i)
	}
	assert.Len(t, Intents(), 12)
	for m := range numMoves {
		assert.True(t, moves[m], "move %s has no phrase", m)
	}
}

// Every phrase, rendered, must be recognised by the reviewer as making
// its first move, and must not trip any anti-pattern.
func TestCataloguePhrasesPassReview(t *testing.T) {
	s := Situation{State: Upset, Channel: Email, CustomerName: "Ms Okafor"}
	for _, p := range Phrases(Filter{}) {
		t.Run(p.ID, func(t *testing.T) {
			text, err := p.Render(fullSlots)
			require.NoError(t, err)
			r, err := Review(text, s)
			require.NoError(t, err)
			for _, m := range p.Moves {
				if m.Info().Visible {
					assert.True(t, r.Found(m), "%q: move %s not recognised; found %v", text, m, r.Moves)
				}
			}
			assert.Empty(t, r.Findings, "%q", text)
		})
	}
}

func TestRender(t *testing.T) {
	got, err := Render("apologise-name-ask", Slots{"name": "Mr Haddad"})
	require.NoError(t, err)
	assert.Equal(t, "I'm sorry, Mr Haddad. That should not have happened. What can I do to put it right for you?", got)

	got, err = Render("policy-and-alternative", Slots{"policy": "refunds need a receipt", "alternative": "store credit"})
	require.NoError(t, err)
	assert.Equal(t, "Our policy is that refunds need a receipt, so I can't do that part, but what I can do is store credit.", got)

	got, err = Render("offer-can-do", Slots{"alternative": "{name} and {times}"})
	require.NoError(t, err)
	assert.Equal(t, "What I can do is {name} and {times}.", got, "values are never expanded again")

	got, err = Render("fix-now", nil)
	require.NoError(t, err)
	assert.Equal(t, "Let me fix that for you right now.", got, "a phrase with no slots needs no values")
}

func TestRenderErrors(t *testing.T) {
	_, err := Render("policy-and-alternative", Slots{"policy": "  "})
	var se *SlotError
	require.ErrorAs(t, err, &se)
	assert.ErrorIs(t, err, ErrMissingSlot)
	assert.Equal(t, []string{"policy", "alternative"}, se.Slots, "every missing slot is named, blank counts as missing")
	assert.Contains(t, err.Error(), "{policy}")
	assert.Contains(t, err.Error(), "{alternative}")

	_, err = Render("no-such-phrase", nil)
	assert.ErrorIs(t, err, ErrUnknownPhrase)
	assert.Contains(t, err.Error(), "no-such-phrase")

	_, err = PhraseByID("")
	assert.ErrorIs(t, err, ErrUnknownPhrase)
}

func TestFilter(t *testing.T) {
	chat := Phrases(Filter{Moves: []Move{Apologise}, Channels: []Channel{Chat}})
	require.NotEmpty(t, chat)
	for _, p := range chat {
		assert.True(t, p.Has(Apologise))
		assert.True(t, p.Suits(Chat))
	}
	spoken := Phrases(Filter{Registers: []Register{Spoken}})
	for _, p := range spoken {
		assert.Equal(t, Spoken, p.Register)
	}
	boundary := Phrases(Filter{Intents: []Intent{SetBoundary}})
	assert.GreaterOrEqual(t, len(boundary), 5)
	assert.Len(t, Phrases(Filter{Moves: []Move{Move(200)}}), 0, "an invalid move matches nothing")

	// Returned phrases are copies: changing one does not change the catalogue.
	p, err := PhraseByID("fix-now")
	require.NoError(t, err)
	p.Moves[0] = Document
	again, err := PhraseByID("fix-now")
	require.NoError(t, err)
	assert.Equal(t, []Move{Fix}, again.Moves)
}

func TestCatalogueLanguages(t *testing.T) {
	assert.Equal(t, MustParseLanguage("en"), English().Tag)
	assert.Equal(t, English(), CatalogueFor(Language{}))
	assert.Equal(t, English(), CatalogueFor(MustParseLanguage("en-GB")))
	assert.Equal(t, English(), CatalogueFor(MustParseLanguage("ja")), "unknown languages fall back to English")
	assert.Equal(t, []Language{MustParseLanguage("en")}, Languages())
	assert.Equal(t, len(Phrases(Filter{})), English().Len())
}

func TestPhraseJSON(t *testing.T) {
	p, err := PhraseByID("time-investigate-call")
	require.NoError(t, err)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"moves":["commit-time","own"]`)
	assert.Contains(t, string(b), `"intent":"investigate-and-call"`)
	assert.Contains(t, string(b), `"register":"spoken"`)
	assert.Contains(t, string(b), `"channels":["phone","in-person"]`)
	var back Phrase
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back)

	err = json.Unmarshal([]byte(`{"moves":["grovel"]}`), &back)
	assert.True(t, errors.Is(err, ErrUnknownValue), "unknown move names are rejected: %v", err)
}
