package twiliochattest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// Example starts a fake, seeds a service and updates it with a plain HTTP
// request, as a client library would.
func Example() {
	srv := twiliochattest.NewServer(
		twiliochattest.WithClock(func() time.Time { return time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC) }),
		twiliochattest.WithSeed(1),
	)
	defer srv.Close()

	sid, err := srv.SeedService("support")

	if err != nil {

		fmt.Println(err)

		return

	}

	body := url.Values{"FriendlyName": {"help desk"}, "Limits.ChannelMembers": {"500"}}.Encode()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v2/Services/"+sid, strings.NewReader(body))
	req.SetBasicAuth(srv.AccountSID(), srv.AuthToken())
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()

	var svc struct {
		SID          string `json:"sid"`
		FriendlyName string `json:"friendly_name"`
		DateUpdated  string `json:"date_updated"`
		Limits       struct {
			ChannelMembers int `json:"channel_members"`
			UserChannels   int `json:"user_channels"`
		} `json:"limits"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&svc); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, svc.SID == sid, svc.FriendlyName, svc.DateUpdated)
	fmt.Println("limits:", svc.Limits.ChannelMembers, svc.Limits.UserChannels)
	fmt.Println(sid)

	reqs := srv.Requests()
	fmt.Println(len(reqs), reqs[0].Method, reqs[0].Form.Get("Limits.ChannelMembers"))
	// Output:
	// 200 true help desk 2024-05-01T12:00:00Z
	// limits: 500 100
	// IS38c86ea8cfb5aefce5328519c066a043
	// 1 POST 500
}

// ExampleServer_FailNext makes the next request answer 429 with Retry-After,
// as a retry test would.
func ExampleServer_FailNext() {
	srv := twiliochattest.NewServer()
	defer srv.Close()
	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusTooManyRequests, RetryAfter: "1"})

	for i := 0; i < 2; i++ {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/v2/Services", nil)
		req.SetBasicAuth(srv.AccountSID(), srv.AuthToken())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close()
		fmt.Println(resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	// Output:
	// 429 1
	// 200
}

// newClient returns a twiliochat Client pointed at srv with srv's
// credentials, as a test of code that uses the SDK would make it.
func newClient(srv *twiliochattest.Server, opts ...twiliochat.Option) *twiliochat.Client {
	opts = append([]twiliochat.Option{twiliochat.WithBaseURL(srv.URL)}, opts...)
	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(), opts...)
	if err != nil {
		panic(err) // the fake's credentials and URL are valid
	}
	return client
}

// NewServer starts a fake that accepts DefaultAccountSID and
// DefaultAuthToken; point the client under test at its URL.
func ExampleNewServer() {
	srv := twiliochattest.NewServer()
	defer srv.Close()

	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(), twiliochat.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	svc, err := client.Services.Create(context.Background(), &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr("support")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(svc.FriendlyName, svc.Limits.ChannelMembers, svc.AccountSID == twiliochattest.DefaultAccountSID)
	// Output: support 250 true
}

// WithCredentials makes the fake accept the credentials your code is
// configured with; any others, the defaults included, answer 401 with
// Twilio's code 20003.
func ExampleWithCredentials() {
	const accountSID, authToken = "ACfedcba9876543210fedcba9876543210", "test-config-token"
	srv := twiliochattest.NewServer(twiliochattest.WithCredentials(accountSID, authToken))
	defer srv.Close()

	_, err := newClient(srv).Services.ListPage(context.Background(), nil)
	fmt.Println(srv.AccountSID() == accountSID, err)

	stale, err := twiliochat.NewClient(twiliochattest.DefaultAccountSID, twiliochattest.DefaultAuthToken, twiliochat.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = stale.Services.ListPage(context.Background(), nil)
	var apiErr *twiliochat.APIError
	fmt.Println(errors.As(err, &apiErr), apiErr.Status, apiErr.Code, apiErr.Message)
	// Output:
	// true <nil>
	// true 401 20003 Authenticate
}

// WithAPIKey makes the fake accept an API key and its secret as well as the
// account's auth token, for testing code that authenticates with a key.
func ExampleWithAPIKey() {
	const keySID, secret = "SK0123456789abcdef0123456789abcdef", "test-key-secret"
	srv := twiliochattest.NewServer(twiliochattest.WithAPIKey(keySID, secret))
	defer srv.Close()
	ctx := context.Background()

	for _, s := range []string{secret, "wrong-key-secret"} {
		client, err := twiliochat.NewClient(srv.AccountSID(), "", twiliochat.WithAPIKey(keySID, s), twiliochat.WithBaseURL(srv.URL))
		if err != nil {
			fmt.Println(err)
			return
		}
		_, err = client.Services.ListPage(ctx, nil)
		var apiErr *twiliochat.APIError
		if errors.As(err, &apiErr) {
			fmt.Println("API key refused:", apiErr.Status)
		} else {
			fmt.Println("API key accepted:", err)
		}
	}
	_, err := newClient(srv).Services.ListPage(ctx, nil)
	fmt.Println("auth token accepted:", err)
	// Output:
	// API key accepted: <nil>
	// API key refused: 401
	// auth token accepted: <nil>
}

// WithClock gives the fake a clock the test controls, so date_created and
// date_updated are known in advance. The clock is read from the fake's
// handler goroutines, so it must be safe for concurrent use.
func ExampleWithClock() {
	start := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	var elapsed atomic.Int64 // hours since start
	srv := twiliochattest.NewServer(twiliochattest.WithClock(func() time.Time {
		return start.Add(time.Duration(elapsed.Load()) * time.Hour)
	}))
	defer srv.Close()
	sid, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}

	elapsed.Add(2)
	svc, err := newClient(srv).Services.Update(context.Background(), sid, &twiliochat.UpdateServiceParams{FriendlyName: twiliochat.Ptr("help desk")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(svc.DateCreated.Format(time.RFC3339), svc.DateUpdated.Format(time.RFC3339))
	// Output: 2024-05-01T12:00:00Z 2024-05-01T14:00:00Z
}

// WithSeed makes the SIDs and request ids repeatable: two fakes with the
// same seed that see the same calls give the same SIDs, so a test or an
// example can compare them with literals.
func ExampleWithSeed() {
	var sids []string
	for i := 0; i < 2; i++ {
		srv := twiliochattest.NewServer(twiliochattest.WithSeed(7))
		svc, err := newClient(srv).Services.Create(context.Background(), &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr("support")})
		srv.Close()
		if err != nil {
			fmt.Println(err)
			return
		}
		sids = append(sids, svc.SID)
	}
	fmt.Println(sids[0] == sids[1], sids[0])
	// Output: true IS988e7e3edbd612e4a3a61c510dbe74f5
}

// AccountSID is the account the fake accepts and reports as account_sid,
// the one to give the client under test.
func ExampleServer_AccountSID() {
	srv := twiliochattest.NewServer()
	defer srv.Close()

	sid, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}
	svc, err := newClient(srv).Services.Fetch(context.Background(), sid)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(srv.AccountSID())
	fmt.Println(svc.AccountSID == srv.AccountSID())
	// Output:
	// AC0123456789abcdef0123456789abcdef
	// true
}

// AuthToken is the password the fake accepts for AccountSID; a client with
// another one gets 401, as from Twilio.
func ExampleServer_AuthToken() {
	srv := twiliochattest.NewServer()
	defer srv.Close()
	ctx := context.Background()

	good, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(), twiliochat.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = good.Services.ListPage(ctx, nil)
	fmt.Println(err)

	bad, err := twiliochat.NewClient(srv.AccountSID(), "not-the-token", twiliochat.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = bad.Services.ListPage(ctx, nil)
	var apiErr *twiliochat.APIError
	fmt.Println(errors.As(err, &apiErr), apiErr.Status, apiErr.Code)
	// Output:
	// <nil>
	// true 401 20003
}

// SeedService sets up a Service, with Twilio's defaults and its four default
// roles, without an HTTP request: Requests then shows only what the code
// under test sent.
func ExampleServer_SeedService() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	sid, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sid, len(srv.Requests()))

	client := newClient(srv)
	ctx := context.Background()
	svc, err := client.Services.Fetch(ctx, sid)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(svc.FriendlyName, *svc.ReachabilityEnabled, svc.TypingIndicatorTimeout)
	for role, err := range client.Roles.List(ctx, sid, nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(role.FriendlyName, role.SID == svc.DefaultChannelRoleSID)
	}
	// Output:
	// IS38c86ea8cfb5aefce5328519c066a043 0
	// support false 5
	// service admin false
	// service user false
	// channel admin false
	// channel user true
}

// SeedRole adds a Role to a seeded Service. It checks its arguments as
// Create Role would, and returns an error for a Service that does not exist.
func ExampleServer_SeedRole() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	serviceSID, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}

	roleSID, err := srv.SeedRole(serviceSID, "moderator", twiliochat.RoleTypeChannel, "sendMessage", "removeMember")
	if err != nil {
		fmt.Println(err)
		return
	}
	role, err := newClient(srv).Roles.Fetch(context.Background(), serviceSID, roleSID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(role.FriendlyName, role.Type, role.Permissions)

	_, err = srv.SeedRole(serviceSID, "moderator", "admin", "sendMessage")
	fmt.Println(err)
	_, err = srv.SeedRole("IS00000000000000000000000000000000", "moderator", twiliochat.RoleTypeChannel, "sendMessage")
	fmt.Println(err)
	// Output:
	// moderator channel [sendMessage removeMember]
	// twiliochattest: Invalid parameter Type: must be channel or deployment, got "admin"
	// twiliochattest: service "IS00000000000000000000000000000000" not found
}

// SeedCredential adds a push Credential, as Create Credential would, without
// secrets: the fake never keeps or returns them.
func ExampleServer_SeedCredential() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()

	sid, err := srv.SeedCredential("iOS", twiliochat.PushServiceAPN)
	if err != nil {
		fmt.Println(err)
		return
	}
	cred, err := newClient(srv).Credentials.Fetch(context.Background(), sid)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cred.FriendlyName, cred.Type, cred.Sandbox)

	_, err = srv.SeedCredential("iOS", "voip")
	fmt.Println(err)
	// Output:
	// iOS apn false
	// twiliochattest: Invalid parameter Type: must be gcm or apn or fcm, got "voip"
}

// Requests shows what the code under test sent: method, path, query, the
// decoded form and the headers.
func ExampleServer_Requests() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	sid, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}

	_, err = newClient(srv).Services.Update(context.Background(), sid, &twiliochat.UpdateServiceParams{
		ReachabilityEnabled: twiliochat.Ptr(true),
		WebhookFilters:      []string{"onMessageSend", "onMessageSent"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Path, r.Header.Get("Content-Type"))
		fmt.Println(r.Form["WebhookFilters"], r.Form.Get("ReachabilityEnabled"))
	}
	// Output:
	// POST /v2/Services/IS38c86ea8cfb5aefce5328519c066a043 application/x-www-form-urlencoded
	// [onMessageSend onMessageSent] true
}

// ResetRequests forgets what a test's setup sent, so that the assertions
// see only the requests of the code under test.
func ExampleServer_ResetRequests() {
	srv := twiliochattest.NewServer()
	defer srv.Close()
	client := newClient(srv)
	ctx := context.Background()

	// Setup through the API, as the production code would.
	for _, name := range []string{"alpha", "beta"} {
		if _, err := client.Services.Create(ctx, &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr(name)}); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println("setup requests:", len(srv.Requests()))
	srv.ResetRequests()

	for _, err := range client.Services.List(ctx, nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Path)
	}
	// Output:
	// setup requests: 2
	// GET /v2/Services
}

// FailWith fails the requests a function picks, here every DELETE, to test
// how code copes when one kind of call fails; FailWith(nil) heals the fake.
func ExampleServer_FailWith() {
	srv := twiliochattest.NewServer()
	defer srv.Close()
	sid, err := srv.SeedService("temporary")
	if err != nil {
		fmt.Println(err)
		return
	}
	client := newClient(srv, twiliochat.WithMaxRetries(0))
	ctx := context.Background()

	srv.FailWith(func(r *http.Request) *twiliochattest.Failure {
		if r.Method == http.MethodDelete {
			return &twiliochattest.Failure{Status: http.StatusInternalServerError}
		}
		return nil
	})
	_, err = client.Services.Fetch(ctx, sid)
	fmt.Println("fetch:", err)
	var apiErr *twiliochat.APIError
	err = client.Services.Delete(ctx, sid)
	fmt.Println("delete:", errors.As(err, &apiErr), apiErr.Status, apiErr.Code)

	srv.FailWith(nil)
	fmt.Println("delete:", client.Services.Delete(ctx, sid))
	// Output:
	// fetch: <nil>
	// delete: true 500 20500
	// delete: <nil>
}
