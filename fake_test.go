package twiliochat_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// TestServicesAgainstFake walks a Service through Create, Update, Fetch,
// ListPage, NextPage, List and Delete on the in-memory fake, and checks what
// each call sent and got back.
func TestServicesAgainstFake(t *testing.T) {
	t.Parallel()
	srv, client := newFakeClient(t, twiliochattest.WithSeed(7), atFakeNow())
	ctx := context.Background()

	// Two services exist before ours, so that the list spans pages.
	seeded := []string{seedService(t, srv, "first"), seedService(t, srv, "second")}

	svc, err := client.Services.Create(ctx, &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr("support & sales")})
	require.NoError(t, err)
	require.NoError(t, twiliochat.ValidateSID(twiliochat.ServiceSID, svc.SID))
	assert.Equal(t, srv.AccountSID(), svc.AccountSID)
	assert.Equal(t, "support & sales", svc.FriendlyName)
	assert.Equal(t, fakeNow, svc.DateCreated)
	assert.Equal(t, fakeNow, svc.DateUpdated)
	assert.Equal(t, twiliochat.Ptr(true), svc.ReadStatusEnabled)
	assert.Equal(t, twiliochat.ServiceLimits{ChannelMembers: 250, UserChannels: 100}, svc.Limits)
	assert.Equal(t, twiliochat.WebhookMethodPost, svc.WebhookMethod)
	assert.Equal(t, srv.URL+"/v2/Services/"+svc.SID, svc.URL)
	assert.Equal(t, srv.URL+"/v2/Services/"+svc.SID+"/Roles", svc.Links["roles"])
	for _, role := range []string{svc.DefaultServiceRoleSID, svc.DefaultChannelRoleSID, svc.DefaultChannelCreatorRoleSID} {
		assert.NoError(t, twiliochat.ValidateSID(twiliochat.RoleSID, role))
	}

	updated, err := client.Services.Update(ctx, svc.SID, &twiliochat.UpdateServiceParams{
		ReachabilityEnabled: twiliochat.Ptr(true),
		Limits:              &twiliochat.LimitsParams{ChannelMembers: twiliochat.Ptr(500)},
	})
	require.NoError(t, err)
	want := *svc
	want.ReachabilityEnabled = twiliochat.Ptr(true)
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
		sids = append(sids, seedService(t, srv, fmt.Sprint("service ", i)))
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

// TestRolesDefaultRolesAgainstFake checks, through the SDK, that a new
// Service has Twilio's four default roles and points at three of them.
func TestRolesDefaultRolesAgainstFake(t *testing.T) {
	t.Parallel()
	srv, client := newFakeClient(t, twiliochattest.WithSeed(3), atFakeNow())
	ctx := context.Background()
	svc, err := client.Services.Create(ctx, &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr("s")})
	require.NoError(t, err)

	byName := map[string]twiliochat.Role{}
	for role, err := range client.Roles.List(ctx, svc.SID, nil) {
		require.NoError(t, err)
		byName[role.FriendlyName] = *role
	}
	want := map[string]struct {
		roleType    twiliochat.RoleType
		permissions []string
	}{
		"service admin": {twiliochat.RoleTypeDeployment, []string{"addMember", "createChannel", "deleteAnyMessage", "destroyChannel", "editAnyMessage", "editAnyMessageAttributes", "editAnyUserInfo", "editChannelAttributes", "editChannelName", "inviteMember", "joinChannel", "removeMember"}},
		"service user":  {twiliochat.RoleTypeDeployment, []string{"createChannel", "editOwnUserInfo", "joinChannel"}},
		"channel admin": {twiliochat.RoleTypeChannel, []string{"addMember", "deleteAnyMessage", "destroyChannel"}},
		"channel user":  {twiliochat.RoleTypeChannel, []string{"sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"}},
	}
	require.Len(t, byName, len(want))
	for name, w := range want {
		role := byName[name]
		require.NoError(t, twiliochat.ValidateSID(twiliochat.RoleSID, role.SID), name)
		assert.Equal(t, twiliochat.Role{
			SID: role.SID, AccountSID: srv.AccountSID(), ServiceSID: svc.SID, FriendlyName: name,
			Type: w.roleType, Permissions: w.permissions, DateCreated: fakeNow, DateUpdated: fakeNow,
			URL: srv.URL + "/v2/Services/" + svc.SID + "/Roles/" + role.SID,
		}, role, name)
	}
	assert.Equal(t, byName["service user"].SID, svc.DefaultServiceRoleSID)
	assert.Equal(t, byName["channel user"].SID, svc.DefaultChannelRoleSID)
	assert.Equal(t, byName["channel admin"].SID, svc.DefaultChannelCreatorRoleSID)
}

