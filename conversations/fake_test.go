package conversations_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// TestAgainstTheFake walks a conversation through the client against
// twiliochattest, which serves both APIs on one base URL: the default
// Service and the same Service named give the same resources, and Chat
// sees each as its Channel, Member and Message, with the same SIDs.
func TestAgainstTheFake(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := twiliochattest.New(t)
	chat := srv.NewClient()
	conv := conversations.New(chat)

	cfg, err := conv.Configuration.Fetch(ctx)
	require.NoError(t, err)
	service := cfg.DefaultChatServiceSID
	require.NotEmpty(t, service)

	c, err := conv.Conversations.Create(ctx, &conversations.CreateConversationParams{
		UniqueName: twiliochat.Ptr("support-4217"), Attributes: twiliochat.Ptr(`{"ticket": 4217}`),
	})
	require.NoError(t, err)
	assert.Equal(t, service, c.ChatServiceSID)
	p, err := conv.Participants.Create(ctx, "support-4217", &conversations.CreateParticipantParams{Identity: twiliochat.Ptr("alice")})
	require.NoError(t, err)
	m, err := conv.Messages.Create(ctx, c.SID, &conversations.CreateMessageParams{
		Author: twiliochat.Ptr("alice"), Body: twiliochat.Ptr("Where is my invoice?"),
	})
	require.NoError(t, err)

	named := conv.Service(service)
	got, err := named.Conversations.Fetch(ctx, c.SID)
	require.NoError(t, err)
	assert.Equal(t, c.UniqueName, got.UniqueName)
	var bodies []string
	for msg, err := range named.Messages.List(ctx, "support-4217", nil) {
		require.NoError(t, err)
		bodies = append(bodies, msg.Body)
	}
	assert.Equal(t, []string{"Where is my invoice?"}, bodies)

	channel, err := chat.Channels.Fetch(ctx, service, c.SID)
	require.NoError(t, err)
	assert.Equal(t, "support-4217", channel.UniqueName)
	member, err := chat.Members.Fetch(ctx, service, c.SID, "alice")
	require.NoError(t, err)
	assert.Equal(t, p.SID, member.SID)
	message, err := chat.Messages.Fetch(ctx, service, c.SID, m.SID)
	require.NoError(t, err)
	assert.Equal(t, m.Body, message.Body)

	require.NoError(t, conv.Conversations.Delete(ctx, "support-4217", nil))
	_, err = chat.Channels.Fetch(ctx, service, c.SID)
	assert.True(t, twiliochat.IsNotFound(err), err)
	_, err = named.Conversations.Fetch(ctx, c.SID)
	assert.True(t, twiliochat.IsNotFound(err), err)
}
