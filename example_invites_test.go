package twiliochat_test

import (
	"context"
	"fmt"

	"github.com/e3f0929f/twiliochat"
)

// inviteAll invites each identity to the Channel "general" and
// returns the Invites.
func inviteAll(client *twiliochat.Client, serviceSID string, identities ...string) []*twiliochat.Invite {
	var out []*twiliochat.Invite
	for _, identity := range identities {
		invite, err := client.Invites.Create(context.Background(), serviceSID, "general",
			&twiliochat.CreateInviteParams{Identity: twiliochat.Ptr(identity)})
		if err != nil {
			panic(err)
		}
		out = append(out, invite)
	}
	return out
}

// Create invites a user, by identity, to a Channel; the invite carries the
// Service's default channel role unless RoleSID names another. Identity is
// required.
func ExampleInvitesService_Create() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()

	invite, err := client.Invites.Create(ctx, serviceSID, "general", &twiliochat.CreateInviteParams{Identity: twiliochat.Ptr("carol@example.com")})
	if err != nil {
		fmt.Println(err)
		return
	}
	svc, err := client.Services.Fetch(ctx, serviceSID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(invite.Identity, invite.RoleSID == svc.DefaultChannelRoleSID)

	_, err = client.Invites.Create(ctx, serviceSID, "general", &twiliochat.CreateInviteParams{RoleSID: twiliochat.Ptr("moderator")})
	fmt.Println(err)
	// Output:
	// carol@example.com true
	// twiliochat: invalid Identity: is required
	// twiliochat: invalid RoleSid: "moderator" is not RL followed by 32 hex digits
}

// Fetch returns one Invite of a Channel by its SID.
func ExampleInvitesService_Fetch() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	created := inviteAll(client, serviceSID, "carol")[0]

	invite, err := client.Invites.Fetch(context.Background(), serviceSID, created.ChannelSID, created.SID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(invite.Identity, invite.CreatedBy)
	// Output:
	// carol system
}

// Delete withdraws an Invite.
func ExampleInvitesService_Delete() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	created := inviteAll(client, serviceSID, "carol")[0]

	if err := client.Invites.Delete(ctx, serviceSID, "general", created.SID); err != nil {
		fmt.Println(err)
		return
	}
	err := client.Invites.Delete(ctx, serviceSID, "general", created.SID)
	fmt.Println(twiliochat.IsNotFound(err))
	// Output:
	// true
}

// ListPage returns the first page of a Channel's Invites, here of two
// identities only.
func ExampleInvitesService_ListPage() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	inviteAll(client, serviceSID, "carol", "dave", "erin")

	page, err := client.Invites.ListPage(context.Background(), serviceSID, "general", &twiliochat.ListInvitesParams{
		Identity: []string{"erin", "carol"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, invite := range page.Items {
		fmt.Println(invite.Identity)
	}
	// Output:
	// carol
	// erin
}

// NextPage returns the page after a page, and nil after the last one.
func ExampleInvitesService_NextPage() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	inviteAll(client, serviceSID, "carol", "dave", "erin")

	page, err := client.Invites.ListPage(ctx, serviceSID, "general", &twiliochat.ListInvitesParams{PageSize: twiliochat.Ptr(2)})
	for page != nil && err == nil {
		fmt.Println(page.Meta.Page, len(page.Items))
		page, err = client.Invites.NextPage(ctx, page)
	}
	fmt.Println(err)
	// Output:
	// 0 2
	// 1 1
	// <nil>
}

// List ranges over a Channel's Invites, page by page.
func ExampleInvitesService_List() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	inviteAll(client, serviceSID, "carol", "dave")

	for invite, err := range client.Invites.List(context.Background(), serviceSID, "general", nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(invite.Identity)
	}
	// Output:
	// carol
	// dave
}
