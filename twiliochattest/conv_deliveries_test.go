package twiliochattest_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
	"github.com/e3f0929f/twiliochat/webhook"
)

// The Conversations webhooks the fake sends at the account's, the
// Service's and a conversation's level, received by webhook.VerifyRequest
// and webhook.Parse, or by a webhook.Handler.

// convPostEvents are the Conversations post-events the fake sends.
var convPostEvents = []string{
	"onConversationAdded", "onConversationUpdated", "onConversationRemoved", "onConversationStateUpdated",
	"onMessageAdded", "onMessageUpdated", "onMessageRemoved",
	"onParticipantAdded", "onParticipantUpdated", "onParticipantRemoved", "onUserAdded", "onUserUpdated",
}

// convCall sends a REST request to the fake, with X-Twilio-Webhook-Enabled
// when hooks is set, and decodes its JSON answer into a map.
func convCall(t *testing.T, srv *twiliochattest.Server, hooks bool, method, path string, f url.Values) map[string]any {
	t.Helper()
	var body io.Reader
	if f != nil {
		body = strings.NewReader(f.Encode())
	}
	req, err := http.NewRequest(method, srv.URL+path, body)
	require.NoError(t, err)
	req.SetBasicAuth(srv.AccountSID(), srv.AuthToken())
	if f != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if hooks {
		req.Header.Set("X-Twilio-Webhook-Enabled", "true")
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Less(t, resp.StatusCode, 300, "%s %s: %s", method, path, b)
	out := map[string]any{}
	if len(b) > 0 {
		require.NoError(t, json.Unmarshal(b, &out))
	}
	return out
}

// convService is a Conversation Service whose Service-level webhooks (pre
// and post) point at u with method and filters.
func convService(t *testing.T, srv *twiliochattest.Server, u, method string, filters ...string) string {
	t.Helper()
	sid := seedService(t, srv, "conversations")
	if u != "" {
		convCall(t, srv, false, http.MethodPost, "/v1/Services/"+sid+"/Configuration/Webhooks",
			url.Values{"PreWebhookUrl": {u}, "PostWebhookUrl": {u}, "Method": {method}, "Filters": filters})
	}
	return sid
}

// convEvent is the ConversationsEvent of the fake's service svc.
func convEvent(srv *twiliochattest.Server, svc, typ, source, identity string) webhook.ConversationsEvent {
	return webhook.ConversationsEvent{
		Event:          webhook.Event{EventType: typ, AccountSID: srv.AccountSID(), Source: source, ClientIdentity: identity},
		ChatServiceSID: svc,
	}
}

// withoutParams clears the raw parameters of e, which the tests compare
// field by field.
func withoutParams(p webhook.Payload) webhook.Payload {
	p.Common().Params = nil
	return p
}

func TestConversationsRESTEventsParse(t *testing.T) {
	t.Parallel()
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			srv, clock := newServerWithClock(t)
			rc := newReceiver(t, srv.AuthToken())
			svc := convService(t, srv, rc.URL+"/hooks", method, convPostEvents...)
			base := "/v1/Services/" + svc
			api := func(typ string) webhook.ConversationsEvent { return convEvent(srv, svc, typ, "API", "") }
			at := clock.Now().UTC()
			attrs := func(s string) json.RawMessage { return json.RawMessage(s) }

			conv := convCall(t, srv, true, http.MethodPost, base+"/Conversations", url.Values{"FriendlyName": {"Support"}, "UniqueName": {"support"}, "Attributes": {`{"a":1}`}})
			ch := conv["sid"].(string)
			ms := conv["messaging_service_sid"].(string)
			convCall(t, srv, true, http.MethodPost, base+"/Conversations/"+ch, url.Values{"FriendlyName": {"Help"}, "State": {"inactive"}})
			p := convCall(t, srv, true, http.MethodPost, base+"/Conversations/"+ch+"/Participants", url.Values{"Identity": {"alice"}, "Attributes": {`{"p":1}`}})
			mb, role := p["sid"].(string), p["role_sid"].(string)
			convCall(t, srv, true, http.MethodPost, base+"/Conversations/"+ch+"/Participants/"+mb, url.Values{"LastReadMessageIndex": {"0"}})
			m := convCall(t, srv, true, http.MethodPost, base+"/Conversations/"+ch+"/Messages", url.Values{"Author": {"alice"}, "Body": {"hello"}, "Attributes": {`{"m":1}`}})
			im := m["sid"].(string)
			convCall(t, srv, true, http.MethodPost, base+"/Conversations/"+ch+"/Messages/"+im, url.Values{"Body": {"edited"}})
			convCall(t, srv, true, http.MethodDelete, base+"/Conversations/"+ch+"/Messages/"+im, nil)
			convCall(t, srv, true, http.MethodDelete, base+"/Conversations/"+ch+"/Participants/"+mb, nil)
			u := convCall(t, srv, true, http.MethodPost, base+"/Users", url.Values{"Identity": {"bob"}, "FriendlyName": {"Bob"}})
			us, urole := u["sid"].(string), u["role_sid"].(string)
			convCall(t, srv, true, http.MethodPost, base+"/Users/"+us, url.Values{"FriendlyName": {"Bobby"}})
			convCall(t, srv, true, http.MethodDelete, base+"/Conversations/"+ch, nil)
			waitHooks(t, srv)

			fields := webhook.ConversationFields{FriendlyName: "Support", UniqueName: "support", Attributes: attrs(`{"a":1}`), MessagingServiceSID: ms, State: "active"}
			updated := fields
			updated.FriendlyName, updated.State = "Help", "inactive"
			part := webhook.ParticipantFields{ConversationSID: ch, Identity: "alice", RoleSID: role, Attributes: attrs(`{"p":1}`)}
			msg := webhook.ConversationMessageFields{ConversationSID: ch, Body: "hello", Author: "alice", ParticipantSID: mb, Attributes: attrs(`{"m":1}`)}
			edited := msg
			edited.Body = "edited"
			msgUpdate := webhook.ConversationMessageUpdateEvent{ConversationsEvent: api("onMessageUpdated"), MessageSID: im, ConversationMessageFields: edited, DateCreated: at, DateUpdated: at}
			removed := msgUpdate
			removed.ConversationsEvent = api("onMessageRemoved")
			removed.ParticipantSID = "" // alice is no longer a participant when her message goes
			partUpdate := webhook.ParticipantUpdateEvent{ConversationsEvent: api("onParticipantUpdated"), ParticipantSID: mb, ParticipantFields: part, DateCreated: at, DateUpdated: at}
			partRemove := partUpdate
			partRemove.ConversationsEvent = api("onParticipantRemoved")
			user := webhook.ConversationUserUpdateEvent{ConversationsEvent: api("onUserAdded"), UserSID: us, Identity: "bob", FriendlyName: "Bob", RoleSID: urole, Attributes: attrs(`{}`), DateCreated: at}
			userUpdated := user
			userUpdated.ConversationsEvent, userUpdated.FriendlyName, userUpdated.DateUpdated = api("onUserUpdated"), "Bobby", at
			gone := webhook.ConversationUpdateEvent{ConversationsEvent: api("onConversationRemoved"), ConversationSID: ch, ConversationFields: updated, DateCreated: at, DateUpdated: at}
			gone.State = "active" // the message woke it up

			want := []webhook.Payload{
				&webhook.ConversationAddedEvent{ConversationsEvent: api("onConversationAdded"), ConversationSID: ch, ConversationFields: fields, DateCreated: at, DateUpdated: at},
				&webhook.ConversationUpdatedEvent{ConversationsEvent: api("onConversationUpdated"), ConversationSID: ch, ConversationFields: updated, DateCreated: at, DateUpdated: at},
				&webhook.ConversationStateUpdatedEvent{ConversationsEvent: api("onConversationStateUpdated"), ConversationSID: ch, MessagingServiceSID: ms, StateFrom: "active", StateTo: "inactive", StateUpdated: at, Reason: "API"},
				&webhook.ParticipantAddedEvent{ConversationsEvent: api("onParticipantAdded"), ParticipantSID: mb, ParticipantFields: part, DateCreated: at},
				&webhook.ParticipantUpdatedEvent{ParticipantUpdateEvent: partUpdate, LastReadMessageIndex: twiliochat.Ptr(0)},
				// The message wakes the inactive conversation: Twilio's own
				// change, with no Source.
				&webhook.ConversationStateUpdatedEvent{ConversationsEvent: convEvent(srv, svc, "onConversationStateUpdated", "", ""), ConversationSID: ch,
					MessagingServiceSID: ms, StateFrom: "inactive", StateTo: "active", StateUpdated: at, Reason: "EVENT"},
				&webhook.ConversationMessageAddedEvent{ConversationsEvent: api("onMessageAdded"), MessageSID: im, ConversationMessageFields: msg, MessagingServiceSID: ms, DateCreated: at},
				(*webhook.ConversationMessageUpdatedEvent)(&msgUpdate),
				&webhook.ConversationMessageRemovedEvent{ConversationMessageRemoveEvent: webhook.ConversationMessageRemoveEvent(msgUpdate), DateRemoved: at},
				&webhook.ParticipantRemovedEvent{ParticipantRemoveEvent: webhook.ParticipantRemoveEvent(partRemove), DateRemoved: at},
				(*webhook.ConversationUserAddedEvent)(&user),
				(*webhook.ConversationUserUpdatedEvent)(&userUpdated),
				&webhook.ConversationRemovedEvent{ConversationRemoveEvent: webhook.ConversationRemoveEvent(gone), DateRemoved: at},
			}
			want[8].(*webhook.ConversationMessageRemovedEvent).ConversationsEvent = api("onMessageRemoved")
			got := rc.take(t)
			for i := range got {
				got[i] = withoutParams(got[i])
			}
			assert.Equal(t, want, got)
		})
	}
}