// TestRolesAgainstFake walks a channel Role through Create, Fetch, Update,
// ListPage, NextPage, its use as a default role, and Delete on the fake, and
// checks what each call sent.
func TestRolesAgainstFake(t *testing.T) {
	t.Parallel()
	srv, client := newFakeClient(t, twiliochattest.WithSeed(3), atFakeNow())
	ctx := context.Background()
	serviceSID := seedService(t, srv, "support")

	role, err := client.Roles.Create(ctx, serviceSID, &twiliochat.CreateRoleParams{
		FriendlyName: twiliochat.Ptr("moderator"),
		Type:         twiliochat.Ptr(twiliochat.RoleTypeChannel),
		Permission:   []string{"sendMessage", "removeMember"},
	})
	require.NoError(t, err)
	rolePath := "/v2/Services/" + serviceSID + "/Roles/" + role.SID
	want := twiliochat.Role{
		SID: role.SID, AccountSID: srv.AccountSID(), ServiceSID: serviceSID, FriendlyName: "moderator",
		Type: twiliochat.RoleTypeChannel, Permissions: []string{"sendMessage", "removeMember"},
		DateCreated: fakeNow, DateUpdated: fakeNow, URL: srv.URL + rolePath,
	}
	assert.Equal(t, want, *role)

	fetched, err := client.Roles.Fetch(ctx, serviceSID, role.SID)
	require.NoError(t, err)
	assert.Equal(t, want, *fetched)

	updated, err := client.Roles.Update(ctx, serviceSID, role.SID, &twiliochat.UpdateRoleParams{Permission: []string{"leaveChannel"}})
	require.NoError(t, err)
	want.Permissions = []string{"leaveChannel"}
	assert.Equal(t, want, *updated, "Update replaces every permission")

	page, err := client.Roles.ListPage(ctx, serviceSID, &twiliochat.ListRolesParams{PageSize: twiliochat.Ptr(4)})
	require.NoError(t, err)
	assert.Len(t, page.Items, 4, "the default roles come first")
	page, err = client.Roles.NextPage(ctx, page)
	require.NoError(t, err)
	assert.Equal(t, []twiliochat.Role{want}, page.Items)
	page, err = client.Roles.NextPage(ctx, page)
	require.NoError(t, err)
	assert.Nil(t, page)

	svc, err := client.Services.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{DefaultChannelRoleSID: twiliochat.Ptr(role.SID)})
	require.NoError(t, err)
	assert.Equal(t, role.SID, svc.DefaultChannelRoleSID)
	var apiErr *twiliochat.APIError
	require.ErrorAs(t, client.Roles.Delete(ctx, serviceSID, role.SID), &apiErr, "a default role cannot be deleted")
	assert.Equal(t, http.StatusBadRequest, apiErr.Status)

	_, err = client.Services.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{DefaultChannelRoleSID: twiliochat.Ptr(svc.DefaultChannelCreatorRoleSID)})
	require.NoError(t, err)
	require.NoError(t, client.Roles.Delete(ctx, serviceSID, role.SID))
	_, err = client.Roles.Fetch(ctx, serviceSID, role.SID)
	assert.True(t, twiliochat.IsNotFound(err), "Fetch after Delete: %v", err)
	assert.True(t, twiliochat.IsNotFound(client.Roles.Delete(ctx, serviceSID, role.SID)), "Delete after Delete")

	got := sentLines(srv)
	rolesPath := "/v2/Services/" + serviceSID + "/Roles"
	none := url.Values{}
	assert.Equal(t, []sentLine{
		{http.MethodPost, rolesPath, none, url.Values{"FriendlyName": {"moderator"}, "Type": {"channel"}, "Permission": {"sendMessage", "removeMember"}}},
		{http.MethodGet, rolePath, none, none},
		{http.MethodPost, rolePath, none, url.Values{"Permission": {"leaveChannel"}}},
		{http.MethodGet, rolesPath, url.Values{"PageSize": {"4"}}, none},
		{http.MethodGet, rolesPath, url.Values{"PageSize": {"4"}, "Page": {"1"}, "PageToken": {"PT4"}}, none},
		{http.MethodPost, "/v2/Services/" + serviceSID, none, url.Values{"DefaultChannelRoleSid": {role.SID}}},
		{http.MethodDelete, rolePath, none, none},
		{http.MethodPost, "/v2/Services/" + serviceSID, none, url.Values{"DefaultChannelRoleSid": {svc.DefaultChannelCreatorRoleSID}}},
		{http.MethodDelete, rolePath, none, none},
		{http.MethodGet, rolePath, none, none},
		{http.MethodDelete, rolePath, none, none},
	}, got)
}

