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

// The webhooks the fake sends for REST actions with X-Twilio-Webhook-Enabled
// and for SDKClient actions, received by webhook.VerifyRequest and
// webhook.Parse, or by a webhook.Handler.

// allEvents are the events the fake sends.
var allEvents = []string{
	"onMessageSend", "onMessageSent", "onMediaMessageSent", "onMessageUpdate", "onMessageUpdated",
	"onMessageRemove", "onMessageRemoved", "onChannelAdded", "onChannelUpdated", "onChannelDestroyed",
	"onMemberAdd", "onMemberAdded", "onMemberUpdated", "onMemberRemove", "onMemberRemoved", "onUserUpdated",
}

// receiver is a webhook URL that verifies each request with
// webhook.VerifyRequest, decodes it with webhook.Parse and answers 200.
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	payloads []webhook.Payload
	failures []string
}

func newReceiver(t *testing.T, token string) *receiver {
	t.Helper()
	rc := &receiver{}
	rc.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		params, err := webhook.VerifyRequest(token, r)
		var p webhook.Payload
		if err == nil {
			p, err = webhook.Parse(params)
		}
		rc.mu.Lock()
		defer rc.mu.Unlock()
		if err != nil {
			rc.failures = append(rc.failures, err.Error())
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		rc.payloads = append(rc.payloads, p)
	}))
	t.Cleanup(rc.Close)
	return rc
}

// take returns the payloads received since the last take.
func (rc *receiver) take(t *testing.T) []webhook.Payload {
	t.Helper()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	require.Empty(t, rc.failures, "every request verifies and parses")
	out := rc.payloads
	rc.payloads = nil
	return out
}

// pointAt sets the service's pre- and post-event URLs to u, with filters,
// method and retry counts, through the REST API.
func pointAt(t *testing.T, client *twiliochat.Client, serviceSID, u, method string, retries int, filters ...string) {
	t.Helper()
	_, err := client.Services.Update(context.Background(), serviceSID, &twiliochat.UpdateServiceParams{
		PreWebhookURL: twiliochat.Ptr(u), PostWebhookURL: twiliochat.Ptr(u), WebhookMethod: twiliochat.Ptr(twiliochat.WebhookMethod(method)),
		WebhookFilters: filters, PreWebhookRetryCount: twiliochat.Ptr(retries), PostWebhookRetryCount: twiliochat.Ptr(retries),
	})
	require.NoError(t, err)
}

// waitHooks waits for the post-event webhooks queued so far.
func waitHooks(t *testing.T, srv *twiliochattest.Server) []twiliochattest.Delivery {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ds, err := srv.WaitDeliveries(ctx)
	require.NoError(t, err)
	return ds
}

// event is the Event every payload of the fake's service svc carries.
func event(srv *twiliochattest.Server, svcSID, typ, source, identity string, retry int) webhook.Event {
	return webhook.Event{EventType: typ, AccountSID: srv.AccountSID(), InstanceSID: svcSID, Source: source, ClientIdentity: identity, RetryCount: retry}
}

func TestEveryEventParses(t *testing.T) {
	t.Parallel()
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			testEveryEventParses(t, method)
		})
	}
}

