package twiliochat

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Credentials and SIDs the tests use. The secrets, testAuthToken and
// testKeySecret, must never show up in any output: they are long and
// distinctive so that a test can look for them in any text.
const (
	testAccountSID = "AC0123456789abcdef0123456789abcdef"
	testAuthToken  = "tok3nS3cretDoNotPrint0123456789a"
	testKeySID     = "SK0123456789abcdef0123456789abcdef"
	testKeySecret  = "ap1S3cretDoNotPrint0123456789abc"
	testServiceSID = "IS0123456789abcdef0123456789abcdef"
	testRoleSID    = "RL0123456789abcdef0123456789abcdef"
	testRequestID  = "RQ0123456789abcdef0123456789abcdef"
)

// testNow is the test clients' clock, for Retry-After dates.
var testNow = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

// goldenServiceSID is the sid in testdata/service.json.
const goldenServiceSID = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

// seenRequest is what the test server saw of one request.
type seenRequest struct {
	Method string
	Path   string // escaped path as sent
	Query  url.Values
	Header http.Header
	Body   string
	Remote string // the client's address, one per connection
}

// recorder is an httptest server that records every request and answers
// with a handler chosen by the test.
type recorder struct {
	mu       sync.Mutex
	reqs     []seenRequest
	handlers sync.WaitGroup
	srv      *httptest.Server
}

// newRecorder starts a server that records requests and then calls answer,
// with the request's body still there to read. The server closes when the
// test ends.
func newRecorder(t *testing.T, answer http.HandlerFunc) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.handlers.Add(1)
		defer rec.handlers.Done()
		body, err := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, seenRequest{
			Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.Query(),
			Header: r.Header.Clone(), Body: string(body), Remote: r.RemoteAddr,
		})
		rec.mu.Unlock()
		if err != nil {
			t.Errorf("read the request body: %v", err)
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		answer(w, r)
	}))
	t.Cleanup(rec.close)
	return rec
}

// numbered is a handler that passes each request, with its number from 1 in
// the order they arrive, to answer.
func numbered(answer func(w http.ResponseWriter, r *http.Request, n int64)) http.HandlerFunc {
	var count atomic.Int64
	return func(w http.ResponseWriter, r *http.Request) {
		answer(w, r, count.Add(1))
	}
}

// close shuts the server down and waits for every handler to return, those
// of hijacked connections included.
func (rec *recorder) close() {
	rec.srv.Close()
	rec.handlers.Wait()
}

// requests returns a copy of what the server has seen so far.
func (rec *recorder) requests() []seenRequest {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]seenRequest(nil), rec.reqs...)
}

// onlyRequest returns the one request the server has seen, and stops the
// test when it has seen none or more.
func (rec *recorder) onlyRequest(t *testing.T) seenRequest {
	t.Helper()
	reqs := rec.requests()
	require.Len(t, reqs, 1)
	return reqs[0]
}

// hits returns how many requests reached the server so far.
func (rec *recorder) hits() int64 {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return int64(len(rec.reqs))
}

// client returns a Client for the recorder's server, made by newTestClient.
func (rec *recorder) client(t *testing.T, opts ...Option) *Client {
	t.Helper()
	c, _ := newTestClient(t, rec.srv.URL, opts...)
	return c
}

// newTestClient returns a Client for base whose retrier never sleeps: waits
// go to the returned fakeSleeper, jitter is the identity (the wait is the
// backoff's ceiling) and the clock stands at testNow.
func newTestClient(t *testing.T, base string, opts ...Option) (*Client, *fakeSleeper) {
	t.Helper()
	c, err := NewClient(testAccountSID, testAuthToken, append([]Option{WithBaseURL(base)}, opts...)...)
	require.NoError(t, err)
	sl := &fakeSleeper{}
	c.retry.sleep = sl.sleep
	c.retry.jitter = func(d time.Duration) time.Duration { return d }
	c.retry.now = func() time.Time { return testNow }
	t.Cleanup(c.CloseIdleConnections)
	return c, sl
}

// fakeSleeper records the waits the retrier asks for instead of sleeping.
type fakeSleeper struct {
	mu    sync.Mutex
	waits []time.Duration
	// hook, when set, runs in place of returning ctx.Err().
	hook func(ctx context.Context, d time.Duration) error
}

func (s *fakeSleeper) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	hook := s.hook
	s.mu.Unlock()
	if hook != nil {
		return hook(ctx, d)
	}
	return ctx.Err()
}

// Waits returns the waits asked for so far.
func (s *fakeSleeper) Waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

// respondJSON answers with status and body as JSON.
func respondJSON(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, status, body)
	}
}

