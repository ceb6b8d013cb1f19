package twiliochat_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// fakeNow is the time on the clock of a fake started with atFakeNow.
var fakeNow = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// atFakeNow is the fake's option that stops its clock at fakeNow.
func atFakeNow() twiliochattest.Option {
	return twiliochattest.WithClock(func() time.Time { return fakeNow })
}

// newFakeClient starts the in-memory fake with opts and returns it with a
// client pointed at it. The fake closes when the test ends.
func newFakeClient(t *testing.T, opts ...twiliochattest.Option) (*twiliochattest.Server, *twiliochat.Client) {
	t.Helper()
	srv := twiliochattest.NewServer(opts...)
	t.Cleanup(srv.Close)
	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(), twiliochat.WithBaseURL(srv.URL))
	require.NoError(t, err)
	return srv, client
}

// sentLine is what the fake received in one request, as tests compare it.
type sentLine struct {
	Method, Path string
	Query, Form  url.Values
}

// sentLines returns every request srv received, in order.
func sentLines(srv *twiliochattest.Server) []sentLine {
	var lines []sentLine
	for _, r := range srv.Requests() {
		lines = append(lines, sentLine{r.Method, r.Path, r.Query, r.Form})
	}
	return lines
}