func testEveryEventParses(t *testing.T, method string) {
	srv, client, svc := newChat(t)
	ctx := context.Background()
	rc := newReceiver(t, srv.AuthToken())
	pointAt(t, client, svc.SID, rc.URL+"/hooks", method, 0, allEvents...)
	on := twiliochat.Ptr(true)
	api := func(typ string) webhook.Event { return event(srv, svc.SID, typ, "API", "", 0) }
	sdk := func(typ string) webhook.Event { return event(srv, svc.SID, typ, "SDK", "alice", 0) }
	attrs := func(s string) []byte { return []byte(s) }

	ch, err := client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{
		UniqueName: twiliochat.Ptr("general"), FriendlyName: twiliochat.Ptr("General"),
		Attributes: twiliochat.Ptr(`{"topic":"news"}`), CreatedBy: twiliochat.Ptr("bob"), WebhookEnabled: on,
	})
	require.NoError(t, err)
	channelFields := webhook.ChannelFields{ChannelType: "public", FriendlyName: "General", UniqueName: "general", Attributes: attrs(`{"topic":"news"}`), CreatedBy: "bob"}
	alice, err := srv.ConnectAs(svc.SID, "alice")
	require.NoError(t, err)
	var bobSID, msgSID, aliceMsgSID, aliceMember string
	roles := roleSIDs(t, client, svc.SID)
	steps := []struct {
		name string
		do   func() error
		want []webhook.Payload
	}{
		{"REST create channel", func() error { return nil }, []webhook.Payload{
			&webhook.ChannelAddedEvent{Event: api("onChannelAdded"), ChannelSID: ch.SID, ChannelFields: channelFields, DateCreated: t0},
		}},
		{"REST update channel", func() error {
			_, err := client.Channels.Update(ctx, svc.SID, "general", &twiliochat.UpdateChannelParams{FriendlyName: twiliochat.Ptr("News"), WebhookEnabled: on})
			channelFields.FriendlyName = "News"
			return err
		}, nil}, // filled in below, once channelFields is updated
		{"REST add member", func() error {
			m, err := client.Members.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("bob"), WebhookEnabled: on})
			if m != nil {
				bobSID = m.SID
			}
			return err
		}, nil},
		{"REST update member", func() error {
			_, err := client.Members.Update(ctx, svc.SID, ch.SID, "bob", &twiliochat.UpdateMemberParams{LastConsumedMessageIndex: twiliochat.Ptr(4), WebhookEnabled: on})
			return err
		}, nil},
		{"REST send message", func() error {
			m, err := client.Messages.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateMessageParams{From: twiliochat.Ptr("bob"), Body: twiliochat.Ptr("hi & bye"), Attributes: twiliochat.Ptr(`{"a":1}`), WebhookEnabled: on})
			if m != nil {
				msgSID = m.SID
			}
			return err
		}, nil},
		{"REST send media", func() error {
			_, err := client.Messages.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateMessageParams{From: twiliochat.Ptr("bob"), MediaSID: twiliochat.Ptr("ME0123456789abcdef0123456789abcdef"), WebhookEnabled: on})
			return err
		}, nil},
		{"REST update message", func() error {
			_, err := client.Messages.Update(ctx, svc.SID, ch.SID, msgSID, &twiliochat.UpdateMessageParams{Body: twiliochat.Ptr("edited"), WebhookEnabled: on})
			return err
		}, nil},
		{"REST delete message", func() error {
			return client.Messages.Delete(ctx, svc.SID, ch.SID, msgSID, &twiliochat.DeleteMessageParams{WebhookEnabled: on})
		}, nil},
		{"REST update user", func() error {
			_, err := client.Users.Update(ctx, svc.SID, "bob", &twiliochat.UpdateUserParams{FriendlyName: twiliochat.Ptr("Bob"), Attributes: twiliochat.Ptr(`{"b":2}`), WebhookEnabled: on})
			return err
		}, nil},
		{"REST remove member", func() error {
			return client.Members.Delete(ctx, svc.SID, ch.SID, "bob", &twiliochat.DeleteMemberParams{WebhookEnabled: on})
		}, nil},
		{"SDK join", func() error {
			var err error
			aliceMember, err = alice.JoinChannel(ctx, "general")
			return err
		}, nil},
		{"SDK send", func() error {
			m, err := alice.SendMessage(ctx, "general", "hello", `{"x":true}`)
			aliceMsgSID = m.SID
			return err
		}, nil},
		{"SDK edit", func() error {
			_, err := alice.UpdateMessageBody(ctx, "general", aliceMsgSID, "hello!")
			return err
		}, nil},
		{"SDK remove", func() error { return alice.RemoveMessage(ctx, "general", aliceMsgSID) }, nil},
		{"SDK leave", func() error { return alice.LeaveChannel(ctx, "general") }, nil},
		{"REST delete channel", func() error {
			return client.Channels.Delete(ctx, svc.SID, ch.SID, &twiliochat.DeleteChannelParams{WebhookEnabled: on})
		}, nil},
	}
	// The expected payloads read values set by earlier steps, so each is
	// built when its step has run.
	want := map[string]func() []webhook.Payload{
		"REST update channel": func() []webhook.Payload {
			return []webhook.Payload{&webhook.ChannelUpdatedEvent{Event: api("onChannelUpdated"), ChannelSID: ch.SID, ChannelFields: channelFields, DateCreated: t0, DateUpdated: t0}}
		},
		"REST add member": func() []webhook.Payload {
			return []webhook.Payload{&webhook.MemberAddedEvent{Event: api("onMemberAdded"), MemberSID: bobSID,
				MemberFields: webhook.MemberFields{ChannelSID: ch.SID, Identity: "bob", RoleSID: svc.DefaultChannelRoleSID, Attributes: attrs("{}")},
				Reason:       "ADDED", DateCreated: t0}}
		},
		"REST update member": func() []webhook.Payload {
			return []webhook.Payload{&webhook.MemberUpdatedEvent{Event: api("onMemberUpdated"), MemberSID: bobSID,
				MemberFields:             webhook.MemberFields{ChannelSID: ch.SID, Identity: "bob", RoleSID: svc.DefaultChannelRoleSID, Attributes: attrs("{}")},
				LastConsumedMessageIndex: twiliochat.Ptr(4), DateCreated: t0, DateUpdated: t0}}
		},
		"REST send message": func() []webhook.Payload {
			return []webhook.Payload{&webhook.MessageSentEvent{Event: api("onMessageSent"), MessageSID: msgSID, Index: 0,
				MessageFields: webhook.MessageFields{ChannelSID: ch.SID, Body: "hi & bye", Attributes: attrs(`{"a":1}`), From: "bob", DateCreated: t0}}}
		},
		"REST send media": func() []webhook.Payload {
			p := waitHooks(t, srv)
			sid := p[len(p)-1].Params.Get("MessageSid")
			return []webhook.Payload{&webhook.MessageSentEvent{Event: api("onMediaMessageSent"), MessageSID: sid, Index: 1,
				MessageFields: webhook.MessageFields{ChannelSID: ch.SID, Attributes: attrs("{}"), From: "bob", DateCreated: t0},
				Media:         &webhook.Media{SID: "ME0123456789abcdef0123456789abcdef"}}}
		},
		"REST update message": func() []webhook.Payload {
			return []webhook.Payload{&webhook.MessageUpdatedEvent{Event: api("onMessageUpdated"), MessageSID: msgSID, Index: 0,
				MessageFields: webhook.MessageFields{ChannelSID: ch.SID, Body: "edited", Attributes: attrs(`{"a":1}`), From: "bob", DateCreated: t0},
				DateUpdated:   t0}}
		},
		"REST delete message": func() []webhook.Payload {
			return []webhook.Payload{&webhook.MessageRemovedEvent{MessageRemoveEvent: webhook.MessageRemoveEvent{Event: api("onMessageRemoved"), MessageSID: msgSID, Index: 0,
				MessageFields: webhook.MessageFields{ChannelSID: ch.SID, Body: "edited", Attributes: attrs(`{"a":1}`), From: "bob", DateCreated: t0},
				DateUpdated:   t0}, DateRemoved: t0}}
		},
		"REST update user": func() []webhook.Payload {
			u, err := client.Users.Fetch(ctx, svc.SID, "bob")
			require.NoError(t, err)
			return []webhook.Payload{&webhook.UserUpdatedEvent{Event: api("onUserUpdated"), UserSID: u.SID, Identity: "bob", FriendlyName: "Bob",
				RoleSID: roles["service user"], Attributes: attrs(`{"b":2}`), DateCreated: t0, DateUpdated: t0}}
		},
		"REST remove member": func() []webhook.Payload {
			return []webhook.Payload{&webhook.MemberRemovedEvent{MemberRemoveEvent: webhook.MemberRemoveEvent{Event: api("onMemberRemoved"), MemberSID: bobSID,
				MemberFields: webhook.MemberFields{ChannelSID: ch.SID, Identity: "bob", RoleSID: svc.DefaultChannelRoleSID, Attributes: attrs("{}")},
				Reason:       "REMOVED", DateCreated: t0}, DateRemoved: t0}}
		},
		"SDK join": func() []webhook.Payload {
			fields := webhook.MemberFields{ChannelSID: ch.SID, Identity: "alice", RoleSID: svc.DefaultChannelRoleSID}
			added := fields
			added.Attributes = attrs("{}")
			return []webhook.Payload{
				&webhook.MemberAddEvent{Event: sdk("onMemberAdd"), MemberFields: fields},
				&webhook.MemberAddedEvent{Event: sdk("onMemberAdded"), MemberSID: aliceMember, MemberFields: added, Reason: "JOINED", DateCreated: t0},
			}
		},
		"SDK send": func() []webhook.Payload {
			fields := webhook.MessageFields{ChannelSID: ch.SID, Body: "hello", Attributes: attrs(`{"x":true}`), From: "alice", DateCreated: t0}
			return []webhook.Payload{
				&webhook.MessageSendEvent{Event: sdk("onMessageSend"), MessageFields: fields},
				&webhook.MessageSentEvent{Event: sdk("onMessageSent"), MessageSID: aliceMsgSID, Index: 2, MessageFields: fields},
			}
		},
		"SDK edit": func() []webhook.Payload {
			fields := webhook.MessageFields{ChannelSID: ch.SID, Body: "hello!", Attributes: attrs(`{"x":true}`), From: "alice", DateCreated: t0}
			return []webhook.Payload{
				&webhook.MessageUpdateEvent{Event: sdk("onMessageUpdate"), MessageSID: aliceMsgSID, Index: 2, MessageFields: fields, ModifiedBy: "alice", DateUpdated: t0},
				&webhook.MessageUpdatedEvent{Event: sdk("onMessageUpdated"), MessageSID: aliceMsgSID, Index: 2, MessageFields: fields, ModifiedBy: "alice", DateUpdated: t0},
			}
		},
		"SDK remove": func() []webhook.Payload {
			fields := webhook.MessageFields{ChannelSID: ch.SID, Body: "hello!", Attributes: attrs(`{"x":true}`), From: "alice", DateCreated: t0}
			remove := webhook.MessageRemoveEvent{Event: sdk("onMessageRemove"), MessageSID: aliceMsgSID, Index: 2, MessageFields: fields, RemovedBy: "alice", DateUpdated: t0}
			removed := remove
			removed.Event = sdk("onMessageRemoved")
			return []webhook.Payload{&remove, &webhook.MessageRemovedEvent{MessageRemoveEvent: removed, DateRemoved: t0}}
		},
		"SDK leave": func() []webhook.Payload {
			fields := webhook.MemberFields{ChannelSID: ch.SID, Identity: "alice", RoleSID: svc.DefaultChannelRoleSID, Attributes: attrs("{}")}
			remove := webhook.MemberRemoveEvent{Event: sdk("onMemberRemove"), MemberSID: aliceMember, MemberFields: fields, Reason: "LEFT", DateCreated: t0}
			removed := remove
			removed.Event = sdk("onMemberRemoved")
			return []webhook.Payload{&remove, &webhook.MemberRemovedEvent{MemberRemoveEvent: removed, DateRemoved: t0}}
		},
		"REST delete channel": func() []webhook.Payload {
			return []webhook.Payload{&webhook.ChannelDestroyedEvent{Event: api("onChannelDestroyed"), ChannelSID: ch.SID, ChannelFields: channelFields, DateCreated: t0, DateUpdated: t0}}
		},
	}

	seen := map[string]bool{}
	for _, step := range steps {
		require.NoError(t, step.do(), step.name)
		ds := waitHooks(t, srv)
		wantPayloads := step.want
		if wantPayloads == nil {
			wantPayloads = want[step.name]()
		}
		got := rc.take(t)
		require.Len(t, got, len(wantPayloads), step.name)
		for i, p := range got {
			seen[p.Common().EventType] = true
			assert.NotEmpty(t, p.Common().Params, step.name)
			p.Common().Params = nil
			assert.Equal(t, wantPayloads[i], p, step.name)
		}
		for _, d := range ds {
			assert.Equal(t, method, d.Method)
			assert.Equal(t, http.StatusOK, d.Status)
		}
	}
	for _, typ := range allEvents {
		assert.True(t, seen[typ], "the fake sent %s", typ)
	}
	assert.Len(t, srv.Deliveries(), 21)
}

