package twiliochat

import (
	"context"
	"iter"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// ChannelWebhooksAPI is the set of operations on the Webhooks of a Chat
// Channel. *ChannelWebhooksService implements it; downstream code can depend
// on ChannelWebhooksAPI and substitute a fake in its own unit tests. Methods
// may be added to ChannelWebhooksAPI in minor releases, as Twilio adds
// operations: a fake that embeds ChannelWebhooksAPI keeps compiling.
type ChannelWebhooksAPI interface {
	// Create creates a Webhook on the Channel channel of the Service
	// serviceSID and returns it as Twilio stored it.
	Create(ctx context.Context, serviceSID, channel string, params *CreateChannelWebhookParams) (*ChannelWebhook, error)
	// Fetch returns the Webhook webhookSID of the Channel.
	Fetch(ctx context.Context, serviceSID, channel, webhookSID string) (*ChannelWebhook, error)
	// Update changes the Webhook webhookSID of the Channel and returns it
	// as Twilio stored it.
	Update(ctx context.Context, serviceSID, channel, webhookSID string, params *UpdateChannelWebhookParams) (*ChannelWebhook, error)
	// Delete deletes the Webhook webhookSID of the Channel.
	Delete(ctx context.Context, serviceSID, channel, webhookSID string) error
	// ListPage returns the first page of the Channel's Webhooks.
	ListPage(ctx context.Context, serviceSID, channel string, params *ListChannelWebhooksParams) (*ChannelWebhookPage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *ChannelWebhookPage) (*ChannelWebhookPage, error)
	// List returns an iterator over every Webhook of the Channel, page by
	// page.
	List(ctx context.Context, serviceSID, channel string, params *ListChannelWebhooksParams) iter.Seq2[*ChannelWebhook, error]
}

var _ ChannelWebhooksAPI = (*ChannelWebhooksService)(nil)

// ChannelWebhooksService calls the Chat v2 Channel Webhooks resource
// (/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Webhooks). Use it through
// Client.ChannelWebhooks; it is safe for concurrent use.
//
// A Channel Webhook calls a URL, or starts a Studio Flow, on events of one
// Channel, in addition to the Service's own webhooks. Its Type says which:
// ChannelWebhookTypeWebhook calls Configuration.URL on the events of
// Configuration.Filters, ChannelWebhookTypeTrigger calls it when a message
// holds one of Configuration.Triggers, and ChannelWebhookTypeStudio starts
// the Flow Configuration.FlowSID.
//
// The channel argument of every method is the Channel's SID (CH…) or its
// unique name, and a Webhook is addressed by its SID (WH…) alone.
type ChannelWebhooksService struct {
	client *Client
}

// ChannelWebhookConfiguration is the configuration of a Channel Webhook, as
// Twilio returns it. The keys a Webhook's Type does not use are zero.
type ChannelWebhookConfiguration struct {
	// URL is the URL the Webhook calls (types webhook and trigger).
	URL string `json:"url"`
	// Method is the HTTP method the Webhook calls URL with.
	Method WebhookMethod `json:"method"`
	// Filters lists the events the Webhook is called on, such as
	// "onMessageSent".
	Filters []string `json:"filters"`
	// Triggers lists the words that call the Webhook when a message body
	// holds one (type trigger).
	Triggers []string `json:"triggers"`
	// FlowSID is the Studio Flow the Webhook starts (type studio; FW
	// followed by 32 hex digits).
	FlowSID string `json:"flow_sid"`
	// RetryCount is how many times a failed call is retried, from 0 to 3.
	RetryCount int `json:"retry_count"`
}

// identity names the SID that identifies a ChannelWebhook: a decoded one
// without it, such as one decoded from "{}", fails the call.
func (w *ChannelWebhook) identity() identity {
	return identity{Kind: "Channel Webhook", Key: "sid", Prefix: spec.ChannelWebhookSIDPrefix, SID: w.SID}
}

// check makes the checks the spec cannot state: an absolute URL, at most
// spec.MaxChannelWebhookTriggers triggers and a retry count from 0 to
// spec.MaxChannelWebhookRetryCount.
func (p *ChannelWebhookConfigurationParams) check() error {
	if p == nil {
		return nil
	}
	return engine.JoinErrors(
		engine.CheckURL(keyConfigurationURL, p.URL),
		engine.CheckMaxItems(keyConfigurationTriggers, p.Triggers, spec.MaxChannelWebhookTriggers),
		engine.InRange(keyConfigurationRetryCount, p.RetryCount, spec.MaxChannelWebhookRetryCount),
	)
}

// check makes the checks of its Configuration the spec cannot state.
func (p *CreateChannelWebhookParams) check() error { return p.Configuration.check() }

// opCreateChannelWebhook describes the CreateChannelWebhook operation (see internal/spec).
var opCreateChannelWebhook = sendOp[*CreateChannelWebhookParams, ChannelWebhook]{spec.Lookup("CreateChannelWebhook")}

// Create creates a Webhook, of the required params.Type, on the Channel
// channel (its SID or unique name) of the Service serviceSID and returns it
// as Twilio stored it.
func (s *ChannelWebhooksService) Create(ctx context.Context, serviceSID, channel string, params *CreateChannelWebhookParams) (*ChannelWebhook, error) {
	return opCreateChannelWebhook.call(ctx, s.client, params, serviceSID, channel)
}

// opFetchChannelWebhook describes the FetchChannelWebhook operation (see internal/spec).
var opFetchChannelWebhook = fetchOp[ChannelWebhook]{spec.Lookup("FetchChannelWebhook")}

// Fetch returns the Webhook webhookSID of the Channel channel (its SID or
// unique name) of the Service serviceSID.
func (s *ChannelWebhooksService) Fetch(ctx context.Context, serviceSID, channel, webhookSID string) (*ChannelWebhook, error) {
	return opFetchChannelWebhook.call(ctx, s.client, serviceSID, channel, webhookSID)
}

// check makes the checks of its Configuration the spec cannot state.
func (p *UpdateChannelWebhookParams) check() error { return p.Configuration.check() }

// opUpdateChannelWebhook describes the UpdateChannelWebhook operation (see internal/spec).
var opUpdateChannelWebhook = sendOp[*UpdateChannelWebhookParams, ChannelWebhook]{spec.Lookup("UpdateChannelWebhook")}

// Update changes the Webhook webhookSID of the Channel channel (its SID or
// unique name) with the keys set in params and returns it as Twilio stored
// it. Its Type cannot be changed.
func (s *ChannelWebhooksService) Update(ctx context.Context, serviceSID, channel, webhookSID string, params *UpdateChannelWebhookParams) (*ChannelWebhook, error) {
	return opUpdateChannelWebhook.call(ctx, s.client, params, serviceSID, channel, webhookSID)
}

// opDeleteChannelWebhook describes the DeleteChannelWebhook operation (see internal/spec).
var opDeleteChannelWebhook = deleteOp[*noParams]{spec.Lookup("DeleteChannelWebhook")}

// Delete deletes the Webhook webhookSID of the Channel channel (its SID or
// unique name) of the Service serviceSID.
func (s *ChannelWebhooksService) Delete(ctx context.Context, serviceSID, channel, webhookSID string) error {
	return opDeleteChannelWebhook.call(ctx, s.client, nil, serviceSID, channel, webhookSID)
}

// ChannelWebhookPage is one page of a Channel's Webhooks list.
type ChannelWebhookPage = Page[ChannelWebhook]

// opListChannelWebhook describes the ListChannelWebhook operation (see internal/spec).
var opListChannelWebhook = listOp[*ListChannelWebhooksParams, ChannelWebhook]{spec.Lookup("ListChannelWebhook")}

// ListPage returns the first page of the Webhooks of the Channel channel (its
// SID or unique name) of the Service serviceSID.
func (s *ChannelWebhooksService) ListPage(ctx context.Context, serviceSID, channel string, params *ListChannelWebhooksParams) (*ChannelWebhookPage, error) {
	return opListChannelWebhook.page(ctx, s.client, params, serviceSID, channel)
}

// NextPage returns the Webhooks page after page, or nil after the last page.
func (s *ChannelWebhooksService) NextPage(ctx context.Context, page *ChannelWebhookPage) (*ChannelWebhookPage, error) {
	return opListChannelWebhook.next(ctx, s.client, page)
}

// List returns an iterator over every Webhook of the Channel channel (its SID
// or unique name) of the Service serviceSID.
func (s *ChannelWebhooksService) List(ctx context.Context, serviceSID, channel string, params *ListChannelWebhooksParams) iter.Seq2[*ChannelWebhook, error] {
	return opListChannelWebhook.items(ctx, s.client, params, serviceSID, channel)
}
