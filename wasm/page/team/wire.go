package team

import "github.com/purposefulcx/purposeful/grid"

// The page sends grid.Event values and reads grid.View values: the
// session's own types, with the JSON the API speaks. The actor and time
// of an event are left to the server (it sets them from the token and
// its clock).

type createRequest struct {
	Name     string         `json:"name"`
	Title    string         `json:"title,omitempty"`
	Settings *grid.Settings `json:"settings,omitempty"`
	Course   *grid.Course   `json:"course,omitempty"`
}

type createAnswer struct {
	ID               string `json:"id"`
	JoinCode         string `json:"join_code"`
	FacilitatorToken string `json:"facilitator_token"`
	MemberID         string `json:"member_id"`
}

type joinRequest struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type joinAnswer struct {
	WorkshopID       string `json:"workshop_id"`
	MemberID         string `json:"member_id"`
	ParticipantToken string `json:"participant_token"`
}

type eventsAnswer struct {
	Events []struct {
		Seq int `json:"seq"`
	} `json:"events"`
	Cursor int `json:"cursor"`
}

type workshopAnswer struct {
	Title    string     `json:"title"`
	JoinCode string     `json:"join_code"`
	Cursor   int        `json:"cursor"`
	View     *grid.View `json:"view"`
}

type problemAnswer struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Errors []struct {
		Path    string `json:"path"`
		Message string `json:"message"`
	} `json:"errors"`
}
