package recovery

// Move is one thing an employee does or says while recovering from a
// service failure. Moves are declared in the order a recovery usually
// runs, so sorting moves by value gives a sensible running order. The
// zero value is [Listen]. Moves encode as their names ("listen",
// "apologise", ...).
type Move uint8

// The moves of a recovery. The five boundary moves form the path for
// abuse: name the behaviour, ask for it to stop, state the consequence,
// end or escalate, document.
const (
	Listen           Move = iota // let them finish
	Paraphrase                   // say back what you heard and check it
	Acknowledge                  // name the feeling
	Believe                      // take their account as true
	Thank                        // thank them for raising it
	Apologise                    // apologise with ownership and no blame
	Own                          // take ownership of putting it right
	AskFair                      // ask what they would consider fair
	Fix                          // fix it, fast
	Offer                        // say what you can do; alternatives within policy
	Explain                      // explain a decision, after acting
	AgreeToDiffer                // see it differently, solve the immediate problem anyway
	CommitTime                   // commit to a time, offering a choice
	Atone                        // a gesture in proportion to the failure
	HandOver                     // pass to a colleague with the context
	Prevent                      // head off the next problem
	WelcomeFeedback              // feedback, good and bad, is welcome
	FollowUp                     // check back and close the loop
	RecordCause                  // record the root cause so it is fixed
	NameBehaviour                // boundary: say what the behaviour is
	AskToStop                    // boundary: ask for it to stop
	StateConsequence             // boundary: say what happens if it goes on
	EndOrEscalate                // boundary: end the contact or escalate
	Document                     // boundary: write down what happened
	numMoves
)

var moveNames = []string{
	"listen", "paraphrase", "acknowledge", "believe", "thank", "apologise", "own",
	"ask-fair", "fix", "offer", "explain", "agree-to-differ", "commit-time", "atone",
	"hand-over", "prevent", "welcome-feedback", "follow-up", "record-cause",
	"name-behaviour", "ask-to-stop", "state-consequence", "end-or-escalate", "document",
}

// MoveInfo describes a move: its name, a short title, what it means and
// why it matters, and whether a reader can see it in a written or spoken
// reply (recording a root cause happens behind the scenes, so a reply
// rarely shows it).
type MoveInfo struct {
	Move       Move   `json:"move"`
	Title      string `json:"title"`
	Definition string `json:"definition"`
	Why        string `json:"why"`
	Boundary   bool   `json:"boundary,omitempty"`
	Visible    bool   `json:"visible"`
}

