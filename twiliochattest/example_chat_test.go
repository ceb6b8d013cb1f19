package twiliochattest_test

import (
	"context"
	"fmt"

	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// SeedUser creates a User without a request; a second one with the same
// identity is refused as Twilio refuses it.
func ExampleServer_SeedUser() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	serviceSID := srv.SeedService("support")

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
	serviceSID := srv.SeedService("support")

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
	serviceSID := srv.SeedService("support")
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
