package twiliochattest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// TestNew checks that New serves at once and closes when the test ends.
func TestNew(t *testing.T) {
	t.Parallel()
	var srv *twiliochattest.Server
	t.Run("serving", func(t *testing.T) {
		srv = twiliochattest.New(t, twiliochattest.WithSeed(1))
		r := call(t, srv, http.MethodGet, "/v2/Services", nil)
		assert.Equal(t, http.StatusOK, r.Status)
	})
	_, err := send(srv, srv.AccountSID(), srv.AuthToken(), http.MethodGet, "/v2/Services", nil)
	require.Error(t, err, "the Server is closed when its test ends")
}

// fatalRecorder is a testing.TB whose Fatal records its message and lets
// the caller go on, so that a test can see New fail its t.
type fatalRecorder struct {
	testing.TB
	fatal    string
	cleanups int
}

func (r *fatalRecorder) Fatal(args ...any) { r.fatal = fmt.Sprint(args...) }

func (r *fatalRecorder) Cleanup(func()) { r.cleanups++ }

// TestNewBadOption checks that New fails t, without a panic, for an option
// NewServer panics on.
func TestNewBadOption(t *testing.T) {
	t.Parallel()
	tests := map[string]twiliochattest.Option{
		"account SID": twiliochattest.WithCredentials("AC123", "token"),
		"empty token": twiliochattest.WithCredentials(twiliochattest.DefaultAccountSID, ""),
		"API key":     twiliochattest.WithAPIKey("SK123", "secret"),
		"nil clock":   twiliochattest.WithClock(nil),
	}
	for name, opt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rec := &fatalRecorder{TB: t}
			srv := twiliochattest.New(rec, opt)
			assert.Nil(t, srv)
			assert.True(t, strings.HasPrefix(rec.fatal, "twiliochattest.New: twiliochattest: "), rec.fatal)
			assert.Zero(t, rec.cleanups, "nothing to clean up")
		})
	}
}

// TestNewClient checks the Client NewClient returns: the Server's
// credentials and URL, options applied after them.
func TestNewClient(t *testing.T) {
	t.Parallel()
	const keySID, keySecret = "SK0123456789abcdef0123456789abcdef", "fake-api-key-secret"
	ctx := context.Background()
	srv := twiliochattest.New(t, twiliochattest.WithAPIKey(keySID, keySecret))
	sid := seedService(t, srv, "support")

	svc, err := srv.NewClient().Services.Update(ctx, sid, &twiliochat.UpdateServiceParams{FriendlyName: twiliochat.Ptr("help desk")})
	require.NoError(t, err)
	assert.Equal(t, "help desk", svc.FriendlyName)
	_, err = srv.NewClient(twiliochat.WithAPIKey(keySID, keySecret)).Services.Fetch(ctx, sid)
	require.NoError(t, err)

	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	for i, want := range [][2]string{{srv.AccountSID(), srv.AuthToken()}, {keySID, keySecret}} {
		user, pass, ok := (&http.Request{Header: reqs[i].Header}).BasicAuth()
		require.True(t, ok)
		assert.Equal(t, want, [2]string{user, pass})
	}
	assert.Equal(t, []string{"POST /v2/Services/" + sid, "GET /v2/Services/" + sid},
		[]string{reqs[0].Method + " " + reqs[0].Path, reqs[1].Method + " " + reqs[1].Path})
	assert.Equal(t, "help desk", reqs[0].Form.Get("FriendlyName"))

	assert.PanicsWithValue(t, "twiliochattest: NewClient: twiliochat: invalid WithHTTPClient: nil *http.Client", func() {
		srv.NewClient(twiliochat.WithHTTPClient(nil))
	})
	assert.PanicsWithValue(t, "twiliochattest: NewClient: option 0 is nil", func() {
		srv.NewClient(nil)
	})
}

// TestDefaultTokenBlanksNoName checks that the errors of a Client on the
// fake with its default credentials quote names that begin with the
// package's own words: the Client blanks out of its errors any text that
// begins like its auth token, and DefaultAuthToken begins like none of them.
func TestDefaultTokenBlanksNoName(t *testing.T) {
	t.Parallel()
	srv := twiliochattest.New(t)
	sid := seedService(t, srv, "support")
	for _, name := range []string{"twiliochat-room", "twiliochattest-room", "fake-room"} {
		_, err := srv.NewClient().Channels.Fetch(context.Background(), sid, name)
		require.Error(t, err)
		assert.True(t, twiliochat.IsNotFound(err), "%v", err)
		assert.Contains(t, err.Error(), "/Channels/"+name+" ")
		assert.NotContains(t, err.Error(), "[redacted]")
	}
}

