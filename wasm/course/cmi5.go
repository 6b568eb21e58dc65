package course

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Launch parameters of a cmi5 assignable unit, as the LMS puts them on
// the launch URL.
type LaunchParams struct {
	Endpoint     string // the LRS's xAPI endpoint, ending in /
	Fetch        string // the URL to POST once for the auth token
	Actor        json.RawMessage
	Registration string
	ActivityID   string
}

// ErrLaunch reports cmi5 launch parameters that are missing or wrong.
var ErrLaunch = errors.New("course: cmi5 launch")

// ParseLaunch reads the cmi5 launch parameters from a launch URL's query
// ("endpoint=…&fetch=…&actor=…&registration=…&activityId=…"). It reports
// every missing or malformed parameter at once.
func ParseLaunch(query string) (LaunchParams, error) {
	q, err := url.ParseQuery(strings.TrimPrefix(query, "?"))
	if err != nil {
		return LaunchParams{}, fmt.Errorf("%w: %w", ErrLaunch, err)
	}
	p := LaunchParams{Endpoint: q.Get("endpoint"), Fetch: q.Get("fetch"), Actor: json.RawMessage(q.Get("actor")),
		Registration: q.Get("registration"), ActivityID: q.Get("activityId")}
	var errs []error
	for _, f := range []struct{ name, v string }{{"endpoint", p.Endpoint}, {"fetch", p.Fetch}, {"activityId", p.ActivityID}} {
		if u, err := url.Parse(f.v); f.v == "" || err != nil || !u.IsAbs() {
			errs = append(errs, fmt.Errorf("%w: %s: %q is not an absolute URL", ErrLaunch, f.name, f.v))
		}
	}
	var actor struct {
		ObjectType string          `json:"objectType"`
		Account    json.RawMessage `json:"account"`
	}
	if json.Unmarshal(p.Actor, &actor) != nil || len(actor.Account) == 0 {
		errs = append(errs, fmt.Errorf("%w: actor: not an xAPI agent with an account", ErrLaunch))
	}
	if !isUUID(p.Registration) {
		errs = append(errs, fmt.Errorf("%w: registration: %q is not a UUID", ErrLaunch, p.Registration))
	}
	if !strings.HasSuffix(p.Endpoint, "/") {
		p.Endpoint += "/"
	}
	return p, errors.Join(errs...)
}

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if r != '-' {
				return false
			}
		} else if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// LaunchData is the LMS.LaunchData state document of a cmi5 launch.
type LaunchData struct {
	ContextTemplate  map[string]any `json:"contextTemplate"`
	LaunchMode       string         `json:"launchMode"`
	LaunchMethod     string         `json:"launchMethod,omitempty"`
	LaunchParameters string         `json:"launchParameters,omitempty"`
	MasteryScore     *float64       `json:"masteryScore,omitempty"`
	MoveOn           string         `json:"moveOn"`
	ReturnURL        string         `json:"returnURL,omitempty"`
}

// Preferences are the learner's cmi5 preferences (agent profile
// cmi5LearnerPreferences); both may be empty.
type Preferences struct {
	LanguagePreference string `json:"languagePreference,omitempty"`
	AudioPreference    string `json:"audioPreference,omitempty"`
}

// Request is one HTTP request to the LMS or its LRS.
type Request struct {
	Method, URL string
	Header      map[string]string
	Body        []byte
}

// Transport sends requests for a cmi5 session. Do blocks until the answer
// (it is called from the session's sender goroutine, never from an event
// handler); Keepalive starts a request that outlives the page and does not
// wait for it.
type Transport interface {
	Do(r Request) (status int, body []byte, err error)
	Keepalive(r Request)
}

// cmi5 context activity categories and extensions, and the verbs of the
// cmi5-defined statements.
const (
	categoryCMI5   = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
	categoryMoveOn = "https://w3id.org/xapi/cmi5/context/categories/moveon"
	extMastery     = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
	verbBase       = "http://adlnet.gov/expapi/verbs/"
	// StateID is the xAPI state document where the course keeps the
	// learner's state for resuming (cmi5 has no suspend data of its own).
	StateID = "https://purposeful.cx/xapi/course/state"
)

