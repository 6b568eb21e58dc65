package lti

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"time"
)

// ContentItem is one ltiResourceLink the tool returns from deep linking:
// what the platform adds to the course. Custom comes back in every launch
// of the link, which is how a launch knows what it opens.
type ContentItem struct {
	Type     string            `json:"type"` // always "ltiResourceLink"
	Title    string            `json:"title,omitempty"`
	Text     string            `json:"text,omitempty"`
	URL      string            `json:"url,omitempty"`
	Custom   map[string]string `json:"custom,omitempty"`
	LineItem *LineItem         `json:"lineItem,omitempty"`
}

// LineItem asks the platform to create a gradebook column for the link.
type LineItem struct {
	ScoreMaximum float64 `json:"scoreMaximum"`
	Label        string  `json:"label,omitempty"`
	ResourceID   string  `json:"resourceId,omitempty"`
	Tag          string  `json:"tag,omitempty"`
}

// deepLinkClaims is the payload of an LtiDeepLinkingResponse.
type deepLinkClaims struct {
	Iss          string        `json:"iss"`
	Aud          string        `json:"aud"`
	Iat          int64         `json:"iat"`
	Exp          int64         `json:"exp"`
	Nonce        string        `json:"nonce"`
	MessageType  string        `json:"https://purl.imsglobal.org/spec/lti/claim/message_type"`
	Version      string        `json:"https://purl.imsglobal.org/spec/lti/claim/version"`
	DeploymentID string        `json:"https://purl.imsglobal.org/spec/lti/claim/deployment_id"`
	Data         string        `json:"https://purl.imsglobal.org/spec/lti-dl/claim/data,omitempty"`
	Items        []ContentItem `json:"https://purl.imsglobal.org/spec/lti-dl/claim/content_items"`
	Message      string        `json:"https://purl.imsglobal.org/spec/lti-dl/claim/msg,omitempty"`
}

// DeepLinkResponse signs the answer to a deep linking request: the items
// chosen, addressed to the platform (aud = its issuer) from this tool
// (iss = its client id), valid for five minutes, echoing the request's
// data. The browser posts it to settings.ReturnURL as the form field JWT.
func DeepLinkResponse(key SigningKey, p Platform, deploymentID string, settings DeepLinkingSettings, items []ContentItem, now time.Time) (string, error) {
	if len(items) > 1 && settings.AcceptMultiple != nil && !*settings.AcceptMultiple {
		return "", errors.New("lti: the platform accepts one item only")
	}
	for i := range items {
		if items[i].Type == "" {
			items[i].Type = "ltiResourceLink"
		}
	}
	var nb [16]byte
	if _, err := rand.Read(nb[:]); err != nil {
		return "", err
	}
	if items == nil {
		items = []ContentItem{}
	}
	return key.Sign(deepLinkClaims{
		Iss: p.ClientID, Aud: p.Issuer, Iat: now.Unix(), Exp: now.Add(5 * time.Minute).Unix(),
		Nonce: base64.RawURLEncoding.EncodeToString(nb[:]), MessageType: DeepLinkingResponse, Version: Version,
		DeploymentID: deploymentID, Data: settings.Data, Items: items,
	})
}
