package twiliochat_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/e3f0929f/twiliochat"
)

// startChannel starts the fake with a Service and its Channel "general",
// for the Members Examples.
func startChannel() (srv interface{ Close() }, client *twiliochat.Client, serviceSID string) {
	fake, client := startFake()
	serviceSID = mustSeed(fake.SeedService("support"))
	if _, err := fake.SeedChannel(serviceSID, "general"); err != nil {
		panic(err) // a new Service has no Channel of that name
	}
	return fake, client, serviceSID
}

// Create adds a User to a Channel by identity; Twilio creates the User when
// the Service has none with it, and gives the Member the Service's default
// channel role.
func ExampleMembersService_Create() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()

	member, err := client.Members.Create(ctx, serviceSID, "general", &twiliochat.CreateMemberParams{
		Identity: twiliochat.Ptr("alice"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	svc, err := client.Services.Fetch(ctx, serviceSID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(member.Identity, member.RoleSID == svc.DefaultChannelRoleSID, member.LastConsumedMessageIndex == nil)

	_, err = client.Members.Create(ctx, serviceSID, "general", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("alice")})
	var apiErr *twiliochat.APIError
	fmt.Println(errors.As(err, &apiErr), apiErr.Status, apiErr.Code)
	// Output:
	// alice true true
	// true 409 50404
}

// Fetch takes the Channel by SID or unique name and the Member by SID or
// identity.
func ExampleMembersService_Fetch() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	if _, err := client.Members.Create(ctx, serviceSID, "general", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("alice@example.com")}); err != nil {
		fmt.Println(err)
		return
	}

	member, err := client.Members.Fetch(ctx, serviceSID, "general", "alice@example.com")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(member.Identity)
	_, err = client.Members.Fetch(ctx, serviceSID, "general", "bob")
	fmt.Println(twiliochat.IsNotFound(err))
	// Output:
	// alice@example.com
	// true
}

// Update moves a Member's read horizon: LastConsumedMessageIndex is nil and
// LastConsumptionTimestamp the zero time until it has read something.
func ExampleMembersService_Update() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	if _, err := client.Members.Create(ctx, serviceSID, "general", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("alice")}); err != nil {
		fmt.Println(err)
		return
	}

	member, err := client.Members.Update(ctx, serviceSID, "general", "alice", &twiliochat.UpdateMemberParams{
		LastConsumedMessageIndex: twiliochat.Ptr(0),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*member.LastConsumedMessageIndex)
	// Output:
	// 0
}

// Delete removes a Member from its Channel; its User stays in the Service.
func ExampleMembersService_Delete() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	if _, err := client.Members.Create(ctx, serviceSID, "general", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("alice")}); err != nil {
		fmt.Println(err)
		return
	}

	fmt.Println(client.Members.Delete(ctx, serviceSID, "general", "alice", &twiliochat.DeleteMemberParams{WebhookEnabled: twiliochat.Ptr(true)}))
	user, err := client.Users.Fetch(ctx, serviceSID, "alice")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(user.Identity, user.JoinedChannelsCount)
	// Output:
	// <nil>
	// alice 0
}

// List ranges over a Channel's Members, here only those of two identities.
func ExampleMembersService_List() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	for _, identity := range []string{"alice", "bob", "carol"} {
		if _, err := client.Members.Create(ctx, serviceSID, "general", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr(identity)}); err != nil {
			fmt.Println(err)
			return
		}
	}

	params := &twiliochat.ListMembersParams{Identity: []string{"carol", "alice"}}
	for member, err := range client.Members.List(ctx, serviceSID, "general", params) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(member.Identity)
	}
	// Output:
	// alice
	// carol
}

// ListPage returns the first page of a Channel's Members and its Meta.
func ExampleMembersService_ListPage() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	if _, err := client.Members.Create(ctx, serviceSID, "general", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("alice")}); err != nil {
		fmt.Println(err)
		return
	}

	page, err := client.Members.ListPage(ctx, serviceSID, "general", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(page.Items), page.Items[0].Identity, page.Meta.Key)
	// Output:
	// 1 alice members
}

// NextPage follows a page's NextPageURL and returns nil after the last
// page.
func ExampleMembersService_NextPage() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	for _, identity := range []string{"alice", "bob", "carol"} {
		if _, err := client.Members.Create(ctx, serviceSID, "general", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr(identity)}); err != nil {
			fmt.Println(err)
			return
		}
	}

	page, err := client.Members.ListPage(ctx, serviceSID, "general", &twiliochat.ListMembersParams{PageSize: twiliochat.Ptr(2)})
	for ; page != nil && err == nil; page, err = client.Members.NextPage(ctx, page) {
		fmt.Println("page", page.Meta.Page, "holds", len(page.Items))
	}
	fmt.Println("error:", err)
	// Output:
	// page 0 holds 2
	// page 1 holds 1
	// error: <nil>
}