// ErrLRS reports a request the LMS or its LRS refused.
var ErrLRS = errors.New("course: the LRS refused a request")

// CMI5Session records an attempt through a cmi5 LMS: the auth token from the
// fetch URL, the launch data, the cmi5-defined statements in order, and
// the learner's state as an xAPI state document. Statements wait in a
// queue and are sent one at a time, in order, retried until the LRS takes
// them.
type CMI5Session struct {
	P    LaunchParams
	Data LaunchData
	Pref Preferences
	// Retry is the longest wait between two tries of a request (default
	// 8 s; the wait starts at 250 ms and doubles).
	Retry time.Duration

	t     Transport
	now   func() time.Time
	auth  string
	start time.Time

	mu       sync.Mutex
	queue    []Request
	busy     bool // the sender is working on queue[0]
	wake     chan struct{}
	sent     map[string]bool // verbs sent this session
	closed   bool
	failures int
}

// NewCMI5 prepares a cmi5 session with launch parameters p over t.
func NewCMI5(p LaunchParams, t Transport, now func() time.Time) *CMI5Session {
	return &CMI5Session{P: p, t: t, now: now, wake: make(chan struct{}, 1), sent: map[string]bool{}}
}

// Name is the standard spoken.
func (c *CMI5Session) Name() string { return "cmi5" }

func (c *CMI5Session) header() map[string]string {
	h := map[string]string{"X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}
	if c.auth != "" {
		h["Authorization"] = "Basic " + c.auth
	}
	return h
}

func (c *CMI5Session) stateURL(id string) string {
	q := url.Values{"stateId": {id}, "activityId": {c.P.ActivityID}, "agent": {string(c.P.Actor)}, "registration": {c.P.Registration}}
	return c.P.Endpoint + "activities/state?" + q.Encode()
}

// get reads a document; a 404 gives nil.
func (c *CMI5Session) get(u string) ([]byte, error) {
	status, body, err := c.t.Do(Request{Method: "GET", URL: u, Header: c.header()})
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: GET %s: %w", ErrLRS, u, err)
	case status == 404:
		return nil, nil
	case status/100 != 2:
		return nil, fmt.Errorf("%w: GET %s: status %d", ErrLRS, u, status)
	}
	return body, nil
}

// Start POSTs the fetch URL for the auth token (once), reads LMS.LaunchData,
// the learner's preferences and the saved state, queues the initialized
// statement and starts the sender. It blocks, so call it from a goroutine
// that may wait (the program's main), not from an event handler.
func (c *CMI5Session) Start() (Launch, error) {
	status, body, err := c.t.Do(Request{Method: "POST", URL: c.P.Fetch})
	if err != nil || status/100 != 2 {
		return Launch{}, fmt.Errorf("%w: fetch URL: status %d: %v", ErrLRS, status, err)
	}
	var tok struct {
		Token string `json:"auth-token"`
		Code  string `json:"error-code"`
		Text  string `json:"error-text"`
	}
	if err := json.Unmarshal(body, &tok); err != nil || tok.Token == "" {
		return Launch{}, fmt.Errorf("%w: fetch URL: no auth-token (error %s %s)", ErrLRS, tok.Code, tok.Text)
	}
	c.auth = tok.Token
	data, err := c.get(c.stateURL("LMS.LaunchData"))
	if err != nil {
		return Launch{}, err
	}
	if err := json.Unmarshal(data, &c.Data); err != nil || c.Data.ContextTemplate == nil {
		return Launch{}, fmt.Errorf("%w: LMS.LaunchData: missing or without contextTemplate", ErrLRS)
	}
	q := url.Values{"profileId": {"cmi5LearnerPreferences"}, "agent": {string(c.P.Actor)}}
	if pref, err := c.get(c.P.Endpoint + "agents/profile?" + q.Encode()); err == nil && pref != nil {
		_ = json.Unmarshal(pref, &c.Pref)
	}
	saved, err := c.get(c.stateURL(StateID))
	if err != nil {
		return Launch{}, err
	}
	var doc stateDoc
	if saved != nil && json.Unmarshal(saved, &doc) == nil {
		for _, v := range doc.Sent {
			c.sent[v] = true
		}
	}
	l := Launch{Suspend: doc.Suspend, Mastery: -1, SuspendMax: 64000}
	if m := c.Data.MasteryScore; m != nil && *m >= 0 && *m <= 1 {
		l.Mastery = int(*m*100 + 0.5)
	}
	c.start = c.now()
	c.enqueue(c.statement("initialized", nil, false))
	go c.send()
	return l, nil
}

