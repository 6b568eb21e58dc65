// Package team is the page's side of team mode: a workshop that lives on
// the Purposeful API (same origin, /v1/), joined by participants from
// their own devices.
//
// A [Conn] creates a workshop (the facilitator) or joins one with its
// code (a participant), and keeps the device's [Seat] (workshop, member,
// token and the changes not yet sent) in the page's storage, so a reload
// keeps both the place in the workshop and the offline queue. Every
// change is a [grid.Event] in the session's JSON form with an id made on
// the device; [Conn.Send] queues it and [Conn.Flush] posts the queue one
// event at a time. The API applies events idempotently by id, so sending
// one again after a lost answer is harmless. [Conn.Poll] flushes, reads
// the events after the cursor and, when something changed, the
// [grid.View] as this member may see it (anonymity and private ideas
// already applied by the server).
//
//	c := team.NewConn(transport, teamjson.Codec{}, storage, time.Now)
//	c.Join("K7QM-4XPD", "Ana", func(err error) { ... })
//	c.Send(grid.Event{Type: grid.AddItem, Item: c.NewID("i"), Column: grid.ColumnPurposeful, Text: "Greet by name"}, nil)
//	c.Poll(func(changed bool, err error) { render(c.View) })
//
// The package is plain Go over a [Transport] (fetch in the browser, the
// API handler in tests) and a [Codec] (encoding/json, from package
// teamjson, which team does not import so that the workshop page, which
// links team without opening team workshops, stays without reflection).
package team
