package twiliochat

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// goldenServiceSID is the sid in testdata/service.json.
const goldenServiceSID = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

// testNow is the fake clock's time, for Retry-After dates.
var testNow = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

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

func (s *fakeSleeper) Waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
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

// countingServer starts a loopback server that counts the requests reaching
// it and passes each, with its 1-based number, to h.
func countingServer(t *testing.T, h func(w http.ResponseWriter, r *http.Request, n int64)) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h(w, r, hits.Add(1))
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// serviceJSON is the golden Update Service answer, for the Service
// testServiceSID.
func serviceJSON(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/service.json")
	require.NoError(t, err)
	return bytes.ReplaceAll(b, []byte(goldenServiceSID), []byte(testServiceSID))
}

// writeJSON answers with status and body as JSON, as respondJSON does.
func writeJSON(w http.ResponseWriter, status int, body string) {
	respondJSON(status, body)(w, nil)
}

// twilioErrorBody is a Twilio JSON error body for status.
func twilioErrorBody(status, code int, message string) string {
	return fmt.Sprintf(`{"code":%d,"message":%q,"more_info":"https://www.twilio.com/docs/errors/%d","status":%d}`, code, message, code, status)
}