// convLevel points the pre- and post-action webhooks of one level at u.
type convLevel struct {
	name string
	set  func(t *testing.T, srv *twiliochattest.Server, svc, u string, filters ...string)
}

var convLevels = []convLevel{
	{"account", func(t *testing.T, srv *twiliochattest.Server, _, u string, filters ...string) {
		convCall(t, srv, false, http.MethodPost, "/v1/Configuration/Webhooks",
			url.Values{"PreWebhookUrl": {u}, "PostWebhookUrl": {u}, "Filters": filters, "Target": {"webhook"}})
	}},
	{"service", func(t *testing.T, srv *twiliochattest.Server, svc, u string, filters ...string) {
		convCall(t, srv, false, http.MethodPost, "/v1/Services/"+svc+"/Configuration/Webhooks",
			url.Values{"PreWebhookUrl": {u}, "PostWebhookUrl": {u}, "Filters": filters})
	}},
}

// convModerated is a Service with the conversation "general" that alice
// has joined, whose level's webhooks go to moderation().
func convModerated(t *testing.T, level convLevel, filters ...string) (*twiliochattest.Server, string, *twiliochattest.ConversationsSDKClient) {
	t.Helper()
	srv := newServer(t)
	hook := httptestServer(t, moderation())
	svc := seedService(t, srv, "conversations")
	level.set(t, srv, svc, hook, filters...)
	_, err := srv.SeedChannel(svc, "general")
	require.NoError(t, err)
	_, err = srv.SeedMember(svc, "general", "alice")
	require.NoError(t, err)
	alice, err := srv.ConnectConversationsAs(svc, "alice")
	require.NoError(t, err)
	return srv, svc, alice
}

