package twiliochat

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/stretchr/testify/assert"
)

// specChannel is the Channel of the spec's Fetch example, field by field.
func specChannel() *Channel {
	date := time.Date(2015, 12, 16, 22, 18, 37, 0, time.UTC)
	const url = "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	return &Channel{
		SID:          "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		AccountSID:   "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ServiceSID:   "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		FriendlyName: "friendly_name",
		UniqueName:   "unique_name",
		Attributes:   `{ "foo": "bar" }`,
		Type:         ChannelTypePublic,
		DateCreated:  date,
		DateUpdated:  date,
		CreatedBy:    "system",
		URL:          url,
		Links: map[string]string{
			"members": url + "/Members", "messages": url + "/Messages", "invites": url + "/Invites",
			"webhooks": url + "/Webhooks", "last_message": "",
		},
	}
}

// createdChannel is the Channel of the spec's Create and Update examples.
func createdChannel() *Channel {
	ch := specChannel()
	ch.DateUpdated = ch.DateUpdated.Add(time.Second)
	ch.CreatedBy = "username"
	return ch
}

// channelsPath is the escaped path of testServiceSID's Channels list.
const channelsPath = "/v2/Services/" + testServiceSID + "/Channels"

func TestChannelsWire(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	created := time.Date(2016, 3, 24, 21, 5, 19, 0, time.UTC)
	updated := time.Date(2016, 3, 24, 22, 5, 19, 0, time.FixedZone("CET", 3600))
	runWireCases(t, []wireCase{
		{
			name: "Create with every key", method: "POST", path: channelsPath, answer: "testdata/channel_create.json", want: createdChannel(),
			form: readGoldenForm(t, "testdata/create_channel_request.form"), webhook: []string{"true"},
			call: func(c *Client) (any, error) {
				return valueOf(c.Channels.Create(ctx, testServiceSID, &CreateChannelParams{
					FriendlyName: Ptr("Billing & Support"), UniqueName: Ptr("support/emea"), Attributes: Ptr(`{"topic": "billing"}`),
					Type: Ptr(ChannelTypePrivate), DateCreated: &created, DateUpdated: &updated, CreatedBy: Ptr("jing"),
					WebhookEnabled: Ptr(true),
				}))
			},
		},
		{
			name: "Create with nil params", method: "POST", path: channelsPath, answer: "testdata/channel_create.json", want: createdChannel(),
			form: url.Values{},
			call: func(c *Client) (any, error) { return valueOf(c.Channels.Create(ctx, testServiceSID, nil)) },
		},
		{
			name: "Fetch by unique name", method: "GET", path: channelsPath + "/support%2Femea", answer: "testdata/channel_fetch.json", want: specChannel(),
			call: func(c *Client) (any, error) { return valueOf(c.Channels.Fetch(ctx, testServiceSID, "support/emea")) },
		},
		{
			name: "Update every key", method: "POST", path: channelsPath + "/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			answer: "testdata/channel_update.json", want: createdChannel(), webhook: []string{"false"},
			form: url.Values{"FriendlyName": {""}, "UniqueName": {"ünïcode"}, "Attributes": {"[1, 2]"}, "CreatedBy": {"system"},
				"DateCreated": {"2016-03-24T21:05:19Z"}, "DateUpdated": {"2016-03-24T22:05:19+01:00"}},
			call: func(c *Client) (any, error) {
				return valueOf(c.Channels.Update(ctx, testServiceSID, "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", &UpdateChannelParams{
					FriendlyName: Ptr(""), UniqueName: Ptr("ünïcode"), Attributes: Ptr("[1, 2]"), CreatedBy: Ptr("system"),
					DateCreated: &created, DateUpdated: &updated, WebhookEnabled: Ptr(false),
				}))
			},
		},
		{
			name: "Delete with the header", method: "DELETE", path: channelsPath + "/%C3%BCn%C3%AFcode", webhook: []string{"false"},
			call: func(c *Client) (any, error) {
				return deleted(c.Channels.Delete(ctx, testServiceSID, "ünïcode", &DeleteChannelParams{WebhookEnabled: Ptr(false)}))
			},
		},
		{
			name: "Delete with nil params", method: "DELETE", path: channelsPath + "/general",
			call: func(c *Client) (any, error) { return deleted(c.Channels.Delete(ctx, testServiceSID, "general", nil)) },
		},
		{
			name: "ListPage of two types", method: "GET", path: channelsPath, query: "PageSize=3&Type=private&Type=public",
			answer: "testdata/channels_page_full.json",
			want: &ChannelPage{Items: []Channel{*specChannel()}, Meta: PageMeta{
				FirstPageURL: "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels?PageSize=50&Page=0",
				URL:          "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels?PageSize=50&Page=0",
				PageSize:     50, Key: "channels",
			}},
			call: func(c *Client) (any, error) {
				return valueOf(c.Channels.ListPage(ctx, testServiceSID, &ListChannelsParams{
					Limit: 3, Type: []ChannelType{ChannelTypePrivate, ChannelTypePublic}}))
			},
		},
	})
}

func TestChannelsValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	runValidationCases(t, []validationCase{
		{name: "Create with every key bad", want: []string{
			`ServiceSid: is empty, want IS followed by 32 hex digits`,
			`Attributes: "{" is not valid JSON`,
			`Type: "Public" is not "public" or "private"`,
			"DateCreated: is the zero time",
			"DateUpdated: is the zero time"},
			call: func(c *Client) error {
				return errorOf(c.Channels.Create(ctx, "", &CreateChannelParams{
					Attributes: Ptr("{"), Type: Ptr(ChannelType("Public")), DateCreated: &time.Time{}, DateUpdated: &time.Time{}}))
			}},
		{name: "Update with bad keys", want: []string{
			`Sid: is empty, want a SID (CH followed by 32 hex digits) or a unique name`,
			`Attributes: "nope" is not valid JSON`,
			"DateUpdated: is the zero time"},
			call: func(c *Client) error {
				return errorOf(c.Channels.Update(ctx, testServiceSID, "", &UpdateChannelParams{Attributes: Ptr("nope"), DateUpdated: &time.Time{}}))
			}},
		{name: "Delete a dot segment", want: []string{`Sid: "." is a dot segment, which cannot name a resource`},
			call: func(c *Client) error { return c.Channels.Delete(ctx, testServiceSID, ".", nil) }},
		{name: "ListPage with unknown types", want: []string{
			`Type: item 1: "" is not "public" or "private"`,
			`Type: item 2: "direct" is not "public" or "private"`},
			call: func(c *Client) error {
				return errorOf(c.Channels.ListPage(ctx, testServiceSID, &ListChannelsParams{Type: []ChannelType{ChannelTypePublic, "", "direct"}}))
			}},
		{name: "List with an unknown type", want: []string{`Type: item 0: "direct" is not "public" or "private"`},
			call: func(c *Client) error {
				return firstError(c.Channels.List(ctx, testServiceSID, &ListChannelsParams{Type: []ChannelType{"direct"}}))
			}},
	})
}

// TestChannelTypesAreTheSpecs checks the ChannelType constants against the
// spec's channel_enum_channel_type.
func TestChannelTypesAreTheSpecs(t *testing.T) {
	t.Parallel()
	assert.Equal(t, spec.ChannelTypes, []string{string(ChannelTypePublic), string(ChannelTypePrivate)})
}
