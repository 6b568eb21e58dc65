package grid

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func FuzzDecode(f *testing.F) {
	for _, name := range []string{"frontdesk.json"} {
		data, err := os.ReadFile("testdata/" + name)
		require.NoError(f, err)
		f.Add(data)
	}
	tpl, _ := Encode(SampleDischarge().Template())
	f.Add(tpl)
	f.Add([]byte(`{"version":"purposeful.grid/v1","position":"a","purpose":"b","process":"c","knowledge":[{"id":"k","text":"x\u0000<&>"}],"skills":[],"purposeful":[{"id":"p","text":"y","votes":3,"evidence":[{"source":"review-site","site":"s","rating":4.5,"link":"https://example.com"}]}]}`))
	f.Add([]byte(`{"version":"purposeful.grid/v1",`))
	f.Add([]byte(`{"version":"purposeful.grid/v1","purposeful":[{"status":"nope","score":{"kpis":"x"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Decode(data)
		if err != nil {
			assert.Nil(t, g)
			return
		}
		out, err := Encode(g)
		require.NoError(t, err)
		back, err := Decode(out)
		require.NoError(t, err, "an encoded grid decodes")
		assert.Equal(t, g, back, "JSON round trip")
		_ = Markdown(g)
		_, err = CSV(g)
		require.NoError(t, err)
		_ = g.Warnings()
		svg := SVG(g, SVGOptions{Paper: Letter})
		d := xml.NewDecoder(bytes.NewReader([]byte(svg)))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, "the SVG is well-formed XML")
		}
	})
}

// FuzzApply applies an arbitrary event to the workshop at some point: it
// must not panic, a rejected event must leave the state untouched, and an
// accepted one must replay to the same state and be idempotent.
func FuzzApply(f *testing.F) {
	events := workshop(Alias)
	for i, e := range events {
		data, err := EncodeLog([]Event{e})
		require.NoError(f, err)
		f.Add(uint8(i), data)
	}
	f.Add(uint8(20), []byte(`{"version":"purposeful.session/v1","events":[{"id":"z","type":"vote","actor":"p1","at":"2026-03-02T09:23:55Z","item":"i2"}]}`))
	f.Add(uint8(3), []byte(`{"version":"purposeful.session/v1","events":[{"id":"z","type":"item.merge","actor":"f","at":"2026-03-02T08:00:00Z","item":"i1","items":["i1"]}]}`))
	f.Fuzz(func(t *testing.T, upto uint8, data []byte) {
		evs, err := DecodeLog(data)
		if err != nil || len(evs) != 1 {
			return
		}
		e := evs[0]
		s := NewSession()
		for _, x := range events[:int(upto)%len(events)] {
			require.NoError(t, s.Apply(x))
		}
		before := fuzzSnapshot(t, s)
		n := s.Len()
		if err := s.Apply(e); err != nil {
			var ee *EventError
			require.ErrorAs(t, err, &ee)
			assert.Equal(t, before, fuzzSnapshot(t, s), "rejected: %v", err)
			assert.Equal(t, n, s.Len())
			return
		}
		after := fuzzSnapshot(t, s)
		require.NoError(t, s.Apply(e), "idempotent")
		assert.Equal(t, after, fuzzSnapshot(t, s))
		r, err := Replay(s.Log())
		require.NoError(t, err)
		assert.Equal(t, after, fuzzSnapshot(t, r), "replay gives the same state")
	})
}

// fuzzSnapshot is a cheaper snapshot: the facilitator's and one
// participant's export and log.
func fuzzSnapshot(t *testing.T, s *Session) string {
	t.Helper()
	var b bytes.Buffer
	for _, m := range s.st.memberOrder {
		v, err := s.View(m, time.Time{})
		require.NoError(t, err)
		g, err := s.Export(m)
		require.NoError(t, err)
		j, _ := Encode(g)
		b.Write(j)
		b.WriteString(v.Step.String())
		b.WriteString(v.Settings.Anonymity.String())
		for _, it := range v.Items {
			b.WriteString(it.ID + "|" + it.Text + "|")
			if it.Votes != nil {
				b.WriteByte(byte('0' + *it.Votes%10))
			}
		}
		j, _ = EncodeLog(s.Log())
		b.Write(j)
	}
	return b.String()
}