// TestNewClientRetries checks that NewClient's Client retries as a default
// Client does, without waiting, and that an option changes that.
func TestNewClientRetries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name     string
		opts     []twiliochat.Option
		failures int
		wantErr  bool
		wantHits int
	}{
		{name: "two 503s retried", failures: 2, wantHits: 3},
		{name: "three 503s are one too many", failures: 3, wantErr: true, wantHits: 3},
		{name: "WithMaxRetries(0)", opts: []twiliochat.Option{twiliochat.WithMaxRetries(0)}, failures: 1, wantErr: true, wantHits: 1},
		{name: "WithMaxRetries(5)", opts: []twiliochat.Option{twiliochat.WithMaxRetries(5)}, failures: 5, wantHits: 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := twiliochattest.New(t)
			sid := seedService(t, srv, "support")
			srv.FailOn("GET /v2/Services/{Sid}", tt.failures, twiliochattest.Failure{Status: http.StatusServiceUnavailable})
			_, err := srv.NewClient(tt.opts...).Services.Fetch(ctx, sid)
			if tt.wantErr {
				var apiErr *twiliochat.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, http.StatusServiceUnavailable, apiErr.Status)
			} else {
				require.NoError(t, err)
			}
			assert.Len(t, srv.RequestsTo("GET /v2/Services/"+sid), tt.wantHits)
		})
	}
}

// TestRetriedCallDoesNotWait checks the promise of NewClient: in a test
// against the fake, a call that the fake fails with a 503 is retried as a
// default Client retries it, but with no wait before each retry, where a
// default Client would wait up to half a second, or the 5 s the
// Retry-After asks for. The wait is read where the Client reports it, in
// the line it logs (at Info) for each retry.
func TestRetriedCallDoesNotWait(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		retryAfter string
	}{
		{"backoff", ""},
		{"Retry-After of 5 s", "5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := twiliochattest.New(t)
			var (
				mu    sync.Mutex
				waits []time.Duration
			)
			// The Client logs the wait before each retry, and only then, as
			// "wait".
			logger := slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
				if a.Key == "wait" {
					mu.Lock()
					waits = append(waits, a.Value.Duration())
					mu.Unlock()
				}
				return a
			}}))
			client := srv.NewClient(twiliochat.WithLogger(logger))
			sid := seedService(t, srv, "support")
			srv.FailOn("GET /v2/Services/{Sid}", twiliochat.DefaultMaxRetries, twiliochattest.Failure{Status: http.StatusServiceUnavailable, RetryAfter: tt.retryAfter})

			_, err := client.Services.Fetch(context.Background(), sid)

			require.NoError(t, err)
			assert.Len(t, srv.Requests(), twiliochat.DefaultMaxRetries+1, "retried as a default Client is")
			mu.Lock()
			defer mu.Unlock()
			assert.Equal(t, make([]time.Duration, twiliochat.DefaultMaxRetries), waits, "the wait before each retry")
		})
	}
}

// closeRecorder is a request body that records that it was closed.
type closeRecorder struct {
	io.Reader
	closed atomic.Bool
}

func (c *closeRecorder) Close() error {
	c.closed.Store(true)
	return nil
}

// TestServerClient checks that Server.Client reaches the fake and refuses,
// without sending, any request for another host.
func TestServerClient(t *testing.T) {
	t.Parallel()
	srv := twiliochattest.New(t)
	sid := seedService(t, srv, "support")

	resp, err := srv.Client().Get(srv.URL + "/v2/Services")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "it reaches the fake, which wants credentials")
	srv.ResetRequests()

	body := &closeRecorder{Reader: strings.NewReader("FriendlyName=x")}
	req, err := http.NewRequest(http.MethodPost, "https://chat.twilio.com/v2/Services", body)
	require.NoError(t, err)
	_, err = srv.Client().Do(req)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "refused by the fake's Server.Client, which sends only to "+srv.URL+", not to https://chat.twilio.com")
	assert.True(t, body.closed.Load(), "the refused request's body is closed")

	// The trap: the fake's client, and no WithBaseURL.
	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(),
		twiliochat.WithHTTPClient(srv.Client()), twiliochat.WithMaxRetries(0))
	require.NoError(t, err)
	_, err = client.Services.Fetch(context.Background(), sid)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "refused by the fake's Server.Client, which sends only to "+srv.URL+", not to https://chat.twilio.com: use srv.NewClient(), or give your client WithBaseURL(srv.URL)")
	assert.NotContains(t, err.Error(), srv.AuthToken())
	assert.Empty(t, srv.Requests())

	client, err = twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(),
		twiliochat.WithHTTPClient(srv.Client()), twiliochat.WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = client.Services.Fetch(context.Background(), sid)
	require.NoError(t, err, "with WithBaseURL it works as it always did")
	srv.Client().CloseIdleConnections()
}

