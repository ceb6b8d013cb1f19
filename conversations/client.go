package conversations

import (
	"context"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// New returns the Conversations v1 client of c: it sends through c's
// credentials, transport, retries, logger, edge and region to
// conversations.twilio.com, or to c's base URL when twiliochat.WithBaseURL
// set one, which then serves both APIs. It never fails: with a nil c,
// every call returns an error and sends nothing.
func New(c *twiliochat.Client) *Client {
	caller, err := engine.ClientCaller(c, "conversations")
	if err != nil {
		caller = failCaller{err}
	}
	return newClient(caller)
}

// Service returns the resources of the named Conversation Service
// chatServiceSID (IS…): the same resource types as c's, whose calls go to
// /v1/Services/{ChatServiceSid}/…, and the Service's own. A chatServiceSID
// that is not a Service SID fails every call with a
// *twiliochat.ValidationError naming ChatServiceSid, before any request.
// A ServiceClient is safe for concurrent use: make one per Service and
// keep it.
func (c *Client) Service(chatServiceSID string) *ServiceClient {
	return newServiceClient(c.s.caller, chatServiceSID)
}

// scope is what a resource's calls address: the default Conversation
// Service and the account, or one named Service.
type scope struct {
	caller  engine.Caller
	named   bool
	service string
}

// pick returns the operation that s addresses, def or svc (its twin on a
// named Service), and its path values: values, after the Service's SID on a
// named Service.
func (s scope) pick(def, svc *spec.Operation, values []string) (*spec.Operation, []string) {
	if !s.named {
		return def, values
	}
	return svc, append([]string{s.service}, values...)
}

// failCaller is the Caller of a Client without a twiliochat.Client: every
// call returns its error.
type failCaller struct{ err error }

// Do returns the error.
func (f failCaller) Do(context.Context, engine.Request) error { return f.err }

// Scrub returns err: there is no credential to blank out.
func (failCaller) Scrub(err error, _ []string) error { return err }
