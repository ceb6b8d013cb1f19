package twiliochat

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestErrorHelpers checks IsNotFound, IsRateLimited, IsValidation and
// IsAlreadyExists on each kind of error a call returns, bare, wrapped,
// joined and inside a *RetryError.
func TestErrorHelpers(t *testing.T) {
	t.Parallel()
	notFound := &APIError{Status: http.StatusNotFound, Code: 20404}
	rateLimited := &APIError{Status: http.StatusTooManyRequests, Code: 20429}
	invalid := &ValidationError{Field: "Sid", Reason: "is not IS followed by 32 hex digits"}
	type want struct{ notFound, rateLimited, validation, alreadyExists bool }
	tests := []struct {
		name string
		err  error
		want want
	}{
		{"nil", nil, want{}},
		{"plain error", errors.New("404 429"), want{}},
		{"context error", context.DeadlineExceeded, want{}},
		{"404", notFound, want{notFound: true}},
		{"code 20404 only", &APIError{Status: http.StatusBadRequest, Code: 20404}, want{notFound: true}},
		{"404 wrapped", fmt.Errorf("fetch: %w", notFound), want{notFound: true}},
		{"404 after a retried 503", &RetryError{Attempts: 2, Err: notFound}, want{notFound: true}},
		{"429", rateLimited, want{rateLimited: true}},
		{"429 without a code", &APIError{Status: http.StatusTooManyRequests}, want{rateLimited: true}},
		{"code 20429 only", &APIError{Status: http.StatusServiceUnavailable, Code: 20429}, want{rateLimited: true}},
		{"429 after the retries", &RetryError{Attempts: 3, Err: rateLimited}, want{rateLimited: true}},
		{"429 when the context ended the wait", &RetryError{Attempts: 1, Err: rateLimited, ContextErr: context.Canceled}, want{rateLimited: true}},
		{"429 wrapped around a RetryError", fmt.Errorf("sync: %w", &RetryError{Attempts: 3, Err: rateLimited}), want{rateLimited: true}},
		{"503", &APIError{Status: http.StatusServiceUnavailable, Code: 20503}, want{}},
		{"500", &APIError{Status: http.StatusInternalServerError}, want{}},
		{"decode error", &DecodeError{Status: http.StatusOK, Err: errors.New("unexpected EOF")}, want{}},
		{"validation", invalid, want{validation: true}},
		{"validation wrapped", fmt.Errorf("rename: %w", invalid), want{validation: true}},
		{"validation joined", errors.Join(invalid, &ValidationError{Field: "FriendlyName", Reason: "empty"}), want{validation: true}},
		{"retry error of a 503", &RetryError{Attempts: 3, Err: &APIError{Status: http.StatusServiceUnavailable}}, want{}},
		{"user identity taken", &APIError{Status: http.StatusConflict, Code: 50201}, want{alreadyExists: true}},
		{"user already invited", &APIError{Status: http.StatusConflict, Code: 50212}, want{alreadyExists: true}},
		{"channel unique name taken", &APIError{Status: http.StatusConflict, Code: 50307}, want{alreadyExists: true}},
		{"member identity taken", &APIError{Status: http.StatusConflict, Code: 50404}, want{alreadyExists: true}},
		{"unique name taken, wrapped", fmt.Errorf("find or create: %w", &APIError{Status: http.StatusConflict, Code: 50307}), want{alreadyExists: true}},
		{"member taken after a retried 429", &RetryError{Attempts: 2, Err: &APIError{Status: http.StatusConflict, Code: 50404}}, want{alreadyExists: true}},
		{"user taken, joined", errors.Join(errors.New("other"), &APIError{Status: http.StatusConflict, Code: 50201}), want{alreadyExists: true}},
		{"409 without a code", &APIError{Status: http.StatusConflict}, want{}},
		{"409 with another code", &APIError{Status: http.StatusConflict, Code: 50300}, want{}},
		{"unique name looks like a SID", &APIError{Status: http.StatusBadRequest, Code: 50306}, want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := want{IsNotFound(tt.err), IsRateLimited(tt.err), IsValidation(tt.err), IsAlreadyExists(tt.err)}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestErrorHelpersOnTheWire checks the helpers on the errors real calls
// return: a 429 that outlasts the retries, a 404, and bad input that sends
// nothing.
func TestErrorHelpersOnTheWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		status      int
		code        int
		sid         string
		wantHits    int64
		rateLimited bool
		notFound    bool
		validation  bool
	}{
		{name: "429 three times", status: http.StatusTooManyRequests, code: 20429, sid: testServiceSID, wantHits: 3, rateLimited: true},
		{name: "404", status: http.StatusNotFound, code: 20404, sid: testServiceSID, wantHits: 1, notFound: true},
		{name: "bad SID", sid: "IS123", wantHits: 0, validation: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, respondJSON(tt.status, twilioErrorBody(tt.status, tt.code, http.StatusText(tt.status))))
			_, err := rec.client(t).Services.Fetch(context.Background(), tt.sid)
			require.Error(t, err)
			assert.Equal(t, tt.rateLimited, IsRateLimited(err), "IsRateLimited(%v)", err)
			assert.Equal(t, tt.notFound, IsNotFound(err), "IsNotFound(%v)", err)
			assert.Equal(t, tt.validation, IsValidation(err), "IsValidation(%v)", err)
			assert.Equal(t, tt.wantHits, rec.hits())
		})
	}
}
