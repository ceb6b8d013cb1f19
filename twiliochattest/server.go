package twiliochattest

import (
	"crypto/subtle"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"time"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// DefaultAccountSID is the account SID a Server accepts unless WithCredentials
// changes it.
const DefaultAccountSID = "AC0123456789abcdef0123456789abcdef"

// DefaultAuthToken is the auth token a Server accepts unless WithCredentials
// changes it. A twiliochat Client blanks out of its errors any text that
// begins like its auth token (8 characters or more), so this one begins
// with words no SID, name or message of the package starts with.
const DefaultAuthToken = "fake-auth-token-0123456789abcdef0123"

// maxBodyBytes bounds the request bodies the fake reads.
const maxBodyBytes = 1 << 20

// Server is an in-memory fake of the Twilio Chat v2 and Conversations v1
// APIs (see the package doc), served over HTTP on a loopback address. It is safe for concurrent use.
// Create it with NewServer (or New in a test) and Close it when done.
type Server struct {
	// URL is the Server's base URL, such as "http://127.0.0.1:41234", with
	// no trailing slash, for a client's base URL (twiliochat.WithBaseURL).
	// It is a copy: the Server reads its own, so changing URL changes
	// nothing in what it answers.
	URL string

	// server serves the fake over HTTP. It is not embedded, so that its
	// Start, Config, TLS… are not part of the Server's API, and its Client
	// and Close do not stand in for the Server's.
	server   *httptest.Server
	now      func() time.Time
	ids      *idSource
	account  string
	token    string
	apiKeys  map[string]string // key SID -> secret
	mu       sync.Mutex
	services *table[service]
	roles    *table[role]
	users    *table[user]           // under their service
	channels *table[channel]        // under their service
	members  *table[member]         // under their channel
	messages *table[message]        // under their channel
	invites  *table[invite]         // under their channel
	webhooks *table[channelWebhook] // under their channel
	bindings *table[binding]        // under their service
	// credentials are the account's push Credentials, under parent "".
	credentials *table[credential]
	// receipts are the delivery receipts of Conversations messages, under
	// their message.
	receipts *table[receipt]
	// addresses are the account's Conversations Address Configurations,
	// under parent "", indexed by address.
	addresses  *table[addressConfiguration]
	convConfig accountConfiguration
	requests   []Request
	failNext   []Failure
	failOn     []*routeFailure // FailOn's failures, in the order given
	failWith   func(r *http.Request) *Failure
	hooks      *deliverer // sends the webhooks
	// ownJobs are the post-events Twilio sends of its own accord (a
	// conversation timer's state change), queued under mu and handed to
	// hooks once it is released (emitOwn, unlockAndDeliver).
	ownJobs []*job
}

// Option configures a Server in NewServer.
type Option func(*config)

type config struct {
	account string
	token   string
	apiKeys map[string]string
	now     func() time.Time
	seed    *uint64
	hooks   hooksConfig
}

// WithCredentials makes the Server accept accountSID and authToken as the
// basic-auth username and password instead of DefaultAccountSID and
// DefaultAuthToken. NewServer panics if accountSID does not match
// ^AC[0-9a-fA-F]{32}$ or authToken is empty.
func WithCredentials(accountSID, authToken string) Option {
	return func(c *config) {
		c.account = accountSID
		c.token = authToken
	}
}

// WithAPIKey makes the Server also accept the API key keySID ("SK" + 32 hex)
// as the basic-auth username with secret as the password, as Twilio does. It
// may be given more than once. NewServer panics if keySID does not match
// ^SK[0-9a-fA-F]{32}$ or secret is empty.
func WithAPIKey(keySID, secret string) Option {
	return func(c *config) {
		c.apiKeys[keySID] = secret
	}
}

// WithClock makes the Server read the time from now for date_created and
// date_updated, so tests and Example output are deterministic. The time is
// written in UTC with second precision. The default is time.Now. NewServer
// panics if now is nil.
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		c.now = now
	}
}