// normal says whether the launch records results (cmi5 launch mode
// Normal); in Browse and Review modes no completed, passed or failed is
// sent.
func (c *CMI5Session) normal() bool { return c.Data.LaunchMode == "" || c.Data.LaunchMode == "Normal" }

// judged says whether moveOn asks for passed or failed.
func (c *CMI5Session) judged() bool {
	switch c.Data.MoveOn {
	case "Passed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable":
		return true
	}
	return false
}

// stateDoc is the course's state document in the LMS: the learner's
// state, and the verbs of this registration that must not be sent again
// (cmi5 allows one completed and one passed per registration).
type stateDoc struct {
	Suspend string   `json:"suspend"`
	Sent    []string `json:"sent,omitempty"`
}

// saveState queues the state document.
func (c *CMI5Session) saveState(suspend string) {
	doc := stateDoc{Suspend: suspend}
	for _, v := range []string{"completed", "passed"} {
		if c.sent[v] {
			doc.Sent = append(doc.Sent, v)
		}
	}
	b, _ := json.Marshal(doc)
	c.enqueueState(Request{Method: "PUT", URL: c.stateURL(StateID), Header: c.header(), Body: b})
}

// Report saves the learner's state for resuming. Statements wait for
// Finish, so a session sends at most one of passed and failed.
func (c *CMI5Session) Report(r Result, suspend string) error {
	c.saveState(suspend)
	return c.lastError()
}

// Finish saves the state and queues the session's last statements:
// completed when the course is complete, passed or failed when moveOn
// asks for one and the course is scored, and terminated.
func (c *CMI5Session) Finish(r Result, suspend string, session time.Duration) error {
	dur := Duration(session)
	if c.normal() {
		if r.Completed && !c.sent["completed"] {
			c.enqueue(c.statement("completed", map[string]any{"completion": true, "duration": dur}, true))
		}
		if r.Success != Unknown && c.judged() && !c.sent["passed"] && !c.sent["failed"] {
			verb := "failed"
			if r.Success == Passed {
				verb = "passed"
			}
			res := map[string]any{"success": r.Success == Passed, "duration": dur,
				"score": map[string]any{"scaled": float64(r.Score) / 100, "raw": r.Score, "min": 0, "max": 100}}
			c.enqueue(c.statement(verb, res, true))
		}
	}
	c.saveState(suspend)
	c.enqueue(c.statement("terminated", map[string]any{"duration": dur}, false))
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	return c.lastError()
}

// Leave sends what is still queued with requests that outlive the page;
// call it when the page goes away, after Finish.
func (c *CMI5Session) Leave() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range c.queue {
		c.t.Keepalive(r)
	}
}

// ReturnURL is where the AU goes once the session has ended: the launch
// data's returnURL when it is an absolute http or https URL, else "".
func (c *CMI5Session) ReturnURL() string {
	u, err := url.Parse(c.Data.ReturnURL)
	if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

// Done says whether the session has ended and the LRS has everything.
func (c *CMI5Session) Done() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed && len(c.queue) == 0
}

// Pending is how many requests wait to be sent.
func (c *CMI5Session) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.queue)
}

func (c *CMI5Session) lastError() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.failures > 0 {
		return fmt.Errorf("%w: %d tries failed, %d requests waiting", ErrLRS, c.failures, len(c.queue))
	}
	return nil
}

