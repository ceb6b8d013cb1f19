package twiliochat

import (
	"context"
	"errors"
	"math"
	"net/http"
	"net/url"
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
	// WebhookMethod is the HTTP method of webhook calls: "GET" or "POST".
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

// maxLimit is the largest value Twilio accepts for Limits.ChannelMembers and
// Limits.UserChannels.
const maxLimit = 1000

// validate checks every set field against the spec and returns all the
// problems it finds, joined, or nil.
func (p *UpdateServiceParams) validate() error {
	if p == nil {
		return nil
	}
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	add(optionalRoleSID("DefaultServiceRoleSid", p.DefaultServiceRoleSID))
	add(optionalRoleSID("DefaultChannelRoleSid", p.DefaultChannelRoleSID))
	add(optionalRoleSID("DefaultChannelCreatorRoleSid", p.DefaultChannelCreatorRoleSID))
	add(inRange("TypingIndicatorTimeout", p.TypingIndicatorTimeout, math.MaxInt))
	add(inRange("ConsumptionReportInterval", p.ConsumptionReportInterval, math.MaxInt))
	add(inRange("PreWebhookRetryCount", p.PreWebhookRetryCount, math.MaxInt))
	add(inRange("PostWebhookRetryCount", p.PostWebhookRetryCount, math.MaxInt))
	add(webhookURL("PreWebhookUrl", p.PreWebhookURL))
	add(webhookURL("PostWebhookUrl", p.PostWebhookURL))
	if m := p.WebhookMethod; m != nil && *m != http.MethodGet && *m != http.MethodPost {
		add(invalid("WebhookMethod", "%s is not GET or POST", quoteShort(*m)))
	}
	if l := p.Limits; l != nil {
		add(inRange("Limits.ChannelMembers", l.ChannelMembers, maxLimit))
		add(inRange("Limits.UserChannels", l.UserChannels, maxLimit))
	}
	return errors.Join(errs...)
}

// optionalRoleSID checks a role SID parameter when it is set.
func optionalRoleSID(field string, sid *string) error {
	if sid == nil {
		return nil
	}
	return checkSID(field, roleSIDPrefix, *sid)
}

// inRange checks that a set integer is between 0 and max; math.MaxInt
// bounds it only from below.
func inRange(field string, v *int, max int) error {
	switch {
	case v == nil:
		return nil
	case *v < 0:
		return invalid(field, "%d is negative", *v)
	case *v > max:
		return invalid(field, "%d is above the maximum of %d", *v, max)
	}
	return nil
}

// webhookURL checks that a set webhook URL is empty (which clears it) or an
// absolute http or https URL.
func webhookURL(field string, v *string) error {
	if v == nil || *v == "" {
		return nil
	}
	if u, err := url.Parse(*v); err != nil || !isAbsoluteHTTP(u) {
		return invalid(field, "%s is not an absolute http or https URL", quoteShort(*v))
	}
	return nil
}

// Update changes the Service sid with the keys set in params and returns the
// Service as Twilio stored it. The SIDs and values in params are checked
// before any request is sent; a bad one returns a *ValidationError. A non-2xx
// answer returns an *APIError.
func (s *ServicesService) Update(ctx context.Context, sid string, params *UpdateServiceParams) (*Service, error) {
	return postForm[Service](ctx, s.client, servicePath(sid), errors.Join(ValidateServiceSID(sid), params.validate()), params)
}

// servicePath is the path of the Service sid, escaped.
func servicePath(sid string) string {
	return "/v2/Services/" + url.PathEscape(sid)
}
