package twiliochat_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// WithLogger logs each attempt at Debug, each retry at Info and a request
// that still failed after its retries at Warn. The lines name the method
// and the URL path, never a credential, a form value or a query. Here a 503
// is retried once; the handler drops the time and the duration so that the
// output is stable.
func ExampleWithLogger() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1), twiliochattest.WithClock(fixedClock))
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))

	handler := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "duration" {
				return slog.Attr{}
			}
			return a
		},
	})
	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(), twiliochat.WithBaseURL(srv.URL),
		twiliochat.WithLogger(slog.New(handler)),
		twiliochat.WithRetryPolicy(twiliochat.RetryPolicy{MaxRetries: 2, NoWait: true}))
	if err != nil {
		fmt.Println(err)
		return
	}

	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusServiceUnavailable})
	_, err = client.Services.Update(context.Background(), sid, &twiliochat.UpdateServiceParams{
		FriendlyName: twiliochat.Ptr("help desk"),
	})
	fmt.Println(err)
	// Output:
	// level=DEBUG msg="twiliochat: request" method=POST path=/v2/Services/IS38c86ea8cfb5aefce5328519c066a043 attempt=1 status=503 request_id=RQb0e9e79e3885a91f4cb1eae353e341c9 code=20503
	// level=INFO msg="twiliochat: retrying request" method=POST path=/v2/Services/IS38c86ea8cfb5aefce5328519c066a043 attempt=1 wait=0s status=503 code=20503
	// level=DEBUG msg="twiliochat: request" method=POST path=/v2/Services/IS38c86ea8cfb5aefce5328519c066a043 attempt=2 status=200 request_id=RQf4eb122ff4bf2756fef8593adc45f2e7
	// <nil>
}
