package twiliochat_test

// The tests in this file are copied verbatim from README.md, where the
// blocks are marked "<!-- readme: runs in readme_run_test.go -->": the
// README check (internal/readmecheck) fails when they drift apart, and go
// test runs them here.

import (
	"context"
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
	sid := srv.SeedService("support")
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

func TestRenameServiceWithHTTPMock(t *testing.T) {
	const sid = "IS0123456789abcdef0123456789abcdef"
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder(http.MethodPost, "https://chat.twilio.com/v2/Services/"+sid,
		httpmock.NewStringResponder(http.StatusOK, `{"sid": "`+sid+`", "friendly_name": "help desk"}`))

	client, err := twiliochat.NewClient("AC0123456789abcdef0123456789abcdef", "your_auth_token",
		twiliochat.WithHTTPClient(&http.Client{Transport: mock}))
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
