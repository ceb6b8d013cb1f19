package twiliochattest_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// convClient sends Conversations operations by operationId and records
// which it sent, so that a test can show it covered the spec.
type convClient struct {
	t    *testing.T
	srv  *twiliochattest.Server
	sent map[string]bool
	// service is the ChatServiceSid of a scoped run, "" for the default
	// Service's operations.
	service string
}

// id is the operation name of the default Service, or its twin on a named
// Service in a scoped run (ListConversation, ListServiceConversation).
func (cc *convClient) id(name string) string {
	if cc.service == "" {
		return name
	}
	for _, verb := range []string{"List", "Create", "Fetch", "Update", "Delete"} {
		if rest, ok := strings.CutPrefix(name, verb); ok {
			return verb + "Service" + rest
		}
	}
	panic(name)
}

// path is the path of the operation id with values, and the run's Service.
func (cc *convClient) path(id string, values ...string) string {
	op := convspec.Lookup(id)
	vals := map[string]string{"ChatServiceSid": cc.service}
	for i := 0; i+1 < len(values); i += 2 {
		vals[values[i]] = values[i+1]
	}
	var b strings.Builder
	b.WriteString(op.Parts[0])
	for i, p := range op.Params {
		b.WriteString(url.PathEscape(vals[p.Name]) + op.Parts[i+1])
	}
	return b.String()
}

// do sends the operation name (of this run's Service) with path values
// values and form (a POST's body, a GET's query), checks the status and
// returns the answer.
func (cc *convClient) do(status int, name string, f url.Values, values ...string) response {
	cc.t.Helper()
	id := cc.id(name)
	if strings.HasPrefix(name, "!") {
		id = name[1:]
	}
	op := convspec.Lookup(id)
	cc.sent[id] = true
	path := cc.path(id, values...)
	var r response
	if op.Method == http.MethodPost {
		r = call(cc.t, cc.srv, op.Method, path, f)
	} else {
		if len(f) > 0 {
			path += "?" + f.Encode()
		}
		r = call(cc.t, cc.srv, op.Method, path, nil)
	}
	require.Equal(cc.t, status, r.Status, "%s %s: %s", op.Method, path, r.Body)
	return r
}

// json is do for an answer with a body, decoded.
func (cc *convClient) json(status int, name string, f url.Values, values ...string) map[string]any {
	cc.t.Helper()
	return cc.do(status, name, f, values...).JSON(cc.t)
}

