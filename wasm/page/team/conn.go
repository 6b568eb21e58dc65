package team

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/device"
)

// SeatVersion is the version of the stored [Seat] document.
const SeatVersion = "purposeful.team-seat/v1"

// SeatKey is the storage key of the device's seat in a team workshop.
const SeatKey = "purposeful.team"

// Roles of a seat.
const (
	RoleFacilitator = "facilitator"
	RoleParticipant = "participant"
)

// Errors a Conn reports.
var (
	// ErrOffline reports that the API could not be reached.
	ErrOffline = errors.New("team: the server cannot be reached")
	// ErrNoSeat reports a call that needs a workshop before one was
	// opened or joined.
	ErrNoSeat = errors.New("team: no workshop open on this device")
	// ErrRefused reports an answer the server gave with an error status;
	// the wrapping [*RefusedError] carries the status and the message.
	ErrRefused = errors.New("team: the server refused")
)

// RefusedError is an error answer from the API.
type RefusedError struct {
	Status  int
	Message string // the problem's detail, in words
}

func (e *RefusedError) Error() string {
	return "team: the server refused (" + strconv.Itoa(e.Status) + "): " + e.Message
}

func (e *RefusedError) Unwrap() error { return ErrRefused }

// Response is what a [Transport] got back. Status 0 with Err set means
// the request never got an answer (offline).
type Response struct {
	Status int
	Body   []byte
	Err    error
}

// Codec writes the protocol's values (requests and the stored [Seat]) as
// JSON and reads them back. The team page passes encoding/json's
// (package teamjson). Package team leaves the choice to its caller so
// that it does not import encoding/json: the workshop page links this
// package through its UI without ever opening a team workshop, and the
// import alone would keep reflection in that program.
type Codec interface {
	Marshal(v any) ([]byte, error)
	// Unmarshal reads data into v. With strict set, a field that v does
	// not have is an error; without, it is ignored.
	Unmarshal(data []byte, v any, strict bool) error
}

// Transport sends one request to the API (path starts with /v1/) with
// an optional bearer token and JSON body, and calls done once with the
// answer. The browser uses fetch; tests call the API handler.
type Transport interface {
	Do(method, path, token string, body []byte, done func(Response))
}

// Seat is this device's place in a team workshop, kept in storage under
// [SeatKey]: who we are, and the events not yet accepted by the server.
type Seat struct {
	Version  string       `json:"version"`
	Workshop string       `json:"workshop"`
	Member   string       `json:"member"`
	Token    string       `json:"token"`
	Role     string       `json:"role"`
	Name     string       `json:"name"`
	Code     string       `json:"code,omitempty"`
	Title    string       `json:"title,omitempty"`
	Seq      int          `json:"seq"`
	Pending  []grid.Event `json:"pending"`
}

// LoadSeat reads the stored seat; ok is false when there is none or it
// cannot be read (an unknown version counts as none).
func LoadSeat(s device.Storage, codec Codec) (seat *Seat, ok bool) {
	v, ok := s.Get(SeatKey)
	if !ok {
		return nil, false
	}
	var st Seat
	if err := codec.Unmarshal([]byte(v), &st, true); err != nil || st.Version != SeatVersion || st.Workshop == "" || st.Token == "" {
		return nil, false
	}
	return &st, true
}

// Conn is the page's connection to one team workshop. It is not safe for
// concurrent use (the page runs on one thread).
type Conn struct {
	T     Transport
	Codec Codec
	S     device.Storage
	Now   func() time.Time

	// Seat is the open workshop (nil before Create or Join).
	Seat *Seat
	// View is the last view read from the server (nil before the first).
	View *grid.View
	// Cursor is the event cursor of the last poll.
	Cursor int
	// Online is false after a request got no answer, until one does.
	Online bool
	// Err is the last refusal of a queued change, in words ("" when none).
	Err string

	flushing bool
	waiters  []func()
}

// NewConn returns a connection that restores the stored seat, if any.
func NewConn(t Transport, codec Codec, s device.Storage, now func() time.Time) *Conn {
	c := &Conn{T: t, Codec: codec, S: s, Now: now, Online: true}
	c.Seat, _ = LoadSeat(s, codec)
	return c
}

// Pending is the number of changes waiting to be sent.
func (c *Conn) Pending() int {
	if c.Seat == nil {
		return 0
	}
	return len(c.Seat.Pending)
}

