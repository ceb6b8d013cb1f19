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
	tests := []struct {
		name     string
		params   *CreateChannelWebhookParams
		wantBody string
		wantForm url.Values
	}{
		{
			// The spec's example, with a URL for its "dummy".
			name: "events",
			params: &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeWebhook), Configuration: &ChannelWebhookConfigurationParams{
				URL: Ptr("https://example.com/chat/events"), Method: Ptr(WebhookMethodGet),
				Filters: []string{"onMessageSent", "onChannelDestroyed"}, RetryCount: Ptr(2),
			}},
			wantBody: "Configuration.Filters=onMessageSent&Configuration.Filters=onChannelDestroyed&Configuration.Method=GET" +
				"&Configuration.RetryCount=2&Configuration.Url=https%3A%2F%2Fexample.com%2Fchat%2Fevents&Type=webhook",
			wantForm: readGoldenForm(t, "testdata/create_channel_webhook_request.form"),
		},
		{
			name: "studio, no retries sent as 0",
			params: &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeStudio), Configuration: &ChannelWebhookConfigurationParams{
				FlowSID: Ptr(testFlowSID), Filters: []string{"onMessageSent"}, RetryCount: Ptr(0),
			}},
			wantBody: "Configuration.Filters=onMessageSent&Configuration.FlowSid=" + testFlowSID + "&Configuration.RetryCount=0&Type=studio",
			wantForm: url.Values{"Type": {"studio"}, "Configuration.FlowSid": {testFlowSID}, "Configuration.Filters": {"onMessageSent"}, "Configuration.RetryCount": {"0"}},
		},
		{
			name: "five triggers, escaped",
			params: &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeTrigger), Configuration: &ChannelWebhookConfigurationParams{
				URL: Ptr("http://example.com/t?a=1&b=2"), Method: Ptr(WebhookMethodPost), Triggers: []string{"help", "a b", "x&y", "ü", "5"},
			}},
			wantBody: "Configuration.Method=POST&Configuration.Triggers=help&Configuration.Triggers=a+b&Configuration.Triggers=x%26y" +
				"&Configuration.Triggers=%C3%BC&Configuration.Triggers=5&Configuration.Url=http%3A%2F%2Fexample.com%2Ft%3Fa%3D1%26b%3D2&Type=trigger",
			wantForm: url.Values{"Type": {"trigger"}, "Configuration.Url": {"http://example.com/t?a=1&b=2"}, "Configuration.Method": {"POST"},
				"Configuration.Triggers": {"help", "a b", "x&y", "ü", "5"}},
		},
		{
			name:     "no configuration",
			params:   &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeWebhook), Configuration: &ChannelWebhookConfigurationParams{}},
			wantBody: "Type=webhook",
			wantForm: url.Values{"Type": {"webhook"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hooks, rec := newTestChannelWebhooks(t, serveFile(t, http.StatusCreated, "testdata/channel_webhook_create.json"))

			hook, err := hooks.Create(context.Background(), testServiceSID, "support desk", tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodPost, channelWebhooksPath, "")
			assert.Equal(t, tt.wantBody, req.Body)
			assert.Equal(t, tt.wantForm, req.form(t))
			require.NotNil(t, hook)
			assert.Equal(t, specEventWebhook(), *hook)
		})
	}
}

