package twiliochat_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat"
)

// Create makes a Role with its permissions, each sent as its own Permission
// key. Every bad key is reported, and nothing is sent.
func ExampleRolesService_Create() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))

	role, err := client.Roles.Create(ctx, serviceSID, &twiliochat.CreateRoleParams{
		FriendlyName: twiliochat.Ptr("moderator"),
		Type:         twiliochat.Ptr(twiliochat.RoleTypeChannel),
		Permission:   []string{"sendMessage", "removeMember"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(role.FriendlyName, role.Type, role.Permissions, role.DateCreated.Format(time.RFC3339))
	fmt.Println(srv.Requests()[0].Form.Encode())

	_, err = client.Roles.Create(ctx, serviceSID, &twiliochat.CreateRoleParams{
		FriendlyName: twiliochat.Ptr(strings.Repeat("é", 65)),
		Type:         twiliochat.Ptr(twiliochat.RoleType("admin")),
	})
	fmt.Println(err)
	fmt.Println("requests:", len(srv.Requests()))
	// Output:
	// moderator channel [sendMessage removeMember] 2026-01-02T03:04:05Z
	// FriendlyName=moderator&Permission=sendMessage&Permission=removeMember&Type=channel
	// twiliochat: invalid Type: "admin" is not "channel" or "deployment"
	// twiliochat: invalid Permission: is required
	// twiliochat: invalid FriendlyName: is 65 characters (runes) long, the most is 64
	// requests: 1
}

// Fetch returns a Role by SID, here the Service's default channel role.
func ExampleRolesService_Fetch() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()

	svc, err := client.Services.Fetch(ctx, mustSeed(srv.SeedService("support")))
	if err != nil {
		fmt.Println(err)
		return
	}
	role, err := client.Roles.Fetch(ctx, svc.SID, svc.DefaultChannelRoleSID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(role.FriendlyName, role.Type, role.Permissions)

	_, err = client.Roles.Fetch(ctx, svc.SID, "RL00000000000000000000000000000000")
	fmt.Println(twiliochat.IsNotFound(err))
	_, err = client.Roles.Fetch(ctx, "support", "moderator")
	var vErr *twiliochat.ValidationError
	fmt.Println(errors.As(err, &vErr), vErr.Field)
	fmt.Println(err)
	// Output:
	// channel user channel [sendMessage leaveChannel editOwnMessage deleteOwnMessage]
	// true
	// true ServiceSid
	// twiliochat: invalid ServiceSid: "support" is not IS followed by 32 hex digits
	// twiliochat: invalid Sid: "moderator" is not RL followed by 32 hex digits
}

// Update replaces every permission of a Role: list all the ones it keeps.
func ExampleRolesService_Update() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))
	roleSID, err := srv.SeedRole(serviceSID, "moderator", twiliochat.RoleTypeChannel, "sendMessage", "removeMember")
	if err != nil {
		fmt.Println(err)
		return
	}

	role, err := client.Roles.Update(ctx, serviceSID, roleSID, &twiliochat.UpdateRoleParams{
		Permission: []string{"sendMessage", "editAnyMessage"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(role.FriendlyName, role.Permissions)
	fmt.Println(srv.Requests()[0].Form.Encode())
	// Output:
	// moderator [sendMessage editAnyMessage]
	// Permission=sendMessage&Permission=editAnyMessage
}

// Delete removes a Role. twiliochattest refuses
// to delete one of the Service's default roles: point the Service at
// another Role first.
func ExampleRolesService_Delete() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	svc, err := client.Services.Fetch(ctx, mustSeed(srv.SeedService("support")))
	if err != nil {
		fmt.Println(err)
		return
	}
	roleSID, err := srv.SeedRole(svc.SID, "temporary", twiliochat.RoleTypeChannel, "sendMessage")
	if err != nil {
		fmt.Println(err)
		return
	}

	fmt.Println(client.Roles.Delete(ctx, svc.SID, roleSID))
	fmt.Println(twiliochat.IsNotFound(client.Roles.Delete(ctx, svc.SID, roleSID)))
	var apiErr *twiliochat.APIError
	err = client.Roles.Delete(ctx, svc.SID, svc.DefaultChannelRoleSID)
	fmt.Println(errors.As(err, &apiErr), apiErr.Status)
	// Output:
	// <nil>
	// true
	// true 400
}

// List ranges over a Service's Roles, fetching pages as the loop needs
// them; a new Service has Twilio's four default roles.
func ExampleRolesService_List() {
	srv, client := startFake()
	defer srv.Close()
	serviceSID := mustSeed(srv.SeedService("support"))

	for role, err := range client.Roles.List(context.Background(), serviceSID, &twiliochat.ListRolesParams{PageSize: twiliochat.Ptr(3)}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-10s %s (%d permissions)\n", role.Type, role.FriendlyName, len(role.Permissions))
	}
	fmt.Println("requests:", len(srv.Requests()))
	// Output:
	// deployment service admin (12 permissions)
	// deployment service user (3 permissions)
	// channel    channel admin (3 permissions)
	// channel    channel user (4 permissions)
	// requests: 2
}

// ListPage returns one page of Roles and its Meta; NextPage follows the
// page's NextPageURL and returns nil after the last page.
func ExampleRolesService_NextPage() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))

	page, err := client.Roles.ListPage(ctx, serviceSID, &twiliochat.ListRolesParams{PageSize: twiliochat.Ptr(3)})
	for ; page != nil && err == nil; page, err = client.Roles.NextPage(ctx, page) {
		names := make([]string, len(page.Items))
		for i, role := range page.Items {
			names[i] = role.FriendlyName
		}
		fmt.Printf("page %d of up to %d: %s\n", page.Meta.Page, page.Meta.PageSize, strings.Join(names, ", "))
	}
	fmt.Println("error:", err)
	// Output:
	// page 0 of up to 3: service admin, service user, channel admin
	// page 1 of up to 3: channel user
	// error: <nil>
}

// ListPage is where a Service's Roles are first read; a bad page size is
// caught before any request.
func ExampleRolesService_ListPage() {
	srv, client := startFake()
	defer srv.Close()
	serviceSID := mustSeed(srv.SeedService("support"))

	page, err := client.Roles.ListPage(context.Background(), serviceSID, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(page.Items), page.Meta.Key, page.Meta.PageSize, page.Meta.NextPageURL == "")

	_, err = client.Roles.ListPage(context.Background(), serviceSID, &twiliochat.ListRolesParams{PageSize: twiliochat.Ptr(500)})
	fmt.Println(err)
	// Output:
	// 4 roles 50 true
	// twiliochat: invalid PageSize: 500 is not between 1 and 100
}
