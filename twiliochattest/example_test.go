package twiliochattest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

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

	sid := srv.SeedService("support")

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
