package twiliochat

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewClientRetryPolicy(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		opts    []Option
		want    RetryPolicy
		wantErr string
	}{
		{name: "default", want: DefaultRetryPolicy()},
		{name: "max retries", opts: []Option{WithMaxRetries(5)}, want: RetryPolicy{MaxRetries: 5, BaseDelay: 500 * time.Millisecond, MaxDelay: 10 * time.Second, MaxRetryAfter: 30 * time.Second}},
		{name: "zero disables", opts: []Option{WithMaxRetries(0)}, want: RetryPolicy{MaxRetries: 0, BaseDelay: 500 * time.Millisecond, MaxDelay: 10 * time.Second, MaxRetryAfter: 30 * time.Second}},
		{name: "policy zero durations take defaults", opts: []Option{WithRetryPolicy(RetryPolicy{MaxRetries: 1})}, want: RetryPolicy{MaxRetries: 1, BaseDelay: 500 * time.Millisecond, MaxDelay: 10 * time.Second, MaxRetryAfter: 30 * time.Second}},
		{name: "policy in full", opts: []Option{WithRetryPolicy(RetryPolicy{MaxRetries: 4, BaseDelay: time.Second, MaxDelay: time.Minute, MaxRetryAfter: 2 * time.Minute})}, want: RetryPolicy{MaxRetries: 4, BaseDelay: time.Second, MaxDelay: time.Minute, MaxRetryAfter: 2 * time.Minute}},
		{name: "max retries after policy", opts: []Option{WithRetryPolicy(RetryPolicy{MaxRetries: 4, BaseDelay: time.Second}), WithMaxRetries(1)}, want: RetryPolicy{MaxRetries: 1, BaseDelay: time.Second, MaxDelay: 10 * time.Second, MaxRetryAfter: 30 * time.Second}},
		{name: "policy after max retries", opts: []Option{WithMaxRetries(7), WithRetryPolicy(RetryPolicy{})}, want: RetryPolicy{MaxRetries: 0, BaseDelay: 500 * time.Millisecond, MaxDelay: 10 * time.Second, MaxRetryAfter: 30 * time.Second}},
		{name: "no wait keeps the defaults", opts: []Option{WithRetryPolicy(RetryPolicy{MaxRetries: 2, NoWait: true})}, want: RetryPolicy{MaxRetries: 2, BaseDelay: 500 * time.Millisecond, MaxDelay: 10 * time.Second, MaxRetryAfter: 30 * time.Second, NoWait: true}},
		{name: "negative max retries", opts: []Option{WithMaxRetries(-1)}, wantErr: "twiliochat: retry policy: MaxRetries -1 is negative"},
		{name: "negative in policy", opts: []Option{WithRetryPolicy(RetryPolicy{MaxRetries: -3})}, wantErr: "twiliochat: retry policy: MaxRetries -3 is negative"},
		{name: "negative base delay", opts: []Option{WithRetryPolicy(RetryPolicy{BaseDelay: -time.Second})}, wantErr: "twiliochat: retry policy: negative duration"},
		{name: "negative max delay", opts: []Option{WithRetryPolicy(RetryPolicy{MaxDelay: -1})}, wantErr: "twiliochat: retry policy: negative duration"},
		{name: "negative max retry-after", opts: []Option{WithRetryPolicy(RetryPolicy{MaxRetryAfter: -1})}, wantErr: "twiliochat: retry policy: negative duration"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := NewClient(testAccountSID, testAuthToken, tc.opts...)
			if tc.wantErr != "" {
				require.EqualError(t, err, tc.wantErr)
				assert.Nil(t, c)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.retry.policy)
		})
	}
}

