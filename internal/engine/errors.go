package engine

import (
	"errors"
	"fmt"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// ValidationError reports a parameter that was rejected before any request
// was sent. When several parameters are bad, the returned error joins one
// ValidationError for each (see errors.Join); errors.As finds the first.
type ValidationError struct {
	// Field is the name of the parameter as Twilio spells it: a path
	// parameter ("Sid") or a form key ("Limits.UserChannels"). For
	// NewClient and NewClientFromEnv it is the credential ("AccountSid",
	// "AuthToken"), the option ("WithBaseURL", "MaxRetries", "opts[1]")
	// or the environment variable ("TWILIO_AUTH_TOKEN").
	Field string
	// Reason says what is wrong with the value.
	Reason string
}

// Error reports the field and the reason.
func (e *ValidationError) Error() string {
	return "twiliochat: invalid " + e.Field + ": " + e.Reason
}

// Invalid returns a *ValidationError for field with a formatted reason.
func Invalid(field, format string, args ...any) error {
	return &ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// ErrNilContext is the error of a call given a nil context.Context.
var ErrNilContext = errors.New("twiliochat: nil context.Context; use context.Background() or a request's context")

// JoinErrors returns nil when every err is nil, the one error that is not,
// or all of them joined with errors.Join.
func JoinErrors(errs ...error) error {
	var first error
	n := 0
	for _, err := range errs {
		if err != nil {
			if n++; n == 1 {
				first = err
			}
		}
	}
	if n <= 1 {
		return first
	}
	return errors.Join(errs...)
}

// Identity is the SID that identifies a decoded resource: its sid, or
// another SID for a resource that has none of its own (a User Channel by
// its channel_sid). The pager tells a list's items apart by it.
type Identity struct {
	// Kind names the resource in messages ("Channel").
	Kind string
	// Key is the JSON key of the SID ("sid", "channel_sid").
	Key string
	// Prefix is the SID's prefix.
	Prefix string
	// SID is the decoded value.
	SID string
}

// Check rejects a decoded resource whose SID is missing or is not a SID of
// its kind: the caller could neither fetch, update nor delete it.
func (id Identity) Check() error {
	if id.SID == "" {
		return errors.New("the " + id.Kind + " has no " + id.Key)
	}
	if !spec.IsSID(id.Prefix, id.SID) {
		// The value is not quoted: it is whatever the server sent.
		return errors.New("the " + id.Kind + "'s " + id.Key + " is not " + id.Prefix + " followed by 32 hex digits")
	}
	return nil
}

// Checker tells what identifies a decoded R. Each package that declares
// resource types has one, of size zero, that reads its resources' own
// (unexported) identity method: the engine is generic over it, so that a
// check costs no allocation.
type Checker[R any] interface {
	// Identity returns r's identity, and false for a type without one,
	// which is not checked and whose list items are told apart by their
	// JSON.
	Identity(r *R) (Identity, bool)
}

// hasIdentity reports whether C gives R an identity.
func hasIdentity[R any, C Checker[R]]() bool {
	var c C
	_, ok := c.Identity(new(R))
	return ok
}
