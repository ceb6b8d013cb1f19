package twiliochattest_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
)

func TestDefaultRoles(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	svc := createService(t, srv, "s")
	sid := svc["sid"].(string)
	roles := rolesByName(t, srv, sid)

	want := map[string]struct {
		roleType    string
		permissions []any
	}{
		"service admin": {"deployment", []any{"addMember", "createChannel", "deleteAnyMessage", "destroyChannel", "editAnyMessage", "editAnyMessageAttributes", "editAnyUserInfo", "editChannelAttributes", "editChannelName", "inviteMember", "joinChannel", "removeMember"}},
		"service user":  {"deployment", []any{"createChannel", "editOwnUserInfo", "joinChannel"}},
		"channel admin": {"channel", []any{"addMember", "deleteAnyMessage", "destroyChannel"}},
		"channel user":  {"channel", []any{"sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"}},
	}
	require.Len(t, roles, len(want))
	for name, w := range want {
		r := roles[name]
		require.NotNil(t, r, name)
		roleSID := r["sid"].(string)
		assert.Regexp(t, `^RL[0-9a-fA-F]{32}$`, roleSID)
		assert.Equal(t, map[string]any{
			"sid":           roleSID,
			"account_sid":   srv.AccountSID(),
			"service_sid":   sid,
			"friendly_name": name,
			"type":          w.roleType,
			"permissions":   w.permissions,
			"date_created":  "2015-07-30T20:00:00Z",
			"date_updated":  "2015-07-30T20:00:00Z",
			"url":           srv.URL + "/v2/Services/" + sid + "/Roles/" + roleSID,
		}, r, name)
	}
	assert.Equal(t, roles["service user"]["sid"], svc["default_service_role_sid"])
	assert.Equal(t, roles["channel user"]["sid"], svc["default_channel_role_sid"])
	assert.Equal(t, roles["channel admin"]["sid"], svc["default_channel_creator_role_sid"])
}

func TestRoleLifecycle(t *testing.T) {
	t.Parallel()
	srv, clock := newServerWithClock(t)
	sid := seedService(t, srv, "s")
	rolesURL := "/v2/Services/" + sid + "/Roles"

	created := call(t, srv, http.MethodPost, rolesURL, form("FriendlyName", "moderator", "Type", "channel", "Permission", "sendMessage", "Permission", "removeMember"))
	require.Equal(t, http.StatusCreated, created.Status, "body: %s", created.Body)
	role := created.JSON(t)
	roleSID := role["sid"].(string)
	assert.Equal(t, map[string]any{
		"sid":           roleSID,
		"account_sid":   srv.AccountSID(),
		"service_sid":   sid,
		"friendly_name": "moderator",
		"type":          "channel",
		"permissions":   []any{"sendMessage", "removeMember"},
		"date_created":  "2015-07-30T20:00:00Z",
		"date_updated":  "2015-07-30T20:00:00Z",
		"url":           srv.URL + rolesURL + "/" + roleSID,
	}, role)

	fetched := call(t, srv, http.MethodGet, rolesURL+"/"+roleSID, nil)
	require.Equal(t, http.StatusOK, fetched.Status)
	assert.Equal(t, role, fetched.JSON(t))

	clock.Advance(time.Hour)
	updated := call(t, srv, http.MethodPost, rolesURL+"/"+roleSID, form("Permission", "leaveChannel"))
	require.Equal(t, http.StatusOK, updated.Status, "body: %s", updated.Body)
	u := updated.JSON(t)
	assert.Equal(t, []any{"leaveChannel"}, u["permissions"], "Update replaces all permissions")
	assert.Equal(t, "2015-07-30T21:00:00Z", u["date_updated"])
	assert.Equal(t, "2015-07-30T20:00:00Z", u["date_created"])
	assert.Equal(t, "moderator", u["friendly_name"])

	list := call(t, srv, http.MethodGet, rolesURL, nil).JSON(t)
	roles := list["roles"].([]any)
	require.Len(t, roles, 5)
	assert.Equal(t, u, roles[4], "roles list in creation order")

	deleted := call(t, srv, http.MethodDelete, rolesURL+"/"+roleSID, nil)
	assert.Equal(t, http.StatusNoContent, deleted.Status)
	assert.Empty(t, deleted.Body)
	assertTwilioError(t, call(t, srv, http.MethodGet, rolesURL+"/"+roleSID, nil), http.StatusNotFound, 20404)
	assertTwilioError(t, call(t, srv, http.MethodDelete, rolesURL+"/"+roleSID, nil), http.StatusNotFound, 20404)
}

