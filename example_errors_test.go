package twiliochat_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// Error reads as the status, Twilio's code and message, and the request ID
// to quote to Twilio support: here the 409 of a second Channel whose unique
// name is taken in the Service.
func ExampleAPIError_Error() {
	srv, client := startFake()
	defer srv.Close()
	ctx := context.Background()
	sid := mustSeed(srv.SeedService("support"))

	params := &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr("general")}
	if _, err := client.Channels.Create(ctx, sid, params); err != nil {
		fmt.Println(err)
		return
	}
	_, err := client.Channels.Create(ctx, sid, params)
	fmt.Println(err)
	// Output: twiliochat: 409 Conflict: code 50307: Channel with unique name general already exists (request RQf4eb122ff4bf2756fef8593adc45f2e7)
}

// Error names the key as Twilio spells it and says what is wrong with the
// value; nothing was sent.
func ExampleValidationError_Error() {
	srv, client := startFake()
	defer srv.Close()

	_, err := client.Messages.Fetch(context.Background(), mustSeed(srv.SeedService("support")), "general", "IM123")
	fmt.Println(err)
	fmt.Println(len(srv.Requests()), "requests")
	// Output:
	// twiliochat: invalid Sid: "IM123" is not IM followed by 32 hex digits
	// 0 requests
}

// Error gives the status, the request ID and why the body could not be
// read: here a 200 whose body is an HTML page.
func ExampleDecodeError_Error() {
	srv, client := startFake()
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))

	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusOK, Body: "<html>Down for maintenance</html>"})
	_, err := client.Services.Fetch(context.Background(), sid)
	fmt.Println(err)
	// Output: twiliochat: decode 200 response (request RQb0e9e79e3885a91f4cb1eae353e341c9): invalid character '<' looking for beginning of value
}

// Unwrap gives the cause, for errors.Is and errors.As: here the JSON error
// of a sid that is not a string; for a body over MaxResponseBytes it is
// ErrResponseTooLarge.
func ExampleDecodeError_Unwrap() {
	srv, client := startFake()
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))

	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusOK, Body: "{\"sid\": 42}"})
	_, err := client.Services.Fetch(context.Background(), sid)
	var decErr *twiliochat.DecodeError
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &decErr) && errors.As(decErr.Unwrap(), &typeErr) {
		fmt.Println(typeErr.Field, typeErr.Value)
	}
	// Output: sid number
}

// Error counts the attempts and ends with the last failure. The client of
// srv.NewClient retries without waiting, as in a unit test.
func ExampleRetryError_Error() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))

	srv.FailNext(3, twiliochattest.Failure{Status: http.StatusServiceUnavailable})
	_, err := srv.NewClient().Services.Fetch(context.Background(), sid)
	fmt.Println(err)
	// Output: twiliochat: gave up after 3 attempts: twiliochat: 503 Service Unavailable: code 20503: Service Unavailable (request RQd3a1944ab1e3c8eea16c2189883d6e93)
}

// Unwrap hands errors.As and errors.Is the last failure, and the context's
// error when the context ended the retries, so a retried call is checked
// as one that failed once.
func ExampleRetryError_Unwrap() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))

	srv.FailNext(3, twiliochattest.Failure{Status: http.StatusTooManyRequests})
	_, err := srv.NewClient().Services.Fetch(context.Background(), sid)
	var retryErr *twiliochat.RetryError
	var apiErr *twiliochat.APIError
	if errors.As(err, &retryErr) && errors.As(err, &apiErr) {
		fmt.Println(retryErr.Attempts, apiErr.Status, twiliochat.IsRateLimited(err))
		fmt.Println("errors unwrapped:", len(retryErr.Unwrap()))
	}
	// Output:
	// 3 429 true
	// errors unwrapped: 1
}
