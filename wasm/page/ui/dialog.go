package ui

// choice is one button of a dialog.
type choice struct {
	label, test, class string
	fn                 func()
}

// dialog shows a modal question with choices. Escape picks the last
// choice (always the safe one: cancel). Focus moves to the first choice and
// returns to back when the dialog closes.
func (a *App) dialog(title, message string, back Element, choices ...choice) {
	a.closeDialog()
	s := &scope{a: a}
	a.dlg = s
	h := s.text("h2", "dialog-title", title)
	id := a.uid()
	h.SetAttr("id", id)
	msg := s.text("p", "dialog-text", message)
	mid := a.uid()
	msg.SetAttr("id", mid)
	row := s.el("div", "actions")
	var first Element
	for _, c := range choices {
		c := c
		class := c.class
		if class == "" {
			class = "btn"
		}
		b := s.button(c.label, class, c.test, func() {
			a.closeDialog()
			if back != nil {
				back.Focus()
			}
			c.fn()
		})
		if first == nil {
			first = b
		}
		row.Append(b)
	}
	box := s.el("div", "dialog", h, msg, row)
	attrs(box, "role", "alertdialog", "aria-modal", "true", "aria-labelledby", id, "aria-describedby", mid, "data-test", "dialog")
	cancel := choices[len(choices)-1]
	s.on(box, "keydown", func(e Event) {
		if e.Key == "Escape" {
			e.PreventDefault()
			a.closeDialog()
			if back != nil {
				back.Focus()
			}
			cancel.fn()
		}
	})
	a.overlay.Append(s.el("div", "backdrop", box))
	a.overlay.SetAttr("data-open", "1")
	if first != nil {
		first.Focus()
	}
}

func (a *App) closeDialog() {
	if a.dlg == nil {
		return
	}
	a.dlg.release()
	a.dlg = nil
	a.overlay.Clear()
	a.overlay.RemoveAttr("data-open")
}
