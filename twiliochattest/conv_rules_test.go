package twiliochattest_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat/twiliochattest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rules of the fake's Conversations resources that the lifecycle tests
// do not reach: the parts of an ISO 8601 timer, message order and edits,
// messaging bindings, participant updates, Credentials' type and the
// filters of Participant Conversations.

// rolesByType lists the Roles at path and returns a role's SID by its type,
// "conversation" or "service", checked to have one of each.
func rolesByType(t *testing.T, srv *twiliochattest.Server, path string) map[string]string {
	t.Helper()
	roles := map[string]string{}
	for _, r := range call(t, srv, http.MethodGet, path, nil).JSON(t)["roles"].([]any) {
		role := r.(map[string]any)
		roles[role["type"].(string)] = role["sid"].(string)
	}
	require.Len(t, roles, 2, "a conversation and a service role")
	return roles
}

func TestConversationTimerDurations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		timer string
		want  time.Duration // 0: refused
	}{
		{"P1W", 7 * 24 * time.Hour},
		{"P2W", 14 * 24 * time.Hour},
		{"P1DT12H", 36 * time.Hour},
		{"PT90M", 90 * time.Minute},
		{"PT4611686018S", 4611686018 * time.Second}, // the longest it takes: 2^62 ns in whole seconds
		{"PT4611686019S", 0},
		{"P1Y", 0}, // years and months have no fixed length
	}
	for _, tt := range tests {
		t.Run(tt.timer, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			r := call(t, srv, http.MethodPost, "/v1/Conversations", form("Timers.Closed", tt.timer))
			if tt.want == 0 {
				assertTwilioError(t, r, http.StatusBadRequest, 20001)
				return
			}
			require.Equal(t, http.StatusCreated, r.Status, "body: %s", r.Body)
			timers := r.JSON(t)["timers"].(map[string]any)
			assert.Equal(t, t0.Add(tt.want).Format(time.RFC3339), timers["date_closed"])
		})
	}
}

func TestConversationMessageEditAndOrder(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	ch := call(t, srv, http.MethodPost, "/v1/Conversations", nil).JSON(t)["sid"].(string)
	base := "/v1/Conversations/" + ch + "/Messages"
	first := call(t, srv, http.MethodPost, base, form("Author", "alice", "Body", "one")).JSON(t)["sid"].(string)
	call(t, srv, http.MethodPost, base, form("Author", "bob", "Body", "two"))

	r := call(t, srv, http.MethodPost, base+"/"+first, form("Body", "edited", "Subject", "re: one"))
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	edited := r.JSON(t)
	assert.Equal(t, ch, edited["conversation_sid"], "a Conversations message, not Chat's")
	assert.Equal(t, "alice", edited["author"])
	assert.Equal(t, "edited", edited["body"])

	for order, want := range map[string][]any{"": {"edited", "two"}, "asc": {"edited", "two"}, "desc": {"two", "edited"}} {
		q := url.Values{}
		if order != "" {
			q.Set("Order", order)
		}
		var bodies []any
		for _, m := range call(t, srv, http.MethodGet, base+"?"+q.Encode(), nil).JSON(t)["messages"].([]any) {
			bodies = append(bodies, m.(map[string]any)["body"])
		}
		assert.Equal(t, want, bodies, "Order %q", order)
	}
}

func TestParticipantBindingsAndUpdates(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	ch := call(t, srv, http.MethodPost, "/v1/Conversations", nil).JSON(t)["sid"].(string)
	base := "/v1/Conversations/" + ch + "/Participants"
	add := func(kv ...string) response { return call(t, srv, http.MethodPost, base, form(kv...)) }

	wa := add("MessagingBinding.Address", "whatsapp:+15551230000", "MessagingBinding.ProxyAddress", "whatsapp:+15005550006")
	require.Equal(t, http.StatusCreated, wa.Status, "body: %s", wa.Body)
	assert.Equal(t, "whatsapp", wa.JSON(t)["messaging_binding"].(map[string]any)["type"])
	sms := add("MessagingBinding.Address", "+15551230000", "MessagingBinding.ProxyAddress", "+15005550006")
	require.Equal(t, http.StatusCreated, sms.Status, "body: %s", sms.Body)
	assert.Equal(t, "sms", sms.JSON(t)["messaging_binding"].(map[string]any)["type"])
	other := add("MessagingBinding.Address", "+15551230000", "MessagingBinding.ProxyAddress", "+15005550007")
	assert.Equal(t, http.StatusCreated, other.Status, "the same address through another proxy address: %s", other.Body)
	assertTwilioError(t, add("MessagingBinding.Address", "+15551230000", "MessagingBinding.ProxyAddress", "+15005550006"), http.StatusConflict, 50416)

	alice := add("Identity", "alice").JSON(t)["sid"].(string)
	roles := rolesByType(t, srv, "/v1/Roles")
	update := func(kv ...string) response { return call(t, srv, http.MethodPost, base+"/"+alice, form(kv...)) }
	r := update("Identity", "alice")
	assert.Equal(t, http.StatusOK, r.Status, "her own identity again: %s", r.Body)
	assert.Contains(t, assertTwilioError(t, update("RoleSid", roles["service"]), http.StatusBadRequest, 20001), "RoleSid")
	r = update("RoleSid", roles["conversation"])
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	assert.Equal(t, roles["conversation"], r.JSON(t)["role_sid"])
}

