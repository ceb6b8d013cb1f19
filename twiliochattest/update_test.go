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

// at walks a decoded JSON object along a dotted path.
func at(t *testing.T, m map[string]any, path string) any {
	t.Helper()
	var v any = m
	for _, k := range strings.Split(path, ".") {
		obj, ok := v.(map[string]any)
		require.True(t, ok, "%s: %v is not an object", path, v)
		v, ok = obj[k]
		require.True(t, ok, "%s: no key %q in %v", path, k, obj)
	}
	return v
}

func TestUpdateServiceMerges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		form url.Values
		want map[string]any // JSON path -> value
	}{
		{"FriendlyName", form("FriendlyName", "renamed"), map[string]any{"friendly_name": "renamed"}},
		{"booleans", form("ReadStatusEnabled", "false", "ReachabilityEnabled", "true"),
			map[string]any{"read_status_enabled": false, "reachability_enabled": true}},
		{"integers", form("TypingIndicatorTimeout", "100", "ConsumptionReportInterval", "0", "PreWebhookRetryCount", "2", "PostWebhookRetryCount", "3"),
			map[string]any{"typing_indicator_timeout": float64(100), "consumption_report_interval": float64(0), "pre_webhook_retry_count": float64(2), "post_webhook_retry_count": float64(3)}},
		{"Limits.ChannelMembers only", form("Limits.ChannelMembers", "600"),
			map[string]any{"limits.channel_members": float64(600), "limits.user_channels": float64(100)}},
		{"Limits.UserChannels only", form("Limits.UserChannels", "1000"),
			map[string]any{"limits.channel_members": float64(250), "limits.user_channels": float64(1000)}},
		{"Media.CompatibilityMessage", form("Media.CompatibilityMessage", "new media compatibility message"),
			map[string]any{"media.compatibility_message": "new media compatibility message", "media.size_limit_mb": float64(150)}},
		{"Notifications.LogEnabled", form("Notifications.LogEnabled", "true"),
			map[string]any{"notifications.log_enabled": true, "notifications.new_message.enabled": false}},
		{"Notifications.NewMessage", form("Notifications.NewMessage.Enabled", "true", "Notifications.NewMessage.Template", "${USER}: ${MESSAGE}", "Notifications.NewMessage.Sound", "ding", "Notifications.NewMessage.BadgeCountEnabled", "true"),
			map[string]any{"notifications.new_message": map[string]any{"enabled": true, "template": "${USER}: ${MESSAGE}", "sound": "ding", "badge_count_enabled": true},
				"notifications.added_to_channel": map[string]any{"enabled": false}}},
		{"Notifications.AddedToChannel", form("Notifications.AddedToChannel.Enabled", "true", "Notifications.AddedToChannel.Template", "added", "Notifications.AddedToChannel.Sound", "a.wav"),
			map[string]any{"notifications.added_to_channel": map[string]any{"enabled": true, "template": "added", "sound": "a.wav"}}},
		{"Notifications.RemovedFromChannel", form("Notifications.RemovedFromChannel.Enabled", "true", "Notifications.RemovedFromChannel.Template", "removed", "Notifications.RemovedFromChannel.Sound", "r.wav"),
			map[string]any{"notifications.removed_from_channel": map[string]any{"enabled": true, "template": "removed", "sound": "r.wav"}}},
		{"Notifications.InvitedToChannel", form("Notifications.InvitedToChannel.Enabled", "true", "Notifications.InvitedToChannel.Template", "", "Notifications.InvitedToChannel.Sound", "i.wav"),
			map[string]any{"notifications.invited_to_channel": map[string]any{"enabled": true, "template": "", "sound": "i.wav"}}},
		{"one notification key leaves its siblings", form("Notifications.NewMessage.Sound", "ding"),
			map[string]any{"notifications.new_message": map[string]any{"enabled": false, "sound": "ding", "badge_count_enabled": false}}},
		{"webhooks", form("PreWebhookUrl", "https://example.com/pre?a=1&b=2", "PostWebhookUrl", "http://example.com/post", "WebhookMethod", "GET"),
			map[string]any{"pre_webhook_url": "https://example.com/pre?a=1&b=2", "post_webhook_url": "http://example.com/post", "webhook_method": "GET"}},
		{"empty webhook URL clears to null", form("PreWebhookUrl", ""), map[string]any{"pre_webhook_url": nil}},
		{"WebhookFilters repeated keys", form("WebhookFilters", "onMessageSent", "WebhookFilters", "onChannelAdded"),
			map[string]any{"webhook_filters": []any{"onMessageSent", "onChannelAdded"}}},
		{"empty WebhookFilters clears", form("WebhookFilters", ""), map[string]any{"webhook_filters": []any{}}},
		{"no keys changes nothing", url.Values{}, map[string]any{"friendly_name": "original", "typing_indicator_timeout": float64(5)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			sid := seedService(t, srv, "original")
			before := call(t, srv, http.MethodGet, "/v2/Services/"+sid, nil).JSON(t)
			// Set the URL first so the clearing case has something to clear.
			require.Equal(t, http.StatusOK, call(t, srv, http.MethodPost, "/v2/Services/"+sid, form("PreWebhookUrl", "https://example.com/x", "WebhookFilters", "x")).Status)

			r := call(t, srv, http.MethodPost, "/v2/Services/"+sid, tt.form)
			require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
			got := r.JSON(t)
			for path, want := range tt.want {
				assert.Equal(t, want, at(t, got, path), path)
			}
			for _, untouched := range []string{"sid", "account_sid", "date_created", "url", "links", "default_service_role_sid", "media.size_limit_mb"} {
				assert.Equal(t, at(t, before, untouched), at(t, got, untouched), untouched)
			}
			assert.Equal(t, got, call(t, srv, http.MethodGet, "/v2/Services/"+sid, nil).JSON(t), "fetch sees the update")
		})
	}
}

