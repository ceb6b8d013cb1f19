package twiliochat

import (
	"cmp"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat/internal/engine"
)

// Defaults of RetryPolicy, used for its zero fields by WithRetryPolicy.
const (
	// DefaultMaxRetries is how many times a failed request is sent again
	// unless WithMaxRetries or WithRetryPolicy says otherwise.
	DefaultMaxRetries = 2
	// DefaultRetryBaseDelay is the longest wait before the first retry; each
	// further retry doubles it, up to DefaultRetryMaxDelay.
	DefaultRetryBaseDelay = 500 * time.Millisecond
	// DefaultRetryMaxDelay caps the backoff between two tries.
	DefaultRetryMaxDelay = 10 * time.Second
	// DefaultMaxRetryAfter is the longest Retry-After the client waits for.
	DefaultMaxRetryAfter = 30 * time.Second
)

// RetryPolicy says when the Client sends a failed request again and how long
// it waits before it does. Set it with WithRetryPolicy, or only its
// MaxRetries with WithMaxRetries.
//
// A request is retried after an answer of 429 Too Many Requests, 503 Service
// Unavailable or 504 Gateway Timeout, and after a connection error that came
// before any answer. A Create (a POST to a collection, of any resource) is
// not safe to repeat: it is retried only after a 429 or an error that shows
// the request was never sent (a failure to connect). A response whose body
// breaks off is not retried. A Delete whose retry is answered 404 Not Found
// succeeds when an earlier try may have acted (it was answered 503 or 504,
// or not at all): that try most likely deleted it. A 404 to its first try,
// or after tries answered only 429, which Twilio sends without acting, is
// still an error (IsNotFound).
//
// The wait before retry n is random between 0 and BaseDelay·2ⁿ⁻¹, at most
// MaxDelay ("full jitter"). A Retry-After header on the answer, in seconds or
// as an HTTP date, replaces that wait; when it asks for more than
// MaxRetryAfter the client returns the error at once instead of waiting.
// Every wait ends when the request's context is done.
type RetryPolicy struct {
	// MaxRetries is how many times a request is sent again after its first
	// try: 0 never retries. It must not be negative.
	MaxRetries int
	// BaseDelay is the longest wait before the first retry; 0 means
	// DefaultRetryBaseDelay.
	BaseDelay time.Duration
	// MaxDelay caps the backoff between two tries; 0 means
	// DefaultRetryMaxDelay.
	MaxDelay time.Duration
	// MaxRetryAfter is the longest Retry-After the client honours; 0 means
	// DefaultMaxRetryAfter.
	MaxRetryAfter time.Duration
	// NoWait, for tests, makes every wait zero, the backoff and a
	// Retry-After alike, while every decision stays as it would be: the same
	// answers are retried, as many times, and a Retry-After above
	// MaxRetryAfter still ends the retries. A retried call against a local
	// fake then takes microseconds. twiliochattest's Server.NewClient sets
	// it.
	NoWait bool
}

// DefaultRetryPolicy returns the policy a Client uses unless told otherwise:
// 2 retries, backoff from 500 ms capped at 10 s, Retry-After honoured up to
// 30 s.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{
		MaxRetries:    DefaultMaxRetries,
		BaseDelay:     DefaultRetryBaseDelay,
		MaxDelay:      DefaultRetryMaxDelay,
		MaxRetryAfter: DefaultMaxRetryAfter,
	}
}

// WithRetryPolicy makes the Client retry failed requests as p says; zero
// durations in p take their defaults. NewClient returns an error for a
// negative field.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		c.retry = p
		return nil
	}
}

// WithMaxRetries sets how many times the Client sends a failed request again
// (default 2); 0 turns retries off. NewClient returns an error for a
// negative n.
func WithMaxRetries(n int) Option {
	return func(c *config) error {
		c.retry.MaxRetries = n
		return nil
	}
}

