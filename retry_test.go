package twiliochat

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/internal/engine"
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
		{name: "negative max retries", opts: []Option{WithMaxRetries(-1)}, wantErr: "twiliochat: invalid MaxRetries: -1 is negative"},
		{name: "negative in policy", opts: []Option{WithRetryPolicy(RetryPolicy{MaxRetries: -3})}, wantErr: "twiliochat: invalid MaxRetries: -3 is negative"},
		{name: "negative base delay", opts: []Option{WithRetryPolicy(RetryPolicy{BaseDelay: -time.Second})}, wantErr: "twiliochat: invalid BaseDelay: -1s is negative"},
		{name: "negative max delay", opts: []Option{WithRetryPolicy(RetryPolicy{MaxDelay: -1})}, wantErr: "twiliochat: invalid MaxDelay: -1ns is negative"},
		{name: "negative max retry-after", opts: []Option{WithRetryPolicy(RetryPolicy{MaxRetryAfter: -1})}, wantErr: "twiliochat: invalid MaxRetryAfter: -1ns is negative"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := NewClient(testAccountSID, testAuthToken, tc.opts...)
			if tc.wantErr != "" {
				require.EqualError(t, err, tc.wantErr)
				assert.True(t, IsValidation(err))
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
				r := &engine.Request{Method: http.MethodPost, Target: "/v2/Services/" + testServiceSID, Creates: create, Out: new(Service)}
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
				assert.Equal(t, testServiceSID, r.Out.(*Service).SID)
				assert.EqualValues(t, 2, rec.hits())
				assert.Equal(t, []time.Duration{500 * time.Millisecond}, sl.Waits())
			})
		}
	}
}

// TestRetryStoppedByContext ends the context during a try, at each point of
// it, and wants a *RetryError that says so (ContextErr, errors.Is) and wraps
// the failure that try ended with, or, when it ended before an answer, the
// one that was being retried; or, when the first try was cut short, that
// try's error as it is.
func TestRetryStoppedByContext(t *testing.T) {
	t.Parallel()
	unavailable := &APIError{Status: http.StatusServiceUnavailable, Code: 20503}
	answered := http.Header{"Twilio-Request-Id": {testRequestID}}
	tests := []struct {
		name string
		// first, when set, replaces the first try, a 503; second is the
		// second try. end ends the context with wantCtxErr.
		first, second func(end func()) (http.Header, error)
		wantTries     int
		// asItIs wants the error of the try, not a *RetryError.
		asItIs     bool
		wantErr    func(t *testing.T, err error)
		wantCtxErr error
	}{{
		name: "canceled while the first answer is handled",
		first: func(end func()) (http.Header, error) {
			end()
			return answered, unavailable
		},
		wantTries:  1,
		wantCtxErr: context.Canceled,
		wantErr: func(t *testing.T, err error) {
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Same(t, unavailable, apiErr)
		},
	}, {
		name: "first try cut short before an answer",
		first: func(end func()) (http.Header, error) {
			end()
			return nil, fmt.Errorf("get: %w", context.Canceled)
		},
		wantTries:  1,
		wantCtxErr: context.Canceled,
		asItIs:     true,
		wantErr: func(t *testing.T, err error) {
			assert.EqualError(t, err, "get: context canceled")
		},
	}, {
		name: "canceled while the answer is handled",
		second: func(end func()) (http.Header, error) {
			end()
			return answered, &APIError{Status: http.StatusServiceUnavailable, Code: 20504}
		},
		wantCtxErr: context.Canceled,
		wantErr: func(t *testing.T, err error) {
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, 20504, apiErr.Code, "the second answer")
		},
	}, {
		name: "canceled while the answer's body is read",
		second: func(end func()) (http.Header, error) {
			end()
			return answered, &DecodeError{Status: http.StatusOK, Err: context.Canceled}
		},
		wantCtxErr: context.Canceled,
		wantErr: func(t *testing.T, err error) {
			var decErr *DecodeError
			require.ErrorAs(t, err, &decErr)
		},
	}, {
		name: "deadline while the answer is handled",
		second: func(end func()) (http.Header, error) {
			end()
			return answered, &APIError{Status: http.StatusTooManyRequests}
		},
		wantCtxErr: context.DeadlineExceeded,
		wantErr: func(t *testing.T, err error) {
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, http.StatusTooManyRequests, apiErr.Status)
		},
	}, {
		name: "canceled before an answer",
		second: func(end func()) (http.Header, error) {
			end()
			return nil, context.Canceled
		},
		wantCtxErr: context.Canceled,
		wantErr: func(t *testing.T, err error) {
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Same(t, unavailable, apiErr, "the failure being retried")
		},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := &endingContext{Context: context.Background(), done: make(chan struct{})}
			end := func() { ctx.end(tc.wantCtxErr) }
			rt := newRetrier(DefaultRetryPolicy())
			rt.sleep = func(context.Context, time.Duration) error { return nil }
			rt.jitter = func(d time.Duration) time.Duration { return d }
			tries := 0
			err := rt.run(ctx, true, nil, func() (http.Header, error) {
				switch tries++; {
				case tries == 1 && tc.first != nil:
					return tc.first(end)
				case tries == 1:
					return answered, unavailable
				}
				return tc.second(end)
			})
			wantTries := cmp.Or(tc.wantTries, 2)
			assert.Equal(t, wantTries, tries)
			assert.ErrorIs(t, err, tc.wantCtxErr)
			tc.wantErr(t, err)
			var retryErr *RetryError
			if tc.asItIs {
				assert.False(t, errors.As(err, &retryErr))
				return
			}
			require.ErrorAs(t, err, &retryErr)
			assert.Equal(t, wantTries, retryErr.Attempts)
			assert.Equal(t, tc.wantCtxErr, retryErr.ContextErr)
		})
	}
}

// endingContext is a context that ends, with the error of our choice
// (context.DeadlineExceeded without waiting for a clock), when end is
// called.
type endingContext struct {
	context.Context
	once sync.Once
	done chan struct{}
	mu   sync.Mutex
	err  error
}

func (c *endingContext) end(err error) {
	c.once.Do(func() {
		c.mu.Lock()
		c.err = err
		c.mu.Unlock()
		close(c.done)
	})
}

func (c *endingContext) Done() <-chan struct{} { return c.done }

func (c *endingContext) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// TestBackoffBelowAnOddCap checks that a doubled base delay that falls just
// below MaxDelay is the ceiling, not MaxDelay: the cap applies only above it.
func TestBackoffBelowAnOddCap(t *testing.T) {
	t.Parallel()
	rt := newRetrier(RetryPolicy{MaxRetries: 3, BaseDelay: 500, MaxDelay: 1001})
	rt.jitter = func(d time.Duration) time.Duration { return d }
	assert.Equal(t, []time.Duration{500, 1000, 1001}, []time.Duration{rt.backoff(1), rt.backoff(2), rt.backoff(3)})
}
