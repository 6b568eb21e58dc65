package standards

// The linter's word lists. They are plain literals (static data); the
// matchers built from them are compiled once, on first use.

// vagueKind says when a vague phrase is forgiven.
type vagueKind uint8

const (
	vagueTime      vagueKind = iota // "promptly": fine with a duration or number in the sentence
	vagueFrequency                  // "regularly": fine with a number or interval in the sentence
	vagueCondition                  // "as needed": fine with a number in the sentence
	vagueAmount                     // "appropriate": fine with a number in the sentence ("an appropriate distance of 2 metres")
	vagueQuality                    // "friendly": never fine; name the behaviour
	vagueEffort                     // "try to": never fine; state the action
)

type vagueEntry struct {
	phrase  string
	kind    vagueKind
	suggest []string
}

var vagueList = []vagueEntry{
	{"promptly", vagueTime, []string{"within 30 seconds", "within three rings"}},
	{"prompt", vagueTime, []string{"within 30 seconds"}},
	{"quickly", vagueTime, []string{"within 2 minutes"}},
	{"swiftly", vagueTime, []string{"within 2 minutes"}},
	{"soon", vagueTime, []string{"within 10 minutes"}},
	{"as soon as possible", vagueTime, []string{"within 15 minutes"}},
	{"asap", vagueTime, []string{"within 15 minutes"}},
	{"in a timely manner", vagueTime, []string{"within 24 hours"}},
	{"in a timely fashion", vagueTime, []string{"within 24 hours"}},
	{"timely", vagueTime, []string{"within 24 hours"}},
	{"without delay", vagueTime, []string{"within 1 minute"}},
	{"right away", vagueTime, []string{"within 30 seconds"}},
	{"fast", vagueTime, []string{"within 1 minute"}},
	{"regularly", vagueFrequency, []string{"every 30 minutes"}},
	{"frequently", vagueFrequency, []string{"every 15 minutes"}},
	{"often", vagueFrequency, []string{"at least twice per shift"}},
	{"occasionally", vagueFrequency, []string{"once per shift"}},
	{"periodically", vagueFrequency, []string{"every hour"}},
	{"from time to time", vagueFrequency, []string{"once per shift"}},
	{"several times", vagueFrequency, []string{"three times"}},
	{"as needed", vagueCondition, []string{"when the guest asks", "when the queue is longer than 3 guests"}},
	{"as necessary", vagueCondition, []string{"when the guest asks"}},
	{"if necessary", vagueCondition, []string{"when the guest asks"}},
	{"when necessary", vagueCondition, []string{"when the guest asks"}},
	{"if needed", vagueCondition, []string{"when the guest asks"}},
	{"when needed", vagueCondition, []string{"when the guest asks"}},
	{"as required", vagueCondition, []string{"when the guest asks"}},
	{"where possible", vagueCondition, []string{"unless another guest is waiting"}},
	{"if possible", vagueCondition, []string{"unless another guest is waiting"}},
	{"when possible", vagueCondition, []string{"unless another guest is waiting"}},
	{"appropriate", vagueAmount, []string{"name the exact words or item"}},
	{"appropriately", vagueAmount, []string{"name the exact words or action"}},
	{"as appropriate", vagueQuality, []string{"name the cases"}},
	{"friendly", vagueQuality, []string{"smiling, using the guest's name"}},
	{"courteous", vagueQuality, []string{"using the guest's name and saying thank you"}},
	{"courteously", vagueQuality, []string{"using the guest's name and saying thank you"}},
	{"polite", vagueQuality, []string{"saying please and thank you"}},
	{"politely", vagueQuality, []string{"saying please and thank you"}},
	{"professional", vagueQuality, []string{"name the behaviour an observer would see"}},
	{"professionally", vagueQuality, []string{"name the behaviour an observer would see"}},
	{"pleasant", vagueQuality, []string{"smiling"}},
	{"nice", vagueQuality, []string{"name the behaviour an observer would see"}},
	{"warm", vagueQuality, []string{"smiling and making eye contact"}},
	{"warmly", vagueQuality, []string{"with a smile and eye contact"}},
	{"proper", vagueQuality, []string{"name the exact steps"}},
	{"properly", vagueQuality, []string{"name the exact steps"}},
	{"correctly", vagueQuality, []string{"name the exact steps"}},
	{"adequate", vagueAmount, []string{"give the amount"}},
	{"adequately", vagueAmount, []string{"give the amount"}},
	{"sufficient", vagueAmount, []string{"give the amount"}},
	{"reasonable", vagueAmount, []string{"give the limit"}},
	{"good", vagueQuality, []string{"name what good looks like"}},
	{"great", vagueQuality, []string{"name what great looks like"}},
	{"excellent", vagueQuality, []string{"name what excellent looks like"}},
	{"helpful", vagueQuality, []string{"name the help offered"}},
	{"attentive", vagueQuality, []string{"name what the guest would see"}},
	{"positive attitude", vagueQuality, []string{"name what the guest would see"}},
	{"etc", vagueQuality, []string{"list every case"}},
	{"and so on", vagueQuality, []string{"list every case"}},
	{"try to", vagueEffort, []string{""}},
	{"attempt to", vagueEffort, []string{""}},
	{"strive to", vagueEffort, []string{""}},
	{"aim to", vagueEffort, []string{""}},
	{"endeavour to", vagueEffort, []string{""}},
	{"endeavor to", vagueEffort, []string{""}},
	{"do your best to", vagueEffort, []string{""}},
	{"make an effort to", vagueEffort, []string{""}},
	{"whenever you can", vagueEffort, []string{""}},
}

