package twiliochat

import (
	"context"
	"net/http"
	"sync"
)

// ResponseInfo is what a ResponseRecorder keeps of one try of a request.
// It holds no credential.
type ResponseInfo struct {
	// Status is the HTTP status of the answer, or 0 when the try failed
	// before an answer arrived (a connection error, the context's end).
	Status int
	// RequestID is the answer's Twilio-Request-Id header, as
	// APIError.RequestID reads it, or "" when there was none.
	RequestID string
	// Attempt is which try of its request this was, counted from 1: above 1
	// after retries.
	Attempt int
}

// ResponseRecorder keeps the Twilio-Request-Id and HTTP status of the last
// answer the Client got for a context from WithResponseRecorder, so that a
// caller can log the request ID of a successful call, which the methods do
// not return. Its zero value is ready to use, and it is safe for concurrent
// use: when several calls share the context, the try that completed last
// wins. Read it with Last.
type ResponseRecorder struct {
	mu   sync.Mutex
	last ResponseInfo
}

// Last returns what the recorder kept of the last try that completed: after
// a retried call, its last try; after each page of a List, that page's; the
// zero ResponseInfo before any.
func (r *ResponseRecorder) Last() ResponseInfo {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last
}

// responseRecorderKey is the context key of WithResponseRecorder.
type responseRecorderKey struct{}

// WithResponseRecorder returns a copy of ctx that makes every call given it,
// or a context derived from it, record each try's answer in rec after it
// completes, error answers included. A nil rec, or a nil ctx, returns ctx as
// it is.
func WithResponseRecorder(ctx context.Context, rec *ResponseRecorder) context.Context {
	if ctx == nil || rec == nil {
		return ctx
	}
	return context.WithValue(ctx, responseRecorderKey{}, rec)
}

// responseRecorderFrom returns the ResponseRecorder of ctx, or nil.
func responseRecorderFrom(ctx context.Context) *ResponseRecorder {
	rec, _ := ctx.Value(responseRecorderKey{}).(*ResponseRecorder)
	return rec
}

// record keeps resp, the answer to try attempt, or nil when none arrived;
// red blanks the credentials out of the request ID. A nil r records
// nothing.
func (r *ResponseRecorder) record(attempt int, resp *http.Response, red redactor) {
	if r == nil {
		return
	}
	info := ResponseInfo{Attempt: attempt}
	if resp != nil {
		info.Status, info.RequestID = resp.StatusCode, requestID(resp, red)
	}
	r.mu.Lock()
	r.last = info
	r.mu.Unlock()
}
