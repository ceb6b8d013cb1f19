package twiliochattest_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
)

// The fake's User Channels, through the SDK.

// postMessages posts n messages in the channel.
func postMessages(t *testing.T, client *twiliochat.Client, serviceSID, channel string, n int) []*twiliochat.Message {
	t.Helper()
	var out []*twiliochat.Message
	for range n {
		m, err := client.Messages.Create(context.Background(), serviceSID, channel, &twiliochat.CreateMessageParams{Body: twiliochat.Ptr("hi")})
		require.NoError(t, err)
		out = append(out, m)
	}
	return out
}

func TestUserChannelOfAMember(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	ch, err := client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr("general")})
	require.NoError(t, err)
	m, err := client.Members.Create(ctx, svc.SID, "general", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("alice")})
	require.NoError(t, err)
	alice, err := client.Users.Fetch(ctx, svc.SID, "alice")
	require.NoError(t, err)

	want := &twiliochat.UserChannel{
		AccountSID: srv.AccountSID(), ServiceSID: svc.SID, ChannelSID: ch.SID, UserSID: alice.SID, MemberSID: m.SID,
		Status: twiliochat.ChannelStatusJoined, NotificationLevel: twiliochat.NotificationLevelDefault,
		URL:   alice.URL + "/Channels/" + ch.SID,
		Links: map[string]string{"channel": ch.URL, "member": m.URL},
	}
	for _, key := range [][2]string{{"alice", "general"}, {alice.SID, ch.SID}} {
		got, err := client.UserChannels.Fetch(ctx, svc.SID, key[0], key[1])
		require.NoError(t, err, key)
		assert.Equal(t, want, got, "no consumption horizon yet: index and count not known")
	}

	msgs := postMessages(t, client, svc.SID, "general", 4)
	got, err := client.UserChannels.Fetch(ctx, svc.SID, "alice", "general")
	require.NoError(t, err)
	assert.Nil(t, got.UnreadMessagesCount, "messages do not make a horizon")

	// The User Channel's horizon is the member's, both ways.
	got, err = client.UserChannels.Update(ctx, svc.SID, "alice", "general", &twiliochat.UpdateUserChannelParams{LastConsumedMessageIndex: twiliochat.Ptr(msgs[0].Index)})
	require.NoError(t, err)
	want.LastConsumedMessageIndex, want.UnreadMessagesCount = twiliochat.Ptr(msgs[0].Index), twiliochat.Ptr(3)
	assert.Equal(t, want, got)
	member, err := client.Members.Fetch(ctx, svc.SID, "general", "alice")
	require.NoError(t, err)
	assert.Equal(t, twiliochat.Ptr(msgs[0].Index), member.LastConsumedMessageIndex)

	_, err = client.Members.Update(ctx, svc.SID, "general", "alice", &twiliochat.UpdateMemberParams{LastConsumedMessageIndex: twiliochat.Ptr(msgs[2].Index)})
	require.NoError(t, err)
	got, err = client.UserChannels.Fetch(ctx, svc.SID, alice.SID, "general")
	require.NoError(t, err)
	assert.Equal(t, twiliochat.Ptr(msgs[2].Index), got.LastConsumedMessageIndex)
	assert.Equal(t, twiliochat.Ptr(1), got.UnreadMessagesCount)

	// A deleted message past the horizon is no longer unread; a new one is.
	require.NoError(t, client.Messages.Delete(ctx, svc.SID, "general", msgs[3].SID, nil))
	got, err = client.UserChannels.Fetch(ctx, svc.SID, "alice", "general")
	require.NoError(t, err)
	assert.Equal(t, twiliochat.Ptr(0), got.UnreadMessagesCount, "0 is known: nothing unread")
	postMessages(t, client, svc.SID, "general", 2)
	got, err = client.UserChannels.Fetch(ctx, svc.SID, "alice", "general")
	require.NoError(t, err)
	assert.Equal(t, twiliochat.Ptr(2), got.UnreadMessagesCount)

	// Notification level and read time; an empty index is null again.
	readAt := t0.Add(90)
	got, err = client.UserChannels.Update(ctx, svc.SID, "alice", "general", &twiliochat.UpdateUserChannelParams{
		NotificationLevel: twiliochat.Ptr(twiliochat.NotificationLevelMuted), LastConsumptionTimestamp: &readAt,
	})
	require.NoError(t, err)
	assert.Equal(t, twiliochat.NotificationLevelMuted, got.NotificationLevel)
	assert.Equal(t, twiliochat.Ptr(2), got.UnreadMessagesCount, "a horizon not sent is kept")
	member, err = client.Members.Fetch(ctx, svc.SID, "general", "alice")
	require.NoError(t, err)
	assert.Equal(t, t0, member.LastConsumptionTimestamp, "to the second, as Twilio writes dates")
	resp := call(t, srv, http.MethodPost, "/v2/Services/"+svc.SID+"/Users/alice/Channels/general", url.Values{"LastConsumedMessageIndex": {""}})
	require.Equal(t, http.StatusOK, resp.Status)
	body := resp.JSON(t)
	assert.Nil(t, body["last_consumed_message_index"])
	assert.Nil(t, body["unread_messages_count"])
	assert.Equal(t, "muted", body["notification_level"])

	for name, form := range map[string]url.Values{
		"unknown level":    {"NotificationLevel": {"loud"}},
		"index not an int": {"LastConsumedMessageIndex": {"x"}},
		"bad timestamp":    {"LastConsumptionTimestamp": {"yesterday"}},
		"unknown key":      {"Status": {"invited"}},
	} {
		resp := call(t, srv, http.MethodPost, "/v2/Services/"+svc.SID+"/Users/alice/Channels/general", form)
		assert.Equal(t, http.StatusBadRequest, resp.Status, name)
		assert.EqualValues(t, 20001, resp.JSON(t)["code"], name)
	}
}