func httptestServer(t *testing.T, h http.Handler) string {
	t.Helper()
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	return hs.URL
}

func TestConversationsPreActionDecisionsAtEachLevel(t *testing.T) {
	t.Parallel()
	for _, level := range convLevels {
		t.Run(level.name, func(t *testing.T) {
			t.Parallel()
			srv, svc, alice := convModerated(t, level, "onMessageAdd", "onMessageAdded", "onConversationAdd")
			ctx := context.Background()

			_, err := alice.SendMessage(ctx, "general", "buy spam", "")
			var rejected *twiliochattest.RejectedError
			require.ErrorAs(t, err, &rejected, "reject")
			assert.Equal(t, "onMessageAdd", rejected.EventType)
			assert.Equal(t, http.StatusForbidden, rejected.Status)

			m, err := alice.SendMessage(ctx, "general", "darn it", "")
			require.NoError(t, err, "modify")
			assert.Equal(t, "d**n it", m.Body)
			m, err = alice.SendMessage(ctx, "general", "hello", "")
			require.NoError(t, err, "allow")
			assert.Equal(t, "hello", m.Body)

			grantRole(t, srv, svc, "service user", "createChannel")
			sid, err := alice.CreateConversation(ctx, twiliochattest.SDKConversationParams{FriendlyName: twiliochat.Ptr("billing")})
			require.NoError(t, err, "modify a conversation")
			conv := convCall(t, srv, false, http.MethodGet, "/v1/Services/"+svc+"/Conversations/"+sid, nil)
			assert.Equal(t, "Support: billing", conv["friendly_name"])
			assert.NotEmpty(t, conv["messaging_service_sid"], "the account's default Messaging Service")

			ds := waitHooks(t, srv)
			var got []string
			for _, d := range ds {
				got = append(got, d.EventType+" "+d.Params.Get("Body")+d.Params.Get("FriendlyName")+" "+d.Params.Get("Source")+" "+d.Params.Get("ClientIdentity"))
			}
			// Post-actions go out in the background, so a later pre-action
			// may be recorded first.
			assert.ElementsMatch(t, []string{
				"onMessageAdd buy spam SDK alice",
				"onMessageAdd darn it SDK alice",
				"onMessageAdded d**n it SDK alice",
				"onMessageAdd hello SDK alice",
				"onMessageAdded hello SDK alice",
				"onConversationAdd billing SDK alice",
			}, got)
		})
	}
}

