package democlient

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// TestNewConversationsOnTheFake checks that without an account
// NewConversations says it uses the fake, seeds it, and returns a
// Conversations client that reaches the fake's default Conversation
// Service and what was seeded, until the fake is closed.
func TestNewConversationsOnTheFake(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	var out bytes.Buffer
	var sid string
	conv, closeFake, err := NewConversations(&out, SeedService(&sid, "demo"))
	require.NoError(t, err)
	require.NotEmpty(t, sid)
	assert.Contains(t, out.String(), "TWILIO_ACCOUNT_SID is not set: using the in-process twiliochattest fake at http://127.0.0.1:")
	ctx := context.Background()
	svc, err := conv.Services.Fetch(ctx, sid)
	require.NoError(t, err)
	assert.Equal(t, "demo", svc.FriendlyName)
	cfg, err := conv.Configuration.Fetch(ctx)
	require.NoError(t, err)
	assert.Regexp(t, `^IS[0-9a-f]{32}$`, cfg.DefaultChatServiceSID)
	closeFake()
	_, err = conv.Services.Fetch(ctx, sid)
	assert.Error(t, err, "the fake is closed")
}

// TestNewConversationsFails checks that NewConversations returns New's
// error, with no client, for a seed that fails and for a malformed
// account, and a closeFake that can be called.
func TestNewConversationsFails(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	var sid string
	conv, closeFake, err := NewConversations(io.Discard, SeedService(&sid, ""))
	assert.EqualError(t, err, "seed the fake: twiliochattest: Missing required parameter FriendlyName in the post body")
	assert.Nil(t, conv)
	require.NotNil(t, closeFake)
	closeFake()

	t.Setenv("TWILIO_ACCOUNT_SID", "AC123")
	t.Setenv("TWILIO_AUTH_TOKEN", "token")
	var out bytes.Buffer
	conv, closeFake, err = NewConversations(&out, func(*twiliochattest.Server) error {
		t.Error("seed called with an account")
		return nil
	})
	var vErr *twiliochat.ValidationError
	require.ErrorAs(t, err, &vErr)
	assert.Equal(t, "TWILIO_ACCOUNT_SID", vErr.Field)
	assert.Nil(t, conv)
	require.NotNil(t, closeFake)
	closeFake()
	assert.Empty(t, out.String())
}
