package purpose

// The word lists behind Analyze, written for hotels, airlines, retail,
// healthcare and contact centres. They are plain literals: nothing is
// built from them until the first call (see matchers.go). A phrase word
// also matches its regular inflections ("load" matches "loads", "loading",
// "loaded"), so each list holds base forms only.

// group is a phrase with the canonical name it stands for: the beneficiary
// group of a beneficiary word, the theme of an outcome, the plain word for
// a piece of jargon.
type group struct {
	phrase string
	group  string
}

// beneficiaryWords name people a role can serve. The group is the word a
// report uses for all of them, so "passenger" and "flyer" are both
// "traveller".
var beneficiaryWords = []group{
	{"customer", "customer"}, {"client", "customer"}, {"buyer", "customer"}, {"consumer", "customer"},
	{"user", "customer"}, {"account holder", "customer"}, {"cardholder", "customer"}, {"subscriber", "customer"},
	{"policyholder", "customer"}, {"borrower", "customer"}, {"homeowner", "customer"}, {"tenant", "customer"},
	{"small business owner", "customer"}, {"business owner", "customer"}, {"pet owner", "customer"},
	{"guest", "guest"}, {"visitor", "guest"}, {"diner", "guest"}, {"attendee", "guest"}, {"delegate", "guest"},
	{"tourist", "guest"}, {"holidaymaker", "guest"}, {"newlywed", "guest"},
	{"patient", "patient"}, {"resident", "patient"}, {"service user", "patient"}, {"carer", "patient"},
	{"traveller", "traveller"}, {"traveler", "traveller"}, {"passenger", "traveller"}, {"flyer", "traveller"},
	{"rider", "traveller"}, {"commuter", "traveller"}, {"nervous flyer", "traveller"}, {"travelling public", "traveller"},
	{"caller", "caller"}, {"member", "member"}, {"fan", "member"}, {"shopper", "shopper"},
	{"family", "family"}, {"parent", "family"}, {"child", "family"}, {"children", "family"}, {"kid", "family"},
	{"loved one", "family"}, {"relative", "family"},
	{"student", "learner"}, {"learner", "learner"}, {"reader", "learner"},
	{"community", "community"}, {"neighbour", "community"}, {"neighbor", "community"}, {"citizen", "community"},
	{"people", "community"}, {"everyone", "community"}, {"everybody", "community"},
	{"colleague", "colleague"}, {"team member", "colleague"}, {"co-worker", "colleague"},
}

