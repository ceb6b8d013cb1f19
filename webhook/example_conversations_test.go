package webhook_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/e3f0929f/twiliochat/webhook"
)

// Conversations and Chat events can share one Handler and one URL: an
// event type both send (here onMessageUpdate) reaches the function of the
// product that sent it, told apart by ConversationSid.
func Example_conversations() {
	h := newHandler()
	h.OnMessageUpdate(func(ctx context.Context, e *webhook.MessageUpdateEvent) (webhook.Decision, error) {
		fmt.Println("Chat message in channel", e.ChannelSID)
		return webhook.Allow(), nil
	})
	h.OnConversationMessageUpdate(func(ctx context.Context, e *webhook.ConversationMessageUpdateEvent) (webhook.Decision, error) {
		fmt.Println("Conversations message in", e.ConversationSID)
		return webhook.Allow(), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageUpdate"}, "ChannelSid": {"CH1"}, "Body": {"hi"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageUpdate"}, "ConversationSid": {"CH2"}, "Body": {"hi"}}))
	// Output:
	// Chat message in channel CH1
	// 200
	// Conversations message in CH2
	// 200
}

// onMessageAdd may change the message's body, author and attributes.
func ExampleHandler_OnConversationMessageAdd() {
	h := newHandler()
	h.OnConversationMessageAdd(func(ctx context.Context, e *webhook.ConversationMessageAddEvent) (webhook.Decision, error) {
		if strings.Contains(e.Body, "spam") {
			return webhook.Reject(), nil
		}
		for _, m := range e.Media {
			fmt.Println("media:", m.SID, m.ContentType)
		}
		return webhook.Modify(webhook.MessageChanges{Body: strp(strings.TrimSpace(e.Body))}), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageAdd"}, "ConversationSid": {"CH1"}, "Body": {"buy spam"}}))
	fmt.Println(deliver(h, url.Values{
		"EventType": {"onMessageAdd"}, "ConversationSid": {"CH1"}, "Body": {" hello "},
		"Media": {`[{"Sid":"ME1","Filename":"cat.png","ContentType":"image/png","Size":20480}]`},
	}))
	// Output:
	// 403 rejected
	// media: ME1 image/png
	// 200 {"body":"hello"}
}

func ExampleHandler_OnConversationMessageAdded() {
	h := newHandler()
	h.OnConversationMessageAdded(func(ctx context.Context, e *webhook.ConversationMessageAddedEvent) error {
		fmt.Println(e.Index, e.Author, e.Body, e.ParticipantSID)
		return nil
	})
	fmt.Println(deliver(h, url.Values{
		"EventType": {"onMessageAdded"}, "ConversationSid": {"CH1"}, "MessageSid": {"IM1"},
		"Index": {"7"}, "Author": {"alice"}, "Body": {"hello"}, "ParticipantSid": {"MB1"},
	}))
	// Output:
	// 7 alice hello MB1
	// 200
}

func ExampleHandler_OnConversationMessageUpdate() {
	h := newHandler()
	h.OnConversationMessageUpdate(func(ctx context.Context, e *webhook.ConversationMessageUpdateEvent) (webhook.Decision, error) {
		return webhook.Modify(webhook.MessageChanges{Attributes: []byte(`{"edited":true}`)}), nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageUpdate"}, "ConversationSid": {"CH1"}, "MessageSid": {"IM1"}, "Body": {"hi"}}))
	// Output:
	// 200 {"attributes":"{\"edited\":true}"}
}

func ExampleHandler_OnConversationMessageUpdated() {
	h := newHandler()
	h.OnConversationMessageUpdated(func(ctx context.Context, e *webhook.ConversationMessageUpdatedEvent) error {
		fmt.Println(e.MessageSID, e.Body, e.DateUpdated.Format("15:04"))
		return nil
	})
	fmt.Println(deliver(h, url.Values{
		"EventType": {"onMessageUpdated"}, "ConversationSid": {"CH1"}, "MessageSid": {"IM1"},
		"Body": {"edited"}, "DateUpdated": {"2024-05-06T08:00:00.000Z"},
	}))
	// Output:
	// IM1 edited 08:00
	// 200
}

func ExampleHandler_OnConversationMessageRemove() {
	h := newHandler()
	h.OnConversationMessageRemove(func(ctx context.Context, e *webhook.ConversationMessageRemoveEvent) (webhook.Decision, error) {
		if e.Author == "system" {
			return webhook.Reject(), nil // system messages stay
		}
		return webhook.Allow(), nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageRemove"}, "ConversationSid": {"CH1"}, "Author": {"system"}}))
	// Output:
	// 403 rejected
}

func ExampleHandler_OnConversationMessageRemoved() {
	h := newHandler()
	h.OnConversationMessageRemoved(func(ctx context.Context, e *webhook.ConversationMessageRemovedEvent) error {
		fmt.Println(e.MessageSID, e.DateRemoved.Format("15:04"))
		return nil
	})
	fmt.Println(deliver(h, url.Values{
		"EventType": {"onMessageRemoved"}, "ConversationSid": {"CH1"}, "MessageSid": {"IM1"}, "DateRemoved": {"2024-05-06T09:30:00Z"},
	}))
	// Output:
	// IM1 09:30
	// 200
}

// onConversationAdd may change the new conversation's friendly name.
func ExampleHandler_OnConversationAdd() {
	h := newHandler()
	h.OnConversationAdd(func(ctx context.Context, e *webhook.ConversationAddEvent) (webhook.Decision, error) {
		if e.FriendlyName == "" && e.MessagingBinding != nil {
			return webhook.ModifyConversation(webhook.ConversationChanges{
				FriendlyName: strp("SMS with " + e.MessagingBinding.Address),
			}), nil
		}
		return webhook.Allow(), nil
	})
	fmt.Println(deliver(h, url.Values{
		"EventType": {"onConversationAdd"}, "ChatServiceSid": {"IS1"},
		"MessagingBinding.Address": {"+15551234567"}, "MessagingBinding.ProxyAddress": {"+15005550006"},
	}))
	// Output:
	// 200 {"friendly_name":"SMS with +15551234567"}
}

func ExampleHandler_OnConversationAdded() {
	h := newHandler()
	h.OnConversationAdded(func(ctx context.Context, e *webhook.ConversationAddedEvent) error {
		fmt.Println(e.ConversationSID, e.UniqueName, e.State, e.ChatServiceSID)
		return nil
	})
	fmt.Println(deliver(h, url.Values{
		"EventType": {"onConversationAdded"}, "ConversationSid": {"CH1"}, "UniqueName": {"support"},
		"State": {"active"}, "ChatServiceSid": {"IS1"},
	}))
	// Output:
	// CH1 support active IS1
	// 200
}

func ExampleHandler_OnConversationUpdate() {
	h := newHandler()
	h.OnConversationUpdate(func(ctx context.Context, e *webhook.ConversationUpdateEvent) (webhook.Decision, error) {
		return webhook.ModifyConversation(webhook.ConversationChanges{FriendlyName: strp(strings.ToUpper(e.FriendlyName))}), nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onConversationUpdate"}, "ConversationSid": {"CH1"}, "FriendlyName": {"support"}}))
	// Output:
	// 200 {"friendly_name":"SUPPORT"}
}

func ExampleHandler_OnConversationUpdated() {
	h := newHandler()
	h.OnConversationUpdated(func(ctx context.Context, e *webhook.ConversationUpdatedEvent) error {
		fmt.Println(e.ConversationSID, string(e.Attributes))
		return nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onConversationUpdated"}, "ConversationSid": {"CH1"}, "Attributes": {`{"topic":"billing"}`}}))
	// Output:
	// CH1 {"topic":"billing"}
	// 200
}

func ExampleHandler_OnConversationRemove() {
	h := newHandler()
	h.OnConversationRemove(func(ctx context.Context, e *webhook.ConversationRemoveEvent) (webhook.Decision, error) {
		if e.State == "active" {
			return webhook.Reject(), nil // close it first
		}
		return webhook.Allow(), nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onConversationRemove"}, "ConversationSid": {"CH1"}, "State": {"active"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onConversationRemove"}, "ConversationSid": {"CH1"}, "State": {"closed"}}))
	// Output:
	// 403 rejected
	// 200
}

func ExampleHandler_OnConversationRemoved() {
	h := newHandler()
	h.OnConversationRemoved(func(ctx context.Context, e *webhook.ConversationRemovedEvent) error {
		fmt.Println(e.ConversationSID, e.DateRemoved.Format("2006-01-02"))
		return nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onConversationRemoved"}, "ConversationSid": {"CH1"}, "DateRemoved": {"2024-05-06T09:30:00Z"}}))
	// Output:
	// CH1 2024-05-06
	// 200
}

func ExampleHandler_OnConversationStateUpdated() {
	h := newHandler()
	h.OnConversationStateUpdated(func(ctx context.Context, e *webhook.ConversationStateUpdatedEvent) error {
		fmt.Println(e.ConversationSID, e.StateFrom, "->", e.StateTo, "by", e.Reason)
		return nil
	})
	fmt.Println(deliver(h, url.Values{
		"EventType": {"onConversationStateUpdated"}, "ConversationSid": {"CH1"},
		"StateFrom": {"active"}, "StateTo": {"inactive"}, "Reason": {"TIMER"},
	}))
	// Output:
	// CH1 active -> inactive by TIMER
	// 200
}

func ExampleHandler_OnParticipantAdd() {
	h := newHandler()
	h.OnParticipantAdd(func(ctx context.Context, e *webhook.ParticipantAddEvent) (webhook.Decision, error) {
		if e.MessagingBinding != nil && e.MessagingBinding.Type == "WHATSAPP" {
			return webhook.Reject(), nil // chat and SMS only
		}
		return webhook.Allow(), nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onParticipantAdd"}, "ConversationSid": {"CH1"}, "MessagingBinding.Type": {"WHATSAPP"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onParticipantAdd"}, "ConversationSid": {"CH1"}, "Identity": {"carol"}}))
	// Output:
	// 403 rejected
	// 200
}

func ExampleHandler_OnParticipantAdded() {
	h := newHandler()
	h.OnParticipantAdded(func(ctx context.Context, e *webhook.ParticipantAddedEvent) error {
		fmt.Println(e.ParticipantSID, e.Identity, e.MessagingBinding == nil)
		return nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onParticipantAdded"}, "ConversationSid": {"CH1"}, "ParticipantSid": {"MB1"}, "Identity": {"carol"}}))
	// Output:
	// MB1 carol true
	// 200
}

func ExampleHandler_OnParticipantUpdate() {
	h := newHandler()
	h.OnParticipantUpdate(func(ctx context.Context, e *webhook.ParticipantUpdateEvent) (webhook.Decision, error) {
		fmt.Println(e.ParticipantSID, e.RoleSID)
		return webhook.Allow(), nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onParticipantUpdate"}, "ConversationSid": {"CH1"}, "ParticipantSid": {"MB1"}, "RoleSid": {"RL1"}}))
	// Output:
	// MB1 RL1
	// 200
}

func ExampleHandler_OnParticipantUpdated() {
	h := newHandler()
	h.OnParticipantUpdated(func(ctx context.Context, e *webhook.ParticipantUpdatedEvent) error {
		if e.LastReadMessageIndex != nil {
			fmt.Println(e.Identity, "read up to", *e.LastReadMessageIndex)
		}
		return nil
	})
	fmt.Println(deliver(h, url.Values{
		"EventType": {"onParticipantUpdated"}, "ConversationSid": {"CH1"}, "Identity": {"carol"}, "LastReadMessageIndex": {"41"},
	}))
	// Output:
	// carol read up to 41
	// 200
}

func ExampleHandler_OnParticipantRemove() {
	h := newHandler()
	h.OnParticipantRemove(func(ctx context.Context, e *webhook.ParticipantRemoveEvent) (webhook.Decision, error) {
		if e.Identity == "support-bot" {
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onParticipantRemove"}, "ConversationSid": {"CH1"}, "Identity": {"support-bot"}}))
	// Output:
	// 403 rejected
}

func ExampleHandler_OnParticipantRemoved() {
	h := newHandler()
	h.OnParticipantRemoved(func(ctx context.Context, e *webhook.ParticipantRemovedEvent) error {
		fmt.Println(e.ParticipantSID, e.DateRemoved.Format("15:04"))
		return nil
	})
	fmt.Println(deliver(h, url.Values{
		"EventType": {"onParticipantRemoved"}, "ConversationSid": {"CH1"}, "ParticipantSid": {"MB1"}, "DateRemoved": {"2024-05-06T09:30:00Z"},
	}))
	// Output:
	// MB1 09:30
	// 200
}

func ExampleHandler_OnDeliveryUpdated() {
	h := newHandler()
	h.OnDeliveryUpdated(func(ctx context.Context, e *webhook.DeliveryUpdatedEvent) error {
		fmt.Println(e.MessageSID, e.Status, e.ErrorCode)
		return nil
	})
	fmt.Println(deliver(h, url.Values{
		"EventType": {"onDeliveryUpdated"}, "ConversationSid": {"CH1"}, "MessageSid": {"IM1"},
		"DeliveryReceiptSid": {"DY1"}, "Status": {"undelivered"}, "ErrorCode": {"30006"},
	}))
	// Output:
	// IM1 undelivered 30006
	// 200
}

func ExampleHandler_OnConversationUserAdded() {
	h := newHandler()
	h.OnConversationUserAdded(func(ctx context.Context, e *webhook.ConversationUserAddedEvent) error {
		fmt.Println(e.Identity, e.UserSID, e.ChatServiceSID)
		return nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onUserAdded"}, "ChatServiceSid": {"IS1"}, "UserSid": {"US1"}, "Identity": {"alice"}}))
	// Output:
	// alice US1 IS1
	// 200
}

func ExampleHandler_OnConversationUserUpdate() {
	h := newHandler()
	h.OnConversationUserUpdate(func(ctx context.Context, e *webhook.ConversationUserUpdateEvent) (webhook.Decision, error) {
		if strings.Contains(e.FriendlyName, "admin") {
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onUserUpdate"}, "ChatServiceSid": {"IS1"}, "FriendlyName": {"the admin"}}))
	// Output:
	// 403 rejected
}

func ExampleHandler_OnConversationUserUpdated() {
	h := newHandler()
	h.OnConversationUserUpdated(func(ctx context.Context, e *webhook.ConversationUserUpdatedEvent) error {
		fmt.Println(e.Identity, "online:", *e.IsOnline)
		return nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onUserUpdated"}, "ChatServiceSid": {"IS1"}, "Identity": {"alice"}, "isOnline": {"true"}}))
	// Output:
	// alice online: true
	// 200
}

func ExampleModifyConversation() {
	d := webhook.ModifyConversation(webhook.ConversationChanges{FriendlyName: strp("Support")})
	fmt.Println(d.Rejected(), *d.ConversationChanges().FriendlyName)
	// Output:
	// false Support
}

func ExampleDecision_ConversationChanges() {
	fmt.Println(webhook.Allow().ConversationChanges() == nil)
	fmt.Println(*webhook.ModifyConversation(webhook.ConversationChanges{FriendlyName: strp("x")}).ConversationChanges().FriendlyName)
	// Output:
	// true
	// x
}

// strp returns a pointer to s, for the optional fields of the changes.
func strp(s string) *string { return &s }