func TestRestActionsWithoutTheHeaderSendNothing(t *testing.T) {
	t.Parallel()
	for _, header := range []*bool{nil, twiliochat.Ptr(false)} {
		srv, client, svc := newChat(t)
		ctx := context.Background()
		rc := newReceiver(t, srv.AuthToken())
		pointAt(t, client, svc.SID, rc.URL, http.MethodPost, 0, allEvents...)

		ch, err := client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{WebhookEnabled: header})
		require.NoError(t, err)
		_, err = client.Channels.Update(ctx, svc.SID, ch.SID, &twiliochat.UpdateChannelParams{FriendlyName: twiliochat.Ptr("x"), WebhookEnabled: header})
		require.NoError(t, err)
		_, err = client.Members.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("bob"), WebhookEnabled: header})
		require.NoError(t, err)
		_, err = client.Members.Update(ctx, svc.SID, ch.SID, "bob", &twiliochat.UpdateMemberParams{Attributes: twiliochat.Ptr("{}"), WebhookEnabled: header})
		require.NoError(t, err)
		m, err := client.Messages.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateMessageParams{Body: twiliochat.Ptr("hi"), WebhookEnabled: header})
		require.NoError(t, err)
		_, err = client.Messages.Update(ctx, svc.SID, ch.SID, m.SID, &twiliochat.UpdateMessageParams{Body: twiliochat.Ptr("ho"), WebhookEnabled: header})
		require.NoError(t, err)
		require.NoError(t, client.Messages.Delete(ctx, svc.SID, ch.SID, m.SID, &twiliochat.DeleteMessageParams{WebhookEnabled: header}))
		_, err = client.Users.Update(ctx, svc.SID, "bob", &twiliochat.UpdateUserParams{FriendlyName: twiliochat.Ptr("Bob"), WebhookEnabled: header})
		require.NoError(t, err)
		require.NoError(t, client.Members.Delete(ctx, svc.SID, ch.SID, "bob", &twiliochat.DeleteMemberParams{WebhookEnabled: header}))
		require.NoError(t, client.Channels.Delete(ctx, svc.SID, ch.SID, &twiliochat.DeleteChannelParams{WebhookEnabled: header}))

		assert.Empty(t, waitHooks(t, srv), "header %v", header)
		assert.Empty(t, rc.take(t))
	}
}

