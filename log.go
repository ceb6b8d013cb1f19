package twiliochat

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"time"
)

// WithLogger makes the Client log the requests it sends to l:
//
//   - at Debug, one line per attempt ("twiliochat: request"), with the
//     method, the URL path, the attempt number from 1, the status (0 when no
//     answer came), the duration, and the Twilio-Request-Id when the answer
//     had one; a failed attempt adds Twilio's error code, or a short error
//     text when no Twilio error came back;
//   - at Info, each retry ("twiliochat: retrying request"), with the attempt
//     that failed and the wait before the next;
//   - at Warn, a request that was retried and still failed ("twiliochat:
//     giving up on request"), with the number of attempts and the last
//     failure.
//
// A call that fails on its first try without a retry logs only its Debug
// line, and a call stopped by bad input logs nothing, as it sends nothing.
//
// The log never holds a credential, the Authorization header, a form value
// or a query: it names the URL path alone (SIDs, and the unique names and
// identities a path may address resources by), and of an error answer only its status and code, never Twilio's message, which can
// quote the values sent. Without WithLogger, or with a nil l, the Client
// logs nothing.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = l
		return nil
	}
}

// callLog logs the attempts of one request for WithLogger. Its methods do
// nothing on a nil *callLog, the log of a Client without a logger.
type callLog struct {
	logger *slog.Logger
	method string
	// path is the request's URL path, without its query.
	path string
	// redactor blanks the Client's credentials out of text from the server.
	redactor redactor
}

// newCallLog returns the log of req, or nil when the Client has no logger.
func (c *Client) newCallLog(req *http.Request) *callLog {
	if c.logger == nil {
		return nil
	}
	r := c.creds.redactor
	return &callLog{logger: c.logger, method: req.Method, path: r.redact(req.URL.Path), redactor: r}
}

// now reads the clock when there is a log to time the attempt for.
func (l *callLog) now() time.Time {
	if l == nil {
		return time.Time{}
	}
	return time.Now()
}

// attempt logs try number n, started at start, that got resp (nil when no
// answer came) and err.
func (l *callLog) attempt(ctx context.Context, n int, start time.Time, resp *http.Response, err error) {
	if l == nil || !l.logger.Enabled(ctx, slog.LevelDebug) {
		return
	}
	status, id := 0, ""
	if resp != nil {
		status, id = resp.StatusCode, requestID(resp, l.redactor)
	}
	attrs := []slog.Attr{
		slog.String("method", l.method),
		slog.String("path", l.path),
		slog.Int("attempt", n),
		slog.Int("status", status),
		slog.Duration("duration", time.Since(start)),
	}
	if id != "" {
		attrs = append(attrs, slog.String("request_id", id))
	}
	attrs = l.failure(attrs, err, false)
	l.logger.LogAttrs(ctx, slog.LevelDebug, "twiliochat: request", attrs...)
}

// retrying logs that try number n failed with err and is retried after wait.
func (l *callLog) retrying(ctx context.Context, n int, wait time.Duration, err error) {
	if l == nil || !l.logger.Enabled(ctx, slog.LevelInfo) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", l.method),
		slog.String("path", l.path),
		slog.Int("attempt", n),
		slog.Duration("wait", wait),
	}
	attrs = l.failure(attrs, err, true)
	l.logger.LogAttrs(ctx, slog.LevelInfo, "twiliochat: retrying request", attrs...)
}

// gaveUp logs the end of the retries and returns retryErr.
func (l *callLog) gaveUp(ctx context.Context, retryErr *RetryError) error {
	if l == nil || !l.logger.Enabled(ctx, slog.LevelWarn) {
		return retryErr
	}
	attrs := []slog.Attr{
		slog.String("method", l.method),
		slog.String("path", l.path),
		slog.Int("attempts", retryErr.Attempts),
	}
	attrs = l.failure(attrs, retryErr.Err, true)
	if retryErr.ContextErr != nil {
		attrs = append(attrs, slog.String("context", retryErr.ContextErr.Error()))
	}
	l.logger.LogAttrs(ctx, slog.LevelWarn, "twiliochat: giving up on request", attrs...)
	return retryErr
}

// failure appends to attrs what may be logged of err: of an *APIError its
// code, and its status when withStatus is set, of any other failure a short
// text without the request's URL. It appends nothing for a nil err.
func (l *callLog) failure(attrs []slog.Attr, err error, withStatus bool) []slog.Attr {
	var (
		apiErr *APIError
		decErr *DecodeError
		urlErr *url.Error
	)
	switch {
	case err == nil:
		return attrs
	case errors.As(err, &apiErr):
		if withStatus {
			attrs = append(attrs, slog.Int("status", apiErr.Status))
		}
		if apiErr.Code != 0 {
			attrs = append(attrs, slog.Int("code", apiErr.Code))
		}
		return attrs
	case errors.Is(err, ErrResponseTooLarge):
		return append(attrs, slog.String("error", "response body too large"))
	case errors.As(err, &decErr):
		return append(attrs, slog.String("error", "response body is not the expected JSON"))
	case errors.As(err, &urlErr):
		// Its own text names the URL, query included: keep the cause.
		err = urlErr.Err
	}
	return append(attrs, slog.String("error", l.redactor.excerpt(err.Error())))
}
