package twiliochat

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readGoldenForm reads a testdata form file: one key=value a line, a key
// repeated for each value of a list, values not escaped.
func readGoldenForm(t *testing.T, name string) url.Values {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	form := url.Values{}
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		key, value, ok := strings.Cut(line, "=")
		require.True(t, ok, "line %q has no =", line)
		form.Add(key, value)
	}
	return form
}

// seedParams holds the request example of the Update Service page,
// placeholders included.
func seedParams() *UpdateServiceParams {
	role := "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	return &UpdateServiceParams{
		FriendlyName:                 Ptr("friendly_name"),
		PreWebhookURL:                Ptr("pre_webhook_url"),
		WebhookMethod:                Ptr(WebhookMethod("webhook_method")),
		PostWebhookURL:               Ptr("post_webhook_url"),
		WebhookFilters:               []string{"webhook_filters"},
		ReadStatusEnabled:            Ptr(false),
		Limits:                       &LimitsParams{UserChannels: Ptr(500), ChannelMembers: Ptr(600)},
		ReachabilityEnabled:          Ptr(false),
		PreWebhookRetryCount:         Ptr(2),
		DefaultChannelRoleSID:        Ptr(role),
		DefaultServiceRoleSID:        Ptr(role),
		PostWebhookRetryCount:        Ptr(3),
		TypingIndicatorTimeout:       Ptr(100),
		ConsumptionReportInterval:    Ptr(100),
		Media:                        &MediaParams{CompatibilityMessage: Ptr("new media compatibility message")},
		DefaultChannelCreatorRoleSID: Ptr(role),
		Notifications: &NotificationsParams{
			LogEnabled: Ptr(true),
			NewMessage: &NewMessageNotificationParams{
				Enabled:           Ptr(false),
				Template:          Ptr("notifications.new_message.template"),
				BadgeCountEnabled: Ptr(true),
			},
			AddedToChannel:     &NotificationParams{Enabled: Ptr(false), Template: Ptr("notifications.added_to_channel.template")},
			InvitedToChannel:   &NotificationParams{Enabled: Ptr(false), Template: Ptr("notifications.invited_to_channel.template")},
			RemovedFromChannel: &NotificationParams{Enabled: Ptr(false), Template: Ptr("notifications.removed_from_channel.template")},
		},
	}
}

// allKeysParams sets every one of the 31 form keys to a valid value,
// zero values and characters that need escaping included.
func allKeysParams() *UpdateServiceParams {
	return &UpdateServiceParams{
		FriendlyName:                 Ptr("support & sales = team"),
		DefaultServiceRoleSID:        Ptr("RL00000000000000000000000000000001"),
		DefaultChannelRoleSID:        Ptr("RL00000000000000000000000000000002"),
		DefaultChannelCreatorRoleSID: Ptr("RL00000000000000000000000000000003"),
		ReadStatusEnabled:            Ptr(false),
		ReachabilityEnabled:          Ptr(true),
		TypingIndicatorTimeout:       Ptr(5),
		ConsumptionReportInterval:    Ptr(0),
		Notifications: &NotificationsParams{
			NewMessage: &NewMessageNotificationParams{
				Enabled: Ptr(true), Template: Ptr("${USER}: ${MESSAGE}"), Sound: Ptr("default"), BadgeCountEnabled: Ptr(true),
			},
			AddedToChannel:     &NotificationParams{Enabled: Ptr(true), Template: Ptr("You joined ${CHANNEL}"), Sound: Ptr("added.wav")},
			RemovedFromChannel: &NotificationParams{Enabled: Ptr(true), Template: Ptr("line one"), Sound: Ptr("removed.wav")},
			InvitedToChannel:   &NotificationParams{Enabled: Ptr(false), Template: Ptr("${USER} invited you"), Sound: Ptr("")},
			LogEnabled:         Ptr(false),
		},
		PreWebhookURL:         Ptr("http://hooks.example.com:8080/pre"),
		PostWebhookURL:        Ptr("https://hooks.example.com/post?team=a&b=c"),
		WebhookMethod:         Ptr(WebhookMethodGet),
		WebhookFilters:        []string{"onMessageSend", "onMessageSent", "onChannelAdd"},
		Limits:                &LimitsParams{ChannelMembers: Ptr(1000), UserChannels: Ptr(0)},
		Media:                 &MediaParams{CompatibilityMessage: Ptr("📎 media message")},
		PreWebhookRetryCount:  Ptr(0),
		PostWebhookRetryCount: Ptr(3),
	}
}

// TestEncodeSeedGolden encodes the seed's request example, without
// validation, and compares it key by key with the golden form.
func TestEncodeSeedGolden(t *testing.T) {
	t.Parallel()
	form, err := encodeForm(seedParams())
	require.NoError(t, err)
	want := readGoldenForm(t, "testdata/update_service_request.form")
	assert.Len(t, form, 27)
	assert.Equal(t, want, form)
}

