package twiliochattest_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testMessagingServiceSID = "MG0123456789abcdef0123456789abcdef"

// TestMigrateChannel changes a channel's type and Messaging Service over
// Chat v3, by unique name, and checks the v3 answer key by key and that
// the v2 answers keep their shape.
func TestMigrateChannel(t *testing.T) {
	t.Parallel()
	srv, clock := newServerWithClock(t)
	svc := seedService(t, srv, "s")
	ch, err := srv.SeedChannel(svc, "support")
	require.NoError(t, err)
	clock.Advance(time.Minute)

	r := call(t, srv, http.MethodPost, "/v3/Services/"+svc+"/Channels/support",
		form("Type", "private", "MessagingServiceSid", testMessagingServiceSID))
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	assert.JSONEq(t, `{
		"sid": "`+ch+`",
		"account_sid": "`+srv.AccountSID()+`",
		"service_sid": "`+svc+`",
		"messaging_service_sid": "`+testMessagingServiceSID+`",
		"friendly_name": null,
		"unique_name": "support",
		"attributes": "{}",
		"type": "private",
		"date_created": "2015-07-30T20:00:00Z",
		"date_updated": "2015-07-30T20:01:00Z",
		"created_by": "system",
		"members_count": 0,
		"messages_count": 0,
		"url": "`+srv.URL+`/v3/Services/`+svc+`/Channels/`+ch+`"
	}`, string(r.Body))

	v2 := call(t, srv, http.MethodGet, "/v2/Services/"+svc+"/Channels/"+ch, nil).JSON(t)
	assert.Equal(t, "private", v2["type"])
	assert.Equal(t, "2015-07-30T20:01:00Z", v2["date_updated"])
	assert.NotContains(t, v2, "messaging_service_sid")
	assert.Contains(t, v2, "links")

	again := call(t, srv, http.MethodPost, "/v3/Services/"+svc+"/Channels/"+ch, nil).JSON(t)
	assert.Equal(t, "private", again["type"], "a key not sent stays")
	assert.Equal(t, testMessagingServiceSID, again["messaging_service_sid"], "a key not sent stays")
}

func TestMigrateChannelRejections(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	svc := seedService(t, srv, "s")
	ch, err := srv.SeedChannel(svc, "")
	require.NoError(t, err)
	path := "/v3/Services/" + svc + "/Channels/" + ch
	tests := []struct {
		name, path string
		status     int
		code       int
		form       []string
		wantInMsg  string
	}{
		{"unknown type", path, http.StatusBadRequest, 20001, []string{"Type", "secret"}, "Type"},
		{"malformed messaging service", path, http.StatusBadRequest, 20001, []string{"MessagingServiceSid", "MG123"}, "MessagingServiceSid"},
		{"a v2 key", path, http.StatusBadRequest, 20001, []string{"FriendlyName", "x"}, "Unknown parameter FriendlyName"},
		{"unknown channel", "/v3/Services/" + svc + "/Channels/nowhere", http.StatusNotFound, 20404, []string{"Type", "private"}, "nowhere"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := call(t, srv, http.MethodPost, tt.path, form(tt.form...))
			assert.Contains(t, assertTwilioError(t, r, tt.status, tt.code), tt.wantInMsg)
			got := call(t, srv, http.MethodGet, "/v2/Services/"+svc+"/Channels/"+ch, nil).JSON(t)
			assert.Equal(t, "public", got["type"], "a refused request changes nothing")
		})
	}
}