// grantRole sets the permissions of the role named name of the service.
func grantRole(t *testing.T, srv *twiliochattest.Server, svc, name string, perms ...string) {
	t.Helper()
	ctx := context.Background()
	client := srv.NewClient()
	for r, err := range client.Roles.List(ctx, svc, nil) {
		require.NoError(t, err)
		if r.FriendlyName == name {
			_, err := client.Roles.Update(ctx, svc, r.SID, &twiliochat.UpdateRoleParams{Permission: perms})
			require.NoError(t, err)
		}
	}
}

func TestServiceWebhooksOverrideTheAccounts(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	account, service := newReceiver(t, srv.AuthToken()), newReceiver(t, srv.AuthToken())
	convLevels[0].set(t, srv, "", account.URL, "onMessageAdded")
	configured := convService(t, srv, service.URL, http.MethodPost, "onMessageAdded")
	plain := convService(t, srv, "", "")
	for _, svc := range []string{configured, plain} {
		ch := convCall(t, srv, false, http.MethodPost, "/v1/Services/"+svc+"/Conversations", url.Values{})["sid"].(string)
		convCall(t, srv, true, http.MethodPost, "/v1/Services/"+svc+"/Conversations/"+ch+"/Messages", url.Values{"Body": {svc}})
	}
	waitHooks(t, srv)
	body := func(rc *receiver) []string {
		var out []string
		for _, p := range rc.take(t) {
			out = append(out, p.(*webhook.ConversationMessageAddedEvent).Body)
		}
		return out
	}
	assert.Equal(t, []string{configured}, body(service))
	assert.Equal(t, []string{plain}, body(account), "only a Service without webhooks of its own uses the account's")

	convCall(t, srv, false, http.MethodPost, "/v1/Configuration/Webhooks", url.Values{"Target": {"flex"}})
	ch := convCall(t, srv, false, http.MethodPost, "/v1/Services/"+plain+"/Conversations", url.Values{})["sid"].(string)
	convCall(t, srv, true, http.MethodPost, "/v1/Services/"+plain+"/Conversations/"+ch+"/Messages", url.Values{"Body": {"to flex"}})
	waitHooks(t, srv)
	assert.Empty(t, body(account), "Target flex routes to Flex, which the fake does not run")
}

