package main

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// TestRunAgainstFake runs the example as a newcomer would, with no account
// configured, and checks each step it prints.
func TestRunAgainstFake(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	var out bytes.Buffer
	require.NoError(t, run(&out, "demo", 20))
	got := out.String()
	for _, want := range []string{
		"TWILIO_ACCOUNT_SID is not set: using the in-process twiliochattest fake at http://127.0.0.1:",
		`"demo" (typing timeout 5 s, 250 members a channel)`,
		`"demo (updated)" (typing timeout 10 s, 500 members a channel)`,
		"4. listing  at most 20 services, 2 a page:\n",
		`"existing: sales"` + "\n",
		`"existing: support"` + "\n",
		`"demo (updated)"  <- ours` + "\n",
		"5. deleted  IS",
		"6. fetching it again is not found: twiliochat: 404 Not Found: code 20404",
	} {
		assert.Contains(t, got, want)
	}
	assert.NotContains(t, got, "after the failure")
}

// TestRunChecksBeforeAnyRequest checks that a bad flag or a malformed
// account fails before a Service is created.
func TestRunChecksBeforeAnyRequest(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	var out bytes.Buffer
	assert.EqualError(t, run(&out, "demo", -1), "-limit -1 is negative")
	assert.Empty(t, out.String())

	t.Setenv("TWILIO_ACCOUNT_SID", "AC123")
	t.Setenv("TWILIO_AUTH_TOKEN", "token")
	err := run(&out, "demo", 20)
	var vErr *twiliochat.ValidationError
	require.ErrorAs(t, err, &vErr)
	assert.Equal(t, "TWILIO_ACCOUNT_SID", vErr.Field)
	assert.Empty(t, out.String())
}

// TestCrudDeletesAfterAFailure fails the Fetch step and checks that the
// Service is deleted all the same.
func TestCrudDeletesAfterAFailure(t *testing.T) {
	srv := twiliochattest.NewServer()
	defer srv.Close()
	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(), twiliochat.WithBaseURL(srv.URL))
	require.NoError(t, err)
	srv.FailWith(func(r *http.Request) *twiliochattest.Failure {
		if r.Method == http.MethodGet {
			return &twiliochattest.Failure{Status: http.StatusBadRequest}
		}
		return nil
	})

	var out bytes.Buffer
	err = crud(context.Background(), &out, client.Services, "demo", 20)

	var apiErr *twiliochat.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Contains(t, err.Error(), "fetch: ")
	assert.Contains(t, out.String(), "after the failure")
	var methods []string
	for _, r := range srv.Requests() {
		methods = append(methods, r.Method)
	}
	assert.Equal(t, []string{http.MethodPost, http.MethodPost, http.MethodGet, http.MethodDelete}, methods)
	page, err := client.Services.ListPage(context.Background(), nil)
	assert.Error(t, err, "GETs still fail")
	assert.Nil(t, page)
	srv.FailWith(nil)
	page, err = client.Services.ListPage(context.Background(), nil)
	require.NoError(t, err)
	assert.Empty(t, page.Items, "the Service was deleted")
}
