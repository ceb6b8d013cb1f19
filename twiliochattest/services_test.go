package twiliochattest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCreateServiceDefaults(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	r := call(t, srv, http.MethodPost, "/v2/Services", form("FriendlyName", "support"))
	require.Equal(t, http.StatusCreated, r.Status, "body: %s", r.Body)
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	assert.Regexp(t, requestIDPattern, r.Header.Get("Twilio-Request-Id"))

	got := r.JSON(t)
	sid, _ := got["sid"].(string)
	require.Regexp(t, `^IS[0-9a-fA-F]{32}$`, sid)
	roles := rolesByName(t, srv, sid)
	require.Len(t, roles, 4)
	base := srv.URL + "/v2/Services/" + sid

	want := map[string]any{
		"sid":                              sid,
		"account_sid":                      srv.AccountSID(),
		"friendly_name":                    "support",
		"date_created":                     "2015-07-30T20:00:00Z",
		"date_updated":                     "2015-07-30T20:00:00Z",
		"default_service_role_sid":         roles["service user"]["sid"],
		"default_channel_role_sid":         roles["channel user"]["sid"],
		"default_channel_creator_role_sid": roles["channel admin"]["sid"],
		"read_status_enabled":              true,
		"reachability_enabled":             false,
		"typing_indicator_timeout":         float64(5),
		"consumption_report_interval":      float64(10),
		"limits":                           map[string]any{"channel_members": float64(250), "user_channels": float64(100)},
		"pre_webhook_url":                  nil,
		"post_webhook_url":                 nil,
		"webhook_method":                   "POST",
		"webhook_filters":                  []any{},
		"pre_webhook_retry_count":          float64(0),
		"post_webhook_retry_count":         float64(0),
		"notifications": map[string]any{
			"log_enabled":          false,
			"new_message":          map[string]any{"enabled": false, "badge_count_enabled": false},
			"added_to_channel":     map[string]any{"enabled": false},
			"invited_to_channel":   map[string]any{"enabled": false},
			"removed_from_channel": map[string]any{"enabled": false},
		},
		"media": map[string]any{"size_limit_mb": float64(150), "compatibility_message": nil},
		"url":   base,
		"links": map[string]any{
			"channels": base + "/Channels",
			"users":    base + "/Users",
			"roles":    base + "/Roles",
			"bindings": base + "/Bindings",
		},
	}
	assert.Equal(t, want, got)
	assert.Len(t, got, 23, "every key of chat.v2.service and no other")
	assert.Contains(t, string(r.Body), base+"/Channels", "URLs are written without JSON escapes")

	fetched := call(t, srv, http.MethodGet, "/v2/Services/"+sid, nil)
	require.Equal(t, http.StatusOK, fetched.Status)
	assert.Equal(t, want, fetched.JSON(t))
}

func TestSeedServiceMatchesCreate(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	created := createService(t, srv, "same")
	seeded := call(t, srv, http.MethodGet, "/v2/Services/"+seedService(t, srv, "same"), nil).JSON(t)
	for _, m := range []map[string]any{created, seeded} {
		for _, k := range []string{"sid", "url", "links", "default_service_role_sid", "default_channel_role_sid", "default_channel_creator_role_sid"} {
			delete(m, k)
		}
	}
	assert.Equal(t, created, seeded)
	assert.Len(t, srv.Requests(), 2, "SeedService is not a request")
}

func TestCreateServiceRejections(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		body        string
		contentType string
		wantInMsg   string
	}{
		{"missing FriendlyName", "", "application/x-www-form-urlencoded", "FriendlyName"},
		{"empty FriendlyName", "FriendlyName=", "application/x-www-form-urlencoded", "FriendlyName"},
		{"unknown key", "FriendlyName=a&ReadStatusEnabled=true", "application/x-www-form-urlencoded", "ReadStatusEnabled"},
		{"FriendlyName twice", "FriendlyName=a&FriendlyName=b", "application/x-www-form-urlencoded", "FriendlyName"},
		{"JSON body", `{"FriendlyName":"a"}`, "application/json", "Content-Type"},
		{"no content type", "FriendlyName=a", "", "Content-Type"},
		{"malformed form", "FriendlyName=%zz", "application/x-www-form-urlencoded", "Malformed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			req, err := http.NewRequest(http.MethodPost, srv.URL+"/v2/Services", strings.NewReader(tt.body))
			require.NoError(t, err)
			req.SetBasicAuth(srv.AccountSID(), srv.AuthToken())
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			r := readResponse(t, resp)
			msg := assertTwilioError(t, r, http.StatusBadRequest, 20001)
			assert.Contains(t, msg, tt.wantInMsg)
			assert.Empty(t, call(t, srv, http.MethodGet, "/v2/Services", nil).JSON(t)["services"])
		})
	}
}

