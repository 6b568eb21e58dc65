package observe

import (
	"fmt"
	"html"
	"strings"

	"github.com/purposefulcx/purposeful/standards"
)

// Point is one value of a chart: a label and a share from 0 to 1.
type Point struct {
	Label string
	Value float64
}

// LineChart draws points as a line over time (compliance per week, the
// calibration trend) as a standalone SVG document, values 0 to 100%.
func LineChart(title string, pts []Point) []byte {
	const w, h, left, top, bottom = 360.0, 200.0, 36.0, 24.0, 36.0
	var b strings.Builder
	head(&b, title, w, h)
	axes(&b, w, h, left, top, bottom)
	n := len(pts)
	step := (w - left - 12) / float64(max(n-1, 1))
	var path strings.Builder
	for i, p := range pts {
		x := left + float64(i)*step
		y := top + (1-clamp(p.Value))*(h-top-bottom)
		if i == 0 {
			fmt.Fprintf(&path, "M%.1f %.1f", x, y)
		} else {
			fmt.Fprintf(&path, " L%.1f %.1f", x, y)
		}
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="#1d5c8c"><title>%s: %.0f%%</title></circle>`, x, y, html.EscapeString(p.Label), p.Value*100)
		if n <= 8 || i%((n+7)/8) == 0 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="9" text-anchor="middle">%s</text>`, x, h-bottom+14, html.EscapeString(short(p.Label)))
		}
	}
	if n > 1 {
		fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="#1d5c8c" stroke-width="2"/>`, path.String())
	}
	b.WriteString(`</svg>`)
	return []byte(b.String())
}

// BarChart draws one horizontal bar per point (compliance per standard).
func BarChart(title string, pts []Point) []byte {
	const w, left, row = 360.0, 80.0, 22.0
	h := 30 + row*float64(max(len(pts), 1))
	var b strings.Builder
	head(&b, title, w, h)
	for i, p := range pts {
		y := 24 + row*float64(i)
		bw := clamp(p.Value) * (w - left - 44)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="10" text-anchor="end">%s</text>`, left-6, y+12, html.EscapeString(short(p.Label)))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="14" fill="#2e7d4f"><title>%s: %.0f%%</title></rect>`, left, y+2, bw, html.EscapeString(p.Label), p.Value*100)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="10">%.0f%%</text>`, left+bw+4, y+12, p.Value*100)
	}
	b.WriteString(`</svg>`)
	return []byte(b.String())
}

func head(b *strings.Builder, title string, w, h float64) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" font-family="sans-serif"><title>%s</title>`,
		w, h, w, h, html.EscapeString(title))
	fmt.Fprintf(b, `<text x="4" y="14" font-size="12" font-weight="bold">%s</text>`, html.EscapeString(title))
}

func axes(b *strings.Builder, w, h, left, top, bottom float64) {
	for _, v := range []float64{0, 0.5, 1} {
		y := top + (1-v)*(h-top-bottom)
		fmt.Fprintf(b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#ccc"/><text x="%.1f" y="%.1f" font-size="9" text-anchor="end">%.0f%%</text>`,
			left, w-8, y, y, left-4, y+3, v*100)
	}
}

func clamp(v float64) float64 { return min(1, max(0, v)) }

func short(s string) string {
	if len(s) > 12 {
		return s[:11] + "…"
	}
	return s
}

// WeekPoints is the compliance of each ISO week of a report.
func WeekPoints(r *standards.Report) []Point {
	out := make([]Point, 0, len(r.Weeks))
	for _, w := range r.Weeks {
		out = append(out, Point{Label: w.Key, Value: w.Compliance})
	}
	return out
}

// StandardPoints is the compliance of each standard of a report.
func StandardPoints(r *standards.Report) []Point {
	out := make([]Point, 0, len(r.Standards))
	for _, l := range r.Standards {
		out = append(out, Point{Label: l.Code, Value: l.Compliance})
	}
	return out
}
