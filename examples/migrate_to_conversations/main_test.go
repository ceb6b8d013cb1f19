package main

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// TestRunAgainstFake runs the example as a newcomer would, with no account
// configured, and checks each step it prints: every SID the same through
// both APIs.
func TestRunAgainstFake(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	var out bytes.Buffer
	require.NoError(t, run(&out, "", "demo"))
	got := out.String()
	for _, want := range []string{
		"TWILIO_ACCOUNT_SID is not set: using the in-process twiliochattest fake at http://127.0.0.1:",
		`1. service "Default Conversations Service"` + "\n",
		" alice-demo\n", " bob-demo\n",
		`"migrate-demo" (private)` + "\n",
		`#0 from alice-demo: "Posted through Chat v2."` + "\n",
		`3. conversation "migrate-demo" (active) {"ticket":4217}` + "\n",
		"5. messages:\n" + `   #0 alice-demo: "Posted through Chat v2."` + "\n",
		" #1 from bob-demo\n",
		"7. messages through Chat v2:\n" +
			`   #0 alice-demo: "Posted through Chat v2."` + "\n" +
			`   #1 bob-demo: "Answered through Conversations."` + "\n",
		"8. cleanup\n" +
			"   deleted channel migrate-demo (its members and messages with it)\n" +
			"   deleted user bob-demo\n" +
			"   deleted user alice-demo\n",
	} {
		assert.Contains(t, got, want)
	}
	for what, prefix := range map[string]string{
		"Service":               "IS",
		"Channel (by SID)":      "CH",
		"Channel (by name)":     "CH",
		"its Service":           "IS",
		"Member alice-demo":     "MB",
		"Member bob-demo":       "MB",
		"Message #0":            "IM",
		"User bob-demo":         "US",
		"Message's Participant": "MB",
		"Message #1":            "IM",
	} {
		assert.Regexp(t, `\n   `+regexp.QuoteMeta(what)+` +Chat v2 (`+prefix+`[0-9a-f]{32})  Conversations `+prefix+`[0-9a-f]{32}  same\n`, got)
	}
	assert.NotContains(t, got, "DIFFERENT")
	assert.NotContains(t, got, "could not")
}

// TestRunChecksBeforeAnyRequest checks that a malformed account SID or
// -service fails before anything is created.
func TestRunChecksBeforeAnyRequest(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "AC123")
	t.Setenv("TWILIO_AUTH_TOKEN", "token")
	var out bytes.Buffer
	err := run(&out, "IS0123456789abcdef0123456789abcdef", "demo")
	var vErr *twiliochat.ValidationError
	require.ErrorAs(t, err, &vErr)
	assert.Equal(t, "TWILIO_ACCOUNT_SID", vErr.Field)
	assert.Empty(t, out.String())

	t.Setenv("TWILIO_ACCOUNT_SID", "")
	err = run(&out, "support", "demo")
	require.ErrorAs(t, err, &vErr)
	assert.Equal(t, "Sid", vErr.Field)
	assert.NotContains(t, out.String(), "1. service")
	assert.NotContains(t, out.String(), "deleted")
}

// TestMigrateInANamedService runs the steps in a Service given by
// -service: a Chat Service made through Chat v2 is a Conversation Service.
func TestMigrateInANamedService(t *testing.T) {
	t.Parallel()
	srv := twiliochattest.New(t)
	chat := srv.NewClient()
	serviceSID, err := srv.SeedService("support")
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, migrate(context.Background(), &out, chat, conversations.New(chat), serviceSID, "demo"))
	assert.Contains(t, out.String(), `1. service "support"`+"\n   Service                Chat v2 "+serviceSID+"  Conversations "+serviceSID+"  same\n")
	assert.Empty(t, srv.RequestsTo("GET /v1/Configuration"), "the default Service is not looked up")
	assert.NotEmpty(t, srv.RequestsTo("/v1/Services/"+serviceSID+"/Conversations/{Sid...}"))
}

// TestSame checks that same prints both SIDs and fails when they differ.
func TestSame(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, chat, conv, wantOut, wantErr string
	}{
		{name: "the same", chat: "CH1", conv: "CH1", wantOut: "   Channel                Chat v2 CH1  Conversations CH1  same\n"},
		{name: "different", chat: "CH1", conv: "CH2", wantOut: "   Channel                Chat v2 CH1  Conversations CH2  DIFFERENT\n",
			wantErr: "Channel: the two APIs differ: CH1 and CH2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			err := same(&out, "Channel", tt.chat, tt.conv)
			assert.Equal(t, tt.wantOut, out.String())
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, errDiffer)
			assert.EqualError(t, err, tt.wantErr)
		})
	}
}