func TestConversationsCredentialTypeCannotChange(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	cr := call(t, srv, http.MethodPost, "/v1/Credentials", form("Type", "fcm", "Secret", "fcm-server-key")).JSON(t)["sid"].(string)
	r := call(t, srv, http.MethodPost, "/v1/Credentials/"+cr, form("Type", "fcm", "FriendlyName", "android"))
	require.Equal(t, http.StatusOK, r.Status, "the same type: %s", r.Body)
	assert.Equal(t, "android", r.JSON(t)["friendly_name"])
	assert.Contains(t, assertTwilioError(t, call(t, srv, http.MethodPost, "/v1/Credentials/"+cr, form("Type", "apn")), http.StatusBadRequest, 20001), "Type")
}

func TestParticipantAndUserConversations(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	user := call(t, srv, http.MethodPost, "/v1/Users", form("Identity", "alice")).JSON(t)["sid"].(string)
	ch := call(t, srv, http.MethodPost, "/v1/Conversations", nil).JSON(t)["sid"].(string)
	base := "/v1/Conversations/" + ch + "/Participants"
	alice := call(t, srv, http.MethodPost, base, form("Identity", "alice")).JSON(t)["sid"].(string)
	sms := call(t, srv, http.MethodPost, base, form("MessagingBinding.Address", "+15551230000", "MessagingBinding.ProxyAddress", "+15005550006")).JSON(t)["sid"].(string)

	tests := []struct {
		name    string
		query   url.Values
		want    []string
		userSID []any
	}{
		{"by identity", url.Values{"Identity": {"alice"}}, []string{alice}, []any{user}},
		{"by address", url.Values{"Address": {"+15551230000"}}, []string{sms}, []any{nil}},
		{"by both", url.Values{"Identity": {"alice"}, "Address": {"+15551230000"}}, nil, nil},
		{"by an unknown identity", url.Values{"Identity": {"bob"}}, nil, nil},
	}
	for _, tt := range tests {
		r := call(t, srv, http.MethodGet, "/v1/ParticipantConversations?"+tt.query.Encode(), nil)
		require.Equal(t, http.StatusOK, r.Status, "%s: %s", tt.name, r.Body)
		var got []string
		var users []any
		for _, pc := range r.JSON(t)["conversations"].([]any) {
			got = append(got, pc.(map[string]any)["participant_sid"].(string))
			users = append(users, pc.(map[string]any)["participant_user_sid"])
		}
		assert.Equal(t, tt.want, got, tt.name)
		assert.Equal(t, tt.userSID, users, tt.name)
	}
	assert.Contains(t, assertTwilioError(t, call(t, srv, http.MethodGet, "/v1/ParticipantConversations", nil), http.StatusBadRequest, 20001), "Identity")

	r := call(t, srv, http.MethodPost, "/v1/Users/alice/Conversations/"+ch, form("NotificationLevel", "muted"))
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	uc := r.JSON(t)
	assert.Equal(t, ch, uc["conversation_sid"], "a User Conversation, not Chat's User Channel")
	assert.Equal(t, user, uc["user_sid"])
	assert.Equal(t, "muted", uc["notification_level"])
}

func TestConversationsUserRoleAndMediaNotification(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	svc := seedService(t, srv, "support")
	roles := rolesByType(t, srv, "/v1/Services/"+svc+"/Roles")
	users := "/v1/Services/" + svc + "/Users"
	assert.Contains(t, assertTwilioError(t, call(t, srv, http.MethodPost, users, form("Identity", "alice", "RoleSid", roles["conversation"])),
		http.StatusBadRequest, 20001), "is a conversation role, want a service role", "a User takes a service role, in Conversations' words")
	r := call(t, srv, http.MethodPost, users, form("Identity", "alice", "RoleSid", roles["service"]))
	require.Equal(t, http.StatusCreated, r.Status, "body: %s", r.Body)
	assert.Equal(t, roles["service"], r.JSON(t)["role_sid"])

	notifications := "/v1/Services/" + svc + "/Configuration/Notifications"
	r = call(t, srv, http.MethodPost, notifications, form("NewMessage.WithMedia.Enabled", "true", "NewMessage.WithMedia.Template", "${PARTICIPANT} sent a file"))
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	media := r.JSON(t)["new_message"].(map[string]any)["with_media"].(map[string]any)
	assert.Equal(t, true, media["enabled"])
	assert.Equal(t, "${PARTICIPANT} sent a file", media["template"])
	r = call(t, srv, http.MethodPost, notifications, form("NewMessage.WithMedia.Enabled", "false"))
	media = r.JSON(t)["new_message"].(map[string]any)["with_media"].(map[string]any)
	assert.Equal(t, false, media["enabled"])
	assert.Equal(t, "${PARTICIPANT} sent a file", media["template"], "kept when not sent")
}

func TestAddressConfigurationAutoCreation(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	const flow = "FW0123456789abcdef0123456789abcdef"
	r := call(t, srv, http.MethodPost, "/v1/Configuration/Addresses", form("Type", "sms", "Address", "+15005550006",
		"AutoCreation.Enabled", "true", "AutoCreation.Type", "webhook", "AutoCreation.WebhookUrl", "https://example.com/hook",
		"AutoCreation.WebhookMethod", "get", "AutoCreation.StudioFlowSid", flow))
	require.Equal(t, http.StatusCreated, r.Status, "body: %s", r.Body)
	sid := r.JSON(t)["sid"].(string)
	auto := call(t, srv, http.MethodGet, "/v1/Configuration/Addresses/"+sid, nil).JSON(t)["auto_creation"].(map[string]any)
	assert.Equal(t, "get", auto["webhook_method"])
	assert.Equal(t, flow, auto["studio_flow_sid"])
	assert.Equal(t, "https://example.com/hook", auto["webhook_url"])
}
