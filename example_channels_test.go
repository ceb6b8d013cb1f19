package twiliochat_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/e3f0929f/twiliochat"
)

// Create makes a Channel; every key is optional. A unique name lets the
// Channel be addressed without its SID, and is unique in its Service.
func ExampleChannelsService_Create() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))

	channel, err := client.Channels.Create(ctx, serviceSID, &twiliochat.CreateChannelParams{
		FriendlyName: twiliochat.Ptr("Support EMEA"),
		UniqueName:   twiliochat.Ptr("support/emea"),
		Type:         twiliochat.Ptr(twiliochat.ChannelTypePrivate),
		DateCreated:  twiliochat.Ptr(time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(channel.UniqueName, channel.Type, channel.CreatedBy, channel.DateCreated.Format(time.RFC3339))

	_, err = client.Channels.Create(ctx, serviceSID, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr("support/emea")})
	var apiErr *twiliochat.APIError
	fmt.Println(errors.As(err, &apiErr), apiErr.Status, apiErr.Code)
	_, err = client.Channels.Create(ctx, serviceSID, &twiliochat.CreateChannelParams{Type: twiliochat.Ptr(twiliochat.ChannelType("direct"))})
	fmt.Println(err)
	// Output:
	// support/emea private system 2024-05-01T09:00:00Z
	// true 409 50307
	// twiliochat: invalid Type: "direct" is not "public" or "private"
}

// Fetch takes a Channel's SID or its unique name, which may hold any
// character: it is sent as one escaped path segment.
func ExampleChannelsService_Fetch() {
	srv, client := startFake()
	defer srv.Close()
	serviceSID := mustSeed(srv.SeedService("support"))
	channelSID, err := srv.SeedChannel(serviceSID, "support/emea")
	if err != nil {
		fmt.Println(err)
		return
	}

	channel, err := client.Channels.Fetch(context.Background(), serviceSID, "support/emea")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(channel.SID == channelSID, channel.UniqueName, channel.MembersCount)
	// Output:
	// true support/emea 0
}

// Update changes only the keys it sends, here the unique name: the old one
// no longer finds the Channel.
func ExampleChannelsService_Update() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))
	if _, err := srv.SeedChannel(serviceSID, "general"); err != nil {
		fmt.Println(err)
		return
	}

	channel, err := client.Channels.Update(ctx, serviceSID, "general", &twiliochat.UpdateChannelParams{
		UniqueName: twiliochat.Ptr("lobby"),
		Attributes: twiliochat.Ptr(`{"topic": "hello"}`),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(channel.UniqueName, channel.Attributes)
	_, err = client.Channels.Fetch(ctx, serviceSID, "general")
	fmt.Println(twiliochat.IsNotFound(err))
	// Output:
	// lobby {"topic": "hello"}
	// true
}

// Migrate makes a public Channel private and gives it a Messaging Service,
// through Chat v3, so that Twilio can move it to Conversations.
func ExampleChannelsService_Migrate() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))
	if _, err := srv.SeedChannel(serviceSID, "general"); err != nil {
		fmt.Println(err)
		return
	}

	channel, err := client.Channels.Migrate(ctx, serviceSID, "general", &twiliochat.MigrateChannelParams{
		Type:                twiliochat.Ptr(twiliochat.ChannelTypePrivate),
		MessagingServiceSID: twiliochat.Ptr("MG0123456789abcdef0123456789abcdef"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(channel.UniqueName, channel.Type, channel.MessagingServiceSID)

	_, err = client.Channels.Migrate(ctx, serviceSID, "general", &twiliochat.MigrateChannelParams{
		MessagingServiceSID: twiliochat.Ptr("MG123"),
	})
	fmt.Println(err)
	// Output:
	// general private MG0123456789abcdef0123456789abcdef
	// twiliochat: invalid MessagingServiceSid: "MG123" is not MG followed by 32 hex digits
}

// Delete removes a Channel with its Members and Messages; WebhookEnabled
// false asks Twilio not to call the Service's webhooks for it.
func ExampleChannelsService_Delete() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))
	if _, err := srv.SeedMember(serviceSID, mustSeed(srv.SeedChannel(serviceSID, "general")), "alice"); err != nil {
		fmt.Println(err)
		return
	}

	err := client.Channels.Delete(ctx, serviceSID, "general", &twiliochat.DeleteChannelParams{WebhookEnabled: twiliochat.Ptr(false)})
	fmt.Println(err, srv.Requests()[0].Header.Get("X-Twilio-Webhook-Enabled"))
	alice, err := client.Users.Fetch(ctx, serviceSID, "alice")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(alice.JoinedChannelsCount)
	// Output:
	// <nil> false
	// 0
}

// mustSeed returns the SID a Seed method of the fake returns, for Examples
// whose seeding cannot fail.
func mustSeed(sid string, err error) string {
	if err != nil {
		panic(err)
	}
	return sid
}

// List ranges over a Service's Channels of the types asked for.
func ExampleChannelsService_List() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))
	for _, name := range []string{"lobby", "billing"} {
		_, err := client.Channels.Create(ctx, serviceSID, &twiliochat.CreateChannelParams{
			UniqueName: twiliochat.Ptr(name), Type: twiliochat.Ptr(twiliochat.ChannelTypePrivate)})
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	if _, err := srv.SeedChannel(serviceSID, "general"); err != nil {
		fmt.Println(err)
		return
	}

	params := &twiliochat.ListChannelsParams{Type: []twiliochat.ChannelType{twiliochat.ChannelTypePrivate}}
	for channel, err := range client.Channels.List(ctx, serviceSID, params) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(channel.UniqueName, channel.Type)
	}
	// Output:
	// lobby private
	// billing private
}

// ListPage returns the first page of Channels and its Meta.
func ExampleChannelsService_ListPage() {
	srv, client := startFake()
	defer srv.Close()
	serviceSID := mustSeed(srv.SeedService("support"))
	if _, err := srv.SeedChannel(serviceSID, "general"); err != nil {
		fmt.Println(err)
		return
	}

	page, err := client.Channels.ListPage(context.Background(), serviceSID, &twiliochat.ListChannelsParams{Limit: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(page.Items), page.Items[0].UniqueName, page.Meta.Key, page.Meta.PageSize)
	// Output:
	// 1 general channels 10
}

// NextPage follows a page's NextPageURL and returns nil after the last
// page.
func ExampleChannelsService_NextPage() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))
	for _, name := range []string{"a", "b", "c"} {
		if _, err := srv.SeedChannel(serviceSID, name); err != nil {
			fmt.Println(err)
			return
		}
	}

	page, err := client.Channels.ListPage(ctx, serviceSID, &twiliochat.ListChannelsParams{PageSize: twiliochat.Ptr(2)})
	for ; page != nil && err == nil; page, err = client.Channels.NextPage(ctx, page) {
		fmt.Println("page", page.Meta.Page, "holds", len(page.Items))
	}
	fmt.Println("error:", err)
	// Output:
	// page 0 holds 2
	// page 1 holds 1
	// error: <nil>
}
