package conversations

import "time"

// The nested objects of the answers, which the spec leaves untyped: their
// keys are those of Twilio's resource pages and of the params that set
// them (Timers.Inactive, MessagingBinding.Address, …). A key Twilio adds
// later is ignored.

// Timers are the dates a Conversation's timers change its state; zero when
// its timer is not set. Conversation.Timers, UserConversation.Timers and
// ParticipantConversation.ConversationTimers hold them.
type Timers struct {
	// DateInactive is when the Conversation becomes inactive.
	DateInactive time.Time `json:"date_inactive"`
	// DateClosed is when the Conversation closes.
	DateClosed time.Time `json:"date_closed"`
}

// ConversationBindings are a Conversation's bindings to non-chat channels,
// set by the Bindings.* keys of its Create and Update.
type ConversationBindings struct {
	// Email is the Conversation's email binding, nil without one.
	Email *EmailBinding `json:"email"`
}

// EmailBinding is the email address a Conversation sends from.
type EmailBinding struct {
	// Address is the email address.
	Address string `json:"address"`
	// Name is the name shown with the address.
	Name string `json:"name"`
	// ProjectedAddress is the address Twilio shows for the Conversation's
	// emails.
	ProjectedAddress string `json:"projected_address"`
}

// Media is one media file of a Message: Message.Media holds them.
type Media struct {
	// SID is the Media SID (ME…).
	SID string `json:"sid"`
	// Size is the file's size in bytes.
	Size int `json:"size"`
	// ContentType is the file's MIME type.
	ContentType string `json:"content_type"`
	// Filename is the file's name.
	Filename string `json:"filename"`
}

// Delivery sums up how far a Message got to the Conversation's non-chat
// participants (https://www.twilio.com/docs/conversations/delivery-receipts-overview):
// each status says whether it holds for "all", "some" or "none" of them.
// Message.Delivery is nil for a Message without any.
type Delivery struct {
	// Total is the number of deliveries expected.
	Total int `json:"total"`
	// Sent says for how many the nearest carrier accepted the Message.
	Sent string `json:"sent"`
	// Delivered says for how many the carrier confirmed delivery.
	Delivered string `json:"delivered"`
	// Read says for how many the recipient opened it.
	Read string `json:"read"`
	// Failed says for how many it could not be sent.
	Failed string `json:"failed"`
	// Undelivered says for how many the carrier reported it undelivered.
	Undelivered string `json:"undelivered"`
}

// MessagingBinding is how a non-chat Participant exchanges messages with a
// Conversation: nil for a chat Participant.
type MessagingBinding struct {
	// Type is the channel: "sms", "whatsapp", ….
	Type string `json:"type"`
	// Address is the participant's own address (a phone number).
	Address string `json:"address"`
	// ProxyAddress is the Twilio address it talks to.
	ProxyAddress string `json:"proxy_address"`
	// ProjectedAddress is the address a group MMS shows for a chat
	// participant.
	ProjectedAddress string `json:"projected_address"`
	// Level and Name are an email participant's recipient level and the
	// name shown with its address; Twilio refuses them for SMS
	// participants (error 50420) and answers null.
	Level string `json:"level"`
	Name  string `json:"name"`
}

// ConversationWebhookConfiguration is the configuration of a
// ConversationWebhook, whose Target says which keys apply.
type ConversationWebhookConfiguration struct {
	// URL is the webhook's URL, for the webhook and trigger targets.
	URL string `json:"url"`
	// Method is the webhook's HTTP method.
	Method ScopedWebhookMethod `json:"method"`
	// Filters are the events the webhook is called on.
	Filters []string `json:"filters"`
	// Triggers are the words of a message body that call a trigger.
	Triggers []string `json:"triggers"`
	// FlowSID is the Studio Flow (FW…) of the studio target.
	FlowSID string `json:"flow_sid"`
	// ReplayAfter is the index of the Message after which a new Studio
	// webhook replays the Conversation's Messages, nil when not set.
	ReplayAfter *int `json:"replay_after"`
}

// AutoCreation is what a message to an AddressConfiguration's address
// creates: a Conversation, and a webhook or Studio Flow for it.
type AutoCreation struct {
	// Enabled says whether a message creates a Conversation.
	Enabled bool `json:"enabled"`
	// Type is what the new Conversation gets besides.
	Type AutoCreationType `json:"type"`
	// ConversationServiceSID is the Conversation Service (IS…) of the new
	// Conversation.
	ConversationServiceSID string `json:"conversation_service_sid"`
	// WebhookURL is the webhook's URL, for the webhook type.
	WebhookURL string `json:"webhook_url"`
	// WebhookMethod is the webhook's HTTP method.
	WebhookMethod ScopedWebhookMethod `json:"webhook_method"`
	// WebhookFilters are the events the webhook is called on.
	WebhookFilters []string `json:"webhook_filters"`
	// StudioFlowSID is the Studio Flow (FW…), for the studio type.
	StudioFlowSID string `json:"studio_flow_sid"`
	// StudioRetryCount is how many times the Studio webhook is retried.
	StudioRetryCount int `json:"studio_retry_count"`
}

// Notification is a Conversation Service's push notification for one
// event: a participant added to or removed from a Conversation.
type Notification struct {
	// Enabled says whether the notification is sent.
	Enabled bool `json:"enabled"`
	// Template is its text.
	Template string `json:"template"`
	// Sound is the sound it plays.
	Sound string `json:"sound"`
}

// NewMessageNotification is a Conversation Service's push notification of
// a new Message.
type NewMessageNotification struct {
	// Enabled says whether the notification is sent.
	Enabled bool `json:"enabled"`
	// Template is its text.
	Template string `json:"template"`
	// Sound is the sound it plays.
	Sound string `json:"sound"`
	// BadgeCountEnabled says whether it updates the app's badge count.
	BadgeCountEnabled bool `json:"badge_count_enabled"`
	// WithMedia is the notification of a Message with media.
	WithMedia *WithMediaNotification `json:"with_media"`
}

// WithMediaNotification is a Conversation Service's push notification of a
// new Message with media.
type WithMediaNotification struct {
	// Enabled says whether the notification is sent.
	Enabled bool `json:"enabled"`
	// Template is its text.
	Template string `json:"template"`
}