// TestServerAPI checks that the Server lends out nothing of the
// httptest.Server that serves it: no embedded field, none of its methods
// but Close and Client (the Server's own), none of its fields but URL.
func TestServerAPI(t *testing.T) {
	t.Parallel()
	typ := reflect.TypeOf(twiliochattest.Server{})
	for i := range typ.NumField() {
		f := typ.Field(i)
		assert.False(t, f.Anonymous, "%s is embedded", f.Name)
		assert.True(t, f.Name == "URL" || !f.IsExported(), "exported field %s", f.Name)
	}
	ptr := reflect.TypeOf(&twiliochattest.Server{})
	inner := reflect.TypeOf(&httptest.Server{})
	for i := range inner.NumMethod() {
		name := inner.Method(i).Name
		_, has := ptr.MethodByName(name)
		assert.Equal(t, name == "Close" || name == "Client", has, "Server.%s", name)
	}
	for i := range inner.Elem().NumField() {
		if f := inner.Elem().Field(i); f.IsExported() {
			_, has := typ.FieldByName(f.Name)
			assert.Equal(t, f.Name == "URL", has, "Server.%s", f.Name)
		}
	}
}

// TestServerURL checks that URL is the base URL a client needs, and that
// the Server answers as before when a caller changes it.
func TestServerURL(t *testing.T) {
	t.Parallel()
	srv := twiliochattest.New(t)
	base := srv.URL
	require.Regexp(t, `^http://127\.0\.0\.1:[0-9]+$`, base)
	srv.URL = "https://chat.twilio.com"

	svc, err := srv.NewClient().Services.Create(context.Background(), &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr("support")})
	require.NoError(t, err)
	assert.Equal(t, base+"/v2/Services/"+svc.SID, svc.URL)
	resp, err := srv.Client().Get(base + "/v2/Services")
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "Client reaches the fake at its own URL")
}

