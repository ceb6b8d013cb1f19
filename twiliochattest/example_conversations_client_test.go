package twiliochattest_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// A conversation created through Conversations is a Channel of the default
// Conversation Service to a Chat client of the same Server, with the same
// SID, and its messages are the Channel's.
func ExampleServer_NewConversationsClient() {
	srv := twiliochattest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	conv := srv.NewConversationsClient()
	chat := srv.NewClient()

	c, err := conv.Conversations.Create(ctx, &conversations.CreateConversationParams{UniqueName: twiliochat.Ptr("support")})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := conv.Messages.Create(ctx, "support", &conversations.CreateMessageParams{Author: twiliochat.Ptr("alice"), Body: twiliochat.Ptr("hello")}); err != nil {
		fmt.Println(err)
		return
	}
	ch, err := chat.Channels.Fetch(ctx, srv.DefaultConversationServiceSID(), c.SID)
	if err != nil {
		fmt.Println(err)
		return
	}
	for m, err := range chat.Messages.List(ctx, c.ChatServiceSID, ch.SID, nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(ch.SID == c.SID, ch.UniqueName, m.From, m.Body)
	}
	// Output: true support alice hello
}

// The default Conversation Service is a Chat Service like any other.
func ExampleServer_DefaultConversationServiceSID() {
	srv := twiliochattest.NewServer()
	defer srv.Close()
	svc, err := srv.NewClient().Services.Fetch(context.Background(), srv.DefaultConversationServiceSID())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(svc.FriendlyName)
	// Output: Default Conversations Service
}

// A message to an SMS participant has a delivery receipt, "sent" until the
// test reports what the carrier would.
func ExampleServer_SetDeliveryStatus() {
	srv := twiliochattest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	conv := srv.NewConversationsClient()

	if _, err := conv.Conversations.Create(ctx, &conversations.CreateConversationParams{UniqueName: twiliochat.Ptr("order-4217")}); err != nil {
		fmt.Println(err)
		return
	}
	_, err := conv.Participants.Create(ctx, "order-4217", &conversations.CreateParticipantParams{
		MessagingBinding: &conversations.MessagingBindingParams{Address: twiliochat.Ptr("+15551234567"), ProxyAddress: twiliochat.Ptr("+15005550006")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := conv.Messages.Create(ctx, "order-4217", &conversations.CreateMessageParams{Body: twiliochat.Ptr("your order shipped")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for r, err := range conv.Receipts.List(ctx, "order-4217", m.SID, nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Status)
		if err := srv.SetDeliveryStatus(r.SID, conversations.DeliveryStatusDelivered, 0); err != nil {
			fmt.Println(err)
			return
		}
	}
	m, err = conv.Messages.Fetch(ctx, "order-4217", m.SID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Delivery.Total, m.Delivery.Sent, m.Delivery.Delivered)
	// Output:
	// sent
	// 1 none all
}

// A conversation's timers run on the Server's clock: FireTimers applies
// those that are due and sends their onConversationStateUpdated.
func ExampleServer_FireTimers() {
	start := time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)
	var elapsed atomic.Int64 // minutes since start; the fake reads its clock from other goroutines
	srv := twiliochattest.NewServer(twiliochattest.WithClock(func() time.Time {
		return start.Add(time.Duration(elapsed.Load()) * time.Minute)
	}))
	defer srv.Close()
	ctx := context.Background()
	conv := srv.NewConversationsClient()

	_, err := conv.Conversations.Create(ctx, &conversations.CreateConversationParams{
		UniqueName: twiliochat.Ptr("order-4217"),
		Timers:     &conversations.TimersParams{Inactive: twiliochat.Ptr("PT30M"), Closed: twiliochat.Ptr("P1D")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	elapsed.Add(60)
	srv.FireTimers()
	c, err := conv.Conversations.Fetch(ctx, "order-4217")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.State, c.Timers.DateClosed.Format(time.Kitchen))
	// Output: inactive 9:00AM
}
