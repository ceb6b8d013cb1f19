package twiliochattest_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// archiveOld is the code under test, in your own package: it deletes every
// Service whose name starts with "old: ".
func archiveOld(ctx context.Context, services twiliochat.ServicesAPI) error {
	for svc, err := range services.List(ctx, nil) {
		if err != nil {
			return err
		}
		if strings.HasPrefix(svc.FriendlyName, "old: ") {
			if err := services.Delete(ctx, svc.SID); err != nil {
				return err
			}
		}
	}
	return nil
}

// testArchiveOld is a test of archiveOld, as TestArchiveOld(t *testing.T)
// in your package's archive_test.go; this package's tests run it.
func testArchiveOld(t *testing.T) {
	srv := twiliochattest.New(t) // closed when the test ends
	client := srv.NewClient()
	keep, err := srv.SeedService("support")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.SeedService("old: sales"); err != nil {
		t.Fatal(err)
	}
	// The first Delete meets a 503, which the Client retries without waiting.
	srv.FailOn("DELETE /v2/Services/{Sid}", 1, twiliochattest.Failure{Status: http.StatusServiceUnavailable})

	if err := archiveOld(context.Background(), client.Services); err != nil {
		t.Fatal(err)
	}

	page, err := client.Services.ListPage(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || page.Items[0].SID != keep {
		t.Errorf("left %+v, want only %s", page.Items, keep)
	}
	if deletes := srv.RequestsTo("DELETE /v2/Services/{Sid}"); len(deletes) != 2 {
		t.Errorf("%d deletes sent, want 2: one failed, one retried", len(deletes))
	}
}

// New starts the fake for one test and closes it when the test ends, so a
// test of your own code starts with three lines: New, NewClient and the
// data to start from. This whole file shows such a test, testArchiveOld.
func ExampleNew() {
	// go test runs TestArchiveOld(t) in your package; here, see testArchiveOld.
}
