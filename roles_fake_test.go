package twiliochat_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

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
		require.NoError(t, twiliochat.ValidateRoleSID(role.SID), name)
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
	serviceSID := srv.SeedService("support")

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
	serviceSID, otherSID := srv.SeedService("ours"), srv.SeedService("other")
	ours, err := client.Services.Fetch(ctx, serviceSID)
	require.NoError(t, err)
	other, err := client.Services.Fetch(ctx, otherSID)
	require.NoError(t, err)
	deployment, err := srv.SeedRole(serviceSID, "bots", "deployment", "joinChannel")
	require.NoError(t, err)
	channel, err := srv.SeedRole(serviceSID, "helpers", "channel", "sendMessage")
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