func TestConversationScopedWebhooks(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	svc := convService(t, srv, "", "")
	hooks, trigger := newReceiver(t, srv.AuthToken()), newReceiver(t, srv.AuthToken())
	base := "/v1/Services/" + svc + "/Conversations/"
	ch := convCall(t, srv, false, http.MethodPost, "/v1/Services/"+svc+"/Conversations", url.Values{})["sid"].(string)
	_, err := srv.SeedMember(svc, ch, "alice")
	require.NoError(t, err)
	wh := convCall(t, srv, false, http.MethodPost, base+ch+"/Webhooks", url.Values{"Target": {"webhook"},
		"Configuration.Url": {hooks.URL}, "Configuration.Filters": {"onMessageAdd", "onMessageAdded", "onConversationRemoved"}})["sid"].(string)
	tr := convCall(t, srv, false, http.MethodPost, base+ch+"/Webhooks", url.Values{"Target": {"trigger"},
		"Configuration.Url": {trigger.URL}, "Configuration.Triggers": {"help"}})["sid"].(string)
	st := convCall(t, srv, false, http.MethodPost, base+ch+"/Webhooks", url.Values{"Target": {"studio"},
		"Configuration.FlowSid": {"FW0123456789abcdef0123456789abcdef"}, "Configuration.Filters": {"onMessageAdded"}})["sid"].(string)
	alice, err := srv.ConnectConversationsAs(svc, "alice")
	require.NoError(t, err)

	ctx := context.Background()
	_, err = alice.SendMessage(ctx, ch, "hi", "")
	require.NoError(t, err)
	_, err = alice.SendMessage(ctx, ch, "I need help", "")
	require.NoError(t, err)
	convCall(t, srv, true, http.MethodDelete, base+ch, nil)
	ds := waitHooks(t, srv)

	var got []string
	for _, d := range ds {
		got = append(got, d.WebhookSID+" "+d.EventType+" "+d.Params.Get("Body")+" "+d.Err)
	}
	studio := "not sent: a Studio Flow, which the Server does not run"
	assert.Equal(t, []string{
		wh + " onMessageAdded hi ", st + " onMessageAdded hi " + studio,
		wh + " onMessageAdded I need help ", tr + " onMessageAdded I need help ", st + " onMessageAdded I need help " + studio,
		wh + " onConversationRemoved  ",
	}, got, "no pre-action to a conversation's webhooks; a trigger on its word only; the removal reaches the conversation's own webhooks")
	received := hooks.take(t)
	require.Len(t, received, 3)
	for _, p := range received[:2] {
		e := p.(*webhook.ConversationMessageAddedEvent)
		assert.Equal(t, ch, e.ConversationSID)
		assert.Equal(t, wh, e.Params.Get("WebhookSid"))
	}
	assert.Equal(t, ch, received[2].(*webhook.ConversationRemovedEvent).ConversationSID)
	require.Len(t, trigger.take(t), 1)
}

func TestConversationsRESTWithoutTheHeaderSendsNothing(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	rc := newReceiver(t, srv.AuthToken())
	svc := convService(t, srv, rc.URL, http.MethodPost, convPostEvents...)
	ch := convCall(t, srv, false, http.MethodPost, "/v1/Services/"+svc+"/Conversations", url.Values{})["sid"].(string)
	convCall(t, srv, false, http.MethodPost, "/v1/Services/"+svc+"/Conversations/"+ch+"/Messages", url.Values{"Body": {"quiet"}})
	convCall(t, srv, false, http.MethodPost, "/v1/Services/"+svc+"/Conversations/"+ch+"/Participants", url.Values{"Identity": {"bob"}})
	assert.Empty(t, waitHooks(t, srv))
}

// A Chat action is seen through Conversations: a Service and a
// Conversation Service are one, so a message sent through Chat v2 sends
// onMessageAdded to the Conversations webhooks watching its channel, and
// Chat's onMessageSent to Chat's.
func TestChatActionsSendConversationsEvents(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	rc := newReceiver(t, srv.AuthToken())
	convCall(t, srv, false, http.MethodPost, "/v1/Services/"+svc.SID+"/Configuration/Webhooks",
		url.Values{"PostWebhookUrl": {rc.URL}, "Filters": {"onMessageAdded", "onMessageSent"}})
	ch, err := srv.SeedChannel(svc.SID, "general")
	require.NoError(t, err)
	_, err = srv.SeedMember(svc.SID, "general", "alice")
	require.NoError(t, err)

	_, err = client.Messages.Create(context.Background(), svc.SID, ch, &twiliochat.CreateMessageParams{
		Body: twiliochat.Ptr("over REST"), From: twiliochat.Ptr("alice"), WebhookEnabled: twiliochat.Ptr(true),
	})
	require.NoError(t, err)
	alice, err := srv.ConnectAs(svc.SID, "alice")
	require.NoError(t, err)
	_, err = alice.SendMessage(context.Background(), "general", "over the SDK", "")
	require.NoError(t, err)
	waitHooks(t, srv)

	var got []string
	for _, p := range rc.take(t) {
		switch e := p.(type) {
		case *webhook.MessageSentEvent:
			got = append(got, "chat "+e.Body+" "+e.Source)
		case *webhook.ConversationMessageAddedEvent:
			assert.Equal(t, ch, e.ConversationSID)
			assert.Equal(t, svc.SID, e.ChatServiceSID)
			assert.NotEmpty(t, e.ParticipantSID)
			got = append(got, "conversations "+e.Body+" "+e.Source)
		default:
			t.Errorf("unexpected %T", p)
		}
	}
	assert.Equal(t, []string{"chat over REST API", "conversations over REST API", "chat over the SDK SDK", "conversations over the SDK SDK"}, got)
}

