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

	// Conversations v1. A conversation's State; the same values in
	// another order on a Service's conversations.
	"conversation_enum_state":                           "ConversationState",
	"service_conversation_enum_state":                   "ConversationState",
	"conversation_with_participants_enum_state":         "ConversationState",
	"service_conversation_with_participants_enum_state": "ConversationState",
	// A conversation's State as a participant or user sees it, which is
	// never initializing.
	"participant_conversation_enum_state":         "UserConversationState",
	"service_participant_conversation_enum_state": "UserConversationState",
	"user_conversation_enum_state":                "UserConversationState",
	"service_user_conversation_enum_state":        "UserConversationState",
	// The account's and a Service's webhooks send GET or POST; a
	// conversation-scoped webhook and an address's auto-creation webhook
	// get or post.
	"configuration_webhook_enum_method":               "WebhookMethod",
	"conversation_webhook_enum_method":                "WebhookMethod",
	"service_webhook_configuration_enum_method":       "WebhookMethod",
	"conversation_scoped_webhook_enum_method":         "ScopedWebhookMethod",
	"service_conversation_scoped_webhook_enum_method": "ScopedWebhookMethod",
	"configuration_address_enum_method":               "ScopedWebhookMethod",
	"configuration_webhook_enum_target":               "WebhookTarget",
	"conversation_webhook_enum_target":                "WebhookTarget",
	"conversation_scoped_webhook_enum_target":         "ScopedWebhookTarget",
	"service_conversation_scoped_webhook_enum_target": "ScopedWebhookTarget",
	"conversation_message_enum_order_type":            "MessageOrder",
	"service_conversation_message_enum_order_type":    "MessageOrder",
	"configuration_address_enum_type":                 "AddressType",
	"configuration_address_enum_auto_creation_type":   "AutoCreationType",
	"credential_enum_push_type":                       "PushService",
	"role_enum_role_type":                             "RoleType",
	"service_role_enum_role_type":                     "RoleType",
	"service_binding_enum_binding_type":               "BindingType",
	// The sources of rate-limiting errors in the Service stats schemas,
	// which no operation takes.
	"service_stats_conversations_ratelimitingerrors_enum_source":       "StatsSource",
	"stats_twilsock_ratelimitingerrors_enum_source":                    "TwilsockStatsSource",
	"conversation_enum_webhook_enabled_type":                           "WebhookEnabled",
	"conversation_message_enum_webhook_enabled_type":                   "WebhookEnabled",
	"conversation_participant_enum_webhook_enabled_type":               "WebhookEnabled",
	"conversation_with_participants_enum_webhook_enabled_type":         "WebhookEnabled",
	"service_conversation_enum_webhook_enabled_type":                   "WebhookEnabled",
	"service_conversation_message_enum_webhook_enabled_type":           "WebhookEnabled",
	"service_conversation_participant_enum_webhook_enabled_type":       "WebhookEnabled",
	"service_conversation_with_participants_enum_webhook_enabled_type": "WebhookEnabled",
	"service_user_enum_webhook_enabled_type":                           "WebhookEnabled",
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

// enumDocs are the docs of the root package's enum types, which the spec
// does not describe.
var enumDocs = map[string]string{
	"BindingType":        "BindingType is the push technology of a Binding.",
	"ChannelWebhookType": "ChannelWebhookType is the type of a Channel Webhook.",
	"WebhookMethod":      "WebhookMethod is the HTTP method a webhook is called with.",
	"ChannelType":        "ChannelType is the type of a Channel.",
	"PushService":        "PushService is the push notification service of a Credential.",
	"MessageOrder":       "MessageOrder is the order in which Messages.List and Messages.ListPage return a Channel's Messages; Twilio's default is MessageOrderAsc.",
	"RoleType":           "RoleType is the type of a Role.",
	"ChannelStatus":      "ChannelStatus is how a User stands in a Channel.",
	"NotificationLevel":  "NotificationLevel says whether a User gets the push notifications of a Channel.",
}