// TestUpdateServiceRoleRulesAgainstFake checks, through the SDK, that the
// fake refuses a default role SID of another Service or of the wrong type
// with a 400 *APIError, and changes nothing.
func TestUpdateServiceRoleRulesAgainstFake(t *testing.T) {
	t.Parallel()
	srv, client := newFakeClient(t, twiliochattest.WithSeed(3), atFakeNow())
	ctx := context.Background()
	serviceSID, otherSID := seedService(t, srv, "ours"), seedService(t, srv, "other")
	ours, err := client.Services.Fetch(ctx, serviceSID)
	require.NoError(t, err)
	other, err := client.Services.Fetch(ctx, otherSID)
	require.NoError(t, err)
	deployment, err := srv.SeedRole(serviceSID, "bots", twiliochat.RoleTypeDeployment, "joinChannel")
	require.NoError(t, err)
	channel, err := srv.SeedRole(serviceSID, "helpers", twiliochat.RoleTypeChannel, "sendMessage")
	require.NoError(t, err)

	tests := []struct {
		name   string
		params *twiliochat.UpdateServiceParams
	}{
		{"channel role of another service", &twiliochat.UpdateServiceParams{DefaultChannelRoleSID: twiliochat.Ptr(other.DefaultChannelRoleSID)}},
		{"service role of another service", &twiliochat.UpdateServiceParams{DefaultServiceRoleSID: twiliochat.Ptr(other.DefaultServiceRoleSID)}},
		{"creator role of another service", &twiliochat.UpdateServiceParams{DefaultChannelCreatorRoleSID: twiliochat.Ptr(other.DefaultChannelCreatorRoleSID)}},
		{"unknown role", &twiliochat.UpdateServiceParams{DefaultChannelRoleSID: twiliochat.Ptr("RL00000000000000000000000000000000")}},
		{"deployment role as channel role", &twiliochat.UpdateServiceParams{DefaultChannelRoleSID: twiliochat.Ptr(deployment)}},
		{"deployment role as creator role", &twiliochat.UpdateServiceParams{DefaultChannelCreatorRoleSID: twiliochat.Ptr(deployment)}},
		{"channel role as service role", &twiliochat.UpdateServiceParams{DefaultServiceRoleSID: twiliochat.Ptr(channel)}},
	}
	// The subtests share one fake and the last one changes it: they run in
	// order.
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, err := client.Services.Update(ctx, serviceSID, tt.params)

			assert.Nil(t, svc)
			var apiErr *twiliochat.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, http.StatusBadRequest, apiErr.Status)
			assert.Equal(t, 20001, apiErr.Code)
			after, err := client.Services.Fetch(ctx, serviceSID)
			require.NoError(t, err)
			assert.Equal(t, ours, after, "a refused update changed the service")
		})
	}

	t.Run("roles of the right type in the service", func(t *testing.T) {
		svc, err := client.Services.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{
			DefaultServiceRoleSID: twiliochat.Ptr(deployment), DefaultChannelRoleSID: twiliochat.Ptr(channel), DefaultChannelCreatorRoleSID: twiliochat.Ptr(channel),
		})
		require.NoError(t, err)
		assert.Equal(t, [3]string{deployment, channel, channel}, [3]string{svc.DefaultServiceRoleSID, svc.DefaultChannelRoleSID, svc.DefaultChannelCreatorRoleSID})
	})
}

// TestAlreadyExistsAgainstFake checks IsAlreadyExists on the duplicates the
// fake refuses as Twilio does, each with the code its constant names, and
// on the refusals that are not duplicates.
func TestAlreadyExistsAgainstFake(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	// Each creates, in the Service sid, the resource named name.
	createUser := func(c *twiliochat.Client, sid, name string) error {
		_, err := c.Users.Create(ctx, sid, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr(name)})
		return err
	}
	createChannel := func(c *twiliochat.Client, sid, name string) error {
		_, err := c.Channels.Create(ctx, sid, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr(name)})
		return err
	}
	createMember := func(c *twiliochat.Client, sid, name string) error {
		_, err := c.Members.Create(ctx, sid, "support/emea", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr(name)})
		return err
	}
	tests := []struct {
		name     string
		create   func(c *twiliochat.Client, sid, name string) error
		value    string
		wantCode int
		exists   bool
	}{
		{"a User's identity", createUser, "alice", twiliochat.ErrCodeUserExists, true},
		{"a Channel's unique name", createChannel, "support/emea", twiliochat.ErrCodeChannelUniqueNameExists, true},
		{"a Member's identity", createMember, "alice", twiliochat.ErrCodeMemberExists, true},
		{"an identity like a User SID", createUser, "US0123456789abcdef0123456789abcdef", twiliochat.ErrCodeIdentityMatchesUserSID, false},
		{"a unique name like a Channel SID", createChannel, "CH0123456789abcdef0123456789abcdef", twiliochat.ErrCodeUniqueNameMatchesChannelSID, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, client := newFakeClient(t)
			sid := seedService(t, srv, "support")
			_, err := srv.SeedChannel(sid, "support/emea")
			require.NoError(t, err)
			_, err = srv.SeedMember(sid, "support/emea", "alice") // and the User alice
			require.NoError(t, err)

			err = tt.create(client, sid, tt.value)

			assert.Equal(t, tt.exists, twiliochat.IsAlreadyExists(err), "%v", err)
			assert.Equal(t, tt.exists, twiliochat.IsAlreadyExists(fmt.Errorf("wrapped: %w", err)))
			var apiErr *twiliochat.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.wantCode, apiErr.Code)
			if tt.exists {
				assert.Equal(t, http.StatusConflict, apiErr.Status)
			} else {
				assert.Equal(t, http.StatusBadRequest, apiErr.Status)
			}
		})
	}
}

// seedService seeds a service named name in the fake and returns its SID,
// failing t when it cannot.
func seedService(t *testing.T, srv *twiliochattest.Server, name string) string {
	t.Helper()
	sid, err := srv.SeedService(name)
	require.NoError(t, err)
	return sid
}
