package main

// The overlay: what the spec cannot say, kept by hand. Everything else the
// generator writes comes from the vendored spec.

// enumNames are the Go names of the enum schemas whose name the rule
// (the part after "_enum_", in camel case) gets wrong. Schemas that share a
// Go name must have the same values; they become one Go enum.
var enumNames = map[string]string{
	"channel_webhook_enum_type":   "ChannelWebhookType",
	"channel_webhook_enum_method": "WebhookMethod",
	"message_enum_order_type":     "MessageOrder",
	// The header's value is a boolean written out; "type" adds nothing.
	"channel_enum_webhook_enabled_type":      "WebhookEnabled",
	"member_enum_webhook_enabled_type":       "WebhookEnabled",
	"message_enum_webhook_enabled_type":      "WebhookEnabled",
	"user_enum_webhook_enabled_type":         "WebhookEnabled",
	"user_channel_enum_webhook_enabled_type": "WebhookEnabled",
}

// enumPlurals are the names of the value lists whose plural is not the Go
// name followed by "s".
var enumPlurals = map[string]string{
	"WebhookEnabled": "WebhookEnabledValues",
}

// valueNames are the Go spellings of enum values the rule (first letter
// upper-cased) gets wrong: initialisms.
var valueNames = map[string]string{
	"gcm": "GCM",
	"apn": "APN",
	"fcm": "FCM",
}

// inlineEnums names the schema of a key whose enum the spec writes inline
// (by "operationId.key"): the generator checks the values are the same.
var inlineEnums = map[string]string{
	"UpdateService.WebhookMethod": "channel_webhook_enum_method",
}

// extraPrefixes are SID prefixes the client needs that no pattern of the
// spec has, by Go name.
var extraPrefixes = map[string]string{
	// An API key authenticates requests (NewClient's WithAPIKey) and signs
	// Access Tokens; the Chat spec never names one.
	"APIKey": "SK",
}

// operationIDs renames an operation whose operationId another spec has
// already, by "file operationId". The name follows Twilio's page for it,
// the Chat Channel Migration Resource
// (https://www.twilio.com/docs/chat/rest/channel-migration-resource): it
// changes a Channel's type and Messaging Service so that it can move to
// Conversations.
var operationIDs = map[string]string{
	"twilio_chat_v3.json UpdateChannel": "MigrateChannel",
}

// headerNames are the Go names of the spec's header params.
var headerNames = map[string]string{
	"X-Twilio-Webhook-Enabled": "WebhookEnabledHeader",
}

// headerFields are the Go field names of the header params.
var headerFields = map[string]string{
	"X-Twilio-Webhook-Enabled": "WebhookEnabled",
}

// headerDocs are the docs of the header fields: the spec says only "The
// X-Twilio-Webhook-Enabled HTTP request header".
var headerDocs = map[string]string{
	"X-Twilio-Webhook-Enabled": "WebhookEnabled, when set, is sent as the X-Twilio-Webhook-Enabled header: true makes Twilio call the Service's webhooks for a change made through the REST API, which it otherwise does not; false is sent as it is.",
}

// secretKeys are the keys whose values are secrets: their fields print as
// [redacted] (see the root package's secret_params.go).
var secretKeys = map[string]bool{
	"Certificate": true,
	"PrivateKey":  true,
	"ApiKey":      true,
	"Secret":      true,
}

// groupNames are the Go names of the params types of dotted keys, by key
// prefix. Prefixes that share a name must have the same keys below them.
var groupNames = map[string]string{
	"Notifications":                    "NotificationsParams",
	"Notifications.NewMessage":         "NewMessageNotificationParams",
	"Notifications.AddedToChannel":     "NotificationParams",
	"Notifications.RemovedFromChannel": "NotificationParams",
	"Notifications.InvitedToChannel":   "NotificationParams",
	"Limits":                           "LimitsParams",
	"Media":                            "MediaParams",
	"Configuration":                    "ChannelWebhookConfigurationParams",
}

// typeDocs are doc sentences added to a params type's.
var typeDocs = map[string]string{
	"CreateCredentialParams": "Its secrets are sent to Twilio and shown nowhere else.",
	"UpdateCredentialParams": "Its secrets are sent to Twilio and shown nowhere else. A Credential's Type cannot be changed.",
	"UpdateRoleParams":       "Permission replaces the Role's permissions: one left out is taken away.",
}

// fieldDocs are doc sentences added to the spec's description of a key.
var fieldDocs = map[string]string{
	"Attributes": "It must be valid JSON.",
}
