package ui

import (
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/device"
)

// Element is the slice of a DOM element the page uses. The browser
// implementation (wasm/page, js&&wasm) wraps honnef.co/go/js/dom/v2; tests
// use the in-memory one in wasm/page/ui/uitest.
//
// There is deliberately no way to set HTML: user text goes in with
// SetText only.
type Element interface {
	Append(children ...Element)
	Clear()
	Remove()
	SetText(s string)
	SetAttr(name, value string)
	RemoveAttr(name string)
	Attr(name string) string
	Value() string
	SetValue(s string)
	Checked() bool
	SetChecked(on bool)
	// On adds a listener and returns the function that removes it (and
	// releases what the browser binding holds).
	On(event string, fn func(Event)) (off func())
	Focus()
	// SetStyle sets one CSS property through the CSSOM (allowed by the
	// page's CSP, unlike style attributes).
	SetStyle(prop, value string)
}

// Event is what a listener learns about a DOM event.
type Event struct {
	Type  string
	Key   string
	Shift bool
	Ctrl  bool // Ctrl or Meta
	// Prevent cancels the browser's default action (nil in tests).
	Prevent func()
}

// PreventDefault cancels the browser's default action.
func (e Event) PreventDefault() {
	if e.Prevent != nil {
		e.Prevent()
	}
}

// Host is everything the page needs from its surroundings.
type Host interface {
	Create(tag string) Element
	// ByID returns the element with id from the static page, or nil.
	ByID(id string) Element
	Storage() device.Storage
	Now() time.Time
	// After runs fn once after d; the returned func cancels it.
	After(d time.Duration, fn func()) (cancel func())
	// Download offers data as a file named name.
	Download(name, mime string, data []byte)
	// ObjectURL returns a URL for data (revoke it with RevokeURL).
	ObjectURL(mime string, data []byte) string
	RevokeURL(url string)
	// PickFile asks the user for a file and calls fn with its bytes.
	PickFile(accept string, fn func(name string, data []byte, err error))
	Hash() string
	SetHash(h string)
	OnHash(fn func(hash string))
	// OnHide registers fn for when the page is hidden or unloaded, the
	// last chance to save.
	OnHide(fn func())
	Print()
}

// Services are the domain analyses the screens call. Any may be nil; the
// screens then leave that feature out.
type Services struct {
	// Classify says which grid column an item reads like.
	Classify func(text string) (Hint, bool)
	// AnalyzePurpose coaches a purpose statement.
	AnalyzePurpose func(text string) (PurposeReport, error)
	// Climb runs the revelation ladder from a job function.
	Climb func(function string, answers []string) (LadderReport, error)
	// Recovery coach: a plan for a situation, a review of a draft reply,
	// and practice scenarios with grading.
	RecoveryPlan  func(s RecoverySituation) (RecoveryPlan, error)
	ReviewReply   func(draft string, s RecoverySituation) (ReplyReview, error)
	Scenarios     func() []Scenario
	GradePractice func(scenarioID, reply string) (Grade, error)
	// Standards builder: drafts from a grid's adopted ideas, lint
	// findings for one standard, and the training plan for a set.
	DraftStandards func(g *grid.Grid) ([]StandardDraft, error)
	LintStandard   func(purpose string, s StandardDraft) []FieldNote
	TrainingPlan   func(purpose string, s []StandardDraft) []TrainingLine
	// Diagnostic: the questions, and the evaluation of answers (1-5 by
	// question id).
	DiagnosticQuestions func() []DiagnosticQuestion
	EvaluateDiagnostic  func(answers map[string]int) (DiagnosticResult, error)
	// BuildCourse builds an LMS course package (the "Download for your
	// LMS" dialog, lmsdialog.go) and calls done with its file name and bytes.
	BuildCourse func(req CourseRequest, done func(name string, zip []byte, err error))
	// JoinQR draws the QR code of a team workshop's join link as an SVG
	// picture (the team page links wasm/internal/joinqr).
	JoinQR func(link string) ([]byte, error)
}

