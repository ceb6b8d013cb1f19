package twiliochat

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/internal/testkit"
)

// SIDs of the Channel Webhook tests.
const (
	testChannelWebhookSID = "WH0123456789abcdef0123456789abcdef"
	testFlowSID           = "FW0123456789abcdef0123456789abcdef"
)

// channelWebhooksPath is the escaped path of the Webhooks of the Channel
// "support desk" of testServiceSID: the name is one escaped segment.
const channelWebhooksPath = "/v2/Services/" + testServiceSID + "/Channels/support%20desk/Webhooks"

// specWebhook is a Channel Webhook of the spec's examples with the type
// and configuration given, field by field.
func specWebhook(webhookType ChannelWebhookType, config ChannelWebhookConfiguration, updated time.Time) ChannelWebhook {
	return ChannelWebhook{
		SID:           "WHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		AccountSID:    "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ServiceSID:    "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ChannelSID:    "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		Type:          webhookType,
		URL:           "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Webhooks/WHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		Configuration: config,
		DateCreated:   specWebhookDate,
		DateUpdated:   updated,
	}
}

// specWebhookDate is the date_created of the spec's examples.
var specWebhookDate = time.Date(2016, 3, 24, 21, 5, 50, 0, time.UTC)

// specEventWebhook is the webhook of the spec's Create example.
func specEventWebhook() ChannelWebhook {
	return specWebhook(ChannelWebhookTypeWebhook, ChannelWebhookConfiguration{
		URL: "dummy", Method: WebhookMethodGet, Filters: []string{"onMessageSent", "onChannelDestroyed"}, RetryCount: 2,
	}, specWebhookDate)
}

// specTriggerWebhook is the webhook of the spec's Update example.
func specTriggerWebhook() ChannelWebhook {
	return specWebhook(ChannelWebhookTypeTrigger, ChannelWebhookConfiguration{
		URL: "dummy", Method: WebhookMethodPost, Filters: []string{"keyword1", "keyword2"}, RetryCount: 3,
	}, specWebhookDate.Add(time.Second))
}

// specStudioWebhook is the webhook of the spec's Fetch example.
func specStudioWebhook() ChannelWebhook {
	return specWebhook(ChannelWebhookTypeStudio, ChannelWebhookConfiguration{FlowSID: "FWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, specWebhookDate)
}

// newTestChannelWebhooks starts a recorder answering with handler and
// returns the ChannelWebhooks of a client pointed at it.
func newTestChannelWebhooks(t *testing.T, handler http.HandlerFunc) (*ChannelWebhooksService, *recorder) {
	t.Helper()
	rec := newRecorder(t, handler)
	return rec.client(t).ChannelWebhooks, rec
}

func TestChannelWebhooksCreateWire(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	create := func(params *CreateChannelWebhookParams) func(c *Client) (any, error) {
		return func(c *Client) (any, error) {
			return valueOf(c.ChannelWebhooks.Create(ctx, testServiceSID, "support desk", params))
		}
	}
	row := func(name string, params *CreateChannelWebhookParams, body string, form url.Values) wireCase {
		return wireCase{name: name, call: create(params), method: http.MethodPost, path: channelWebhooksPath, body: body, form: form,
			answer: "testdata/channel_webhook_create.json", status: http.StatusCreated, want: Ptr(specEventWebhook())}
	}
	runWireCases(t, []wireCase{
		// The spec's example, with a URL for its "dummy".
		row("events", &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeWebhook), Configuration: &ChannelWebhookConfigurationParams{
			URL: Ptr("https://example.com/chat/events"), Method: Ptr(WebhookMethodGet),
			Filters: []string{"onMessageSent", "onChannelDestroyed"}, RetryCount: Ptr(2),
		}},
			"Configuration.Filters=onMessageSent&Configuration.Filters=onChannelDestroyed&Configuration.Method=GET"+
				"&Configuration.RetryCount=2&Configuration.Url=https%3A%2F%2Fexample.com%2Fchat%2Fevents&Type=webhook",
			readGoldenForm(t, "testdata/create_channel_webhook_request.form")),
		row("studio, no retries sent as 0", &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeStudio), Configuration: &ChannelWebhookConfigurationParams{
			FlowSID: Ptr(testFlowSID), Filters: []string{"onMessageSent"}, RetryCount: Ptr(0),
		}},
			"Configuration.Filters=onMessageSent&Configuration.FlowSid="+testFlowSID+"&Configuration.RetryCount=0&Type=studio",
			url.Values{"Type": {"studio"}, "Configuration.FlowSid": {testFlowSID}, "Configuration.Filters": {"onMessageSent"}, "Configuration.RetryCount": {"0"}}),
		row("five triggers, escaped", &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeTrigger), Configuration: &ChannelWebhookConfigurationParams{
			URL: Ptr("http://example.com/t?a=1&b=2"), Method: Ptr(WebhookMethodPost), Triggers: []string{"help", "a b", "x&y", "ü", "5"},
		}},
			"Configuration.Method=POST&Configuration.Triggers=help&Configuration.Triggers=a+b&Configuration.Triggers=x%26y"+
				"&Configuration.Triggers=%C3%BC&Configuration.Triggers=5&Configuration.Url=http%3A%2F%2Fexample.com%2Ft%3Fa%3D1%26b%3D2&Type=trigger",
			url.Values{"Type": {"trigger"}, "Configuration.Url": {"http://example.com/t?a=1&b=2"}, "Configuration.Method": {"POST"},
				"Configuration.Triggers": {"help", "a b", "x&y", "ü", "5"}}),
		row("no configuration", &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeWebhook), Configuration: &ChannelWebhookConfigurationParams{}},
			"Type=webhook", url.Values{"Type": {"webhook"}}),
	})
}

func TestChannelWebhooksCreateValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	create := func(serviceSID, channel string, params *CreateChannelWebhookParams) func(c *Client) error {
		return func(c *Client) error {
			return errorOf(c.ChannelWebhooks.Create(ctx, cmp.Or(serviceSID, testServiceSID), cmp.Or(channel, "support"), params))
		}
	}
	withConfig := func(c ChannelWebhookConfigurationParams) func(c *Client) error {
		return create("", "", &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeWebhook), Configuration: &c})
	}
	runValidationCases(t, []validationCase{
		{name: "nil params", call: create("", "", nil), want: []string{"Type: is required"}},
		{name: "no Type", call: create("", "", &CreateChannelWebhookParams{Configuration: &ChannelWebhookConfigurationParams{RetryCount: Ptr(1)}}), want: []string{
			"Type: is required"}},
		{name: "unknown Type", call: create("", "", &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookType("Studio"))}), want: []string{
			`Type: "Studio" is not "webhook", "trigger" or "studio"`}},
		{name: "unknown Method", call: withConfig(ChannelWebhookConfigurationParams{Method: Ptr(WebhookMethod("PUT"))}), want: []string{
			`Configuration.Method: "PUT" is not "GET" or "POST"`}},
		{name: "lower-case Method", call: withConfig(ChannelWebhookConfigurationParams{Method: Ptr(WebhookMethod("post"))}), want: []string{
			`Configuration.Method: "post" is not "GET" or "POST"`}},
		{name: "FlowSid of another prefix", call: withConfig(ChannelWebhookConfigurationParams{FlowSID: Ptr(testServiceSID)}), want: []string{
			`Configuration.FlowSid: "` + testServiceSID + `" is not FW followed by 32 hex digits`}},
		{name: "empty FlowSid", call: withConfig(ChannelWebhookConfigurationParams{FlowSID: Ptr("")}), want: []string{
			"Configuration.FlowSid: is empty, want FW followed by 32 hex digits"}},
		{name: "RetryCount 4", call: withConfig(ChannelWebhookConfigurationParams{RetryCount: Ptr(4)}), want: []string{
			"Configuration.RetryCount: 4 is above the maximum of 3"}},
		{name: "RetryCount -1", call: withConfig(ChannelWebhookConfigurationParams{RetryCount: Ptr(-1)}), want: []string{
			"Configuration.RetryCount: -1 is negative"}},
		{name: "six triggers", call: withConfig(ChannelWebhookConfigurationParams{Triggers: strings.Fields("a b c d e f")}), want: []string{
			"Configuration.Triggers: has 6 items, the most is 5"}},
		{name: "relative URL", call: withConfig(ChannelWebhookConfigurationParams{URL: Ptr("/hooks")}), want: []string{
			`Configuration.Url: "/hooks" is not an absolute http or https URL`}},
		{name: "bad path values", call: create("IS1", "..", &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeWebhook), Configuration: &ChannelWebhookConfigurationParams{}}), want: []string{
			`ServiceSid: "IS1" is not IS followed by 32 hex digits`, `ChannelSid: ".." is a dot segment, which cannot name a resource`}},
		{name: "everything wrong", call: create("", ".", &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookType("")), Configuration: &ChannelWebhookConfigurationParams{
			URL: Ptr("ftp://x"), Method: Ptr(WebhookMethod("")), Triggers: make([]string, 9), FlowSID: Ptr("FW"), RetryCount: Ptr(10),
		}}), want: []string{
			`ChannelSid: "." is a dot segment, which cannot name a resource`,
			`Type: "" is not "webhook", "trigger" or "studio"`,
			`Configuration.Url: "ftp://x" is not an absolute http or https URL`,
			`Configuration.Method: "" is not "GET" or "POST"`,
			"Configuration.Triggers: has 9 items, the most is 5",
			`Configuration.FlowSid: "FW" is not FW followed by 32 hex digits`,
			"Configuration.RetryCount: 10 is above the maximum of 3",
		}},
	})
}

