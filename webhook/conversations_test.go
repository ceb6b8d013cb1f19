package webhook

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The SIDs of the Conversations testdata, beside those of decode_test.go.
const (
	tConversation     = "CH9123456789abcdef9123456789abcdef"
	tMessagingService = "MGa123456789abcdefa123456789abcdef"
	tReceipt          = "DYb123456789abcdefb123456789abcdef"
	tChannelMessage   = "SMc123456789abcdefc123456789abcdef"
	tCvAttrs          = `{"topic":"billing"}`
)

// loadConversationsForm reads testdata/conversations/<eventType>.form, a
// payload with the parameters Twilio documents for the event at
// https://www.twilio.com/docs/conversations/conversations-webhooks.
func loadConversationsForm(t testing.TB, eventType string) url.Values {
	t.Helper()
	return loadForm(t, filepath.Join("conversations", eventType))
}

func conversationsPre(eventType string, form url.Values) ConversationsEvent {
	return ConversationsEvent{
		Event: Event{
			EventType: eventType, AccountSID: tAccount, ClientIdentity: "alice", Source: "SDK", Params: form,
		},
		ChatServiceSID: tService,
	}
}

func conversationsPost(eventType string, form url.Values) ConversationsEvent {
	e := conversationsPre(eventType, form)
	e.RetryCount = 1
	return e
}