// TestConversationsOperations sends every one of the 103 Conversations
// operations, on the default Service and on a named one, and checks each
// answer's fields.
func TestConversationsOperations(t *testing.T) {
	t.Parallel()
	srv, clock := newServerWithClock(t)
	sent := map[string]bool{}
	account := &convClient{t: t, srv: srv, sent: sent}
	v1 := srv.URL + "/v1"

	cfg := account.json(http.StatusOK, "FetchConfiguration", nil)
	defaultService := cfg["default_chat_service_sid"].(string)
	assert.Regexp(t, `^IS[0-9a-f]{32}$`, defaultService)
	assert.Regexp(t, `^MG[0-9a-f]{32}$`, cfg["default_messaging_service_sid"])
	assert.Equal(t, srv.AccountSID(), cfg["account_sid"])
	assert.Nil(t, cfg["default_inactive_timer"])
	assert.Nil(t, cfg["default_closed_timer"])
	assert.Equal(t, v1+"/Configuration", cfg["url"])
	assert.Equal(t, map[string]any{"service": v1 + "/Services/" + defaultService + "/Configuration", "webhooks": v1 + "/Configuration/Webhooks"}, cfg["links"])

	named := account.json(http.StatusCreated, "CreateService", form("FriendlyName", "named"))
	namedSID := named["sid"].(string)
	assert.Equal(t, "named", named["friendly_name"])
	assert.Equal(t, v1+"/Services/"+namedSID, named["url"])
	assert.Equal(t, v1+"/Services/"+namedSID+"/Conversations", named["links"].(map[string]any)["conversations"])
	assert.Equal(t, "2015-07-30T20:00:00Z", named["date_created"])
	assert.Equal(t, named, account.json(http.StatusOK, "FetchService", nil, "Sid", namedSID))
	services := account.json(http.StatusOK, "ListService", nil)["services"].([]any)
	require.Len(t, services, 2)
	assert.Equal(t, "Default Conversations Service", services[0].(map[string]any)["friendly_name"])
	v2 := call(t, srv, http.MethodGet, "/v2/Services/"+namedSID, nil)
	assert.Equal(t, http.StatusOK, v2.Status, "a Conversation Service is a Chat Service")

	for _, run := range []struct{ name, service, base string }{
		{"default Service", "", v1},
		{"named Service", namedSID, v1 + "/Services/" + namedSID},
	} {
		t.Run(run.name, func(t *testing.T) {
			cc := &convClient{t: t, srv: srv, sent: sent, service: run.service}
			svc := orService(run.service, defaultService)
			serviceIn := func(m map[string]any) {
				t.Helper()
				if run.service == "" {
					assert.NotContains(t, m, "chat_service_sid")
				} else {
					assert.Equal(t, svc, m["chat_service_sid"])
				}
			}
			start := clock.Now()

			// Roles.
			r := cc.json(http.StatusCreated, "CreateRole", form("FriendlyName", "helper", "Type", "conversation", "Permission", "sendMessage"))
			roleSID := r["sid"].(string)
			assert.Equal(t, "conversation", r["type"])
			assert.Equal(t, svc, r["chat_service_sid"])
			assert.Equal(t, []any{"sendMessage"}, r["permissions"])
			assert.Equal(t, run.base+"/Roles/"+roleSID, r["url"])
			assert.Equal(t, r, cc.json(http.StatusOK, "FetchRole", nil, "Sid", roleSID))
			r = cc.json(http.StatusOK, "UpdateRole", form("Permission", "sendMessage", "Permission", "leaveConversation"), "Sid", roleSID)
			assert.Equal(t, []any{"sendMessage", "leaveConversation"}, r["permissions"])
			roles := cc.json(http.StatusOK, "ListRole", nil)["roles"].([]any)
			require.Len(t, roles, 5, "the four default roles and this one")
			assert.Equal(t, "service", roles[0].(map[string]any)["type"], "a deployment role is a service role")
			cc.do(http.StatusNoContent, "DeleteRole", nil, "Sid", roleSID)
			cc.do(http.StatusNotFound, "FetchRole", nil, "Sid", roleSID)

			// Users.
			u := cc.json(http.StatusCreated, "CreateUser", form("Identity", "alice", "FriendlyName", "Alice"))
			userSID := u["sid"].(string)
			assert.Equal(t, "alice", u["identity"])
			assert.Equal(t, "Alice", u["friendly_name"])
			assert.Equal(t, svc, u["chat_service_sid"])
			assert.Equal(t, "{}", u["attributes"])
			assert.Nil(t, u["is_online"])
			assert.Equal(t, run.base+"/Users/"+userSID, u["url"])
			assert.Equal(t, map[string]any{"user_conversations": run.base + "/Users/" + userSID + "/Conversations"}, u["links"])
			assert.Equal(t, u, cc.json(http.StatusOK, "FetchUser", nil, "Sid", "alice"), "by identity")
			assert.Equal(t, `{"vip":true}`, cc.json(http.StatusOK, "UpdateUser", form("Attributes", `{"vip":true}`), "Sid", userSID)["attributes"])
			assert.Len(t, cc.json(http.StatusOK, "ListUser", nil)["users"], 1)

			// Conversations, with timers.
			conv := cc.json(http.StatusCreated, "CreateConversation", form("UniqueName", "support", "FriendlyName", "Support",
				"Attributes", `{"a":1}`, "Timers.Inactive", "PT5M", "Timers.Closed", "PT1H"))
			convSID := conv["sid"].(string)
			assert.Regexp(t, `^CH[0-9a-f]{32}$`, convSID)
			assert.Equal(t, srv.AccountSID(), conv["account_sid"])
			assert.Equal(t, svc, conv["chat_service_sid"])
			assert.Equal(t, cfg["default_messaging_service_sid"], conv["messaging_service_sid"])
			assert.Equal(t, "support", conv["unique_name"])
			assert.Equal(t, "Support", conv["friendly_name"])
			assert.Equal(t, `{"a":1}`, conv["attributes"])
			assert.Equal(t, "active", conv["state"])
			assert.Equal(t, map[string]any{"date_inactive": formatT(start.Add(5 * time.Minute)), "date_closed": formatT(start.Add(time.Hour))}, conv["timers"])
			assert.Equal(t, run.base+"/Conversations/"+convSID, conv["url"])
			assert.Equal(t, map[string]any{"participants": conv["url"].(string) + "/Participants", "messages": conv["url"].(string) + "/Messages",
				"webhooks": conv["url"].(string) + "/Webhooks"}, conv["links"])
			assert.Equal(t, map[string]any{}, conv["bindings"])
			assert.Equal(t, conv, cc.json(http.StatusOK, "FetchConversation", nil, "Sid", "support"), "by unique name")
			clock.Advance(time.Minute)
			conv = cc.json(http.StatusOK, "UpdateConversation", form("FriendlyName", "Help", "Bindings.Email.Address", "help@example.com"), "Sid", convSID)
			assert.Equal(t, "Help", conv["friendly_name"])
			assert.Equal(t, formatT(start.Add(time.Minute)), conv["date_updated"])
			assert.Equal(t, map[string]any{"email": map[string]any{"address": "help@example.com", "name": nil}}, conv["bindings"])

			// Participants: a User's and an SMS number's.
			p := cc.json(http.StatusCreated, "CreateConversationParticipant", form("Identity", "alice"), "ConversationSid", convSID)
			aliceSID := p["sid"].(string)
			assert.Regexp(t, `^MB[0-9a-f]{32}$`, aliceSID)
			assert.Equal(t, "alice", p["identity"])
			assert.Nil(t, p["messaging_binding"])
			assert.Equal(t, convSID, p["conversation_sid"])
			assert.Equal(t, "{}", p["attributes"])
			assert.Regexp(t, `^RL`, p["role_sid"])
			assert.Nil(t, p["last_read_message_index"])
			assert.Equal(t, run.base+"/Conversations/"+convSID+"/Participants/"+aliceSID, p["url"])
			serviceIn(p)
			sms := cc.json(http.StatusCreated, "CreateConversationParticipant",
				form("MessagingBinding.Address", "+15551230000", "MessagingBinding.ProxyAddress", "+15559990000"), "ConversationSid", convSID)
			smsSID := sms["sid"].(string)
			assert.Nil(t, sms["identity"])
			assert.Equal(t, map[string]any{"type": "sms", "address": "+15551230000", "proxy_address": "+15559990000"}, sms["messaging_binding"])
			assert.Equal(t, p, cc.json(http.StatusOK, "FetchConversationParticipant", nil, "ConversationSid", convSID, "Sid", "alice"), "by identity")
			p = cc.json(http.StatusOK, "UpdateConversationParticipant", form("LastReadMessageIndex", "0", "Attributes", `{"x":1}`),
				"ConversationSid", convSID, "Sid", aliceSID)
			assert.Equal(t, float64(0), p["last_read_message_index"])
			assert.Equal(t, `{"x":1}`, p["attributes"])
			assert.Len(t, cc.json(http.StatusOK, "ListConversationParticipant", nil, "ConversationSid", convSID)["participants"], 2)

			// Messages and their delivery receipts.
			m := cc.json(http.StatusCreated, "CreateConversationMessage", form("Author", "alice", "Body", "hi", "Subject", "s"), "ConversationSid", convSID)
			msgSID := m["sid"].(string)
			assert.Regexp(t, `^IM[0-9a-f]{32}$`, msgSID)
			assert.Equal(t, float64(0), m["index"])
			assert.Equal(t, "alice", m["author"])
			assert.Equal(t, "hi", m["body"])
			assert.Nil(t, m["media"])
			assert.Equal(t, aliceSID, m["participant_sid"])
			assert.Nil(t, m["content_sid"])
			assert.Equal(t, map[string]any{"total": float64(1), "sent": "all", "delivered": "none", "read": "none", "failed": "none", "undelivered": "none"}, m["delivery"])
			msgURL := run.base + "/Conversations/" + convSID + "/Messages/" + msgSID
			assert.Equal(t, msgURL, m["url"])
			assert.Equal(t, map[string]any{"delivery_receipts": msgURL + "/Receipts", "channel_metadata": msgURL + "/ChannelMetadata"}, m["links"])
			serviceIn(m)
			assert.Equal(t, m, cc.json(http.StatusOK, "FetchConversationMessage", nil, "ConversationSid", convSID, "Sid", msgSID))
			assert.Equal(t, "edited", cc.json(http.StatusOK, "UpdateConversationMessage", form("Body", "edited"), "ConversationSid", convSID, "Sid", msgSID)["body"])
			assert.Len(t, cc.json(http.StatusOK, "ListConversationMessage", form("Order", "desc"), "ConversationSid", convSID)["messages"], 1)
			receipts := cc.json(http.StatusOK, "ListConversationMessageReceipt", nil, "ConversationSid", convSID, "MessageSid", msgSID)["delivery_receipts"].([]any)
			require.Len(t, receipts, 1)
			rc := receipts[0].(map[string]any)
			assert.Regexp(t, `^DY[0-9a-f]{32}$`, rc["sid"])
			assert.Regexp(t, `^SM[0-9a-f]{32}$`, rc["channel_message_sid"])
			assert.Equal(t, smsSID, rc["participant_sid"])
			assert.Equal(t, msgSID, rc["message_sid"])
			assert.Equal(t, "sent", rc["status"])
			assert.Nil(t, rc["error_code"])
			assert.Equal(t, m["date_created"], rc["date_created"])
			assert.Nil(t, rc["date_updated"])
			assert.Equal(t, msgURL+"/Receipts/"+rc["sid"].(string), rc["url"])
			serviceIn(rc)
			assert.Equal(t, rc, cc.json(http.StatusOK, "FetchConversationMessageReceipt", nil, "ConversationSid", convSID, "MessageSid", msgSID, "Sid", rc["sid"].(string)))

			// Conversation-scoped webhooks.
			w := cc.json(http.StatusCreated, "CreateConversationScopedWebhook", form("Target", "webhook", "Configuration.Url", "https://example.com/hook",
				"Configuration.Method", "get", "Configuration.Filters", "onMessageAdded", "Configuration.ReplayAfter", "0"), "ConversationSid", convSID)
			hookSID := w["sid"].(string)
			assert.Regexp(t, `^WH[0-9a-f]{32}$`, hookSID)
			assert.Equal(t, "webhook", w["target"])
			assert.Equal(t, map[string]any{"url": "https://example.com/hook", "method": "get", "filters": []any{"onMessageAdded"}, "replay_after": float64(0)}, w["configuration"])
			assert.Equal(t, run.base+"/Conversations/"+convSID+"/Webhooks/"+hookSID, w["url"])
			serviceIn(w)
			assert.Equal(t, w, cc.json(http.StatusOK, "FetchConversationScopedWebhook", nil, "ConversationSid", convSID, "Sid", hookSID))
			w = cc.json(http.StatusOK, "UpdateConversationScopedWebhook", form("Configuration.Method", "post"), "ConversationSid", convSID, "Sid", hookSID)
			assert.Equal(t, "post", w["configuration"].(map[string]any)["method"])
			assert.Len(t, cc.json(http.StatusOK, "ListConversationScopedWebhook", nil, "ConversationSid", convSID)["webhooks"], 1)
			cc.do(http.StatusNoContent, "DeleteConversationScopedWebhook", nil, "ConversationSid", convSID, "Sid", hookSID)

			// The conversation as its user and its participants see it.
			uc := cc.json(http.StatusOK, "FetchUserConversation", nil, "UserSid", "alice", "ConversationSid", "support")
			assert.Equal(t, convSID, uc["conversation_sid"])
			assert.Equal(t, aliceSID, uc["participant_sid"])
			assert.Equal(t, userSID, uc["user_sid"])
			assert.Equal(t, float64(0), uc["unread_messages_count"])
			assert.Equal(t, float64(0), uc["last_read_message_index"])
			assert.Equal(t, "Help", uc["friendly_name"])
			assert.Equal(t, "active", uc["conversation_state"])
			assert.Equal(t, "default", uc["notification_level"])
			assert.Equal(t, "support", uc["unique_name"])
			assert.Equal(t, "system", uc["created_by"])
			assert.Equal(t, run.base+"/Users/"+userSID+"/Conversations/"+convSID, uc["url"])
			assert.Equal(t, map[string]any{"participant": run.base + "/Conversations/" + convSID + "/Participants/" + aliceSID,
				"conversation": run.base + "/Conversations/" + convSID}, uc["links"])
			uc = cc.json(http.StatusOK, "UpdateUserConversation", form("NotificationLevel", "muted", "LastReadMessageIndex", ""), "UserSid", userSID, "ConversationSid", convSID)
			assert.Equal(t, "muted", uc["notification_level"])
			assert.Nil(t, uc["last_read_message_index"])
			assert.Nil(t, uc["unread_messages_count"])
			assert.Len(t, cc.json(http.StatusOK, "ListUserConversation", nil, "UserSid", userSID)["conversations"], 1)
			pcs := cc.json(http.StatusOK, "ListParticipantConversation", form("Address", "+15551230000"))["conversations"].([]any)
			require.Len(t, pcs, 1)
			pc := pcs[0].(map[string]any)
			assert.Equal(t, smsSID, pc["participant_sid"])
			assert.Nil(t, pc["participant_user_sid"])
			assert.Nil(t, pc["participant_identity"])
			assert.Equal(t, "support", pc["conversation_unique_name"])
			assert.Equal(t, "active", pc["conversation_state"])
			assert.Equal(t, svc, pc["chat_service_sid"])

			// A conversation and its participants in one request.
			cwp := cc.json(http.StatusCreated, "CreateConversationWithParticipants", form("FriendlyName", "group",
				"Participant", `{"identity":"bob"}`,
				"Participant", `{"messaging_binding":{"address":"+15550001111","proxy_address":"+15559990000"}}`))
			assert.Equal(t, "group", cwp["friendly_name"])
			assert.Equal(t, "active", cwp["state"])
			parts := cc.json(http.StatusOK, "ListConversationParticipant", nil, "ConversationSid", cwp["sid"].(string))["participants"].([]any)
			require.Len(t, parts, 2)
			assert.Equal(t, "bob", parts[0].(map[string]any)["identity"])
			assert.Equal(t, "+15550001111", parts[1].(map[string]any)["messaging_binding"].(map[string]any)["address"])
			assert.Len(t, cc.json(http.StatusOK, "ListConversation", nil)["conversations"], 2)
			assert.Len(t, cc.json(http.StatusOK, "ListConversation", form("State", "closed"))["conversations"], 0)

			// Leaving and deleting.
			cc.do(http.StatusNoContent, "DeleteUserConversation", nil, "UserSid", "alice", "ConversationSid", convSID)
			cc.do(http.StatusNotFound, "FetchConversationParticipant", nil, "ConversationSid", convSID, "Sid", "alice")
			cc.do(http.StatusNoContent, "DeleteConversationParticipant", nil, "ConversationSid", convSID, "Sid", smsSID)
			cc.do(http.StatusNoContent, "DeleteConversationMessage", nil, "ConversationSid", convSID, "Sid", msgSID)
			cc.do(http.StatusNoContent, "DeleteConversation", nil, "Sid", convSID)
			cc.do(http.StatusNotFound, "FetchConversation", nil, "Sid", convSID)
			cc.do(http.StatusNoContent, "DeleteUser", nil, "Sid", "alice")
			cc.do(http.StatusNotFound, "FetchUser", nil, "Sid", userSID)
		})
	}

	t.Run("account", func(t *testing.T) {
		cc := &convClient{t: t, srv: srv, sent: sent}
		cfg := cc.json(http.StatusOK, "UpdateConfiguration", form("DefaultInactiveTimer", "PT10M", "DefaultChatServiceSid", namedSID))
		assert.Equal(t, "PT10M", cfg["default_inactive_timer"])
		assert.Equal(t, namedSID, cfg["default_chat_service_sid"])
		conv := cc.json(http.StatusCreated, "CreateConversation", nil)
		assert.Equal(t, namedSID, conv["chat_service_sid"], "the new default Service")
		assert.Equal(t, formatT(clock.Now().Add(10*time.Minute)), conv["timers"].(map[string]any)["date_inactive"], "the default timer")

		wh := cc.json(http.StatusOK, "FetchConfigurationWebhook", nil)
		assert.Equal(t, map[string]any{"account_sid": srv.AccountSID(), "method": "POST", "filters": []any{}, "pre_webhook_url": nil,
			"post_webhook_url": nil, "target": "webhook", "url": v1 + "/Configuration/Webhooks"}, wh)
		wh = cc.json(http.StatusOK, "UpdateConfigurationWebhook", form("Method", "GET", "Filters", "onMessageAdded", "PostWebhookUrl", "https://example.com/post", "Target", "flex"))
		assert.Equal(t, "GET", wh["method"])
		assert.Equal(t, []any{"onMessageAdded"}, wh["filters"])
		assert.Equal(t, "https://example.com/post", wh["post_webhook_url"])
		assert.Equal(t, "flex", wh["target"])

		a := cc.json(http.StatusCreated, "CreateConfigurationAddress", form("Type", "sms", "Address", "+15559990000", "FriendlyName", "main",
			"AutoCreation.Enabled", "true", "AutoCreation.Type", "webhook", "AutoCreation.WebhookUrl", "https://example.com/auto"))
		addrSID := a["sid"].(string)
		assert.Regexp(t, `^IG[0-9a-f]{32}$`, addrSID)
		assert.Equal(t, "sms", a["type"])
		assert.Equal(t, "+15559990000", a["address"])
		assert.Equal(t, "main", a["friendly_name"])
		assert.Equal(t, map[string]any{"enabled": true, "type": "webhook", "webhook_url": "https://example.com/auto"}, a["auto_creation"])
		assert.Nil(t, a["address_country"])
		assert.Equal(t, v1+"/Configuration/Addresses/"+addrSID, a["url"])
		assert.Equal(t, a, cc.json(http.StatusOK, "FetchConfigurationAddress", nil, "Sid", "+15559990000"), "by address")
		a = cc.json(http.StatusOK, "UpdateConfigurationAddress", form("AutoCreation.Enabled", "false"), "Sid", addrSID)
		assert.Equal(t, false, a["auto_creation"].(map[string]any)["enabled"])
		assert.Len(t, cc.json(http.StatusOK, "ListConfigurationAddress", form("Type", "sms"))["address_configurations"], 1)
		assert.Len(t, cc.json(http.StatusOK, "ListConfigurationAddress", form("Type", "whatsapp"))["address_configurations"], 0)
		cc.do(http.StatusNoContent, "DeleteConfigurationAddress", nil, "Sid", addrSID)

		cr := cc.json(http.StatusCreated, "CreateCredential", form("Type", "fcm", "FriendlyName", "push", "Secret", "s3cret"))
		crSID := cr["sid"].(string)
		assert.Equal(t, "fcm", cr["type"])
		assert.Equal(t, v1+"/Credentials/"+crSID, cr["url"])
		assert.NotContains(t, string(call(t, srv, http.MethodGet, "/v1/Credentials/"+crSID, nil).Body), "s3cret")
		assert.Equal(t, cr, cc.json(http.StatusOK, "FetchCredential", nil, "Sid", crSID))
		assert.Equal(t, "renamed", cc.json(http.StatusOK, "UpdateCredential", form("FriendlyName", "renamed", "Type", "fcm"), "Sid", crSID)["friendly_name"])
		assert.Len(t, cc.json(http.StatusOK, "ListCredential", nil)["credentials"], 1)
		assert.Equal(t, "renamed", call(t, srv, http.MethodGet, "/v2/Credentials/"+crSID, nil).JSON(t)["friendly_name"], "Chat's Credential")
		cc.do(http.StatusNoContent, "DeleteCredential", nil, "Sid", crSID)

		bs, err := srv.SeedBinding(namedSID, "carol", "endpoint-1", "fcm")
		require.NoError(t, err)
		b := cc.json(http.StatusOK, "FetchServiceBinding", nil, "ChatServiceSid", namedSID, "Sid", bs)
		assert.Equal(t, "carol", b["identity"])
		assert.Equal(t, "fcm", b["binding_type"])
		assert.Equal(t, "endpoint-1", b["endpoint"])
		assert.Equal(t, []any{"removed_from_conversation", "new_message", "added_to_conversation"}, b["message_types"])
		assert.Nil(t, b["credential_sid"])
		assert.Equal(t, namedSID, b["chat_service_sid"])
		assert.Equal(t, v1+"/Services/"+namedSID+"/Bindings/"+bs, b["url"])
		assert.Len(t, cc.json(http.StatusOK, "ListServiceBinding", form("BindingType", "fcm", "Identity", "carol"), "ChatServiceSid", namedSID)["bindings"], 1)
		cc.do(http.StatusNoContent, "DeleteServiceBinding", nil, "ChatServiceSid", namedSID, "Sid", bs)

		sc := cc.json(http.StatusOK, "FetchServiceConfiguration", nil, "ChatServiceSid", namedSID)
		chat := call(t, srv, http.MethodGet, "/v2/Services/"+namedSID, nil).JSON(t)
		assert.Equal(t, chat["default_channel_role_sid"], sc["default_conversation_role_sid"])
		assert.Equal(t, chat["default_channel_creator_role_sid"], sc["default_conversation_creator_role_sid"])
		assert.Equal(t, chat["default_service_role_sid"], sc["default_chat_service_role_sid"])
		assert.Equal(t, false, sc["reachability_enabled"])
		assert.Equal(t, v1+"/Services/"+namedSID+"/Configuration", sc["url"])
		sc = cc.json(http.StatusOK, "UpdateServiceConfiguration", form("ReachabilityEnabled", "true"), "ChatServiceSid", namedSID)
		assert.Equal(t, true, sc["reachability_enabled"])

		n := cc.json(http.StatusOK, "FetchServiceNotification", nil, "ChatServiceSid", namedSID)
		assert.Equal(t, false, n["log_enabled"])
		n = cc.json(http.StatusOK, "UpdateServiceNotification", form("NewMessage.Enabled", "true", "NewMessage.WithMedia.Enabled", "true",
			"AddedToConversation.Template", "hi ${CONVERSATION}"), "ChatServiceSid", namedSID)
		assert.Equal(t, map[string]any{"enabled": true, "badge_count_enabled": false, "with_media": map[string]any{"enabled": true}}, n["new_message"])
		assert.Equal(t, map[string]any{"enabled": false, "template": "hi ${CONVERSATION}"}, n["added_to_conversation"])
		chatNotes := call(t, srv, http.MethodGet, "/v2/Services/"+namedSID, nil).JSON(t)["notifications"].(map[string]any)
		assert.Equal(t, "hi ${CONVERSATION}", chatNotes["added_to_channel"].(map[string]any)["template"], "Chat's notifications")

		hook := cc.json(http.StatusOK, "FetchServiceWebhookConfiguration", nil, "ChatServiceSid", namedSID)
		assert.Equal(t, "POST", hook["method"])
		hook = cc.json(http.StatusOK, "UpdateServiceWebhookConfiguration", form("PreWebhookUrl", "https://example.com/pre", "Filters", "onMessageAdd"), "ChatServiceSid", namedSID)
		assert.Equal(t, "https://example.com/pre", hook["pre_webhook_url"])
		assert.Equal(t, []any{"onMessageAdd"}, hook["filters"])
		assert.Equal(t, "https://example.com/pre", call(t, srv, http.MethodGet, "/v2/Services/"+namedSID, nil).JSON(t)["pre_webhook_url"], "Chat's webhook settings")

		other := cc.json(http.StatusCreated, "CreateService", form("FriendlyName", "other"))["sid"].(string)
		cc.do(http.StatusNoContent, "DeleteService", nil, "Sid", other)
	})

	for _, op := range convspec.Operations {
		assert.True(t, sent[op.ID], "%s was not sent", op.ID)
	}
}

