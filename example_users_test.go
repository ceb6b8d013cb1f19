package twiliochat_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/e3f0929f/twiliochat"
)

// Create makes a User with an identity, unique in its Service; a second
// User with the same identity is refused with Twilio's 409 and code 50201.
// WebhookEnabled is sent as the X-Twilio-Webhook-Enabled header.
func ExampleUsersService_Create() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))

	user, err := client.Users.Create(ctx, serviceSID, &twiliochat.CreateUserParams{
		Identity:       twiliochat.Ptr("alice@example.com"),
		FriendlyName:   twiliochat.Ptr("Alice"),
		Attributes:     twiliochat.Ptr(`{"team": "billing"}`),
		WebhookEnabled: twiliochat.Ptr(false),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(user.Identity, user.FriendlyName, user.Attributes, user.IsOnline == nil)
	req := srv.Requests()[0]
	fmt.Println(req.Form.Encode(), req.Header.Get("X-Twilio-Webhook-Enabled"))

	_, err = client.Users.Create(ctx, serviceSID, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr("alice@example.com")})
	var apiErr *twiliochat.APIError
	fmt.Println(errors.As(err, &apiErr), apiErr.Status, apiErr.Code)
	// Output:
	// alice@example.com Alice {"team": "billing"} true
	// Attributes=%7B%22team%22%3A+%22billing%22%7D&FriendlyName=Alice&Identity=alice%40example.com false
	// true 409 50201
}

// Fetch takes a User's SID or its identity, which may hold any character.
func ExampleUsersService_Fetch() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))
	userSID, err := srv.SeedUser(serviceSID, "team/bot")
	if err != nil {
		fmt.Println(err)
		return
	}

	byIdentity, err := client.Users.Fetch(ctx, serviceSID, "team/bot")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(byIdentity.SID == userSID, byIdentity.Identity)

	_, err = client.Users.Fetch(ctx, serviceSID, "")
	fmt.Println(err)
	// Output:
	// true team/bot
	// twiliochat: invalid Sid: is empty, want a SID (US followed by 32 hex digits) or a unique name
}

// Update changes only the keys it sends; Attributes must be JSON text,
// which the response's Attributes.Decode reads into a struct.
func ExampleUsersService_Update() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))
	if _, err := srv.SeedUser(serviceSID, "alice"); err != nil {
		fmt.Println(err)
		return
	}

	user, err := client.Users.Update(ctx, serviceSID, "alice", &twiliochat.UpdateUserParams{
		Attributes: twiliochat.Ptr(`{"team": "billing", "level": 2}`),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var attrs struct {
		Team  string `json:"team"`
		Level int    `json:"level"`
	}
	fmt.Println(user.Attributes.Decode(&attrs), attrs.Team, attrs.Level)

	_, err = client.Users.Update(ctx, serviceSID, "alice", &twiliochat.UpdateUserParams{Attributes: twiliochat.Ptr("team=billing")})
	fmt.Println(err)
	// Output:
	// <nil> billing 2
	// twiliochat: invalid Attributes: "team=billing" is not valid JSON
}

// Delete removes a User, here by its identity.
func ExampleUsersService_Delete() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))
	if _, err := srv.SeedUser(serviceSID, "alice"); err != nil {
		fmt.Println(err)
		return
	}

	fmt.Println(client.Users.Delete(ctx, serviceSID, "alice"))
	fmt.Println(twiliochat.IsNotFound(client.Users.Delete(ctx, serviceSID, "alice")))
	// Output:
	// <nil>
	// true
}

// List ranges over a Service's Users, fetching pages as the loop needs
// them.
func ExampleUsersService_List() {
	srv, client := startFake()
	defer srv.Close()
	serviceSID := mustSeed(srv.SeedService("support"))
	for _, identity := range []string{"alice", "bob", "carol"} {
		if _, err := srv.SeedUser(serviceSID, identity); err != nil {
			fmt.Println(err)
			return
		}
	}

	for user, err := range client.Users.List(context.Background(), serviceSID, &twiliochat.ListUsersParams{PageSize: twiliochat.Ptr(2)}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(user.Identity)
	}
	fmt.Println("requests:", len(srv.Requests()))
	// Output:
	// alice
	// bob
	// carol
	// requests: 2
}

// ListPage returns the first page of Users and its Meta.
func ExampleUsersService_ListPage() {
	srv, client := startFake()
	defer srv.Close()
	serviceSID := mustSeed(srv.SeedService("support"))
	if _, err := srv.SeedUser(serviceSID, "alice"); err != nil {
		fmt.Println(err)
		return
	}

	page, err := client.Users.ListPage(context.Background(), serviceSID, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(page.Items), page.Items[0].Identity, page.Meta.Key, page.Meta.PageSize)
	// Output:
	// 1 alice users 50
}

// NextPage follows a page's NextPageURL and returns nil after the last
// page.
func ExampleUsersService_NextPage() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	serviceSID := mustSeed(srv.SeedService("support"))
	for _, identity := range []string{"alice", "bob", "carol"} {
		if _, err := srv.SeedUser(serviceSID, identity); err != nil {
			fmt.Println(err)
			return
		}
	}

	page, err := client.Users.ListPage(ctx, serviceSID, &twiliochat.ListUsersParams{PageSize: twiliochat.Ptr(2)})
	for ; page != nil && err == nil; page, err = client.Users.NextPage(ctx, page) {
		fmt.Println("page", page.Meta.Page, "holds", len(page.Items))
	}
	fmt.Println("error:", err)
	// Output:
	// page 0 holds 2
	// page 1 holds 1
	// error: <nil>
}