// outcomeWords name what changes for a beneficiary. The group is the
// theme, used to find shared outcomes when purposes are aligned.
var outcomeWords = []group{
	// Loyalty and return.
	{"come back", "loyalty"}, {"return", "loyalty"}, {"loyal", "loyalty"}, {"loyalty", "loyalty"},
	{"recommend us", "loyalty"}, {"tell their friends", "loyalty"}, {"word of mouth", "loyalty"},
	{"choose us again", "loyalty"}, {"want to repeat", "loyalty"}, {"book again", "loyalty"},
	{"a reason to return", "loyalty"}, {"keep coming back", "loyalty"}, {"fly with us again", "loyalty"},
	{"stay with us again", "loyalty"}, {"shop with us again", "loyalty"}, {"come to us first", "loyalty"},
	{"come back to us first", "loyalty"}, {"wanting to come back", "loyalty"}, {"lifelong", "loyalty"},
	// Getting where they need to be, with what they need.
	{"arrive with", "arrival"}, {"reach their destination", "arrival"}, {"get home", "arrival"},
	{"get to work", "arrival"}, {"on time", "arrival"}, {"reunited with", "arrival"}, {"with their bags", "arrival"},
	{"with their luggage", "arrival"}, {"everything they need", "arrival"}, {"ready for their day", "arrival"},
	{"start their holiday", "arrival"}, {"make their connection", "arrival"}, {"get where they need to be", "arrival"},
	// Health, safety and comfort.
	{"heal", "wellbeing"}, {"recover", "wellbeing"}, {"recovery", "wellbeing"}, {"healthy", "wellbeing"},
	{"healthier", "wellbeing"}, {"well-being", "wellbeing"}, {"wellbeing", "wellbeing"}, {"live well", "wellbeing"},
	{"dignity", "wellbeing"}, {"comfort", "comfort"}, {"comfortable", "comfort"}, {"pain-free", "wellbeing"},
	{"rested", "comfort"}, {"sleep well", "comfort"}, {"peace of mind", "safety"}, {"safe", "safety"},
	{"secure", "safety"}, {"protected", "safety"}, {"never have to worry", "safety"}, {"worry-free", "safety"},
	{"without worry", "safety"}, {"reassured", "safety"}, {"back on their feet", "wellbeing"},
	{"fitness goals", "growth"},
	// How they feel.
	{"feel", "feeling"}, {"welcome", "welcome"}, {"at home", "welcome"}, {"at ease", "comfort"},
	{"cared for", "care"}, {"looked after", "care"}, {"valued", "care"}, {"respected", "care"},
	{"heard", "care"}, {"understood", "care"}, {"special", "delight"}, {"remembered", "care"},
	{"delighted", "delight"}, {"delight", "delight"}, {"happy", "delight"}, {"happier", "delight"},
	{"enjoy", "delight"}, {"smile", "delight"}, {"relaxed", "comfort"}, {"calm", "comfort"},
	{"confident", "trust"}, {"confidence", "trust"}, {"trust", "trust"}, {"stress-free", "comfort"},
	{"without stress", "comfort"}, {"less stressed", "comfort"}, {"proud", "delight"}, {"in control", "trust"},
	{"supported", "care"}, {"informed", "trust"}, {"memories", "delight"}, {"memorable", "delight"},
	{"memory", "delight"}, {"special moments", "delight"}, {"celebrate", "delight"}, {"excited", "delight"},
	{"on their side", "care"}, {"treated as a person", "care"}, {"treated fairly", "trust"},
	{"genuine care", "care"}, {"taken care of", "care"}, {"fresh and welcoming", "welcome"},
	{"wow", "delight"}, {"surprised", "delight"}, {"thrilled", "delight"},
	// Their problem is solved; they get what they came for.
	{"problem solved", "resolution"}, {"solved", "resolution"}, {"resolved", "resolution"},
	{"fixed", "resolution"}, {"the first time", "resolution"}, {"get the help they need", "resolution"},
	{"without repeating themselves", "resolution"}, {"get on with their day", "resolution"},
	{"answers they need", "resolution"}, {"right choice", "trust"}, {"what they came for", "resolution"},
	{"find what they need", "resolution"}, {"get what they need", "resolution"}, {"needs met", "resolution"},
	// What the customer takes home, often after "make sure".
	{"take home", "resolution"}, {"leave with", "resolution"}, {"walk away with", "resolution"},
	{"go home with", "delight"}, {"they came for", "resolution"}, {"leave knowing", "trust"},
	{"go home knowing", "trust"}, {"goes home with", "delight"}, {"goes home knowing", "trust"}, {"knowing what happens next", "trust"},
	{"come first", "care"}, {"needs of the * come first", "care"}, {"put right", "resolution"},
	{"find the right", "resolution"}, {"first time", "resolution"}, {"no surprises", "trust"}, {"save time", "ease"}, {"easy", "ease"}, {"effortless", "ease"},
	{"hassle-free", "ease"}, {"simple", "ease"},
	{"change their day", "delight"}, {"changes their week", "delight"}, {"make their day", "delight"},
	{"brighten their day", "delight"}, {"a difference to their", "delight"}, {"remember", "delight"},
	// Growth and independence.
	{"reach their goals", "growth"}, {"achieve their goals", "growth"}, {"learn", "growth"}, {"thrive", "growth"},
	{"succeed", "growth"}, {"independence", "growth"}, {"independent", "growth"}, {"grow their business", "growth"},
	{"live the life they want", "growth"}, {"make the most of", "growth"},
}

