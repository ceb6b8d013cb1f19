package twiliochat_test

import (
	"context"
	"fmt"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// startUserChannels starts the fake with a Service in which alice is a
// Member of the Channels "general" and "random", "general" holds three
// Messages, and alice is invited to "support". It returns the fake, a
// client and the Service SID.
func startUserChannels() (*twiliochattest.Server, *twiliochat.Client, string) {
	srv, client := startFake()
	serviceSID := mustSeed(srv.SeedService("support"))
	for _, name := range []string{"general", "random", "support"} {
		if _, err := srv.SeedChannel(serviceSID, name); err != nil {
			panic(err) // a new Service has no Channel of that name
		}
	}
	for _, name := range []string{"general", "random"} {
		if _, err := srv.SeedMember(serviceSID, name, "alice"); err != nil {
			panic(err)
		}
	}
	ctx := context.Background()
	for _, body := range []string{"hello", "anyone?", "bye"} {
		if _, err := client.Messages.Create(ctx, serviceSID, "general", &twiliochat.CreateMessageParams{From: twiliochat.Ptr("bob"), Body: twiliochat.Ptr(body)}); err != nil {
			panic(err)
		}
	}
	if _, err := client.Invites.Create(ctx, serviceSID, "support", &twiliochat.CreateInviteParams{Identity: twiliochat.Ptr("alice")}); err != nil {
		panic(err)
	}
	return srv, client, serviceSID
}

// unread prints a User Channel's status, horizon and unread count, "?" for
// one Twilio does not know.
func unread(uc *twiliochat.UserChannel) string {
	known := func(n *int) string {
		if n == nil {
			return "?"
		}
		return fmt.Sprint(*n)
	}
	return fmt.Sprintf("%s: read up to %s, %s unread", uc.Status, known(uc.LastConsumedMessageIndex), known(uc.UnreadMessagesCount))
}

// Fetch returns a Channel as a User sees it. Until the User's Member has a
// consumption horizon, Twilio does not know what it has read: both the
// index and the unread count are nil.
func ExampleUserChannelsService_Fetch() {
	srv, client, serviceSID := startUserChannels()
	defer srv.Close()

	uc, err := client.UserChannels.Fetch(context.Background(), serviceSID, "alice", "general")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(unread(uc), uc.NotificationLevel)
	// Output:
	// joined: read up to ?, ? unread default
}

// Update moves the User's consumption horizon (that of its Member), and
// with it the unread count, or mutes the Channel's push notifications.
func ExampleUserChannelsService_Update() {
	srv, client, serviceSID := startUserChannels()
	defer srv.Close()
	ctx := context.Background()

	uc, err := client.UserChannels.Update(ctx, serviceSID, "alice", "general", &twiliochat.UpdateUserChannelParams{
		LastConsumedMessageIndex: twiliochat.Ptr(0),
		NotificationLevel:        twiliochat.Ptr(twiliochat.NotificationLevelMuted),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(unread(uc), uc.NotificationLevel)
	member, err := client.Members.Fetch(ctx, serviceSID, "general", "alice")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("member read up to", *member.LastConsumedMessageIndex)
	// Output:
	// joined: read up to 0, 2 unread muted
	// member read up to 0
}

// Delete removes a User from a Channel: its Member leaves. WebhookEnabled
// false keeps the Service's webhooks from being called for it.
func ExampleUserChannelsService_Delete() {
	srv, client, serviceSID := startUserChannels()
	defer srv.Close()
	ctx := context.Background()

	err := client.UserChannels.Delete(ctx, serviceSID, "alice", "random", &twiliochat.DeleteUserChannelParams{
		WebhookEnabled: twiliochat.Ptr(false),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = client.Members.Fetch(ctx, serviceSID, "random", "alice")
	fmt.Println(twiliochat.IsNotFound(err))
	// Output:
	// true
}

// ListPage returns the first page of the Channels a User has joined or is
// invited to.
func ExampleUserChannelsService_ListPage() {
	srv, client, serviceSID := startUserChannels()
	defer srv.Close()
	ctx := context.Background()

	page, err := client.UserChannels.ListPage(ctx, serviceSID, "alice", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, uc := range page.Items {
		ch, err := client.Channels.Fetch(ctx, serviceSID, uc.ChannelSID)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(ch.UniqueName, uc.Status)
	}
	// Output:
	// general joined
	// random joined
	// support invited
}

// NextPage follows a page of a User's Channels to the next one; a page
// holds at most 50.
func ExampleUserChannelsService_NextPage() {
	srv, client, serviceSID := startUserChannels()
	defer srv.Close()
	ctx := context.Background()

	page, err := client.UserChannels.ListPage(ctx, serviceSID, "alice", &twiliochat.ListUserChannelsParams{PageSize: twiliochat.Ptr(2)})
	for page != nil && err == nil {
		fmt.Println("page", page.Meta.Page, len(page.Items), "channels")
		page, err = client.UserChannels.NextPage(ctx, page)
	}
	if err != nil {
		fmt.Println(err)
	}
	_, err = client.UserChannels.ListPage(ctx, serviceSID, "alice", &twiliochat.ListUserChannelsParams{PageSize: twiliochat.Ptr(100)})
	fmt.Println(err)
	// Output:
	// page 0 2 channels
	// page 1 1 channels
	// twiliochat: invalid PageSize: 100 is not between 1 and 50
}

// List ranges over every Channel of a User, here to add up what it has not
// read in the Channels where that is known.
func ExampleUserChannelsService_List() {
	srv, client, serviceSID := startUserChannels()
	defer srv.Close()
	ctx := context.Background()
	_, err := client.UserChannels.Update(ctx, serviceSID, "alice", "general", &twiliochat.UpdateUserChannelParams{LastConsumedMessageIndex: twiliochat.Ptr(1)})
	if err != nil {
		fmt.Println(err)
		return
	}

	total := 0
	for uc, err := range client.UserChannels.List(ctx, serviceSID, "alice", nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(unread(uc))
		if uc.UnreadMessagesCount != nil {
			total += *uc.UnreadMessagesCount
		}
	}
	fmt.Println("unread in all:", total)
	// Output:
	// joined: read up to 1, 1 unread
	// joined: read up to ?, ? unread
	// invited: read up to ?, ? unread
	// unread in all: 1
}