func TestChannelWebhooksUpdateWire(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	row := func(name string, params *UpdateChannelWebhookParams, form url.Values) wireCase {
		return wireCase{name: name, method: http.MethodPost, path: channelWebhooksPath + "/" + testChannelWebhookSID, form: form,
			call: func(c *Client) (any, error) {
				return valueOf(c.ChannelWebhooks.Update(ctx, testServiceSID, "support desk", testChannelWebhookSID, params))
			},
			answer: "testdata/channel_webhook_update.json", want: Ptr(specTriggerWebhook())}
	}
	runWireCases(t, []wireCase{
		// The spec's example, with a URL for its "dummy" and a RetryCount
		// within 0 to 3 for its 5.
		row("triggers", &UpdateChannelWebhookParams{Configuration: &ChannelWebhookConfigurationParams{
			URL: Ptr("https://example.com/chat/triggers"), Method: Ptr(WebhookMethodPost), Triggers: []string{"keyword1", "keyword2"}, RetryCount: Ptr(3),
		}}, readGoldenForm(t, "testdata/update_channel_webhook_request.form")),
		row("clear the URL", &UpdateChannelWebhookParams{Configuration: &ChannelWebhookConfigurationParams{URL: Ptr("")}},
			url.Values{"Configuration.Url": {""}}),
		row("nil configuration", &UpdateChannelWebhookParams{}, url.Values{}),
		row("nil params", nil, url.Values{}),
	})
}

func TestChannelWebhooksUpdateValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	update := func(webhookSID string, params *UpdateChannelWebhookParams) func(c *Client) error {
		return func(c *Client) error {
			return errorOf(c.ChannelWebhooks.Update(ctx, testServiceSID, "support", webhookSID, params))
		}
	}
	runValidationCases(t, []validationCase{
		{name: "a Channel SID", call: update("CH0123456789abcdef0123456789abcdef", nil), want: []string{
			`Sid: "CH0123456789abcdef0123456789abcdef" is not WH followed by 32 hex digits`}},
		{name: "bad configuration", call: update(testChannelWebhookSID, &UpdateChannelWebhookParams{Configuration: &ChannelWebhookConfigurationParams{
			Method: Ptr(WebhookMethod("DELETE")), RetryCount: Ptr(4)}}), want: []string{
			`Configuration.Method: "DELETE" is not "GET" or "POST"`, "Configuration.RetryCount: 4 is above the maximum of 3"}},
	})
}

// TestChannelWebhookDecodesNulls checks that JSON nulls, configuration
// included, decode to zero values, that a type or method Twilio may add
// later decodes without an error, and that the triggers of a trigger
// webhook decode.
func TestChannelWebhookDecodes(t *testing.T) {
	t.Parallel()
	fetch := func(c *Client) (any, error) {
		return valueOf(c.ChannelWebhooks.Fetch(context.Background(), testServiceSID, "CH0123456789abcdef0123456789abcdef", testChannelWebhookSID))
	}
	runDecodeCases(t, fetch, []decodeCase{
		{
			name: "nulls",
			body: `{"sid": "` + testChannelWebhookSID + `", "account_sid": null, "service_sid": null, "channel_sid": null, "type": null,
				"url": null, "configuration": null, "date_created": null, "date_updated": null}`,
			want: &ChannelWebhook{SID: testChannelWebhookSID},
		},
		{
			name: "nulls inside the configuration, a type and a method added later",
			body: `{"sid": "` + testChannelWebhookSID + `", "type": "flex", "configuration": {"url": null, "method": "PATCH", "filters": null,
				"triggers": null, "flow_sid": null, "retry_count": null, "added_later": 1}}`,
			want: &ChannelWebhook{SID: testChannelWebhookSID, Type: ChannelWebhookType("flex"), Configuration: ChannelWebhookConfiguration{Method: WebhookMethod("PATCH")}},
		},
		{
			name: "triggers",
			body: `{"sid": "` + testChannelWebhookSID + `", "type": "trigger", "configuration": {"url": "https://example.com/t", "method": "POST",
				"triggers": ["help", "urgent"], "retry_count": 1}}`,
			want: &ChannelWebhook{SID: testChannelWebhookSID, Type: ChannelWebhookTypeTrigger, Configuration: ChannelWebhookConfiguration{
				URL: "https://example.com/t", Method: WebhookMethodPost, Triggers: []string{"help", "urgent"}, RetryCount: 1}},
		},
	})
}