func TestBackoff(t *testing.T) {
	t.Parallel()
	rt := newRetrier(DefaultRetryPolicy())
	rt.jitter = func(d time.Duration) time.Duration { return d }
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second}
	for i, w := range want {
		assert.Equal(t, w, rt.backoff(i+1), "retry %d", i+1)
	}
	for _, attempt := range []int{31, 32, 33, 64, 1000} {
		assert.Equal(t, 10*time.Second, rt.backoff(attempt), "retry %d", attempt)
	}

	// A base delay whose doubling overflows int64 still waits the cap.
	long := newRetrier(RetryPolicy{MaxRetries: 40, BaseDelay: 1<<33 + 1, MaxDelay: time.Minute})
	long.jitter = func(d time.Duration) time.Duration { return d }
	for _, attempt := range []int{4, 31, 32, 33, 40} {
		assert.Equal(t, time.Minute, long.backoff(attempt), "retry %d", attempt)
	}
	assert.Equal(t, time.Duration(1<<33+1), long.backoff(1))

	// The jitter is given the ceiling and its answer is the wait.
	var got []time.Duration
	rt.jitter = func(d time.Duration) time.Duration { got = append(got, d); return d / 4 }
	assert.Equal(t, 125*time.Millisecond, rt.backoff(1))
	assert.Equal(t, 2500*time.Millisecond, rt.backoff(9))
	assert.Equal(t, []time.Duration{500 * time.Millisecond, 10 * time.Second}, got)
}

func TestFullJitter(t *testing.T) {
	t.Parallel()
	assert.Zero(t, fullJitter(0))
	assert.Zero(t, fullJitter(-time.Second))
	const ceiling = 3 * time.Nanosecond
	seen := map[time.Duration]bool{}
	for range 1000 {
		d := fullJitter(ceiling)
		require.GreaterOrEqual(t, d, time.Duration(0))
		require.LessOrEqual(t, d, ceiling)
		seen[d] = true
	}
	// Full jitter spreads over the whole range, both ends included.
	assert.Len(t, seen, 4)
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	rt := newRetrier(DefaultRetryPolicy())
	rt.now = func() time.Time { return testNow }
	tests := []struct {
		value  string
		want   time.Duration
		wantOK bool
	}{
		{"1", time.Second, true},
		{"0", 0, true},
		{" 7 ", 7 * time.Second, true},
		{"120", 2 * time.Minute, true},
		{"99999999999999999999", 0, false}, // not a uint64: ignored
		{"9999999999999", 1<<63 - 1, true},
		{testNow.Add(3 * time.Second).Format(http.TimeFormat), 3 * time.Second, true},
		{testNow.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{testNow.Add(2 * time.Second).Format(time.RFC850), 2 * time.Second, true},
		{"", 0, false},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
	}
	for _, tc := range tests {
		h := http.Header{}
		if tc.value != "" {
			h.Set("Retry-After", tc.value)
		}
		got, ok := rt.retryAfter(h)
		assert.Equal(t, tc.wantOK, ok, "Retry-After %q", tc.value)
		if tc.wantOK {
			assert.Equal(t, tc.want, got, "Retry-After %q", tc.value)
		}
	}
}

func TestRequestRepeatable(t *testing.T) {
	t.Parallel()
	const (
		svc  = "/v2/Services/" + testServiceSID
		role = svc + "/Roles/RLbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	)
	tests := []struct {
		name string
		r    request
		want bool
	}{
		{"GET collection", request{method: http.MethodGet, target: "/v2/Services?PageSize=50"}, true},
		{"GET next page URL", request{method: http.MethodGet, target: "https://chat.twilio.com/v2/Services?Page=1"}, true},
		{"DELETE", request{method: http.MethodDelete, target: svc}, true},
		{"PUT", request{method: http.MethodPut, target: "/v2/Services"}, true},
		{"POST instance (Update)", request{method: http.MethodPost, target: svc}, true},
		{"POST instance with query", request{method: http.MethodPost, target: svc + "?x=1"}, true},
		{"POST instance with a slash in the query", request{method: http.MethodPost, target: svc + "?next=/v2/Services"}, true},
		{"POST collection with a SID in the query", request{method: http.MethodPost, target: "/v2/Services?x=/" + testServiceSID}, false},
		{"POST absolute instance URL", request{method: http.MethodPost, target: "https://chat.twilio.com" + role}, true},
		{"POST nested instance", request{method: http.MethodPost, target: role}, true},
		{"POST collection (Create)", request{method: http.MethodPost, target: "/v2/Services"}, false},
		{"POST collection trailing slash", request{method: http.MethodPost, target: "/v2/Services/"}, false},
		{"POST nested collection", request{method: http.MethodPost, target: svc + "/Roles"}, false},
		{"POST lower-case prefix", request{method: http.MethodPost, target: "/v2/Services/is" + testServiceSID[2:]}, false},
		{"POST 34 chars not a SID", request{method: http.MethodPost, target: "/v2/Services/ISzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}, false},
		{"POST empty target", request{method: http.MethodPost}, false},
		{"PATCH collection", request{method: http.MethodPatch, target: "/v2/Services"}, false},
		// The targets the operations send to.
		{"Services.Create", request{method: http.MethodPost, target: servicesPath}, false},
		{"Services.Update", request{method: http.MethodPost, target: servicePath(testServiceSID)}, true},
		{"Roles.Create", request{method: http.MethodPost, target: rolesPath(testServiceSID)}, false},
		{"Roles.Update", request{method: http.MethodPost, target: rolePath(testServiceSID, testRoleSID)}, true},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.r.repeatable(), tc.name)
	}
}

func TestSleepContext(t *testing.T) {
	t.Parallel()
	t.Run("zero wait", func(t *testing.T) {
		t.Parallel()
		assert.NoError(t, sleepContext(context.Background(), 0))
	})
	t.Run("wait ends", func(t *testing.T) {
		t.Parallel()
		assert.NoError(t, sleepContext(context.Background(), time.Millisecond))
	})
	t.Run("done context", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		assert.ErrorIs(t, sleepContext(ctx, 0), context.Canceled)
		assert.ErrorIs(t, sleepContext(ctx, time.Hour), context.Canceled)
	})
	t.Run("cancel during the wait", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error)
		go func() { done <- sleepContext(ctx, time.Hour) }()
		cancel()
		assert.ErrorIs(t, <-done, context.Canceled)
	})
	t.Run("deadline before the wait ends", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
		defer cancel()
		start := time.Now()
		assert.ErrorIs(t, sleepContext(ctx, 2*time.Hour), context.DeadlineExceeded)
		assert.Less(t, time.Since(start), time.Second, "returned without waiting")
	})
}