// writeJSON answers w with status and body as JSON, with testRequestID.
func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Twilio-Request-Id", testRequestID)
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// serveFile answers with status and the contents of a testdata file.
func serveFile(t *testing.T, status int, name string) http.HandlerFunc {
	t.Helper()
	body, err := os.ReadFile(name)
	require.NoError(t, err)
	return respondJSON(status, string(body))
}

// serviceJSON is the golden Update Service answer, for the Service
// testServiceSID.
func serviceJSON(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/service.json")
	require.NoError(t, err)
	return bytes.ReplaceAll(b, []byte(goldenServiceSID), []byte(testServiceSID))
}

// twilioErrorBody is a Twilio JSON error body for status.
func twilioErrorBody(status, code int, message string) string {
	return fmt.Sprintf(`{"code":%d,"message":%q,"more_info":"https://www.twilio.com/docs/errors/%d","status":%d}`, code, message, code, status)
}

// validationErrors returns every *ValidationError joined in err, in order.
func validationErrors(err error) []*ValidationError {
	var out []*ValidationError
	var walk func(error)
	walk = func(err error) {
		var vErr *ValidationError
		if joined, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range joined.Unwrap() {
				walk(e)
			}
		} else if errors.As(err, &vErr) {
			out = append(out, vErr)
		}
	}
	walk(err)
	return out
}

// validationFields returns the Field of every *ValidationError joined in
// err, in order.
func validationFields(err error) []string {
	var fields []string
	for _, vErr := range validationErrors(err) {
		fields = append(fields, vErr.Field)
	}
	return fields
}

// fieldReasons returns every *ValidationError joined in err, in order, as
// "Field: Reason".
func fieldReasons(err error) []string {
	var out []string
	for _, vErr := range validationErrors(err) {
		out = append(out, vErr.Field+": "+vErr.Reason)
	}
	return out
}

// wireCase is one call of an operation and what it must send and decode:
// the table row of a resource's wire test (see runWireCases).
type wireCase struct {
	name string
	// call calls the operation on c and returns what it decoded (nil for a
	// Delete).
	call func(c *Client) (any, error)
	// method, path (escaped) and query are what is sent.
	method, path, query string
	// form is the body sent, nil for none; a testdata/*.form file is read
	// with readGoldenForm.
	form url.Values
	// body, when set, is the body sent byte for byte (the order and
	// escaping of its keys).
	body string
	// webhook is the X-Twilio-Webhook-Enabled header sent, nil for none.
	webhook []string
	// answer is the testdata file answered, "" for a 204.
	answer string
	// status is the status answer is sent with, 0 for 200.
	status int
	// want is what call returns, compared whole.
	want any
}

// runWireCases runs each case against a recorder that answers with its
// file, and checks the request (method, path, query, every form key and
// value, the headers) and the decoded answer.
func runWireCases(t *testing.T, cases []wireCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			handler := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
			if tt.answer != "" {
				handler = serveFile(t, cmp.Or(tt.status, http.StatusOK), tt.answer)
			}
			rec := newRecorder(t, handler)

			got, err := tt.call(rec.client(t))
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, tt.method, tt.path, tt.query)
			if tt.form == nil {
				assert.Empty(t, req.Body)
			} else {
				assert.Equal(t, tt.form, req.form(t))
			}
			if tt.body != "" {
				assert.Equal(t, tt.body, req.Body)
			}
			assert.Equal(t, tt.webhook, req.Header.Values("X-Twilio-Webhook-Enabled"))
			assert.Equal(t, tt.want, got)
		})
	}
}

// validationCase is a call with bad input and the *ValidationErrors it
// must return, as "Field: Reason" (see runValidationCases).
type validationCase struct {
	name string
	call func(c *Client) error
	want []string
}

// runValidationCases runs each case and checks its errors, and that no
// request was sent.
func runValidationCases(t *testing.T, cases []validationCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, respondJSON(http.StatusOK, "{}"))

			err := tt.call(rec.client(t))

			// In any order: the spec's checks come before a type's own.
			assert.ElementsMatch(t, tt.want, fieldReasons(err))
			assert.Empty(t, rec.requests())
		})
	}
}

// decodeCase is a JSON answer and what a call must decode from it (see
// runDecodeCases).
type decodeCase struct {
	name string
	body string
	want any
}

// runDecodeCases answers call with each case's body and checks that call
// returns the case's want, compared whole.
func runDecodeCases(t *testing.T, call func(c *Client) (any, error), cases []decodeCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := call(newRecorder(t, respondJSON(http.StatusOK, tt.body)).client(t))
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// valueOf calls a method that returns a value and an error, as a wireCase
// or validationCase call does: valueOf(c.Users.Fetch(ctx, …)).
func valueOf[T any](v *T, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return v, nil
}

// errorOf keeps the error of a method that returns a value and an error.
func errorOf[T any](_ *T, err error) error { return err }

// deleted is what a wireCase of a Delete returns: no value.
func deleted(err error) (any, error) { return nil, err }