// WithSeed makes every SID and Twilio-Request-Id the Server generates
// deterministic: two Servers with the same seed that receive the same
// requests in the same order generate the same IDs. By default IDs come from
// crypto/rand.
func WithSeed(seed uint64) Option {
	return func(c *config) {
		c.seed = &seed
	}
}

// NewServer starts and returns a fake Chat v2 and Conversations v1 API
// server. The caller must call Close when done, typically with defer. NewServer panics if an option is
// nil or invalid (see WithCredentials and WithAPIKey), like
// httptest.NewServer panics when it cannot listen.
func NewServer(opts ...Option) *Server {
	c := &config{
		account: DefaultAccountSID,
		token:   DefaultAuthToken,
		apiKeys: map[string]string{},
		now:     time.Now,
		hooks:   hooksConfig{timeout: DefaultWebhookTimeout},
	}
	for i, opt := range opts {
		if opt == nil {
			panic(fmt.Sprintf("twiliochattest: option %d is nil", i))
		}
		opt(c)
	}
	if !spec.IsSID(spec.AccountSIDPrefix, c.account) {
		panic(fmt.Sprintf("twiliochattest: account SID %q does not match ^AC[0-9a-fA-F]{32}$", c.account))
	}
	if c.token == "" {
		panic("twiliochattest: empty auth token")
	}
	for sid, secret := range c.apiKeys {
		if !spec.IsSID(spec.APIKeySIDPrefix, sid) {
			panic(fmt.Sprintf("twiliochattest: API key SID %q does not match ^SK[0-9a-fA-F]{32}$", sid))
		}
		if secret == "" {
			panic(fmt.Sprintf("twiliochattest: empty secret for API key %s", sid))
		}
	}
	if c.now == nil {
		panic("twiliochattest: WithClock(nil)")
	}
	s := &Server{
		now:     c.now,
		ids:     newIDSource(c.seed),
		account: c.account,
		token:   c.token,
		apiKeys: c.apiKeys,
		hooks:   newDeliverer(c.token, c.hooks),
	}
	// Deleting a service deletes its roles, users, channels and
	// bindings, and deleting a channel its members, messages, invites and
	// webhooks: each table cascades to its children's.
	s.roles = newTable[role]()
	s.users = newTable[user]()
	s.members = newTable[member]()
	s.receipts = newTable[receipt]()
	s.messages = newTable[message](s.receipts)
	s.invites = newTable[invite]()
	s.bindings = newTable[binding]()
	s.webhooks = newTable[channelWebhook]()
	s.channels = newTable[channel](s.members, s.messages, s.invites, s.webhooks)
	s.services = newTable[service](s.roles, s.users, s.channels, s.bindings)
	s.credentials = newTable[credential]()
	s.addresses = newTable[addressConfiguration]()
	s.server = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.URL = s.server.URL
	return s
}

// AccountSID returns the account SID the Server accepts as basic-auth
// username and reports as account_sid.
func (s *Server) AccountSID() string { return s.account }

// AuthToken returns the auth token the Server accepts as basic-auth password
// for AccountSID.
func (s *Server) AuthToken() string { return s.token }

// Request is one HTTP request the Server received, as returned by Requests.
type Request struct {
	// Method is the HTTP method, such as "POST".
	Method string
	// Path is the decoded URL path, such as "/v2/Services/IS...".
	Path string
	// Query holds the decoded URL query.
	Query url.Values
	// Form holds the decoded application/x-www-form-urlencoded body; it is
	// empty (not nil) when there was no body.
	Form url.Values
	// Header is a copy of the request headers, Authorization included.
	Header http.Header
	// escapedPath is the path as sent, escaped, which RequestsTo matches:
	// in Path a unique name holding "/" reads as two segments.
	escapedPath string
}

