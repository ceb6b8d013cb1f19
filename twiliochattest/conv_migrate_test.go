package twiliochattest_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestChatToConversations follows one channel through both APIs, as a
// backend migrating from Chat to Conversations does: created, joined and
// messaged over Chat v2, then fetched, updated and messaged over
// Conversations v1, and read back over Chat, with the same SIDs, unique
// name, attributes and dates throughout.
func TestChatToConversations(t *testing.T) {
	t.Parallel()
	srv, clock := newServerWithClock(t)
	svc := createService(t, srv, "migrating")["sid"].(string)
	chatBase := "/v2/Services/" + svc
	convBase := "/v1/Services/" + svc

	created := call(t, srv, http.MethodPost, chatBase+"/Channels",
		form("UniqueName", "support", "FriendlyName", "Support", "Attributes", `{"tier":1}`))
	require.Equal(t, http.StatusCreated, created.Status, "body: %s", created.Body)
	ch := created.JSON(t)
	chSID := ch["sid"].(string)
	member := call(t, srv, http.MethodPost, chatBase+"/Channels/"+chSID+"/Members", form("Identity", "alice")).JSON(t)
	chatMsg := call(t, srv, http.MethodPost, chatBase+"/Channels/"+chSID+"/Messages", form("From", "alice", "Body", "from chat")).JSON(t)
	clock.Advance(time.Minute)

	conv := call(t, srv, http.MethodGet, convBase+"/Conversations/support", nil).JSON(t)
	assert.Equal(t, chSID, conv["sid"])
	assert.Equal(t, svc, conv["chat_service_sid"])
	assert.Equal(t, "support", conv["unique_name"])
	assert.Equal(t, "Support", conv["friendly_name"])
	assert.Equal(t, `{"tier":1}`, conv["attributes"])
	assert.Equal(t, ch["date_created"], conv["date_created"])
	assert.Equal(t, ch["date_updated"], conv["date_updated"])
	assert.Equal(t, "active", conv["state"])
	assert.Equal(t, map[string]any{}, conv["timers"])
	assert.Nil(t, conv["messaging_service_sid"], "a channel made over Chat has no Messaging Service")

	parts := call(t, srv, http.MethodGet, convBase+"/Conversations/"+chSID+"/Participants", nil).JSON(t)["participants"].([]any)
	require.Len(t, parts, 1)
	p := parts[0].(map[string]any)
	assert.Equal(t, member["sid"], p["sid"], "a Member is a Participant")
	assert.Equal(t, "alice", p["identity"])
	assert.Equal(t, member["role_sid"], p["role_sid"])
	assert.Equal(t, member["date_created"], p["date_created"])

	msgs := call(t, srv, http.MethodGet, convBase+"/Conversations/"+chSID+"/Messages", nil).JSON(t)["messages"].([]any)
	require.Len(t, msgs, 1)
	m := msgs[0].(map[string]any)
	assert.Equal(t, chatMsg["sid"], m["sid"])
	assert.Equal(t, "alice", m["author"], "Chat's from is the author")
	assert.Equal(t, "from chat", m["body"])
	assert.Equal(t, member["sid"], m["participant_sid"])
	assert.Nil(t, m["delivery"], "no participant receives it over SMS")

	smsForm := form("MessagingBinding.Address", "+15551230000", "MessagingBinding.ProxyAddress", "+15559990000")
	r := call(t, srv, http.MethodPost, convBase+"/Conversations/"+chSID+"/Participants", smsForm)
	assert.Contains(t, assertTwilioError(t, r, http.StatusBadRequest, 50340), "MessagingServiceSid", "an SMS participant needs the conversation's Messaging Service")
	updated := call(t, srv, http.MethodPost, convBase+"/Conversations/"+chSID,
		form("Attributes", `{"tier":2}`, "MessagingServiceSid", testMessagingServiceSID, "State", "inactive")).JSON(t)
	assert.Equal(t, "inactive", updated["state"])
	assert.Equal(t, testMessagingServiceSID, updated["messaging_service_sid"])
	r = call(t, srv, http.MethodPost, convBase+"/Conversations/"+chSID+"/Participants", smsForm)
	require.Equal(t, http.StatusCreated, r.Status, "body: %s", r.Body)
	sent := call(t, srv, http.MethodPost, convBase+"/Conversations/support/Messages", form("Author", "bot", "Body", "from conversations"))
	require.Equal(t, http.StatusCreated, sent.Status, "body: %s", sent.Body)
	convMsg := sent.JSON(t)
	assert.Equal(t, float64(1), convMsg["index"], "the channel's next index")
	added := call(t, srv, http.MethodPost, convBase+"/Conversations/"+chSID+"/Participants", form("Identity", "bob")).JSON(t)
	conv = call(t, srv, http.MethodGet, convBase+"/Conversations/"+chSID, nil).JSON(t)
	assert.Equal(t, "active", conv["state"], "a message wakes an inactive conversation")

	back := call(t, srv, http.MethodGet, chatBase+"/Channels/"+chSID, nil).JSON(t)
	assert.Equal(t, `{"tier":2}`, back["attributes"])
	assert.Equal(t, "support", back["unique_name"])
	assert.Equal(t, ch["date_created"], back["date_created"])
	assert.Equal(t, conv["date_updated"], back["date_updated"])
	assert.Equal(t, float64(2), back["messages_count"])
	assert.Equal(t, float64(3), back["members_count"])
	assert.NotContains(t, back, "state", "Chat shows none of Conversations' own keys")
	chatMsgs := call(t, srv, http.MethodGet, chatBase+"/Channels/"+chSID+"/Messages", nil).JSON(t)["messages"].([]any)
	require.Len(t, chatMsgs, 2)
	last := chatMsgs[1].(map[string]any)
	assert.Equal(t, convMsg["sid"], last["sid"])
	assert.Equal(t, "bot", last["from"], "the author is Chat's from")
	assert.Equal(t, "from conversations", last["body"])
	bob := call(t, srv, http.MethodGet, chatBase+"/Channels/"+chSID+"/Members/bob", nil).JSON(t)
	assert.Equal(t, added["sid"], bob["sid"], "a Participant is a Member")

	v3 := call(t, srv, http.MethodPost, "/v3/Services/"+svc+"/Channels/"+chSID, nil).JSON(t)
	assert.Equal(t, testMessagingServiceSID, v3["messaging_service_sid"], "one Messaging Service for Chat v3 and Conversations")

	// Users, Roles, Credentials and Bindings are the same resources.
	chatUser := call(t, srv, http.MethodGet, chatBase+"/Users/alice", nil).JSON(t)
	convUser := call(t, srv, http.MethodGet, convBase+"/Users/alice", nil).JSON(t)
	assert.Equal(t, chatUser["sid"], convUser["sid"])
	assert.Equal(t, chatUser["role_sid"], convUser["role_sid"])
	assert.Equal(t, chatUser["date_created"], convUser["date_created"])
	chatRoles := call(t, srv, http.MethodGet, chatBase+"/Roles", nil).JSON(t)["roles"].([]any)
	convRoles := call(t, srv, http.MethodGet, convBase+"/Roles", nil).JSON(t)["roles"].([]any)
	require.Len(t, convRoles, len(chatRoles))
	for i := range chatRoles {
		assert.Equal(t, chatRoles[i].(map[string]any)["sid"], convRoles[i].(map[string]any)["sid"])
	}
	cred := call(t, srv, http.MethodPost, "/v2/Credentials", form("Type", "apn")).JSON(t)
	assert.Equal(t, "apn", call(t, srv, http.MethodGet, "/v1/Credentials/"+cred["sid"].(string), nil).JSON(t)["type"])
	bs, err := srv.SeedBinding(svc, "alice", "device", "apn")
	require.NoError(t, err)
	assert.Equal(t, "alice", call(t, srv, http.MethodGet, convBase+"/Bindings/"+bs, nil).JSON(t)["identity"])
	require.Equal(t, http.StatusNoContent, call(t, srv, http.MethodDelete, convBase+"/Bindings/"+bs, nil).Status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, http.MethodGet, chatBase+"/Bindings/"+bs, nil).Status)

	// Deleting through one API deletes through the other.
	require.Equal(t, http.StatusNoContent, call(t, srv, http.MethodDelete, chatBase+"/Channels/support", nil).Status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, http.MethodGet, convBase+"/Conversations/"+chSID, nil).Status)
}