func TestConversationsPreEventsParse(t *testing.T) {
	t.Parallel()
	srv, clock := newServerWithClock(t)
	at := clock.Now().UTC()
	rc := newReceiver(t, srv.AuthToken())
	pre := []string{"onMessageAdd", "onMessageUpdate", "onMessageRemove", "onParticipantAdd", "onParticipantUpdate",
		"onParticipantRemove", "onConversationAdd", "onConversationUpdate", "onConversationRemove", "onUserUpdate"}
	svc := convService(t, srv, rc.URL, http.MethodPost, pre...)
	grantRole(t, srv, svc, "channel user", "sendMessage", "sendMediaMessage", "editOwnMessage", "deleteOwnMessage",
		"leaveChannel", "editChannelName", "editChannelAttributes", "destroyChannel")
	grantRole(t, srv, svc, "service user", "createChannel", "joinChannel", "editOwnUserInfo", "editChannelName", "destroyChannel")
	ch, err := srv.SeedChannel(svc, "general")
	require.NoError(t, err)
	mb, err := srv.SeedMember(svc, "general", "alice")
	require.NoError(t, err)
	alice, err := srv.ConnectConversationsAs(svc, "alice")
	require.NoError(t, err)
	bob, err := srv.ConnectConversationsAs(svc, "bob")
	require.NoError(t, err)
	ctx := context.Background()
	part := convCall(t, srv, false, http.MethodGet, "/v1/Services/"+svc+"/Conversations/"+ch+"/Participants/"+mb, nil)
	user := convCall(t, srv, false, http.MethodGet, "/v1/Services/"+svc+"/Users/alice", nil)
	ms := convCall(t, srv, false, http.MethodGet, "/v1/Configuration", nil)["default_messaging_service_sid"].(string)

	media, err := alice.SendMediaMessage(ctx, "general", twiliochattest.SDKMedia{Filename: "cat.png", ContentType: "image/png", Size: 2048}, `{"m":1}`)
	require.NoError(t, err)
	_, err = alice.UpdateMessageBody(ctx, "general", media.SID, "a cat")
	require.NoError(t, err)
	require.NoError(t, alice.RemoveMessage(ctx, "general", media.SID))
	require.NoError(t, alice.UpdateParticipantAttributes(ctx, "general", `{"p":2}`))
	require.NoError(t, alice.UpdateUser(ctx, twiliochattest.SDKUserParams{FriendlyName: twiliochat.Ptr("Alice")}))
	joined, err := bob.Join(ctx, "general")
	require.NoError(t, err)
	require.NoError(t, bob.Leave(ctx, "general"))
	conv, err := alice.CreateConversation(ctx, twiliochattest.SDKConversationParams{FriendlyName: twiliochat.Ptr("Billing"), UniqueName: twiliochat.Ptr("billing"), Attributes: twiliochat.Ptr(`{"c":3}`)})
	require.NoError(t, err)
	require.NoError(t, alice.UpdateConversation(ctx, "billing", twiliochattest.SDKConversationParams{FriendlyName: twiliochat.Ptr("Bills")}))
	require.NoError(t, alice.DeleteConversation(ctx, "billing"))
	waitHooks(t, srv)

	sdk := func(typ, who string) webhook.ConversationsEvent { return convEvent(srv, svc, typ, "SDK", who) }
	attrs := func(s string) json.RawMessage { return json.RawMessage(s) }
	files := []webhook.Media{{SID: media.MediaSID, Filename: "cat.png", ContentType: "image/png", Size: 2048}}
	msg := webhook.ConversationMessageFields{ConversationSID: ch, Author: "alice", ParticipantSID: mb, Attributes: attrs(`{"m":1}`), Media: files}
	edited := msg
	edited.Body = "a cat"
	update := webhook.ConversationMessageUpdateEvent{ConversationsEvent: sdk("onMessageUpdate", "alice"), MessageSID: media.SID, ConversationMessageFields: edited, DateCreated: at, DateUpdated: at}
	remove := update
	remove.ConversationsEvent, remove.Body = sdk("onMessageRemove", "alice"), "a cat"
	aliceFields := webhook.ParticipantFields{ConversationSID: ch, Identity: "alice", RoleSID: part["role_sid"].(string), Attributes: attrs(`{"p":2}`)}
	bobFields := webhook.ParticipantFields{ConversationSID: ch, Identity: "bob", RoleSID: part["role_sid"].(string), Attributes: attrs(`{}`)}
	billing := webhook.ConversationFields{FriendlyName: "Billing", UniqueName: "billing", Attributes: attrs(`{"c":3}`), MessagingServiceSID: ms, State: "active"}
	bills := billing
	bills.FriendlyName = "Bills"
	convUpdate := webhook.ConversationUpdateEvent{ConversationsEvent: sdk("onConversationUpdate", "alice"), ConversationSID: conv, ConversationFields: bills, DateCreated: at, DateUpdated: at}
	convRemove := convUpdate
	convRemove.ConversationsEvent = sdk("onConversationRemove", "alice")

	want := []webhook.Payload{
		&webhook.ConversationMessageAddEvent{ConversationsEvent: sdk("onMessageAdd", "alice"), ConversationMessageFields: msg},
		&update,
		(*webhook.ConversationMessageRemoveEvent)(&remove),
		&webhook.ParticipantUpdateEvent{ConversationsEvent: sdk("onParticipantUpdate", "alice"), ParticipantSID: mb, ParticipantFields: aliceFields, DateCreated: at, DateUpdated: at},
		&webhook.ConversationUserUpdateEvent{ConversationsEvent: sdk("onUserUpdate", "alice"), UserSID: user["sid"].(string), Identity: "alice",
			FriendlyName: "Alice", RoleSID: user["role_sid"].(string), Attributes: attrs(`{}`), DateCreated: at, DateUpdated: at},
		&webhook.ParticipantAddEvent{ConversationsEvent: sdk("onParticipantAdd", "bob"), ParticipantFields: bobFields},
		&webhook.ParticipantRemoveEvent{ConversationsEvent: sdk("onParticipantRemove", "bob"), ParticipantSID: joined, ParticipantFields: bobFields, DateCreated: at, DateUpdated: at},
		&webhook.ConversationAddEvent{ConversationsEvent: sdk("onConversationAdd", "alice"), ConversationFields: billing},
		&convUpdate,
		(*webhook.ConversationRemoveEvent)(&convRemove),
	}
	got := rc.take(t)
	for i := range got {
		got[i] = withoutParams(got[i])
	}
	assert.Equal(t, want, got)
}

