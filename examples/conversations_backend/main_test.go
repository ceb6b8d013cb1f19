package main

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// TestRunAgainstFake runs the example as a newcomer would, with no account
// configured, and checks each step it prints.
func TestRunAgainstFake(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	var out bytes.Buffer
	require.NoError(t, run(&out, options{tag: "demo"}))
	got := out.String()
	for _, want := range []string{
		"TWILIO_ACCOUNT_SID is not set: using the in-process twiliochattest fake at http://127.0.0.1:",
		" alice-demo\n", " bob-demo\n",
		`"support-demo" (active) in IS`,
		` {"priority":"high","ticket":4217}` + "\n",
		"3. participant   MB",
		" alice-demo (chat)\n", " bob-demo (chat)\n",
		" +15555550100 (sms through +15555550199, Messaging Service MG",
		`#0 from alice-demo: "Where is my invoice?" {"priority":"high","ticket":4217}`,
		`#1 from bob-demo: "Sent again just now."`,
		`#0: "Where is my invoice for ticket 4217?"`,
		"6. messages, newest first:\n" +
			`   #1 bob-demo: "Sent again just now."` + "\n" +
			`   #0 alice-demo: "Where is my invoice for ticket 4217?" [ticket 4217, high priority]` + "\n",
		`"support-demo": nothing read yet` + "\n",
		"8. marked read   read up to #1, 0 unread\n",
		`"support-demo" (closed)` + "\n",
		"10. cleanup\n" +
			"   deleted conversation support-demo (its participants and messages with it)\n" +
			"   deleted user bob-demo\n" +
			"   deleted user alice-demo\n",
	} {
		assert.Contains(t, got, want)
	}
	assert.Regexp(t, `timers: inactive at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, closed at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ`, got)
	assert.Regexp(t, `7\. alice-demo is in CH[0-9a-f]{32} "support-demo" \(active\) as MB[0-9a-f]{32}`, got)
	assert.Regexp(t, `7\. \+15555550100 is in CH[0-9a-f]{32} "support-demo" \(active\) as MB[0-9a-f]{32}`, got)
	assert.NotContains(t, got, "could not")
}

// TestRunChecksBeforeAnyRequest checks that a malformed account, -sms
// without -proxy or -proxy without -sms on a real account, or a malformed
// -service fail before anything is created.
func TestRunChecksBeforeAnyRequest(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "AC123")
	t.Setenv("TWILIO_AUTH_TOKEN", "token")
	var out bytes.Buffer
	assert.EqualError(t, run(&out, options{tag: "demo", sms: "+15555550100"}), "-proxy is required with -sms")
	assert.EqualError(t, run(&out, options{tag: "demo", proxy: "+15555550199"}), "-sms is required with -proxy")

	err := run(&out, options{tag: "demo"})
	var vErr *twiliochat.ValidationError
	require.ErrorAs(t, err, &vErr)
	assert.Equal(t, "TWILIO_ACCOUNT_SID", vErr.Field)
	assert.Empty(t, out.String())

	t.Setenv("TWILIO_ACCOUNT_SID", "")
	err = run(&out, options{tag: "demo", service: "support"})
	require.ErrorAs(t, err, &vErr)
	assert.Equal(t, "ChatServiceSid", vErr.Field)
	assert.NotContains(t, out.String(), "1. user")
	assert.NotContains(t, out.String(), "deleted")
}

// TestBackendInANamedService runs the steps in a Service given by -service,
// and checks that what they create is there, not in the default one.
func TestBackendInANamedService(t *testing.T) {
	t.Parallel()
	srv := twiliochattest.New(t)
	conv := srv.NewConversationsClient()
	serviceSID, err := srv.SeedService("support")
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, backend(context.Background(), &out, apiOf(conv, serviceSID), options{tag: "demo"}))
	assert.Contains(t, out.String(), `"support-demo" (active) in `+serviceSID)
	assert.NotContains(t, out.String(), "sms", "no SMS participant without -sms")
	requests := srv.Requests()
	require.NotEmpty(t, requests)
	for _, r := range requests {
		assert.True(t, strings.HasPrefix(r.Path, "/v1/Services/"+serviceSID+"/"), "%s %s is not in the Service", r.Method, r.Path)
	}
}

