package twiliochat

import (
	"net/http"
)

// Ptr returns a pointer to a copy of v. Params use pointers so that an unset
// field (nil) is told apart from a zero value that must be sent:
//
//	params := &twiliochat.UpdateServiceParams{ReachabilityEnabled: twiliochat.Ptr(false)}
func Ptr[T any](v T) *T { return &v }

// params is what every params type has. internal/gen writes each
// operation's params type with its appendForm and header (and a list's
// paging) from the spec; validate is the type's own checks, written by
// hand next to its methods, or generated empty for a type with none.
type params interface {
	validate() error
	// appendForm appends the form (or query) keys of the params that are
	// set to dst, sorted by key as url.Values.Encode sorts them, each value
	// escaped as url.QueryEscape escapes it: a set pointer is sent even
	// when it holds the zero value, a nil one is not, a slice sends one key
	// per item, a date RFC 3339.
	appendForm(dst []byte) []byte
	// secrets returns the values of its secret keys that are set, which
	// the call path blanks out of every error.
	secrets() []string
	headerSetter
}

// headerSetter sets the header params of a request's params that are set.
type headerSetter interface {
	setHeader(h http.Header)
}