// TestFailOn checks which requests FailOn fails, how many times, and in
// what order with FailNext and FailWith.
func TestFailOn(t *testing.T) {
	t.Parallel()
	type step struct {
		method, path string // path "svc" is the seeded Service's
		want         int    // status
	}
	tests := []struct {
		name  string
		setup func(srv *twiliochattest.Server)
		steps []step
	}{
		{
			name: "one method and path",
			setup: func(srv *twiliochattest.Server) {
				srv.FailOn("POST /v2/Services/{Sid}", 2, twiliochattest.Failure{Status: 503})
			},
			steps: []step{
				{"GET", "svc", 200}, {"POST", "svc", 503}, {"POST", "/v2/Services", 201},
				{"GET", "/v2/Services", 200}, {"POST", "svc", 503}, {"POST", "svc", 200},
			},
		},
		{
			name: "any method",
			setup: func(srv *twiliochattest.Server) {
				srv.FailOn("/v2/Services/{Sid}", 2, twiliochattest.Failure{Status: 500})
			},
			steps: []step{{"GET", "/v2/Services", 200}, {"GET", "svc", 500}, {"DELETE", "svc", 500}, {"DELETE", "svc", 204}},
		},
		{
			name: "a literal path",
			setup: func(srv *twiliochattest.Server) {
				srv.FailOn("GET /v2/Services/IS00000000000000000000000000000000", 1, twiliochattest.Failure{Status: 502})
			},
			steps: []step{{"GET", "svc", 200}, {"GET", "/v2/Services/IS00000000000000000000000000000000", 502}, {"GET", "/v2/Services/IS00000000000000000000000000000000", 404}},
		},
		{
			name: "the rest of the path",
			setup: func(srv *twiliochattest.Server) {
				srv.FailOn("GET /v2/Services/{rest...}", 3, twiliochattest.Failure{Status: 504})
			},
			steps: []step{{"GET", "/v2/Services", 504}, {"GET", "svc", 504}, {"POST", "svc", 200}, {"GET", "svc/Roles", 504}, {"GET", "svc/Roles", 200}},
		},
		{
			name: "FailNext first",
			setup: func(srv *twiliochattest.Server) {
				srv.FailOn("/v2/Services", 1, twiliochattest.Failure{Status: 503})
				srv.FailNext(1, twiliochattest.Failure{Status: 502})
			},
			steps: []step{{"GET", "/v2/Services", 502}, {"GET", "/v2/Services", 503}, {"GET", "/v2/Services", 200}},
		},
		{
			name: "the earliest FailOn first",
			setup: func(srv *twiliochattest.Server) {
				srv.FailOn("/v2/Services/{Sid}", 1, twiliochattest.Failure{Status: 500})
				srv.FailOn("GET /v2/Services/{Sid}", 2, twiliochattest.Failure{Status: 503})
			},
			steps: []step{{"GET", "svc", 500}, {"GET", "svc", 503}, {"GET", "svc", 503}, {"GET", "svc", 200}},
		},
		{
			name: "FailWith after",
			setup: func(srv *twiliochattest.Server) {
				srv.FailWith(func(*http.Request) *twiliochattest.Failure { return &twiliochattest.Failure{Status: 418} })
				srv.FailOn("GET /v2/Services", 1, twiliochattest.Failure{Status: 503})
			},
			steps: []step{{"GET", "/v2/Services", 503}, {"GET", "/v2/Services", 418}},
		},
		{
			name: "n <= 0 does nothing",
			setup: func(srv *twiliochattest.Server) {
				srv.FailOn("GET /v2/Services", 0, twiliochattest.Failure{Status: 503})
				srv.FailOn("GET /v2/Services", -1, twiliochattest.Failure{Status: 503})
			},
			steps: []step{{"GET", "/v2/Services", 200}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := twiliochattest.New(t)
			sid := seedService(t, srv, "support")
			tt.setup(srv)
			for i, s := range tt.steps {
				path := strings.Replace(s.path, "svc", "/v2/Services/"+sid, 1)
				var f map[string][]string
				if s.method == "POST" {
					f = form("FriendlyName", "x")
				}
				r := call(t, srv, s.method, path, f)
				assert.Equal(t, s.want, r.Status, "step %d: %s %s: %s", i, s.method, s.path, r.Body)
			}
			assert.Len(t, srv.Requests(), len(tt.steps), "failed requests are recorded")
		})
	}
}

// TestFailOnAnswer checks the answer of a FailOn failure: the Failure as
// FailNext writes it, even to a request without credentials.
func TestFailOnAnswer(t *testing.T) {
	t.Parallel()
	srv := twiliochattest.New(t)
	srv.FailOn("GET /v2/Services", 1, twiliochattest.Failure{Status: http.StatusTooManyRequests, RetryAfter: "3"})
	r := callAs(t, srv, "", "", http.MethodGet, "/v2/Services", nil)
	assertTwilioError(t, r, http.StatusTooManyRequests, 20429)
	assert.Equal(t, "3", r.Header.Get("Retry-After"))
	r = callAs(t, srv, "", "", http.MethodGet, "/v2/Services", nil)
	assertTwilioError(t, r, http.StatusUnauthorized, 20003)
}

// TestFailOnConcurrent checks that concurrent requests use up exactly n
// failures.
func TestFailOnConcurrent(t *testing.T) {
	t.Parallel()
	srv := twiliochattest.New(t)
	srv.FailOn("GET /v2/Services", 5, twiliochattest.Failure{Status: 503})
	var wg sync.WaitGroup
	var failed atomic.Int32
	var errs = make(chan error, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := send(srv, srv.AccountSID(), srv.AuthToken(), http.MethodGet, "/v2/Services", nil)
			if err != nil {
				errs <- err
				return
			}
			if r.Status == 503 {
				failed.Add(1)
			}
		}()
	}
	wg.Wait()
	close(errs)
	require.NoError(t, errors.Join(func() []error {
		var all []error
		for err := range errs {
			all = append(all, err)
		}
		return all
	}()...))
	assert.EqualValues(t, 5, failed.Load())
}