func TestFetchAndDeleteService(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	keep := seedService(t, srv, "keep")
	gone := seedService(t, srv, "gone")
	roles := rolesByName(t, srv, gone)

	r := call(t, srv, http.MethodDelete, "/v2/Services/"+gone, nil)
	assert.Equal(t, http.StatusNoContent, r.Status)
	assert.Empty(t, r.Body)
	assert.Regexp(t, requestIDPattern, r.Header.Get("Twilio-Request-Id"))

	for _, path := range []string{
		"/v2/Services/" + gone,
		"/v2/Services/" + gone + "/Roles",
		"/v2/Services/" + gone + "/Roles/" + roles["service user"]["sid"].(string),
	} {
		msg := assertTwilioError(t, call(t, srv, http.MethodGet, path, nil), http.StatusNotFound, 20404)
		assert.Equal(t, "The requested resource "+path+" was not found", msg)
	}
	assertTwilioError(t, call(t, srv, http.MethodDelete, "/v2/Services/"+gone, nil), http.StatusNotFound, 20404)

	list := call(t, srv, http.MethodGet, "/v2/Services", nil).JSON(t)["services"].([]any)
	require.Len(t, list, 1)
	assert.Equal(t, keep, list[0].(map[string]any)["sid"])
}

func TestNotFoundAndMethodNotAllowed(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid := seedService(t, srv, "s")
	role := rolesByName(t, srv, sid)["channel user"]["sid"].(string)
	unknownIS := "IS" + strings.Repeat("0", 32)
	unknownRL := "RL" + strings.Repeat("0", 32)
	tests := []struct {
		name, method, path string
		wantStatus         int
	}{
		{"unknown path", http.MethodGet, "/v1/Widgets", http.StatusNotFound},
		{"root", http.MethodGet, "/", http.StatusNotFound},
		{"trailing slash", http.MethodGet, "/v2/Services/", http.StatusNotFound},
		{"unknown sub-resource", http.MethodGet, "/v2/Services/" + sid + "/Widgets", http.StatusNotFound},
		{"too deep", http.MethodGet, "/v2/Services/" + sid + "/Roles/" + role + "/x", http.StatusNotFound},
		{"lower-case services", http.MethodGet, "/v2/services", http.StatusNotFound},
		{"unknown service SID", http.MethodGet, "/v2/Services/" + unknownIS, http.StatusNotFound},
		{"service SID too short", http.MethodGet, "/v2/Services/IS123", http.StatusNotFound},
		{"service SID wrong prefix", http.MethodPost, "/v2/Services/RL" + strings.Repeat("a", 32), http.StatusNotFound},
		{"service SID not hex", http.MethodDelete, "/v2/Services/IS" + strings.Repeat("g", 32), http.StatusNotFound},
		{"roles of unknown service", http.MethodPost, "/v2/Services/" + unknownIS + "/Roles", http.StatusNotFound},
		{"unknown role SID", http.MethodGet, "/v2/Services/" + sid + "/Roles/" + unknownRL, http.StatusNotFound},
		{"role SID wrong pattern", http.MethodGet, "/v2/Services/" + sid + "/Roles/RLxyz", http.StatusNotFound},
		{"role of another service", http.MethodGet, "/v2/Services/" + seedService(t, srv, "other") + "/Roles/" + role, http.StatusNotFound},
		{"PUT services", http.MethodPut, "/v2/Services", http.StatusMethodNotAllowed},
		{"DELETE services", http.MethodDelete, "/v2/Services", http.StatusMethodNotAllowed},
		{"PATCH service", http.MethodPatch, "/v2/Services/" + sid, http.StatusMethodNotAllowed},
		{"DELETE roles", http.MethodDelete, "/v2/Services/" + sid + "/Roles", http.StatusMethodNotAllowed},
		{"PUT role", http.MethodPut, "/v2/Services/" + sid + "/Roles/" + role, http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := call(t, srv, tt.method, tt.path, nil)
			if tt.wantStatus == http.StatusNotFound {
				msg := assertTwilioError(t, r, http.StatusNotFound, 20404)
				assert.Equal(t, "The requested resource "+tt.path+" was not found", msg)
				return
			}
			assertTwilioError(t, r, http.StatusMethodNotAllowed, 20004)
			assert.NotEmpty(t, r.Header.Get("Allow"))
		})
	}
}
