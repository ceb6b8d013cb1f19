package twiliochattest_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
	"github.com/e3f0929f/twiliochat/webhook"
)

// The webhooks as Twilio sends them: the events, parameters and formats of
// https://www.twilio.com/docs/chat/webhook-events that a backend's handler
// trips on when the fake gets them wrong.

// receiving is a chat whose service sends the events filters names, by
// POST without retries, to a receiver.
func receiving(t *testing.T, filters ...string) (*twiliochattest.Server, *twiliochat.Client, *twiliochat.Service, *receiver) {
	t.Helper()
	srv, client, svc := newChat(t)
	rc := newReceiver(t, srv.AuthToken())
	pointAt(t, client, svc.SID, rc.URL, http.MethodPost, 0, filters...)
	return srv, client, svc, rc
}

// aliceInGeneral seeds a channel "general" in the service and alice, a
// member of it, and connects her.
func aliceInGeneral(t *testing.T, srv *twiliochattest.Server, serviceSID string) *twiliochattest.SDKClient {
	t.Helper()
	_, err := srv.SeedChannel(serviceSID, "general")
	require.NoError(t, err)
	_, err = srv.SeedMember(serviceSID, "general", "alice")
	require.NoError(t, err)
	alice, err := srv.ConnectAs(serviceSID, "alice")
	require.NoError(t, err)
	return alice
}

func TestCreateUserSendsUserAdded(t *testing.T) {
	t.Parallel()
	srv, client, svc, rc := receiving(t, "onUserAdded", "onUserUpdated")
	ctx := context.Background()
	roles := roleSIDs(t, client, svc.SID)

	u, err := client.Users.Create(ctx, svc.SID, &twiliochat.CreateUserParams{
		Identity: twiliochat.Ptr("carol"), FriendlyName: twiliochat.Ptr("Carol"), Attributes: twiliochat.Ptr(`{"c":3}`), WebhookEnabled: twiliochat.Ptr(true),
	})
	require.NoError(t, err)
	_, err = client.Users.Create(ctx, svc.SID, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr("quiet")})
	require.NoError(t, err)
	waitHooks(t, srv)
	got := rc.take(t)
	require.Len(t, got, 1, "only the Create with the header sends onUserAdded")
	got[0].Common().Params = nil
	assert.Equal(t, &webhook.UserAddedEvent{
		Event: event(srv, svc.SID, "onUserAdded", "API", "", 0), UserSID: u.SID, Identity: "carol", FriendlyName: "Carol",
		RoleSID: roles["service user"], Attributes: []byte(`{"c":3}`), DateCreated: t0,
	}, got[0])
}

func TestWebhookDatesCarryMilliseconds(t *testing.T) {
	t.Parallel()
	srv, client, svc, rc := receiving(t, "onChannelUpdated", "onMessageRemoved")
	ctx := context.Background()
	on := twiliochat.Ptr(true)
	ch, err := client.Channels.Create(ctx, svc.SID, nil)
	require.NoError(t, err)
	_, err = client.Channels.Update(ctx, svc.SID, ch.SID, &twiliochat.UpdateChannelParams{FriendlyName: twiliochat.Ptr("x"), WebhookEnabled: on})
	require.NoError(t, err)
	m, err := client.Messages.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateMessageParams{Body: twiliochat.Ptr("hi")})
	require.NoError(t, err)
	require.NoError(t, client.Messages.Delete(ctx, svc.SID, ch.SID, m.SID, &twiliochat.DeleteMessageParams{WebhookEnabled: on}))

	ds := waitHooks(t, srv)
	require.Len(t, ds, 2)
	const want = "2015-07-30T20:00:00.000Z"
	for _, d := range ds {
		for _, key := range []string{"DateCreated", "DateUpdated"} {
			assert.Equal(t, want, d.Params.Get(key), "%s %s", d.EventType, key)
		}
	}
	assert.Equal(t, want, ds[1].Params.Get("DateRemoved"))
	got := rc.take(t)
	require.Len(t, got, 2)
	updated := got[0].(*webhook.ChannelUpdatedEvent)
	assert.Equal(t, []time.Time{t0, t0}, []time.Time{updated.DateCreated, updated.DateUpdated}, "webhook.Parse reads them")
	removed := got[1].(*webhook.MessageRemovedEvent)
	assert.Equal(t, []time.Time{t0, t0, t0}, []time.Time{removed.DateCreated, removed.DateUpdated, removed.DateRemoved})
}