// jargonList pairs corporate or insider words with plain ones.
var jargonList = []struct{ phrase, plain string }{
	{"utilize", "use"}, {"utilise", "use"}, {"leverage", "use"}, {"facilitate", "help"},
	{"commence", "start"}, {"terminate", "end"}, {"prior to", "before"}, {"subsequent to", "after"},
	{"in order to", "to"}, {"ascertain", "find out"}, {"endeavour", "try"}, {"synergy", "teamwork"},
	{"touchpoint", "moment"}, {"going forward", "from now on"}, {"optimize", "improve"}, {"optimise", "improve"},
	{"proactively", "before they ask"}, {"proactive", "early"}, {"deliverable", "result"}, {"bandwidth", "time"},
	{"best practice", "what works"}, {"value-add", "extra"}, {"pain point", "problem"}, {"customer journey", "visit"},
	{"ensure compliance", "follow"}, {"pursuant to", "under"}, {"aforementioned", "this"}, {"herein", "here"},
	{"in accordance with", "following"}, {"per policy", "as the policy says"}, {"action item", "task"},
	{"circle back", "come back to"}, {"reach out", "call"}, {"interface with", "talk to"}, {"paradigm", "model"},
	{"holistic", "whole"}, {"empower", "let"}, {"incentivize", "reward"}, {"incentivise", "reward"},
}

// commonAcronyms are capitalised words nobody needs spelled out.
var commonAcronyms = []string{"OK", "ID", "TV", "AM", "PM", "VIP", "USB", "ATM", "PIN", "FAQ", "WIFI", "WI-FI", "UK", "US", "EU", "GPS"}

// observableVerbs are things an observer can see or hear someone do.
// Inflections match automatically ("greets", "greeted", "greeting").
var observableVerbs = []string{
	"greet", "welcome", "smile", "say", "use", "ask", "offer", "walk", "escort", "accompany", "hand", "give", "show",
	"point", "explain", "tell", "confirm", "repeat", "thank", "answer", "call", "phone", "stand", "look up", "make eye contact",
	"write", "note", "record", "log", "check", "open", "hold", "carry", "place", "put", "return", "send", "introduce",
	"acknowledge", "apologise", "apologize", "recommend", "suggest", "invite", "mention", "describe", "demonstrate",
	"print", "provide", "present", "deliver", "follow up", "stop", "step", "wave", "nod", "shake", "address", "spell",
	"read", "list", "circle", "highlight", "mark", "verify", "scan", "enter", "update", "book", "reserve", "arrange",
	"inform", "notify", "remind", "seat", "serve", "pour", "clean", "wipe", "tidy", "knock", "wait", "pause",
	"bring", "take", "keep", "maintain", "collect", "prepare", "attach", "leave", "direct", "fetch", "share",
	"summarise", "summarize", "close", "end", "start", "finish", "sign", "email", "text", "upgrade", "waive",
	"refund", "replace", "fix", "report", "hang up", "transfer", "let", "speak", "stay", "come", "go", "move", "turn",
}

// conjVerbs are verbs that are rarely nouns: after "and"/"or" they mean a
// second behaviour ("greet the guest and offer water").
var conjVerbs = []string{
	"greet", "welcome", "smile", "say", "ask", "offer", "walk", "escort", "accompany", "give", "show", "explain",
	"tell", "confirm", "repeat", "thank", "stand", "make", "write", "open", "hold", "carry", "put", "send",
	"introduce", "acknowledge", "apologise", "apologize", "recommend", "suggest", "invite", "mention", "describe",
	"provide", "deliver", "wave", "nod", "shake", "spell", "read", "verify", "scan", "arrange", "inform", "notify",
	"remind", "seat", "serve", "pour", "clean", "wipe", "knock", "wait", "bring", "take", "keep", "maintain",
	"collect", "prepare", "attach", "leave", "direct", "fetch", "share", "use", "hand", "call", "email", "follow up",
}

// innerVerbs are states of mind nobody can observe.
var innerVerbs = []string{
	"know", "understand", "appreciate", "care about", "care for", "feel", "believe", "value", "respect", "want",
	"wish", "realise", "realize", "think", "be aware", "empathise", "empathize", "love", "enjoy", "embrace",
	"hope", "be mindful", "be passionate", "be committed", "have empathy", "be friendly", "be nice", "be positive",
}

// reasonWords link a rationale to its effect.
var reasonWords = []string{
	"so", "so that", "because", "since", "as a result", "which", "to", "help", "let", "show", "tell",
	"make", "mean", "give", "build", "keep", "feel", "know", "trust", "remember", "return", "come back", "avoid",
	"prevent", "save", "protect", "reassure", "turn", "spread", "stop", "signal", "prove",
}

// beneficiaries are who a rationale can be for.
var beneficiaries = []string{
	"guest", "customer", "caller", "patient", "client", "visitor", "traveller", "traveler", "passenger", "member",
	"shopper", "diner", "family", "resident", "student", "user", "buyer", "people", "everyone", "they", "them",
	"colleague", "team",
}

// staffNouns start sentences written about employees, not by them.
var staffNouns = []string{
	"staff", "employee", "agent", "associate", "team member", "personnel", "worker", "colleague", "all staff",
	"front desk staff", "front-desk staff", "the agent", "the employee", "every employee", "every agent", "all agents", "all employees",
}

// customerSubjects start sentences written from the customer's side.
var customerSubjects = []string{
	"the guest", "guest", "the customer", "customer", "every guest", "each guest", "all guests", "the caller",
	"caller", "the patient", "patient", "every customer", "each customer", "all customers",
}

// irregularParticiples end in neither -ed nor -en... or do; listed so the
// passive check sees them.
var irregularParticiples = []string{
	"given", "shown", "taken", "made", "told", "seen", "met", "done", "sent", "kept", "brought", "held", "left",
	"paid", "put", "set", "spoken", "written", "read", "found", "known", "understood", "heard", "said",
}