// NewID returns a new event or item id, unique across devices: the
// member id, the clock and a counter kept in the seat.
func (c *Conn) NewID(prefix string) string {
	m, seq := "x", 0
	if c.Seat != nil {
		c.Seat.Seq++
		m, seq = c.Seat.Member, c.Seat.Seq
	}
	return prefix + "-" + m + "-" + strconv.FormatInt(c.Now().UnixNano(), 36) + "-" + strconv.Itoa(seq)
}

func (c *Conn) save() error {
	if c.Seat == nil {
		c.S.Remove(SeatKey)
		return nil
	}
	c.Seat.Version = SeatVersion
	b, err := c.Codec.Marshal(c.Seat)
	if err != nil {
		return err
	}
	return c.S.Set(SeatKey, string(b))
}

// Leave forgets the workshop on this device (pending changes included).
func (c *Conn) Leave() { _ = c.sit(nil) }

// sit makes seat the open workshop (nil for none), forgets what was read
// for the last one, and stores it.
func (c *Conn) sit(seat *Seat) error {
	c.Seat, c.View, c.Cursor, c.Err = seat, nil, 0, ""
	return c.save()
}

// call sends a request and decodes a 2xx answer into out.
func (c *Conn) call(method, path, token string, in, out any, done func(error)) {
	var body []byte
	if in != nil {
		b, err := c.Codec.Marshal(in)
		if err != nil {
			done(err)
			return
		}
		body = b
	}
	c.T.Do(method, path, token, body, func(r Response) {
		if r.Err != nil || r.Status == 0 {
			c.Online = false
			done(ErrOffline)
			return
		}
		c.Online = true
		if r.Status < 200 || r.Status > 299 {
			done(c.refused(r))
			return
		}
		if out != nil {
			if err := c.Codec.Unmarshal(r.Body, out, false); err != nil {
				done(err)
				return
			}
		}
		done(nil)
	})
}

// refused turns an error answer into a *RefusedError with the problem's
// words.
func (c *Conn) refused(r Response) error {
	var p problemAnswer
	msg := ""
	if c.Codec.Unmarshal(r.Body, &p, false) == nil {
		msg = p.Detail
		if msg == "" {
			msg = p.Title
		}
		for _, fe := range p.Errors {
			msg += "; " + fe.Path + ": " + fe.Message
		}
	}
	if msg == "" {
		msg = "status " + strconv.Itoa(r.Status)
	}
	return &RefusedError{Status: r.Status, Message: strings.TrimPrefix(msg, "; ")}
}

// Create opens a new workshop with this device as the facilitator.
func (c *Conn) Create(name, title string, settings grid.Settings, course grid.Course, done func(error)) {
	var a createAnswer
	req := createRequest{Name: name, Title: title, Settings: &settings, Course: &course}
	c.call("POST", "/v1/workshops", "", req, &a, func(err error) {
		if err == nil {
			err = c.sit(&Seat{Workshop: a.ID, Member: a.MemberID, Token: a.FacilitatorToken,
				Role: RoleFacilitator, Name: name, Code: a.JoinCode, Title: title})
		}
		done(err)
	})
}

// Join joins the workshop with the code as a participant.
func (c *Conn) Join(code, name string, done func(error)) {
	var a joinAnswer
	code = NormalizeCode(code)
	c.call("POST", "/v1/join", "", joinRequest{Code: code, Name: name}, &a, func(err error) {
		if err == nil {
			err = c.sit(&Seat{Workshop: a.WorkshopID, Member: a.MemberID, Token: a.ParticipantToken,
				Role: RoleParticipant, Name: name, Code: code})
		}
		done(err)
	})
}