// statement builds a cmi5-defined statement: the launch's actor, the AU
// as object, the LMS's context template with the registration and the
// cmi5 category (and moveon for completed, passed and failed).
func (c *CMI5Session) statement(verb string, result map[string]any, moveOn bool) Request {
	c.sent[verb] = true
	ctx := map[string]any{}
	b, _ := json.Marshal(c.Data.ContextTemplate)
	_ = json.Unmarshal(b, &ctx)
	ctx["registration"] = c.P.Registration
	acts, _ := ctx["contextActivities"].(map[string]any)
	if acts == nil {
		acts = map[string]any{}
	}
	cats, _ := acts["category"].([]any)
	cats = append(cats, map[string]any{"id": categoryCMI5, "objectType": "Activity"})
	if moveOn {
		cats = append(cats, map[string]any{"id": categoryMoveOn, "objectType": "Activity"})
	}
	acts["category"] = cats
	ctx["contextActivities"] = acts
	if (verb == "passed" || verb == "failed") && c.Data.MasteryScore != nil {
		ext, _ := ctx["extensions"].(map[string]any)
		if ext == nil {
			ext = map[string]any{}
		}
		ext[extMastery] = *c.Data.MasteryScore
		ctx["extensions"] = ext
	}
	id := newUUID()
	s := map[string]any{
		"id":        id,
		"actor":     c.P.Actor,
		"verb":      map[string]any{"id": verbBase + verb, "display": map[string]string{"en-US": verb}},
		"object":    map[string]any{"id": c.P.ActivityID, "objectType": "Activity"},
		"context":   ctx,
		"timestamp": c.now().UTC().Format("2006-01-02T15:04:05.000Z07:00"),
	}
	if result != nil {
		s["result"] = result
	}
	body, _ := json.Marshal(s)
	return Request{Method: "PUT", URL: c.P.Endpoint + "statements?statementId=" + id, Header: c.header(), Body: body}
}

// newUUID returns a random (version 4) UUID for a statement or session id.
// math/rand/v2's generator is seeded from the platform's randomness; the
// ids need to be unique, not secret, and crypto/rand would link the FIPS
// module into every course program.
func newUUID() string {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], rand.Uint64())
	binary.LittleEndian.PutUint64(b[8:], rand.Uint64())
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func (c *CMI5Session) enqueue(r Request) {
	c.mu.Lock()
	c.queue = append(c.queue, r)
	c.mu.Unlock()
	c.poke()
}

// enqueueState queues a state document, replacing one still waiting (not
// being sent): only the latest state matters.
func (c *CMI5Session) enqueueState(r Request) {
	c.mu.Lock()
	if n := len(c.queue); n > 0 && (n > 1 || !c.busy) && c.queue[n-1].URL == r.URL && r.Method == c.queue[n-1].Method {
		c.queue[n-1] = r
	} else {
		c.queue = append(c.queue, r)
	}
	c.mu.Unlock()
	c.poke()
}

func (c *CMI5Session) poke() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// send is the sender: it sends the queue's head until the LRS takes it
// (statement PUTs carry their id, so a retry cannot duplicate one), waiting
// longer after each failure, and stops after the terminated statement.
func (c *CMI5Session) send() {
	wait := 250 * time.Millisecond
	max := c.Retry
	if max == 0 {
		max = 8 * time.Second
	}
	for {
		c.mu.Lock()
		if len(c.queue) == 0 {
			done := c.closed
			c.mu.Unlock()
			if done {
				return
			}
			<-c.wake
			continue
		}
		r := c.queue[0]
		c.busy = true
		c.mu.Unlock()
		status, _, err := c.t.Do(r)
		c.mu.Lock()
		c.busy = false
		ok := err == nil && status/100 == 2
		if ok {
			c.queue = c.queue[1:]
			c.failures = 0
			wait = 250 * time.Millisecond
		} else {
			c.failures++
		}
		c.mu.Unlock()
		if !ok {
			time.Sleep(wait)
			wait = min(wait*2, max)
		}
	}
}
