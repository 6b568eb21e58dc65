package e2e

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/internal/skips"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
)

// lanIP is a non-loopback IPv4 address of this machine, as phones in the
// room would reach it ("" when there is none).
func lanIP() string {
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() && n.IP.IsGlobalUnicast() {
			return n.IP.String()
		}
	}
	return ""
}

// roomServer serves the page and the API on every address of the
// machine, as `go run ./wasm/server -addr 0.0.0.0:PORT` does, with the
// team page announcing the LAN origin (the meta element the server
// writes). It returns the loopback base URL and the LAN origin.
func roomServer(t *testing.T, ip string) (local, lan string) {
	t.Helper()
	ln, err := net.Listen("tcp", "0.0.0.0:0")
	require.NoError(t, err)
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	lan = "http://" + net.JoinHostPort(ip, port)
	page, err := os.ReadFile(filepath.Join(siteDir, "team.html"))
	require.NoError(t, err)
	team := strings.Replace(string(page), "<head>\n", "<head>\n<meta name=\"purposeful-join-origin\" content=\""+lan+"\">\n", 1)
	require.Contains(t, team, "purposeful-join-origin")
	files := http.FileServer(http.Dir(siteDir))
	pages := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/team.html" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(team))
			return
		}
		files.ServeHTTP(w, r)
	})
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "room.sqlite"))
	require.NoError(t, err)
	srv := httptest.NewUnstartedServer(api.New(api.Config{Store: st, PublicOrg: "local", Pages: pages}))
	srv.Listener = ln
	srv.Start()
	t.Cleanup(func() { srv.Close(); _ = st.DB().Close() })
	return "http://127.0.0.1:" + port + "/", lan
}

// TestJoinByQRCode runs a room: the facilitator opens the team page on
// this computer (127.0.0.1), the join link and its QR code carry the
// machine's LAN address, the QR code decodes (jsQR) to that link, and a
// phone opens the decoded link and joins.
func TestJoinByQRCode(t *testing.T) {
	needBrowser(t)
	jsqr := filepath.Join("node_modules", "jsqr", "dist", "jsQR.js")
	skips.Need(t, "jsQR", jsqr, ".ci/setup-browser.sh")
	ip := lanIP()
	if ip == "" {
		t.Skip("this machine has no network address besides loopback")
	}
	local, lan := roomServer(t, ip)
	fac := launch(t, "", 1280, 900)
	code := hostWorkshop(t, fac, local, "named")
	link := fac.text(t, byTest("join-link"))
	assert.Equal(t, lan+"/team.html#join/"+code, link, "the join link names the address phones reach")
	fac.run(t, chromedp.WaitVisible(byTest("join-qr"), chromedp.ByQuery))
	fac.shot(t, "team-join-qr")

	src, err := os.ReadFile(jsqr)
	require.NoError(t, err)
	var ok bool
	fac.eval(t, string(src)+";true", &ok)
	var decoded string
	fac.eval(t, `(() => {
		const img = document.querySelector('[data-test="join-qr"]');
		const n = 440, c = document.createElement("canvas");
		c.width = c.height = n;
		const g = c.getContext("2d");
		g.fillStyle = "#fff"; g.fillRect(0, 0, n, n);
		g.drawImage(img, 0, 0, n, n);
		const r = jsQR(g.getImageData(0, 0, n, n).data, n, n);
		return r ? r.data : "";
	})()`, &decoded)
	assert.Equal(t, link, decoded, "the QR code is the join link")

	par := launch(t, "", phoneW, phoneH)
	par.openAt(t, decoded)
	var got string
	par.eval(t, `document.querySelector('[data-test="team-code"]').value`, &got)
	require.Equal(t, code, got, "the decoded link fills the code in")
	par.typeText(t, "team-name", "Ana Quintero")
	par.click(t, "team-join-btn")
	par.run(t, chromedp.WaitVisible(byTest("team-room"), chromedp.ByQuery))
	fac.waitFor(t, "the phone in the room", textHas("team-people", "1 participant joined"))
}
