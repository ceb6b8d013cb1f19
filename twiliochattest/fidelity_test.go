package twiliochattest_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/webhook"
)

// The webhooks as Twilio sends them: the events, parameters and formats of
// https://www.twilio.com/docs/chat/webhook-events that a backend's handler
// trips on when the fake gets them wrong.

func TestCreateUserSendsUserAdded(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	rc := newReceiver(t, srv.AuthToken())
	pointAt(t, client, svc.SID, rc.URL, http.MethodPost, 0, "onUserAdded", "onUserUpdated")
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
	srv, client, svc := newChat(t)
	ctx := context.Background()
	rc := newReceiver(t, srv.AuthToken())
	pointAt(t, client, svc.SID, rc.URL, http.MethodPost, 0, "onChannelUpdated", "onMessageRemoved")
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
	_, err := srv.SeedChannel(svc.SID, "general")
	require.NoError(t, err)
	_, err = srv.SeedMember(svc.SID, "general", "alice")
	require.NoError(t, err)
	alice, err := srv.ConnectAs(svc.SID, "alice")
	require.NoError(t, err)
	_, err = alice.SendMessage(ctx, "general", "hi", "")
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
	_, err := srv.SeedChannel(svc.SID, "general")
	require.NoError(t, err)
	_, err = srv.SeedMember(svc.SID, "general", "alice")
	require.NoError(t, err)
	w, err := createHook(t, client, svc.SID, "general", twiliochat.ChannelWebhookTypeTrigger, twiliochat.ChannelWebhookConfigurationParams{
		URL: twiliochat.Ptr(rc.URL + "/trigger"), Triggers: []string{"help", "urgent"},
	})
	require.NoError(t, err)
	alice, err := srv.ConnectAs(svc.SID, "alice")
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
	assertAPIError(t, err, http.StatusBadRequest, 50321)
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
