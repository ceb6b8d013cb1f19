package twiliochat

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// userChannelsPathOf is the escaped path of the Channels of the User
// "alice" of testServiceSID.
const userChannelsPathOf = "/v2/Services/" + testServiceSID + "/Users/alice/Channels"

// specUserChannel is the User Channel of the spec's Fetch and List User
// Channel examples, field by field.
func specUserChannel() UserChannel {
	const service = "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	return UserChannel{
		AccountSID:               "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ServiceSID:               "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ChannelSID:               "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		UserSID:                  "USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		MemberSID:                "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		Status:                   ChannelStatusJoined,
		LastConsumedMessageIndex: Ptr(5),
		UnreadMessagesCount:      Ptr(5),
		NotificationLevel:        NotificationLevelDefault,
		URL:                      service + "/Users/USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		Links: map[string]string{
			"channel": service + "/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			"member":  service + "/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Members/MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		},
	}
}

func TestUserChannelsUpdateWire(t *testing.T) {
	t.Parallel()
	readAt := time.Date(2016, 10, 21, 11, 37, 3, 0, time.UTC)
	tests := []struct {
		name     string
		channel  string
		params   *UpdateUserChannelParams
		wantPath string
		wantBody string
		wantForm url.Values
	}{
		{
			name: "every key", channel: "general",
			params: &UpdateUserChannelParams{
				NotificationLevel:        Ptr(NotificationLevelMuted),
				LastConsumedMessageIndex: Ptr(10),
				LastConsumptionTimestamp: &readAt,
			},
			wantPath: userChannelsPathOf + "/general",
			wantBody: "LastConsumedMessageIndex=10&LastConsumptionTimestamp=2016-10-21T11%3A37%3A03Z&NotificationLevel=muted",
			wantForm: readGoldenForm(t, "testdata/update_user_channel_request.form"),
		},
		{
			name: "index 0 is sent, a time keeps its offset", channel: testChannelSID,
			params: &UpdateUserChannelParams{
				LastConsumedMessageIndex: Ptr(0),
				LastConsumptionTimestamp: Ptr(time.Date(2024, 5, 6, 7, 8, 9, 0, time.FixedZone("", 2*3600))),
			},
			wantPath: userChannelsPathOf + "/" + testChannelSID,
			wantBody: "LastConsumedMessageIndex=0&LastConsumptionTimestamp=2024-05-06T07%3A08%3A09%2B02%3A00",
			wantForm: url.Values{"LastConsumedMessageIndex": {"0"}, "LastConsumptionTimestamp": {"2024-05-06T07:08:09+02:00"}},
		},
		{
			name: "nil params send no key", channel: "a/b ?", params: nil,
			wantPath: userChannelsPathOf + "/a%2Fb%20%3F", wantBody: "", wantForm: url.Values{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/user_channel_update.json"))

			uc, err := rec.client(t).UserChannels.Update(context.Background(), testServiceSID, "alice", tt.channel, tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			if tt.wantBody != "" {
				assertRequest(t, req, http.MethodPost, tt.wantPath, "")
			} else {
				// A POST's empty form is still a form.
				assert.Equal(t, http.MethodPost, req.Method)
				assert.Equal(t, tt.wantPath, req.Path)
				assert.Equal(t, "application/x-www-form-urlencoded", req.Header.Get("Content-Type"))
			}
			assert.Equal(t, tt.wantBody, req.Body)
			assert.Equal(t, tt.wantForm, req.form(t))
			assert.Empty(t, req.Header.Values("X-Twilio-Webhook-Enabled"))
			want := specUserChannel()
			want.LastConsumedMessageIndex = Ptr(10)
			want.NotificationLevel = NotificationLevelMuted
			assert.Equal(t, &want, uc)
		})
	}
}

func TestUserChannelsUpdateValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		user    string
		channel string
		params  *UpdateUserChannelParams
		want    []string
	}{
		{name: "unknown notification level", user: "alice", channel: "general",
			params: &UpdateUserChannelParams{NotificationLevel: Ptr(NotificationLevel("Muted"))},
			want:   []string{`NotificationLevel: "Muted" is not "default" or "muted"`}},
		{name: "zero timestamp", user: "alice", channel: "general",
			params: &UpdateUserChannelParams{LastConsumptionTimestamp: &time.Time{}},
			want:   []string{"LastConsumptionTimestamp: is the zero time"}},
		{name: "everything wrong", user: "", channel: ".",
			params: &UpdateUserChannelParams{NotificationLevel: Ptr(NotificationLevel("")), LastConsumptionTimestamp: &time.Time{}},
			want: []string{
				"UserSid: is empty, want a SID (US followed by 32 hex digits) or a unique name",
				`ChannelSid: "." is a dot segment, which cannot name a resource`,
				`NotificationLevel: "" is not "default" or "muted"`,
				"LastConsumptionTimestamp: is the zero time",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/user_channel_update.json"))

			uc, err := rec.client(t).UserChannels.Update(context.Background(), testServiceSID, tt.user, tt.channel, tt.params)

			assert.Nil(t, uc)
			assert.Equal(t, tt.want, fieldReasons(err))
			assert.Empty(t, rec.requests())
		})
	}
}

func TestUserChannelsDeleteWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		params     *DeleteUserChannelParams
		wantHeader []string
	}{
		{name: "nil params", params: nil},
		{name: "header unset", params: &DeleteUserChannelParams{}},
		{name: "webhooks off", params: &DeleteUserChannelParams{WebhookEnabled: Ptr(false)}, wantHeader: []string{"false"}},
		{name: "webhooks on", params: &DeleteUserChannelParams{WebhookEnabled: Ptr(true)}, wantHeader: []string{"true"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })

			err := rec.client(t).UserChannels.Delete(context.Background(), testServiceSID, "alice", "general", tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodDelete, userChannelsPathOf+"/general", "")
			assert.Empty(t, req.Body, "the header is never a form key")
			assert.Equal(t, tt.wantHeader, req.Header.Values("X-Twilio-Webhook-Enabled"))
		})
	}
}

func TestUserChannelsListPageWire(t *testing.T) {
	t.Parallel()
	full := &UserChannelPage{Items: []UserChannel{specUserChannel()}, Meta: specPageMeta("/Users/USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels", "channels")}
	tests := []struct {
		name      string
		params    *ListUserChannelsParams
		wantQuery string
	}{
		{name: "nil params"},
		{name: "page size", params: &ListUserChannelsParams{PageSize: Ptr(7)}, wantQuery: "PageSize=7"},
		{name: "limit picks the page size, at most 50", params: &ListUserChannelsParams{Limit: 500}, wantQuery: "PageSize=50"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/user_channels_page_full.json"))

			page, err := rec.client(t).UserChannels.ListPage(context.Background(), testServiceSID, "alice", tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodGet, userChannelsPathOf, tt.wantQuery)
			assert.Empty(t, req.Body)
			assert.Equal(t, full, page)
		})
	}
}

func TestUserChannelsListValidation(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/user_channels_page_full.json"))
	userChannels := rec.client(t).UserChannels
	params := &ListUserChannelsParams{PageSize: Ptr(51), Limit: -2}
	want := []string{
		`UserSid: ".." is a dot segment, which cannot name a resource`,
		"PageSize: 51 is not between 1 and 50",
		"Limit: -2 is negative",
	}

	page, err := userChannels.ListPage(context.Background(), testServiceSID, "..", params)
	assertListRefused(t, rec, page, err, userChannels.List(context.Background(), testServiceSID, "..", params), want)
}

// TestUserChannelDecodesNullsAndZeros checks that a null index or count
// decodes to nil (not known), a 0 to a pointer to 0 (known to be none), and
// other nulls to zero values; a status Twilio may add later decodes without
// an error.
func TestUserChannelDecodesNullsAndZeros(t *testing.T) {
	t.Parallel()
	fetch := func(c *Client) (any, error) {
		return valueOf(c.UserChannels.Fetch(context.Background(), testServiceSID, testUserSID, testChannelSID))
	}
	runDecodeCases(t, fetch, []decodeCase{
		{
			name: "nulls",
			body: `{"account_sid": null, "service_sid": null, "channel_sid": "` + testChannelSID + `", "user_sid": null,
				"member_sid": null, "status": "invited", "last_consumed_message_index": null, "unread_messages_count": null,
				"links": null, "url": null, "notification_level": null}`,
			want: &UserChannel{ChannelSID: testChannelSID, Status: ChannelStatusInvited},
		},
		{
			name: "zeros and a new status",
			body: `{"channel_sid": "` + testChannelSID + `", "status": "left", "last_consumed_message_index": 0,
				"unread_messages_count": 0, "added_later": [1]}`,
			want: &UserChannel{ChannelSID: testChannelSID, Status: "left", LastConsumedMessageIndex: Ptr(0), UnreadMessagesCount: Ptr(0)},
		},
	})
}
