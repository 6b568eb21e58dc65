package ui

import "strings"

// joinQR shows the join link as a QR code that phones in the room scan;
// when the link names this computer only (127.0.0.1, localhost), which no
// phone can open, it says how to run the server for a room instead.
func (a *App) joinQR(s *scope, link string) Element {
	if loopback(link) {
		return attrs(s.text("p", "hint", "Phones cannot open this address: it names this computer. To run a workshop in a room, start the server with -addr 0.0.0.0:8080 and open the address it prints, on the same Wi-Fi as the phones."), "data-test", "join-loopback")
	}
	if a.svc.JoinQR == nil {
		return s.el("span", "")
	}
	svg, err := a.svc.JoinQR(link)
	if err != nil {
		return s.el("span", "")
	}
	url := a.h.ObjectURL("image/svg+xml", svg)
	s.offs = append(s.offs, func() { a.h.RevokeURL(url) })
	img := s.el("img", "join-qr")
	attrs(img, "src", url, "alt", "QR code of the join link", "width", "220", "height", "220", "data-test", "join-qr")
	return s.el("figure", "join-qr-box", img, s.text("figcaption", "muted", "Or point the phone's camera at this code."))
}

// loopback reports whether link's host is this computer's loopback
// address.
func loopback(link string) bool {
	_, rest, ok := strings.Cut(link, "://")
	if !ok {
		return false
	}
	host, _, _ := strings.Cut(rest, "/")
	if strings.HasPrefix(host, "[") {
		return strings.HasPrefix(host, "[::1]")
	}
	host, _, _ = strings.Cut(host, ":")
	return host == "localhost" || strings.HasPrefix(host, "127.")
}
