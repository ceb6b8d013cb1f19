package twiliochat_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// TestServicesAgainstFake walks a Service through Create, Update, Fetch,
// ListPage, NextPage, List and Delete on the in-memory fake, and checks what
// each call sent and got back.
func TestServicesAgainstFake(t *testing.T) {
	t.Parallel()
	srv, client := newFakeClient(t, twiliochattest.WithSeed(7), atFakeNow())
	ctx := context.Background()

	// Two services exist before ours, so that the list spans pages.
	seeded := []string{srv.SeedService("first"), srv.SeedService("second")}

	svc, err := client.Services.Create(ctx, &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr("support & sales")})
	require.NoError(t, err)
	require.NoError(t, twiliochat.ValidateServiceSID(svc.SID))
	assert.Equal(t, srv.AccountSID(), svc.AccountSID)
	assert.Equal(t, "support & sales", svc.FriendlyName)
	assert.Equal(t, fakeNow, svc.DateCreated)
	assert.Equal(t, fakeNow, svc.DateUpdated)
	assert.True(t, svc.ReadStatusEnabled)
	assert.Equal(t, twiliochat.ServiceLimits{ChannelMembers: 250, UserChannels: 100}, svc.Limits)
	assert.Equal(t, http.MethodPost, svc.WebhookMethod)
	assert.Equal(t, srv.URL+"/v2/Services/"+svc.SID, svc.URL)
	assert.Equal(t, srv.URL+"/v2/Services/"+svc.SID+"/Roles", svc.Links["roles"])
	for _, role := range []string{svc.DefaultServiceRoleSID, svc.DefaultChannelRoleSID, svc.DefaultChannelCreatorRoleSID} {
		assert.NoError(t, twiliochat.ValidateRoleSID(role))
	}

	updated, err := client.Services.Update(ctx, svc.SID, &twiliochat.UpdateServiceParams{
		ReachabilityEnabled: twiliochat.Ptr(true),
		Limits:              &twiliochat.LimitsParams{ChannelMembers: twiliochat.Ptr(500)},
	})
	require.NoError(t, err)
	want := *svc
	want.ReachabilityEnabled = true
	want.Limits.ChannelMembers = 500
	assert.Equal(t, want, *updated)

	fetched, err := client.Services.Fetch(ctx, svc.SID)
	require.NoError(t, err)
	assert.Equal(t, want, *fetched)

	page, err := client.Services.ListPage(ctx, &twiliochat.ListServicesParams{PageSize: twiliochat.Ptr(2)})
	require.NoError(t, err)
	assert.Equal(t, seeded, sidsOf(page.Items))
	assert.Equal(t, 2, page.Meta.PageSize)
	assert.Equal(t, "services", page.Meta.Key)
	page, err = client.Services.NextPage(ctx, page)
	require.NoError(t, err)
	assert.Equal(t, []twiliochat.Service{want}, page.Items)
	assert.Equal(t, 1, page.Meta.Page)
	page, err = client.Services.NextPage(ctx, page)
	require.NoError(t, err)
	assert.Nil(t, page, "the second page is the last")

	var listed []twiliochat.Service
	for s, err := range client.Services.List(ctx, &twiliochat.ListServicesParams{PageSize: twiliochat.Ptr(1)}) {
		require.NoError(t, err)
		listed = append(listed, *s)
	}
	assert.Equal(t, append(seeded, svc.SID), sidsOf(listed))
	assert.Equal(t, want, listed[2])

	require.NoError(t, client.Services.Delete(ctx, svc.SID))
	_, err = client.Services.Fetch(ctx, svc.SID)
	assert.True(t, twiliochat.IsNotFound(err), "Fetch after Delete: %v", err)
	err = client.Services.Delete(ctx, svc.SID)
	assert.True(t, twiliochat.IsNotFound(err), "Delete after Delete: %v", err)

	got := sentLines(srv)
	sidPath := "/v2/Services/" + svc.SID
	page2 := url.Values{"PageSize": {"2"}, "Page": {"1"}, "PageToken": {"PT2"}}
	assert.Equal(t, []sentLine{
		{http.MethodPost, "/v2/Services", url.Values{}, url.Values{"FriendlyName": {"support & sales"}}},
		{http.MethodPost, sidPath, url.Values{}, url.Values{"ReachabilityEnabled": {"true"}, "Limits.ChannelMembers": {"500"}}},
		{http.MethodGet, sidPath, url.Values{}, url.Values{}},
		{http.MethodGet, "/v2/Services", url.Values{"PageSize": {"2"}}, url.Values{}},
		{http.MethodGet, "/v2/Services", page2, url.Values{}},
		{http.MethodGet, "/v2/Services", url.Values{"PageSize": {"1"}}, url.Values{}},
		{http.MethodGet, "/v2/Services", url.Values{"PageSize": {"1"}, "Page": {"1"}, "PageToken": {"PT1"}}, url.Values{}},
		{http.MethodGet, "/v2/Services", url.Values{"PageSize": {"1"}, "Page": {"2"}, "PageToken": {"PT2"}}, url.Values{}},
		{http.MethodDelete, sidPath, url.Values{}, url.Values{}},
		{http.MethodGet, sidPath, url.Values{}, url.Values{}},
		{http.MethodDelete, sidPath, url.Values{}, url.Values{}},
	}, got)
}

// TestServicesListAgainstFakeLimitAndFailure checks Limit and an injected
// failure on the second page against the fake.
func TestServicesListAgainstFakeLimitAndFailure(t *testing.T) {
	t.Parallel()
	srv, client := newFakeClient(t)
	var sids []string
	for i := range 5 {
		sids = append(sids, srv.SeedService(fmt.Sprint("service ", i)))
	}

	var limited []string
	for s, err := range client.Services.List(context.Background(), &twiliochat.ListServicesParams{Limit: 3}) {
		require.NoError(t, err)
		limited = append(limited, s.SID)
	}
	assert.Equal(t, sids[:3], limited)
	require.Len(t, srv.Requests(), 1)
	assert.Equal(t, url.Values{"PageSize": {"3"}}, srv.Requests()[0].Query)

	srv.ResetRequests()
	var before []string
	var errs []error
	for s, err := range client.Services.List(context.Background(), &twiliochat.ListServicesParams{PageSize: twiliochat.Ptr(2)}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		before = append(before, s.SID)
		if len(before) == 2 {
			srv.FailNext(1, twiliochattest.Failure{Status: http.StatusBadRequest})
		}
	}
	assert.Equal(t, sids[:2], before)
	require.Len(t, errs, 1)
	var apiErr *twiliochat.APIError
	require.ErrorAs(t, errs[0], &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.Status)
	assert.Len(t, srv.Requests(), 2)
}

// sidsOf returns the SIDs of services, in order.
func sidsOf(services []twiliochat.Service) []string {
	sids := make([]string, len(services))
	for i, s := range services {
		sids[i] = s.SID
	}
	return sids
}
