package twiliochat

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/engine"
)

// APIError is returned for every response whose HTTP status is not 2xx,
// including redirects. Status is always set; RequestID is set when the
// response carried a Twilio-Request-Id header, and Message when its body was
// not empty. Code, RawMessage, MoreInfo and Details are set when Twilio sent
// a JSON error body.
//
// Every text in it has the Client's credentials blanked out (see Client):
// each run of 8 or more characters of the auth token or API secret, or of
// the encoded Authorization header, that a server echoed back reads
// "[redacted]".
type APIError struct {
	// Status is the HTTP status code of the response.
	Status int
	// Code is Twilio's error code (for example 20404), or 0 when the body
	// carried none.
	Code int
	// Message is Twilio's message, or an excerpt of a body that was not a
	// Twilio JSON error (an HTML page from a proxy, say), made one line of
	// printable text of at most 256 bytes (and "…"): white space runs become
	// one space, control and format characters are dropped. It is what Error
	// reports, safe to log.
	Message string
	// RawMessage is the message of Twilio's JSON error body whole, as sent
	// (line breaks and control characters included), with only the
	// credentials blanked out; "" when the body was not a Twilio JSON error.
	// Print it only where such bytes are harmless.
	RawMessage string
	// MoreInfo is the link to Twilio's page for Code.
	MoreInfo string
	// Details holds the optional "details" object of the error body, keys
	// and string values redacted.
	Details map[string]any
	// RequestID is the Twilio-Request-Id response header, or "" when the
	// response had none.
	RequestID string
}

// Error reports the status, Twilio's code and message, and the request ID.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("twiliochat: ")
	b.WriteString(strconv.Itoa(e.Status))
	if text := http.StatusText(e.Status); text != "" {
		b.WriteByte(' ')
		b.WriteString(text)
	}
	if e.Code != 0 {
		b.WriteString(": code ")
		b.WriteString(strconv.Itoa(e.Code))
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" (request ")
		b.WriteString(e.RequestID)
		b.WriteByte(')')
	}
	return b.String()
}

// ValidationError reports a parameter that was rejected before any request
// was sent. When several parameters are bad, the returned error joins one
// ValidationError for each (see errors.Join); errors.As finds the first.
// Its Field is the name of the parameter as Twilio spells it: a path
// parameter ("Sid") or a form key ("Limits.UserChannels"); for NewClient
// and NewClientFromEnv the credential ("AccountSid", "AuthToken"), the
// option ("WithBaseURL", "MaxRetries", "opts[1]") or the environment
// variable ("TWILIO_AUTH_TOKEN"). Its Reason says what is wrong with the
// value. Package conversations returns the same type.
type ValidationError = engine.ValidationError

// DecodeError is returned when a response has a success status but its body
// cannot be read or is not the JSON the operation expects.
type DecodeError struct {
	// Status is the HTTP status code of the response.
	Status int
	// RequestID is the Twilio-Request-Id response header.
	RequestID string
	// Err is the underlying read or JSON error.
	Err error
}

// Error reports the status, the request ID and the cause.
func (e *DecodeError) Error() string {
	msg := "twiliochat: decode " + strconv.Itoa(e.Status) + " response"
	if e.RequestID != "" {
		msg += " (request " + e.RequestID + ")"
	}
	return msg + ": " + e.Err.Error()
}

// Unwrap returns the underlying cause.
func (e *DecodeError) Unwrap() error { return e.Err }

// ErrResponseTooLarge is the cause of the *DecodeError returned when a success
// response body is larger than the client reads (see MaxResponseBytes).
var ErrResponseTooLarge = errors.New("twiliochat: response body too large")

// ErrUntrustedURL is the cause of the error returned, before any request is
// sent, for a URL that is neither on the client's base scheme and host nor on
// a Twilio Chat host (whose path and query go to the base URL), or that
// carries user info, such as a list page's next_page_url pointing elsewhere:
// the client never sends its credentials there.
var ErrUntrustedURL = errors.New("twiliochat: URL not on the client's base scheme and host")

// errNilContext is returned, before any request, by a call given a nil
// context.Context.
var errNilContext = engine.ErrNilContext
