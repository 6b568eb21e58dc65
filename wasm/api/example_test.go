//go:build !js

package api_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
)

// A local API on a SQLite file: create a workshop without a key (the
// "local" organisation), then see a malformed request answered with a
// problem document that names the field.
func ExampleNew() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "api.sqlite"))
	if err != nil {
		panic(err)
	}
	defer st.DB().Close()
	srv := httptest.NewServer(api.New(api.Config{Store: st, PublicOrg: "local"}))
	defer srv.Close()

	res, _ := http.Post(srv.URL+"/v1/workshops", "application/json",
		strings.NewReader(`{"name":"Fatima","course":{"position":"Front-desk agent","process":"Check-in"}}`))
	fmt.Println(res.StatusCode, res.Header.Get("Location") != "")
	res.Body.Close()

	res, _ = http.Post(srv.URL+"/v1/join", "application/json", strings.NewReader(`{"code":"K7QM-4XPD","nmae":"Ana"}`))
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	fmt.Println(res.StatusCode, res.Header.Get("Content-Type"))
	fmt.Println(string(body))
	// Output:
	// 201 true
	// 400 application/problem+json
	// {"type":"urn:purposeful:problem:invalid-json","title":"Bad Request","status":400,"detail":"the body has a field this route does not know","errors":[{"path":"nmae","message":"unknown field"}]}
}
