package apitest

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// workshop is a workshop created by the suite.
type workshop struct {
	ID, Code, Facilitator, FacilitatorID string
}

type member struct {
	ID, Token string
}

type course struct {
	Organisation string `json:"organisation,omitempty"`
	Position     string `json:"position,omitempty"`
	Purpose      string `json:"purpose,omitempty"`
	Process      string `json:"process,omitempty"`
}

var frontDesk = course{Organisation: "Harbour Hotel", Position: "Front-desk agent",
	Purpose: "to create loyal guests who come back and tell their friends", Process: "Guest check-in"}

func (tg *Target) create(t *testing.T, key string, settings map[string]any) workshop {
	t.Helper()
	body := map[string]any{"name": "Fatima", "course": frontDesk}
	if settings != nil {
		body["settings"] = settings
	}
	r := tg.do(t, req{method: http.MethodPost, path: "/v1/workshops", auth: key, body: mustJSON(t, body)})
	requireOK(t, r, http.StatusCreated)
	var out struct {
		ID               string `json:"id"`
		JoinCode         string `json:"join_code"`
		FacilitatorToken string `json:"facilitator_token"`
		MemberID         string `json:"member_id"`
	}
	r.json(t, &out)
	require.NotEmpty(t, out.ID)
	require.Len(t, out.JoinCode, 9)
	require.GreaterOrEqual(t, len(out.FacilitatorToken), 4+43, "token carries at least 128 random bits")
	return workshop{ID: out.ID, Code: out.JoinCode, Facilitator: out.FacilitatorToken, FacilitatorID: out.MemberID}
}

func (tg *Target) join(t *testing.T, w workshop, name, client string) member {
	t.Helper()
	r := tg.do(t, req{method: http.MethodPost, path: "/v1/join", body: mustJSON(t, map[string]string{"code": w.Code, "name": name}),
		header: tg.clientHeader(client)})
	requireOK(t, r, http.StatusCreated)
	var out struct {
		WorkshopID       string `json:"workshop_id"`
		MemberID         string `json:"member_id"`
		ParticipantToken string `json:"participant_token"`
	}
	r.json(t, &out)
	require.Equal(t, w.ID, out.WorkshopID)
	return member{ID: out.MemberID, Token: out.ParticipantToken}
}

type appended struct {
	Applied    int   `json:"applied"`
	Duplicates int   `json:"duplicates"`
	Cursor     int64 `json:"cursor"`
}

func (tg *Target) send(t *testing.T, w workshop, token string, events ...map[string]any) appended {
	t.Helper()
	var body []byte
	if len(events) == 1 {
		body = mustJSON(t, events[0])
	} else {
		body = mustJSON(t, map[string]any{"events": events})
	}
	r := tg.do(t, req{method: http.MethodPost, path: "/v1/workshops/" + w.ID + "/events", auth: token, body: body})
	requireOK(t, r, http.StatusOK)
	var out appended
	r.json(t, &out)
	return out
}

type eventList struct {
	Events []struct {
		Seq   int64          `json:"seq"`
		Event map[string]any `json:"event"`
	} `json:"events"`
	Cursor int64 `json:"cursor"`
}

func (tg *Target) events(t *testing.T, w workshop, token string, after int64) eventList {
	t.Helper()
	r := tg.do(t, req{method: http.MethodGet, path: fmt.Sprintf("/v1/workshops/%s/events?after=%d&limit=1000", w.ID, after), auth: token})
	requireOK(t, r, http.StatusOK)
	var out eventList
	r.json(t, &out)
	return out
}

type state struct {
	ID        string `json:"id"`
	JoinCode  string `json:"join_code"`
	Completed bool   `json:"completed"`
	Role      string `json:"role"`
	You       string `json:"you"`
	Cursor    int64  `json:"cursor"`
	View      struct {
		Step    string `json:"step"`
		Members []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
			Role string `json:"role"`
		} `json:"members"`
		Items []struct {
			ID      string `json:"id"`
			Column  string `json:"column"`
			Text    string `json:"text"`
			Author  string `json:"author"`
			Private bool   `json:"private"`
		} `json:"items"`
	} `json:"view"`
}

func (tg *Target) state(t *testing.T, w workshop, token string) state {
	t.Helper()
	r := tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID, auth: token})
	requireOK(t, r, http.StatusOK)
	var out state
	r.json(t, &out)
	return out
}

// toStep has the facilitator move the workshop on from "course" by steps
// steps (1: to "team", 2: to "create").
func (tg *Target) toStep(t *testing.T, w workshop, steps int) {
	t.Helper()
	for i := range steps {
		tg.send(t, w, w.Facilitator, map[string]any{"id": fmt.Sprintf("next-%d", i), "type": "step.next"})
	}
}