func TestUpdateServiceBumpsDateUpdated(t *testing.T) {
	t.Parallel()
	srv, clock := newServerWithClock(t)
	sid := seedService(t, srv, "s")
	clock.Advance(90*time.Minute + 500*time.Millisecond)
	got := call(t, srv, http.MethodPost, "/v2/Services/"+sid, form("FriendlyName", "t")).JSON(t)
	assert.Equal(t, "2015-07-30T20:00:00Z", got["date_created"])
	assert.Equal(t, "2015-07-30T21:30:00Z", got["date_updated"])
}

func TestUpdateServiceDefaultRoles(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid := seedService(t, srv, "s")
	other := seedService(t, srv, "other")
	mine := rolesByName(t, srv, sid)
	theirs := rolesByName(t, srv, other)
	deployment, err := srv.SeedRole(sid, "moderator", twiliochat.RoleTypeDeployment, "joinChannel")
	require.NoError(t, err)
	channel, err := srv.SeedRole(sid, "speaker", twiliochat.RoleTypeChannel, "sendMessage")
	require.NoError(t, err)

	t.Run("accepted", func(t *testing.T) {
		r := call(t, srv, http.MethodPost, "/v2/Services/"+sid, form(
			"DefaultServiceRoleSid", deployment,
			"DefaultChannelRoleSid", channel,
			"DefaultChannelCreatorRoleSid", mine["channel user"]["sid"].(string)))
		require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
		got := r.JSON(t)
		assert.Equal(t, deployment, got["default_service_role_sid"])
		assert.Equal(t, channel, got["default_channel_role_sid"])
		assert.Equal(t, mine["channel user"]["sid"], got["default_channel_creator_role_sid"])
	})

	unknown := "RL" + strings.Repeat("a", 32)
	tests := []struct{ name, key, value string }{
		{"service role of another service", "DefaultServiceRoleSid", theirs["service user"]["sid"].(string)},
		{"unknown service role", "DefaultServiceRoleSid", unknown},
		{"channel role as service role", "DefaultServiceRoleSid", channel},
		{"deployment role as channel role", "DefaultChannelRoleSid", mine["service admin"]["sid"].(string)},
		{"deployment role as creator role", "DefaultChannelCreatorRoleSid", deployment},
		{"unknown channel role", "DefaultChannelRoleSid", unknown},
		{"malformed service role", "DefaultServiceRoleSid", "RL123"},
		{"wrong prefix", "DefaultChannelRoleSid", "IS" + strings.Repeat("a", 32)},
		{"malformed creator role", "DefaultChannelCreatorRoleSid", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertRejected(t, srv, http.MethodPost, "/v2/Services/"+sid, form(tt.key, tt.value), tt.key, "/v2/Services/"+sid)
		})
	}
}