func TestRefusedRestActionSendsNothing(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	rc := newReceiver(t, srv.AuthToken())
	pointAt(t, client, svc.SID, rc.URL, http.MethodPost, 0, allEvents...)
	on := twiliochat.Ptr(true)
	_, err := client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr("a"), WebhookEnabled: on})
	require.NoError(t, err)
	_, err = client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr("a"), WebhookEnabled: on})
	assertAPIError(t, err, http.StatusConflict, 50307)
	assert.Len(t, waitHooks(t, srv), 1, "only the channel created")
}

func TestChannelFiltersOfTheService(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	rc := newReceiver(t, srv.AuthToken())
	pointAt(t, client, svc.SID, rc.URL, http.MethodPost, 0, "onMessageSent", "onChannelDestroyed")
	on := twiliochat.Ptr(true)
	ch, err := client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{WebhookEnabled: on})
	require.NoError(t, err)
	_, err = client.Messages.Create(ctx, svc.SID, ch.SID, &twiliochat.CreateMessageParams{Body: twiliochat.Ptr("hi"), WebhookEnabled: on})
	require.NoError(t, err)
	require.NoError(t, client.Channels.Delete(ctx, svc.SID, ch.SID, &twiliochat.DeleteChannelParams{WebhookEnabled: on}))
	var types []string
	for _, d := range waitHooks(t, srv) {
		types = append(types, d.EventType)
	}
	assert.Equal(t, []string{"onMessageSent", "onChannelDestroyed"}, types)
}

func TestPostEventRetryCountFromTheService(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	hook := answering(t, http.StatusServiceUnavailable, http.StatusTooManyRequests, http.StatusOK)
	pointAt(t, client, svc.SID, hook.URL, http.MethodPost, 2, "onChannelAdded")
	_, err := client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{WebhookEnabled: twiliochat.Ptr(true)})
	require.NoError(t, err)
	ds := waitHooks(t, srv)
	require.Len(t, ds, 3)
	for i, want := range []int{503, 429, 200} {
		assert.Equal(t, want, ds[i].Status)
		assert.Equal(t, i, ds[i].Attempt)
		assert.Equal(t, []string{strconv.Itoa(i)}, ds[i].Params["RetryCount"])
	}
}

