package lti_test

import (
	"fmt"
	"net/url"

	"github.com/purposefulcx/purposeful/wasm/lti"
)

// A platform opens the tool's login URL; the tool answers by sending the
// browser to the platform's authorization endpoint with its own state and
// nonce.
func ExampleAuthRedirect() {
	login, err := lti.ParseLogin(url.Values{
		"iss":             {"https://canvas.instructure.com"},
		"login_hint":      {"42"},
		"target_link_uri": {"https://tool.example/v1/lti/launch"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := lti.Platform{ClientID: "10000000000001", AuthURL: "https://sso.canvaslms.com/api/lti/authorize_redirect"}
	u, _ := url.Parse(lti.AuthRedirect(p, login, "https://tool.example/v1/lti/launch", "STATE", "NONCE"))
	q := u.Query()
	fmt.Println(u.Host, q.Get("response_mode"), q.Get("client_id"), q.Get("state"), q.Get("nonce"))

	_, err = lti.ParseLogin(url.Values{"iss": {"https://canvas.instructure.com"}})
	fmt.Println(lti.ReasonOf(err), err)
	// Output:
	// sso.canvaslms.com form_post 10000000000001 STATE NONCE
	// login lti: login: login_hint is missing; target_link_uri is missing
}