// TestConversationStatesAndTimers moves the fake's clock past a
// conversation's timers: its state follows when it is read, a closed
// conversation stays closed, and a message restarts the inactive timer.
func TestConversationStatesAndTimers(t *testing.T) {
	t.Parallel()
	srv, clock := newServerWithClock(t)
	start := clock.Now()
	created := call(t, srv, http.MethodPost, "/v1/Conversations", form("Timers.Inactive", "PT1M", "Timers.Closed", "P1DT1H"))
	require.Equal(t, http.StatusCreated, created.Status, "body: %s", created.Body)
	sid := created.JSON(t)["sid"].(string)
	state := func() (string, any) {
		c := call(t, srv, http.MethodGet, "/v1/Conversations/"+sid, nil).JSON(t)
		return c["state"].(string), c["timers"]
	}

	s, timers := state()
	assert.Equal(t, "active", s)
	assert.Equal(t, map[string]any{"date_inactive": formatT(start.Add(time.Minute)), "date_closed": formatT(start.Add(25 * time.Hour))}, timers)

	clock.Advance(time.Minute)
	s, _ = state()
	assert.Equal(t, "inactive", s, "the inactive timer fired")

	require.Equal(t, http.StatusCreated, call(t, srv, http.MethodPost, "/v1/Conversations/"+sid+"/Messages", form("Body", "hi")).Status)
	s, timers = state()
	assert.Equal(t, "active", s, "a message wakes it")
	assert.Equal(t, formatT(clock.Now().Add(time.Minute)), timers.(map[string]any)["date_inactive"], "and restarts the inactive timer")

	clock.Advance(25 * time.Hour)
	s, _ = state()
	assert.Equal(t, "closed", s, "the closed timer fired")
	r := call(t, srv, http.MethodPost, "/v1/Conversations/"+sid, form("State", "active"))
	assert.Contains(t, assertTwilioError(t, r, http.StatusBadRequest, 20001), "State")
	s, _ = state()
	assert.Equal(t, "closed", s, "a closed conversation cannot be reopened")

	cleared := call(t, srv, http.MethodPost, "/v1/Conversations", form("Timers.Inactive", "PT1M"))
	csid := cleared.JSON(t)["sid"].(string)
	c := call(t, srv, http.MethodPost, "/v1/Conversations/"+csid, form("Timers.Inactive", "")).JSON(t)
	assert.Equal(t, map[string]any{}, c["timers"], "an empty timer clears it")

	list := call(t, srv, http.MethodGet, "/v1/Conversations?"+url.Values{"State": {"closed"}}.Encode(), nil).JSON(t)
	require.Len(t, list["conversations"], 1)
	assert.Equal(t, sid, list["conversations"].([]any)[0].(map[string]any)["sid"])
}