// valueDocs are the docs of the root package's enum constants.
var valueDocs = map[string]string{
	"BindingTypeGCM":                "BindingTypeGCM is Google Cloud Messaging.",
	"BindingTypeAPN":                "BindingTypeAPN is the Apple Push Notification service.",
	"BindingTypeFCM":                "BindingTypeFCM is Firebase Cloud Messaging.",
	"ChannelWebhookTypeWebhook":     "ChannelWebhookTypeWebhook calls Configuration.URL on the Channel's events that Configuration.Filters names.",
	"ChannelWebhookTypeTrigger":     "ChannelWebhookTypeTrigger calls Configuration.URL when a message body holds one of Configuration.Triggers.",
	"ChannelWebhookTypeStudio":      "ChannelWebhookTypeStudio starts the Studio Flow Configuration.FlowSID.",
	"WebhookMethodGet":              "WebhookMethodGet calls the webhook with a GET, its parameters in the query.",
	"WebhookMethodPost":             "WebhookMethodPost calls the webhook with a POST, its parameters in a form body.",
	"ChannelTypePublic":             "ChannelTypePublic is a Channel every User of the Service can see and join.",
	"ChannelTypePrivate":            "ChannelTypePrivate is a Channel only its Members (and invited Users) can see.",
	"PushServiceGCM":                "PushServiceGCM is Google Cloud Messaging; its Credential holds an API key.",
	"PushServiceAPN":                "PushServiceAPN is the Apple Push Notification service; its Credential holds a certificate and a private key.",
	"PushServiceFCM":                "PushServiceFCM is Firebase Cloud Messaging; its Credential holds the project's server key as Secret.",
	"MessageOrderAsc":               "MessageOrderAsc lists the oldest Message first.",
	"MessageOrderDesc":              "MessageOrderDesc lists the newest Message first.",
	"RoleTypeChannel":               "RoleTypeChannel is a role a member holds in a channel.",
	"RoleTypeDeployment":            "RoleTypeDeployment is a role a user holds across the Service.",
	"ChannelStatusJoined":           "ChannelStatusJoined is a User who is a Member of the Channel.",
	"ChannelStatusInvited":          "ChannelStatusInvited is a User with a pending Invite to the Channel.",
	"ChannelStatusNotParticipating": "ChannelStatusNotParticipating is a User who is neither.",
	"NotificationLevelDefault":      "NotificationLevelDefault sends the User the Channel's push notifications as the Service is configured to.",
	"NotificationLevelMuted":        "NotificationLevelMuted keeps the Channel's push notifications from the User.",
}

// rootValueNames are the root package's names of enum values whose spec
// constant the rule names otherwise (WebhookMethodGET).
var rootValueNames = map[string]string{
	"WebhookMethodGET":  "WebhookMethodGet",
	"WebhookMethodPOST": "WebhookMethodPost",
}

// resultTypes are the Go names of the answer schemas. Two schemas of one
// name become one type, with the fields of both (a User's Binding has a
// user_sid, Chat v3's Channel a messaging_service_sid).
var resultTypes = map[string]string{
	"chat.v2.service":                         "Service",
	"chat.v2.service.role":                    "Role",
	"chat.v2.service.channel":                 "Channel",
	"chat.v3.channel":                         "Channel",
	"chat.v2.service.channel.member":          "Member",
	"chat.v2.service.channel.message":         "Message",
	"chat.v2.service.channel.invite":          "Invite",
	"chat.v2.service.channel.channel_webhook": "ChannelWebhook",
	"chat.v2.service.user":                    "User",
	"chat.v2.service.user.user_channel":       "UserChannel",
	"chat.v2.service.binding":                 "Binding",
	"chat.v2.service.user.user_binding":       "Binding",
	"chat.v2.credential":                      "Credential",
}

// resultDocs are the docs of the answer types.
var resultDocs = map[string]string{
	"Service":        "Service is a Chat v2 Service resource: the top-level scope of every Chat resource.",
	"Role":           "Role is a Chat v2 Role resource: a named set of permissions in a Service.",
	"Channel":        "Channel is a Chat v2 Channel resource.",
	"Member":         "Member is a Chat v2 Member resource: a User in a Channel.",
	"Message":        "Message is a Chat v2 Message resource: one message of a Channel.",
	"Invite":         "Invite is a Chat v2 Invite resource: a user asked to join a Channel.",
	"ChannelWebhook": "ChannelWebhook is a Chat v2 Channel Webhook resource.",
	"User":           "User is a Chat v2 User resource.",
	"UserChannel":    "UserChannel is a Chat v2 User Channel resource: a Channel as one User sees it.",
	"Binding":        "Binding is a Chat v2 Binding resource: a device of a User registered for push notifications. Both Client.Bindings and Client.UserBindings answer with it.",
	"Credential":     "Credential is a Chat v2 Credential resource: the push notification settings of one push service, without their secrets, which Twilio never returns.",
}

// resultFields are the Go types of answer fields the spec does not type,
// or types as a string that the package reads as more, by "schema.key".
var resultFields = map[string]string{
	"chat.v2.service.limits":                                "ServiceLimits",
	"chat.v2.service.notifications":                         "ServiceNotifications",
	"chat.v2.service.media":                                 "ServiceMedia",
	"chat.v2.service.webhook_method":                        "WebhookMethod",
	"chat.v2.service.channel.attributes":                    "Attributes",
	"chat.v3.channel.attributes":                            "Attributes",
	"chat.v2.service.channel.member.attributes":             "Attributes",
	"chat.v2.service.channel.message.attributes":            "Attributes",
	"chat.v2.service.channel.message.type":                  "MessageType",
	"chat.v2.service.channel.message.media":                 "MessageMedia",
	"chat.v2.service.user.attributes":                       "Attributes",
	"chat.v2.service.channel.channel_webhook.type":          "ChannelWebhookType",
	"chat.v2.service.channel.channel_webhook.configuration": "ChannelWebhookConfiguration",
	"chat.v2.service.binding.message_types":                 "[]PushType",
	"chat.v2.service.user.user_binding.message_types":       "[]PushType",
	// Twilio answers "True" or "False"; Credential's UnmarshalJSON reads it.
	"chat.v2.credential.sandbox": "bool",
}

// collectionPrefixes name the SID prefix of a collection's path values that
// may be names, when the collection's name less its "s" does not: an
// Address Configuration is fetched by its SID or by its address.
var collectionPrefixes = map[string]string{
	"Addresses": "ConfigurationAddress",
}
