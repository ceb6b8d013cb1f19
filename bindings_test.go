package twiliochat

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

const (
	testBindingSID = "BS0123456789abcdef0123456789abcdef"
	testUserSID    = "US0123456789abcdef0123456789abcdef"
	testChannelSID = "CH0123456789abcdef0123456789abcdef"
)

// bindingsPathOf is the escaped path of testServiceSID's Bindings list.
const bindingsPathOf = "/v2/Services/" + testServiceSID + "/Bindings"

// specBinding is the Binding of the spec's Fetch and List Binding examples,
// field by field.
func specBinding() Binding {
	date := time.Date(2016, 10, 21, 11, 37, 3, 0, time.UTC)
	return Binding{
		SID:           "BSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		AccountSID:    "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ServiceSID:    "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		DateCreated:   date,
		DateUpdated:   date,
		Endpoint:      "TestUser-endpoint",
		Identity:      "TestUser",
		CredentialSID: "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		BindingType:   BindingTypeGCM,
		MessageTypes:  []PushType{PushTypeRemovedFromChannel, PushTypeNewMessage, PushTypeAddedToChannel, PushTypeInvitedToChannel},
		URL:           "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Bindings/BSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		Links:         map[string]string{"user": "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Users/TestUser"},
	}
}

// specPageMeta is the meta of the spec's list examples of the list at
// path (after the Service), keyed key: one page of 50, the only one.
func specPageMeta(path, key string) PageMeta {
	u := "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + path + "?PageSize=50&Page=0"
	return PageMeta{FirstPageURL: u, URL: u, PageSize: 50, Key: key}
}

func TestBindingsListPageWire(t *testing.T) {
	t.Parallel()
	meta := specPageMeta("/Bindings", "bindings")
	full := &BindingPage{Items: []Binding{specBinding()}, Meta: meta}
	tests := []struct {
		name      string
		file      string
		params    *ListBindingsParams
		wantQuery string
		wantPage  *BindingPage
	}{
		{name: "nil params", file: "bindings_page_full.json", wantPage: full},
		{name: "one binding type", file: "bindings_page_full.json",
			params:    &ListBindingsParams{BindingType: []BindingType{BindingTypeGCM}},
			wantQuery: "BindingType=gcm", wantPage: full},
		{name: "every filter, one key per item, in order", file: "bindings_page_full.json",
			params: &ListBindingsParams{
				PageSize:    Ptr(50),
				BindingType: []BindingType{BindingTypeFCM, BindingTypeAPN, BindingTypeGCM},
				Identity:    []string{"TestUser", "bob@example.com", "a&b=c d"},
			},
			wantQuery: "BindingType=fcm&BindingType=apn&BindingType=gcm&Identity=TestUser&Identity=bob%40example.com&Identity=a%26b%3Dc+d&PageSize=50",
			wantPage:  full},
		{name: "limit picks the page size, at most 50", file: "bindings_page_full.json",
			params: &ListBindingsParams{Limit: 80, Identity: []string{"TestUser"}}, wantQuery: "Identity=TestUser&PageSize=50", wantPage: full},
		{name: "empty page", file: "bindings_page_empty.json", params: &ListBindingsParams{PageSize: Ptr(1)}, wantQuery: "PageSize=1",
			wantPage: &BindingPage{Items: []Binding{}, Meta: meta}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/"+tt.file))

			page, err := rec.client(t).Bindings.ListPage(context.Background(), testServiceSID, tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodGet, bindingsPathOf, tt.wantQuery)
			assert.Empty(t, req.Body)
			assert.Equal(t, tt.wantPage, page)
		})
	}
}

func TestBindingsListValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		serviceSID string
		params     *ListBindingsParams
		want       []string
	}{
		{name: "unknown binding type", serviceSID: testServiceSID,
			params: &ListBindingsParams{BindingType: []BindingType{BindingTypeAPN, "GCM", "sms"}},
			want: []string{
				`BindingType: item 1: "GCM" is not "gcm", "apn" or "fcm"`,
				`BindingType: item 2: "sms" is not "gcm", "apn" or "fcm"`,
			}},
		{name: "empty binding type", serviceSID: testServiceSID, params: &ListBindingsParams{BindingType: []BindingType{""}},
			want: []string{`BindingType: item 0: "" is not "gcm", "apn" or "fcm"`}},
		{name: "page size above 50", serviceSID: testServiceSID, params: &ListBindingsParams{PageSize: Ptr(51)},
			want: []string{"PageSize: 51 is not between 1 and 50"}},
		{name: "everything wrong", serviceSID: testBindingSID,
			params: &ListBindingsParams{PageSize: Ptr(0), Limit: -1, BindingType: []BindingType{"voip"}},
			want: []string{
				`ServiceSid: "` + testBindingSID + `" is not IS followed by 32 hex digits`,
				`BindingType: item 0: "voip" is not "gcm", "apn" or "fcm"`,
				"PageSize: 0 is not between 1 and 50",
				"Limit: -1 is negative",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/bindings_page_full.json"))
			bindings := rec.client(t).Bindings

			page, err := bindings.ListPage(context.Background(), tt.serviceSID, tt.params)
			assertListRefused(t, rec, page, err, bindings.List(context.Background(), tt.serviceSID, tt.params), tt.want)
		})
	}
}

// TestBindingDecodesNullsAndNewValues checks that JSON nulls decode to zero
// values and that a binding type or push type Twilio may add later decodes
// without an error.
func TestBindingDecodesNullsAndNewValues(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, respondJSON(http.StatusOK, `{
		"sid": "`+testBindingSID+`", "account_sid": null, "service_sid": null, "date_created": null,
		"date_updated": null, "endpoint": null, "identity": null, "user_sid": null, "credential_sid": null,
		"binding_type": "webpush", "message_types": ["new_message", "reaction_added"], "url": null, "links": null,
		"added_later": true}`))

	b, err := rec.client(t).Bindings.Fetch(context.Background(), testServiceSID, testBindingSID)
	require.NoError(t, err)
	assert.Equal(t, &Binding{SID: testBindingSID, BindingType: "webpush", MessageTypes: []PushType{PushTypeNewMessage, "reaction_added"}}, b)
}

// TestUnaddressableAnswersAreDecodeErrors checks that a Binding or User
// Channel the caller could not address again, without its SID, fails as a
// *DecodeError.
func TestUnaddressableAnswersAreDecodeErrors(t *testing.T) {
	t.Parallel()
	fetchBinding := func(c *Client) (any, error) {
		return c.UserBindings.Fetch(context.Background(), testServiceSID, "alice", testBindingSID)
	}
	fetchUserChannel := func(c *Client) (any, error) {
		return c.UserChannels.Fetch(context.Background(), testServiceSID, "alice", "general")
	}
	tests := []struct {
		name, body, wantErr string
		fetch               func(c *Client) (any, error)
	}{
		{"Binding with a null sid", `{"sid": null, "identity": "alice"}`, "the Binding has no sid", fetchBinding},
		{"Binding with a Credential SID", `{"sid": "CR0123456789abcdef0123456789abcdef"}`, "the Binding's sid is not BS followed by 32 hex digits", fetchBinding},
		{"User Channel of {}", `{}`, "the User Channel has no channel_sid", fetchUserChannel},
		{"User Channel with a null channel_sid", `{"channel_sid": null, "status": "joined"}`, "the User Channel has no channel_sid", fetchUserChannel},
		{"User Channel with a unique name", `{"channel_sid": "general"}`, "the User Channel's channel_sid is not CH followed by 32 hex digits", fetchUserChannel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, respondJSON(http.StatusOK, tt.body))

			got, err := tt.fetch(rec.client(t))

			assert.Nil(t, got)
			var decErr *DecodeError
			require.ErrorAs(t, err, &decErr)
			assert.EqualError(t, decErr.Err, tt.wantErr)
		})
	}
}

// TestEnumConstantsAreTheSpecs checks the enum constants of Bindings and
// User Channels against the spec's enums, which the params are checked
// against.
func TestEnumConstantsAreTheSpecs(t *testing.T) {
	t.Parallel()
	assert.Equal(t, spec.BindingTypes, []string{string(BindingTypeGCM), string(BindingTypeAPN), string(BindingTypeFCM)})
	assert.Equal(t, spec.NotificationLevels, []string{string(NotificationLevelDefault), string(NotificationLevelMuted)})
	assert.Equal(t, spec.ChannelStatuses, []string{string(ChannelStatusJoined), string(ChannelStatusInvited), string(ChannelStatusNotParticipating)})
}
