package twiliochattest_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// testFlowSID is a Studio Flow SID for the Channel Webhook tests.
const testFlowSID = "FW0123456789abcdef0123456789abcdef"

// TestChannelWebhookLifecycle walks Channel Webhooks through the SDK: one
// of each type on a channel addressed by unique name, Fetch, an Update that
// merges, the list under the channel, Delete, and the webhooks going with
// their channel.
func TestChannelWebhookLifecycle(t *testing.T) {
	t.Parallel()
	srv, clock := newServerWithClock(t, twiliochattest.WithSeed(5))
	client := srv.NewClient()
	ctx := context.Background()
	serviceSID := seedService(t, srv, "s")
	channelSID, err := srv.SeedChannel(serviceSID, "support/emea")
	require.NoError(t, err)
	otherSID, err := srv.SeedChannel(serviceSID, "other")
	require.NoError(t, err)

	events, err := client.ChannelWebhooks.Create(ctx, serviceSID, "support/emea", &twiliochat.CreateChannelWebhookParams{
		Type: twiliochat.Ptr(twiliochat.ChannelWebhookTypeWebhook),
		Configuration: &twiliochat.ChannelWebhookConfigurationParams{
			URL: twiliochat.Ptr("https://example.com/events"), Method: twiliochat.Ptr(twiliochat.WebhookMethodGet),
			Filters: []string{"onMessageSent", "onMemberAdded"}, RetryCount: twiliochat.Ptr(2),
		},
	})
	require.NoError(t, err)
	assert.Regexp(t, `^WH[0-9a-f]{32}$`, events.SID)
	channelURL := srv.URL + "/v2/Services/" + serviceSID + "/Channels/" + channelSID
	assert.Equal(t, twiliochat.ChannelWebhook{
		SID: events.SID, AccountSID: srv.AccountSID(), ServiceSID: serviceSID, ChannelSID: channelSID,
		Type: twiliochat.ChannelWebhookTypeWebhook, URL: channelURL + "/Webhooks/" + events.SID,
		Configuration: twiliochat.ChannelWebhookConfiguration{
			URL: "https://example.com/events", Method: twiliochat.WebhookMethodGet,
			Filters: []string{"onMessageSent", "onMemberAdded"}, RetryCount: 2,
		},
		DateCreated: t0, DateUpdated: t0,
	}, *events)

	trigger, err := client.ChannelWebhooks.Create(ctx, serviceSID, channelSID, &twiliochat.CreateChannelWebhookParams{
		Type: twiliochat.Ptr(twiliochat.ChannelWebhookTypeTrigger),
		Configuration: &twiliochat.ChannelWebhookConfigurationParams{
			URL: twiliochat.Ptr("https://example.com/help"), Triggers: []string{"help", "urgent"},
		},
	})
	require.NoError(t, err)
	assert.Equal(t, twiliochat.ChannelWebhookConfiguration{URL: "https://example.com/help", Triggers: []string{"help", "urgent"}}, trigger.Configuration)

	studio, err := client.ChannelWebhooks.Create(ctx, serviceSID, channelSID, &twiliochat.CreateChannelWebhookParams{
		Type:          twiliochat.Ptr(twiliochat.ChannelWebhookTypeStudio),
		Configuration: &twiliochat.ChannelWebhookConfigurationParams{FlowSID: twiliochat.Ptr(testFlowSID)},
	})
	require.NoError(t, err)
	raw := call(t, srv, http.MethodGet, "/v2/Services/"+serviceSID+"/Channels/"+channelSID+"/Webhooks/"+studio.SID, nil).JSON(t)
	assert.Equal(t, map[string]any{"flow_sid": testFlowSID}, raw["configuration"], "only the keys set, as in the spec's example")

	fetched, err := client.ChannelWebhooks.Fetch(ctx, serviceSID, "support/emea", events.SID)
	require.NoError(t, err)
	assert.Equal(t, events, fetched)

	clock.Advance(time.Minute)
	updated, err := client.ChannelWebhooks.Update(ctx, serviceSID, channelSID, events.SID, &twiliochat.UpdateChannelWebhookParams{
		Configuration: &twiliochat.ChannelWebhookConfigurationParams{
			Method: twiliochat.Ptr(twiliochat.WebhookMethodPost), Filters: []string{"onChannelDestroyed"},
		},
	})
	require.NoError(t, err)
	want := *events
	want.Configuration.Method, want.Configuration.Filters = twiliochat.WebhookMethodPost, []string{"onChannelDestroyed"}
	want.DateUpdated = t0.Add(time.Minute)
	assert.Equal(t, want, *updated, "the keys not sent keep their values")

	var listed []string
	for w, err := range client.ChannelWebhooks.List(ctx, serviceSID, "support/emea", &twiliochat.ListChannelWebhooksParams{PageSize: twiliochat.Ptr(2)}) {
		require.NoError(t, err)
		listed = append(listed, w.SID)
	}
	assert.Equal(t, []string{events.SID, trigger.SID, studio.SID}, listed)
	page, err := client.ChannelWebhooks.ListPage(ctx, serviceSID, otherSID, nil)
	require.NoError(t, err)
	assert.Empty(t, page.Items, "webhooks list under their own channel")
	assert.Equal(t, 5, page.Meta.PageSize, "the spec's default and maximum page size")
	_, err = client.ChannelWebhooks.Fetch(ctx, serviceSID, otherSID, events.SID)
	assert.True(t, twiliochat.IsNotFound(err), "another channel's webhook: %v", err)

	require.NoError(t, client.ChannelWebhooks.Delete(ctx, serviceSID, channelSID, trigger.SID))
	_, err = client.ChannelWebhooks.Fetch(ctx, serviceSID, channelSID, trigger.SID)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
	assert.True(t, twiliochat.IsNotFound(client.ChannelWebhooks.Delete(ctx, serviceSID, channelSID, trigger.SID)))

	require.NoError(t, client.Channels.Delete(ctx, serviceSID, channelSID, nil))
	_, err = srv.SeedChannel(serviceSID, "support/emea")
	require.NoError(t, err)
	page, err = client.ChannelWebhooks.ListPage(ctx, serviceSID, "support/emea", nil)
	require.NoError(t, err)
	assert.Empty(t, page.Items, "the webhooks went with their channel")
}

