package workshop

import (
	"errors"
	"strings"
	"time"
)

// Storage is the key-value store documents live in (localStorage in the
// browser, a map in tests).
type Storage interface {
	Get(key string) (string, bool)
	Set(key, value string) error
	Remove(key string)
	Keys() []string
}

// KeyPrefix starts the storage key of every saved workshop.
const KeyPrefix = "purposeful.workshop."

// MapStorage is an in-memory [Storage].
type MapStorage map[string]string

func (m MapStorage) Get(k string) (string, bool) { v, ok := m[k]; return v, ok }
func (m MapStorage) Set(k, v string) error       { m[k] = v; return nil }
func (m MapStorage) Remove(k string)             { delete(m, k) }
func (m MapStorage) Keys() []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ { // insertion sort keeps generic sort code out of the wasm
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Library keeps workshops in a [Storage].
type Library struct{ S Storage }

// Save stores d under its id.
func (l Library) Save(d *Doc) error {
	b, err := d.MarshalJSON()
	if err != nil {
		return err
	}
	return l.S.Set(KeyPrefix+d.ID, string(b))
}

// Load reads the workshop id.
func (l Library) Load(id string) (*Doc, error) {
	s, ok := l.S.Get(KeyPrefix + id)
	if !ok {
		return nil, errors.New("workshop: no saved grid " + id)
	}
	return Decode([]byte(s))
}

// Has reports whether a workshop id is stored.
func (l Library) Has(id string) bool { _, ok := l.S.Get(KeyPrefix + id); return ok }

// Delete removes the workshop id.
func (l Library) Delete(id string) { l.S.Remove(KeyPrefix + id) }

// Summary describes a stored workshop for the home screen.
type Summary struct {
	Doc *Doc
	Err error // set when the stored copy cannot be read
	Key string
}

// List returns every stored workshop, most recently updated first.
// Unreadable entries are listed with Err set rather than dropped.
func (l Library) List() []Summary {
	var out []Summary
	for _, k := range l.S.Keys() {
		if !strings.HasPrefix(k, KeyPrefix) {
			continue
		}
		s, _ := l.S.Get(k)
		d, err := Decode([]byte(s))
		out = append(out, Summary{Doc: d, Err: err, Key: k})
	}
	updated := func(s Summary) time.Time {
		if s.Doc == nil {
			return time.Time{}
		}
		return s.Doc.Updated
	}
	for i := 1; i < len(out); i++ { // stable: most recent first
		for j := i; j > 0 && updated(out[j]).After(updated(out[j-1])); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Coverage is the portfolio view: for each position, the processes with a
// grid and the number of adopted ideas in each.
type Coverage struct {
	Positions []string
	Processes []string
	// Cells[i][j] is the adopted-idea count for Positions[i] x Processes[j],
	// or -1 where no grid exists.
	Cells [][]int
}

// Portfolio builds the coverage matrix of the given workshops.
func Portfolio(docs []*Doc) Coverage {
	pos, proc := map[string]int{}, map[string]int{}
	var c Coverage
	for _, d := range docs {
		p, q := label(d.Position), label(d.Process)
		if _, ok := pos[p]; !ok {
			pos[p] = len(c.Positions)
			c.Positions = append(c.Positions, p)
		}
		if _, ok := proc[q]; !ok {
			proc[q] = len(c.Processes)
			c.Processes = append(c.Processes, q)
		}
	}
	c.Cells = make([][]int, len(c.Positions))
	for i := range c.Cells {
		c.Cells[i] = make([]int, len(c.Processes))
		for j := range c.Cells[i] {
			c.Cells[i][j] = -1
		}
	}
	for _, d := range docs {
		i, j := pos[label(d.Position)], proc[label(d.Process)]
		if c.Cells[i][j] < 0 {
			c.Cells[i][j] = 0
		}
		c.Cells[i][j] += len(d.Adopted())
	}
	return c
}

func label(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return "(unnamed)"
	}
	return s
}
