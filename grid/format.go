package grid

// A small formatter for the messages of this package, so that linking
// grid does not link package fmt (and the reflection it brings) into a
// browser program. It knows the verbs the package uses: %s, %d, %q, %v,
// %.Nf and %%, over strings, integers, floats, booleans, errors,
// []string and anything with a String method.

import (
	"strconv"
	"strings"
)

// fmtf formats like fmt.Sprintf for the verbs above.
func fmtf(format string, args ...any) string {
	var b strings.Builder
	n := 0
	next := func() any {
		if n >= len(args) {
			return "%!(MISSING)"
		}
		n++
		return args[n-1]
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		prec := -1
		if format[i] == '.' {
			j := i + 1
			for j < len(format) && format[j] >= '0' && format[j] <= '9' {
				j++
			}
			prec, _ = strconv.Atoi(format[i+1 : j])
			i = j
			if i == len(format) {
				break
			}
		}
		switch verb := format[i]; verb {
		case '%':
			b.WriteByte('%')
		case 'f':
			f, _ := next().(float64)
			b.WriteString(strconv.FormatFloat(f, 'f', prec, 64))
		case 'q':
			switch v := next().(type) {
			case []string:
				b.WriteByte('[')
				for k, s := range v {
					if k > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(strconv.Quote(s))
				}
				b.WriteByte(']')
			default:
				b.WriteString(strconv.Quote(plain(v)))
			}
		default: // s, d, v
			b.WriteString(plain(next()))
		}
	}
	return b.String()
}

// plain is v as %v writes it.
func plain(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case EventType:
		return string(v)
	case interface{ String() string }:
		return v.String()
	case error:
		return v.Error()
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case uint8:
		return strconv.Itoa(int(v))
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return "<nil>"
	}
	return "?"
}

// wrapped is an error with a message that wraps a sentinel, as
// fmt.Errorf("%w: ...") makes.
type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg }
func (w *wrapped) Unwrap() error { return w.err }

// errorf is fmt.Errorf("%w: "+format, base, args...).
func errorf(base error, format string, args ...any) error {
	return &wrapped{msg: base.Error() + ": " + fmtf(format, args...), err: base}
}

// fprintf writes fmtf's output to w.
func fprintf(w interface{ WriteString(string) (int, error) }, format string, args ...any) {
	w.WriteString(fmtf(format, args...))
}

// joined is an error that wraps two sentinels under one message.
type joined struct {
	msg  string
	errs []error
}

func (j *joined) Error() string   { return j.msg }
func (j *joined) Unwrap() []error { return j.errs }