var moveInfos = [numMoves]MoveInfo{
	{Listen, "Let them finish", "Hear the whole story without interrupting, correcting or defending.", "People cannot take in a solution until they feel heard; cutting in restarts the anger.", false, true},
	{Paraphrase, "Paraphrase to confirm", "Say the problem back in your own words and check you have it right.", "It proves you listened and catches misunderstandings before you act on them.", false, true},
	{Acknowledge, "Acknowledge the feeling", "Name how the customer feels and accept that it is reasonable.", "A feeling that is recognised loses heat; one that is ignored grows.", false, true},
	{Believe, "Believe the customer", "Take their account as true while you look into it.", "Most complaints are genuine; doubting the honest majority insults them to catch a rare few.", false, true},
	{Thank, "Thank them for raising it", "Thank the customer for telling you rather than leaving quietly.", "A complaint is a second chance; most unhappy customers never give one.", false, true},
	{Apologise, "Apologise with ownership", "Say sorry for what happened, in the first person, with no 'if' and no blame.", "A clean apology costs nothing and is the move customers most often say was missing.", false, true},
	{Own, "Take ownership", "Make the problem yours to solve, whoever caused it.", "Customers do not care whose department failed; they want one person who will see it through.", false, true},
	{AskFair, "Ask what would be fair", "Ask the customer what would put it right for them.", "Customers often ask for less than you would offer, and a remedy they chose feels fair.", false, true},
	{Fix, "Fix it fast", "Solve the immediate problem now, or start solving it while they are with you.", "Speed is part of the remedy; a slow fix feels like a second failure.", false, true},
	{Offer, "Say what you can do", "State what you can do, and alternatives within policy, instead of what you cannot.", "A 'no' with a real alternative keeps the customer moving toward a solution.", false, true},
	{Explain, "Explain the decision", "Give the reason for a decision, after you have acted or offered, not before.", "An explanation helps people accept a decision; given first it sounds like an excuse.", false, true},
	{AgreeToDiffer, "Agree to differ", "Say you see it differently, that you will think about their view, and solve the immediate problem anyway.", "You do not need to win the argument to fix the problem.", false, true},
	{CommitTime, "Commit to a time", "Promise a specific time for the next step, and offer a choice of times.", "A vague 'soon' is a promise the customer will hold you to; a choice of times gives back control.", false, true},
	{Atone, "Atone in proportion", "Offer a gesture that matches the size of the failure.", "A gesture says the failure mattered; too small insults, too large looks like buying silence.", false, true},
	{HandOver, "Hand over with context", "Bring in a colleague who can do better, and pass on the whole story so the customer need not repeat it.", "A warm hand-over keeps the trust you built; a cold transfer throws it away.", false, true},
	{Prevent, "Head off the next problem", "Fix what else this failure will break later, before the customer finds it.", "One failure often causes a second; catching it first turns a recovery into a surprise.", false, true},
	{WelcomeFeedback, "Welcome feedback", "Say that feedback, good and bad, is how service improves.", "It makes complaining feel useful rather than awkward.", false, true},
	{FollowUp, "Follow up", "Check back later that the fix held, and close the loop.", "A follow-up is the moment most customers decide the recovery was real.", false, true},
	{RecordCause, "Record the root cause", "Log what went wrong so the cause can be fixed, not only this case.", "Without a record the same failure reaches the next customer.", false, false},
	{NameBehaviour, "Name the behaviour", "Describe the abusive behaviour calmly and specifically.", "Naming it makes clear what has to change without attacking the person.", true, true},
	{AskToStop, "Ask for it to stop", "Ask the customer to stop the behaviour so you can keep helping.", "It gives them a way back to a working conversation.", true, true},
	{StateConsequence, "State the consequence", "Say plainly what you will do if it continues.", "A boundary without a consequence is a request that can be ignored.", true, true},
	{EndOrEscalate, "End or escalate", "If it continues, end the contact or pass it to a supervisor, as you said you would.", "Keeping your word protects you and keeps the boundary credible.", true, true},
	{Document, "Document it", "Write down what was said and what you did.", "A record protects the employee and lets the organisation act.", true, false},
}

// String returns the move's name.
func (m Move) String() string { return enumString(m, moveNames, "move") }

// MarshalText encodes the move as its name.
func (m Move) MarshalText() ([]byte, error) { return enumMarshal(m, moveNames, "move") }

// UnmarshalText decodes a move name; an unknown name is an [*EnumError].
func (m *Move) UnmarshalText(b []byte) error { return unmarshalInto(m, b, moveNames, "move") }

// ParseMove returns the move with the given name.
func ParseMove(name string) (Move, error) { return enumParse[Move]([]byte(name), moveNames, "move") }

// Valid reports whether m is one of the declared moves.
func (m Move) Valid() bool { return m < numMoves }

// Info returns the move's title, definition and rationale. An invalid
// move gets a zero MoveInfo.
func (m Move) Info() MoveInfo {
	if !m.Valid() {
		return MoveInfo{}
	}
	return moveInfos[m]
}

// Title is the move's short title ("Apologise with ownership").
func (m Move) Title() string { return m.Info().Title }

// IsBoundary reports whether m belongs to the boundary path for abuse.
func (m Move) IsBoundary() bool { return m >= NameBehaviour && m <= Document }

// Moves returns every move with its definition, in running order.
func Moves() []MoveInfo { return append([]MoveInfo(nil), moveInfos[:]...) }
