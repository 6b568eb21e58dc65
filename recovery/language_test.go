package recovery

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLanguage(t *testing.T) {
	for _, tc := range []struct{ in, want, base string }{
		{"en", "en", "en"},
		{"EN-gb", "en-GB", "en"},
		{"en_US", "en-US", "en"},
		{"zh-hant-tw", "zh-Hant-TW", "zh"},
		{"es-419", "es-419", "es"},
		{"sr-Latn-RS", "sr-Latn-RS", "sr"},
		{"de-CH-1996", "de-CH-1996", "de"},
		{"en-a-bbb-x-priv", "en-a-bbb-x-priv", "en"},
		{"fil", "fil", "fil"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			l, err := ParseLanguage(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, l.String())
			assert.Equal(t, tc.base, l.Base())
		})
	}
}

func TestParseLanguageRejects(t *testing.T) {
	for _, tc := range []struct{ in, why string }{
		{"", "empty"},
		{"e", "2-3 or 5-8 letters"},
		{"engl", "2-3 or 5-8 letters"},
		{"12", "2-3 or 5-8 letters"},
		{"en--GB", "empty subtag"},
		{"en-", "empty subtag"},
		{"en GB", "other than a letter or digit"},
		{"en-GBxxxxxxx", "longer than 8"},
		{"en-x", "single-character"},
		{"éclair", "other than a letter or digit"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			_, err := ParseLanguage(tc.in)
			require.ErrorIs(t, err, ErrBadLanguage)
			assert.Contains(t, err.Error(), tc.why)
		})
	}
}

func TestLanguageZeroMeansEnglish(t *testing.T) {
	var l Language
	assert.True(t, l.IsZero())
	assert.Equal(t, "en", l.Base())
	assert.Same(t, English(), CatalogueFor(l))
}

func TestLanguageJSON(t *testing.T) {
	var s Situation
	err := json.Unmarshal([]byte(`{"state":"upset","cause":"our-error","language":"en gb"}`), &s)
	require.ErrorIs(t, err, ErrBadLanguage, "a malformed tag is refused, not ignored")
	require.NoError(t, json.Unmarshal([]byte(`{"state":"upset","cause":"our-error","language":"pt-br"}`), &s))
	assert.Equal(t, "pt-BR", s.Language.String())
}

func FuzzParseLanguage(f *testing.F) {
	for _, s := range []string{"en", "en-GB", "zh-Hant-TW", "x-priv", "en--", "a-b-c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLanguage(s)
		if err != nil {
			return
		}
		again, err := ParseLanguage(l.String())
		require.NoError(t, err, "a parsed tag parses again")
		assert.Equal(t, l, again, "canonical form is stable")
	})
}