// switchable is a webhook URL that answers with the status and body it is
// set to.
type switchable struct {
	mu     sync.Mutex
	status int
	body   string
}

func (h *switchable) set(status int, body string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.status, h.body = status, body
}

func (h *switchable) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	w.WriteHeader(h.status)
	_, _ = io.WriteString(w, h.body)
}

// Every Conversations pre-event, at the account's and at the Service's
// level: a 403 rejects its action, which stores nothing, a 200 lets it
// through, and a 200 with changes changes it.
func TestConversationsEveryPreEventRejectedOrAllowedAtEachLevel(t *testing.T) {
	t.Parallel()
	for _, level := range convLevels {
		t.Run(level.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			hook := &switchable{}
			svc := seedService(t, srv, "conversations")
			level.set(t, srv, svc, httptestServer(t, hook), "onMessageAdd", "onMessageUpdate", "onMessageRemove",
				"onParticipantAdd", "onParticipantUpdate", "onParticipantRemove", "onConversationAdd",
				"onConversationUpdate", "onConversationRemove", "onUserUpdate")
			grantRole(t, srv, svc, "service user", "createChannel", "joinChannel", "editOwnUserInfo", "editChannelName", "destroyChannel")
			_, err := srv.SeedChannel(svc, "general")
			require.NoError(t, err)
			alice, err := srv.ConnectConversationsAs(svc, "alice")
			require.NoError(t, err)
			ctx := context.Background()
			var msgSID string

			for _, step := range []struct {
				event string
				do    func() error
			}{
				{"onConversationAdd", func() error {
					_, err := alice.CreateConversation(ctx, twiliochattest.SDKConversationParams{UniqueName: twiliochat.Ptr("other")})
					return err
				}},
				{"onParticipantAdd", func() error { _, err := alice.Join(ctx, "general"); return err }},
				{"onParticipantUpdate", func() error { return alice.UpdateParticipantAttributes(ctx, "general", `{"x":1}`) }},
				{"onMessageAdd", func() error {
					m, err := alice.SendMessage(ctx, "general", "hi", "")
					msgSID = m.SID
					return err
				}},
				{"onMessageUpdate", func() error { _, err := alice.UpdateMessageBody(ctx, "general", msgSID, "edited"); return err }},
				{"onMessageRemove", func() error { return alice.RemoveMessage(ctx, "general", msgSID) }},
				{"onUserUpdate", func() error {
					return alice.UpdateUser(ctx, twiliochattest.SDKUserParams{FriendlyName: twiliochat.Ptr("A")})
				}},
				{"onConversationUpdate", func() error {
					return alice.UpdateConversation(ctx, "other", twiliochattest.SDKConversationParams{FriendlyName: twiliochat.Ptr("mine")})
				}},
				{"onParticipantRemove", func() error { return alice.Leave(ctx, "general") }},
				{"onConversationRemove", func() error { return alice.DeleteConversation(ctx, "other") }},
			} {
				// Each step is refused if the rejected try stored anything: a
				// second join or a second "other" conflicts, and a stored
				// message would be left in "general".
				hook.set(http.StatusForbidden, "")
				err := step.do()
				var rejected *twiliochattest.RejectedError
				require.ErrorAs(t, err, &rejected, step.event)
				assert.Equal(t, step.event, rejected.EventType)
				hook.set(http.StatusOK, "")
				require.NoError(t, step.do(), step.event)
			}
			assert.Empty(t, convCall(t, srv, false, http.MethodGet, "/v1/Services/"+svc+"/Conversations/general/Messages", nil)["messages"])

			hook.set(http.StatusOK, `{"friendly_name":"renamed"}`)
			sid, err := alice.CreateConversation(ctx, twiliochattest.SDKConversationParams{FriendlyName: twiliochat.Ptr("asked")})
			require.NoError(t, err)
			require.NoError(t, alice.UpdateConversation(ctx, sid, twiliochattest.SDKConversationParams{FriendlyName: twiliochat.Ptr("asked again")}))
			assert.Equal(t, "renamed", convCall(t, srv, false, http.MethodGet, "/v1/Services/"+svc+"/Conversations/"+sid, nil)["friendly_name"])
		})
	}
}

