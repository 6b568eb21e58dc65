package course_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/course"
)

func TestParseLaunchNamesEveryProblem(t *testing.T) {
	_, err := course.ParseLaunch("endpoint=lrs&registration=nope&actor=%7B%7D")
	require.ErrorIs(t, err, course.ErrLaunch)
	for _, field := range []string{"endpoint:", "fetch:", "activityId:", "actor:", "registration:"} {
		assert.Contains(t, err.Error(), field)
	}
}

func TestParseLaunchAcceptsACMI5Launch(t *testing.T) {
	p, err := course.ParseLaunch("?endpoint=https%3A%2F%2Flrs.example%2Fxapi&fetch=https%3A%2F%2Flms.example%2Ffetch%2F1" +
		"&actor=%7B%22objectType%22%3A%22Agent%22%2C%22account%22%3A%7B%22homePage%22%3A%22https%3A%2F%2Flms.example%22%2C%22name%22%3A%22l1%22%7D%7D" +
		"&registration=6f1d0c2e-8a55-4b7e-9c41-2d3e4f5a6b7c&activityId=urn%3Auuid%3Aab")
	require.NoError(t, err)
	assert.Equal(t, "https://lrs.example/xapi/", p.Endpoint, "the endpoint ends in a slash")
	assert.Equal(t, "6f1d0c2e-8a55-4b7e-9c41-2d3e4f5a6b7c", p.Registration)
}

func TestReturnURLOnlyHTTP(t *testing.T) {
	for url, want := range map[string]string{
		"https://lms.example/done":  "https://lms.example/done",
		"javascript:alert(1)":       "",
		"/relative":                 "",
		"data:text/html,<b>hi</b>":  "",
		"http://lms.example/?a=1#b": "http://lms.example/?a=1#b",
	} {
		s := course.NewCMI5(course.LaunchParams{}, nil, nil)
		s.Data.ReturnURL = url
		assert.Equal(t, want, s.ReturnURL(), url)
	}
}