// TestUpdateSendsEveryKey sends all 31 keys through Update and checks the
// request line, the headers and every form value.
func TestUpdateSendsEveryKey(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/service.json"))
	c := rec.client(t, WithUserAgent("acme-backend/2.1"))

	_, err := c.Services.Update(context.Background(), testServiceSID, allKeysParams())
	require.NoError(t, err)

	got := rec.onlyRequest(t)
	assert.Equal(t, http.MethodPost, got.Method)
	assert.Equal(t, "/v2/Services/"+testServiceSID, got.Path)
	assert.Empty(t, got.Query)
	assert.Equal(t, "application/x-www-form-urlencoded", got.Header.Get("Content-Type"))
	assert.Equal(t, "application/json", got.Header.Get("Accept"))
	assert.Regexp(t, `^twiliochat/`+Version+` \([a-z0-9]+ [a-z0-9]+\) go/\S+ acme-backend/2\.1$`, got.Header.Get("User-Agent"))
	user, pass, ok := (&http.Request{Header: got.Header}).BasicAuth()
	require.True(t, ok)
	assert.Equal(t, testAccountSID, user)
	assert.Equal(t, testAuthToken, pass)

	form, err := url.ParseQuery(got.Body)
	require.NoError(t, err)
	want := readGoldenForm(t, "testdata/update_service_all_keys.form")
	assert.Len(t, want, 31)
	assert.Equal(t, want, form)
	assert.Equal(t, want.Encode(), got.Body, "keys are sorted as url.Values.Encode sorts them")
}

// TestUpdateSendsZeroValues checks that a set pointer is sent even when it
// holds false, 0 or "", and that nil pointers and empty nested structs send
// nothing.
func TestUpdateSendsZeroValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		params *UpdateServiceParams
		want   url.Values
	}{
		{"nil params", nil, url.Values{}},
		{"empty params", &UpdateServiceParams{}, url.Values{}},
		{"empty nested", &UpdateServiceParams{Notifications: &NotificationsParams{NewMessage: &NewMessageNotificationParams{}}, Limits: &LimitsParams{}, Media: &MediaParams{}}, url.Values{}},
		{"empty filters", &UpdateServiceParams{WebhookFilters: []string{}}, url.Values{}},
		{"false", &UpdateServiceParams{ReadStatusEnabled: Ptr(false)}, url.Values{"ReadStatusEnabled": {"false"}}},
		{"zero", &UpdateServiceParams{TypingIndicatorTimeout: Ptr(0)}, url.Values{"TypingIndicatorTimeout": {"0"}}},
		{"empty string", &UpdateServiceParams{FriendlyName: Ptr("")}, url.Values{"FriendlyName": {""}}},
		{"clear webhook", &UpdateServiceParams{PreWebhookURL: Ptr("")}, url.Values{"PreWebhookUrl": {""}}},
		{"nested zero", &UpdateServiceParams{Limits: &LimitsParams{UserChannels: Ptr(0)}}, url.Values{"Limits.UserChannels": {"0"}}},
		{"deep nested false", &UpdateServiceParams{Notifications: &NotificationsParams{InvitedToChannel: &NotificationParams{Enabled: Ptr(false)}}}, url.Values{"Notifications.InvitedToChannel.Enabled": {"false"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/service.json"))
			_, err := rec.client(t).Services.Update(context.Background(), testServiceSID, tt.params)
			require.NoError(t, err)
			req := rec.onlyRequest(t)
			form, err := url.ParseQuery(req.Body)
			require.NoError(t, err)
			assert.Equal(t, tt.want, form)
			assert.Equal(t, "application/x-www-form-urlencoded", req.Header.Get("Content-Type"))
		})
	}
}

