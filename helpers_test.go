package twiliochat

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sync"
	"testing"

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

// seenRequest is what the test server saw of one request.
type seenRequest struct {
	Method string
	Path   string // escaped path as sent
	Query  url.Values
	Header http.Header
	Body   string
}

// recorder is an httptest server that records every request and answers
// with a handler chosen by the test.
type recorder struct {
	mu   sync.Mutex
	reqs []seenRequest
	srv  *httptest.Server
}

// newRecorder starts a server that records requests and then calls answer.
func newRecorder(t *testing.T, answer http.HandlerFunc) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, seenRequest{
			Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.Query(),
			Header: r.Header.Clone(), Body: string(body),
		})
		rec.mu.Unlock()
		answer(w, r)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

// requests returns a copy of what the server has seen so far.
func (rec *recorder) requests() []seenRequest {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]seenRequest(nil), rec.reqs...)
}

// client returns a Client for the recorder's server.
func (rec *recorder) client(t *testing.T, opts ...Option) *Client {
	t.Helper()
	c, err := NewClient(testAccountSID, testAuthToken, append([]Option{WithBaseURL(rec.srv.URL)}, opts...)...)
	require.NoError(t, err)
	return c
}

// serveFile answers with status and the contents of a testdata file.
func serveFile(t *testing.T, status int, name string) http.HandlerFunc {
	t.Helper()
	body, err := os.ReadFile(name)
	require.NoError(t, err)
	return respondJSON(status, string(body))
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
