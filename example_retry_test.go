package twiliochat_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

const (
	exampleAccountSID = "AC0123456789abcdef0123456789abcdef"
	exampleServiceSID = "IS0123456789abcdef0123456789abcdef"
)

func ExampleDefaultRetryPolicy() {
	fmt.Printf("%+v\n", twiliochat.DefaultRetryPolicy())
	// Output: {MaxRetries:2 BaseDelay:500ms MaxDelay:10s MaxRetryAfter:30s NoWait:false}
}

func ExampleWithMaxRetries() {
	// Five retries instead of two; WithMaxRetries(0) turns retries off.
	_, err := twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithMaxRetries(5))
	fmt.Println(err)

	_, err = twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithMaxRetries(-1))
	fmt.Println(err)
	// Output:
	// <nil>
	// twiliochat: invalid MaxRetries: -1 is negative
}

// WithRetryPolicy sets how often and how soon a failed request is sent
// again. Here a 503 is retried after at most a millisecond and the update
// goes through; a Create is not safe to repeat and so is not retried after a
// 503, only after a 429 or a failure to connect.
func ExampleWithRetryPolicy() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1), twiliochattest.WithClock(fixedClock))
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))

	policy := twiliochat.DefaultRetryPolicy()
	policy.MaxRetries = 3
	policy.BaseDelay = time.Millisecond // the first retry waits up to 1 ms, the next up to 2 ms, ...
	policy.MaxDelay = 10 * time.Millisecond
	policy.MaxRetryAfter = time.Minute // wait out a Retry-After of up to a minute
	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(),
		twiliochat.WithBaseURL(srv.URL), twiliochat.WithRetryPolicy(policy))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()

	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusServiceUnavailable})
	svc, err := client.Services.Update(ctx, sid, &twiliochat.UpdateServiceParams{FriendlyName: twiliochat.Ptr("help desk")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(svc.FriendlyName)

	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusServiceUnavailable})
	_, err = client.Services.Create(ctx, &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr("sales")})
	fmt.Println(err)

	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Path)
	}

	policy.MaxRetries = -1
	_, err = twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithRetryPolicy(policy))
	fmt.Println(err)
	// Output:
	// help desk
	// twiliochat: 503 Service Unavailable: code 20503: Service Unavailable (request RQd3a1944ab1e3c8eea16c2189883d6e93)
	// POST /v2/Services/IS38c86ea8cfb5aefce5328519c066a043
	// POST /v2/Services/IS38c86ea8cfb5aefce5328519c066a043
	// POST /v2/Services
	// twiliochat: invalid MaxRetries: -1 is negative
}

// A request that was retried and still failed returns a *RetryError; the
// last answer's *APIError is inside it. Here every try meets a 503 that asks
// to be retried at once (Retry-After: 0).
func ExampleRetryError() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1), twiliochattest.WithClock(fixedClock))
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))
	srv.FailNext(2, twiliochattest.Failure{Status: http.StatusServiceUnavailable, RetryAfter: "0"})

	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(),
		twiliochat.WithBaseURL(srv.URL), twiliochat.WithMaxRetries(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = client.Services.Update(context.Background(), sid,
		&twiliochat.UpdateServiceParams{FriendlyName: twiliochat.Ptr("support")})
	var retryErr *twiliochat.RetryError
	var apiErr *twiliochat.APIError
	if errors.As(err, &retryErr) && errors.As(err, &apiErr) {
		fmt.Println(retryErr.Attempts, "attempts; last answer", apiErr.Status, apiErr.Code)
	}
	fmt.Println(err)
	// Output:
	// 2 attempts; last answer 503 20503
	// twiliochat: gave up after 2 attempts: twiliochat: 503 Service Unavailable: code 20503: Service Unavailable (request RQf4eb122ff4bf2756fef8593adc45f2e7)
}

func ExampleClient_CloseIdleConnections() {
	client, err := twiliochat.NewClient(exampleAccountSID, "auth-token")
	if err != nil {
		fmt.Println(err)
		return
	}
	// When the Client is no longer needed, let its kept-alive connections go.
	defer client.CloseIdleConnections()
	fmt.Println(client)
	// Output: twiliochat.Client{AccountSID: AC0123456789abcdef0123456789abcdef, BaseURL: https://chat.twilio.com, Credentials: [redacted]}
}
