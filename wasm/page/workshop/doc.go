// Package workshop models one run of the 3 Ps activity as the browser page
// keeps it: the three Ps (position, purpose, process), the course the
// facilitator sets, the knowledge and skills the team lists, the evidence
// cards gathered during the time-box, and the voting and adoption that
// turn them into the grid's purposeful actions and behaviours.
//
// A [Doc] is a versioned JSON document ([Version]); [Decode] reads one
// strictly (unknown fields and wrong versions are errors naming the path)
// and [Doc.Validate] reports every problem at once. [Doc.Markdown],
// [Doc.CSV] and [Doc.SVG] render the grid for export; [Timer] is the
// pausable, extendable time-box.
//
//	d := workshop.New("g1", now)
//	d.Position, d.Process = "Front-desk agent", "Guest check-in"
//	d.AddIdea("Walk first-time guests to the lift", "own experience", now)
//	md := d.Markdown()
//
// The package is plain Go (no browser APIs) so it tests natively; the page
// in wasm/page drives it.
package workshop
