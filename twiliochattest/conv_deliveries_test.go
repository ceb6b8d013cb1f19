package twiliochattest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
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
				&webhook.ConversationMessageAddedEvent{ConversationsEvent: api("onMessageAdded"), MessageSID: im, ConversationMessageFields: msg, MessagingServiceSID: ms, DateCreated: at},
				(*webhook.ConversationMessageUpdatedEvent)(&msgUpdate),
				&webhook.ConversationMessageRemovedEvent{ConversationMessageRemoveEvent: webhook.ConversationMessageRemoveEvent(msgUpdate), DateRemoved: at},
				&webhook.ParticipantRemovedEvent{ParticipantRemoveEvent: webhook.ParticipantRemoveEvent(partRemove), DateRemoved: at},
				(*webhook.ConversationUserAddedEvent)(&user),
				(*webhook.ConversationUserUpdatedEvent)(&userUpdated),
				&webhook.ConversationRemovedEvent{ConversationRemoveEvent: webhook.ConversationRemoveEvent(gone), DateRemoved: at},
			}
			want[7].(*webhook.ConversationMessageRemovedEvent).ConversationsEvent = api("onMessageRemoved")
			got := rc.take(t)
			for i := range got {
				got[i] = withoutParams(got[i])
			}
			assert.Equal(t, want, got)
		})
	}
}
