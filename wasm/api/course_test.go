//go:build !js

package api_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/course/packaging"
)

func TestCoursePackage(t *testing.T) {
	// The route wraps packaging.Build; the compiled program is the builder's
	// concern, so small stand-in files do here.
	assets := packaging.Assets{Program: []byte("\x00asm"), Exec: []byte("exec"), Loader: []byte("loader"), Style: []byte("style")}
	tg, _ := newTarget(t, func(c *api.Config) {
		c.CourseAssets = func(_ context.Context, k course.Kind) (packaging.Assets, error) { return assets, nil }
	})
	bare, _ := newTarget(t, nil)
	public, _ := newTarget(t, func(c *api.Config) {
		c.CourseAssets = func(_ context.Context, k course.Kind) (packaging.Assets, error) { return assets, nil }
		c.PublicOrg = "local"
	})
	good := `{"format":"scorm2004","course":{"version":"purposeful.course/v1","kind":"recovery","title":"Recovery practice","mastery":80}}`
	post := func(base, key, body string) (*http.Response, []byte) {
		r, err := http.NewRequest(http.MethodPost, base+"/v1/courses/package", strings.NewReader(body))
		require.NoError(t, err)
		r.Header.Set("Content-Type", "application/json")
		if key != "" {
			r.Header.Set("Authorization", "Bearer "+key)
		}
		res, err := http.DefaultClient.Do(r)
		require.NoError(t, err)
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		return res, b
	}
	cases := []struct {
		name   string
		base   string
		key    string
		body   string
		status int
		want   string
	}{
		{"no key", tg.BaseURL, "", good, http.StatusUnauthorized, ""},
		{"no key on a server with a public organisation", public.BaseURL, "", good, http.StatusOK, ""},
		{"bad course", tg.BaseURL, tg.OrgKey, `{"format":"scorm12","course":{"version":"purposeful.course/v1","kind":"standards","title":"","mastery":120}}`, http.StatusBadRequest, "mastery"},
		{"unknown format", tg.BaseURL, tg.OrgKey, `{"format":"aicc","course":{"version":"purposeful.course/v1","kind":"recovery","title":"R"}}`, http.StatusBadRequest, "format"},
		{"no course", tg.BaseURL, tg.OrgKey, `{"format":"cmi5"}`, http.StatusBadRequest, "course"},
		{"server without the toolchain", bare.BaseURL, bare.OrgKey, good, http.StatusServiceUnavailable, "cannot build"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, b := post(tc.base, tc.key, tc.body)
			assert.Equal(t, tc.status, res.StatusCode, "%s", b)
			assert.Contains(t, string(b), tc.want)
		})
	}
	t.Run("package", func(t *testing.T) {
		res, first := post(tg.BaseURL, tg.OrgKey, good)
		require.Equal(t, http.StatusOK, res.StatusCode, "%s", first)
		assert.Equal(t, "application/zip", res.Header.Get("Content-Type"))
		assert.Contains(t, res.Header.Get("Content-Disposition"), "purposeful-recovery-scorm2004.zip")
		_, again := post(tg.BaseURL, tg.OrgKey, good)
		assert.True(t, bytes.Equal(first, again), "the same course gives the same zip")
		cfg, err := course.DecodeConfig([]byte(good))
		require.NoError(t, err)
		want, err := packaging.Build(*cfg.Course, cfg.Format, assets)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, first), "the route gives what packaging.Build gives")
	})
}
