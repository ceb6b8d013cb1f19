package twiliochat

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Attributes is the attributes of a Chat resource (a Channel, User, Member,
// Message …) as Twilio answers with them: JSON text, sent as a JSON string
// ("attributes": "{\"tier\":\"gold\"}"), or "" when Twilio sent null. Read
// it into a struct of your own with Decode:
//
//	var attrs struct{ Tier string `json:"tier"` }
//	if err := channel.Attributes.Decode(&attrs); err != nil {
//		return err
//	}
//
// On the request side, params take attributes as a *string holding JSON
// text, checked before any request is sent.
type Attributes string

// errNoAttributes is the cause of Decode's error for Attributes that are
// not valid JSON.
var errNoAttributes = errors.New("not valid JSON")

// Decode unmarshals the attributes into v, as json.Unmarshal does. Empty
// attributes (Twilio sent none, or null) leave v unchanged and return nil.
// Attributes that are not valid JSON, or that do not fit v, return an error
// that names Attributes, without quoting them.
func (a Attributes) Decode(v any) error {
	if a == "" {
		return nil
	}
	if !json.Valid([]byte(a)) {
		return fmt.Errorf("twiliochat: decode Attributes: %w", errNoAttributes)
	}
	if err := json.Unmarshal([]byte(a), v); err != nil {
		return fmt.Errorf("twiliochat: decode Attributes: %w", err)
	}
	return nil
}