func TestUserChannelOfAnInvite(t *testing.T) {
	t.Parallel()
	_, client, svc := newChat(t)
	ctx := context.Background()
	ch, err := client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr("general")})
	require.NoError(t, err)
	postMessages(t, client, svc.SID, "general", 2)
	bob, err := client.Users.Create(ctx, svc.SID, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr("bob")})
	require.NoError(t, err)
	_, err = client.UserChannels.Fetch(ctx, svc.SID, "bob", "general")
	assertAPIError(t, err, http.StatusNotFound, 20404)

	_, err = client.Invites.Create(ctx, svc.SID, "general", &twiliochat.CreateInviteParams{Identity: twiliochat.Ptr("bob")})
	require.NoError(t, err)
	got, err := client.UserChannels.Fetch(ctx, svc.SID, "bob", "general")
	require.NoError(t, err)
	assert.Equal(t, &twiliochat.UserChannel{
		AccountSID: bob.AccountSID, ServiceSID: svc.SID, ChannelSID: ch.SID, UserSID: bob.SID,
		Status: twiliochat.ChannelStatusInvited, NotificationLevel: twiliochat.NotificationLevelDefault,
		URL: bob.URL + "/Channels/" + ch.SID, Links: map[string]string{"channel": ch.URL},
	}, got, "no member, no horizon, no count")
	_, err = client.UserChannels.Update(ctx, svc.SID, "bob", "general", &twiliochat.UpdateUserChannelParams{LastConsumedMessageIndex: twiliochat.Ptr(0)})
	assertAPIError(t, err, http.StatusNotFound, 20404)

	// Joining wins over the invite.
	m, err := client.Members.Create(ctx, svc.SID, "general", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("bob")})
	require.NoError(t, err)
	got, err = client.UserChannels.Fetch(ctx, svc.SID, "bob", "general")
	require.NoError(t, err)
	assert.Equal(t, twiliochat.ChannelStatusJoined, got.Status)
	assert.Equal(t, m.SID, got.MemberSID)
}