// answering is a webhook URL that answers its requests with statuses, in
// order.
func answering(t *testing.T, statuses ...int) *httptest.Server {
	t.Helper()
	var mu sync.Mutex
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.WriteHeader(statuses[0])
		statuses = statuses[1:]
	}))
	t.Cleanup(hook.Close)
	return hook
}

// moderator is a webhook.Handler that rejects messages and channel joins
// and leaves as a test asks, and rewrites "darn" to "d**n".
func moderator(t *testing.T, token string) *httptest.Server {
	t.Helper()
	h, err := webhook.NewHandler(token)
	require.NoError(t, err)
	h.OnMessageSend(func(_ context.Context, e *webhook.MessageSendEvent) (webhook.Decision, error) {
		return moderate(e.Body), nil
	})
	h.OnMessageUpdate(func(_ context.Context, e *webhook.MessageUpdateEvent) (webhook.Decision, error) {
		return moderate(e.Body), nil
	})
	h.OnMessageRemove(func(_ context.Context, e *webhook.MessageRemoveEvent) (webhook.Decision, error) {
		return decide(strings.Contains(e.Body, "keep")), nil
	})
	h.OnMemberAdd(func(_ context.Context, e *webhook.MemberAddEvent) (webhook.Decision, error) {
		return decide(e.Identity == "mallory"), nil
	})
	h.OnMemberRemove(func(_ context.Context, e *webhook.MemberRemoveEvent) (webhook.Decision, error) {
		return decide(e.Identity == "stuck"), nil
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func moderate(body string) webhook.Decision {
	switch {
	case strings.Contains(body, "spam"):
		return webhook.Reject()
	case strings.Contains(body, "darn"):
		return webhook.Modify(webhook.MessageChanges{
			Body: twiliochat.Ptr(strings.ReplaceAll(body, "darn", "d**n")), Attributes: []byte(`{"moderated":true}`), Author: twiliochat.Ptr("moderator"),
		})
	}
	return webhook.Allow()
}

func decide(reject bool) webhook.Decision {
	if reject {
		return webhook.Reject()
	}
	return webhook.Allow()
}

// sdkChat is a service pointed at a moderator, a channel "general", and an
// SDKClient for identity who has joined it.
func sdkChat(t *testing.T, identity string, filters ...string) (*twiliochattest.Server, *twiliochat.Client, string, *twiliochattest.SDKClient) {
	t.Helper()
	srv, client, svc := newChat(t)
	hook := moderator(t, srv.AuthToken())
	pointAt(t, client, svc.SID, hook.URL, http.MethodPost, 0, filters...)
	_, err := srv.SeedChannel(svc.SID, "general")
	require.NoError(t, err)
	_, err = srv.SeedMember(svc.SID, "general", identity)
	require.NoError(t, err)
	user, err := srv.ConnectAs(svc.SID, identity)
	require.NoError(t, err)
	return srv, client, svc.SID, user
}

// bodies lists the channel's messages as "from: body attributes".
func bodies(t *testing.T, client *twiliochat.Client, serviceSID string) []string {
	t.Helper()
	out := []string{}
	for m, err := range client.Messages.List(context.Background(), serviceSID, "general", nil) {
		require.NoError(t, err)
		out = append(out, m.From+": "+m.Body+" "+string(m.Attributes))
	}
	return out
}

func TestSendMessageDecisions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body     string
		rejected bool
		stored   string
	}{
		{"hello", false, `alice: hello {"n":1}`},
		{"buy spam now", true, ""},
		{"darn it", false, `moderator: d**n it {"moderated":true}`},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			t.Parallel()
			srv, client, svcSID, alice := sdkChat(t, "alice", "onMessageSend", "onMessageSent")
			m, err := alice.SendMessage(context.Background(), "general", tt.body, `{"n":1}`)
			ds := waitHooks(t, srv)
			if tt.rejected {
				var rej *twiliochattest.RejectedError
				require.ErrorAs(t, err, &rej)
				assert.Equal(t, http.StatusForbidden, rej.Status)
				assert.Equal(t, "onMessageSend", rej.EventType)
				assert.Empty(t, bodies(t, client, svcSID), "nothing stored")
				require.Len(t, ds, 1, "no post-event")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, []string{tt.stored}, bodies(t, client, svcSID))
			assert.Equal(t, tt.stored, m.From+": "+m.Body+" "+m.Attributes)
			require.Len(t, ds, 2)
			assert.Equal(t, "onMessageSent", ds[1].EventType)
			assert.Equal(t, m.Body, ds[1].Params.Get("Body"), "the post-event tells the stored message")
			assert.Equal(t, m.From, ds[1].Params.Get("From"))
			assert.Equal(t, m.SID, ds[1].Params.Get("MessageSid"))
		})
	}
}