func TestUpdateServiceRejections(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, key string
		form      url.Values
	}{
		{"unknown key", "Limits.Foo", form("FriendlyName", "x", "Limits.Foo", "1")},
		{"wrong case key", "friendlyName", form("friendlyName", "x")},
		{"SDK-style nested key", "Notifications.NewMessage", form("Notifications.NewMessage", "x")},
		{"boolean True", "ReadStatusEnabled", form("ReadStatusEnabled", "True")},
		{"boolean 1", "ReachabilityEnabled", form("ReachabilityEnabled", "1")},
		{"boolean empty", "Notifications.LogEnabled", form("Notifications.LogEnabled", "")},
		{"nested boolean", "Notifications.NewMessage.BadgeCountEnabled", form("Notifications.NewMessage.BadgeCountEnabled", "yes")},
		{"integer not a number", "TypingIndicatorTimeout", form("TypingIndicatorTimeout", "five")},
		{"integer float", "ConsumptionReportInterval", form("ConsumptionReportInterval", "1.5")},
		{"integer negative", "PreWebhookRetryCount", form("PreWebhookRetryCount", "-1")},
		{"integer empty", "PostWebhookRetryCount", form("PostWebhookRetryCount", "")},
		{"limit above 1000", "Limits.ChannelMembers", form("Limits.ChannelMembers", "1001")},
		{"user channels above 1000", "Limits.UserChannels", form("Limits.UserChannels", "5000")},
		{"limit negative", "Limits.UserChannels", form("Limits.UserChannels", "-5")},
		{"webhook method lower case", "WebhookMethod", form("WebhookMethod", "post")},
		{"webhook method PUT", "WebhookMethod", form("WebhookMethod", "PUT")},
		{"webhook method placeholder", "WebhookMethod", form("WebhookMethod", "webhook_method")},
		{"pre webhook relative", "PreWebhookUrl", form("PreWebhookUrl", "pre_webhook_url")},
		{"post webhook ftp", "PostWebhookUrl", form("PostWebhookUrl", "ftp://example.com/hook")},
		{"webhook no host", "PostWebhookUrl", form("PostWebhookUrl", "https:///path")},
		{"scalar key twice", "FriendlyName", form("FriendlyName", "a", "FriendlyName", "b")},
		{"valid keys do not apply when one is bad", "TypingIndicatorTimeout", form("FriendlyName", "changed", "TypingIndicatorTimeout", "x")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			sid := seedService(t, srv, "original")
			assertRejected(t, srv, http.MethodPost, "/v2/Services/"+sid, tt.form, tt.key, "/v2/Services/"+sid)
		})
	}
}

func TestUpdateServiceAcceptsAllSpecKeys(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid := seedService(t, srv, "s")
	roles := rolesByName(t, srv, sid)
	// The 31 form keys of UpdateServiceRequest, each with a valid value.
	f := form(
		"FriendlyName", "friendly_name",
		"DefaultServiceRoleSid", roles["service admin"]["sid"].(string),
		"DefaultChannelRoleSid", roles["channel admin"]["sid"].(string),
		"DefaultChannelCreatorRoleSid", roles["channel user"]["sid"].(string),
		"ReadStatusEnabled", "false",
		"ReachabilityEnabled", "true",
		"TypingIndicatorTimeout", "100",
		"ConsumptionReportInterval", "100",
		"Notifications.NewMessage.Enabled", "true",
		"Notifications.NewMessage.Template", "nm.t",
		"Notifications.NewMessage.Sound", "nm.s",
		"Notifications.NewMessage.BadgeCountEnabled", "true",
		"Notifications.AddedToChannel.Enabled", "true",
		"Notifications.AddedToChannel.Template", "a.t",
		"Notifications.AddedToChannel.Sound", "a.s",
		"Notifications.RemovedFromChannel.Enabled", "true",
		"Notifications.RemovedFromChannel.Template", "r.t",
		"Notifications.RemovedFromChannel.Sound", "r.s",
		"Notifications.InvitedToChannel.Enabled", "true",
		"Notifications.InvitedToChannel.Template", "i.t",
		"Notifications.InvitedToChannel.Sound", "i.s",
		"PreWebhookUrl", "https://example.com/pre",
		"PostWebhookUrl", "https://example.com/post",
		"WebhookMethod", "GET",
		"WebhookFilters", "onMessageSent",
		"Limits.ChannelMembers", "600",
		"Limits.UserChannels", "500",
		"Media.CompatibilityMessage", "cm",
		"PreWebhookRetryCount", "2",
		"PostWebhookRetryCount", "3",
		"Notifications.LogEnabled", "true",
	)
	require.Len(t, f, 31)
	r := call(t, srv, http.MethodPost, "/v2/Services/"+sid, f)
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	got := r.JSON(t)
	assert.Equal(t, map[string]any{
		"log_enabled":          true,
		"new_message":          map[string]any{"enabled": true, "template": "nm.t", "sound": "nm.s", "badge_count_enabled": true},
		"added_to_channel":     map[string]any{"enabled": true, "template": "a.t", "sound": "a.s"},
		"removed_from_channel": map[string]any{"enabled": true, "template": "r.t", "sound": "r.s"},
		"invited_to_channel":   map[string]any{"enabled": true, "template": "i.t", "sound": "i.s"},
	}, got["notifications"])
	assert.Equal(t, map[string]any{"channel_members": float64(600), "user_channels": float64(500)}, got["limits"])
	assert.Equal(t, map[string]any{"size_limit_mb": float64(150), "compatibility_message": "cm"}, got["media"])
	assert.Equal(t, roles["service admin"]["sid"], got["default_service_role_sid"])
	assert.Equal(t, "friendly_name", got["friendly_name"])
	assert.Equal(t, []any{"onMessageSent"}, got["webhook_filters"])
	assert.Equal(t, float64(3), got["post_webhook_retry_count"])
}
