// Package checklistsvc connects the diagnostic screen to the purpose
// package's six-level diagnostic. It is separate from wasm/page/services
// so that the workshop page does not link the diagnostic.
package checklistsvc

import (
	"github.com/purposefulcx/purposeful/purpose"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// Services returns the checklists page's services.
func Services() ui.Services {
	return ui.Services{DiagnosticQuestions: Questions, EvaluateDiagnostic: Evaluate}
}

// Questions lists the diagnostic's statements, from the foundation up.
func Questions() []ui.DiagnosticQuestion {
	var out []ui.DiagnosticQuestion
	for _, q := range purpose.Questions() {
		out = append(out, ui.DiagnosticQuestion{ID: q.ID, Level: q.Level.String(), Text: q.Text})
	}
	return out
}

// Evaluate scores answers (question id to 1-5).
func Evaluate(answers map[string]int) (ui.DiagnosticResult, error) {
	r, err := purpose.Diagnostic{Answers: answers}.Evaluate()
	if err != nil {
		return ui.DiagnosticResult{}, err
	}
	out := ui.DiagnosticResult{Advice: r.Advice, Complete: r.Complete}
	if r.Root != purpose.LevelNone {
		out.Root = r.Root.String()
	}
	for _, l := range r.Above {
		out.Above = append(out.Above, l.String())
	}
	for _, l := range r.Levels {
		out.Levels = append(out.Levels, ui.LevelResult{Level: l.Level.String(), Percent: l.Percent, Answered: l.Answered, Below: l.Below})
	}
	return out, nil
}
