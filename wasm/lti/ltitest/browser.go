package ltitest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Browser is a minimal browser for Go tests: it keeps the cookies the
// tool sets (Secure ones included on loopback http, as Chromium does,
// which net/http/cookiejar does not) and never follows redirects.
type Browser struct {
	Cookies map[string]string
	// SetCookie is the last Set-Cookie header the tool sent.
	SetCookie string
}

// NewBrowser returns a browser with no cookies.
func NewBrowser() *Browser { return &Browser{Cookies: map[string]string{}} }

// Page is an answer.
type Page struct {
	Status   int
	Header   http.Header
	Body     string
	Location string
}

// Do sends a request with the browser's cookies.
func (b *Browser) Do(t testing.TB, method, u string, form url.Values, header map[string]string) Page {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	require.NoError(t, err)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	for k, v := range b.Cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	res, err := http.DefaultTransport.RoundTrip(req)
	require.NoError(t, err)
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	for _, sc := range res.Header.Values("Set-Cookie") {
		b.SetCookie = sc
		if c, err := http.ParseSetCookie(sc); err == nil {
			b.Cookies[c.Name] = c.Value
		}
	}
	return Page{Status: res.StatusCode, Header: res.Header, Body: string(raw), Location: res.Header.Get("Location")}
}

// Attr returns the value of the first attribute name="..." in the page
// (HTML-unescaped), or "".
func (p Page) Attr(name string) string {
	i := strings.Index(p.Body, " "+name+`="`)
	if i < 0 {
		return ""
	}
	rest := p.Body[i+len(name)+3:]
	j := strings.IndexByte(rest, '"')
	if j < 0 {
		return ""
	}
	return unescape(rest[:j])
}

// Input returns the value of the hidden input name in the page.
func (p Page) Input(name string) string {
	i := strings.Index(p.Body, `name="`+name+`" value="`)
	if i < 0 {
		return ""
	}
	rest := p.Body[i+len(name)+15:]
	return unescape(rest[:strings.IndexByte(rest, '"')])
}

func unescape(s string) string {
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&quot;", `"`)
	return r.Replace(s)
}

// JSON decodes the page body.
func (p Page) JSON(t testing.TB, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal([]byte(p.Body), v), "body: %s", p.Body)
}
