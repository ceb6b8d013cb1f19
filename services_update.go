package twiliochat

import (
	"context"
	"math"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// UpdateServiceParams holds the form keys of an Update Service request. A nil
// field is not sent and leaves the Service's value unchanged; a set field is
// sent even when it holds false, 0 or "". The zero value (or a nil
// *UpdateServiceParams) sends an empty form.
type UpdateServiceParams struct {
	// FriendlyName is a descriptive name for the Service.
	FriendlyName *string `url:"FriendlyName,omitempty"`
	// DefaultServiceRoleSID is the service role given to users added to the
	// Service (RL followed by 32 hex digits).
	DefaultServiceRoleSID *string `url:"DefaultServiceRoleSid,omitempty"`
	// DefaultChannelRoleSID is the channel role given to users added to a
	// channel (RL followed by 32 hex digits).
	DefaultChannelRoleSID *string `url:"DefaultChannelRoleSid,omitempty"`
	// DefaultChannelCreatorRoleSID is the channel role given to the creator
	// of a channel (RL followed by 32 hex digits).
	DefaultChannelCreatorRoleSID *string `url:"DefaultChannelCreatorRoleSid,omitempty"`
	// ReadStatusEnabled turns the Message Consumption Horizon feature on or
	// off (Twilio's default: on).
	ReadStatusEnabled *bool `url:"ReadStatusEnabled,omitempty"`
	// ReachabilityEnabled turns the Reachability Indicator on or off
	// (Twilio's default: off).
	ReachabilityEnabled *bool `url:"ReachabilityEnabled,omitempty"`
	// TypingIndicatorTimeout is how many seconds clients wait after a
	// started-typing event before they assume the user stopped (default 5).
	// It must not be negative.
	TypingIndicatorTimeout *int `url:"TypingIndicatorTimeout,omitempty"`
	// ConsumptionReportInterval is deprecated by Twilio: the interval in
	// seconds between consumption report batches. It must not be negative.
	ConsumptionReportInterval *int `url:"ConsumptionReportInterval,omitempty"`
	// Notifications sets the push notification keys (Notifications.*).
	Notifications *NotificationsParams `url:"Notifications,omitempty"`
	// PreWebhookURL is the absolute http(s) URL called before an event takes
	// effect; "" clears it.
	PreWebhookURL *string `url:"PreWebhookUrl,omitempty"`
	// PostWebhookURL is the absolute http(s) URL called after an event took
	// effect; "" clears it.
	PostWebhookURL *string `url:"PostWebhookUrl,omitempty"`
	// WebhookMethod is the HTTP method of webhook calls: "GET" or "POST",
	// the values of the WebhookMethod constants, checked as they are
	// (Ptr(string(WebhookMethodPost)) works too).
	WebhookMethod *string `url:"WebhookMethod,omitempty"`
	// WebhookFilters lists the webhook events to enable, sent as one
	// WebhookFilters key per item. A nil or empty slice sends nothing.
	WebhookFilters []string `url:"WebhookFilters,omitempty"`
	// Limits sets the limit keys (Limits.*).
	Limits *LimitsParams `url:"Limits,omitempty"`
	// Media sets the media keys (Media.*).
	Media *MediaParams `url:"Media,omitempty"`
	// PreWebhookRetryCount is how often a failed pre-event webhook is
	// retried. It must not be negative.
	PreWebhookRetryCount *int `url:"PreWebhookRetryCount,omitempty"`
	// PostWebhookRetryCount is how often a failed post-event webhook is
	// retried. It must not be negative.
	PostWebhookRetryCount *int `url:"PostWebhookRetryCount,omitempty"`
}

// NotificationsParams holds the Notifications.* keys of an Update Service
// request.
type NotificationsParams struct {
	// NewMessage sets the Notifications.NewMessage.* keys.
	NewMessage *NewMessageNotificationParams `url:"NewMessage,omitempty"`
	// AddedToChannel sets the Notifications.AddedToChannel.* keys.
	AddedToChannel *NotificationParams `url:"AddedToChannel,omitempty"`
	// RemovedFromChannel sets the Notifications.RemovedFromChannel.* keys.
	RemovedFromChannel *NotificationParams `url:"RemovedFromChannel,omitempty"`
	// InvitedToChannel sets the Notifications.InvitedToChannel.* keys.
	InvitedToChannel *NotificationParams `url:"InvitedToChannel,omitempty"`
	// LogEnabled sets Notifications.LogEnabled: whether notifications are
	// logged.
	LogEnabled *bool `url:"LogEnabled,omitempty"`
}

// NewMessageNotificationParams holds the Notifications.NewMessage.* keys.
type NewMessageNotificationParams struct {
	// Enabled turns the notification on or off.
	Enabled *bool `url:"Enabled,omitempty"`
	// Template is the text of the notification.
	Template *string `url:"Template,omitempty"`
	// Sound is the name of the sound to play.
	Sound *string `url:"Sound,omitempty"`
	// BadgeCountEnabled turns the new-message badge on or off.
	BadgeCountEnabled *bool `url:"BadgeCountEnabled,omitempty"`
}

// NotificationParams holds the keys of one channel notification:
// Notifications.AddedToChannel.*, Notifications.RemovedFromChannel.* or
// Notifications.InvitedToChannel.*.
type NotificationParams struct {
	// Enabled turns the notification on or off.
	Enabled *bool `url:"Enabled,omitempty"`
	// Template is the text of the notification.
	Template *string `url:"Template,omitempty"`
	// Sound is the name of the sound to play.
	Sound *string `url:"Sound,omitempty"`
}

// LimitsParams holds the Limits.* keys. Each limit is between 0 and 1000.
type LimitsParams struct {
	// ChannelMembers is the most Members a Channel can have.
	ChannelMembers *int `url:"ChannelMembers,omitempty"`
	// UserChannels is the most Channels a User can be a Member of.
	UserChannels *int `url:"UserChannels,omitempty"`
}

// MediaParams holds the Media.* keys.
type MediaParams struct {
	// CompatibilityMessage is the text sent for a media message without text.
	CompatibilityMessage *string `url:"CompatibilityMessage,omitempty"`
}

// validate checks every set field against the spec and returns all the
// problems it finds, joined, or nil.
func (p *UpdateServiceParams) validate() error {
	if p == nil {
		return nil
	}
	errs := []error{
		checkRoleSID("DefaultServiceRoleSid", p.DefaultServiceRoleSID),
		checkRoleSID("DefaultChannelRoleSid", p.DefaultChannelRoleSID),
		checkRoleSID("DefaultChannelCreatorRoleSid", p.DefaultChannelCreatorRoleSID),
		inRange("TypingIndicatorTimeout", p.TypingIndicatorTimeout, math.MaxInt),
		inRange("ConsumptionReportInterval", p.ConsumptionReportInterval, math.MaxInt),
		inRange("PreWebhookRetryCount", p.PreWebhookRetryCount, math.MaxInt),
		inRange("PostWebhookRetryCount", p.PostWebhookRetryCount, math.MaxInt),
		checkURL("PreWebhookUrl", p.PreWebhookURL),
		checkURL("PostWebhookUrl", p.PostWebhookURL),
		checkEnum("WebhookMethod", p.WebhookMethod, spec.WebhookMethods),
	}
	if l := p.Limits; l != nil {
		errs = append(errs,
			inRange("Limits.ChannelMembers", l.ChannelMembers, spec.MaxServiceLimit),
			inRange("Limits.UserChannels", l.UserChannels, spec.MaxServiceLimit))
	}
	return joinErrors(errs...)
}

// opUpdateService describes the UpdateService operation (see internal/spec).
var opUpdateService = sendOp[*UpdateServiceParams, Service]{spec.Lookup("UpdateService")}

// Update changes the Service sid with the keys set in params and returns it
// as Twilio stored it.
func (s *ServicesService) Update(ctx context.Context, sid string, params *UpdateServiceParams) (*Service, error) {
	return opUpdateService.call(ctx, s.client, params, sid)
}