func TestPreEventsCarryRetryCount(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	hook := answering(t, http.StatusServiceUnavailable, http.StatusOK)
	pointAt(t, client, svc.SID, hook.URL, http.MethodPost, 1, "onMessageSend")
	alice := aliceInGeneral(t, srv, svc.SID)
	_, err := alice.SendMessage(ctx, "general", "hi", "")
	require.NoError(t, err)

	ds := srv.Deliveries()
	require.Len(t, ds, 2)
	for n, d := range ds {
		assert.Equal(t, strconv.Itoa(n), d.Params.Get("RetryCount"), "attempt %d", n)
		p, err := webhook.Parse(d.Params)
		require.NoError(t, err)
		assert.Equal(t, n, p.Common().RetryCount)
	}
}

// createHook adds a channel webhook of typ with conf to the channel.
func createHook(t *testing.T, client *twiliochat.Client, serviceSID, channel string, typ twiliochat.ChannelWebhookType, conf twiliochat.ChannelWebhookConfigurationParams) (*twiliochat.ChannelWebhook, error) {
	t.Helper()
	return client.ChannelWebhooks.Create(context.Background(), serviceSID, channel, &twiliochat.CreateChannelWebhookParams{Type: &typ, Configuration: &conf})
}

func TestTriggerWebhooks(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	rc := newReceiver(t, srv.AuthToken())
	alice := aliceInGeneral(t, srv, svc.SID)
	w, err := createHook(t, client, svc.SID, "general", twiliochat.ChannelWebhookTypeTrigger, twiliochat.ChannelWebhookConfigurationParams{
		URL: twiliochat.Ptr(rc.URL + "/trigger"), Triggers: []string{"help", "urgent"},
	})
	require.NoError(t, err)

	tests := []struct {
		body   string
		called bool
	}{
		{"I need help", true},
		{"urgent!", true},
		{"helpdesk please", true}, // the text is present, inside a word
		{"HELP", false},           // not as it is written
		{"hello", false},
		{"", false},
	}
	for _, tt := range tests {
		_, err := alice.SendMessage(ctx, "general", tt.body, "")
		require.NoError(t, err)
		_, err = client.Messages.Create(ctx, svc.SID, "general", &twiliochat.CreateMessageParams{Body: twiliochat.Ptr(tt.body), WebhookEnabled: twiliochat.Ptr(true)})
		require.NoError(t, err)
		waitHooks(t, srv)
		got := rc.take(t)
		if !tt.called {
			assert.Empty(t, got, tt.body)
			continue
		}
		require.Len(t, got, 2, "%q: the SDK's message and the REST one", tt.body)
		for i, source := range []string{"SDK", "API"} {
			sent, ok := got[i].(*webhook.MessageSentEvent)
			require.True(t, ok, "%T", got[i])
			assert.Equal(t, tt.body, sent.Body)
			assert.Equal(t, source, sent.Source)
			assert.Equal(t, w.SID, sent.WebhookSID)
			assert.Equal(t, "trigger", sent.WebhookType)
			assert.Equal(t, "onMessageSent", sent.EventType)
		}
	}
	for _, d := range srv.Deliveries() {
		assert.Equal(t, rc.URL+"/trigger", d.URL)
		assert.Equal(t, http.MethodPost, d.Method)
	}
}

