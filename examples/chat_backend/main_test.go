package main

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// TestRunAgainstFake runs the example as a newcomer would, with no account
// configured, and checks each step it prints.
func TestRunAgainstFake(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	var out bytes.Buffer
	require.NoError(t, run(&out, "", "demo"))
	got := out.String()
	for _, want := range []string{
		"TWILIO_ACCOUNT_SID is not set: using the in-process twiliochattest fake at http://127.0.0.1:",
		" alice-demo\n", " bob-demo\n",
		`"support-demo" (private)`,
		"3. member   MB",
		`#0 from alice-demo: "Where is my invoice?" {"priority":"high","ticket":4217}`,
		`#0: "Where is my invoice for ticket 4217?" (edited: true)`,
		`#1 from bob-demo: "Sent again just now."`,
		"6. messages, newest first:\n" +
			`   #1 bob-demo: "Sent again just now."` + "\n" +
			`   #0 alice-demo: "Where is my invoice for ticket 4217?" [ticket 4217, high priority] (edited)` + "\n",
		"7. cleanup\n" +
			"   deleted channel support-demo (its members and messages with it)\n" +
			"   deleted user bob-demo\n" +
			"   deleted user alice-demo\n",
	} {
		assert.Contains(t, got, want)
	}
	assert.NotContains(t, got, "could not")
}

// TestRunChecksBeforeAnyRequest checks that a real account without
// -service, or with a malformed account SID, fails before anything is
// created.
func TestRunChecksBeforeAnyRequest(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "AC123")
	t.Setenv("TWILIO_AUTH_TOKEN", "token")
	var out bytes.Buffer
	assert.EqualError(t, run(&out, "", "demo"), "-service is required with a real account")

	err := run(&out, "IS0123456789abcdef0123456789abcdef", "demo")
	var vErr *twiliochat.ValidationError
	require.ErrorAs(t, err, &vErr)
	assert.Equal(t, "TWILIO_ACCOUNT_SID", vErr.Field)
	assert.Empty(t, out.String())
}

// TestChatCleansUpAfterAFailure fails one step at a time, and a delete of
// the cleanup, and checks that what the run created is deleted all the
// same, and that what it did not create (the Service, a User that existed
// before) stays.
func TestChatCleansUpAfterAFailure(t *testing.T) {
	t.Parallel()
	deletedAll := []string{"deleted channel support-demo", "deleted user bob-demo", "deleted user alice-demo"}
	tests := []struct {
		name string
		// The first request of route answers 400, or setup prepares a
		// failure.
		route string
		setup func(t *testing.T, srv *twiliochattest.Server, serviceSID string)
		// wantErr is in the error; wantOut in the output.
		wantErr   string
		wantOut   []string
		wantUsers []string // left in the Service
		wantCode  int
	}{
		{name: "an identity taken", wantErr: "create user bob-demo: ", wantCode: twiliochat.ErrCodeUserExists,
			setup: func(t *testing.T, srv *twiliochattest.Server, serviceSID string) {
				_, err := srv.SeedUser(serviceSID, "bob-demo")
				require.NoError(t, err)
			},
			wantOut: []string{"deleted user alice-demo"}, wantUsers: []string{"bob-demo"}},
		{name: "a member", route: "POST /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members", wantErr: "add member alice-demo: ",
			wantOut: deletedAll},
		{name: "the list", route: "GET /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages", wantErr: "list messages: ",
			wantOut: deletedAll},
		{name: "a delete of the cleanup", route: "DELETE /v2/Services/{ServiceSid}/Channels/{Sid}",
			wantErr: "delete channel support-demo (its members and messages with it): ",
			wantOut: []string{"could not delete channel support-demo", "deleted user bob-demo", "deleted user alice-demo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := twiliochattest.New(t)
			client := srv.NewClient()
			serviceSID, err := srv.SeedService("chat")
			require.NoError(t, err)
			if tt.setup != nil {
				tt.setup(t, srv, serviceSID)
			}
			if tt.route != "" {
				srv.FailOn(tt.route, 1, twiliochattest.Failure{Status: http.StatusBadRequest})
			}

			var out bytes.Buffer
			err = chat(context.Background(), &out, apiOf(client), serviceSID, "demo")

			var apiErr *twiliochat.APIError
			require.ErrorAs(t, err, &apiErr)
			if tt.wantCode != 0 {
				assert.Equal(t, tt.wantCode, apiErr.Code)
			}
			assert.Contains(t, err.Error(), tt.wantErr)
			for _, want := range tt.wantOut {
				assert.Contains(t, out.String(), want)
			}
			ctx := context.Background()
			var users []string
			for u, err := range client.Users.List(ctx, serviceSID, nil) {
				require.NoError(t, err)
				users = append(users, u.Identity)
			}
			assert.Equal(t, tt.wantUsers, users, "every User the run created is deleted")
			_, err = client.Services.Fetch(ctx, serviceSID)
			assert.NoError(t, err, "the Service stays")
		})
	}
}
