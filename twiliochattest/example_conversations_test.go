package twiliochattest_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
	"github.com/e3f0929f/twiliochat/webhook"
)

// convExample is newChatExample's setup with alice connected as a
// Conversations SDK user of the conversation "general".
func convExample(h *webhook.Handler, filters ...string) (*chat, *twiliochattest.ConversationsSDKClient) {
	c := newChatExample(h, filters...)
	alice, err := c.srv.ConnectConversationsAs(c.service, "alice")
	if err != nil {
		panic(err)
	}
	return c, alice
}

// moderation is a handler that rejects messages holding "spam", writes
// "darn" as "d**n", and names every new conversation "Support: …".
func moderation() *webhook.Handler {
	return handler(func(h *webhook.Handler) {
		h.OnConversationMessageAdd(func(_ context.Context, e *webhook.ConversationMessageAddEvent) (webhook.Decision, error) {
			return moderateConv(e.Body), nil
		})
		h.OnConversationMessageUpdate(func(_ context.Context, e *webhook.ConversationMessageUpdateEvent) (webhook.Decision, error) {
			return moderateConv(e.Body), nil
		})
		h.OnConversationAdd(func(_ context.Context, e *webhook.ConversationAddEvent) (webhook.Decision, error) {
			return webhook.ModifyConversation(webhook.ConversationChanges{FriendlyName: twiliochat.Ptr("Support: " + e.FriendlyName)}), nil
		})
	})
}

func moderateConv(body string) webhook.Decision {
	switch {
	case strings.Contains(body, "spam"):
		return webhook.Reject()
	case strings.Contains(body, "darn"):
		return webhook.Modify(webhook.MessageChanges{Body: twiliochat.Ptr(strings.ReplaceAll(body, "darn", "d**n"))})
	}
	return webhook.Allow()
}

// ConnectConversationsAs acts as a user of a Conversations SDK: its
// actions send Conversations' pre-action webhooks (onMessageAdd), where
// ConnectAs's send Chat's (onMessageSend).
func ExampleServer_ConnectConversationsAs() {
	c, alice := convExample(moderation(), "onMessageAdd", "onMessageAdded")
	defer c.Close()
	ctx := context.Background()

	m, err := alice.SendMessage(ctx, "general", "darn it", "")
	fmt.Println(m.Body, err)
	ds, _ := c.srv.WaitDeliveries(ctx)
	for _, d := range ds {
		fmt.Println(d.EventType, d.Params.Get("Body"), d.Status)
	}
	// Output:
	// d**n it <nil>
	// onMessageAdd darn it 200
	// onMessageAdded d**n it 200
}

// Identity is the user the client acts as.
func ExampleConversationsSDKClient_Identity() {
	c, alice := convExample(moderation())
	defer c.Close()
	fmt.Println(alice.Identity())
	// Output: alice
}

// SendMessage goes through onMessageAdd, whose answer may reject or
// rewrite the message.
func ExampleConversationsSDKClient_SendMessage() {
	c, alice := convExample(moderation(), "onMessageAdd")
	defer c.Close()
	ctx := context.Background()

	_, err := alice.SendMessage(ctx, "general", "buy spam", "")
	var rejected *twiliochattest.RejectedError
	fmt.Println(errors.As(err, &rejected), rejected.EventType, rejected.Status)
	m, err := alice.SendMessage(ctx, "general", "hello", `{"mood":"happy"}`)
	fmt.Println(m.Index, m.Body, m.Attributes, err)
	// Output:
	// true onMessageAdd 403
	// 0 hello {"mood":"happy"} <nil>
}

// UpdateMessageBody goes through onMessageUpdate.
func ExampleConversationsSDKClient_UpdateMessageBody() {
	c, alice := convExample(moderation(), "onMessageUpdate")
	defer c.Close()
	ctx := context.Background()

	m, _ := alice.SendMessage(ctx, "general", "hello", "")
	m, err := alice.UpdateMessageBody(ctx, "general", m.SID, "darn")
	fmt.Println(m.Body, err)
	// Output: d**n <nil>
}

// RemoveMessage goes through onMessageRemove, which allows it here.
func ExampleConversationsSDKClient_RemoveMessage() {
	c, alice := convExample(moderation(), "onMessageRemove", "onMessageRemoved")
	defer c.Close()
	ctx := context.Background()

	m, _ := alice.SendMessage(ctx, "general", "oops", "")
	fmt.Println(alice.RemoveMessage(ctx, "general", m.SID))
	ds, _ := c.srv.WaitDeliveries(ctx)
	for _, d := range ds {
		fmt.Println(d.EventType, d.Params.Get("Body"))
	}
	// Output:
	// <nil>
	// onMessageRemove oops
	// onMessageRemoved oops
}

