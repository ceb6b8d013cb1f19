package twiliochattest_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// The fake's Messages and Invites, through the SDK.

// testMediaSID is a Media SID for MediaSid.
const testMediaSID = "ME0123456789abcdef0123456789abcdef"

// newChannel starts a chat (see newChat) with the private channel
// "support/emea" and returns it too.
func newChannel(t *testing.T) (*twiliochattest.Server, *twiliochat.Client, *twiliochat.Service, *twiliochat.Channel) {
	t.Helper()
	srv, client, svc := newChat(t)
	ch, err := client.Channels.Create(context.Background(), svc.SID, &twiliochat.CreateChannelParams{
		UniqueName: twiliochat.Ptr("support/emea"), Type: twiliochat.Ptr(twiliochat.ChannelTypePrivate)})
	require.NoError(t, err)
	return srv, client, svc, ch
}

// lastRequest returns the last request srv received.
func lastRequest(srv *twiliochattest.Server) twiliochattest.Request {
	reqs := srv.Requests()
	return reqs[len(reqs)-1]
}

// listMessages lists the channel's messages with params.
func listMessages(t *testing.T, client *twiliochat.Client, serviceSID, channel string, params *twiliochat.ListMessagesParams) []twiliochat.Message {
	t.Helper()
	var out []twiliochat.Message
	for m, err := range client.Messages.List(context.Background(), serviceSID, channel, params) {
		require.NoError(t, err)
		out = append(out, *m)
	}
	return out
}

// messageBodies lists the channel's messages with params and returns the
// body of each.
func messageBodies(t *testing.T, client *twiliochat.Client, serviceSID, channel string, params *twiliochat.ListMessagesParams) []string {
	t.Helper()
	var out []string
	for _, m := range listMessages(t, client, serviceSID, channel, params) {
		out = append(out, m.Body)
	}
	return out
}

// messageIndexes lists the channel's messages with params and returns the
// index of each.
func messageIndexes(t *testing.T, client *twiliochat.Client, serviceSID, channel string, params *twiliochat.ListMessagesParams) []int {
	t.Helper()
	var out []int
	for _, m := range listMessages(t, client, serviceSID, channel, params) {
		out = append(out, m.Index)
	}
	return out
}