func TestRetryErrorMessage(t *testing.T) {
	t.Parallel()
	apiErr := &APIError{Status: 503, Message: "down"}
	tests := []struct {
		err  *RetryError
		want string
	}{
		{&RetryError{Attempts: 3, Err: apiErr}, "twiliochat: gave up after 3 attempts: twiliochat: 503 Service Unavailable: down"},
		{&RetryError{Attempts: 1, Err: apiErr, ContextErr: context.Canceled}, "twiliochat: gave up after 1 attempt (context canceled): twiliochat: 503 Service Unavailable: down"},
	}
	for _, tc := range tests {
		assert.EqualError(t, tc.err, tc.want)
		var got *APIError
		require.ErrorAs(t, tc.err, &got)
		assert.Same(t, apiErr, got)
		assert.Equal(t, tc.err.ContextErr != nil, errors.Is(tc.err, context.Canceled))
	}
}

// TestRetriesPerStatus sends Update and a Create-like POST to the collection
// against a server that answers status once and then 200, and counts the
// requests.
func TestRetriesPerStatus(t *testing.T) {
	t.Parallel()
	for _, status := range []int{400, 401, 403, 404, 409, 429, 500, 501, 502, 503, 504} {
		for _, create := range []bool{false, true} {
			wantRetry := status == 429 || !create && (status == 503 || status == 504)
			name := strconv.Itoa(status) + map[bool]string{false: " update", true: " create"}[create]
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				body := serviceJSON(t)
				rec := newRecorder(t, numbered(func(w http.ResponseWriter, _ *http.Request, n int64) {
					if n == 1 {
						writeJSON(w, status, twilioErrorBody(status, 20000+status, "try later"))
						return
					}
					writeJSON(w, http.StatusOK, string(body))
				}))
				c, sl := newTestClient(t, rec.srv.URL)
				r := &request{method: http.MethodPost, target: servicePath(testServiceSID), out: new(Service)}
				if create {
					r.target = "/v2/Services"
				}
				err := c.do(context.Background(), r)
				if !wantRetry {
					var apiErr *APIError
					require.ErrorAs(t, err, &apiErr)
					assert.IsType(t, &APIError{}, err, "a failure that is not retried stays a plain *APIError")
					assert.Equal(t, status, apiErr.Status)
					assert.Equal(t, 20000+status, apiErr.Code)
					assert.EqualValues(t, 1, rec.hits())
					assert.Empty(t, sl.Waits())
					return
				}
				require.NoError(t, err)
				assert.Equal(t, testServiceSID, r.out.(*Service).SID)
				assert.EqualValues(t, 2, rec.hits())
				assert.Equal(t, []time.Duration{500 * time.Millisecond}, sl.Waits())
			})
		}
	}
}