// TestMigrateCleansUpAfterAFailure fails one step at a time, and a delete
// of the cleanup, and checks that what the run created is deleted all the
// same, and that a User it did not create stays.
func TestMigrateCleansUpAfterAFailure(t *testing.T) {
	t.Parallel()
	deletedAll := []string{"deleted channel migrate-demo", "deleted user bob-demo", "deleted user alice-demo"}
	// otherConversation is a Conversation answer with a SID that is not the
	// Channel's.
	const otherConversation = `{"sid": "CH00000000000000000000000000000001", "chat_service_sid": "IS00000000000000000000000000000002", "unique_name": "migrate-demo", "state": "active", "attributes": "{}"}`
	tests := []struct {
		name string
		// The first request of route answers with failure (400 when it is
		// zero), or setup prepares a failure.
		route   string
		failure twiliochattest.Failure
		setup   func(t *testing.T, chat *twiliochat.Client, serviceSID string)
		// wantErr is in the error; wantOut in the output.
		wantErr    string
		wantDiffer bool // the error is errDiffer, not an APIError
		wantOut    []string
		wantUsers  []string // left in the Service
	}{
		{name: "the default Service", route: "GET /v1/Configuration", wantErr: "fetch the default Conversation Service: "},
		{name: "an identity taken", wantErr: "create user bob-demo: ",
			setup: func(t *testing.T, chat *twiliochat.Client, serviceSID string) {
				_, err := chat.Users.Create(context.Background(), serviceSID, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr("bob-demo")})
				require.NoError(t, err)
			},
			wantOut: []string{"deleted user alice-demo"}, wantUsers: []string{"bob-demo"}},
		{name: "a member", route: "POST /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members", wantErr: "add member alice-demo: ",
			wantOut: deletedAll},
		{name: "the conversation", route: "GET /v1/Services/{ChatServiceSid}/Conversations/{Sid}", wantErr: "fetch conversation by SID: ",
			wantOut: deletedAll},
		{name: "another SID", route: "GET /v1/Services/{ChatServiceSid}/Conversations/{Sid}",
			failure: twiliochattest.Failure{Status: http.StatusOK, Body: otherConversation},
			wantErr: "Channel (by SID): the two APIs differ: CH", wantDiffer: true,
			wantOut: append([]string{"Conversations CH00000000000000000000000000000001  DIFFERENT\n"}, deletedAll...)},
		{name: "the post", route: "POST /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages",
			wantErr: "post message through Conversations: ", wantOut: deletedAll},
		{name: "the read back", route: "GET /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages",
			wantErr: "list messages through Chat: ", wantOut: deletedAll},
		{name: "a delete of the cleanup", route: "DELETE /v2/Services/{ServiceSid}/Channels/{Sid}",
			wantErr: "delete channel migrate-demo (its members and messages with it): ",
			wantOut: []string{"could not delete channel migrate-demo", "deleted user bob-demo", "deleted user alice-demo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := twiliochattest.New(t)
			chat := srv.NewClient()
			serviceSID := srv.DefaultConversationServiceSID()
			if tt.setup != nil {
				tt.setup(t, chat, serviceSID)
			}
			if tt.route != "" {
				f := tt.failure
				if f.Status == 0 {
					f.Status = http.StatusBadRequest
				}
				srv.FailOn(tt.route, 1, f)
			}

			var out bytes.Buffer
			err := migrate(context.Background(), &out, chat, conversations.New(chat), "", "demo")

			if tt.wantDiffer {
				assert.ErrorIs(t, err, errDiffer)
			} else {
				var apiErr *twiliochat.APIError
				require.ErrorAs(t, err, &apiErr)
			}
			assert.Contains(t, err.Error(), tt.wantErr)
			for _, want := range tt.wantOut {
				assert.Contains(t, out.String(), want)
			}
			var users []string
			for u, err := range chat.Users.List(context.Background(), serviceSID, nil) {
				require.NoError(t, err)
				users = append(users, u.Identity)
			}
			assert.Equal(t, tt.wantUsers, users, "every User the run created is deleted")
		})
	}
}