func TestParseConversationsTestdata(t *testing.T) {
	t.Parallel()
	media := []Media{{SID: tMedia, Filename: "cat.png", ContentType: "image/png", Size: 20480}}
	msg := ConversationMessageFields{
		ConversationSID: tConversation, Body: tBody, Author: "alice", ParticipantSID: tMember,
		Attributes: json.RawMessage(tMsgAttrs), Media: media,
	}
	conv := ConversationFields{
		FriendlyName: "Support room", UniqueName: "support", Attributes: json.RawMessage(tCvAttrs),
		MessagingServiceSID: tMessagingService, State: "active",
	}
	creatorBinding := &MessagingBinding{
		ProxyAddress: "+15005550006", Address: "+15551234567", ProjectedAddress: "+15005550007", AuthorAddress: "+15557654321",
	}
	part := ParticipantFields{
		ConversationSID: tConversation, Identity: "carol", RoleSID: tRole, Attributes: json.RawMessage(tMbAttrs),
		MessagingBinding: &MessagingBinding{
			ProxyAddress: "+15005550006", Address: "+15551234567", ProjectedAddress: "+15005550007", Type: "SMS",
		},
	}
	msgUpdate := func(e ConversationsEvent) ConversationMessageUpdateEvent {
		return ConversationMessageUpdateEvent{
			ConversationsEvent: e, MessageSID: tMessage, Index: 42, ConversationMessageFields: msg,
			DateCreated: tCreated, DateUpdated: tUpdated,
		}
	}
	convUpdate := func(e ConversationsEvent) ConversationUpdateEvent {
		return ConversationUpdateEvent{
			ConversationsEvent: e, ConversationSID: tConversation, ConversationFields: conv,
			DateCreated: tCreated, DateUpdated: tUpdated,
		}
	}
	partUpdate := func(e ConversationsEvent) ParticipantUpdateEvent {
		return ParticipantUpdateEvent{
			ConversationsEvent: e, ParticipantSID: tMember, ParticipantFields: part,
			DateCreated: tCreated, DateUpdated: tUpdated,
		}
	}
	user := func(e ConversationsEvent) ConversationUserUpdateEvent {
		return ConversationUserUpdateEvent{
			ConversationsEvent: e, UserSID: tUser, Identity: "alice", FriendlyName: "Alice A.", RoleSID: tRole,
			Attributes: json.RawMessage(tUsAttrs),
		}
	}
	tests := []struct {
		eventType string
		want      func(form url.Values) Payload
	}{
		{EventMessageAdd, func(f url.Values) Payload {
			return &ConversationMessageAddEvent{ConversationsEvent: conversationsPre(EventMessageAdd, f), ConversationMessageFields: msg}
		}},
		{EventMessageAdded, func(f url.Values) Payload {
			return &ConversationMessageAddedEvent{
				ConversationsEvent: conversationsPost(EventMessageAdded, f), MessageSID: tMessage, Index: 42,
				ConversationMessageFields: msg, MessagingServiceSID: tMessagingService, DateCreated: tCreated,
			}
		}},
		{EventMessageUpdate, func(f url.Values) Payload {
			e := msgUpdate(conversationsPre(EventMessageUpdate, f))
			return &e
		}},
		{EventMessageUpdated, func(f url.Values) Payload {
			e := ConversationMessageUpdatedEvent(msgUpdate(conversationsPost(EventMessageUpdated, f)))
			return &e
		}},
		{EventMessageRemove, func(f url.Values) Payload {
			e := ConversationMessageRemoveEvent(msgUpdate(conversationsPre(EventMessageRemove, f)))
			return &e
		}},
		{EventMessageRemoved, func(f url.Values) Payload {
			return &ConversationMessageRemovedEvent{
				ConversationMessageRemoveEvent: ConversationMessageRemoveEvent(msgUpdate(conversationsPost(EventMessageRemoved, f))),
				DateRemoved:                    tRemoved,
			}
		}},
		{EventConversationAdd, func(f url.Values) Payload {
			return &ConversationAddEvent{
				ConversationsEvent: conversationsPre(EventConversationAdd, f), ConversationFields: conv,
				MessagingBinding: creatorBinding, MessageBody: "First message", Media: media,
			}
		}},
		{EventConversationAdded, func(f url.Values) Payload {
			return &ConversationAddedEvent{
				ConversationsEvent: conversationsPost(EventConversationAdded, f), ConversationSID: tConversation,
				ConversationFields: conv, MessagingBinding: creatorBinding, DateCreated: tCreated, DateUpdated: tUpdated,
			}
		}},
		{EventConversationUpdate, func(f url.Values) Payload {
			e := convUpdate(conversationsPre(EventConversationUpdate, f))
			return &e
		}},
		{EventConversationUpdated, func(f url.Values) Payload {
			e := ConversationUpdatedEvent(convUpdate(conversationsPost(EventConversationUpdated, f)))
			return &e
		}},
		{EventConversationRemove, func(f url.Values) Payload {
			e := ConversationRemoveEvent(convUpdate(conversationsPre(EventConversationRemove, f)))
			return &e
		}},
		{EventConversationRemoved, func(f url.Values) Payload {
			return &ConversationRemovedEvent{
				ConversationRemoveEvent: ConversationRemoveEvent(convUpdate(conversationsPost(EventConversationRemoved, f))),
				DateRemoved:             tRemoved,
			}
		}},
		{EventConversationStateUpdated, func(f url.Values) Payload {
			return &ConversationStateUpdatedEvent{
				ConversationsEvent: conversationsPost(EventConversationStateUpdated, f), ConversationSID: tConversation,
				MessagingServiceSID: tMessagingService, StateFrom: "active", StateTo: "inactive",
				StateUpdated: tUpdated, Reason: "TIMER",
			}
		}},
		{EventParticipantAdd, func(f url.Values) Payload {
			return &ParticipantAddEvent{ConversationsEvent: conversationsPre(EventParticipantAdd, f), ParticipantFields: part}
		}},
		{EventParticipantAdded, func(f url.Values) Payload {
			return &ParticipantAddedEvent{
				ConversationsEvent: conversationsPost(EventParticipantAdded, f), ParticipantSID: tMember,
				ParticipantFields: part, DateCreated: tCreated,
			}
		}},
		{EventParticipantUpdate, func(f url.Values) Payload {
			e := partUpdate(conversationsPre(EventParticipantUpdate, f))
			return &e
		}},
		{EventParticipantUpdated, func(f url.Values) Payload {
			return &ParticipantUpdatedEvent{
				ParticipantUpdateEvent: partUpdate(conversationsPost(EventParticipantUpdated, f)), LastReadMessageIndex: intp(41),
			}
		}},
		{EventParticipantRemove, func(f url.Values) Payload {
			e := ParticipantRemoveEvent(partUpdate(conversationsPre(EventParticipantRemove, f)))
			return &e
		}},
		{EventParticipantRemoved, func(f url.Values) Payload {
			return &ParticipantRemovedEvent{
				ParticipantRemoveEvent: ParticipantRemoveEvent(partUpdate(conversationsPost(EventParticipantRemoved, f))),
				DateRemoved:            tRemoved,
			}
		}},
		{EventDeliveryUpdated, func(f url.Values) Payload {
			return &DeliveryUpdatedEvent{
				ConversationsEvent: conversationsPost(EventDeliveryUpdated, f), ConversationSID: tConversation,
				MessageSID: tMessage, DeliveryReceiptSID: tReceipt, ChannelMessageSID: tChannelMessage,
				ParticipantSID: tMember, Status: "undelivered", ErrorCode: 30006, DateCreated: tCreated, DateUpdated: tUpdated,
			}
		}},
		{EventUserAdded, func(f url.Values) Payload {
			e := user(conversationsPost(EventUserAdded, f))
			e.DateCreated = tCreated
			return (*ConversationUserAddedEvent)(&e)
		}},
		{EventUserUpdate, func(f url.Values) Payload {
			e := user(conversationsPre(EventUserUpdate, f))
			e.DateUpdated = tUpdated
			return &e
		}},
		{EventUserUpdated, func(f url.Values) Payload {
			e := user(conversationsPost(EventUserUpdated, f))
			e.DateCreated, e.DateUpdated = tCreated, tUpdated
			e.IsOnline, e.IsNotifiable = boolp(true), boolp(false)
			return (*ConversationUserUpdatedEvent)(&e)
		}},
	}
	require.Len(t, tests, len(conversationsDecoders), "one case per Conversations event type")
	for _, tt := range tests {
		t.Run(tt.eventType, func(t *testing.T) {
			t.Parallel()
			form := loadConversationsForm(t, tt.eventType)
			got, err := Parse(form)
			require.NoError(t, err)
			assert.Equal(t, tt.want(form), got)
			assert.Equal(t, tt.eventType, got.Common().EventType)
		})
	}
}