// taskWords are the verbs, verb phrases and objects of job descriptions:
// what people are paid to do, not why it matters.
var taskWords = []string{
	// Hotels.
	"check in", "check * in", "check out", "check * out", "check-in", "check-out", "make beds", "change linen",
	"clean", "vacuum", "tidy", "dust", "mop", "turn down", "housekeeping", "room service", "take orders",
	"deliver", "park", "retrieve", "valet", "answer the switchboard", "switchboard", "transfer calls",
	"allocate rooms", "assign rooms", "key cards", "issue keys", "post charges", "night audit", "minibar",
	"restock", "replenish", "set up", "lay tables", "clear tables", "serve", "pour", "cook", "prepare",
	"wash", "iron", "launder", "maintain", "repair", "pool", "chemical levels", "brand standard",
	// Airlines.
	"load", "unload", "baggage", "bags", "luggage hold", "aircraft", "scan", "boarding passes", "board",
	"by group", "tag", "weigh", "print", "refuel", "turnaround checklist", "de-ice", "push back", "marshal",
	"safety demonstration", "collect the trays", "trays", "cabin", "galley", "announcements", "gate", "manifest",
	"seat", "catering", "cargo", "conveyor",
	// Retail.
	"stock", "shelve", "face up", "rotate", "price", "label", "till", "operate",
	"process", "process returns", "exchanges", "count", "cash drawer", "reconcile", "takings", "merchandise",
	"display", "inventory", "stocktake", "deliveries", "receive deliveries", "unpack", "fold", "fitting room",
	"security tags", "markdowns", "planogram", "replenishment", "pick", "pack", "dispatch",
	// Healthcare.
	"administer", "medication", "record", "vital signs", "observations", "schedule", "appointments",
	"register", "change dressings", "dressings", "update", "chart", "sterilise", "sterilize", "instruments",
	"triage", "assign", "beds", "admit", "discharge", "take blood", "samples", "specimens", "notes",
	"prescriptions", "dispense", "handover", "ward round", "bed pans", "transport",
	// Contact centres.
	"answer", "inbound calls", "outbound calls", "calls", "log", "contact", "crm", "escalate", "tickets",
	"respond to", "reply to", "emails", "chat messages", "queue", "reset passwords", "verify", "identity",
	"take payments", "billing details", "update records", "script", "call notes", "wrap-up", "transfer",
	"route", "disposition", "service level",
	// Anywhere.
	"complete", "perform", "handle", "manage", "duties", "responsible for", "tasks", "paperwork", "forms",
	"file", "enter", "data entry", "input", "invoices", "issue", "bills", "read meters", "open accounts",
	"loan applications", "applications", "claims", "documents", "drive", "collect", "fares", "inspect",
	"rides", "controls", "operate the controls", "follow procedures", "comply with", "adhere to", "checklist",
	"per shift", "each shift", "end of the shift", "rota", "shifts", "report", "monitor", "audit",
	"library cards", "recipe", "kitchen", "orders", "payments", "reservations", "bookings",
	"take", "run", "coordinate", "organise", "organize", "arrange", "book", "confirm", "cancel", "close",
	"lock", "unlock", "sort", "distribute", "supervise", "train", "staff", "roster",
}

// internalWords are the organisation's own measures. As a means they are
// fine; as the purpose of a job they point inward, away from the customer.
var internalWords = []string{
	"revenue", "revenue per available room", "revpar", "average daily rate", "adr", "occupancy", "profit",
	"profitability", "margin", "bottom line", "sales target", "sales", "target", "quota", "kpi",
	"metric", "average handle time", "handle time", "aht", "net promoter score", "nps", "csat",
	"customer satisfaction score", "survey scores", "scores", "upsell", "upsell conversion", "conversion",
	"conversion rate", "basket size", "average transaction value", "sell more", "extended warranties",
	"market share", "shareholder value", "shareholders", "cost", "cost per contact", "budget", "headcount",
	"productivity", "efficiency", "utilisation", "utilization", "throughput", "turnaround time",
	"on-time performance", "on-time departure", "on-time departure performance", "length of stay",
	"bed turnover", "waiting time target", "call volumes", "service level agreement", "sla", "compliance",
	"audit scores", "mystery shopper", "bonus", "commission", "grow the business", "roi",
	"return on investment", "ebitda", "footfall", "attach rate", "ancillary revenue", "load factor", "yield",
	"league table", "rankings", "star rating", "financial results", "our numbers", "the numbers",
	"fuel costs", "growth", "cut costs", "reduce costs", "make money", "earn more",
}

// neutralWords look like words of the other lists but are not: "sales"
// in "sales team" is a department, not a target. They match and are
// ignored.
var neutralWords = []string{
	"sales team", "sales assistant", "sales associate", "sales floor", "sales desk", "sales staff",
	"target audience", "customer service desk", "guest services", "patient transport",
}