// Join and Leave go through onParticipantAdd and onParticipantRemove.
func ExampleConversationsSDKClient_Join() {
	c, _ := convExample(moderation(), "onParticipantAdd", "onParticipantAdded")
	defer c.Close()
	ctx := context.Background()
	bob, _ := c.srv.ConnectConversationsAs(c.service, "bob")

	sid, err := bob.Join(ctx, "general")
	fmt.Println(sid[:2], err)
	ds, _ := c.srv.WaitDeliveries(ctx)
	for _, d := range ds {
		fmt.Println(d.EventType, d.Params.Get("Identity"))
	}
	// Output:
	// MB <nil>
	// onParticipantAdd bob
	// onParticipantAdded bob
}

// Leave ends the user's participation.
func ExampleConversationsSDKClient_Leave() {
	c, alice := convExample(moderation(), "onParticipantRemove")
	defer c.Close()
	fmt.Println(alice.Leave(context.Background(), "general"))
	fmt.Println(c.srv.Deliveries()[0].EventType)
	// Output:
	// <nil>
	// onParticipantRemove
}

// CreateConversation goes through onConversationAdd, whose answer may set
// the conversation's friendly name.
func ExampleConversationsSDKClient_CreateConversation() {
	c, alice := convExample(moderation(), "onConversationAdd")
	defer c.Close()
	ctx := context.Background()
	grant(c, "service user", "createChannel")

	sid, err := alice.CreateConversation(ctx, twiliochattest.SDKConversationParams{FriendlyName: twiliochat.Ptr("billing")})
	fmt.Println(sid[:2], err)
	ch, _ := c.srv.NewClient().Channels.Fetch(ctx, c.service, sid)
	fmt.Println(ch.FriendlyName)
	// Output:
	// CH <nil>
	// Support: billing
}

// UpdateConversation goes through onConversationUpdate.
func ExampleConversationsSDKClient_UpdateConversation() {
	c, alice := convExample(moderation(), "onConversationUpdate")
	defer c.Close()
	ctx := context.Background()
	grant(c, "channel user", "editChannelName")

	err := alice.UpdateConversation(ctx, "general", twiliochattest.SDKConversationParams{FriendlyName: twiliochat.Ptr("General")})
	fmt.Println(err, c.srv.Deliveries()[0].Params.Get("FriendlyName"))
	// Output: <nil> General
}

// DeleteConversation goes through onConversationRemove.
func ExampleConversationsSDKClient_DeleteConversation() {
	c, alice := convExample(moderation(), "onConversationRemove")
	defer c.Close()
	ctx := context.Background()
	grant(c, "channel user", "destroyChannel")

	fmt.Println(alice.DeleteConversation(ctx, "general"))
	fmt.Println(c.srv.Deliveries()[0].EventType)
	// Output:
	// <nil>
	// onConversationRemove
}

// SendMediaMessage sends a file; onMessageAdd carries it in its Media
// parameter, a JSON array.
func ExampleConversationsSDKClient_SendMediaMessage() {
	c, alice := convExample(moderation(), "onMessageAdd")
	defer c.Close()
	grant(c, "channel user", "sendMessage", "sendMediaMessage")

	m, err := alice.SendMediaMessage(context.Background(), "general", twiliochattest.SDKMedia{Filename: "cat.png", ContentType: "image/png", Size: 2048}, "")
	fmt.Println(m.MediaSID[:2], err)
	fmt.Println(strings.Replace(c.srv.Deliveries()[0].Params.Get("Media"), m.MediaSID, "ME…", 1))
	// Output:
	// ME <nil>
	// [{"Sid":"ME…","Filename":"cat.png","ContentType":"image/png","Size":2048}]
}

// UpdateParticipantAttributes goes through onParticipantUpdate.
func ExampleConversationsSDKClient_UpdateParticipantAttributes() {
	c, alice := convExample(moderation(), "onParticipantUpdate")
	defer c.Close()

	fmt.Println(alice.UpdateParticipantAttributes(context.Background(), "general", `{"away":true}`))
	d := c.srv.Deliveries()[0]
	fmt.Println(d.EventType, d.Params.Get("Identity"), d.Params.Get("Attributes"))
	// Output:
	// <nil>
	// onParticipantUpdate alice {"away":true}
}

// UpdateUser goes through onUserUpdate.
func ExampleConversationsSDKClient_UpdateUser() {
	c, alice := convExample(moderation(), "onUserUpdate")
	defer c.Close()

	fmt.Println(alice.UpdateUser(context.Background(), twiliochattest.SDKUserParams{FriendlyName: twiliochat.Ptr("Alice")}))
	d := c.srv.Deliveries()[0]
	fmt.Println(d.EventType, d.Params.Get("FriendlyName"), d.Params.Get("ChatServiceSid") == c.service)
	// Output:
	// <nil>
	// onUserUpdate Alice true
}