func TestParseConversationsCoversEveryEventType(t *testing.T) {
	t.Parallel()
	for eventType := range conversationsDecoders {
		_, err := os.Stat(filepath.Join("testdata", "conversations", eventType+".form"))
		assert.NoError(t, err, "no testdata for %s", eventType)
	}
}

// TestParseTellsChatFromConversations checks the rule for the event types
// both products send: ConversationSid or ChatServiceSid make it a
// Conversations event, ChannelSid and InstanceSid a Chat one.
func TestParseTellsChatFromConversations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		form url.Values
		want Payload
	}{
		{"Chat onMessageUpdate", url.Values{"EventType": {EventMessageUpdate}, "ChannelSid": {tChannel}}, &MessageUpdateEvent{}},
		{"Conversations onMessageUpdate", url.Values{"EventType": {EventMessageUpdate}, "ConversationSid": {tConversation}}, &ConversationMessageUpdateEvent{}},
		{"Chat onMessageUpdated", url.Values{"EventType": {EventMessageUpdated}, "InstanceSid": {tService}}, &MessageUpdatedEvent{}},
		{"Conversations onMessageUpdated", url.Values{"EventType": {EventMessageUpdated}, "ConversationSid": {tConversation}}, &ConversationMessageUpdatedEvent{}},
		{"Chat onMessageRemove", url.Values{"EventType": {EventMessageRemove}}, &MessageRemoveEvent{}},
		{"Conversations onMessageRemove", url.Values{"EventType": {EventMessageRemove}, "ChatServiceSid": {tService}}, &ConversationMessageRemoveEvent{}},
		{"Chat onMessageRemoved", url.Values{"EventType": {EventMessageRemoved}, "ChannelSid": {tChannel}}, &MessageRemovedEvent{}},
		{"Conversations onMessageRemoved", url.Values{"EventType": {EventMessageRemoved}, "ConversationSid": {tConversation}}, &ConversationMessageRemovedEvent{}},
		{"Chat onUserAdded", url.Values{"EventType": {EventUserAdded}, "InstanceSid": {tService}}, &UserAddedEvent{}},
		{"Conversations onUserAdded", url.Values{"EventType": {EventUserAdded}, "ChatServiceSid": {tService}}, &ConversationUserAddedEvent{}},
		{"Chat onUserUpdate", url.Values{"EventType": {EventUserUpdate}, "InstanceSid": {tService}}, &UserUpdateEvent{}},
		{"Conversations onUserUpdate", url.Values{"EventType": {EventUserUpdate}, "ChatServiceSid": {tService}}, &ConversationUserUpdateEvent{}},
		{"Chat onUserUpdated", url.Values{"EventType": {EventUserUpdated}}, &UserUpdatedEvent{}},
		{"Conversations onUserUpdated", url.Values{"EventType": {EventUserUpdated}, "ChatServiceSid": {tService}}, &ConversationUserUpdatedEvent{}},
		{"Conversations-only type without either", url.Values{"EventType": {EventMessageAdd}}, &ConversationMessageAddEvent{}},
		{"Chat-only type with ConversationSid", url.Values{"EventType": {EventMessageSend}, "ConversationSid": {tConversation}}, &MessageSendEvent{}},
		{"unknown type with ConversationSid", url.Values{"EventType": {"onSomethingNew"}, "ConversationSid": {tConversation}}, &Event{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse(tt.form)
			require.NoError(t, err)
			assert.IsType(t, tt.want, got)
			assert.Equal(t, tt.form, got.Common().Params)
		})
	}
}

func TestParseConversationsErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		base      string
		set       map[string]string
		wantField string
	}{
		{"Media not JSON", EventMessageAdd, map[string]string{"Media": "[{"}, "Media"},
		{"Media not an array", EventMessageAdded, map[string]string{"Media": `{"Sid":"ME1"}`}, "Media"},
		{"Media Size not a number", EventConversationAdd, map[string]string{"Media": `[{"Size":"big"}]`}, "Media"},
		{"bad message Attributes", EventMessageUpdate, map[string]string{"Attributes": "{not json"}, "Attributes"},
		{"bad conversation Attributes", EventConversationRemoved, map[string]string{"Attributes": "{"}, "Attributes"},
		{"bad participant Attributes", EventParticipantAdd, map[string]string{"Attributes": "{"}, "Attributes"},
		{"bad Index", EventMessageRemoved, map[string]string{"Index": "4x2"}, "Index"},
		{"bad DateRemoved", EventParticipantRemoved, map[string]string{"DateRemoved": "yesterday"}, "DateRemoved"},
		{"bad StateUpdated", EventConversationStateUpdated, map[string]string{"StateUpdated": "now"}, "StateUpdated"},
		{"bad LastReadMessageIndex", EventParticipantUpdated, map[string]string{"LastReadMessageIndex": "1.5"}, "LastReadMessageIndex"},
		{"bad ErrorCode", EventDeliveryUpdated, map[string]string{"ErrorCode": "E30006"}, "ErrorCode"},
		{"bad isOnline", EventUserUpdated, map[string]string{"isOnline": "maybe"}, "isOnline"},
		{"bad RetryCount", EventConversationAdded, map[string]string{"RetryCount": "once"}, "RetryCount"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			form := loadConversationsForm(t, tt.base)
			for k, v := range tt.set {
				form.Set(k, v)
			}
			got, err := Parse(form)
			require.Error(t, err)
			assert.Nil(t, got)
			var fe *FieldError
			require.True(t, errors.As(err, &fe), "want *FieldError, got %T", err)
			assert.Equal(t, tt.wantField, fe.Field)
		})
	}
}

