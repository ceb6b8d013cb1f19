package twiliochat_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// WithResponseRecorder gives a call's context a recorder, from which the
// caller reads the Twilio-Request-Id of a successful call to log it: no
// method's signature carries it. Here the fake answers the first try with a
// 503 and the client retries: the recorder holds the last try's answer.
func ExampleWithResponseRecorder() {
	srv, client := startFake()
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))
	srv.FailOn("GET /v2/Services/{Sid}", 1, twiliochattest.Failure{Status: http.StatusServiceUnavailable, RetryAfter: "0"})

	var rec twiliochat.ResponseRecorder
	ctx := twiliochat.WithResponseRecorder(context.Background(), &rec)
	svc, err := client.Services.Fetch(ctx, sid)
	if err != nil {
		fmt.Println(err)
		return
	}
	info := rec.Last()
	fmt.Println(svc.FriendlyName, info.Status, info.Attempt, info.RequestID)
	fmt.Println(len(srv.Requests()), "requests")
	// Output:
	// support 200 2 RQf4eb122ff4bf2756fef8593adc45f2e7
	// 2 requests
}

// Last reads the answer of the last try that completed, error answers
// included: here the 404 of a Channel that does not exist, whose request ID
// matches the error's.
func ExampleResponseRecorder_Last() {
	srv, client := startFake()
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))

	var rec twiliochat.ResponseRecorder
	ctx := twiliochat.WithResponseRecorder(context.Background(), &rec)
	_, err := client.Channels.Fetch(ctx, sid, "support/emea")
	fmt.Println(twiliochat.IsNotFound(err), rec.Last().Status, rec.Last().Attempt)
	var apiErr *twiliochat.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.RequestID == rec.Last().RequestID)
	}
	// Output:
	// true 404 1
	// true
}