// TestRequestsTo checks that RequestsTo picks a route's requests, in order.
func TestRequestsTo(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := twiliochattest.New(t)
	client := srv.NewClient()
	a, b := seedService(t, srv, "a"), seedService(t, srv, "b")
	for _, sid := range []string{a, b} {
		_, err := client.Services.Update(ctx, sid, &twiliochat.UpdateServiceParams{FriendlyName: twiliochat.Ptr("new " + sid[:4])})
		require.NoError(t, err)
		_, err = client.Services.Fetch(ctx, sid)
		require.NoError(t, err)
		_, err = client.Roles.ListPage(ctx, sid, nil)
		require.NoError(t, err)
	}

	updates := srv.RequestsTo("POST /v2/Services/{Sid}")
	require.Len(t, updates, 2)
	assert.Equal(t, []string{"/v2/Services/" + a, "/v2/Services/" + b}, []string{updates[0].Path, updates[1].Path})
	assert.Equal(t, "new "+b[:4], updates[1].Form.Get("FriendlyName"))
	assert.Len(t, srv.RequestsTo("/v2/Services/{Sid}"), 4)
	assert.Len(t, srv.RequestsTo("GET /v2/Services/{ServiceSid}/Roles"), 2)
	assert.Len(t, srv.RequestsTo("GET /v2/Services/"+a+"/{rest...}"), 2)
	assert.Empty(t, srv.RequestsTo("DELETE /v2/Services/{Sid}"))

	updates[0].Form.Set("FriendlyName", "mutated")
	assert.Equal(t, "new "+a[:4], srv.RequestsTo("POST /v2/Services/{Sid}")[0].Form.Get("FriendlyName"), "copies, as Requests gives")
	assert.Panics(t, func() { srv.RequestsTo("v2/Services") })
}

// TestArchiveOld runs the test that ExampleNew shows.
func TestArchiveOld(t *testing.T) {
	t.Parallel()
	testArchiveOld(t)
}

// TestPatternsMatchNames checks FailOn and RequestsTo on a Channel whose
// unique name holds characters a path treats specially: a {Name} wildcard
// and a literal written with url.PathEscape match its requests, the armed
// failure answers the request it was armed for, and it does not fire on a
// request of another route before it, nor on another Channel after it.
func TestPatternsMatchNames(t *testing.T) {
	t.Parallel()
	names := map[string]string{
		"slash":     "support/emea",
		"percent":   "100%",
		"question":  "a?b",
		"hash":      "#1",
		"space":     "support desk",
		"non-ASCII": "café ☕",
		"all":       "a/b%c?d#e f☕/..",
	}
	const (
		channels = "/v2/Services/{ServiceSid}/Channels"
		members  = "GET " + channels + "/{ChannelSid}/Members"
	)
	for name, unique := range names {
		patterns := map[string]func(sid string) string{
			"wildcard": func(string) string { return "GET " + channels + "/{Sid}" },
			"literal": func(sid string) string {
				return "GET /v2/Services/" + sid + "/Channels/" + url.PathEscape(unique)
			},
		}
		for kind, pattern := range patterns {
			t.Run(name+"/"+kind, func(t *testing.T) {
				t.Parallel()
				ctx := context.Background()
				srv := twiliochattest.New(t)
				client := srv.NewClient(twiliochat.WithMaxRetries(0))
				sid := seedService(t, srv, "support")
				target, err := srv.SeedChannel(sid, unique)
				require.NoError(t, err)
				_, err = srv.SeedChannel(sid, "general")
				require.NoError(t, err)
				srv.FailOn(pattern(sid), 1, twiliochattest.Failure{Status: http.StatusTooManyRequests})

				_, err = client.Members.ListPage(ctx, sid, unique, nil)
				require.NoError(t, err, "another route of the same Channel")
				_, err = client.Channels.Fetch(ctx, sid, unique)
				assert.True(t, twiliochat.IsRateLimited(err), "the armed failure: %v", err)
				ch, err := client.Channels.Fetch(ctx, sid, unique)
				require.NoError(t, err, "served once the failure is used")
				assert.Equal(t, target, ch.SID)
				_, err = client.Channels.Fetch(ctx, sid, "general")
				require.NoError(t, err, "another Channel")

				fetches := srv.RequestsTo(pattern(sid))
				wantFetches := 2 // the failed try and the served one
				if kind == "wildcard" {
					wantFetches = 3 // and general
				}
				require.Len(t, fetches, wantFetches)
				for _, r := range fetches[:2] {
					assert.Equal(t, http.MethodGet, r.Method)
					assert.Equal(t, "/v2/Services/"+sid+"/Channels/"+unique, r.Path)
				}
				lists := srv.RequestsTo(members)
				require.Len(t, lists, 1)
				assert.Equal(t, "/v2/Services/"+sid+"/Channels/"+unique+"/Members", lists[0].Path)
				assert.Len(t, srv.RequestsTo("GET "+channels+"/{rest...}"), 4)
			})
		}
	}
}