func TestMessages(t *testing.T) {
	t.Parallel()
	srv, client, svc, ch := newChannel(t)
	ctx := context.Background()

	// Twilio's defaults: from "system", attributes "{}", a text message.
	first, err := client.Messages.Create(ctx, svc.SID, "support/emea", nil)
	require.NoError(t, err)
	msgURL := ch.URL + "/Messages/" + first.SID
	assert.Equal(t, &twiliochat.Message{
		SID: first.SID, AccountSID: srv.AccountSID(), Attributes: "{}", ServiceSID: svc.SID, To: ch.SID, ChannelSID: ch.SID,
		DateCreated: t0, DateUpdated: t0, WasEdited: twiliochat.Ptr(false), From: "system", Index: 0, Type: twiliochat.MessageTypeText, URL: msgURL,
	}, first)

	second, err := client.Messages.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateMessageParams{
		From: twiliochat.Ptr("alice"), Body: twiliochat.Ptr("hello"), Attributes: twiliochat.Ptr(`{"priority":"high"}`),
		DateCreated: twiliochat.Ptr(t0.Add(-time.Hour)), LastUpdatedBy: twiliochat.Ptr("alice"), WebhookEnabled: twiliochat.Ptr(false),
	})
	require.NoError(t, err)
	assert.Equal(t, []any{1, "alice", "hello", twiliochat.Attributes(`{"priority":"high"}`), t0.Add(-time.Hour), t0, "alice"},
		[]any{second.Index, second.From, second.Body, second.Attributes, second.DateCreated, second.DateUpdated, second.LastUpdatedBy})
	assert.Equal(t, []string{"false"}, lastRequest(srv).Header.Values("X-Twilio-Webhook-Enabled"))

	third, err := client.Messages.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateMessageParams{MediaSID: twiliochat.Ptr(testMediaSID)})
	require.NoError(t, err)
	assert.Equal(t, 2, third.Index)
	assert.Equal(t, twiliochat.MessageTypeMedia, third.Type)
	assert.Equal(t, twiliochat.MessageMedia{SID: testMediaSID}, third.Media, "the fake keeps no media: the SID only")

	for _, channel := range []string{ch.SID, "support/emea"} {
		got, err := client.Messages.Fetch(ctx, svc.SID, channel, second.SID)
		require.NoError(t, err, channel)
		assert.Equal(t, second, got, channel)
	}
	counted, err := client.Channels.Fetch(ctx, svc.SID, ch.SID)
	require.NoError(t, err)
	assert.Equal(t, 3, counted.MessagesCount)
	assert.Equal(t, ch.URL+"/Messages/"+third.SID, counted.Links["last_message"])

	edited, err := client.Messages.Update(ctx, svc.SID, "support/emea", second.SID, &twiliochat.UpdateMessageParams{
		Body: twiliochat.Ptr("hello, edited"), LastUpdatedBy: twiliochat.Ptr("bob"), WebhookEnabled: twiliochat.Ptr(true),
	})
	require.NoError(t, err)
	want := *second
	want.Body, want.LastUpdatedBy, want.WasEdited = "hello, edited", "bob", twiliochat.Ptr(true)
	assert.Equal(t, &want, edited)
	retagged, err := client.Messages.Update(ctx, svc.SID, ch.SID, first.SID, &twiliochat.UpdateMessageParams{Attributes: twiliochat.Ptr(`[1]`)})
	require.NoError(t, err)
	assert.Equal(t, twiliochat.Attributes(`[1]`), retagged.Attributes)
	assert.Equal(t, twiliochat.Ptr(false), retagged.WasEdited, "attributes alone do not edit the message")

	assert.Equal(t, []string{"", "hello, edited", ""}, messageBodies(t, client, svc.SID, ch.SID, nil), "asc by default")
	assert.Equal(t, []int{0, 1, 2}, messageIndexes(t, client, svc.SID, ch.SID,
		&twiliochat.ListMessagesParams{Order: twiliochat.Ptr(twiliochat.MessageOrderAsc), PageSize: twiliochat.Ptr(2)}))
	desc := &twiliochat.ListMessagesParams{Order: twiliochat.Ptr(twiliochat.MessageOrderDesc), PageSize: twiliochat.Ptr(1)}
	var indexes []int
	page, err := client.Messages.ListPage(ctx, svc.SID, "support/emea", desc)
	for ; page != nil; page, err = client.Messages.NextPage(ctx, page) {
		require.NoError(t, err)
		for _, m := range page.Items {
			indexes = append(indexes, m.Index)
		}
	}
	require.NoError(t, err)
	assert.Equal(t, []int{2, 1, 0}, indexes, "desc, and the next pages keep the order")

	// Deleting the last message moves last_message back; the next message
	// does not reuse its index.
	require.NoError(t, client.Messages.Delete(ctx, svc.SID, ch.SID, third.SID, &twiliochat.DeleteMessageParams{WebhookEnabled: twiliochat.Ptr(true)}))
	assert.Equal(t, []string{"true"}, lastRequest(srv).Header.Values("X-Twilio-Webhook-Enabled"))
	_, err = client.Messages.Fetch(ctx, svc.SID, ch.SID, third.SID)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
	err = client.Messages.Delete(ctx, svc.SID, ch.SID, third.SID, nil)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
	counted, err = client.Channels.Fetch(ctx, svc.SID, ch.SID)
	require.NoError(t, err)
	assert.Equal(t, 2, counted.MessagesCount)
	assert.Equal(t, ch.URL+"/Messages/"+second.SID, counted.Links["last_message"])
	fourth, err := client.Messages.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateMessageParams{Body: twiliochat.Ptr("again")})
	require.NoError(t, err)
	assert.Equal(t, 3, fourth.Index)

	// A message belongs to its channel only.
	other, err := srv.SeedChannel(svc.SID, "other")
	require.NoError(t, err)
	_, err = client.Messages.Fetch(ctx, svc.SID, other, first.SID)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
	assert.Empty(t, messageBodies(t, client, svc.SID, other, nil))
	_, err = client.Messages.Create(ctx, svc.SID, "nowhere", nil)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
}

// TestMessagesRefused checks what the fake refuses that the SDK would not
// send: each answer is Twilio's 400.
func TestMessagesRefused(t *testing.T) {
	t.Parallel()
	srv, _, svc, ch := newChannel(t)
	messages := "/v2/Services/" + svc.SID + "/Channels/" + ch.SID + "/Messages"
	posted := call(t, srv, http.MethodPost, messages, form("Body", "x"))
	require.Equal(t, http.StatusCreated, posted.Status, "%s", posted.Body)
	one := messages + "/" + posted.JSON(t)["sid"].(string)
	tests := []struct {
		name, method, path string
		form               url.Values
	}{
		{"bad MediaSid", http.MethodPost, messages, form("MediaSid", "MExyz")},
		{"bad Attributes", http.MethodPost, messages, form("Attributes", "{")},
		{"bad DateCreated", http.MethodPost, messages, form("DateCreated", "yesterday")},
		{"unknown key", http.MethodPost, messages, form("Body", "x", "Channel", "y")},
		{"MediaSid on Update", http.MethodPost, one, form("MediaSid", testMediaSID)},
		{"bad Order", http.MethodGet, messages + "?Order=newest", nil},
	}
	for _, tt := range tests {
		assertTwilioError(t, call(t, srv, tt.method, tt.path, tt.form), http.StatusBadRequest, 20001)
	}
	page := call(t, srv, http.MethodGet, messages+"?Order=desc&PageSize=1", nil).JSON(t)
	assert.Equal(t, srv.URL+messages+"?Order=desc&PageSize=1&Page=0", page["meta"].(map[string]any)["first_page_url"],
		"page URLs keep the filter, as Twilio's do")
}