// withDefaults returns p with its zero durations set to the defaults, or an
// error naming a negative field.
func (p RetryPolicy) withDefaults() (RetryPolicy, error) {
	switch {
	case p.MaxRetries < 0:
		return p, engine.Invalid("MaxRetries", "%d is negative", p.MaxRetries)
	case p.BaseDelay < 0:
		return p, engine.Invalid("BaseDelay", "%v is negative", p.BaseDelay)
	case p.MaxDelay < 0:
		return p, engine.Invalid("MaxDelay", "%v is negative", p.MaxDelay)
	case p.MaxRetryAfter < 0:
		return p, engine.Invalid("MaxRetryAfter", "%v is negative", p.MaxRetryAfter)
	}
	p.BaseDelay = cmp.Or(p.BaseDelay, DefaultRetryBaseDelay)
	p.MaxDelay = cmp.Or(p.MaxDelay, DefaultRetryMaxDelay)
	p.MaxRetryAfter = cmp.Or(p.MaxRetryAfter, DefaultMaxRetryAfter)
	return p, nil
}

// RetryError is returned when a request was sent more than once and still
// failed. Err is the failure of the last try (an *APIError, a *DecodeError or
// a transport error), so errors.As(err, &apiErr) finds the last answer.
// When the request's context ended the retries (during a wait, during a
// retry, or while the answer of a try that would be retried was being
// handled), ContextErr holds the context's error and errors.Is(err,
// context.DeadlineExceeded) (or context.Canceled) holds as well. A request
// that fails on its first try and is not retried returns its error as it
// is, not a RetryError.
type RetryError struct {
	// Attempts is how many times the request was sent.
	Attempts int
	// Err is the last failure.
	Err error
	// ContextErr is the error of the request's context when it stopped the
	// retries, or nil.
	ContextErr error
}

// Error reports the number of attempts, what stopped them and the last
// failure.
func (e *RetryError) Error() string {
	msg := "twiliochat: gave up after " + strconv.Itoa(e.Attempts) + " attempt"
	if e.Attempts != 1 {
		msg += "s"
	}
	if e.ContextErr != nil {
		msg += " (" + e.ContextErr.Error() + ")"
	}
	return msg + ": " + e.Err.Error()
}

// Unwrap returns the last failure and, when set, the context's error.
func (e *RetryError) Unwrap() []error {
	if e.ContextErr == nil {
		return []error{e.Err}
	}
	return []error{e.Err, e.ContextErr}
}

// retrier carries out a RetryPolicy. Its hooks are replaced in tests so that
// no test sleeps.
type retrier struct {
	policy RetryPolicy
	// sleep waits d, or less when ctx ends first, and returns ctx's error
	// then.
	sleep func(ctx context.Context, d time.Duration) error
	// jitter returns a random duration in [0, ceiling].
	jitter func(ceiling time.Duration) time.Duration
	// now reads the clock, for a Retry-After given as an HTTP date.
	now func() time.Time
}

// newRetrier returns a retrier for p with the real clock and randomness.
func newRetrier(p RetryPolicy) retrier {
	return retrier{policy: p, sleep: sleepContext, jitter: fullJitter, now: time.Now}
}

