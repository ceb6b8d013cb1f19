package twiliochat_test

// The tests in this file are copied verbatim from README.md, where the
// blocks are marked "<!-- readme: runs in readme_run_test.go -->": the
// README check (internal/readmecheck) fails when they drift apart, and go
// test runs them here.

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// renameService is your code: it takes the ServicesAPI interface, so a test
// can pass a client for the fake, one with httpmock, or a fake of its own.
func renameService(ctx context.Context, services twiliochat.ServicesAPI, sid, name string) error {
	_, err := services.Update(ctx, sid, &twiliochat.UpdateServiceParams{FriendlyName: twiliochat.Ptr(name)})
	return err
}

func TestRenameService(t *testing.T) {
	srv := twiliochattest.New(t) // closed when the test ends
	client := srv.NewClient()    // retries as usual, without waiting
	sid, err := srv.SeedService("support")
	if err != nil {
		t.Fatal(err)
	}
	// Twilio answers the first try with a 503; the client retries it.
	srv.FailOn("POST /v2/Services/{Sid}", 1, twiliochattest.Failure{Status: http.StatusServiceUnavailable})

	if err := renameService(context.Background(), client.Services, sid, "help desk"); err != nil {
		t.Fatal(err)
	}

	sent := srv.RequestsTo("POST /v2/Services/{Sid}")
	if len(sent) != 2 || sent[1].Form.Get("FriendlyName") != "help desk" {
		t.Errorf("sent %+v, want two tries renaming to help desk", sent)
	}
	svc, err := client.Services.Fetch(context.Background(), sid)
	if err != nil || svc.FriendlyName != "help desk" {
		t.Errorf("Fetch = %+v, %v", svc, err)
	}
}

// findOrCreateChannel is your code: the Channel of a unique name, created
// unless another caller created it first.
func findOrCreateChannel(ctx context.Context, channels twiliochat.ChannelsAPI, sid, uniqueName string) (*twiliochat.Channel, error) {
	ch, err := channels.Create(ctx, sid, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr(uniqueName)})
	if twiliochat.IsAlreadyExists(err) {
		return channels.Fetch(ctx, sid, uniqueName)
	}
	return ch, err
}

func TestFindOrCreateChannel(t *testing.T) {
	srv := twiliochattest.New(t)
	client := srv.NewClient()
	sid, err := srv.SeedService("support")
	if err != nil {
		t.Fatal(err)
	}
	existing, err := srv.SeedChannel(sid, "support/emea")
	if err != nil {
		t.Fatal(err)
	}
	// The Fetch of "support/emea", one path segment, meets a 429 once.
	srv.FailOn("GET /v2/Services/{ServiceSid}/Channels/{Sid}", 1, twiliochattest.Failure{Status: http.StatusTooManyRequests})

	var rec twiliochat.ResponseRecorder
	ctx := twiliochat.WithResponseRecorder(context.Background(), &rec)
	ch, err := findOrCreateChannel(ctx, client.Channels, sid, "support/emea")
	if err != nil || ch.SID != existing {
		t.Fatalf("findOrCreateChannel = %+v, %v, want %s", ch, err, existing)
	}
	if fetches := srv.RequestsTo("GET /v2/Services/{ServiceSid}/Channels/{Sid}"); len(fetches) != 2 {
		t.Errorf("%d fetches, want the 429 and its retry", len(fetches))
	}
	if info := rec.Last(); info.Status != http.StatusOK || info.Attempt != 2 || info.RequestID == "" {
		t.Errorf("last answer %+v, want the retry's 200 and its request ID", info)
	}

	_, err = client.Channels.Create(ctx, sid, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr("support/emea")})
	var apiErr *twiliochat.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != twiliochat.ErrCodeChannelUniqueNameExists {
		t.Errorf("second Create = %v, want the unique name taken", err)
	}
}

func TestRenameServiceWithHTTPMock(t *testing.T) {
	const sid = "IS0123456789abcdef0123456789abcdef"
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder(http.MethodPost, "https://chat.twilio.com/v2/Services/"+sid,
		httpmock.NewStringResponder(http.StatusOK, `{"sid": "`+sid+`", "friendly_name": "help desk"}`))

	client, err := twiliochat.NewClient("AC0123456789abcdef0123456789abcdef", "your_auth_token",
		twiliochat.WithHTTPClient(&http.Client{Transport: mock}),
		// Retries as usual, without the backoff's real waits: a 429 added
		// to this test costs microseconds, not a second.
		twiliochat.WithRetryPolicy(twiliochat.RetryPolicy{MaxRetries: 2, NoWait: true}))
	if err != nil {
		t.Fatal(err)
	}
	svc, err := client.Services.Update(context.Background(), sid, &twiliochat.UpdateServiceParams{
		FriendlyName: twiliochat.Ptr("help desk"),
	})
	if err != nil || svc.FriendlyName != "help desk" {
		t.Fatalf("Update = %+v, %v", svc, err)
	}
	if n := mock.GetTotalCallCount(); n != 1 {
		t.Errorf("%d calls, want 1", n)
	}
}