// Hint is a classifier verdict shown beside a knowledge or skill entry.
type Hint struct {
	Kind       string // "knowledge", "skill", "action", "behaviour", "function"
	Confidence float64
	Reason     string
}

// Mark is a highlighted stretch of text, by byte offsets.
type Mark struct {
	Start, End int
	Class      string // "function", "purpose", "warning", ...
	Label      string // what the highlight means, for screen readers
}

// Note is one piece of advice.
type Note struct {
	Severity string // "info", "warning", "error"
	Message  string
	Why      string
	Start    int
	End      int
}

// PurposeReport is the live analysis of a purpose statement.
type PurposeReport struct {
	Verdict       string // "function", "purpose", "internal"
	Score         int
	Beneficiaries []string
	Outcomes      []string
	Marks         []Mark
	Notes         []Note
	Suggestions   []string
}

// LadderReport is the revelation ladder after some answers.
type LadderReport struct {
	Rungs   []Rung
	Next    string // the next question ("" when the climb is over)
	State   string // "climbing", "reached", "circling", "drifting", "exhausted"
	Purpose string // the answer that reached a purpose
	Max     int    // how many answers the ladder reads
}

// Rung is one answer on the ladder and what it showed.
type Rung struct {
	Question, Text, Step, Note string
}

// RecoverySituation describes an upset customer for the recovery coach;
// the enum fields hold the recovery package's names ("angry", "our-error",
// ...). The zero value is a valid situation.
type RecoverySituation struct {
	State, Cause, Severity, Channel string
	CustomerName, Issue, Offer      string
	// Policy and Times fill the details a suggested reply needs when a
	// policy is in play or a call back is promised ("4pm today").
	Policy, Times string
}

// RecoveryPlan is the ordered plan with phrases to say.
type RecoveryPlan struct {
	Steps []PlanStep
	Notes []string
}

// PlanStep is one move of a recovery plan.
type PlanStep struct {
	Title, Reason string
	Optional      bool
	Phrases       []string
}

// ReplyReview is the review of a drafted reply to a customer.
type ReplyReview struct {
	Score   int
	Marks   []Mark
	Notes   []Note
	Missing []string
	Rewrite string
}

// Scenario is a practice case.
type Scenario struct {
	ID, Title, Setting, Customer, Brief string
}

// Grade is the feedback on a practice reply.
type Grade struct {
	Score  int
	Rubric []RubricLine
	Next   string
	Review ReplyReview
	// Parts say how Score adds up from what the learner sees.
	Parts []string
}

// RubricLine is one criterion of a practice grade.
type RubricLine struct {
	Text       string
	Met        bool
	Points, Of int
	Comment    string
}

// StandardDraft is one standard being written from an adopted idea.
type StandardDraft struct {
	Code, Item                      string   // Item: the idea it came from
	Statement, Rationale, Deviation string   // Deviation: when deviating is right
	Gaps                            []string // what is still missing, in words (not stored)
}

// FieldNote is a lint finding on one field of a standard ("statement",
// "rationale", "deviation", "method"), with its byte span in that field,
// an optional replacement for the span, and advice that is not a
// replacement (verbs to start with, what to name).
type FieldNote struct {
	Note
	Field string
	// Fix replaces the span's text when HasFix ("" then deletes it).
	Fix    string
	HasFix bool
	Hints  []string
}

// TrainingLine is one row of the training plan.
type TrainingLine struct {
	Code, Standard, Content, Medium, Support, Reason string
}

// DiagnosticQuestion is one statement of the six-level diagnostic.
type DiagnosticQuestion struct {
	ID, Level, Text string
}

// DiagnosticResult scores the diagnostic.
type DiagnosticResult struct {
	Levels   []LevelResult
	Root     string // the lowest level under the threshold ("" when none)
	Advice   string
	Above    []string
	Complete bool
}

// LevelResult is one level's score.
type LevelResult struct {
	Level    string
	Percent  int
	Answered int
	Below    bool
}
