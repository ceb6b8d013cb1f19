package main

import (
	"bytes"
	"context"
	"net/http"
	"strings"
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
	require.NoError(t, run(&out, "", "moderator", []string{"sendMessage", "removeMember"}))
	got := out.String()
	for _, want := range []string{
		"TWILIO_ACCOUNT_SID is not set: using the in-process twiliochattest fake at http://127.0.0.1:",
		`"roles demo", default channel role RL`,
		`"moderator" (channel): sendMessage, removeMember` + "\n",
		"4. roles of the service:\n",
		`"service user"  <- default service role` + "\n",
		`"channel admin"  <- default channel creator role` + "\n",
		`"moderator"  <- default channel role (ours)` + "\n",
		"5. restored default channel role RL",
		"6. deleted  RL",
	} {
		assert.Contains(t, got, want)
	}
	assert.NotContains(t, got, "could not")
}

// TestRunChecksBeforeAnyRequest checks that a real account without -service
// is an error before anything is printed or sent.
func TestRunChecksBeforeAnyRequest(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef")
	t.Setenv("TWILIO_AUTH_TOKEN", "token")
	var out bytes.Buffer
	require.EqualError(t, run(&out, "", "moderator", []string{"sendMessage"}), "-service is required with a real account")
	assert.Empty(t, out.String())
}

// TestRolesCleansUpAfterAFailure fails the list step and checks that the
// default channel role is restored and the new Role deleted all the same.
func TestRolesCleansUpAfterAFailure(t *testing.T) {
	srv := twiliochattest.NewServer()
	defer srv.Close()
	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(), twiliochat.WithBaseURL(srv.URL))
	require.NoError(t, err)
	ctx := context.Background()
	serviceSID, err := srv.SeedService("s")
	require.NoError(t, err)
	before, err := client.Services.Fetch(ctx, serviceSID)
	require.NoError(t, err)
	srv.ResetRequests()
	srv.FailWith(func(r *http.Request) *twiliochattest.Failure {
		if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/Roles") {
			return &twiliochattest.Failure{Status: http.StatusBadRequest}
		}
		return nil
	})

	var out bytes.Buffer
	err = roles(ctx, &out, client.Services, client.Roles, serviceSID, "moderator", []string{"sendMessage"})

	var apiErr *twiliochat.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Contains(t, err.Error(), "list roles: ")
	assert.Contains(t, out.String(), "5. restored default channel role "+before.DefaultChannelRoleSID)
	reqs := srv.Requests()
	var calls []string
	for _, r := range reqs {
		calls = append(calls, r.Method+" "+strings.TrimPrefix(r.Path, "/v2/Services/"+serviceSID))
	}
	require.Len(t, reqs, 6, "%v", calls)
	created := reqs[2].Form.Get("DefaultChannelRoleSid")
	assert.Equal(t, []string{"GET ", "POST /Roles", "POST ", "GET /Roles", "POST ", "DELETE /Roles/" + created}, calls)
	assert.Equal(t, before.DefaultChannelRoleSID, reqs[4].Form.Get("DefaultChannelRoleSid"), "restored before the delete")
	srv.FailWith(nil)
	after, err := client.Services.Fetch(ctx, serviceSID)
	require.NoError(t, err)
	assert.Equal(t, before.DefaultChannelRoleSID, after.DefaultChannelRoleSID)
	page, err := client.Roles.ListPage(ctx, serviceSID, nil)
	require.NoError(t, err)
	assert.Len(t, page.Items, 4, "the new Role was deleted")
}
