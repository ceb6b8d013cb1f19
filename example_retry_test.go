package twiliochat_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/e3f0929f/twiliochat"
)

const (
	exampleAccountSID = "AC0123456789abcdef0123456789abcdef"
	exampleServiceSID = "IS0123456789abcdef0123456789abcdef"
)

func ExampleDefaultRetryPolicy() {
	fmt.Printf("%+v\n", twiliochat.DefaultRetryPolicy())
	// Output: {MaxRetries:2 BaseDelay:500ms MaxDelay:10s MaxRetryAfter:30s}
}

func ExampleWithMaxRetries() {
	// Five retries instead of two; WithMaxRetries(0) turns retries off.
	_, err := twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithMaxRetries(5))
	fmt.Println(err)

	_, err = twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithMaxRetries(-1))
	fmt.Println(err)
	// Output:
	// <nil>
	// twiliochat: retry policy: MaxRetries -1 is negative
}

func ExampleWithRetryPolicy() {
	policy := twiliochat.DefaultRetryPolicy()
	policy.MaxRetries = 4
	policy.MaxRetryAfter = time.Minute // wait out a Retry-After of up to a minute
	_, err := twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithRetryPolicy(policy))
	fmt.Println(err)
	// Output: <nil>
}

func ExampleRetryError() {
	// A server that is always unavailable and asks to be retried at once.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "0")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, `{"code":20003,"message":"Service unavailable"}`)
	}))
	defer srv.Close()
	client, err := twiliochat.NewClient(exampleAccountSID, "auth-token",
		twiliochat.WithBaseURL(srv.URL), twiliochat.WithMaxRetries(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer client.CloseIdleConnections()

	_, err = client.Services.Update(context.Background(), exampleServiceSID,
		&twiliochat.UpdateServiceParams{FriendlyName: twiliochat.Ptr("support")})
	var retryErr *twiliochat.RetryError
	var apiErr *twiliochat.APIError
	if errors.As(err, &retryErr) && errors.As(err, &apiErr) {
		fmt.Println(retryErr.Attempts, "attempts; last answer", apiErr.Status, apiErr.Code)
	}
	// Output: 2 attempts; last answer 503 20003
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
