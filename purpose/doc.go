// Package purpose reads purpose statements and the items of a job the way
// a service coach would: it tells a job function ("load bags onto the
// aircraft") from a job purpose ("travellers arrive with everything they
// need for their trip"), and helps a team climb from the first to the
// second.
//
// The entry points:
//
//   - [Analyze] reads a statement: who benefits, what changes for them,
//     task language, internal measures, hedges, jargon, length against a
//     seven-word mantra, readability, and a 0-100 score whose every point
//     carries its reason ([Analysis.Points]), with findings and
//     suggestions.
//   - [Ladder.Climb] is the revelation ladder: from a job function, ask
//     "why does that matter to the customer?" until an answer names who
//     benefits and how; it notices answers that go round in circles or
//     drift to internal metrics.
//   - [Align] lines up the organisation's, the job's and the individual's
//     purpose (PI <-> PB): shared beneficiaries and outcomes, conflicts,
//     gaps.
//   - [Classify] says whether a grid item is job knowledge, a job skill,
//     an action, a behaviour or a job function, with reasons;
//     [Distinctions] holds the definitions and examples behind it.
//   - [Diagnostic] scores the six levels of the purpose-centred service
//     model (Significance, Strategy, Staff, Systems, Success, Customers)
//     and finds the root level to work on first.
//
// A short example:
//
//	a, err := purpose.Analyze("Load and unload bags on the aircraft.")
//	if err != nil {
//		return err // *purpose.InputError: empty, blank, invalid UTF-8, too long
//	}
//	fmt.Println(a.Verdict, a.Score) // function 20
//	fmt.Println(a.Suggestions[0])   // Name who benefits: here, probably the travellers.
//
// Spans ([Span]) are byte offsets and UTF-16 offsets into the text, so a
// browser can highlight them. The word lists (task verbs, outcomes,
// beneficiaries, internal measures, hedges, jargon) are Go literals
// written for hotels, airlines, retail, healthcare and contact centres;
// they are compiled into phrase matchers on first use, so importing the
// package costs nothing at start-up. All functions are safe for
// concurrent use.
package purpose