func TestChannelWebhooksListPageWire(t *testing.T) {
	t.Parallel()
	const pageURL = "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Webhooks?PageSize=5&Page=0"
	meta := PageMeta{FirstPageURL: pageURL, URL: pageURL, PageSize: 5, Key: "webhooks"}
	all := []ChannelWebhook{specEventWebhook(), specTriggerWebhook(), specStudioWebhook()}
	all[1].DateUpdated = specWebhookDate // the list example's trigger webhook was not updated
	tests := []struct {
		name      string
		file      string
		params    *ListChannelWebhooksParams
		wantQuery string
		wantPage  *ChannelWebhookPage
	}{
		{name: "nil params", file: "channel_webhooks_page_full.json", wantPage: &ChannelWebhookPage{Items: all, Meta: meta}},
		{name: "the largest page", file: "channel_webhooks_page_full.json", params: &ListChannelWebhooksParams{PageSize: Ptr(5)}, wantQuery: "PageSize=5",
			wantPage: &ChannelWebhookPage{Items: all, Meta: meta}},
		{name: "a limit above it", file: "channel_webhooks_page_empty.json", params: &ListChannelWebhooksParams{Limit: 8}, wantQuery: "PageSize=5",
			wantPage: &ChannelWebhookPage{Items: []ChannelWebhook{}, Meta: meta}},
	}
	cases := make([]wireCase, len(tests))
	for i, tt := range tests {
		cases[i] = wireCase{name: tt.name, method: http.MethodGet, path: channelWebhooksPath, query: tt.wantQuery,
			call: func(c *Client) (any, error) {
				return valueOf(c.ChannelWebhooks.ListPage(context.Background(), testServiceSID, "support desk", tt.params))
			},
			answer: "testdata/" + tt.file, want: tt.wantPage}
	}
	runWireCases(t, cases)
}

func TestChannelWebhooksPages(t *testing.T) {
	t.Parallel()
	hooks, rec := newTestChannelWebhooks(t, (&fakeList{total: 5, path: channelWebhooksPath, key: "webhooks", prefix: "WH"}).ServeHTTP)
	ctx := context.Background()

	page, err := hooks.ListPage(ctx, testServiceSID, "support desk", &ListChannelWebhooksParams{PageSize: Ptr(2)})
	pages := walkPages(t, page, err, func(p *ChannelWebhookPage) (*ChannelWebhookPage, error) { return hooks.NextPage(ctx, p) })
	assert.Equal(t, itemSIDs("WH", 0, 5), sidsOfPages(pages))

	got := testkit.RangeAll(hooks.List(ctx, testServiceSID, "support desk", &ListChannelWebhooksParams{Limit: 4}), nil)
	assert.Empty(t, got.Errs)
	require.Len(t, got.Items, 4)
	assert.Equal(t, itemSIDs("WH", 3, 4)[0], got.Items[3].SID)
	assert.Equal(t, []string{"PageSize=2", "Page=1&PageSize=2&PageToken=PT1", "Page=2&PageSize=2&PageToken=PT2", "PageSize=4"},
		listQueries(t, rec, channelWebhooksPath), "a Limit of 4 is one page of 4")
	_, err = hooks.ListPage(ctx, testServiceSID, "support desk", &ListChannelWebhooksParams{PageSize: Ptr(6)})
	assert.Equal(t, []string{"PageSize: 6 is not between 1 and 5"}, fieldReasons(err))
	assert.EqualValues(t, 4, rec.hits(), "a bad PageSize sends nothing")
}

// TestChannelWebhookEnumsAreTheSpecs checks the ChannelWebhookType and
// WebhookMethod constants against the spec's enums, which Create and Update
// check against.
func TestChannelWebhookEnumsAreTheSpecs(t *testing.T) {
	t.Parallel()
	assert.Equal(t, spec.ChannelWebhookTypes, []string{
		string(ChannelWebhookTypeWebhook), string(ChannelWebhookTypeTrigger), string(ChannelWebhookTypeStudio)})
	assert.Equal(t, spec.WebhookMethods, []string{string(WebhookMethodGet), string(WebhookMethodPost)})
}
