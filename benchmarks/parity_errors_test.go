package benchmarks

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	twilioclient "github.com/twilio/twilio-go/client"
)

// TestParityErrors answers a call through both clients, of Chat and of
// Conversations, with an error and compares the errors: twiliochat's
// *APIError must carry what twilio-go's *TwilioRestError carries. A body that is not Twilio's JSON error (a
// proxy's HTML page) is where the two part on purpose: twilio-go returns an
// untyped error, twiliochat an *APIError with the status.
func TestParityErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		status int
		body   string
		// notJSON is set for a body twilio-go cannot decode.
		notJSON bool
	}{
		{name: "not found", status: http.StatusNotFound,
			body: `{"code": 20404, "message": "The requested resource /Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Users/USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}`},
		{name: "details", status: http.StatusBadRequest,
			body: `{"code": 50201, "message": "Invalid attributes\nline 2", "more_info": "https://www.twilio.com/docs/errors/50201", "status": 400, "details": {"field": "Attributes", "n": 1}}`},
		{name: "conflict", status: http.StatusConflict,
			body: `{"code": 50201, "message": "User already exists", "more_info": "https://www.twilio.com/docs/errors/50201", "status": 409}`},
		{name: "proxy page", status: http.StatusForbidden, notJSON: true,
			body: `<html><body><h1>403 Forbidden</h1></body></html>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			}))
			t.Cleanup(srv.Close)
			for _, api := range []struct {
				name         string
				ours, theirs func(t *testing.T, baseURL string) error
			}{
				{name: "chat",
					ours: func(t *testing.T, baseURL string) error {
						_, err := newParityTwilioChat(t, baseURL).Users.Fetch(context.Background(), exService, exUser)
						return err
					},
					theirs: func(t *testing.T, baseURL string) error {
						_, err := newTwilioGoChat(t, baseURL).FetchUser(exService, exUser)
						return err
					}},
				{name: "conversations",
					ours: func(t *testing.T, baseURL string) error {
						_, err := conversations.New(newParityTwilioChat(t, baseURL)).Users.Fetch(context.Background(), exUser)
						return err
					},
					theirs: func(t *testing.T, baseURL string) error {
						_, err := newTwilioGoRest(t, baseURL).ConversationsV1.FetchUser(exUser)
						return err
					}},
			} {
				t.Run(api.name, func(t *testing.T) {
					compareErrors(t, tc.status, tc.notJSON, api.ours(t, srv.URL), api.theirs(t, srv.URL))
				})
			}
		})
	}
}

// compareErrors compares the error twiliochat returned (ourErr) with
// twilio-go's (theirErr) for an answer of status; notJSON is set for a body
// twilio-go cannot decode.
func compareErrors(t *testing.T, status int, notJSON bool, ourErr, theirErr error) {
	t.Helper()
	var ours *twiliochat.APIError
	require.ErrorAs(t, ourErr, &ours)
	require.Error(t, theirErr)
	var theirs *twilioclient.TwilioRestError
	if notJSON {
		assert.False(t, errors.As(theirErr, &theirs), "twilio-go decoded %T", theirErr)
		assert.Contains(t, theirErr.Error(), "error decoding the response for an HTTP error code: 403")
		assert.Equal(t, status, ours.Status)
		assert.Zero(t, ours.Code)
		assert.Contains(t, ours.Message, "403 Forbidden")
		return
	}
	require.ErrorAs(t, theirErr, &theirs)
	assert.Equal(t, theirs.Status, ours.Status, "status")
	assert.Equal(t, theirs.Code, ours.Code, "code")
	assert.Equal(t, theirs.Message, ours.RawMessage, "message")
	assert.Equal(t, theirs.MoreInfo, ours.MoreInfo, "more_info")
	assert.Equal(t, theirs.Details, ours.Details, "details")
}
