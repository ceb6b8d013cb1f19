package twiliochattest

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
)

// New starts a Server for the test t and closes it when t and its subtests
// end, through t.Cleanup. An invalid option fails t with t.Fatal, where
// NewServer panics. The package doc shows a test's setup with it.
func New(t testing.TB, opts ...Option) *Server {
	t.Helper()
	srv, err := newServer(opts)
	if err != nil {
		t.Fatal(err)
		return nil // for a t whose Fatal returns
	}
	t.Cleanup(srv.Close)
	return srv
}

// newServer is NewServer, returning its panic as an error.
func newServer(opts []Option) (srv *Server, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("twiliochattest.New: %v", v)
		}
	}()
	return NewServer(opts...), nil
}

// NewClient returns a twiliochat Client pointed at the Server, with its
// credentials and opts applied after them, so an option can change any of
// it (twiliochat.WithAPIKey for a key given to the Server, say).
//
// The Client retries as a default Client does, but without waiting between
// tries (twiliochat.RetryPolicy.NoWait): a call that the fake fails with a
// 503 and then serves takes microseconds. Give twiliochat.WithRetryPolicy
// to test the waits themselves, or twiliochat.WithMaxRetries(0) to see
// every failure. Its connections are the Server's own, and Close closes
// them. NewClient panics if an option is invalid, as NewServer does.
func (s *Server) NewClient(opts ...twiliochat.Option) *twiliochat.Client {
	for i, opt := range opts {
		if opt == nil {
			// Counted among opts: twiliochat.NewClient would count the
			// Server's own options too.
			panic(fmt.Sprintf("twiliochattest: NewClient: option %d is nil", i))
		}
	}
	base := []twiliochat.Option{
		twiliochat.WithBaseURL(s.server.URL),
		twiliochat.WithHTTPClient(s.server.Client()),
		twiliochat.WithRetryPolicy(twiliochat.RetryPolicy{MaxRetries: twiliochat.DefaultMaxRetries, NoWait: true}),
	}
	c, err := twiliochat.NewClient(s.account, s.token, append(base, opts...)...)
	if err != nil {
		panic("twiliochattest: NewClient: " + err.Error())
	}
	return c
}

// NewConversationsClient returns a Conversations v1 client that calls the
// Server: conversations.New over a Client from NewClient with opts, so it
// retries and panics as NewClient's does. The Server serves both APIs
// over one store, so a conversation it creates is a Channel to NewClient's
// Client, with the same SID.
func (s *Server) NewConversationsClient(opts ...twiliochat.Option) *conversations.Client {
	return conversations.New(s.NewClient(opts...))
}

// DefaultConversationServiceSID returns the SID of the account's default
// Conversation Service: the Chat Service that the account-level
// Conversations paths (/v1/Conversations/…, /v1/Users/…, /v1/Roles/…) act
// on, made when first needed, as the account's first /v1 request does.
func (s *Server) DefaultConversationServiceSID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accountDefaults().defaultService
}

// Client returns an *http.Client for the Server that sends requests to the
// Server only: a request for any other host, such as Twilio's own
// chat.twilio.com, fails with an error and is never sent: with
// twiliochat.WithHTTPClient(srv.Client()) and no WithBaseURL, a test would
// otherwise send its requests, and the fake's credentials, to Twilio. Use
// NewClient for a twiliochat Client, or WithBaseURL(srv.URL). Each call
// returns a new *http.Client; they share the Server's connections, which
// Close closes.
func (s *Server) Client() *http.Client {
	hc := *s.server.Client()
	u, err := url.Parse(s.server.URL)
	if err != nil {
		panic("twiliochattest: the Server's URL does not parse: " + err.Error()) // httptest makes it
	}
	hc.Transport = &fakeOnly{scheme: u.Scheme, host: u.Host, next: hc.Transport}
	return &hc
}

// fakeOnly is the transport of Server.Client: it refuses every request that
// is not for the fake.
type fakeOnly struct {
	scheme, host string
	next         http.RoundTripper
}

// RoundTrip sends r on when it is for the fake, and fails otherwise.
func (f *fakeOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Scheme != f.scheme || r.URL.Host != f.host {
		if r.Body != nil {
			_ = r.Body.Close()
		}
		// The message avoids the package's name: a client that blanks out
		// prefixes of DefaultAuthToken from its errors would blank it too.
		return nil, fmt.Errorf("refused by the fake's Server.Client, which sends only to %s://%s, not to %s://%s: "+
			"use srv.NewClient(), or give your client WithBaseURL(srv.URL)", f.scheme, f.host, r.URL.Scheme, r.URL.Host)
	}
	return f.next.RoundTrip(r)
}

// CloseIdleConnections closes the idle connections of the Server's
// transport.
func (f *fakeOnly) CloseIdleConnections() {
	if c, ok := f.next.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

// routeFailure is a Failure that FailOn scoped to a route.
type routeFailure struct {
	pattern pattern
	left    int
	failure Failure
}

// FailOn makes the next n requests that match pattern answer with f instead
// of being served; other requests are served as usual. pattern is a method
// and a path, or a path alone for any method, whose segments are literal or
// {Name} wildcards matching one segment, and whose last segment may be
// {Name...}, matching the rest of the path:
//
//	srv.FailOn("POST /v2/Services/{Sid}", 1, twiliochattest.Failure{Status: 503})
//	srv.FailOn("/v2/Services/{ServiceSid}/Roles", 2, twiliochattest.Failure{Status: 429})
//	srv.FailOn("GET /v2/Services/"+sid, 1, twiliochattest.Failure{Status: 500})
//
// The path templates of the package doc, and of Twilio's API reference,
// are patterns. A pattern is matched against the path as it was sent,
// escaped, one segment at a time: a wildcard matches one unique name or
// identity whatever it holds ("support/emea", "100%", "a?b", "#1",
// "café ☕"), and a literal segment matches the value it unescapes to, so
// write a name as url.PathEscape gives it:
//
//	srv.FailOn("GET /v2/Services/"+sid+"/Channels/"+url.PathEscape("support/emea"), 1, twiliochattest.Failure{Status: 429})
//
// The failures of FailOn apply after FailNext's and before
// FailWith's hook; when several FailOn calls match a request, the earliest
// with failures left answers it. Failed requests are recorded like any
// other. n <= 0 does nothing; FailOn panics on a malformed pattern.
func (s *Server) FailOn(pattern string, n int, f Failure) {
	p := parsePattern(pattern)
	if n <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failOn = append(s.failOn, &routeFailure{pattern: p, left: n, failure: f})
}

// takeRouteFailure returns the FailOn failure for a request of method for
// path, escaped as sent, and counts it as used, or returns nil. The caller
// holds s.mu.
func (s *Server) takeRouteFailure(method, path string) *Failure {
	for i, rf := range s.failOn {
		if !rf.pattern.match(method, path) {
			continue
		}
		f := rf.failure
		if rf.left--; rf.left == 0 {
			s.failOn = append(s.failOn[:i:i], s.failOn[i+1:]...)
		}
		return &f
	}
	return nil
}

// RequestsTo returns, as Requests does, the requests the Server received
// that match pattern, in arrival order. pattern is written as for FailOn,
// such as "POST /v2/Services/{Sid}" for every Update Service. RequestsTo
// panics on a malformed pattern.
func (s *Server) RequestsTo(pattern string) []Request {
	p := parsePattern(pattern)
	var out []Request
	for _, r := range s.Requests() {
		if p.match(r.Method, r.escapedPath) {
			out = append(out, r)
		}
	}
	return out
}
