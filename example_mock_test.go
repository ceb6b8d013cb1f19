package twiliochat_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/jarcoal/httpmock"

	"github.com/e3f0929f/twiliochat"
)

// A downstream unit test mocks Twilio with httpmock on the *http.Client it
// hands to the SDK, so the SDK's real request path runs without a network.
func Example_mockWithHTTPMock() {
	hc := &http.Client{}
	httpmock.ActivateNonDefault(hc)
	defer httpmock.DeactivateAndReset()

	const sid = "IS0123456789abcdef0123456789abcdef"
	httpmock.RegisterResponder(http.MethodPost, "https://chat.twilio.com/v2/Services/"+sid,
		func(req *http.Request) (*http.Response, error) {
			if err := req.ParseForm(); err != nil {
				return nil, err
			}
			return httpmock.NewJsonResponse(http.StatusOK, map[string]any{
				"sid":           sid,
				"friendly_name": req.PostForm.Get("FriendlyName"),
				"limits":        map[string]int{"channel_members": 500, "user_channels": 100},
			})
		})

	client, err := twiliochat.NewClient("AC0123456789abcdef0123456789abcdef", "token", twiliochat.WithHTTPClient(hc))
	if err != nil {
		fmt.Println(err)
		return
	}
	svc, err := client.Services.Update(context.Background(), sid, &twiliochat.UpdateServiceParams{
		FriendlyName: twiliochat.Ptr("support"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(svc.FriendlyName, svc.Limits.ChannelMembers)
	fmt.Println("calls:", httpmock.GetTotalCallCount())
	// Output:
	// support 500
	// calls: 1
}

// Ptr makes the pointers params are built from; a set pointer is sent even
// when it holds a zero value.
func ExamplePtr() {
	params := &twiliochat.UpdateServiceParams{
		ReachabilityEnabled: twiliochat.Ptr(false),
		Limits:              &twiliochat.LimitsParams{UserChannels: twiliochat.Ptr(0)},
	}
	fmt.Println(*params.ReachabilityEnabled, *params.Limits.UserChannels, params.FriendlyName == nil)
	// Output: false 0 true
}

// ValidateSID checks user input, such as a SID read from configuration,
// before it reaches the SDK.
func ExampleValidateSID() {
	fmt.Println(twiliochat.ValidateSID(twiliochat.ServiceSID, "IS0123456789abcdef0123456789abcdef"))
	err := twiliochat.ValidateSID(twiliochat.ServiceSID, "IS../../Accounts")
	var ve *twiliochat.ValidationError
	fmt.Println(errors.As(err, &ve), ve.Field)
	fmt.Println(err)
	fmt.Println(twiliochat.ValidateSID(twiliochat.RoleSID, "IS0123456789abcdef0123456789abcdef"))
	fmt.Println(twiliochat.ValidateSID(twiliochat.AccountSID, ""))
	// Output:
	// <nil>
	// true Sid
	// twiliochat: invalid Sid: "IS../../Accounts" is not IS followed by 32 hex digits
	// twiliochat: invalid Sid: "IS0123456789abcdef0123456789abcdef" is not RL followed by 32 hex digits
	// twiliochat: invalid Sid: is empty, want AC followed by 32 hex digits
}

// Bad input is reported field by field before any request is sent.
func ExampleValidationError() {
	client, _ := twiliochat.NewClient("AC0123456789abcdef0123456789abcdef", "token")
	_, err := client.Services.Update(context.Background(), "IS0123456789abcdef0123456789abcdef", &twiliochat.UpdateServiceParams{
		WebhookMethod: twiliochat.Ptr(twiliochat.WebhookMethod("PUT")),
		Limits:        &twiliochat.LimitsParams{ChannelMembers: twiliochat.Ptr(5000)},
	})
	fmt.Println(err)
	// Output:
	// twiliochat: invalid WebhookMethod: "PUT" is not "GET" or "POST"
	// twiliochat: invalid Limits.ChannelMembers: 5000 is above the maximum of 1000
}

// fakeServices answers Fetch and embeds ServicesAPI for the methods it does
// not fake, so that it keeps compiling when a minor release adds one.
type fakeServices struct {
	twiliochat.ServicesAPI
}

func (fakeServices) Fetch(_ context.Context, serviceSID string) (*twiliochat.Service, error) {
	return &twiliochat.Service{SID: serviceSID, FriendlyName: "support"}, nil
}

// A unit test that depends on ServicesAPI substitutes a fake that embeds it.
func Example_fakeEmbedsTheAPI() {
	var services twiliochat.ServicesAPI = fakeServices{}
	svc, err := services.Fetch(context.Background(), "IS0123456789abcdef0123456789abcdef")
	fmt.Println(svc.FriendlyName, err)
	// Output: support <nil>
}
