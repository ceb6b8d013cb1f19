package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// The engine's tests run its steps on types of their own, shaped as the
// packages that call it shape theirs: a resource with an identity, one
// without, params behind a pointer, and a Caller that records what it is
// asked to send and answers with canned JSON.

// sidOf returns a valid SID with prefix.
func sidOf(prefix string) string { return prefix + "0123456789abcdef0123456789abcdef" }

// nthSID returns the n-th SID with prefix.
func nthSID(prefix string, n int) string { return fmt.Sprintf("%s%032x", prefix, n) }

var (
	serviceSID = sidOf(spec.ServiceSIDPrefix)
	roleSID    = sidOf(spec.RoleSIDPrefix)
	channelSID = sidOf(spec.ChannelSIDPrefix)
)

// allOperations returns the operations of both specs, Chat's and
// Conversations'.
func allOperations() []*spec.Operation {
	return append(append([]*spec.Operation(nil), spec.Operations...), convspec.Operations...)
}

// role is a resource identified by its sid, as a Chat Role is.
type role struct {
	SID  string `json:"sid"`
	Name string `json:"friendly_name,omitempty"`
}

// roleChecker is role's Checker.
type roleChecker struct{}

// Identity returns r's sid as a Role's.
func (roleChecker) Identity(r *role) (Identity, bool) {
	return Identity{Kind: "Role", Key: "sid", Prefix: spec.RoleSIDPrefix, SID: r.SID}, true
}

// item is a list item without an identity of its own: items are told
// apart by their JSON.
type item struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// none is the Checker of a type without an identity.
type none[T any] struct{}

// Identity reports that T has none.
func (none[T]) Identity(*T) (Identity, bool) { return Identity{}, false }

// params is a Params and ListParams whose answers the test sets. It is
// used by pointer, which is pointer-shaped as the callers' wrappers are.
type params struct {
	err      error
	form     string // appended as it is
	header   http.Header
	secrets  []string
	pageSize *int
	limit    int
}

func (p *params) Validate() error { return p.err }

func (p *params) AppendForm(dst []byte) []byte { return append(dst, p.form...) }

func (p *params) SetHeader(h http.Header) {
	for k, v := range p.header {
		h[k] = v
	}
}

func (p *params) Secrets() []string { return p.secrets }

func (p *params) Paging() (*int, int) { return p.pageSize, p.limit }

// sent is one request a caller received, with its header params as they
// were when it was sent.
type sent struct {
	Request
	header http.Header
}

// scrubbed is an error that went through caller.Scrub, with the secrets
// it was given.
type scrubbed struct {
	err     error
	secrets []string
}

func (s *scrubbed) Error() string { return "scrubbed: " + s.err.Error() }
func (s *scrubbed) Unwrap() error { return s.err }

// caller is a Caller that records each request and answers it with
// answer's JSON (or error), decoded into the request's Out as the Client
// decodes it. Scrub wraps each error in a *scrubbed.
type caller struct {
	answer func(n int, r Request) (string, error)

	mu       sync.Mutex
	requests []sent
	scrubs   int
}

// answering returns a caller that answers the n-th request (from 0) with
// bodies[n], the last one for every request after.
func answering(bodies ...string) *caller {
	return &caller{answer: func(n int, _ Request) (string, error) { return bodies[min(n, len(bodies)-1)], nil }}
}

// failing returns a caller whose every request fails with err.
func failing(err error) *caller {
	return &caller{answer: func(int, Request) (string, error) { return "", err }}
}

// errDecode is the cause of the error a caller returns for an answer that
// does not decode or is not usable.
var errDecode = errors.New("decode")

// Do records r and decodes its answer into r.Out.
func (c *caller) Do(ctx context.Context, r Request) error {
	s := sent{Request: r}
	if r.Header != nil {
		s.header = http.Header{}
		r.Header.SetHeader(s.header)
	}
	c.mu.Lock()
	n := len(c.requests)
	c.requests = append(c.requests, s)
	c.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	body, err := c.answer(n, r)
	if err != nil || r.Out == nil {
		return err
	}
	target := r.Out
	if t, ok := target.(Target); ok {
		target = t.JSONTarget()
	}
	if err := json.Unmarshal([]byte(body), target); err != nil {
		return errors.Join(errDecode, err)
	}
	if d, ok := r.Out.(Decoded); ok {
		if err := d.CheckDecoded(); err != nil {
			return errors.Join(errDecode, err)
		}
	}
	return nil
}

// Scrub wraps err, when not nil, in a *scrubbed holding secrets.
func (c *caller) Scrub(err error, secrets []string) error {
	c.mu.Lock()
	c.scrubs++
	c.mu.Unlock()
	if err == nil {
		return nil
	}
	return &scrubbed{err: err, secrets: secrets}
}

// sentRequests returns the requests c received, in order.
func (c *caller) sentRequests() []sent {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]sent(nil), c.requests...)
}

// fieldReasons returns every *ValidationError joined in err, in order, as
// "Field: Reason".
func fieldReasons(err error) []string {
	var out []string
	for _, v := range validationErrors(err) {
		out = append(out, v.Field+": "+v.Reason)
	}
	return out
}

// validationErrors returns the *ValidationErrors of err: err itself, or
// those errors.Join joined, or those of the error a *scrubbed wraps.
func validationErrors(err error) []*ValidationError {
	switch e := err.(type) {
	case nil:
		return nil
	case *ValidationError:
		return []*ValidationError{e}
	case *scrubbed:
		return validationErrors(e.err)
	case interface{ Unwrap() []error }:
		var out []*ValidationError
		for _, err := range e.Unwrap() {
			out = append(out, validationErrors(err)...)
		}
		return out
	}
	return nil
}
