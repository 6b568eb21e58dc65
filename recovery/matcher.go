package recovery

import (
	"errors"
	"strings"
	"sync"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// What a cue stands for.
const (
	targetMove uint8 = iota
	targetAnti
	targetMark
)

type target struct {
	kind uint8
	id   uint8
}

// cueIndex is the one compiled matcher for every cue of the reviewer:
// moves, anti-patterns and markers. Phrase i of the matcher stands for
// targets[i] (a cue can stand for more than one thing).
type cueIndex struct {
	m       *prose.Matcher
	targets [][]target
	phrases []string
	err     error
}

// cues returns the index compiled when the package was built
// (cues_tables.go, kept fresh by TestCueTablesFresh): loading it costs
// nothing, where compiling it from the cue lists takes about a
// millisecond, and the edge worker starts a new instance for every
// request.
var cues = sync.OnceValue(func() *cueIndex {
	ix := &cueIndex{m: prose.Load(cueTables), targets: cueTargets}
	if ix.m.Len() != len(ix.targets) {
		ix.err = errStaleCueTables
	}
	return ix
})

// errStaleCueTables means cues_tables.go no longer matches the cue lists;
// `go test ./recovery -run TestCueTablesFresh -update` rewrites it.
var errStaleCueTables = errors.New("recovery: the compiled cue tables are stale")

// buildCues compiles the cue lists at run time; TestCueTablesFresh
// generates cues_tables.go from it.
func buildCues() *cueIndex {
	ix := &cueIndex{}
	seen := make(map[string]int, 700)
	var phrases []string
	add := func(cue string, t target) {
		key := strings.ToLower(strings.TrimSpace(cue)) // no allocation for the usual lower-case cue
		if i, ok := seen[key]; ok {
			ix.targets[i] = append(ix.targets[i], t)
			return
		}
		seen[key] = len(phrases)
		phrases = append(phrases, cue)
		ix.targets = append(ix.targets, []target{t})
	}
	for m, list := range moveCues {
		for _, c := range list {
			add(c, target{targetMove, uint8(m)})
		}
	}
	for a := range antiPatterns {
		for _, c := range antiPatterns[a].cues {
			add(c, target{targetAnti, uint8(a)})
		}
	}
	for k, list := range markerCues {
		for _, c := range list {
			add(c, target{targetMark, uint8(k)})
		}
	}
	ix.phrases = phrases
	ix.m, ix.err = prose.Compile(phrases)
	return ix
}