// TestParseConversationsMediaKeys checks the media keys Parse accepts:
// those of the Event Streams schema and of the REST API's Media, and the
// absence of media.
func TestParseConversationsMediaKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		media string
		want  []Media
	}{
		{"no Media", "", nil},
		{"empty array", "[]", []Media{}},
		{"Event Streams keys", `[{"MediaSid":"ME1","Filename":"a.png","ContentType":"image/png","Size":1},{"MediaSid":"ME2","Size":2}]`,
			[]Media{{SID: "ME1", Filename: "a.png", ContentType: "image/png", Size: 1}, {SID: "ME2", Size: 2}}},
		{"REST keys", `[{"sid":"ME3","filename":"b.pdf","content_type":"application/pdf","size":3,"category":"media"}]`,
			[]Media{{SID: "ME3", Filename: "b.pdf", ContentType: "application/pdf", Size: 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			form := url.Values{"EventType": {EventMessageAdd}, "ConversationSid": {tConversation}}
			if tt.media != "" {
				form.Set("Media", tt.media)
			}
			got, err := Parse(form)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.(*ConversationMessageAddEvent).Media)
		})
	}
}

func TestParseConversationsMissingOptionalFields(t *testing.T) {
	t.Parallel()
	got, err := Parse(url.Values{"EventType": {EventParticipantUpdated}, "ConversationSid": {tConversation}, "Identity": {"carol"}})
	require.NoError(t, err)
	e := got.(*ParticipantUpdatedEvent)
	assert.Nil(t, e.MessagingBinding, "a chat participant has no binding")
	assert.Nil(t, e.LastReadMessageIndex)
	assert.Nil(t, e.Attributes)
	assert.Equal(t, "carol", e.Identity)

	got, err = Parse(url.Values{"EventType": {EventUserUpdated}, "ChatServiceSid": {tService}, "IsOnline": {"true"}})
	require.NoError(t, err)
	u := got.(*ConversationUserUpdatedEvent)
	assert.Equal(t, boolp(true), u.IsOnline, "the Chat spelling is read when Twilio's page's is absent")
	assert.Nil(t, u.IsNotifiable)
}

