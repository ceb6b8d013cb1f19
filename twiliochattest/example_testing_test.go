package twiliochattest_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// A test of your own code against the fake needs three lines of setup: the
// Server, a Client pointed at it, and the data the test starts from. In a
// test, twiliochattest.New(t) replaces NewServer and its deferred Close.
// The Client retries as usual but never waits, so the 503 below costs the
// call about a tenth of a millisecond instead of up to half a second.
func ExampleServer_NewClient() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	client := srv.NewClient()

	sid, err := srv.SeedService("support")

	if err != nil {

		fmt.Println(err)

		return

	}
	srv.FailOn("POST /v2/Services/{Sid}", 1, twiliochattest.Failure{Status: http.StatusServiceUnavailable})
	svc, err := client.Services.Update(context.Background(), sid, &twiliochat.UpdateServiceParams{
		FriendlyName: twiliochat.Ptr("help desk"),
	})
	fmt.Println(svc.FriendlyName, err)
	for _, r := range srv.RequestsTo("POST /v2/Services/{Sid}") {
		fmt.Println(r.Method, r.Path, r.Form)
	}
	// Output:
	// help desk <nil>
	// POST /v2/Services/IS38c86ea8cfb5aefce5328519c066a043 map[FriendlyName:[help desk]]
	// POST /v2/Services/IS38c86ea8cfb5aefce5328519c066a043 map[FriendlyName:[help desk]]
}

// FailOn fails only the requests of one route, here the second page of a
// list, so a test can check what the code does when a list breaks off
// half-way. Other requests are served as usual.
func ExampleServer_FailOn() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	client := srv.NewClient(twiliochat.WithMaxRetries(0))
	for _, name := range []string{"a", "b", "c"} {
		if _, err := srv.SeedService(name); err != nil {
			fmt.Println(err)
			return
		}
	}

	page, err := client.Services.ListPage(context.Background(), &twiliochat.ListServicesParams{PageSize: twiliochat.Ptr(2)})
	fmt.Println(len(page.Items), err)
	srv.FailOn("GET /v2/Services", 1, twiliochattest.Failure{Status: http.StatusInternalServerError})
	_, err = client.Services.NextPage(context.Background(), page)
	fmt.Println(err)
	_, err = client.Services.Fetch(context.Background(), page.Items[0].SID)
	fmt.Println(err)
	// Output:
	// 2 <nil>
	// twiliochat: 500 Internal Server Error: code 20500: Internal Server Error (request RQf4eb122ff4bf2756fef8593adc45f2e7)
	// <nil>
}

// RequestsTo gives the requests of one route, whatever else the code sent
// around them.
func ExampleServer_RequestsTo() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	client := srv.NewClient()
	sid, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}

	ctx := context.Background()
	_, _ = client.Services.Fetch(ctx, sid)
	_, _ = client.Services.Update(ctx, sid, &twiliochat.UpdateServiceParams{ReachabilityEnabled: twiliochat.Ptr(true)})
	_, _ = client.Roles.ListPage(ctx, sid, nil)

	for _, r := range srv.RequestsTo("POST /v2/Services/{Sid}") {
		fmt.Println(r.Method, r.Path, r.Form)
	}
	fmt.Println(len(srv.RequestsTo("GET /v2/Services/{Sid}/{rest...}")), "GETs under the Service")
	// Output:
	// POST /v2/Services/IS38c86ea8cfb5aefce5328519c066a043 map[ReachabilityEnabled:[true]]
	// 2 GETs under the Service
}

// Server.Client is an *http.Client that reaches the fake only. Given to a
// twiliochat Client without WithBaseURL, it refuses the requests meant for
// chat.twilio.com instead of sending them, and the fake's credentials, to
// Twilio.
func ExampleServer_Client() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	sid, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}

	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(),
		twiliochat.WithHTTPClient(srv.Client()), twiliochat.WithMaxRetries(0))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = client.Services.Fetch(context.Background(), sid)
	fmt.Println(err != nil, len(srv.Requests()), "requests reached the fake")
	// Output: true 0 requests reached the fake
}
