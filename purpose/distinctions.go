package purpose

import "slices"

// Distinction is one side of a pair of ideas the activity relies on: the
// term, its definition in plain words, examples, the pair it belongs to
// and the term on the other side.
type Distinction struct {
	Term       string   `json:"term"`
	Pair       string   `json:"pair"`
	Opposite   string   `json:"opposite"`
	Definition string   `json:"definition"`
	Examples   []string `json:"examples"`
	// Kind is the item kind Classify gives to items of this term, or
	// KindUnknown when the term is not an item kind.
	Kind ItemKind `json:"kind,omitempty"`
}

// Pairs of distinctions.
const (
	PairFunctionPurpose  = "function-purpose"
	PairOrganisationJob  = "organisation-job"
	PairKnowledgeSkill   = "knowledge-skill"
	PairActionBehaviour  = "action-behaviour"
	PairTransactionalPur = "transactional-purposeful"
)

var distinctions = []Distinction{
	{
		Term: "job function", Pair: PairFunctionPurpose, Opposite: "job purpose", Kind: Function,
		Definition: "The duties written in the job description. They are required, they are what the role is paid for, and people carry them out reliably.",
		Examples:   []string{"Check guests in and out", "Load and unload bags on the aircraft", "Answer inbound calls and log them"},
	},
	{
		Term: "job purpose", Pair: PairFunctionPurpose, Opposite: "job function",
		Definition: "Why the role exists beyond its tasks: the difference it makes to the people it serves. Also called the job's essence.",
		Examples:   []string{"Travellers arrive with everything they need for their trip", "Guests feel at home from the moment they arrive", "Callers hang up with their problem solved"},
	},
	{
		Term: "organisational purpose", Pair: PairOrganisationJob, Opposite: "job purpose",
		Definition: "Why the whole organisation exists, expressed in its purpose, vision, missions and the values it lives by.",
		Examples:   []string{"The needs of the patient come first", "We create loyal guests who come back and bring their friends"},
	},
	{
		Term: "job purpose (within the organisation)", Pair: PairOrganisationJob, Opposite: "organisational purpose",
		Definition: "The higher purpose of one role, lined up with the organisation's purpose so that doing the job well moves the organisation's purpose forward.",
		Examples:   []string{"Front desk: every guest feels expected and welcome", "Baggage handler: travellers are reunited with their bags"},
	},
	{
		Term: "job knowledge", Pair: PairKnowledgeSkill, Opposite: "job skill", Kind: Knowledge,
		Definition: "What a person has to know to do the job: facts, rules, products and places they can look up or learn.",
		Examples:   []string{"Room types and rates", "The loyalty programme tiers", "Local sights and how to reach them", "Allergens in each dish"},
	},
	{
		Term: "job skill", Pair: PairKnowledgeSkill, Opposite: "job knowledge", Kind: Skill,
		Definition: "What a person has to be able to do: a practised ability, often with a tool or system, that gets better with training.",
		Examples:   []string{"Run the reservation system", "Take payment by card and cash", "Upsell a room upgrade", "Calm an upset caller"},
	},
	{
		Term: "action", Pair: PairActionBehaviour, Opposite: "behaviour", Kind: Action,
		Definition: "One discrete thing someone does that others can see, usually tied to a moment or a person.",
		Examples:   []string{"Walk the guest to the lift", "Offer a bottle of water on arrival", "Write a note for a guest celebrating a birthday"},
	},
	{
		Term: "behaviour", Pair: PairActionBehaviour, Opposite: "action", Kind: Behaviour,
		Definition: "A way of treating people that shows up again and again, in every encounter, rather than once.",
		Examples:   []string{"Use the guest's name", "Speak warmly", "Make eye contact and smile", "Listen without interrupting"},
	},
	{
		Term: "transactional", Pair: PairTransactionalPur, Opposite: "purposeful",
		Definition: "The knowledge and skills needed to run a process reliably. Necessary, expected, and rarely what a customer remembers.",
		Examples:   []string{"Knowing the check-out time", "Processing a refund correctly", "Printing a boarding pass"},
	},
	{
		Term: "purposeful", Pair: PairTransactionalPur, Opposite: "transactional",
		Definition: "Voluntary actions and behaviours that reflect the role's purpose and cost little or nothing. People show them less reliably than the tasks they are paid for.",
		Examples:   []string{"Expressing genuine interest in a traveller's plans", "A sincere, specific compliment", "A pleasant surprise for a regular customer"},
	},
}

// Distinctions returns the pairs of ideas the activity relies on (function
// and purpose, organisation and job, knowledge and skill, action and
// behaviour, transactional and purposeful), both sides of each, in pair
// order. The result is a fresh copy.
func Distinctions() []Distinction {
	out := slices.Clone(distinctions)
	for i := range out {
		out[i].Examples = slices.Clone(out[i].Examples)
	}
	return out
}

// DistinctionOf returns the distinction describing items of kind k.
func DistinctionOf(k ItemKind) (Distinction, bool) {
	for _, d := range distinctions {
		if d.Kind == k && k != KindUnknown {
			d.Examples = slices.Clone(d.Examples)
			return d, true
		}
	}
	return Distinction{}, false
}