func TestInvites(t *testing.T) {
	t.Parallel()
	srv, client, svc, ch := newChannel(t)
	ctx := context.Background()
	roles := roleSIDs(t, client, svc.SID)

	carol, err := client.Invites.Create(ctx, svc.SID, "support/emea", &twiliochat.CreateInviteParams{Identity: twiliochat.Ptr("carol@example.com")})
	require.NoError(t, err)
	assert.Equal(t, &twiliochat.Invite{
		SID: carol.SID, AccountSID: srv.AccountSID(), ChannelSID: ch.SID, ServiceSID: svc.SID, Identity: "carol@example.com",
		DateCreated: t0, DateUpdated: t0, RoleSID: svc.DefaultChannelRoleSID, CreatedBy: "system", URL: ch.URL + "/Invites/" + carol.SID,
	}, carol, "the Service's default channel role")
	dave, err := client.Invites.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateInviteParams{Identity: twiliochat.Ptr("dave"), RoleSID: twiliochat.Ptr(roles["channel admin"])})
	require.NoError(t, err)
	assert.Equal(t, roles["channel admin"], dave.RoleSID)
	_, err = client.Invites.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateInviteParams{Identity: twiliochat.Ptr("erin"), RoleSID: twiliochat.Ptr(roles["service admin"])})
	assertAPIError(t, err, http.StatusBadRequest, 20001)
	assertTwilioError(t, call(t, srv, http.MethodPost, "/v2/Services/"+svc.SID+"/Channels/"+ch.SID+"/Invites", form("RoleSid", roles["channel user"])),
		http.StatusBadRequest, 20001)

	got, err := client.Invites.Fetch(ctx, svc.SID, "support/emea", carol.SID)
	require.NoError(t, err)
	assert.Equal(t, carol, got)

	identities := func(params *twiliochat.ListInvitesParams) []string {
		var out []string
		for inv, err := range client.Invites.List(ctx, svc.SID, ch.SID, params) {
			require.NoError(t, err)
			out = append(out, inv.Identity)
		}
		return out
	}
	assert.Equal(t, []string{"carol@example.com", "dave"}, identities(nil))
	assert.Equal(t, []string{"dave"}, identities(&twiliochat.ListInvitesParams{Identity: []string{"dave", "zed"}}))
	assert.Equal(t, []string{"carol@example.com", "dave"}, identities(&twiliochat.ListInvitesParams{
		Identity: []string{"dave", "carol@example.com"}, PageSize: twiliochat.Ptr(1)}), "the filter holds on the next pages")
	assert.Empty(t, identities(&twiliochat.ListInvitesParams{Identity: []string{"nobody"}}))

	require.NoError(t, client.Invites.Delete(ctx, svc.SID, ch.SID, dave.SID))
	_, err = client.Invites.Fetch(ctx, svc.SID, ch.SID, dave.SID)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
	assert.Equal(t, []string{"carol@example.com"}, identities(nil))
}

// TestChannelDeleteCascadesToMessagesAndInvites checks that deleting a
// channel deletes its messages and invites: a new channel of the same
// unique name starts empty, its message index from 0.
func TestChannelDeleteCascadesToMessagesAndInvites(t *testing.T) {
	t.Parallel()
	_, client, svc, ch := newChannel(t)
	ctx := context.Background()
	msg, err := client.Messages.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateMessageParams{Body: twiliochat.Ptr("bye")})
	require.NoError(t, err)
	inv, err := client.Invites.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateInviteParams{Identity: twiliochat.Ptr("carol")})
	require.NoError(t, err)

	require.NoError(t, client.Channels.Delete(ctx, svc.SID, "support/emea", nil))

	_, err = client.Messages.Fetch(ctx, svc.SID, ch.SID, msg.SID)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
	_, err = client.Invites.Fetch(ctx, svc.SID, ch.SID, inv.SID)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
	again, err := client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr("support/emea")})
	require.NoError(t, err)
	assert.Empty(t, messageBodies(t, client, svc.SID, "support/emea", nil))
	first, err := client.Messages.Create(ctx, svc.SID, again.SID, nil)
	require.NoError(t, err)
	assert.Equal(t, 0, first.Index)
	page, err := client.Invites.ListPage(ctx, svc.SID, "support/emea", nil)
	require.NoError(t, err)
	assert.Empty(t, page.Items)
}
