//go:build !js

package api_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/purposefulcx/purposeful/wasm/api/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bearer sends tok as the request's Bearer token.
func bearer(tok string) client.RequestEditorFn {
	return func(_ context.Context, r *http.Request) error {
		r.Header.Set("Authorization", "Bearer "+tok)
		return nil
	}
}

// event wraps one typed event variant as an append body.
func event(t *testing.T, set func(*client.Event) error) client.EventOrBatch {
	t.Helper()
	var e client.Event
	require.NoError(t, set(&e))
	var body client.EventOrBatch
	require.NoError(t, body.FromEvent(e))
	return body
}

// TestGeneratedClientDrivesTheWorkshop runs the main flow of a workshop
// (create, join, append, poll, export, complete) through the client that
// oapi-codegen generates from the served description, so an LMS developer
// using that description gets a client that works.
func TestGeneratedClientDrivesTheWorkshop(t *testing.T) {
	tg, _ := newTarget(t, nil)
	c, err := client.NewClientWithResponses(tg.BaseURL)
	require.NoError(t, err)
	ctx := context.Background()

	str := func(s string) *string { return &s }
	course := client.Course{Organisation: str("Harbour Hotel"), Position: str("Front-desk agent"),
		Purpose: str("to create loyal guests who come back and tell their friends"), Process: str("Guest check-in")}
	created, err := c.CreateWorkshopWithResponse(ctx, client.CreateWorkshop{Name: "Fatima", Title: str("Front desk"), Course: &course}, bearer(tg.OrgKey))
	require.NoError(t, err)
	require.Equal(t, http.StatusCreated, created.StatusCode(), string(created.Body))
	w := created.JSON201
	require.NotNil(t, w)
	require.Len(t, w.JoinCode, 9)

	joined, err := c.JoinWorkshopWithResponse(ctx, client.Join{Code: w.JoinCode, Name: "Ana"})
	require.NoError(t, err)
	require.Equal(t, http.StatusCreated, joined.StatusCode(), string(joined.Body))
	ana := joined.JSON201
	assert.Equal(t, w.Id, ana.WorkshopId)

	send := func(tok string, body client.EventOrBatch) *client.Appended {
		t.Helper()
		r, err := c.AppendEventsWithResponse(ctx, w.Id, body, bearer(tok))
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, r.StatusCode(), string(r.Body))
		return r.JSON200
	}
	next := func(i int) client.Event {
		var e client.Event
		require.NoError(t, e.FromEvent4(client.Event4{Id: fmt.Sprintf("next-%d", i), Type: "step.next"}))
		return e
	}
	var batch client.EventOrBatch
	require.NoError(t, batch.FromEventOrBatch1(client.EventOrBatch1{Events: []client.Event{next(0), next(1)}}))
	assert.Equal(t, 2, send(w.FacilitatorToken, batch).Applied)

	col, adopted := client.Event6ColumnPurposeful, client.Event21StatusAdopted
	idea := "Offer a glass of water on arrival"
	send(ana.ParticipantToken, event(t, func(e *client.Event) error {
		return e.FromEvent6(client.Event6{Id: "p1", Type: "item.add", Item: str("p1"), Column: &col, Text: &idea})
	}))
	send(w.FacilitatorToken, event(t, func(e *client.Event) error {
		return e.FromEvent11(client.Event11{Id: "rv", Type: "ideas.reveal"})
	}))
	send(w.FacilitatorToken, event(t, func(e *client.Event) error { return e.FromEvent4(client.Event4{Id: "next-2", Type: "step.next"}) }))
	send(w.FacilitatorToken, event(t, func(e *client.Event) error {
		return e.FromEvent21(client.Event21{Id: "d1", Type: "decide", Item: str("p1"), Status: &adopted})
	}))

	after := 0
	polled, err := c.ListEventsWithResponse(ctx, w.Id, &client.ListEventsParams{After: &after}, bearer(ana.ParticipantToken))
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, polled.StatusCode(), string(polled.Body))
	var logged []string
	for _, e := range polled.JSON200.Events {
		b, err := e.Event.MarshalJSON()
		require.NoError(t, err)
		logged = append(logged, string(b))
	}
	require.NotEmpty(t, logged)
	assert.Contains(t, fmt.Sprint(logged), idea, "the participant's idea comes back in the log")

	format := client.ExportWorkshopParamsFormatCsv
	exported, err := c.ExportWorkshopWithResponse(ctx, w.Id, &client.ExportWorkshopParams{Format: &format}, bearer(w.FacilitatorToken))
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, exported.StatusCode(), string(exported.Body))
	assert.Contains(t, string(exported.Body), idea)

	done, err := c.CompleteWorkshopWithResponse(ctx, w.Id, client.Complete{}, bearer(w.FacilitatorToken))
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, done.StatusCode(), string(done.Body))
	require.NotNil(t, done.JSON200.Adopted)
	assert.Equal(t, 1, *done.JSON200.Adopted)

	state, err := c.GetWorkshopWithResponse(ctx, w.Id, bearer(w.FacilitatorToken))
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, state.StatusCode(), string(state.Body))
	assert.True(t, state.JSON200.Completed)

	late, err := c.JoinWorkshopWithResponse(ctx, client.Join{Code: w.JoinCode, Name: "Late"})
	require.NoError(t, err)
	require.Equal(t, http.StatusNotFound, late.StatusCode())
	require.NotNil(t, late.ApplicationproblemJSON404, "the error is a typed problem")
}