// TestChannelWebhookRejections checks the answers to what the SDK refuses
// before sending: 400 naming the key, and nothing changed.
func TestChannelWebhookRejections(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	serviceSID := seedService(t, srv, "s")
	_, err := srv.SeedChannel(serviceSID, "general")
	require.NoError(t, err)
	hooks := "/v2/Services/" + serviceSID + "/Channels/general/Webhooks"
	created := call(t, srv, http.MethodPost, hooks, form("Type", "webhook", "Configuration.Url", "https://example.com/h"))
	require.Equal(t, http.StatusCreated, created.Status, "body: %s", created.Body)
	one := hooks + "/" + created.JSON(t)["sid"].(string)

	tests := []struct {
		name, path, wantInMsg string
		form                  map[string][]string
	}{
		{"create without Type", hooks, "Type", form("Configuration.Url", "https://example.com/h")},
		{"create with unknown Type", hooks, "Type", form("Type", "Studio")},
		{"create with Method PUT", hooks, "Configuration.Method", form("Type", "webhook", "Configuration.Method", "PUT")},
		{"create with a relative URL", hooks, "Configuration.Url", form("Type", "webhook", "Configuration.Url", "/h")},
		{"create with a bad FlowSid", hooks, "Configuration.FlowSid", form("Type", "studio", "Configuration.FlowSid", "FW1")},
		{"create with RetryCount 4", hooks, "Configuration.RetryCount", form("Type", "webhook", "Configuration.RetryCount", "4")},
		{"create with RetryCount x", hooks, "Configuration.RetryCount", form("Type", "webhook", "Configuration.RetryCount", "x")},
		{"create with six triggers", hooks, "Configuration.Triggers", form("Type", "trigger",
			"Configuration.Triggers", "a", "Configuration.Triggers", "b", "Configuration.Triggers", "c",
			"Configuration.Triggers", "d", "Configuration.Triggers", "e", "Configuration.Triggers", "f")},
		{"create with an unknown key", hooks, "Configuration.Flow", form("Type", "studio", "Configuration.Flow", testFlowSID)},
		{"update of Type", one, "Type", form("Type", "studio")},
		{"update with RetryCount -1", one, "Configuration.RetryCount", form("Configuration.RetryCount", "-1")},
		{"update with Method twice", one, "Configuration.Method", form("Configuration.Method", "GET", "Configuration.Method", "POST")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertRejected(t, srv, http.MethodPost, tt.path, tt.form, tt.wantInMsg, hooks)
		})
	}

	t.Run("PageSize up to 5", func(t *testing.T) {
		assertTwilioError(t, call(t, srv, http.MethodGet, hooks+"?PageSize=6", nil), http.StatusBadRequest, 20001)
	})
	t.Run("unknown channel", func(t *testing.T) {
		assertTwilioError(t, call(t, srv, http.MethodGet, "/v2/Services/"+serviceSID+"/Channels/nope/Webhooks", nil), http.StatusNotFound, 20404)
		assertTwilioError(t, call(t, srv, http.MethodPost, "/v2/Services/"+serviceSID+"/Channels/nope/Webhooks", form("Type", "webhook")), http.StatusNotFound, 20404)
	})
	t.Run("an empty value clears a list or the URL", func(t *testing.T) {
		r := call(t, srv, http.MethodPost, one, form("Configuration.Url", "", "Configuration.Filters", ""))
		require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
		assert.Equal(t, map[string]any{}, r.JSON(t)["configuration"])
	})
}