func TestUserChannelListAndDelete(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	var channels []*twiliochat.Channel
	for _, name := range []string{"a", "b", "c", "d"} {
		ch, err := client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr(name)})
		require.NoError(t, err)
		channels = append(channels, ch)
	}
	for _, name := range []string{"d", "a"} {
		_, err := client.Members.Create(ctx, svc.SID, name, &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("alice")})
		require.NoError(t, err)
	}
	_, err := client.Invites.Create(ctx, svc.SID, "b", &twiliochat.CreateInviteParams{Identity: twiliochat.Ptr("alice")})
	require.NoError(t, err)
	_, err = client.Members.Create(ctx, svc.SID, "c", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("carol")})
	require.NoError(t, err)

	type entry struct {
		channel string
		status  twiliochat.ChannelStatus
	}
	list := func(params *twiliochat.ListUserChannelsParams) []entry {
		var got []entry
		for uc, err := range client.UserChannels.List(ctx, svc.SID, "alice", params) {
			require.NoError(t, err)
			got = append(got, entry{uc.ChannelSID, uc.Status})
		}
		return got
	}
	want := []entry{{channels[0].SID, twiliochat.ChannelStatusJoined}, {channels[1].SID, twiliochat.ChannelStatusInvited}, {channels[3].SID, twiliochat.ChannelStatusJoined}}
	assert.Equal(t, want, list(nil), "in the channels' order, not the user's; c is carol's only")
	assert.Equal(t, want, list(&twiliochat.ListUserChannelsParams{PageSize: twiliochat.Ptr(1)}))
	resp := call(t, srv, http.MethodGet, "/v2/Services/"+svc.SID+"/Users/alice/Channels?PageSize=51", nil)
	assert.Equal(t, http.StatusBadRequest, resp.Status, "at most 50 a page")

	// Delete removes the membership: the member is gone, the counts follow.
	require.NoError(t, client.UserChannels.Delete(ctx, svc.SID, "alice", "a", &twiliochat.DeleteUserChannelParams{WebhookEnabled: twiliochat.Ptr(false)}))
	assert.Equal(t, []string{"false"}, srv.RequestsTo("DELETE /v2/Services/{ServiceSid}/Users/{UserSid}/Channels/{ChannelSid}")[0].Header.Values("X-Twilio-Webhook-Enabled"))
	_, err = client.Members.Fetch(ctx, svc.SID, "a", "alice")
	assertAPIError(t, err, http.StatusNotFound, 20404)
	a, err := client.Channels.Fetch(ctx, svc.SID, "a")
	require.NoError(t, err)
	assert.Zero(t, a.MembersCount)
	alice, err := client.Users.Fetch(ctx, svc.SID, "alice")
	require.NoError(t, err)
	assert.Equal(t, 1, alice.JoinedChannelsCount)

	// For an invited user it deletes the invites.
	require.NoError(t, client.UserChannels.Delete(ctx, svc.SID, alice.SID, channels[1].SID, nil))
	page, err := client.Invites.ListPage(ctx, svc.SID, "b", nil)
	require.NoError(t, err)
	assert.Empty(t, page.Items)

	assert.Equal(t, []entry{{channels[3].SID, twiliochat.ChannelStatusJoined}}, list(nil))
	assertAPIError(t, client.UserChannels.Delete(ctx, svc.SID, "alice", "c", nil), http.StatusNotFound, 20404)
	assertAPIError(t, client.UserChannels.Delete(ctx, svc.SID, "alice", "a", nil), http.StatusNotFound, 20404)
	_, err = client.UserChannels.ListPage(ctx, svc.SID, "dave", nil)
	assertAPIError(t, err, http.StatusNotFound, 20404)
	_, err = client.UserChannels.Fetch(ctx, svc.SID, "alice", "nowhere")
	assertAPIError(t, err, http.StatusNotFound, 20404)
}