// registerEveryConversations registers pre for every Conversations
// pre-event and post for every post-event, through the On… methods.
func registerEveryConversations(h *Handler, pre func(context.Context, Payload) (Decision, error), post func(context.Context, Payload) error) {
	h.OnConversationMessageAdd(func(c context.Context, e *ConversationMessageAddEvent) (Decision, error) { return pre(c, e) })
	h.OnConversationMessageUpdate(func(c context.Context, e *ConversationMessageUpdateEvent) (Decision, error) { return pre(c, e) })
	h.OnConversationMessageRemove(func(c context.Context, e *ConversationMessageRemoveEvent) (Decision, error) { return pre(c, e) })
	h.OnConversationAdd(func(c context.Context, e *ConversationAddEvent) (Decision, error) { return pre(c, e) })
	h.OnConversationUpdate(func(c context.Context, e *ConversationUpdateEvent) (Decision, error) { return pre(c, e) })
	h.OnConversationRemove(func(c context.Context, e *ConversationRemoveEvent) (Decision, error) { return pre(c, e) })
	h.OnParticipantAdd(func(c context.Context, e *ParticipantAddEvent) (Decision, error) { return pre(c, e) })
	h.OnParticipantUpdate(func(c context.Context, e *ParticipantUpdateEvent) (Decision, error) { return pre(c, e) })
	h.OnParticipantRemove(func(c context.Context, e *ParticipantRemoveEvent) (Decision, error) { return pre(c, e) })
	h.OnConversationUserUpdate(func(c context.Context, e *ConversationUserUpdateEvent) (Decision, error) { return pre(c, e) })
	h.OnConversationMessageAdded(func(c context.Context, e *ConversationMessageAddedEvent) error { return post(c, e) })
	h.OnConversationMessageUpdated(func(c context.Context, e *ConversationMessageUpdatedEvent) error { return post(c, e) })
	h.OnConversationMessageRemoved(func(c context.Context, e *ConversationMessageRemovedEvent) error { return post(c, e) })
	h.OnConversationAdded(func(c context.Context, e *ConversationAddedEvent) error { return post(c, e) })
	h.OnConversationUpdated(func(c context.Context, e *ConversationUpdatedEvent) error { return post(c, e) })
	h.OnConversationRemoved(func(c context.Context, e *ConversationRemovedEvent) error { return post(c, e) })
	h.OnConversationStateUpdated(func(c context.Context, e *ConversationStateUpdatedEvent) error { return post(c, e) })
	h.OnParticipantAdded(func(c context.Context, e *ParticipantAddedEvent) error { return post(c, e) })
	h.OnParticipantUpdated(func(c context.Context, e *ParticipantUpdatedEvent) error { return post(c, e) })
	h.OnParticipantRemoved(func(c context.Context, e *ParticipantRemovedEvent) error { return post(c, e) })
	h.OnDeliveryUpdated(func(c context.Context, e *DeliveryUpdatedEvent) error { return post(c, e) })
	h.OnConversationUserAdded(func(c context.Context, e *ConversationUserAddedEvent) error { return post(c, e) })
	h.OnConversationUserUpdated(func(c context.Context, e *ConversationUserUpdatedEvent) error { return post(c, e) })
}

// conversationsPreEvents are the Conversations pre-events, the ones a
// function can reject.
var conversationsPreEvents = map[string]bool{
	EventMessageAdd: true, EventMessageUpdate: true, EventMessageRemove: true,
	EventConversationAdd: true, EventConversationUpdate: true, EventConversationRemove: true,
	EventParticipantAdd: true, EventParticipantUpdate: true, EventParticipantRemove: true, EventUserUpdate: true,
}

// TestHandlerServesChatAndConversations sends every Chat and every
// Conversations testdata event, signed, to Handlers with the functions of
// Chat, of Conversations, or of both: each event reaches the function of
// its own product with its own type, and a Handler without one answers it
// 200 without calling anything.
func TestHandlerServesChatAndConversations(t *testing.T) {
	t.Parallel()
	type delivery struct {
		product string
		form    url.Values
		pre     bool
	}
	var deliveries []delivery
	for eventType := range decoders {
		deliveries = append(deliveries, delivery{"chat", loadForm(t, eventType), map[string]bool{
			EventMessageSend: true, EventMediaMessageSend: true, EventMessageUpdate: true, EventMessageRemove: true,
			EventChannelAdd: true, EventChannelUpdate: true, EventChannelDestroy: true,
			EventMemberAdd: true, EventMemberUpdate: true, EventMemberRemove: true, EventUserUpdate: true,
		}[eventType]})
	}
	for eventType := range conversationsDecoders {
		deliveries = append(deliveries, delivery{"conversations", loadConversationsForm(t, eventType), conversationsPreEvents[eventType]})
	}

	for _, serves := range []struct {
		name                string
		chat, conversations bool
	}{{"both", true, true}, {"chat only", true, false}, {"conversations only", false, true}} {
		t.Run(serves.name, func(t *testing.T) {
			t.Parallel()
			h := newTestHandler(t)
			var got []Payload
			calledBy := map[string]int{}
			record := func(product string) (func(context.Context, Payload) (Decision, error), func(context.Context, Payload) error) {
				return func(_ context.Context, p Payload) (Decision, error) {
						calledBy[product]++
						got = append(got, p)
						return Reject(), nil
					}, func(_ context.Context, p Payload) error {
						calledBy[product]++
						got = append(got, p)
						return nil
					}
			}
			if serves.chat {
				pre, post := record("chat")
				registerEvery(h, pre, post)
			}
			if serves.conversations {
				pre, post := record("conversations")
				registerEveryConversations(h, pre, post)
			}
			for _, d := range deliveries {
				eventType := d.form.Get("EventType")
				served := (d.product == "chat" && serves.chat) || (d.product == "conversations" && serves.conversations)
				before := len(got)
				w := serve(h, signedPost(t, testToken, hookURL, "", d.form))
				want := http.StatusOK
				if served && d.pre {
					want = http.StatusForbidden
				}
				assert.Equal(t, want, w.Code, "%s %s", d.product, eventType)
				if !served {
					assert.Len(t, got, before, "%s %s reached a function of the other product", d.product, eventType)
					continue
				}
				require.Len(t, got, before+1, "%s %s: not called", d.product, eventType)
				wantPayload, err := Parse(d.form)
				require.NoError(t, err)
				assert.Equal(t, wantPayload, got[before], "%s %s", d.product, eventType)
			}
			if serves.chat {
				assert.Equal(t, len(decoders), calledBy["chat"])
			}
			if serves.conversations {
				assert.Equal(t, len(conversationsDecoders), calledBy["conversations"])
			}
		})
	}
}