func TestChannelWebhooksCreateValidation(t *testing.T) {
	t.Parallel()
	withConfig := func(c ChannelWebhookConfigurationParams) *CreateChannelWebhookParams {
		return &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeWebhook), Configuration: &c}
	}
	tests := []struct {
		name       string
		serviceSID string
		channel    string
		params     *CreateChannelWebhookParams
		want       []string
	}{
		{name: "nil params", params: nil, want: []string{"Type: is required"}},
		{name: "no Type", params: &CreateChannelWebhookParams{Configuration: &ChannelWebhookConfigurationParams{RetryCount: Ptr(1)}}, want: []string{
			"Type: is required"}},
		{name: "unknown Type", params: &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookType("Studio"))}, want: []string{
			`Type: "Studio" is not "webhook", "trigger" or "studio"`}},
		{name: "unknown Method", params: withConfig(ChannelWebhookConfigurationParams{Method: Ptr(WebhookMethod("PUT"))}), want: []string{
			`Configuration.Method: "PUT" is not "GET" or "POST"`}},
		{name: "lower-case Method", params: withConfig(ChannelWebhookConfigurationParams{Method: Ptr(WebhookMethod("post"))}), want: []string{
			`Configuration.Method: "post" is not "GET" or "POST"`}},
		{name: "FlowSid of another prefix", params: withConfig(ChannelWebhookConfigurationParams{FlowSID: Ptr(testServiceSID)}), want: []string{
			`Configuration.FlowSid: "` + testServiceSID + `" is not FW followed by 32 hex digits`}},
		{name: "empty FlowSid", params: withConfig(ChannelWebhookConfigurationParams{FlowSID: Ptr("")}), want: []string{
			"Configuration.FlowSid: is empty, want FW followed by 32 hex digits"}},
		{name: "RetryCount 4", params: withConfig(ChannelWebhookConfigurationParams{RetryCount: Ptr(4)}), want: []string{
			"Configuration.RetryCount: 4 is above the maximum of 3"}},
		{name: "RetryCount -1", params: withConfig(ChannelWebhookConfigurationParams{RetryCount: Ptr(-1)}), want: []string{
			"Configuration.RetryCount: -1 is negative"}},
		{name: "six triggers", params: withConfig(ChannelWebhookConfigurationParams{Triggers: strings.Fields("a b c d e f")}), want: []string{
			"Configuration.Triggers: has 6 items, the most is 5"}},
		{name: "relative URL", params: withConfig(ChannelWebhookConfigurationParams{URL: Ptr("/hooks")}), want: []string{
			`Configuration.Url: "/hooks" is not an absolute http or https URL`}},
		{name: "bad path values", serviceSID: "IS1", channel: "..", params: withConfig(ChannelWebhookConfigurationParams{}), want: []string{
			`ServiceSid: "IS1" is not IS followed by 32 hex digits`, `ChannelSid: ".." is a dot segment, which cannot name a resource`}},
		{name: "everything wrong", channel: ".", params: &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookType("")), Configuration: &ChannelWebhookConfigurationParams{
			URL: Ptr("ftp://x"), Method: Ptr(WebhookMethod("")), Triggers: make([]string, 9), FlowSID: Ptr("FW"), RetryCount: Ptr(10),
		}}, want: []string{
			`ChannelSid: "." is a dot segment, which cannot name a resource`,
			`Type: "" is not "webhook", "trigger" or "studio"`,
			`Configuration.Url: "ftp://x" is not an absolute http or https URL`,
			`Configuration.Method: "" is not "GET" or "POST"`,
			"Configuration.Triggers: has 9 items, the most is 5",
			`Configuration.FlowSid: "FW" is not FW followed by 32 hex digits`,
			"Configuration.RetryCount: 10 is above the maximum of 3",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hooks, rec := newTestChannelWebhooks(t, serveFile(t, http.StatusCreated, "testdata/channel_webhook_create.json"))

			hook, err := hooks.Create(context.Background(), cmp.Or(tt.serviceSID, testServiceSID), cmp.Or(tt.channel, "support"), tt.params)

			assert.Nil(t, hook)
			assert.Equal(t, tt.want, fieldReasons(err))
			assert.Empty(t, rec.requests())
		})
	}
}

func TestChannelWebhooksUpdateWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		params   *UpdateChannelWebhookParams
		wantForm url.Values
	}{
		{
			// The spec's example, with a URL for its "dummy" and a
			// RetryCount within 0 to 3 for its 5.
			name: "triggers",
			params: &UpdateChannelWebhookParams{Configuration: &ChannelWebhookConfigurationParams{
				URL: Ptr("https://example.com/chat/triggers"), Method: Ptr(WebhookMethodPost), Triggers: []string{"keyword1", "keyword2"}, RetryCount: Ptr(3),
			}},
			wantForm: readGoldenForm(t, "testdata/update_channel_webhook_request.form"),
		},
		{
			name:     "clear the URL",
			params:   &UpdateChannelWebhookParams{Configuration: &ChannelWebhookConfigurationParams{URL: Ptr("")}},
			wantForm: url.Values{"Configuration.Url": {""}},
		},
		{name: "nil configuration", params: &UpdateChannelWebhookParams{}, wantForm: url.Values{}},
		{name: "nil params", params: nil, wantForm: url.Values{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hooks, rec := newTestChannelWebhooks(t, serveFile(t, http.StatusOK, "testdata/channel_webhook_update.json"))

			hook, err := hooks.Update(context.Background(), testServiceSID, "support desk", testChannelWebhookSID, tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assert.Equal(t, http.MethodPost, req.Method)
			assert.Equal(t, channelWebhooksPath+"/"+testChannelWebhookSID, req.Path)
			assert.Equal(t, tt.wantForm, req.form(t))
			require.NotNil(t, hook)
			assert.Equal(t, specTriggerWebhook(), *hook)
		})
	}
}

func TestChannelWebhooksUpdateValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		webhookSID string
		params     *UpdateChannelWebhookParams
		want       []string
	}{
		{name: "a Channel SID", webhookSID: "CH0123456789abcdef0123456789abcdef", params: nil, want: []string{
			`Sid: "CH0123456789abcdef0123456789abcdef" is not WH followed by 32 hex digits`}},
		{name: "bad configuration", params: &UpdateChannelWebhookParams{Configuration: &ChannelWebhookConfigurationParams{
			Method: Ptr(WebhookMethod("DELETE")), RetryCount: Ptr(4)}}, want: []string{
			`Configuration.Method: "DELETE" is not "GET" or "POST"`, "Configuration.RetryCount: 4 is above the maximum of 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hooks, rec := newTestChannelWebhooks(t, serveFile(t, http.StatusOK, "testdata/channel_webhook_update.json"))

			hook, err := hooks.Update(context.Background(), testServiceSID, "support", cmp.Or(tt.webhookSID, testChannelWebhookSID), tt.params)

			assert.Nil(t, hook)
			assert.Equal(t, tt.want, fieldReasons(err))
			assert.Empty(t, rec.requests())
		})
	}
}

// TestChannelWebhookDecodesNulls checks that JSON nulls, configuration
// included, decode to zero values, that a type or method Twilio may add
// later decodes without an error, and that the triggers of a trigger
// webhook decode.
func TestChannelWebhookDecodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       *ChannelWebhook
	}{
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hooks, _ := newTestChannelWebhooks(t, respondJSON(http.StatusOK, tt.body))

			hook, err := hooks.Fetch(context.Background(), testServiceSID, "CH0123456789abcdef0123456789abcdef", testChannelWebhookSID)
			require.NoError(t, err)
			assert.Equal(t, tt.want, hook)
		})
	}

	hooks, _ := newTestChannelWebhooks(t, respondJSON(http.StatusOK, `{"sid": "`+testFlowSID+`"}`))
	hook, err := hooks.Fetch(context.Background(), testServiceSID, "support", testChannelWebhookSID)
	assert.Nil(t, hook)
	var decErr *DecodeError
	require.ErrorAs(t, err, &decErr)
	assert.EqualError(t, decErr.Err, "the Channel Webhook's sid is not WH followed by 32 hex digits")
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
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hooks, rec := newTestChannelWebhooks(t, serveFile(t, http.StatusOK, "testdata/"+tt.file))

			page, err := hooks.ListPage(context.Background(), testServiceSID, "support desk", tt.params)
			require.NoError(t, err)

			assert.Equal(t, []string{tt.wantQuery}, listQueries(t, rec, channelWebhooksPath))
			assert.Equal(t, tt.wantPage, page)
		})
	}
}

func TestChannelWebhooksPages(t *testing.T) {
	t.Parallel()
	hooks, rec := newTestChannelWebhooks(t, (&fakeList{total: 5, path: channelWebhooksPath, key: "webhooks", prefix: "WH"}).ServeHTTP)
	ctx := context.Background()

	var sids []string
	page, err := hooks.ListPage(ctx, testServiceSID, "support desk", &ListChannelWebhooksParams{PageSize: Ptr(2)})
	for page != nil {
		require.NoError(t, err)
		for _, h := range page.Items {
			sids = append(sids, h.SID)
		}
		page, err = hooks.NextPage(ctx, page)
	}
	require.NoError(t, err)
	assert.Equal(t, itemSIDs("WH", 0, 5), sids)

	got := rangeAll(hooks.List(ctx, testServiceSID, "support desk", &ListChannelWebhooksParams{Limit: 4}), nil)
	assert.Empty(t, got.errs)
	require.Len(t, got.items, 4)
	assert.Equal(t, itemSIDs("WH", 3, 4)[0], got.items[3].SID)
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