func TestRoleRejections(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid := seedService(t, srv, "s")
	rolesURL := "/v2/Services/" + sid + "/Roles"
	roles := rolesByName(t, srv, sid)
	userRole := rolesURL + "/" + roles["channel user"]["sid"].(string)

	tests := []struct {
		name, path, wantInMsg string
		form                  url.Values
	}{
		{"create without FriendlyName", rolesURL, "FriendlyName", form("Type", "channel", "Permission", "sendMessage")},
		{"create with 65-character FriendlyName", rolesURL, "FriendlyName", form("FriendlyName", strings.Repeat("x", 65), "Type", "channel", "Permission", "sendMessage")},
		{"create without Type", rolesURL, "Type", form("FriendlyName", "r", "Permission", "sendMessage")},
		{"create with bad Type", rolesURL, "Type", form("FriendlyName", "r", "Type", "service", "Permission", "sendMessage")},
		{"create without Permission", rolesURL, "Permission", form("FriendlyName", "r", "Type", "channel")},
		{"create with empty Permission", rolesURL, "Permission", form("FriendlyName", "r", "Type", "channel", "Permission", "")},
		{"create with unknown key", rolesURL, "Permissions", form("FriendlyName", "r", "Type", "channel", "Permissions", "sendMessage")},
		{"create with Type twice", rolesURL, "Type", form("FriendlyName", "r", "Type", "channel", "Type", "deployment", "Permission", "sendMessage")},
		{"update without Permission", userRole, "Permission", url.Values{}},
		{"update with unknown key", userRole, "FriendlyName", form("FriendlyName", "x", "Permission", "sendMessage")},
		{"delete default service role", rolesURL + "/" + roles["service user"]["sid"].(string), "default", nil},
		{"delete default channel role", userRole, "default", nil},
		{"delete default creator role", rolesURL + "/" + roles["channel admin"]["sid"].(string), "default", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := http.MethodPost
			if tt.form == nil {
				method = http.MethodDelete
			}
			assertRejected(t, srv, method, tt.path, tt.form, tt.wantInMsg, rolesURL)
		})
	}

	t.Run("64-character FriendlyName is fine", func(t *testing.T) {
		r := call(t, srv, http.MethodPost, rolesURL, form("FriendlyName", strings.Repeat("é", 64), "Type", "deployment", "Permission", "joinChannel"))
		assert.Equal(t, http.StatusCreated, r.Status, "body: %s", r.Body)
	})
}

func TestSeedRole(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid := seedService(t, srv, "s")
	roleSID, err := srv.SeedRole(sid, "bot", twiliochat.RoleTypeDeployment, "joinChannel", "createChannel")
	require.NoError(t, err)
	got := call(t, srv, http.MethodGet, "/v2/Services/"+sid+"/Roles/"+roleSID, nil).JSON(t)
	assert.Equal(t, "bot", got["friendly_name"])
	assert.Equal(t, "deployment", got["type"])
	assert.Equal(t, []any{"joinChannel", "createChannel"}, got["permissions"])

	_, err = srv.SeedRole("IS"+strings.Repeat("0", 32), "bot", twiliochat.RoleTypeDeployment, "joinChannel")
	assert.ErrorContains(t, err, "not found")
	_, err = srv.SeedRole(sid, "bot", "admin", "joinChannel")
	assert.ErrorContains(t, err, "Type")
	_, err = srv.SeedRole(sid, "bot", twiliochat.RoleTypeChannel)
	assert.ErrorContains(t, err, "Permission")
}