func TestUpdateAndRemoveDecisions(t *testing.T) {
	t.Parallel()
	srv, client, svcSID, alice := sdkChat(t, "alice", "onMessageUpdate", "onMessageRemove")
	ctx := context.Background()
	m, err := alice.SendMessage(ctx, "general", "keep me", "")
	require.NoError(t, err, "onMessageSend is not filtered in")

	_, err = alice.UpdateMessageBody(ctx, "general", m.SID, "keep spam")
	var rej *twiliochattest.RejectedError
	require.ErrorAs(t, err, &rej)
	assert.Equal(t, []string{"alice: keep me {}"}, bodies(t, client, svcSID), "a rejected edit changes nothing")

	edited, err := alice.UpdateMessageBody(ctx, "general", m.SID, "keep darn")
	require.NoError(t, err)
	assert.Equal(t, twiliochattest.SDKMessage{SID: m.SID, ChannelSID: m.ChannelSID, Index: 0, Body: "keep d**n", Attributes: `{"moderated":true}`, From: "moderator"}, edited)
	stored, err := client.Messages.Fetch(ctx, svcSID, "general", m.SID)
	require.NoError(t, err)
	assert.Equal(t, twiliochat.Ptr(true), stored.WasEdited)
	assert.Equal(t, "alice", stored.LastUpdatedBy)

	// The moderator is the author now, so alice's roles need the "any"
	// permissions for the rest (see TestSDKActionsObeyRoles).
	setPermissions(t, client, svcSID, "channel user", "sendMessage", "editOwnMessage", "editAnyMessageAttributes", "deleteAnyMessage", "deleteOwnMessage")
	attrs, err := alice.UpdateMessageAttributes(ctx, "general", m.SID, `{"pinned":true}`)
	require.NoError(t, err)
	assert.Equal(t, `{"pinned":true}`, attrs.Attributes)
	assert.Equal(t, "keep d**n", attrs.Body)

	require.ErrorAs(t, alice.RemoveMessage(ctx, "general", m.SID), &rej, "the moderator keeps messages saying keep")
	assert.Len(t, bodies(t, client, svcSID), 1)

	m2, err := alice.SendMessage(ctx, "general", "bye", "")
	require.NoError(t, err)
	require.NoError(t, alice.RemoveMessage(ctx, "general", m2.SID))
	assert.Len(t, bodies(t, client, svcSID), 1)
	assert.Len(t, waitHooks(t, srv), 5, "pre-events only: two edits, one attributes change, two removes")
}

func TestJoinAndLeaveDecisions(t *testing.T) {
	t.Parallel()
	srv, client, svcSID, _ := sdkChat(t, "carol", "onMemberAdd", "onMemberRemove", "onMemberAdded")
	ctx := context.Background()
	members := func() []string {
		var out []string
		for m, err := range client.Members.List(ctx, svcSID, "general", nil) {
			require.NoError(t, err)
			out = append(out, m.Identity)
		}
		return out
	}
	for _, identity := range []string{"mallory", "stuck", "dave"} {
		u, err := srv.ConnectAs(svcSID, identity)
		require.NoError(t, err)
		_, err = u.JoinChannel(ctx, "general")
		if identity == "mallory" {
			var rej *twiliochattest.RejectedError
			assert.ErrorAs(t, err, &rej)
			continue
		}
		require.NoError(t, err, identity)
	}
	assert.Equal(t, []string{"carol", "stuck", "dave"}, members(), "mallory was turned away")

	for _, identity := range []string{"stuck", "dave"} {
		u, err := srv.ConnectAs(svcSID, identity)
		require.NoError(t, err)
		err = u.LeaveChannel(ctx, "general")
		if identity == "stuck" {
			var rej *twiliochattest.RejectedError
			assert.ErrorAs(t, err, &rej)
			continue
		}
		require.NoError(t, err)
	}
	assert.Equal(t, []string{"carol", "stuck"}, members())
	var added []string
	for _, d := range waitHooks(t, srv) {
		if d.EventType == "onMemberAdded" {
			added = append(added, d.Params.Get("Identity")+" "+d.Params.Get("Reason"))
		}
	}
	assert.Equal(t, []string{"stuck JOINED", "dave JOINED"}, added)
}

func TestPreEventRetryCountFromTheService(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	hook := answering(t, http.StatusGatewayTimeout, http.StatusForbidden)
	pointAt(t, client, svc.SID, hook.URL, http.MethodGet, 1, "onMessageSend")
	_, err := srv.SeedChannel(svc.SID, "general")
	require.NoError(t, err)
	_, err = srv.SeedMember(svc.SID, "general", "alice")
	require.NoError(t, err)
	alice, err := srv.ConnectAs(svc.SID, "alice")
	require.NoError(t, err)
	_, err = alice.SendMessage(ctx, "general", "hi", "")
	var rej *twiliochattest.RejectedError
	require.ErrorAs(t, err, &rej)
	assert.Equal(t, http.StatusForbidden, rej.Status, "the retry's answer decides")
	ds := srv.Deliveries()
	require.Len(t, ds, 2)
	assert.Equal(t, []int{504, 403}, []int{ds[0].Status, ds[1].Status})
	assert.Equal(t, http.MethodGet, ds[1].Method)
	assert.Empty(t, bodies(t, client, svc.SID))
}