// TestHandlerConversationsDecisions sends signed Conversations pre-events
// through the Handler and checks Twilio's answer for each Decision: 200
// with no body to allow, 403 to reject, 200 with the JSON of the changes to
// modify.
func TestHandlerConversationsDecisions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		eventType  string
		decision   Decision
		wantStatus int
		wantType   string
		wantBody   string
		wantJSON   string
	}{
		{name: "allow a message", eventType: EventMessageAdd, decision: Allow(), wantStatus: http.StatusOK},
		{name: "reject a message", eventType: EventMessageAdd, decision: Reject(),
			wantStatus: http.StatusForbidden, wantType: "text/plain; charset=utf-8", wantBody: "rejected\n"},
		{
			name: "modify a new message's body, author and attributes", eventType: EventMessageAdd,
			decision: Modify(MessageChanges{
				Body: ptr("modified message text"), Author: ptr("modified author name"), Attributes: json.RawMessage(`{"key" : "value"}`),
			}),
			wantStatus: http.StatusOK, wantType: "application/json",
			wantJSON: `{"body":"modified message text","author":"modified author name","attributes":"{\"key\" : \"value\"}"}`,
		},
		{
			name: "modify an updated message's body", eventType: EventMessageUpdate, decision: Modify(MessageChanges{Body: ptr("")}),
			wantStatus: http.StatusOK, wantType: "application/json", wantJSON: `{"body":""}`,
		},
		{
			name: "modify a new conversation's friendly name", eventType: EventConversationAdd,
			decision:   ModifyConversation(ConversationChanges{FriendlyName: ptr("friendly name of conversation")}),
			wantStatus: http.StatusOK, wantType: "application/json", wantJSON: `{"friendly_name":"friendly name of conversation"}`,
		},
		{
			name: "modify an updated conversation, nothing set", eventType: EventConversationUpdate,
			decision:   ModifyConversation(ConversationChanges{}),
			wantStatus: http.StatusOK, wantType: "application/json", wantJSON: `{}`,
		},
		{name: "reject a conversation", eventType: EventConversationRemove, decision: Reject(),
			wantStatus: http.StatusForbidden, wantType: "text/plain; charset=utf-8", wantBody: "rejected\n"},
		{name: "reject a participant", eventType: EventParticipantAdd, decision: Reject(),
			wantStatus: http.StatusForbidden, wantType: "text/plain; charset=utf-8", wantBody: "rejected\n"},
		{name: "allow a participant", eventType: EventParticipantRemove, decision: Allow(), wantStatus: http.StatusOK},
		{name: "reject a user update", eventType: EventUserUpdate, decision: Reject(),
			wantStatus: http.StatusForbidden, wantType: "text/plain; charset=utf-8", wantBody: "rejected\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newTestHandler(t)
			var called bool
			decide := func(context.Context, Payload) (Decision, error) { called = true; return tt.decision, nil }
			registerEveryConversations(h, decide, func(context.Context, Payload) error { return nil })

			w := serve(h, signedPost(t, testToken, hookURL, "", loadConversationsForm(t, tt.eventType)))
			require.True(t, called)
			assert.Equal(t, tt.wantStatus, w.Code)
			assert.Equal(t, tt.wantType, w.Header().Get("Content-Type"))
			if tt.wantJSON != "" {
				assert.JSONEq(t, tt.wantJSON, w.Body.String())
			} else {
				assert.Equal(t, tt.wantBody, w.Body.String())
			}
		})
	}
}

