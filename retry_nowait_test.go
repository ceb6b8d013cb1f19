package twiliochat

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNoWait checks that RetryPolicy.NoWait makes every wait zero and leaves
// every decision as it is: the same tries, the same give-up on a Retry-After
// above MaxRetryAfter.
func TestNoWait(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		retryAfter string // on every failed answer
		failures   int64  // 503s before the 200
		wantHits   int64
		wantWaits  []time.Duration // without NoWait
		wantErr    bool
	}{
		{name: "backoff", failures: 2, wantHits: 3, wantWaits: []time.Duration{500 * time.Millisecond, time.Second}},
		{name: "retry-after", retryAfter: "7", failures: 1, wantHits: 2, wantWaits: []time.Duration{7 * time.Second}},
		{name: "retries spent", failures: 5, wantHits: 3, wantWaits: []time.Duration{500 * time.Millisecond, time.Second}, wantErr: true},
		{name: "retry-after at the maximum", retryAfter: "30", failures: 1, wantHits: 2, wantWaits: []time.Duration{30 * time.Second}},
		{name: "retry-after above the maximum", retryAfter: "31", failures: 1, wantHits: 1, wantErr: true},
	}
	for _, tt := range tests {
		for _, noWait := range []bool{false, true} {
			name := tt.name + map[bool]string{false: "", true: " no wait"}[noWait]
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				body := serviceJSON(t)
				rec := newRecorder(t, numbered(func(w http.ResponseWriter, _ *http.Request, n int64) {
					if n <= tt.failures {
						if tt.retryAfter != "" {
							w.Header().Set("Retry-After", tt.retryAfter)
						}
						writeJSON(w, http.StatusServiceUnavailable, twilioErrorBody(503, 20503, "busy"))
						return
					}
					writeJSON(w, http.StatusOK, string(body))
				}))
				policy := DefaultRetryPolicy()
				policy.NoWait = noWait
				c, sl := newTestClient(t, rec.srv.URL, WithRetryPolicy(policy))
				_, err := c.Services.Fetch(context.Background(), testServiceSID)
				assert.Equal(t, tt.wantErr, err != nil, "error: %v", err)
				assert.Equal(t, tt.wantHits, rec.hits())
				want := tt.wantWaits
				if noWait && want != nil {
					want = make([]time.Duration, len(tt.wantWaits))
				}
				assert.Equal(t, want, sl.Waits())
			})
		}
	}
}

// TestNoWaitRealClock checks NoWait with the real sleep: a wait of an hour
// would end at once in context.DeadlineExceeded, as the context's deadline
// falls before it, so the call only succeeds if nothing waits.
func TestNoWaitRealClock(t *testing.T) {
	t.Parallel()
	body := serviceJSON(t)
	rec := newRecorder(t, numbered(func(w http.ResponseWriter, _ *http.Request, n int64) {
		if n <= 2 {
			writeJSON(w, http.StatusServiceUnavailable, twilioErrorBody(503, 20503, "busy"))
			return
		}
		writeJSON(w, http.StatusOK, string(body))
	}))
	c, err := NewClient(testAccountSID, testAuthToken, WithBaseURL(rec.srv.URL),
		WithRetryPolicy(RetryPolicy{MaxRetries: 2, BaseDelay: time.Hour, MaxDelay: time.Hour, NoWait: true}))
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	svc, err := c.Services.Fetch(ctx, testServiceSID)
	require.NoError(t, err)
	assert.Equal(t, testServiceSID, svc.SID)
	assert.EqualValues(t, 3, rec.hits())
}
