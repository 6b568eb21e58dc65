package recovery

// Model is a published recovery model: a memorable sequence of steps,
// each mapped to the [Move] it stands for, with a credit to where the
// model comes from.
type Model struct {
	ID     string      `json:"id"`
	Name   string      `json:"name"`
	Credit string      `json:"credit"`
	Note   string      `json:"note,omitempty"`
	Steps  []ModelStep `json:"steps"`
}

// ModelStep is one step of a [Model]: the word the model uses and the
// move it corresponds to.
type ModelStep struct {
	Word string `json:"word"`
	Move Move   `json:"move"`
}

// Moves returns the model's moves in order.
func (m Model) Moves() []Move {
	out := make([]Move, len(m.Steps))
	for i, s := range m.Steps {
		out[i] = s.Move
	}
	return out
}

var models = []Model{
	{
		ID: "heard", Name: "HEARD", Credit: "Disney (taught by the Disney Institute)",
		Note:  "Ends with diagnosis: find out why it happened so it does not happen again.",
		Steps: []ModelStep{{"Hear", Listen}, {"Empathise", Acknowledge}, {"Apologise", Apologise}, {"Resolve", Fix}, {"Diagnose", RecordCause}},
	},
	{
		ID: "last", Name: "LAST", Credit: "Hospitality practice",
		Note:  "The shortest of the models; useful as a first rule for new staff.",
		Steps: []ModelStep{{"Listen", Listen}, {"Apologise", Apologise}, {"Solve", Fix}, {"Thank", Thank}},
	},
	{
		ID: "blast", Name: "BLAST", Credit: "Hospitality and retail practice",
		Note:  "LAST with belief first: start from the assumption that the customer is telling the truth.",
		Steps: []ModelStep{{"Believe", Believe}, {"Listen", Listen}, {"Apologise", Apologise}, {"Satisfy", Fix}, {"Thank", Thank}},
	},
	{
		ID: "latte", Name: "LATTE", Credit: "Starbucks",
		Note:  "Acting comes before explaining, the order this package checks for.",
		Steps: []ModelStep{{"Listen", Listen}, {"Acknowledge", Acknowledge}, {"Take action", Fix}, {"Thank", Thank}, {"Explain", Explain}},
	},
	{
		ID: "learn", Name: "LEARN", Credit: "Hospitality practice",
		Note:  "Adds notifying others so the cause is tracked and the customer is looked after later.",
		Steps: []ModelStep{{"Listen", Listen}, {"Empathise", Acknowledge}, {"Apologise", Apologise}, {"React", Fix}, {"Notify", RecordCause}},
	},
	{
		ID: "bell-zemke", Name: "Bell and Zemke's recovery steps", Credit: "Chip R. Bell and Ron Zemke, Knock Your Socks Off Service Recovery (2000)",
		Note:  "Puts the apology first and adds atonement, keeping promises and following up.",
		Steps: []ModelStep{{"Apologise", Apologise}, {"Listen and empathise", Acknowledge}, {"Fix it quickly and fairly", Fix}, {"Atone", Atone}, {"Keep your promises", CommitTime}, {"Follow up", FollowUp}},
	},
}

// Models returns the published recovery models this package knows, in a
// fixed order: HEARD, LAST, BLAST, LATTE, LEARN, Bell and Zemke.
func Models() []Model { return append([]Model(nil), models...) }

// ModelByID returns the model with the given id ("heard", "last",
// "blast", "latte", "learn", "bell-zemke").
func ModelByID(id string) (Model, bool) {
	for _, m := range models {
		if m.ID == id {
			return m, true
		}
	}
	return Model{}, false
}