// hedgeWords soften a commitment. A purpose is a promise; hedges turn it
// into a wish.
var hedgeWords = []string{
	"try to", "strive to", "aim to", "seek to", "endeavour to", "endeavor to", "attempt to", "hopefully",
	"where possible", "wherever possible", "when possible", "if possible", "as far as possible",
	"as appropriate", "where appropriate", "if time allows", "time permitting", "ideally", "generally",
	"usually", "sometimes", "somewhat", "fairly", "reasonably", "might", "may", "perhaps", "maybe",
	"to some extent", "do our best", "as needed", "more or less", "in most cases", "where feasible",
}

// jargonWords are words that sound important and say little. The group is
// a plainer word to use, or an instruction when there is none.
var jargonWords = []group{
	{"leverage", "use"}, {"synergy", "working together"},
	{"best-in-class", "say what is better and for whom"}, {"world-class", "say what is better and for whom"},
	{"value-added", "say what the customer gains"}, {"paradigm", "way"}, {"holistic", "whole"},
	{"stakeholder", "name them: guests, patients, staff"}, {"deliverable", "result"},
	{"optimise", "improve"}, {"optimize", "improve"}, {"streamline", "simplify"},
	{"touchpoint", "moment"}, {"omnichannel", "by phone, online and in person"},
	{"customer-centric", "say what you do for customers"}, {"solutions", "name what you offer"},
	{"excellence", "say what good looks like"}, {"going forward", "from now on"},
	{"core competencies", "strengths"}, {"bandwidth", "time"}, {"actionable", "practical"},
	{"robust", "strong"}, {"seamless", "smooth"}, {"end-to-end", "from start to finish"},
	{"exceed expectations", "say what the customer gets"}, {"customer journey", "visit"},
	{"mission-critical", "essential"}, {"value proposition", "what we offer"},
	{"empower", "let"}, {"incentivise", "reward"}, {"moving forward", "from now on"},
	{"ecosystem", "network"}, {"cutting-edge", "new"}, {"state-of-the-art", "modern"},
	{"next-generation", "new"}, {"game-changing", "say what changes"}, {"utilise", "use"},
	{"utilize", "use"}, {"facilitate", "help"}, {"in order to", "to"}, {"guest experience", "stay"},
	{"customer experience", "what customers go through"}, {"best practice", "what works"},
	{"proactive", "ahead of time"}, {"impactful", "effective"}, {"key learnings", "lessons"},
	{"one-stop shop", "everything in one place"}, {"win-win", "good for both"},
	{"excellent customer service", "say what the customer gets"}, {"excellent service", "say what the customer gets"},
	{"exceptional service", "say what the customer gets"}, {"exceptional experience", "say what the customer gets"},
	{"outstanding service", "say what the customer gets"}, {"quality service", "say what the customer gets"},
	{"the best", "say what is better and for whom"},
}

// purposeLinks join a task to its reason: what follows them is usually
// the purpose.
var purposeLinks = []string{
	"so that", "so", "in order that", "so they", "so they can", "so we", "help", "enable", "allow",
	"make sure", "to give", "to create",
}

// contextCues suggest which beneficiary a task-only statement forgot to
// name.
var contextCues = []group{
	{"aircraft", "travellers"}, {"flight", "travellers"}, {"boarding", "travellers"}, {"baggage", "travellers"},
	{"bags", "travellers"}, {"gate", "travellers"}, {"cabin", "travellers"}, {"fares", "riders"},
	{"room", "guests"}, {"check in", "guests"}, {"check-in", "guests"}, {"housekeeping", "guests"},
	{"front desk", "guests"}, {"reservations", "guests"}, {"table", "diners"}, {"kitchen", "diners"},
	{"medication", "patients"}, {"ward", "patients"}, {"appointments", "patients"}, {"vital signs", "patients"},
	{"dressings", "patients"}, {"triage", "patients"}, {"calls", "callers"}, {"phone", "callers"},
	{"inbound", "callers"}, {"chat", "customers"}, {"emails", "customers"}, {"shelves", "shoppers"},
	{"till", "shoppers"}, {"store", "shoppers"}, {"returns", "shoppers"}, {"claims", "policyholders"},
	{"accounts", "customers"}, {"library", "readers"}, {"rides", "visitors"},
}