func TestSDKClientErrors(t *testing.T) {
	t.Parallel()
	srv, _, svcSID, alice := sdkChat(t, "alice")
	ctx := context.Background()
	_, err := srv.SeedChannel(svcSID, "other")
	require.NoError(t, err)
	var nilCtx context.Context

	_, err = srv.ConnectAs("IS0123456789abcdef0123456789abcdef", "alice")
	assert.ErrorContains(t, err, "service IS0123456789abcdef0123456789abcdef not found")
	_, err = srv.ConnectAs(svcSID, "")
	assert.ErrorContains(t, err, "empty identity")
	_, err = srv.ConnectAs(svcSID, "US0123456789abcdef0123456789abcdef")
	assert.ErrorContains(t, err, "Identity should not match user SID pattern")

	_, err = alice.SendMessage(ctx, "nowhere", "hi", "")
	assert.ErrorContains(t, err, "channel nowhere not found")
	_, err = alice.SendMessage(ctx, "other", "hi", "")
	assert.ErrorContains(t, err, "alice is not a member of channel CH")
	_, err = alice.SendMessage(ctx, "general", "hi", "{oops")
	assert.ErrorContains(t, err, "attributes must be JSON text")
	_, err = alice.SendMessage(nilCtx, "general", "hi", "")
	assert.ErrorContains(t, err, "nil Context")
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = alice.SendMessage(cancelled, "general", "hi", "")
	assert.ErrorIs(t, err, context.Canceled)
	_, err = alice.UpdateMessageBody(ctx, "general", "IM0123456789abcdef0123456789abcdef", "x")
	assert.ErrorContains(t, err, "message IM0123456789abcdef0123456789abcdef not found")
	_, err = alice.UpdateMessageAttributes(ctx, "general", "IM0123456789abcdef0123456789abcdef", "[")
	assert.ErrorContains(t, err, "attributes must be JSON text")
	assert.ErrorContains(t, alice.RemoveMessage(ctx, "other", "IM0123456789abcdef0123456789abcdef"), "not a member")
	_, err = alice.JoinChannel(ctx, "general")
	assert.ErrorContains(t, err, "alice is already a member of channel")
	assert.ErrorContains(t, alice.LeaveChannel(ctx, "other"), "not a member")
	assert.Equal(t, "alice", alice.Identity())
	assert.Empty(t, waitHooks(t, srv), "no webhook for an action refused before it starts")
}

func TestDeliveriesParseAsReceived(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	rc := newReceiver(t, srv.AuthToken())
	pointAt(t, client, svc.SID, rc.URL+"/p?x=1", http.MethodPost, 0, "onChannelAdded")
	_, err := client.Channels.Create(context.Background(), svc.SID, &twiliochat.CreateChannelParams{WebhookEnabled: twiliochat.Ptr(true)})
	require.NoError(t, err)
	ds := waitHooks(t, srv)
	require.Len(t, ds, 1)
	d := ds[0]
	assert.Equal(t, rc.URL+"/p?x=1", d.URL)
	assert.True(t, webhook.ValidSignature(srv.AuthToken(), d.URL, d.Params, d.Signature))
	p, err := webhook.Parse(d.Params)
	require.NoError(t, err)
	assert.IsType(t, &webhook.ChannelAddedEvent{}, p)
}