// TestHandlerConversationsChecksSignature checks that Conversations events
// go through the same verification as Chat ones: nothing is called for a
// wrong signature or a non-form body without bodySHA256.
func TestHandlerConversationsChecksSignature(t *testing.T) {
	t.Parallel()
	form := loadConversationsForm(t, EventMessageAdd)
	tests := []struct {
		name string
		req  func(t *testing.T) *http.Request
	}{
		{"wrong token", func(t *testing.T) *http.Request { return signedPost(t, "wrong", hookURL, "", form) }},
		{"signed for another URL", func(t *testing.T) *http.Request { return signedPost(t, testToken, hookURL, hookURL+"/other", form) }},
		{"JSON body without bodySHA256", func(*testing.T) *http.Request {
			return rawPost(hookURL, "application/json", `{"EventType":"onMessageAdd"}`, Sign(testToken, hookURL, nil))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newTestHandler(t)
			var called bool
			h.OnConversationMessageAdd(func(context.Context, *ConversationMessageAddEvent) (Decision, error) {
				called = true
				return Allow(), nil
			})
			w := serve(h, tt.req(t))
			assert.Equal(t, http.StatusUnauthorized, w.Code)
			assert.False(t, called)
		})
	}
}

// TestHandlerConversationsNilFunctions checks that On…(nil) removes a
// Conversations function, and only that one: the Chat function of the
// same event type stays.
func TestHandlerConversationsNilFunctions(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t)
	var chatCalls, conversationsCalls int
	h.OnMessageUpdate(func(context.Context, *MessageUpdateEvent) (Decision, error) { chatCalls++; return Reject(), nil })
	h.OnConversationMessageUpdate(func(context.Context, *ConversationMessageUpdateEvent) (Decision, error) {
		conversationsCalls++
		return Reject(), nil
	})
	h.OnConversationMessageUpdate(nil)

	w := serve(h, signedPost(t, testToken, hookURL, "", loadConversationsForm(t, EventMessageUpdate)))
	assert.Equal(t, http.StatusOK, w.Code, "unregistered: allowed")
	w = serve(h, signedPost(t, testToken, hookURL, "", loadForm(t, EventMessageUpdate)))
	assert.Equal(t, http.StatusForbidden, w.Code)
	assert.Equal(t, 0, conversationsCalls)
	assert.Equal(t, 1, chatCalls)
}

func TestDecisionConversationChanges(t *testing.T) {
	t.Parallel()
	d := ModifyConversation(ConversationChanges{FriendlyName: ptr("Support")})
	assert.False(t, d.Rejected())
	assert.Nil(t, d.Changes())
	require.NotNil(t, d.ConversationChanges())
	assert.Equal(t, "Support", *d.ConversationChanges().FriendlyName)
	assert.Nil(t, Modify(MessageChanges{}).ConversationChanges())
	assert.Nil(t, Allow().ConversationChanges())
}