// TestConversationsErrors checks Twilio's answers to what it refuses:
// 404 (20404) for what does not exist, 409 with the code of each
// duplicate, 400 naming the key of a bad value, 405 for a wrong method.
func TestConversationsErrors(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	require.Equal(t, http.StatusCreated, call(t, srv, http.MethodPost, "/v1/Conversations", form("UniqueName", "taken")).Status)
	require.Equal(t, http.StatusCreated, call(t, srv, http.MethodPost, "/v1/Conversations/taken/Participants", form("Identity", "alice")).Status)
	require.Equal(t, http.StatusCreated, call(t, srv, http.MethodPost, "/v1/Configuration/Addresses", form("Type", "sms", "Address", "+15550000000")).Status)
	msg := call(t, srv, http.MethodPost, "/v1/Conversations/taken/Messages", form("Body", "x")).JSON(t)["sid"].(string)
	defaultService := call(t, srv, http.MethodGet, "/v1/Configuration", nil).JSON(t)["default_chat_service_sid"].(string)
	for range 5 {
		require.Equal(t, http.StatusCreated, call(t, srv, http.MethodPost, "/v1/Conversations/taken/Webhooks", form("Target", "studio", "Configuration.FlowSid", "FW"+zeros)).Status)
	}
	tests := []struct {
		name, method, path string
		form               url.Values
		status, code       int
		wantInMsg          string
	}{
		{"unknown conversation", http.MethodGet, "/v1/Conversations/nowhere", nil, 404, 20404, "/v1/Conversations/nowhere"},
		{"unknown service", http.MethodGet, "/v1/Services/IS" + zeros + "/Conversations", nil, 404, 20404, "IS" + zeros},
		{"malformed service SID", http.MethodGet, "/v1/Services/IS12/Users", nil, 404, 20404, "IS12"},
		{"unknown message", http.MethodGet, "/v1/Conversations/taken/Messages/IM" + zeros, nil, 404, 20404, "IM" + zeros},
		{"unknown receipt", http.MethodGet, "/v1/Conversations/taken/Messages/" + msg + "/Receipts/DY" + zeros, nil, 404, 20404, "DY" + zeros},
		{"participant updated by identity", http.MethodPost, "/v1/Conversations/taken/Participants/alice", form("Attributes", "{}"), 404, 20404, "alice"},
		{"unknown user conversation", http.MethodGet, "/v1/Users/nobody/Conversations/taken", nil, 404, 20404, "nobody"},
		{"unknown address", http.MethodGet, "/v1/Configuration/Addresses/+15559999999", nil, 404, 20404, "+15559999999"},
		{"unique name taken", http.MethodPost, "/v1/Conversations", form("UniqueName", "taken"), 409, 50353, "unique name"},
		{"unique name like a SID", http.MethodPost, "/v1/Conversations", form("UniqueName", "CH"+zeros), 400, 50390, "sid pattern"},
		{"identity taken", http.MethodPost, "/v1/Users", form("Identity", "alice"), 409, 50201, "alice"},
		{"participant twice", http.MethodPost, "/v1/Conversations/taken/Participants", form("Identity", "alice"), 409, 50433, "Participant already exists"},
		{"address configured twice", http.MethodPost, "/v1/Configuration/Addresses", form("Type", "sms", "Address", "+15550000000"), 409, 20409, "+15550000000"},
		{"sixth webhook", http.MethodPost, "/v1/Conversations/taken/Webhooks", form("Target", "webhook"), 400, 50321, "at most 5"},
		{"missing identity", http.MethodPost, "/v1/Users", nil, 400, 20001, "Identity"},
		{"missing participant", http.MethodPost, "/v1/Conversations/taken/Participants", nil, 400, 20001, "Identity or MessagingBinding.Address"},
		{"missing proxy address", http.MethodPost, "/v1/Conversations/taken/Participants", form("MessagingBinding.Address", "+1555"), 400, 20001, "MessagingBinding.ProxyAddress"},
		{"bad state", http.MethodPost, "/v1/Conversations", form("State", "open"), 400, 20001, "State"},
		{"bad timer", http.MethodPost, "/v1/Conversations", form("Timers.Inactive", "5 minutes"), 400, 20001, "Timers.Inactive"},
		{"timer of months", http.MethodPost, "/v1/Conversations", form("Timers.Closed", "P1M"), 400, 20001, "Timers.Closed"},
		{"timer too short", http.MethodPost, "/v1/Conversations", form("Timers.Closed", "PT9M"), 400, 20001, "at least 10m0s"},
		{"bad attributes", http.MethodPost, "/v1/Conversations/taken", form("Attributes", "{"), 400, 20001, "Attributes"},
		{"bad date", http.MethodPost, "/v1/Conversations/taken/Messages", form("DateCreated", "yesterday"), 400, 20001, "DateCreated"},
		{"bad role type", http.MethodPost, "/v1/Roles", form("FriendlyName", "r", "Type", "channel", "Permission", "x"), 400, 20001, "Type"},
		{"user with a conversation role", http.MethodPost, "/v1/Users", form("Identity", "carl", "RoleSid", "RL"+zeros), 400, 20001, "RoleSid"},
		{"bad webhook method", http.MethodPost, "/v1/Conversations/taken/Webhooks/WH" + zeros, form("Configuration.Method", "GET"), 404, 20404, "WH"},
		{"bad scoped webhook method", http.MethodPost, "/v1/Conversations/taken/Webhooks", form("Target", "webhook", "Configuration.Method", "GET"), 400, 20001, "Configuration.Method"},
		{"missing target", http.MethodPost, "/v1/Conversations/taken/Webhooks", nil, 400, 20001, "Target"},
		{"credential type change", http.MethodPost, "/v1/Credentials/CR" + zeros, form("Type", "fcm"), 404, 20404, "CR"},
		{"unknown default service", http.MethodPost, "/v1/Configuration", form("DefaultChatServiceSid", "IS"+zeros), 400, 20001, "DefaultChatServiceSid"},
		{"bad configuration webhook URL", http.MethodPost, "/v1/Configuration/Webhooks", form("PreWebhookUrl", "ftp://x"), 400, 20001, "PreWebhookUrl"},
		{"bad notification flag", http.MethodPost, "/v1/Services/IS" + zeros + "/Configuration/Notifications", form("LogEnabled", "yes"), 404, 20404, "IS"},
		{"participant conversations without a filter", http.MethodGet, "/v1/ParticipantConversations", nil, 400, 20001, "Identity or Address"},
		{"too many participants", http.MethodPost, "/v1/ConversationWithParticipants", participantsForm(11), 400, 20001, "Participant"},
		{"participant not JSON", http.MethodPost, "/v1/ConversationWithParticipants", form("Participant", "alice"), 400, 20001, "Participant (1)"},
		{"participant with an unknown key", http.MethodPost, "/v1/ConversationWithParticipants", form("Participant", `{"idenity":"x"}`), 400, 20001, "idenity"},
		{"participant given twice", http.MethodPost, "/v1/ConversationWithParticipants", form("Participant", `{"identity":"x"}`, "Participant", `{"identity":"x"}`), 400, 20001, "Participant (2)"},
		{"bad address type", http.MethodGet, "/v1/Configuration/Addresses?Type=fax", nil, 400, 20001, "Type"},
		{"bad list state", http.MethodGet, "/v1/Conversations?State=open", nil, 400, 20001, "State"},
		{"bad start date", http.MethodGet, "/v1/Conversations?StartDate=soon", nil, 400, 20001, "StartDate"},
		{"the default service", http.MethodDelete, "/v1/Services/" + defaultService, nil, 400, 20001, "default"},
		{"wrong method", http.MethodDelete, "/v1/Configuration", nil, 405, 20004, "not allowed"},
		{"wrong method on a collection", http.MethodDelete, "/v1/Conversations", nil, 405, 20004, "not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := call(t, srv, tt.method, tt.path, tt.form)
			assert.Contains(t, assertTwilioError(t, r, tt.status, tt.code), tt.wantInMsg)
		})
	}
	t.Run("a refused ConversationWithParticipants makes nothing", func(t *testing.T) {
		before := call(t, srv, http.MethodGet, "/v1/Conversations", nil).JSON(t)["conversations"]
		r := call(t, srv, http.MethodPost, "/v1/ConversationWithParticipants", form("UniqueName", "fresh", "Participant", `{"identity":"US`+zeros+`"}`))
		assertTwilioError(t, r, http.StatusBadRequest, 20001)
		assert.Equal(t, before, call(t, srv, http.MethodGet, "/v1/Conversations", nil).JSON(t)["conversations"])
	})
}

// zeros is the 32 hex digits of a well-formed SID that names nothing.
const zeros = "00000000000000000000000000000000"

// participantsForm is a ConversationWithParticipants form of n chat
// participants; it takes at most ten.
func participantsForm(n int) url.Values {
	f := url.Values{}
	for i := range n {
		f.Add("Participant", `{"identity":"p`+string(rune('a'+i))+`"}`)
	}
	return f
}

func TestConversationWithTenParticipants(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	r := call(t, srv, http.MethodPost, "/v1/ConversationWithParticipants", participantsForm(10))
	require.Equal(t, http.StatusCreated, r.Status, "ten, the most it takes: %s", r.Body)
	sid := r.JSON(t)["sid"].(string)
	parts := call(t, srv, http.MethodGet, "/v1/Conversations/"+sid+"/Participants", nil).JSON(t)["participants"]
	assert.Len(t, parts, 10)
}
