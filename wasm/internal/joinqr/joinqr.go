// Package joinqr draws the QR code of a team workshop's join link, so that
// people in the room join by pointing their phone's camera at the
// facilitator's screen instead of typing an address. It draws the same
// code as an SVG picture (the team page) and as text for a terminal (the
// local server), on top of the encoder rsc.io/qr/coding.
package joinqr

import (
	"errors"
	"strconv"
	"strings"

	"rsc.io/qr/coding"
)

// quiet is the blank margin around the code, in modules, that scanners
// need (four is the standard's).
const quiet = 4

// ErrTooLong reports text too long for a QR code a phone reads easily.
var ErrTooLong = errors.New("joinqr: text too long for a QR code")

// maxVersion bounds the code's size (version 10: 57 modules a side,
// about 200 characters at level M), beyond which a phone on a screen
// across a room reads it badly.
const maxVersion = 10

// Code is a square of modules; Dark(x, y) says which are dark.
type Code struct {
	Size int // modules a side, without the quiet zone
	code *coding.Code
}

// Dark reports whether the module at x, y (from the top left, without the
// quiet zone) is dark.
func (c Code) Dark(x, y int) bool { return c.code.Black(x, y) }

// Encode makes the QR code of text at error correction level M (15% of
// the code can be lost), as byte data, in the smallest version that holds it.
func Encode(text string) (Code, error) {
	if text == "" {
		return Code{}, errors.New("joinqr: empty text")
	}
	enc := coding.String(text)
	for v := coding.Version(coding.MinVersion); v <= maxVersion; v++ {
		if enc.Bits(v) > v.DataBytes(coding.M)*8 {
			continue
		}
		p, err := coding.NewPlan(v, coding.M, 0)
		if err != nil {
			return Code{}, err
		}
		c, err := p.Encode(enc)
		if err != nil {
			return Code{}, err
		}
		return Code{Size: c.Size, code: c}, nil
	}
	return Code{}, ErrTooLong
}

// SVG draws the code of text as an SVG picture: one path of dark
// rectangles, a row's run of dark modules each, on a white square with
// the quiet zone.
func SVG(text string) ([]byte, error) {
	c, err := Encode(text)
	if err != nil {
		return nil, err
	}
	n := strconv.Itoa(c.Size + 2*quiet)
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + n + ` ` + n + `" shape-rendering="crispEdges">`)
	b.WriteString(`<rect width="` + n + `" height="` + n + `" fill="#fff"/><path fill="#000" d="`)
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; {
			if !c.Dark(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < c.Size && c.Dark(x+run, y) {
				run++
			}
			b.WriteString("M" + strconv.Itoa(x+quiet) + " " + strconv.Itoa(y+quiet) + "h" + strconv.Itoa(run) + "v1h-" + strconv.Itoa(run) + "z")
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	return []byte(b.String()), nil
}

// Text draws the code of text for a terminal, two rows of modules per
// line with half blocks, dark on light: the terminal's own colours may
// be either, so the light modules are drawn as full blocks.
func Text(text string) (string, error) {
	c, err := Encode(text)
	if err != nil {
		return "", err
	}
	dark := func(x, y int) bool {
		x, y = x-quiet, y-quiet
		return x >= 0 && y >= 0 && x < c.Size && y < c.Size && c.Dark(x, y)
	}
	side := c.Size + 2*quiet
	var b strings.Builder
	for y := 0; y < side; y += 2 {
		for x := 0; x < side; x++ {
			top, bottom := !dark(x, y), y+1 < side && !dark(x, y+1)
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}