// run calls try until it succeeds, fails in a way that is not retried, or the
// policy's retries are spent. try returns the response headers when an answer
// arrived, nil when the request failed before one. log, which may be nil,
// hears of each retry and of giving up.
func (rt *retrier) run(ctx context.Context, safe bool, log *callLog, try func() (http.Header, error)) error {
	var last error
	for attempt := 1; ; attempt++ {
		header, err := try()
		if err == nil {
			return nil
		}
		ctxErr := ctx.Err()
		if attempt > 1 && ctxErr != nil {
			// The context ended during a retry, or while its answer was
			// being handled. Say so, with the failure: the answer's, or,
			// when the context cut the try short before an answer, the
			// one that was being retried.
			if header == nil {
				err = last
			}
			return log.gaveUp(ctx, &RetryError{Attempts: attempt, Err: err, ContextErr: ctxErr})
		}
		last = err
		wait, retry := rt.delay(safe, attempt, header, err)
		switch {
		case !retry && attempt == 1:
			return err
		case !retry:
			return log.gaveUp(ctx, &RetryError{Attempts: attempt, Err: err})
		case ctxErr != nil && errors.Is(err, ctxErr):
			// The context cut the first try short: its error says so.
			return err
		case ctxErr != nil:
			// The first answer would be retried, but the context ended
			// while it was being handled.
			return log.gaveUp(ctx, &RetryError{Attempts: attempt, Err: err, ContextErr: ctxErr})
		}
		if rt.policy.NoWait {
			wait = 0
		}
		log.retrying(ctx, attempt, wait, err)
		if err := rt.sleep(ctx, wait); err != nil {
			return log.gaveUp(ctx, &RetryError{Attempts: attempt, Err: last, ContextErr: err})
		}
	}
}

// delay reports whether the failure err of try number attempt is retried, and
// after how long.
func (rt *retrier) delay(safe bool, attempt int, header http.Header, err error) (time.Duration, bool) {
	if attempt > rt.policy.MaxRetries {
		return 0, false
	}
	if header == nil {
		if !(safe && transient(err) || notSent(err)) {
			return 0, false
		}
		return rt.backoff(attempt), true
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !retryStatus(apiErr.Status, safe) {
		return 0, false
	}
	if after, ok := rt.retryAfter(header); ok {
		return after, after <= rt.policy.MaxRetryAfter
	}
	return rt.backoff(attempt), true
}

// retryStatus reports whether an answer with status is retried: 429 always,
// 503 and 504 only when the request is safe to repeat.
func retryStatus(status int, safe bool) bool {
	switch status {
	case http.StatusTooManyRequests:
		return true
	case http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return safe
	}
	return false
}

// backoff is the wait before retry number attempt: full jitter below
// BaseDelay·2^(attempt-1), capped at MaxDelay.
func (rt *retrier) backoff(attempt int) time.Duration {
	ceiling := rt.policy.MaxDelay
	// Compared before the shift, so that the doubling cannot overflow.
	if shift := attempt - 1; shift < 63 && rt.policy.BaseDelay <= ceiling>>shift {
		ceiling = rt.policy.BaseDelay << shift
	}
	return rt.jitter(ceiling)
}

// retryAfter reads a Retry-After header, in seconds or as an HTTP date. A
// date in the past means no wait.
func (rt *retrier) retryAfter(header http.Header) (time.Duration, bool) {
	v := strings.TrimSpace(header.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseUint(v, 10, 32); err == nil {
		return time.Duration(secs) * time.Second, true
	}
	if _, err := strconv.ParseUint(v, 10, 64); err == nil {
		return time.Duration(1<<63 - 1), true // too many seconds to count
	}
	when, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(when.Sub(rt.now()), 0), true
}

// transient reports whether a transport error may pass on a retry: any
// failure before an answer, except a certificate the client rejected.
func transient(err error) bool {
	var (
		verifyErr   *tls.CertificateVerificationError
		unknownAuth x509.UnknownAuthorityError
		hostErr     x509.HostnameError
		invalidCert x509.CertificateInvalidError
	)
	return !errors.As(err, &verifyErr) && !errors.As(err, &unknownAuth) &&
		!errors.As(err, &hostErr) && !errors.As(err, &invalidCert)
}

// notSent reports whether a transport error shows that the request never left
// the client: the connection could not be made.
func notSent(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// sleepContext waits d or until ctx ends, whichever comes first, and returns
// ctx's error in the second case. When ctx's deadline falls before the wait
// is over it returns context.DeadlineExceeded at once instead of waiting in
// vain.
func sleepContext(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < d {
		return context.DeadlineExceeded
	}
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// fullJitter returns a random duration in [0, ceiling].
func fullJitter(ceiling time.Duration) time.Duration {
	if ceiling <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(int64(ceiling) + 1))
}
