package twiliochattest_test

import (
	"context"
	"fmt"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// SeedUser creates a User without a request; a second one with the same
// identity is refused as Twilio refuses it.
func ExampleServer_SeedUser() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	serviceSID, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}

	if _, err := srv.SeedUser(serviceSID, "alice"); err != nil {
		fmt.Println(err)
		return
	}
	user, err := newClient(srv).Users.Fetch(context.Background(), serviceSID, "alice")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(user.Identity, user.JoinedChannelsCount)

	_, err = srv.SeedUser(serviceSID, "alice")
	fmt.Println(err)
	fmt.Println("requests:", len(srv.Requests()))
	// Output:
	// alice 0
	// twiliochattest: User with identity alice already exists
	// requests: 1
}

// SeedChannel creates a public Channel without a request, with a unique
// name or without one ("").
func ExampleServer_SeedChannel() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	serviceSID, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}

	if _, err := srv.SeedChannel(serviceSID, "general"); err != nil {
		fmt.Println(err)
		return
	}
	channel, err := newClient(srv).Channels.Fetch(context.Background(), serviceSID, "general")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(channel.UniqueName, channel.Type, channel.CreatedBy)

	_, err = srv.SeedChannel(serviceSID, "general")
	fmt.Println(err)
	// Output:
	// general public system
	// twiliochattest: Channel with unique name general already exists
}

// SeedMember adds a User to a Channel without a request, creating the User
// when there is none with the identity; the counts follow.
func ExampleServer_SeedMember() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	serviceSID, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := srv.SeedChannel(serviceSID, "general"); err != nil {
		fmt.Println(err)
		return
	}

	if _, err := srv.SeedMember(serviceSID, "general", "alice"); err != nil {
		fmt.Println(err)
		return
	}
	client := newClient(srv)
	channel, err := client.Channels.Fetch(context.Background(), serviceSID, "general")
	if err != nil {
		fmt.Println(err)
		return
	}
	user, err := client.Users.Fetch(context.Background(), serviceSID, "alice")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(channel.MembersCount, user.JoinedChannelsCount)

	_, err = srv.SeedMember(serviceSID, "general", "alice")
	fmt.Println(err)
	// Output:
	// 1 1
	// twiliochattest: Member with identity alice already exists in channel CHfcb65280178a9bdd12ebc5f757e8c7cc
}

// SeedBinding registers a device for push notifications, as a Chat client
// SDK does when a user logs in (no REST request creates a Binding), and
// creates the user when there is none with the identity.
func ExampleServer_SeedBinding() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	serviceSID, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}

	sid, err := srv.SeedBinding(serviceSID, "alice", "alice-iphone", twiliochat.BindingTypeAPN)
	if err != nil {
		fmt.Println(err)
		return
	}
	client := newClient(srv)
	b, err := client.UserBindings.Fetch(context.Background(), serviceSID, "alice", sid)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Identity, b.BindingType, b.Endpoint)

	_, err = srv.SeedBinding(serviceSID, "alice", "alice-iphone", "sms")
	fmt.Println(err)
	// Output:
	// alice apn alice-iphone
	// twiliochattest: binding type "sms" is not one of gcm, apn, fcm
}
