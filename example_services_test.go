package twiliochat_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// startFake starts the in-memory fake with repeatable SIDs and dates and
// returns it with a client pointed at it. Against Twilio, the client would
// come from twiliochat.NewClient or NewClientFromEnv instead.
func startFake(names ...string) (*twiliochattest.Server, *twiliochat.Client) {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1), twiliochattest.WithClock(fixedClock))
	for _, name := range names {
		mustSeed(srv.SeedService(name))
	}
	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(), twiliochat.WithBaseURL(srv.URL))
	if err != nil {
		panic(err) // the fake's credentials are valid
	}
	return srv, client
}

// Create needs a FriendlyName; the new Service comes back with Twilio's
// defaults.
func ExampleServicesService_Create() {
	srv, client := startFake()
	defer srv.Close()

	svc, err := client.Services.Create(context.Background(), &twiliochat.CreateServiceParams{
		FriendlyName: twiliochat.Ptr("support"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(svc.FriendlyName, svc.DateCreated.Format(time.RFC3339))
	fmt.Println(svc.Limits.ChannelMembers, svc.Limits.UserChannels, *svc.ReadStatusEnabled)
	fmt.Println(srv.Requests()[0].Method, srv.Requests()[0].Path, srv.Requests()[0].Form.Encode())

	_, err = client.Services.Create(context.Background(), &twiliochat.CreateServiceParams{})
	fmt.Println(err)
	// Output:
	// support 2026-01-02T03:04:05Z
	// 250 100 true
	// POST /v2/Services FriendlyName=support
	// twiliochat: invalid FriendlyName: is required
}

// Fetch returns one Service by SID; IsNotFound tells a missing one.
func ExampleServicesService_Fetch() {
	srv, client := startFake("support")
	defer srv.Close()
	ctx := context.Background()

	page, err := client.Services.ListPage(ctx, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	svc, err := client.Services.Fetch(ctx, page.Items[0].SID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(svc.FriendlyName, svc.WebhookMethod, svc.TypingIndicatorTimeout)

	_, err = client.Services.Fetch(ctx, "IS00000000000000000000000000000000")
	fmt.Println(twiliochat.IsNotFound(err))
	_, err = client.Services.Fetch(ctx, "support")
	var vErr *twiliochat.ValidationError
	fmt.Println(errors.As(err, &vErr), vErr.Field)
	// Output:
	// support POST 5
	// true
	// true Sid
}

// Delete removes a Service; deleting it again is a not-found error.
func ExampleServicesService_Delete() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()

	svc, err := client.Services.Create(ctx, &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr("temporary")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(client.Services.Delete(ctx, svc.SID))
	err = client.Services.Delete(ctx, svc.SID)
	fmt.Println(twiliochat.IsNotFound(err))
	// Output:
	// <nil>
	// true
}

// List ranges over every Service, fetching pages as the loop needs them.
func ExampleServicesService_List() {
	srv, client := startFake("alpha", "beta", "gamma", "delta", "epsilon")
	defer srv.Close()

	for svc, err := range client.Services.List(context.Background(), &twiliochat.ListServicesParams{PageSize: twiliochat.Ptr(2)}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(svc.FriendlyName)
	}
	fmt.Println("requests:", len(srv.Requests()))
	// Output:
	// alpha
	// beta
	// gamma
	// delta
	// epsilon
	// requests: 3
}

// Limit stops the list after that many Services, and a break stops it at
// once; neither fetches a page it does not need.
func ExampleServicesService_List_limitAndBreak() {
	srv, client := startFake("alpha", "beta", "gamma", "delta", "epsilon")
	defer srv.Close()
	ctx := context.Background()

	for svc, err := range client.Services.List(ctx, &twiliochat.ListServicesParams{Limit: 2}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(svc.FriendlyName)
	}
	for svc, err := range client.Services.List(ctx, nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		if svc.FriendlyName == "gamma" {
			fmt.Println("found", svc.FriendlyName)
			break
		}
	}
	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Path, r.Query.Encode())
	}
	// Output:
	// alpha
	// beta
	// found gamma
	// GET /v2/Services PageSize=2
	// GET /v2/Services
}

// ListPage returns one page and its Meta; NextPage follows the page's
// NextPageURL and returns nil after the last page.
func ExampleServicesService_NextPage() {
	srv, client := startFake("alpha", "beta", "gamma")
	defer srv.Close()
	ctx := context.Background()

	page, err := client.Services.ListPage(ctx, &twiliochat.ListServicesParams{PageSize: twiliochat.Ptr(2)})
	for page != nil && err == nil {
		fmt.Printf("page %d:", page.Meta.Page)
		for _, svc := range page.Items {
			fmt.Print(" ", svc.FriendlyName)
		}
		fmt.Println()
		page, err = client.Services.NextPage(ctx, page)
	}
	fmt.Println(err)
	// Output:
	// page 0: alpha beta
	// page 1: gamma
	// <nil>
}

// ListPage reads one page of Services and its Meta; a bad page size is
// caught before any request.
func ExampleServicesService_ListPage() {
	srv, client := startFake("alpha", "beta", "gamma")
	defer srv.Close()
	ctx := context.Background()

	page, err := client.Services.ListPage(ctx, &twiliochat.ListServicesParams{PageSize: twiliochat.Ptr(2)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(page.Items), page.Items[0].FriendlyName, page.Meta.Key, page.Meta.Page, page.Meta.PageSize, page.Meta.NextPageURL != "")

	_, err = client.Services.ListPage(ctx, &twiliochat.ListServicesParams{PageSize: twiliochat.Ptr(0)})
	fmt.Println(err)
	fmt.Println("requests:", len(srv.Requests()))
	// Output:
	// 2 alpha services 0 2 true
	// twiliochat: invalid PageSize: 0 is not between 1 and 100
	// requests: 1
}