func TestStudioWebhooksAreRecorded(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	ch, err := srv.SeedChannel(svc.SID, "general")
	require.NoError(t, err)
	const flow = "FW0123456789abcdef0123456789abcdef"
	w, err := createHook(t, client, svc.SID, "general", twiliochat.ChannelWebhookTypeStudio, twiliochat.ChannelWebhookConfigurationParams{
		FlowSID: twiliochat.Ptr(flow), Filters: []string{"onMessageSent"},
	})
	require.NoError(t, err)
	_, err = client.Messages.Create(ctx, svc.SID, "general", &twiliochat.CreateMessageParams{Body: twiliochat.Ptr("hi"), WebhookEnabled: twiliochat.Ptr(true)})
	require.NoError(t, err)
	_, err = client.Channels.Update(ctx, svc.SID, "general", &twiliochat.UpdateChannelParams{FriendlyName: twiliochat.Ptr("x"), WebhookEnabled: twiliochat.Ptr(true)})
	require.NoError(t, err)

	ds := waitHooks(t, srv)
	require.Len(t, ds, 1, "only the event its filters name")
	d := ds[0]
	assert.Equal(t, "https://webhooks.twilio.com/v1/Accounts/"+srv.AccountSID()+"/Flows/"+flow, d.URL)
	assert.Equal(t, http.MethodPost, d.Method)
	assert.Equal(t, "onMessageSent", d.EventType)
	assert.Equal(t, w.SID, d.WebhookSID)
	assert.Zero(t, d.Status, "not sent")
	assert.Contains(t, d.Err, "Studio Flow")
	assert.Zero(t, d.Attempt)
	p, err := webhook.Parse(d.Params)
	require.NoError(t, err)
	sent := p.(*webhook.MessageSentEvent)
	assert.Equal(t, "studio", sent.WebhookType)
	assert.Equal(t, w.SID, sent.WebhookSID)
	assert.Equal(t, ch, sent.ChannelSID)
	assert.Equal(t, "hi", sent.Body)
	assert.True(t, webhook.ValidSignature(srv.AuthToken(), d.URL, d.Params, d.Signature), "signed as Twilio signs")
}

func TestAtMostFiveWebhooksPerChannel(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	_, err := srv.SeedChannel(svc.SID, "general")
	require.NoError(t, err)
	conf := twiliochat.ChannelWebhookConfigurationParams{URL: twiliochat.Ptr("https://example.com/hook"), Filters: []string{"onMessageSent"}}
	var sids []string
	for range 5 {
		w, err := createHook(t, client, svc.SID, "general", twiliochat.ChannelWebhookTypeWebhook, conf)
		require.NoError(t, err)
		sids = append(sids, w.SID)
	}
	_, err = createHook(t, client, svc.SID, "general", twiliochat.ChannelWebhookTypeWebhook, conf)
	assertAPIError(t, err, http.StatusBadRequest, twiliochat.ErrCodeTooManyChannelWebhooks)
	var listed []string
	for w, err := range client.ChannelWebhooks.List(context.Background(), svc.SID, "general", nil) {
		require.NoError(t, err)
		listed = append(listed, w.SID)
	}
	assert.Equal(t, sids, listed, "the sixth is not stored")

	require.NoError(t, client.ChannelWebhooks.Delete(context.Background(), svc.SID, "general", sids[0]))
	_, err = createHook(t, client, svc.SID, "general", twiliochat.ChannelWebhookTypeStudio, twiliochat.ChannelWebhookConfigurationParams{FlowSID: twiliochat.Ptr("FW0123456789abcdef0123456789abcdef")})
	assert.NoError(t, err, "room again after a delete")
}

// setPermissions replaces the permissions of the service's role named
// name with perms, over REST.
func setPermissions(t *testing.T, client *twiliochat.Client, serviceSID, name string, perms ...string) {
	t.Helper()
	sid := roleSIDs(t, client, serviceSID)[name]
	require.NotEmpty(t, sid, name)
	_, err := client.Roles.Update(context.Background(), serviceSID, sid, &twiliochat.UpdateRoleParams{Permission: perms})
	require.NoError(t, err)
}

