package prose

import "fmt"

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
	return fmt.Sprintf("dimension(%d)", d)
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

// unitOf returns the canonical unit and dimension of a unit word.
func unitOf(w string) (string, Dimension, bool) {
	switch w {
	case "second", "seconds", "sec", "secs", "s":
		return "second", Duration, true
	case "minute", "minutes", "min", "mins":
		return "minute", Duration, true
	case "hour", "hours", "hr", "hrs", "h":
		return "hour", Duration, true
	case "day", "days":
		return "day", Duration, true
	case "week", "weeks":
		return "week", Duration, true
	case "month", "months":
		return "month", Duration, true
	case "year", "years":
		return "year", Duration, true
	case "business", "working":
		return "", Duration, false
	case "ring", "rings":
		return "ring", Count, true
	case "foot", "feet", "ft":
		return "foot", Distance, true
	case "metre", "metres", "meter", "meters":
		return "metre", Distance, true
	case "yard", "yards", "yd", "yds":
		return "yard", Distance, true
	case "step", "steps", "pace", "paces":
		return "step", Distance, true
	case "inch", "inches":
		return "inch", Distance, true
	case "mile", "miles", "km", "kilometre", "kilometres":
		return "mile", Distance, true
	case "percent", "per-cent", "%":
		return "percent", Percent, true
	case "time", "times":
		return "time", Count, true
	case "attempt", "attempts", "try", "tries":
		return "attempt", Count, true
	case "call", "calls":
		return "call", Count, true
	case "option", "options", "choice", "choices", "alternative", "alternatives":
		return "option", Count, true
	case "question", "questions":
		return "question", Count, true
	case "item", "items", "point", "points", "thing", "things":
		return "item", Count, true
	case "word", "words", "sentence", "sentences":
		return "word", Count, true
	case "visit", "visits", "touch", "touches", "contact", "contacts":
		return "contact", Count, true
	case "guest", "guests", "customer", "customers", "caller", "callers", "patient", "patients", "person", "people":
		return "person", Count, true
	case "star", "stars":
		return "star", Count, true
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
func findQuantities(toks []Token) []Quantity {
	var out []Quantity
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind == Symbol {
			if unit, ok := currency(t.Norm); ok && i+1 < len(toks) && toks[i+1].Kind == Number && toks[i+1].Span.Start == t.Span.End {
				out = append(out, Quantity{Value: toks[i+1].Value, Unit: unit, Dimension: Money, Span: t.Span.Join(toks[i+1].Span), First: i, Last: i + 2})
				i++
			}
			continue
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
