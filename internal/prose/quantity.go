package prose

import "strconv"

// Dimension is what a quantity measures.
type Dimension uint8

// Dimensions of a [Quantity].
const (
	Count    Dimension = iota // "three rings", "two options"
	Duration                  // "24 hours", "5 minutes", "an hour"
	Distance                  // "10 feet", "3 metres"
	Percent                   // "80%", "95 percent"
	Money                     // "$20", "£5"
)

var dimensionNames = [...]string{"count", "duration", "distance", "percent", "money"}

func (d Dimension) String() string {
	if int(d) < len(dimensionNames) {
		return dimensionNames[d]
	}
	return "dimension(" + strconv.Itoa(int(d)) + ")"
}

// MarshalText encodes the dimension as its name.
func (d Dimension) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Quantity is a number with its unit: "24 hours", "three rings", "10 feet",
// "80%", "$20". Unit is the canonical singular unit ("hour", "ring",
// "foot", "percent", "dollar"). Tokens [First, Last) make it up.
type Quantity struct {
	Value       float64
	Unit        string
	Dimension   Dimension
	Span        Span
	First, Last int
}

// unitWords are the unit words with their canonical unit and dimension,
// sorted by word and searched by [unitOf]. As a table they are about 4 KB of data; as
// a switch statement they were about 13 KB of wasm code.
var unitWords = [...]struct {
	word, unit string
	dim        Dimension
}{
	{"%", "percent", Percent},
	{"alternative", "option", Count},
	{"alternatives", "option", Count},
	{"attempt", "attempt", Count},
	{"attempts", "attempt", Count},
	{"call", "call", Count},
	{"caller", "person", Count},
	{"callers", "person", Count},
	{"calls", "call", Count},
	{"choice", "option", Count},
	{"choices", "option", Count},
	{"contact", "contact", Count},
	{"contacts", "contact", Count},
	{"customer", "person", Count},
	{"customers", "person", Count},
	{"day", "day", Duration},
	{"days", "day", Duration},
	{"feet", "foot", Distance},
	{"foot", "foot", Distance},
	{"ft", "foot", Distance},
	{"guest", "person", Count},
	{"guests", "person", Count},
	{"h", "hour", Duration},
	{"hour", "hour", Duration},
	{"hours", "hour", Duration},
	{"hr", "hour", Duration},
	{"hrs", "hour", Duration},
	{"inch", "inch", Distance},
	{"inches", "inch", Distance},
	{"item", "item", Count},
	{"items", "item", Count},
	{"kilometre", "mile", Distance},
	{"kilometres", "mile", Distance},
	{"km", "mile", Distance},
	{"meter", "metre", Distance},
	{"meters", "metre", Distance},
	{"metre", "metre", Distance},
	{"metres", "metre", Distance},
	{"mile", "mile", Distance},
	{"miles", "mile", Distance},
	{"min", "minute", Duration},
	{"mins", "minute", Duration},
	{"minute", "minute", Duration},
	{"minutes", "minute", Duration},
	{"month", "month", Duration},
	{"months", "month", Duration},
	{"option", "option", Count},
	{"options", "option", Count},
	{"pace", "step", Distance},
	{"paces", "step", Distance},
	{"patient", "person", Count},
	{"patients", "person", Count},
	{"people", "person", Count},
	{"per-cent", "percent", Percent},
	{"percent", "percent", Percent},
	{"person", "person", Count},
	{"point", "item", Count},
	{"points", "item", Count},
	{"question", "question", Count},
	{"questions", "question", Count},
	{"ring", "ring", Count},
	{"rings", "ring", Count},
	{"s", "second", Duration},
	{"sec", "second", Duration},
	{"second", "second", Duration},
	{"seconds", "second", Duration},
	{"secs", "second", Duration},
	{"sentence", "word", Count},
	{"sentences", "word", Count},
	{"star", "star", Count},
	{"stars", "star", Count},
	{"step", "step", Distance},
	{"steps", "step", Distance},
	{"thing", "item", Count},
	{"things", "item", Count},
	{"time", "time", Count},
	{"times", "time", Count},
	{"touch", "contact", Count},
	{"touches", "contact", Count},
	{"tries", "attempt", Count},
	{"try", "attempt", Count},
	{"visit", "contact", Count},
	{"visits", "contact", Count},
	{"week", "week", Duration},
	{"weeks", "week", Duration},
	{"word", "word", Count},
	{"words", "word", Count},
	{"yard", "yard", Distance},
	{"yards", "yard", Distance},
	{"yd", "yard", Distance},
	{"yds", "yard", Distance},
	{"year", "year", Duration},
	{"years", "year", Duration},
}

// unitOf returns the canonical unit and dimension of a unit word.
func unitOf(w string) (string, Dimension, bool) {
	if i := unitIndex().Index(w); i >= 0 {
		return unitWords[i].unit, unitWords[i].dim, true
	}
	return "", 0, false
}

func currency(s string) (string, bool) {
	switch s {
	case "$":
		return "dollar", true
	case "£":
		return "pound", true
	case "€":
		return "euro", true
	case "¥":
		return "yen", true
	}
	return "", false
}

// findQuantities finds numbers followed by a unit ("24 hours", "24-hour",
// "24h", "business days" after a number), "a"/"an" before a time unit
// ("within an hour"), percentages and currency amounts.
func findQuantities(toks []Token, out []Quantity) []Quantity {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind == Symbol {
			if unit, ok := currency(t.Norm); ok && i+1 < len(toks) && toks[i+1].Kind == Number && toks[i+1].Span.Start == t.Span.End {
				out = append(out, Quantity{Value: toks[i+1].Value, Unit: unit, Dimension: Money, Span: t.Span.Join(toks[i+1].Span), First: i, Last: i + 2})
				i++
			}
			continue
		}
		if t.Kind == Word && len(t.Norm) > 3 || t.Kind == Punct {
			continue // the usual token: no number, nor "a", "an" or "one"
		}
		value := t.Value
		if t.Kind == Word && (t.Norm == "a" || t.Norm == "an" || t.Norm == "one") && i+1 < len(toks) {
			if _, dim, ok := unitOf(toks[i+1].Norm); ok && dim == Duration && toks[i+1].Norm != "s" && toks[i+1].Norm != "h" {
				value = 1
			} else {
				continue
			}
		} else if t.Kind != Number {
			continue
		}
		j := i + 1
		if j < len(toks) && (toks[j].Norm == "business" || toks[j].Norm == "working") && j+1 < len(toks) && (toks[j+1].Norm == "day" || toks[j+1].Norm == "days") {
			j++
		}
		if j >= len(toks) {
			continue
		}
		unit, dim, ok := unitOf(toks[j].Norm)
		if !ok {
			continue
		}
		// One-letter units only when glued to the number ("5m", "24h").
		if len(toks[j].Norm) == 1 && toks[j].Norm != "%" && toks[j].Span.Start != t.Span.End {
			continue
		}
		out = append(out, Quantity{Value: value, Unit: unit, Dimension: dim, Span: t.Span.Join(toks[j].Span), First: i, Last: j + 1})
		i = j
	}
	return out
}