// orService is sid, or def for "".
func orService(sid, def string) string {
	if sid == "" {
		return def
	}
	return sid
}

// formatT writes t as the fake writes dates.
func formatT(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// TestListConversationsByDate filters conversations by creation date: a
// date-only EndDate takes the whole day, to its last second, and a date
// filter lists newest first, as the spec describes StartDate and EndDate.
// The conversations are made at midnight on three days and at noon on the
// second, so that a day's end at its start would miss the noon one and
// one second late would take the next day's.
func TestListConversationsByDate(t *testing.T) {
	t.Parallel()
	srv, clock := newServerWithClock(t)
	first := t0.Truncate(24 * time.Hour).Add(24 * time.Hour)
	var sids []string
	for _, at := range []time.Duration{0, 24 * time.Hour, 36 * time.Hour, 48 * time.Hour} {
		clock.Advance(first.Add(at).Sub(clock.Now()))
		r := call(t, srv, http.MethodPost, "/v1/Conversations", nil)
		require.Equal(t, http.StatusCreated, r.Status, "body: %s", r.Body)
		sids = append(sids, r.JSON(t)["sid"].(string))
	}
	day := func(i int) string { return first.AddDate(0, 0, i).Format(time.DateOnly) }
	tests := []struct {
		name  string
		query url.Values
		want  []string
	}{
		{"no filter, oldest first", nil, sids},
		{"from the second day", url.Values{"StartDate": {day(1)}}, []string{sids[3], sids[2], sids[1]}},
		{"to the end of the second day", url.Values{"EndDate": {day(1)}}, []string{sids[2], sids[1], sids[0]}},
		{"a date-time range", url.Values{"StartDate": {day(1) + "T00:00:00Z"}, "EndDate": {day(1) + "T23:59:59Z"}}, []string{sids[2], sids[1]}},
		{"the active ones", url.Values{"State": {"active"}}, sids},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := call(t, srv, http.MethodGet, "/v1/Conversations?"+tt.query.Encode(), nil)
			require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
			var got []string
			for _, c := range r.JSON(t)["conversations"].([]any) {
				got = append(got, c.(map[string]any)["sid"].(string))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestConversationMessageMedia shows a message with media as
// Conversations does: a list of media and a null body when it has none.
func TestConversationMessageMedia(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	conv := call(t, srv, http.MethodPost, "/v1/Conversations", nil).JSON(t)["sid"].(string)
	const media = "ME0123456789abcdef0123456789abcdef"
	r := call(t, srv, http.MethodPost, "/v1/Conversations/"+conv+"/Messages", form("MediaSid", media, "ContentSid", "HX0123456789abcdef0123456789abcdef"))
	require.Equal(t, http.StatusCreated, r.Status, "body: %s", r.Body)
	m := r.JSON(t)
	assert.Nil(t, m["body"])
	assert.Equal(t, []any{map[string]any{"sid": media, "size": float64(0), "content_type": "", "filename": ""}}, m["media"])
	assert.Equal(t, "HX0123456789abcdef0123456789abcdef", m["content_sid"])
	assert.Equal(t, "system", m["author"])
	assert.Nil(t, m["participant_sid"])
	assert.Nil(t, m["delivery"])
	svc := call(t, srv, http.MethodGet, "/v1/Configuration", nil).JSON(t)["default_chat_service_sid"].(string)
	chat := call(t, srv, http.MethodGet, "/v2/Services/"+svc+"/Channels/"+conv+"/Messages/"+m["sid"].(string), nil).JSON(t)
	assert.Equal(t, "media", chat["type"])
	assert.Equal(t, media, chat["media"].(map[string]any)["sid"])
}

// TestDefaultConversationServiceSID checks that the Server's default
// Conversation Service is the Configuration's, stays the same, and that
// NewConversationsClient hands its options to the Client it wraps.
func TestDefaultConversationServiceSID(t *testing.T) {
	t.Parallel()
	srv := twiliochattest.New(t)
	ctx := context.Background()
	sid := srv.DefaultConversationServiceSID()
	require.True(t, strings.HasPrefix(sid, "IS"), sid)
	assert.Equal(t, sid, srv.DefaultConversationServiceSID())
	cfg, err := srv.NewConversationsClient().Configuration.Fetch(ctx)
	require.NoError(t, err)
	assert.Equal(t, sid, cfg.DefaultChatServiceSID)

	srv.FailOn("GET /v1/Configuration", 1, twiliochattest.Failure{Status: http.StatusServiceUnavailable})
	_, err = srv.NewConversationsClient(twiliochat.WithMaxRetries(0)).Configuration.Fetch(ctx)
	var apiErr *twiliochat.APIError
	require.ErrorAs(t, err, &apiErr, "WithMaxRetries(0) reaches the Client: the 503 is not retried")
	assert.Equal(t, http.StatusServiceUnavailable, apiErr.Status)
}