func TestSDKMediaMessage(t *testing.T) {
	t.Parallel()
	srv, client, svc, rc := receiving(t, "onMediaMessageSend", "onMediaMessageSent")
	ctx := context.Background()
	alice := aliceInGeneral(t, srv, svc.SID)
	cat := twiliochattest.SDKMedia{Filename: "cat.png", ContentType: "image/png", Size: 20480}

	_, err := alice.SendMediaMessage(ctx, "general", cat, "")
	var denied *twiliochattest.PermissionError
	require.ErrorAs(t, err, &denied, "the default channel user lacks sendMediaMessage")
	assert.Equal(t, "sendMediaMessage", denied.Permission)
	assert.Empty(t, srv.Deliveries(), "no webhook for a denied action")

	setPermissions(t, client, svc.SID, "channel user", "sendMessage", "sendMediaMessage")
	m, err := alice.SendMediaMessage(ctx, "general", cat, `{"caption":"mine"}`)
	require.NoError(t, err)
	require.NotEmpty(t, m.MediaSID)
	assert.Equal(t, "alice", m.From)

	stored, err := client.Messages.Fetch(ctx, svc.SID, "general", m.SID)
	require.NoError(t, err)
	assert.Equal(t, "media", string(stored.Type))
	assert.Equal(t, twiliochat.MessageMedia{SID: m.MediaSID, Filename: "cat.png", ContentType: "image/png", Size: 20480}, stored.Media)

	waitHooks(t, srv)
	got := rc.take(t)
	require.Len(t, got, 2)
	media := &webhook.Media{SID: m.MediaSID, Filename: "cat.png", ContentType: "image/png", Size: 20480}
	fields := webhook.MessageFields{ChannelSID: m.ChannelSID, Attributes: []byte(`{"caption":"mine"}`), From: "alice", DateCreated: t0}
	for _, p := range got {
		p.Common().Params = nil
	}
	assert.Equal(t, []webhook.Payload{
		&webhook.MessageSendEvent{Event: event(srv, svc.SID, "onMediaMessageSend", "SDK", "alice", 0), MessageFields: fields, Media: media},
		&webhook.MessageSentEvent{Event: event(srv, svc.SID, "onMediaMessageSent", "SDK", "alice", 0), MessageSID: m.SID, MessageFields: fields, Media: media},
	}, got)
}

// gatekeeper is a webhook.Handler that records the channel and user
// pre-events it gets and rejects a channel named "forbidden", a name
// holding "spam", the destruction of "keep" and a user name holding
// "admin".
type gatekeeper struct {
	mu  sync.Mutex
	got []webhook.Payload
}