// TestUpdateValidation checks each rule: the error names the form key, and
// no request is sent.
func TestUpdateValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		sid    string
		params *UpdateServiceParams
		fields []string
	}{
		{"empty sid", "", nil, []string{"Sid"}},
		{"role sid as service sid", testRoleSID, nil, []string{"Sid"}},
		{"short sid", testServiceSID[:33], nil, []string{"Sid"}},
		{"long sid", testServiceSID + "0", nil, []string{"Sid"}},
		{"sid with slash", "IS0123456789abcdef0123456789abc/ef", nil, []string{"Sid"}},
		{"sid with non-hex", "IS0123456789abcdef0123456789abcdeg", nil, []string{"Sid"}},
		{"lower-case prefix", "is0123456789abcdef0123456789abcdef", nil, []string{"Sid"}},
		{"service role", testServiceSID, &UpdateServiceParams{DefaultServiceRoleSID: Ptr(testServiceSID)}, []string{"DefaultServiceRoleSid"}},
		{"channel role", testServiceSID, &UpdateServiceParams{DefaultChannelRoleSID: Ptr("RL123")}, []string{"DefaultChannelRoleSid"}},
		{"creator role", testServiceSID, &UpdateServiceParams{DefaultChannelCreatorRoleSID: Ptr("")}, []string{"DefaultChannelCreatorRoleSid"}},
		{"webhook method", testServiceSID, &UpdateServiceParams{WebhookMethod: Ptr(WebhookMethod("PUT"))}, []string{"WebhookMethod"}},
		{"webhook method case", testServiceSID, &UpdateServiceParams{WebhookMethod: Ptr(WebhookMethod("post"))}, []string{"WebhookMethod"}},
		{"pre webhook relative", testServiceSID, &UpdateServiceParams{PreWebhookURL: Ptr("/hooks")}, []string{"PreWebhookUrl"}},
		{"post webhook scheme", testServiceSID, &UpdateServiceParams{PostWebhookURL: Ptr("ftp://example.com/x")}, []string{"PostWebhookUrl"}},
		{"post webhook no host", testServiceSID, &UpdateServiceParams{PostWebhookURL: Ptr("https:///x")}, []string{"PostWebhookUrl"}},
		{"typing timeout", testServiceSID, &UpdateServiceParams{TypingIndicatorTimeout: Ptr(-1)}, []string{"TypingIndicatorTimeout"}},
		{"consumption interval", testServiceSID, &UpdateServiceParams{ConsumptionReportInterval: Ptr(-5)}, []string{"ConsumptionReportInterval"}},
		{"pre retry count", testServiceSID, &UpdateServiceParams{PreWebhookRetryCount: Ptr(-1)}, []string{"PreWebhookRetryCount"}},
		{"post retry count", testServiceSID, &UpdateServiceParams{PostWebhookRetryCount: Ptr(-1)}, []string{"PostWebhookRetryCount"}},
		{"channel members high", testServiceSID, &UpdateServiceParams{Limits: &LimitsParams{ChannelMembers: Ptr(1001)}}, []string{"Limits.ChannelMembers"}},
		{"user channels negative", testServiceSID, &UpdateServiceParams{Limits: &LimitsParams{UserChannels: Ptr(-1)}}, []string{"Limits.UserChannels"}},
		{"seed placeholders", testServiceSID, seedParams(), []string{"PreWebhookUrl", "PostWebhookUrl", "WebhookMethod"}},
		{"all at once", "nope", &UpdateServiceParams{
			DefaultServiceRoleSID: Ptr("x"), WebhookMethod: Ptr(WebhookMethod("DELETE")),
			Limits: &LimitsParams{ChannelMembers: Ptr(-1), UserChannels: Ptr(5000)},
		}, []string{"Sid", "DefaultServiceRoleSid", "WebhookMethod", "Limits.ChannelMembers", "Limits.UserChannels"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/service.json"))
			svc, err := rec.client(t).Services.Update(context.Background(), tt.sid, tt.params)
			require.Error(t, err)
			assert.Nil(t, svc)
			assert.ElementsMatch(t, tt.fields, validationFields(err), "in any order: the spec's checks come before the type's own")
			assert.Empty(t, rec.requests(), "no request may be sent for bad input")
		})
	}
}

// TestUpdateDecodesService checks every field decoded from the seed's
// response example.
func TestUpdateDecodesService(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/service.json"))
	svc, err := rec.client(t).Services.Update(context.Background(), testServiceSID, nil)
	require.NoError(t, err)

	// The seed's Update example is the spec's Create example with other
	// limits, notifications and media message.
	want := specService()
	want.Limits = ServiceLimits{ChannelMembers: 500, UserChannels: 600}
	want.Notifications = ServiceNotifications{
		LogEnabled: true,
		NewMessage: NewMessageNotification{
			Enabled: false, Template: "notifications.new_message.template", BadgeCountEnabled: true,
		},
		AddedToChannel:     Notification{Template: "notifications.added_to_channel.template"},
		RemovedFromChannel: Notification{Template: "notifications.removed_from_channel.template"},
		InvitedToChannel:   Notification{Template: "notifications.invited_to_channel.template"},
	}
	want.Media.CompatibilityMessage = "new media compatibility message"
	assert.Equal(t, &want, svc)
}

// TestDecodeServiceNullsAndUnknowns checks that JSON null gives the zero
// value, that sounds decode, and that unknown fields are ignored.
func TestDecodeServiceNullsAndUnknowns(t *testing.T) {
	t.Parallel()
	body := `{"sid":"` + testServiceSID + `","friendly_name":null,"date_created":null,"date_updated":"2024-02-29T23:59:59Z",
		"read_status_enabled":null,"limits":null,"media":null,"links":null,"webhook_filters":null,
		"notifications":{"new_message":{"sound":"ding","enabled":true},"added_to_channel":{"sound":"pop"},
		"removed_from_channel":null,"invited_to_channel":{"sound":null}},"brand_new_field":{"x":[1,2]}}`
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(body)) })
	svc, err := rec.client(t).Services.Update(context.Background(), testServiceSID, nil)
	require.NoError(t, err)
	want := &Service{
		SID:         testServiceSID,
		DateUpdated: time.Date(2024, 2, 29, 23, 59, 59, 0, time.UTC),
		Notifications: ServiceNotifications{
			NewMessage:     NewMessageNotification{Enabled: true, Sound: "ding"},
			AddedToChannel: Notification{Sound: "pop"},
		},
	}
	assert.Equal(t, want, svc)
	assert.True(t, svc.DateCreated.IsZero())
}
