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
