package twiliochat_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// fixedClock makes the fake's dates, and so the examples' output, stable.
func fixedClock() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

// Update changes only the keys that are set; nested params become dotted
// form keys. This example runs against the in-memory fake.
func ExampleServicesService_Update() {
	srv, client := startFake()
	defer srv.Close()
	sid := mustSeed(srv.SeedService("demo"))

	svc, err := client.Services.Update(context.Background(), sid, &twiliochat.UpdateServiceParams{
		FriendlyName:        twiliochat.Ptr("support"),
		ReachabilityEnabled: twiliochat.Ptr(true),
		Notifications: &twiliochat.NotificationsParams{
			NewMessage: &twiliochat.NewMessageNotificationParams{
				Enabled:  twiliochat.Ptr(true),
				Template: twiliochat.Ptr("${USER}: ${MESSAGE}"),
			},
		},
		Limits: &twiliochat.LimitsParams{ChannelMembers: twiliochat.Ptr(500)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(svc.FriendlyName, *svc.ReachabilityEnabled, *svc.ReadStatusEnabled)
	fmt.Println(svc.Notifications.NewMessage.Enabled, svc.Notifications.NewMessage.Template)
	fmt.Println(svc.Limits.ChannelMembers, svc.Limits.UserChannels)
	fmt.Println(svc.DateUpdated.Format(time.RFC3339))
	fmt.Println(srv.Requests()[0].Form.Encode())
	// Output:
	// support true true
	// true ${USER}: ${MESSAGE}
	// 500 100
	// 2026-01-02T03:04:05Z
	// FriendlyName=support&Limits.ChannelMembers=500&Notifications.NewMessage.Enabled=true&Notifications.NewMessage.Template=%24%7BUSER%7D%3A+%24%7BMESSAGE%7D&ReachabilityEnabled=true
}

// NewClient returns an error, never a panic, for bad credentials or options.
func ExampleNewClient() {
	_, err := twiliochat.NewClient("AC123", "token")
	fmt.Println(err)
	_, err = twiliochat.NewClient("AC0123456789abcdef0123456789abcdef", "token", twiliochat.WithBaseURL("ftp://example.com"))
	fmt.Println(err)
	client, err := twiliochat.NewClient("AC0123456789abcdef0123456789abcdef", "token", twiliochat.WithEdge("dublin"), twiliochat.WithRegion("ie1"))
	fmt.Println(client, err)
	// Output:
	// twiliochat: invalid AccountSid: is not AC followed by 32 hex digits
	// twiliochat: invalid WithBaseURL: "ftp://example.com" is not an absolute http or https URL
	// twiliochat.Client{AccountSID: AC0123456789abcdef0123456789abcdef, BaseURL: https://chat.dublin.ie1.twilio.com, Credentials: [redacted]} <nil>
}

// IsNotFound tells a missing service from other failures.
func ExampleIsNotFound() {
	srv, client := startFake()
	defer srv.Close()

	_, err := client.Services.Update(context.Background(), "IS00000000000000000000000000000000", nil)
	var apiErr *twiliochat.APIError
	fmt.Println(twiliochat.IsNotFound(err), errors.As(err, &apiErr) && apiErr.Code == twiliochat.ErrCodeNotFound)
	// Output: true true
}

// IsAlreadyExists makes find-or-create read without a number: create the
// Channel by its unique name, and when another caller created it first,
// fetch it by that name. Twilio's code names which duplicate it was.
func ExampleIsAlreadyExists() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	sid := mustSeed(srv.SeedService("support"))

	findOrCreate := func(uniqueName string) (*twiliochat.Channel, error) {
		ch, err := client.Channels.Create(ctx, sid, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr(uniqueName)})
		if twiliochat.IsAlreadyExists(err) {
			return client.Channels.Fetch(ctx, sid, uniqueName)
		}
		return ch, err
	}
	first, err := findOrCreate("support/emea")
	if err != nil {
		fmt.Println(err)
		return
	}
	again, err := findOrCreate("support/emea")
	fmt.Println(again.SID == first.SID, err)

	_, err = client.Channels.Create(ctx, sid, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr("support/emea")})
	var apiErr *twiliochat.APIError
	fmt.Println(errors.As(err, &apiErr) && apiErr.Code == twiliochat.ErrCodeChannelUniqueNameExists)
	// Output:
	// true <nil>
	// true
}

