package recovery

import (
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
	err     error
}

var cues = sync.OnceValue(buildCues)

func buildCues() *cueIndex {
	ix := &cueIndex{}
	seen := make(map[string]int, 700)
	var phrases []string
	add := func(cue string, t target) {
		key := strings.TrimSpace(prose.Normalize(cue))
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
	ix.m, ix.err = prose.Compile(phrases)
	return ix
}
