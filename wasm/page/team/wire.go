package team

// Event is one grid session event as the page sends it: the fields of
// grid.Event that team mode uses, with the same JSON names. The actor and
// time are left to the server (it sets them from the token and its
// clock).
type Event struct {
	ID          string    `json:"id"`
	Type        string    `json:"type"`
	Name        string    `json:"name,omitempty"`
	Participant string    `json:"participant,omitempty"`
	Settings    *Settings `json:"settings,omitempty"`
	Course      *Course   `json:"course,omitempty"`
	Step        string    `json:"step,omitempty"`
	Item        string    `json:"item,omitempty"`
	Items       []string  `json:"items,omitempty"`
	Column      string    `json:"column,omitempty"`
	Text        string    `json:"text,omitempty"`
}

// Event types the page sends.
const (
	TypeNextStep    = "step.next"
	TypeAddItem     = "item.add"
	TypeReveal      = "ideas.reveal"
	TypeVotingOpen  = "voting.open"
	TypeVotingClose = "voting.close"
	TypeVote        = "vote"
	TypeUnvote      = "unvote"
)

// Settings are the session settings (grid.Settings). Anonymity is
// "anonymous" (the default), "alias" or "named".
type Settings struct {
	Anonymity string `json:"anonymity"`
	Dots      int    `json:"dots,omitempty"`
	PerItem   int    `json:"perItem,omitempty"`
}

// Course is what the facilitator sets in the first step (grid.Course).
type Course struct {
	Organisation string   `json:"organisation,omitempty"`
	Position     string   `json:"position,omitempty"`
	Purpose      string   `json:"purpose,omitempty"`
	Process      string   `json:"process,omitempty"`
	Objective    string   `json:"objective,omitempty"`
	Values       []string `json:"values,omitempty"`
	KPIs         []string `json:"kpis,omitempty"`
}

// View is the session as this member may see it (grid.View, the fields
// the page shows).
type View struct {
	Step         string   `json:"step"`
	You          Member   `json:"you"`
	Settings     Settings `json:"settings"`
	Course       Course   `json:"course"`
	Members      []Member `json:"members"`
	Items        []Item   `json:"items"`
	PrivateIdeas int      `json:"privateIdeas"`
	Voting       Voting   `json:"voting"`
	Events       int      `json:"events"`
}

// Member is a member as the viewer may see them: Name is empty in
// anonymous sessions.
type Member struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	Role string `json:"role"`
	You  bool   `json:"you,omitempty"`
}

// Item is an item as the viewer may see it.
type Item struct {
	ID         string `json:"id"`
	Column     string `json:"column"`
	Text       string `json:"text"`
	Author     string `json:"author,omitempty"`
	Mine       bool   `json:"mine,omitempty"`
	Private    bool   `json:"private,omitempty"`
	Hidden     bool   `json:"hidden,omitempty"`
	MergedInto string `json:"mergedInto,omitempty"`
	Status     string `json:"status"`
	Votes      *int   `json:"votes,omitempty"`
	MyVotes    int    `json:"myVotes,omitempty"`
}

// Voting is the state of dot voting.
type Voting struct {
	Open    bool `json:"open"`
	Closed  bool `json:"closed"`
	Dots    int  `json:"dots"`
	PerItem int  `json:"perItem"`
	Used    int  `json:"used"`
}

// Steps of the activity, in order, with their printed names.
var Steps = []struct{ Name, Title string }{
	{"course", "Set the course"},
	{"team", "Involve the team"},
	{"create", "Get creative"},
	{"mine", "Mine for gold"},
	{"summary", "Summary"},
}

// StepTitle is the printed name of a step ("" when unknown).
func StepTitle(step string) string {
	for _, s := range Steps {
		if s.Name == step {
			return s.Title
		}
	}
	return ""
}

type createRequest struct {
	Name     string    `json:"name"`
	Title    string    `json:"title,omitempty"`
	Settings *Settings `json:"settings,omitempty"`
	Course   *Course   `json:"course,omitempty"`
}

type createAnswer struct {
	ID               string `json:"id"`
	JoinCode         string `json:"join_code"`
	FacilitatorToken string `json:"facilitator_token"`
	MemberID         string `json:"member_id"`
}

type joinRequest struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type joinAnswer struct {
	WorkshopID       string `json:"workshop_id"`
	MemberID         string `json:"member_id"`
	ParticipantToken string `json:"participant_token"`
}

type eventsAnswer struct {
	Events []struct {
		Seq int `json:"seq"`
	} `json:"events"`
	Cursor int `json:"cursor"`
}

type workshopAnswer struct {
	Title    string `json:"title"`
	JoinCode string `json:"join_code"`
	Cursor   int    `json:"cursor"`
	View     *View  `json:"view"`
}

type problemAnswer struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Errors []struct {
		Path    string `json:"path"`
		Message string `json:"message"`
	} `json:"errors"`
}