// IsRateLimited tells that Twilio still answers 429 Too Many Requests after
// the client's own retries: time to slow down or queue the work. Here the
// fake answers 429 three times, asking each time to retry at once.
func ExampleIsRateLimited() {
	srv, client := startFake()
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))
	srv.FailNext(3, twiliochattest.Failure{Status: http.StatusTooManyRequests, RetryAfter: "0"})

	_, err := client.Services.Fetch(context.Background(), sid)
	fmt.Println(twiliochat.IsRateLimited(err), len(srv.Requests()), "requests")
	// Output: true 3 requests
}

// IsValidation tells bad input, caught before anything was sent, from a
// failure of the request; errors.As gives the key at fault.
func ExampleIsValidation() {
	srv, client := startFake()
	defer srv.Close()

	_, err := client.Services.Fetch(context.Background(), "IS123")
	var valErr *twiliochat.ValidationError
	if twiliochat.IsValidation(err) && errors.As(err, &valErr) {
		fmt.Println(valErr.Field, "-", valErr.Reason)
	}
	fmt.Println(len(srv.Requests()), "requests")
	// Output:
	// Sid - "IS123" is not IS followed by 32 hex digits
	// 0 requests
}

// Every answer outside 2xx is an *APIError: Twilio's code, message and
// more_info link from a JSON error body, the HTTP status, and the
// Twilio-Request-Id to quote to Twilio support. A body that is not Twilio's
// JSON, such as a proxy's HTML page, gives only the status and an excerpt.
func ExampleAPIError() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()

	_, err := client.Services.Fetch(ctx, "IS00000000000000000000000000000000")
	var apiErr *twiliochat.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.Status, apiErr.Code, apiErr.MoreInfo)
		fmt.Println(apiErr.RequestID)
	}
	fmt.Println(err)

	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusBadGateway, Body: "<html><body><h1>502 Bad Gateway</h1></body></html>"})
	_, err = client.Services.Fetch(ctx, mustSeed(srv.SeedService("support")))
	if errors.As(err, &apiErr) {
		fmt.Printf("%d %d %q\n", apiErr.Status, apiErr.Code, apiErr.Message)
	}
	// Output:
	// 404 20404 https://www.twilio.com/docs/errors/20404
	// RQb0e9e79e3885a91f4cb1eae353e341c9
	// twiliochat: 404 Not Found: code 20404: The requested resource /v2/Services/IS00000000000000000000000000000000 was not found (request RQb0e9e79e3885a91f4cb1eae353e341c9)
	// 502 0 "<html><body><h1>502 Bad Gateway</h1></body></html>"
}

// A success status with a body that is not the expected JSON, such as a
// maintenance page served with 200, is a *DecodeError; it is not retried.
// A body larger than MaxResponseBytes gives one that wraps
// ErrResponseTooLarge.
func ExampleDecodeError() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	sid := mustSeed(srv.SeedService("support"))

	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusOK, Body: "<html>Down for maintenance</html>"})
	_, err := client.Services.Fetch(ctx, sid)
	var decErr *twiliochat.DecodeError
	fmt.Println(errors.As(err, &decErr), decErr.Status)
	fmt.Println(err)

	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusOK, Body: `"` + strings.Repeat("x", twiliochat.MaxResponseBytes) + `"`})
	_, err = client.Services.Fetch(ctx, sid)
	fmt.Println(errors.Is(err, twiliochat.ErrResponseTooLarge))
	fmt.Println("requests:", len(srv.Requests()))
	// Output:
	// true 200
	// twiliochat: decode 200 response (request RQb0e9e79e3885a91f4cb1eae353e341c9): invalid character '<' looking for beginning of value
	// true
	// requests: 2
}