// Requests returns a copy of every request the Server has received since it
// started or since the last ResetRequests, in arrival order. Requests that
// were rejected (bad auth, injected failures, validation errors) are
// included; the Seed methods are not requests and are not recorded.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = Request{
			Method: r.Method,
			Path:   r.Path,
			Query:  cloneValues(r.Query),
			Form:   cloneValues(r.Form),
			Header: r.Header.Clone(),

			escapedPath: r.escapedPath,
		}
	}
	return out
}

// ResetRequests forgets the recorded requests.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

// Failure is an injected error answer; see FailNext and FailWith.
type Failure struct {
	// Status is the HTTP status code; 0 means 500.
	Status int
	// Body is the response body. When empty, the Server writes a
	// Twilio-shaped JSON error for Status (code 20000+Status, or 20003 for
	// 401, and the status text as message).
	Body string
	// RetryAfter, when not empty, is sent as the Retry-After header.
	RetryAfter string
	// Header holds extra response headers, set last so they override the
	// defaults (Content-Type, Twilio-Request-Id). Without a Content-Type
	// here, a custom Body is sent as application/json when it is valid JSON
	// and with the type net/http sniffs from it otherwise (text/html for an
	// HTML page).
	Header http.Header
}

// FailNext makes the next n requests, whatever their route or credentials,
// answer with f instead of being served. They are recorded like any request.
// Calls queue up: FailNext(1, a) then FailNext(2, b) fails with a, b, b.
// n <= 0 does nothing.
func (s *Server) FailNext(n int, f Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < n; i++ {
		s.failNext = append(s.failNext, f)
	}
}

// FailWith installs fn as a per-request hook, consulted after any FailNext
// and FailOn failures are used up and before authentication: when fn returns a non-nil
// *Failure the request is answered with it, otherwise it is served normally.
// fn is called from the Server's handler goroutines, so it must be safe for
// concurrent use, and it must not read r.Body (use Requests afterwards to see
// forms). FailWith(nil) removes the hook.
func (s *Server) FailWith(fn func(r *http.Request) *Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failWith = fn
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// serveHTTP records the request, applies injected failures, the body limit
// and authentication, then routes it.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Twilio-Request-Id", s.ids.next("RQ"))

	body, readErr := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	form, formErr := url.ParseQuery(string(body))
	if readErr != nil || formErr != nil {
		form = url.Values{}
	}

	s.mu.Lock()
	s.requests = append(s.requests, Request{
		Method: r.Method,
		Path:   r.URL.Path,
		Query:  r.URL.Query(),
		Form:   form,
		Header: r.Header.Clone(),

		escapedPath: r.URL.EscapedPath(),
	})
	var injected *Failure
	if len(s.failNext) > 0 {
		f := s.failNext[0]
		s.failNext = s.failNext[1:]
		injected = &f
	} else {
		injected = s.takeRouteFailure(r.Method, r.URL.EscapedPath())
	}
	hook := s.failWith
	s.mu.Unlock()

	if injected == nil && hook != nil {
		injected = hook(r)
	}
	if injected != nil {
		writeFailure(w, *injected)
		return
	}
	if readErr != nil {
		writeError(w, http.StatusRequestEntityTooLarge, 20001, "Request body too large or unreadable")
		return
	}

	if !s.authorized(r) {
		writeError(w, http.StatusUnauthorized, 20003, "Authenticate")
		return
	}
	if len(body) > 0 {
		mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if mt != "application/x-www-form-urlencoded" {
			writeError(w, http.StatusBadRequest, 20001,
				"Content-Type must be application/x-www-form-urlencoded")
			return
		}
		if formErr != nil {
			writeError(w, http.StatusBadRequest, 20001, "Malformed form body: "+formErr.Error())
			return
		}
	}
	s.route(w, r, form)
}

// authorized reports whether r carries accepted basic-auth credentials.
func (s *Server) authorized(r *http.Request) bool {
	user, pass, ok := r.BasicAuth()
	if !ok {
		return false
	}
	if user == s.account {
		return equal(pass, s.token)
	}
	if secret, found := s.apiKeys[user]; found {
		return equal(pass, secret)
	}
	return false
}

func equal(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
