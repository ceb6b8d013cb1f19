package accesstoken_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/accesstoken"
)

// testConversationServiceSID is a Conversation Service SID: an IS… SID like
// a Chat Service's, since a Conversation Service is one.
const testConversationServiceSID = "IS9876543210fedcba9876543210fedcba"

// TestConversationsClientToken issues the token Twilio documents for a
// Conversations client SDK (a ChatGrant with the Conversation Service SID,
// https://www.twilio.com/docs/conversations/create-tokens) and checks its
// grants claim against the JSON Twilio's libraries produce for it.
func TestConversationsClientToken(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		identity   string
		grant      *accesstoken.ChatGrant
		wantGrants string
	}{
		{
			name:       "service only, as in Twilio's guide",
			identity:   "user@example.com",
			grant:      &accesstoken.ChatGrant{ServiceSID: testConversationServiceSID},
			wantGrants: `{"identity":"user@example.com","chat":{"service_sid":"IS9876543210fedcba9876543210fedcba"}}`,
		},
		{
			name:     "with an endpoint and a push credential",
			identity: "alice",
			grant: &accesstoken.ChatGrant{
				ServiceSID: testConversationServiceSID, EndpointID: "convapp:alice:android", PushCredentialSID: testCredentialSID,
			},
			wantGrants: `{"identity":"alice","chat":{"service_sid":"IS9876543210fedcba9876543210fedcba",` +
				`"endpoint_id":"convapp:alice:android","push_credential_sid":"CR0123456789abcdef0123456789abcdef"}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			iss := newTestIssuer(t)
			token, err := iss.Issue(tt.identity, tt.grant)
			require.NoError(t, err)

			_, payload := segments(t, token, testSecret)
			assert.Equal(t, decodeJSON(t, tt.wantGrants), payload["grants"])

			claims, err := iss.Parse(token)
			require.NoError(t, err)
			assert.Equal(t, tt.identity, claims.Identity)
			assert.Equal(t, tt.grant, claims.Chat)
		})
	}
}