// TestBackendCleansUpAfterAFailure fails one step at a time, and a delete
// of the cleanup, and checks that what the run created is deleted all the
// same, and that a User it did not create stays.
func TestBackendCleansUpAfterAFailure(t *testing.T) {
	t.Parallel()
	deletedAll := []string{"deleted conversation support-demo", "deleted user bob-demo", "deleted user alice-demo"}
	tests := []struct {
		name string
		// The first request of route answers 400, or setup prepares a
		// failure.
		route string
		setup func(t *testing.T, srv *twiliochattest.Server, conv *conversations.Client)
		// wantErr is in the error; wantOut in the output.
		wantErr   string
		wantOut   []string
		wantUsers []string // left in the Service
	}{
		{name: "an identity taken", wantErr: "create user bob-demo: ",
			setup: func(t *testing.T, _ *twiliochattest.Server, conv *conversations.Client) {
				_, err := conv.Users.Create(context.Background(), &conversations.CreateUserParams{Identity: twiliochat.Ptr("bob-demo")})
				require.NoError(t, err)
			},
			wantOut: []string{"deleted user alice-demo"}, wantUsers: []string{"bob-demo"}},
		{name: "a participant", route: "POST /v1/Conversations/{ConversationSid}/Participants", wantErr: "add participant alice-demo: ",
			wantOut: deletedAll},
		{name: "the SMS participant", wantErr: "add participant +15555550100: ",
			setup: func(_ *testing.T, srv *twiliochattest.Server, _ *conversations.Client) {
				var added atomic.Int32 // alice and bob go through; the third is the SMS one
				srv.FailWith(func(r *http.Request) *twiliochattest.Failure {
					if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/Participants") && added.Add(1) == 3 {
						return &twiliochattest.Failure{Status: http.StatusBadRequest}
					}
					return nil
				})
			},
			wantOut: deletedAll},
		{name: "the list", route: "GET /v1/Conversations/{ConversationSid}/Messages", wantErr: "list messages: ",
			wantOut: deletedAll},
		{name: "the read horizon", route: "POST /v1/Users/{UserSid}/Conversations/{ConversationSid}", wantErr: "mark read: ",
			wantOut: deletedAll},
		{name: "the close", route: "POST /v1/Conversations/{Sid}", wantErr: "close conversation: ",
			wantOut: deletedAll},
		{name: "a delete of the cleanup", route: "DELETE /v1/Conversations/{Sid}",
			wantErr: "delete conversation support-demo (its participants and messages with it): ",
			wantOut: []string{"could not delete conversation support-demo", "deleted user bob-demo", "deleted user alice-demo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := twiliochattest.New(t)
			conv := srv.NewConversationsClient()
			if tt.setup != nil {
				tt.setup(t, srv, conv)
			}
			if tt.route != "" {
				srv.FailOn(tt.route, 1, twiliochattest.Failure{Status: http.StatusBadRequest})
			}

			var out bytes.Buffer
			err := backend(context.Background(), &out, apiOf(conv, ""), options{tag: "demo", sms: "+15555550100", proxy: "+15555550199"})

			var apiErr *twiliochat.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Contains(t, err.Error(), tt.wantErr)
			for _, want := range tt.wantOut {
				assert.Contains(t, out.String(), want)
			}
			ctx := context.Background()
			var users []string
			for u, err := range conv.Users.List(ctx, nil) {
				require.NoError(t, err)
				users = append(users, u.Identity)
			}
			assert.Equal(t, tt.wantUsers, users, "every User the run created is deleted")
		})
	}
}