func (g *gatekeeper) serve(t *testing.T, token string) string {
	t.Helper()
	h, err := webhook.NewHandler(token)
	require.NoError(t, err)
	record := func(p webhook.Payload, reject bool) (webhook.Decision, error) {
		g.mu.Lock()
		defer g.mu.Unlock()
		p.Common().Params = nil
		g.got = append(g.got, p)
		return decide(reject), nil
	}
	h.OnChannelAdd(func(_ context.Context, e *webhook.ChannelAddEvent) (webhook.Decision, error) {
		return record(e, e.UniqueName == "forbidden")
	})
	h.OnChannelUpdate(func(_ context.Context, e *webhook.ChannelUpdateEvent) (webhook.Decision, error) {
		return record(e, strings.Contains(e.FriendlyName, "spam"))
	})
	h.OnChannelDestroy(func(_ context.Context, e *webhook.ChannelDestroyEvent) (webhook.Decision, error) {
		return record(e, e.UniqueName == "keep")
	})
	h.OnUserUpdate(func(_ context.Context, e *webhook.UserUpdateEvent) (webhook.Decision, error) {
		return record(e, strings.Contains(e.FriendlyName, "admin"))
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

func (g *gatekeeper) take() []webhook.Payload {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := g.got
	g.got = nil
	return out
}

func TestSDKChannelAndUserPreEvents(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	g := &gatekeeper{}
	pointAt(t, client, svc.SID, g.serve(t, srv.AuthToken()), http.MethodPost, 0,
		"onChannelAdd", "onChannelUpdate", "onChannelDestroy", "onUserUpdate")
	alice, err := srv.ConnectAs(svc.SID, "alice")
	require.NoError(t, err)
	roles := roleSIDs(t, client, svc.SID)
	_, err = client.Users.Update(ctx, svc.SID, "alice", &twiliochat.UpdateUserParams{RoleSID: twiliochat.Ptr(roles["service admin"])})
	require.NoError(t, err)
	sdk := func(typ string) webhook.Event { return event(srv, svc.SID, typ, "SDK", "alice", 0) }
	var rejected *twiliochattest.RejectedError

	// onChannelAdd
	_, err = alice.CreateChannel(ctx, twiliochattest.SDKChannelParams{UniqueName: twiliochat.Ptr("forbidden")})
	require.ErrorAs(t, err, &rejected)
	assert.Equal(t, "onChannelAdd", rejected.EventType)
	sid, err := alice.CreateChannel(ctx, twiliochattest.SDKChannelParams{
		UniqueName: twiliochat.Ptr("keep"), FriendlyName: twiliochat.Ptr("Keep"), Attributes: twiliochat.Ptr(`{"k":1}`), Type: "private",
	})
	require.NoError(t, err)
	ch, err := client.Channels.Fetch(ctx, svc.SID, sid)
	require.NoError(t, err)
	assert.Equal(t, "alice", ch.CreatedBy)
	assert.Equal(t, "private", string(ch.Type))
	assert.Equal(t, 0, ch.MembersCount, "the creator does not join")
	fields := func(name string) webhook.ChannelFields {
		return webhook.ChannelFields{ChannelType: "private", FriendlyName: name, UniqueName: "keep", Attributes: []byte(`{"k":1}`), CreatedBy: "alice"}
	}
	assert.Equal(t, []webhook.Payload{
		&webhook.ChannelAddEvent{Event: sdk("onChannelAdd"), ChannelFields: webhook.ChannelFields{ChannelType: "public", UniqueName: "forbidden", Attributes: []byte("{}"), CreatedBy: "alice"}},
		&webhook.ChannelAddEvent{Event: sdk("onChannelAdd"), ChannelFields: fields("Keep")},
	}, g.take())

	// onChannelUpdate
	err = alice.UpdateChannel(ctx, "keep", twiliochattest.SDKChannelParams{FriendlyName: twiliochat.Ptr("spam")})
	require.ErrorAs(t, err, &rejected)
	require.NoError(t, alice.UpdateChannel(ctx, "keep", twiliochattest.SDKChannelParams{FriendlyName: twiliochat.Ptr("Kept")}))
	ch, err = client.Channels.Fetch(ctx, svc.SID, sid)
	require.NoError(t, err)
	assert.Equal(t, "Kept", ch.FriendlyName)
	assert.Equal(t, []webhook.Payload{
		&webhook.ChannelUpdateEvent{Event: sdk("onChannelUpdate"), ChannelSID: sid, ChannelFields: fields("spam"), DateCreated: t0, DateUpdated: t0},
		&webhook.ChannelUpdateEvent{Event: sdk("onChannelUpdate"), ChannelSID: sid, ChannelFields: fields("Kept"), DateCreated: t0, DateUpdated: t0},
	}, g.take())

	// onChannelDestroy
	require.ErrorAs(t, alice.DestroyChannel(ctx, "keep"), &rejected)
	_, err = client.Channels.Fetch(ctx, svc.SID, sid)
	require.NoError(t, err, "a rejected destroy keeps the channel")
	assert.Equal(t, []webhook.Payload{
		&webhook.ChannelDestroyEvent{Event: sdk("onChannelDestroy"), ChannelSID: sid, ChannelFields: fields("Kept"), DateCreated: t0, DateUpdated: t0},
	}, g.take())
	other, err := alice.CreateChannel(ctx, twiliochattest.SDKChannelParams{UniqueName: twiliochat.Ptr("drop")})
	require.NoError(t, err)
	g.take()
	require.NoError(t, alice.DestroyChannel(ctx, "drop"))
	_, err = client.Channels.Fetch(ctx, svc.SID, other)
	assertAPIError(t, err, http.StatusNotFound, 20404)
	got := g.take()
	require.Len(t, got, 1)
	require.IsType(t, &webhook.ChannelDestroyEvent{}, got[0])
	assert.Equal(t, other, got[0].(*webhook.ChannelDestroyEvent).ChannelSID)

	// onUserUpdate
	err = alice.UpdateUser(ctx, twiliochattest.SDKUserParams{FriendlyName: twiliochat.Ptr("the admin")})
	require.ErrorAs(t, err, &rejected)
	require.NoError(t, alice.UpdateUser(ctx, twiliochattest.SDKUserParams{FriendlyName: twiliochat.Ptr("Alice"), Attributes: twiliochat.Ptr(`{"a":1}`)}))
	u, err := client.Users.Fetch(ctx, svc.SID, "alice")
	require.NoError(t, err)
	assert.Equal(t, "Alice", u.FriendlyName)
	assert.JSONEq(t, `{"a":1}`, string(u.Attributes))
	assert.Equal(t, []webhook.Payload{
		&webhook.UserUpdateEvent{Event: sdk("onUserUpdate"), UserSID: u.SID, Identity: "alice", FriendlyName: "the admin", RoleSID: roles["service admin"], Attributes: []byte("{}"), DateCreated: t0, DateUpdated: t0},
		&webhook.UserUpdateEvent{Event: sdk("onUserUpdate"), UserSID: u.SID, Identity: "alice", FriendlyName: "Alice", RoleSID: roles["service admin"], Attributes: []byte(`{"a":1}`), DateCreated: t0, DateUpdated: t0},
	}, g.take())
}

// preEvents are the pre-events an SDKClient sends.
var preEvents = []string{
	"onMessageSend", "onMediaMessageSend", "onMessageUpdate", "onMessageRemove", "onMemberAdd", "onMemberRemove",
	"onChannelAdd", "onChannelUpdate", "onChannelDestroy", "onUserUpdate",
}

func TestSDKActionsObeyRoles(t *testing.T) {
	t.Parallel()
	channelUser := []string{"sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"}
	serviceUser := []string{"createChannel", "editOwnUserInfo", "joinChannel"}
	without := func(perms []string, drop string) []string {
		var out []string
		for _, p := range perms {
			if p != drop {
				out = append(out, p)
			}
		}
		return out
	}
	type chat struct {
		alice        *twiliochattest.SDKClient
		mine, theirs string // messages of alice and of bob in general
	}
	tests := []struct {
		name        string
		channelRole []string // the channel user's permissions
		serviceRole []string // the service user's permissions
		act         func(ctx context.Context, c chat) error
		wantDenied  string // the permission named, "" when allowed
	}{
		{"send", without(channelUser, "sendMessage"), serviceUser, func(ctx context.Context, c chat) error {
			_, err := c.alice.SendMessage(ctx, "general", "hi", "")
			return err
		}, "sendMessage"},
		{"edit own", without(channelUser, "editOwnMessage"), serviceUser, func(ctx context.Context, c chat) error {
			_, err := c.alice.UpdateMessageBody(ctx, "general", c.mine, "edited")
			return err
		}, "editOwnMessage"},
		{"edit another's", channelUser, serviceUser, func(ctx context.Context, c chat) error {
			_, err := c.alice.UpdateMessageBody(ctx, "general", c.theirs, "edited")
			return err
		}, "editAnyMessage"},
		{"edit another's attributes", channelUser, serviceUser, func(ctx context.Context, c chat) error {
			_, err := c.alice.UpdateMessageAttributes(ctx, "general", c.theirs, `{"x":1}`)
			return err
		}, "editAnyMessageAttributes"},
		{"edit another's with editAnyMessage", append(channelUser, "editAnyMessage"), serviceUser, func(ctx context.Context, c chat) error {
			_, err := c.alice.UpdateMessageBody(ctx, "general", c.theirs, "edited")
			return err
		}, ""},
		{"remove own", without(channelUser, "deleteOwnMessage"), serviceUser, func(ctx context.Context, c chat) error {
			return c.alice.RemoveMessage(ctx, "general", c.mine)
		}, "deleteOwnMessage"},
		{"remove another's", channelUser, serviceUser, func(ctx context.Context, c chat) error {
			return c.alice.RemoveMessage(ctx, "general", c.theirs)
		}, "deleteAnyMessage"},
		{"remove another's with the service role's deleteAnyMessage", channelUser, append(serviceUser, "deleteAnyMessage"), func(ctx context.Context, c chat) error {
			return c.alice.RemoveMessage(ctx, "general", c.theirs)
		}, ""},
		{"leave", without(channelUser, "leaveChannel"), serviceUser, func(ctx context.Context, c chat) error {
			return c.alice.LeaveChannel(ctx, "general")
		}, "leaveChannel"},
		{"join", channelUser, without(serviceUser, "joinChannel"), func(ctx context.Context, c chat) error {
			_, err := c.alice.JoinChannel(ctx, "other")
			return err
		}, "joinChannel"},
		{"create a channel", channelUser, without(serviceUser, "createChannel"), func(ctx context.Context, c chat) error {
			_, err := c.alice.CreateChannel(ctx, twiliochattest.SDKChannelParams{})
			return err
		}, "createChannel"},
		{"rename a channel", channelUser, serviceUser, func(ctx context.Context, c chat) error {
			return c.alice.UpdateChannel(ctx, "general", twiliochattest.SDKChannelParams{FriendlyName: twiliochat.Ptr("x")})
		}, "editChannelName"},
		{"rename a channel as its member", append(channelUser, "editChannelName"), serviceUser, func(ctx context.Context, c chat) error {
			return c.alice.UpdateChannel(ctx, "general", twiliochattest.SDKChannelParams{FriendlyName: twiliochat.Ptr("x")})
		}, ""},
		{"change a channel's attributes", channelUser, serviceUser, func(ctx context.Context, c chat) error {
			return c.alice.UpdateChannel(ctx, "general", twiliochattest.SDKChannelParams{Attributes: twiliochat.Ptr("{}")})
		}, "editChannelAttributes"},
		{"destroy a channel", channelUser, serviceUser, func(ctx context.Context, c chat) error {
			return c.alice.DestroyChannel(ctx, "general")
		}, "destroyChannel"},
		{"change one's user", channelUser, without(serviceUser, "editOwnUserInfo"), func(ctx context.Context, c chat) error {
			return c.alice.UpdateUser(ctx, twiliochattest.SDKUserParams{FriendlyName: twiliochat.Ptr("A")})
		}, "editOwnUserInfo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, client, svc, _ := receiving(t, preEvents...)
			ctx := context.Background()
			_, err := srv.SeedChannel(svc.SID, "general")
			require.NoError(t, err)
			_, err = srv.SeedChannel(svc.SID, "other")
			require.NoError(t, err)
			for _, id := range []string{"alice", "bob"} {
				_, err = srv.SeedMember(svc.SID, "general", id)
				require.NoError(t, err)
			}
			var c chat
			for _, m := range []struct {
				from string
				sid  *string
			}{{"alice", &c.mine}, {"bob", &c.theirs}} {
				msg, err := client.Messages.Create(ctx, svc.SID, "general", &twiliochat.CreateMessageParams{From: twiliochat.Ptr(m.from), Body: twiliochat.Ptr("by " + m.from)})
				require.NoError(t, err)
				*m.sid = msg.SID
			}
			setPermissions(t, client, svc.SID, "channel user", tt.channelRole...)
			setPermissions(t, client, svc.SID, "service user", tt.serviceRole...)
			c.alice, err = srv.ConnectAs(svc.SID, "alice")
			require.NoError(t, err)
			srv.ResetRequests()

			err = tt.act(ctx, c)
			if tt.wantDenied == "" {
				require.NoError(t, err)
				assert.Len(t, srv.Deliveries(), 1, "its pre-event")
				return
			}
			var denied *twiliochattest.PermissionError
			require.ErrorAs(t, err, &denied)
			assert.Equal(t, tt.wantDenied, denied.Permission)
			assert.Equal(t, "alice", denied.Identity)
			assert.Contains(t, err.Error(), tt.wantDenied)
			assert.Empty(t, srv.Deliveries(), "no pre-event for a denied action")
			assert.Empty(t, waitHooks(t, srv), "nor a post-event")

			// What was refused is unchanged, and the REST API, which
			// roles do not limit, still does it.
			assert.Equal(t, []string{"alice: by alice {}", "bob: by bob {}"}, bodies(t, client, svc.SID))
			_, err = client.Messages.Update(ctx, svc.SID, "general", c.theirs, &twiliochat.UpdateMessageParams{Body: twiliochat.Ptr("by REST")})
			assert.NoError(t, err)
		})
	}
}

func TestInviteBecomesMembership(t *testing.T) {
	t.Parallel()
	srv, client, svc, rc := receiving(t, "onMemberAdd", "onMemberAdded")
	ctx := context.Background()
	chSID, err := srv.SeedChannel(svc.SID, "general")
	require.NoError(t, err)
	roles := roleSIDs(t, client, svc.SID)
	inv, err := client.Invites.Create(ctx, svc.SID, "general", &twiliochat.CreateInviteParams{Identity: twiliochat.Ptr("alice"), RoleSID: twiliochat.Ptr(roles["channel admin"])})
	require.NoError(t, err)
	other, err := client.Invites.Create(ctx, svc.SID, "general", &twiliochat.CreateInviteParams{Identity: twiliochat.Ptr("bob")})
	require.NoError(t, err)
	alice, err := srv.ConnectAs(svc.SID, "alice")
	require.NoError(t, err)

	memberSID, err := alice.JoinChannel(ctx, "general")
	require.NoError(t, err)

	_, err = client.Invites.Fetch(ctx, svc.SID, "general", inv.SID)
	assertAPIError(t, err, http.StatusNotFound, 20404)
	_, err = client.Invites.Fetch(ctx, svc.SID, "general", other.SID)
	assert.NoError(t, err, "another user's invite stays")
	m, err := client.Members.Fetch(ctx, svc.SID, "general", "alice")
	require.NoError(t, err)
	assert.Equal(t, memberSID, m.SID)
	assert.Equal(t, roles["channel admin"], m.RoleSID, "the invite's role")
	uc, err := client.UserChannels.Fetch(ctx, svc.SID, "alice", chSID)
	require.NoError(t, err)
	assert.Equal(t, "joined", string(uc.Status))

	waitHooks(t, srv)
	got := rc.take(t)
	require.Len(t, got, 2)
	add, ok := got[0].(*webhook.MemberAddEvent)
	require.True(t, ok, "%T", got[0])
	assert.Equal(t, roles["channel admin"], add.RoleSID)
	added, ok := got[1].(*webhook.MemberAddedEvent)
	require.True(t, ok, "%T", got[1])
	assert.Equal(t, memberSID, added.MemberSID)
	assert.Equal(t, roles["channel admin"], added.RoleSID)
	assert.Equal(t, "JOINED", added.Reason)
}

func TestRejectedJoinKeepsTheInvite(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	pointAt(t, client, svc.SID, answering(t, http.StatusForbidden).URL, http.MethodPost, 0, "onMemberAdd")
	_, err := srv.SeedChannel(svc.SID, "general")
	require.NoError(t, err)
	inv, err := client.Invites.Create(ctx, svc.SID, "general", &twiliochat.CreateInviteParams{Identity: twiliochat.Ptr("alice")})
	require.NoError(t, err)
	alice, err := srv.ConnectAs(svc.SID, "alice")
	require.NoError(t, err)
	_, err = alice.JoinChannel(ctx, "general")
	var rejected *twiliochattest.RejectedError
	require.ErrorAs(t, err, &rejected)
	_, err = client.Invites.Fetch(ctx, svc.SID, "general", inv.SID)
	assert.NoError(t, err)
}