// NormalizeCode tidies a typed join code: upper case, spaces dropped, and
// the dash put back after four characters ("k7qm 4xpd" -> "K7QM-4XPD").
func NormalizeCode(code string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(code) {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if len(s) == 8 {
		return s[:4] + "-" + s[4:]
	}
	return s
}

// Send queues an event (giving it an id when it has none), stores the
// queue, and starts sending. The event's id stays with it through every
// retry, so the server applies it once.
func (c *Conn) Send(e grid.Event, done func()) error {
	if c.Seat == nil {
		return ErrNoSeat
	}
	if e.ID == "" {
		e.ID = c.NewID("e")
	}
	c.Seat.Pending = append(c.Seat.Pending, e)
	err := c.save()
	c.Flush(done)
	return err
}

// Flush posts the queued events in order, one at a time, and calls done
// when the queue is empty or sending has to wait: offline or the server
// busy (the events stay queued and the next Flush tries again). An event
// the server refuses for good (4xx other than 429) is dropped and its
// reason kept in Err.
func (c *Conn) Flush(done func()) {
	if done != nil {
		c.waiters = append(c.waiters, done)
	}
	if c.flushing {
		return
	}
	c.flushing = true
	c.flushNext()
}

func (c *Conn) finishFlush() {
	c.flushing = false
	w := c.waiters
	c.waiters = nil
	for _, fn := range w {
		fn()
	}
}

func (c *Conn) flushNext() {
	if c.Seat == nil || len(c.Seat.Pending) == 0 {
		c.finishFlush()
		return
	}
	seat := c.Seat
	e := seat.Pending[0]
	c.call("POST", "/v1/workshops/"+seat.Workshop+"/events", seat.Token, e, nil, func(err error) {
		if c.Seat != seat {
			c.finishFlush()
			return
		}
		re, refused := errors.AsType[*RefusedError](err)
		switch {
		case err == nil:
		case refused && re.Status >= 400 && re.Status < 500 && re.Status != 429 && re.Status != 408:
			c.Err = re.Message
		default: // offline, busy or a server fault: keep it and retry later
			c.finishFlush()
			return
		}
		if len(seat.Pending) > 0 && seat.Pending[0].ID == e.ID {
			seat.Pending = seat.Pending[1:]
		}
		_ = c.save()
		c.flushNext()
	})
}

// Poll sends what is queued, then reads the events after the cursor and,
// when there are new ones (or no view yet), the member's view. done runs
// once at the end; err is nil when the view is current.
func (c *Conn) Poll(done func(changed bool, err error)) {
	if c.Seat == nil {
		done(false, ErrNoSeat)
		return
	}
	c.Flush(func() {
		seat := c.Seat
		if seat == nil {
			done(false, ErrNoSeat)
			return
		}
		var ev eventsAnswer
		path := "/v1/workshops/" + seat.Workshop + "/events?after=" + strconv.Itoa(c.Cursor) + "&limit=500"
		c.call("GET", path, seat.Token, nil, &ev, func(err error) {
			if err != nil {
				done(false, err)
				return
			}
			if ev.Cursor == c.Cursor && c.View != nil {
				done(false, nil)
				return
			}
			c.Refresh(func(err error) { done(err == nil, err) })
		})
	})
}

// Refresh reads the member's view of the workshop now.
func (c *Conn) Refresh(done func(error)) {
	seat := c.Seat
	if seat == nil {
		done(ErrNoSeat)
		return
	}
	var w workshopAnswer
	c.call("GET", "/v1/workshops/"+seat.Workshop, seat.Token, nil, &w, func(err error) {
		if err != nil || c.Seat != seat {
			done(err)
			return
		}
		if w.View != nil {
			c.View = w.View
		}
		c.Cursor = w.Cursor
		if w.JoinCode != "" && w.JoinCode != seat.Code {
			seat.Code = w.JoinCode
			_ = c.save()
		}
		if w.Title != "" {
			seat.Title = w.Title
		}
		done(nil)
	})
}

// Export reads the workshop's grid from the server, as this member may
// see it, in format: "json" (a purposeful.grid/v1 document), "csv", "md"
// or "svg".
func (c *Conn) Export(format string, done func([]byte, error)) {
	seat := c.Seat
	if seat == nil {
		done(nil, ErrNoSeat)
		return
	}
	c.T.Do("GET", "/v1/workshops/"+seat.Workshop+"/export?format="+format, seat.Token, nil, func(r Response) {
		if r.Err != nil || r.Status == 0 {
			c.Online = false
			done(nil, ErrOffline)
			return
		}
		c.Online = true
		if r.Status < 200 || r.Status > 299 {
			done(nil, c.refused(r))
			return
		}
		done(r.Body, nil)
	})
}

// Complete marks the workshop completed (the facilitator only); the
// server records the completion and sends its xAPI statement.
func (c *Conn) Complete(done func(error)) {
	seat := c.Seat
	if seat == nil {
		done(ErrNoSeat)
		return
	}
	c.call("POST", "/v1/workshops/"+seat.Workshop+"/complete", seat.Token, nil, nil, done)
}