func TestChannelWebhooksReceiveTheirChannelsEvents(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	service, channelHook := newReceiver(t, srv.AuthToken()), newReceiver(t, srv.AuthToken())
	retried := answering(t, http.StatusServiceUnavailable, http.StatusOK, http.StatusOK)
	pointAt(t, client, svc.SID, service.URL, http.MethodPost, 0, "onMessageSent")
	for _, name := range []string{"general", "random"} {
		_, err := srv.SeedChannel(svc.SID, name)
		require.NoError(t, err)
	}
	_, err := srv.SeedMember(svc.SID, "general", "alice")
	require.NoError(t, err)
	webhookType, get := twiliochat.ChannelWebhookTypeWebhook, twiliochat.WebhookMethodGet
	create := func(channel string, typ twiliochat.ChannelWebhookType, conf twiliochat.ChannelWebhookConfigurationParams) string {
		w, err := client.ChannelWebhooks.Create(ctx, svc.SID, channel, &twiliochat.CreateChannelWebhookParams{Type: &typ, Configuration: &conf})
		require.NoError(t, err)
		return w.SID
	}
	hookSID := create("general", webhookType, twiliochat.ChannelWebhookConfigurationParams{
		URL: twiliochat.Ptr(channelHook.URL + "/general"), Method: &get, Filters: []string{"onMessageSent", "onChannelDestroyed"},
	})
	retriedSID := create("general", webhookType, twiliochat.ChannelWebhookConfigurationParams{
		URL: twiliochat.Ptr(retried.URL), Filters: []string{"onMessageSent"}, RetryCount: twiliochat.Ptr(1),
	})
	create("general", webhookType, twiliochat.ChannelWebhookConfigurationParams{URL: twiliochat.Ptr(channelHook.URL), Filters: []string{"onChannelUpdated"}})
	// A trigger none of the messages holds (see TestTriggerWebhooks).
	create("general", twiliochat.ChannelWebhookTypeTrigger, twiliochat.ChannelWebhookConfigurationParams{URL: twiliochat.Ptr(channelHook.URL), Triggers: []string{"goodbye"}})
	create("random", webhookType, twiliochat.ChannelWebhookConfigurationParams{URL: twiliochat.Ptr(channelHook.URL), Filters: []string{"onMessageSent"}})

	_, err = client.Messages.Create(ctx, svc.SID, "general", &twiliochat.CreateMessageParams{Body: twiliochat.Ptr("hello"), WebhookEnabled: twiliochat.Ptr(true)})
	require.NoError(t, err)
	_, err = client.Messages.Create(ctx, svc.SID, "general", &twiliochat.CreateMessageParams{Body: twiliochat.Ptr("quiet")})
	require.NoError(t, err)
	alice, err := srv.ConnectAs(svc.SID, "alice")
	require.NoError(t, err)
	_, err = alice.SendMessage(ctx, "general", "hello from alice", "")
	require.NoError(t, err)
	require.NoError(t, client.Channels.Delete(ctx, svc.SID, "general", &twiliochat.DeleteChannelParams{WebhookEnabled: twiliochat.Ptr(true)}))

	type sent struct{ url, method, event, body, retry, webhookSID string }
	var got []sent
	for _, d := range waitHooks(t, srv) {
		u, _, _ := strings.Cut(d.URL, "?")
		got = append(got, sent{u, d.Method, d.EventType, d.Params.Get("Body"), d.Params.Get("RetryCount"), d.WebhookSID})
		assert.Equal(t, d.WebhookSID, d.Params.Get("WebhookSid"))
	}
	assert.Equal(t, []sent{
		{service.URL + "/", "POST", "onMessageSent", "hello", "0", ""},
		{channelHook.URL + "/general", "GET", "onMessageSent", "hello", "0", hookSID},
		{retried.URL + "/", "POST", "onMessageSent", "hello", "0", retriedSID},
		{retried.URL + "/", "POST", "onMessageSent", "hello", "1", retriedSID},
		{service.URL + "/", "POST", "onMessageSent", "hello from alice", "0", ""},
		{channelHook.URL + "/general", "GET", "onMessageSent", "hello from alice", "0", hookSID},
		{retried.URL + "/", "POST", "onMessageSent", "hello from alice", "0", retriedSID},
		{channelHook.URL + "/general", "GET", "onChannelDestroyed", "", "0", hookSID},
	}, got)

	payloads := channelHook.take(t)
	require.Len(t, payloads, 3)
	for _, p := range payloads {
		e := p.Common()
		assert.Equal(t, hookSID, e.WebhookSID)
		assert.Equal(t, "webhook", e.WebhookType)
	}
	assert.Equal(t, "SDK", payloads[1].Common().Source)
	assert.Equal(t, "alice", payloads[1].Common().ClientIdentity)
	assert.IsType(t, &webhook.ChannelDestroyedEvent{}, payloads[2])
	assert.Len(t, service.take(t), 2, "no WebhookSid for the Service's URL")
}

func TestDeleteUserChannelSendsMemberRemoved(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	rc := newReceiver(t, srv.AuthToken())
	pointAt(t, client, svc.SID, rc.URL, http.MethodPost, 0, "onMemberRemoved")
	_, err := srv.SeedChannel(svc.SID, "general")
	require.NoError(t, err)
	for _, identity := range []string{"alice", "bob"} {
		_, err := srv.SeedMember(svc.SID, "general", identity)
		require.NoError(t, err)
	}
	require.NoError(t, client.UserChannels.Delete(ctx, svc.SID, "alice", "general", &twiliochat.DeleteUserChannelParams{WebhookEnabled: twiliochat.Ptr(true)}))
	require.NoError(t, client.UserChannels.Delete(ctx, svc.SID, "bob", "general", nil))
	waitHooks(t, srv)
	payloads := rc.take(t)
	require.Len(t, payloads, 1)
	removed, ok := payloads[0].(*webhook.MemberRemovedEvent)
	require.True(t, ok, "%T", payloads[0])
	assert.Equal(t, "alice", removed.Identity)
	assert.Equal(t, "REMOVED", removed.Reason)
}

func TestCredentialsInTheWebhookURL(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	var gotUser, gotPass string
	var verified error
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUser, gotPass, _ = r.BasicAuth()
		_, verified = webhook.VerifyRequest(srv.AuthToken(), r)
		w.WriteHeader(http.StatusForbidden)
	}))
	t.Cleanup(hook.Close)
	withAuth := strings.Replace(hook.URL, "http://", "http://hooks:s3cr3t-hook-pass@", 1) + "/chat"
	pointAt(t, client, svc.SID, withAuth, http.MethodPost, 0, "onMemberAdd")
	_, err := srv.SeedChannel(svc.SID, "general")
	require.NoError(t, err)
	bob, err := srv.ConnectAs(svc.SID, "bob")
	require.NoError(t, err)

	_, err = bob.JoinChannel(ctx, "general")
	var rej *twiliochattest.RejectedError
	require.ErrorAs(t, err, &rej)
	assert.Equal(t, "hooks", gotUser)
	assert.Equal(t, "s3cr3t-hook-pass", gotPass, "sent as basic auth")
	assert.NoError(t, verified, "signed over the URL the receiver sees")
	assert.NotContains(t, err.Error(), "s3cr3t-hook-pass")
	assert.Contains(t, err.Error(), "http://hooks:xxxxx@")
	assert.Equal(t, hook.URL+"/chat", srv.Deliveries()[0].URL)
}