func TestParticipantEventsCarryTheMessagingBinding(t *testing.T) {
	t.Parallel()
	srv, clock := newServerWithClock(t)
	rc := newReceiver(t, srv.AuthToken())
	svc := convService(t, srv, rc.URL, http.MethodPost, "onParticipantAdded")
	ch := convCall(t, srv, false, http.MethodPost, "/v1/Services/"+svc+"/Conversations", url.Values{})["sid"].(string)
	p := convCall(t, srv, true, http.MethodPost, "/v1/Services/"+svc+"/Conversations/"+ch+"/Participants",
		url.Values{"MessagingBinding.Address": {"+15551234567"}, "MessagingBinding.ProxyAddress": {"+15005550006"}})
	waitHooks(t, srv)
	got := rc.take(t)
	require.Len(t, got, 1)
	assert.Equal(t, &webhook.ParticipantAddedEvent{
		ConversationsEvent: convEvent(srv, svc, "onParticipantAdded", "API", ""),
		ParticipantSID:     p["sid"].(string),
		ParticipantFields: webhook.ParticipantFields{ConversationSID: ch, RoleSID: p["role_sid"].(string), Attributes: json.RawMessage(`{}`),
			MessagingBinding: &webhook.MessagingBinding{Address: "+15551234567", ProxyAddress: "+15005550006", Type: "SMS"}},
		DateCreated: clock.Now().UTC(),
	}, withoutParams(got[0]))
}
