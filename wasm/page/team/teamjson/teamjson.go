// Package teamjson is the [team.Codec] of the team page: encoding/json.
// It is a package of its own so that importing package team does not
// import encoding/json (see [team.Codec]).
package teamjson

import (
	"bytes"
	"encoding/json"
)

// Codec is encoding/json as a [team.Codec].
type Codec struct{}

// Marshal is [json.Marshal].
func (Codec) Marshal(v any) ([]byte, error) { return json.Marshal(v) }

// Unmarshal is [json.Unmarshal], refusing unknown fields when strict.
func (Codec) Unmarshal(data []byte, v any, strict bool) error {
	if !strict {
		return json.Unmarshal(data, v)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
