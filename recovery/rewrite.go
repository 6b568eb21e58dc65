package recovery

import "strings"

// rewrite assembles a reply from catalogue phrases: one phrase for each
// step of the plan a reply should show, in order, skipping moves an
// earlier phrase already made. Written channels get a greeting.
func rewrite(s *Situation, specs []spec, slots Slots) string {
	cat := CatalogueFor(s.Language)
	var b strings.Builder
	if s.Channel.Written() {
		if name := slots["name"]; name != "" {
			b.WriteString("Dear " + name + ",\n\n")
		} else {
			b.WriteString("Hello,\n\n")
		}
	}
	done := make([]bool, numMoves)
	n := 0
	for _, sp := range specs {
		if sp.optional || done[sp.move] || !sp.move.Info().Visible || (sp.move == Listen && !s.Channel.Written()) {
			continue
		}
		i := cat.best(sp.move, s, slots)
		if i < 0 {
			continue
		}
		p := &cat.phrases[i]
		for _, m := range p.Moves {
			done[m] = true
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fill(p.Text, slots, true))
		n++
	}
	if s.Channel.Written() && slots["agent"] != "" {
		b.WriteString("\n\n" + slots["agent"])
	}
	return b.String()
}
