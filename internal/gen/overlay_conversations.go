package main

// The overlay of package conversations: what the Conversations v1 spec
// cannot say, kept by hand. Its enum names are in overlay.go's enumNames,
// with Chat's, because internal/convspec names its constants by them too.

// convName is what the noun of an operationId (ConversationMessage, the
// operationId less its verb) means in package conversations.
type convName struct {
	// resource is the Go noun of the resource, which names its result type
	// (Message) and its page type (MessagePage).
	resource string
	// params is the noun in its params types' names: CreateMessageParams.
	params string
	// method follows the verb in the method's name: CreateWithParticipants.
	method string
}

// convNouns maps the noun of each default-Service, account or Service
// operationId to its resource. The spec's nouns name a resource by where it
// sits (ConversationMessage); the Go names drop what the resource type
// already says (Messages.Create on a conversation), and keep it where two
// things would share a name: ConversationWebhook is a webhook of one
// Conversation, ConfigurationWebhook the account's webhook settings and
// ServiceWebhookConfiguration a Service's. A ConversationWithParticipants is
// not a resource but a way to create a Conversation, so it is a method of
// the Conversations resource and answers with a Conversation.
var convNouns = map[string]convName{
	"Conversation":                 {resource: "Conversation", params: "Conversation"},
	"ConversationWithParticipants": {resource: "Conversation", params: "ConversationWithParticipants", method: "WithParticipants"},
	"ConversationMessage":          {resource: "Message", params: "Message"},
	"ConversationMessageReceipt":   {resource: "Receipt", params: "Receipt"},
	"ConversationParticipant":      {resource: "Participant", params: "Participant"},
	"ConversationScopedWebhook":    {resource: "ConversationWebhook", params: "ConversationWebhook"},
	"User":                         {resource: "User", params: "User"},
	"UserConversation":             {resource: "UserConversation", params: "UserConversation"},
	"ParticipantConversation":      {resource: "ParticipantConversation", params: "ParticipantConversation"},
	"Role":                         {resource: "Role", params: "Role"},
	"Credential":                   {resource: "Credential", params: "Credential"},
	"Service":                      {resource: "Service", params: "Service"},
	// Twilio's page calls it the Address Configuration Resource.
	"ConfigurationAddress":        {resource: "AddressConfiguration", params: "AddressConfiguration"},
	"Configuration":               {resource: "Configuration", params: "Configuration"},
	"ConfigurationWebhook":        {resource: "ConfigurationWebhook", params: "ConfigurationWebhook"},
	"ServiceBinding":              {resource: "Binding", params: "Binding"},
	"ServiceConfiguration":        {resource: "ServiceConfiguration", params: "ServiceConfiguration"},
	"ServiceNotification":         {resource: "ServiceNotification", params: "ServiceNotification"},
	"ServiceWebhookConfiguration": {resource: "ServiceWebhookConfiguration", params: "ServiceWebhookConfiguration"},
}

// convNotTwins are the named-Service operations whose name and path
// follow the rule of a twin but that address another resource: a
// Service's Configuration (its default roles) is not the account's (its
// default Service and timers).
var convNotTwins = map[string]bool{
	"FetchServiceConfiguration":  true,
	"UpdateServiceConfiguration": true,
}

// convResourceDoc is a resource of package conversations: its field in
// Client or ServiceClient, its type, and the doc of both.
type convResourceDoc struct {
	resource string // as in convName
	field    string // the Client's or ServiceClient's field: Messages
	plural   string // the list params' noun: ListMessagesParams
	typ      string // its type, when it is not field followed by "Resource"
	doc      string // what it calls, after "Messages calls"
}

// convResourceDocs are the resources, in the order of the clients' fields.
var convResourceDocs = []convResourceDoc{
	{resource: "Conversation", field: "Conversations", plural: "Conversations",
		doc: "the Conversations of a Conversation Service (https://www.twilio.com/docs/conversations/api/conversation-resource). A Conversation is a Chat Channel: the same resource, with the same SID (CH…)."},
	{resource: "Message", field: "Messages", plural: "Messages",
		doc: "the Messages of a Conversation (https://www.twilio.com/docs/conversations/api/conversation-message-resource), Chat's Messages, with the same SIDs (IM…)."},
	{resource: "Receipt", field: "Receipts", plural: "Receipts",
		doc: "the delivery and read receipts of a Message sent to non-chat participants (https://www.twilio.com/docs/conversations/api/receipt-resource)."},
	{resource: "Participant", field: "Participants", plural: "Participants",
		doc: "the Participants of a Conversation (https://www.twilio.com/docs/conversations/api/conversation-participant-resource). A chat Participant is a Chat Member, with the same SID (MB…)."},
	{resource: "ConversationWebhook", field: "ConversationWebhooks", plural: "ConversationWebhooks",
		doc: "the webhooks scoped to one Conversation (https://www.twilio.com/docs/conversations/api/conversation-scoped-webhook-resource), Chat's Channel Webhooks."},
	{resource: "User", field: "Users", plural: "Users",
		doc: "the Users of a Conversation Service (https://www.twilio.com/docs/conversations/api/user-resource), Chat's Users, with the same SIDs (US…)."},
	{resource: "UserConversation", field: "UserConversations", plural: "UserConversations",
		doc: "the Conversations of one User, as that User sees them (https://www.twilio.com/docs/conversations/api/user-conversation-resource)."},
	{resource: "ParticipantConversation", field: "ParticipantConversations", plural: "ParticipantConversations",
		doc: "the Conversations a participant belongs to, found by its identity or address (https://www.twilio.com/docs/conversations/api/participant-conversation-resource)."},
	{resource: "Role", field: "Roles", plural: "Roles",
		doc: "the Roles of a Conversation Service (https://www.twilio.com/docs/conversations/api/role-resource), Chat's Roles, with the same SIDs (RL…)."},
	{resource: "Credential", field: "Credentials", plural: "Credentials",
		doc: "the account's push notification Credentials (https://www.twilio.com/docs/conversations/api/credential-resource), Chat's Credentials (CR…)."},
	{resource: "Service", field: "Services", plural: "Services",
		doc: "the account's Conversation Services (https://www.twilio.com/docs/conversations/api/service-resource). A Conversation Service is a Chat Service, with the same SID (IS…)."},
	{resource: "AddressConfiguration", field: "AddressConfigurations", plural: "AddressConfigurations",
		doc: "the account's Address Configurations (https://www.twilio.com/docs/conversations/api/address-configuration-resource): how a message to one of its addresses starts a Conversation."},
	{resource: "Configuration", field: "Configuration",
		doc: "the account's Conversations Configuration (https://www.twilio.com/docs/conversations/api/configuration-resource): its default Conversation Service and Messaging Service, and its default timers."},
	{resource: "ConfigurationWebhook", field: "ConfigurationWebhooks", typ: "ConfigurationWebhooksResource",
		doc: "the account's webhook settings (https://www.twilio.com/docs/conversations/api/webhook-configuration-resource), which apply to the default Conversation Service."},
	{resource: "Binding", field: "Bindings", plural: "Bindings",
		doc: "the push notification Bindings of a Conversation Service (https://www.twilio.com/docs/conversations/api/service-binding-resource), Chat's Bindings (BS…)."},
	{resource: "ServiceConfiguration", field: "Configuration", typ: "ServiceConfigurationResource",
		doc: "a Conversation Service's Configuration (https://www.twilio.com/docs/conversations/api/service-configuration-resource): its default roles and whether it tracks reachability."},
	{resource: "ServiceNotification", field: "Notifications", typ: "ServiceNotificationsResource",
		doc: "a Conversation Service's push notification settings (https://www.twilio.com/docs/conversations/api/service-notification-resource)."},
	{resource: "ServiceWebhookConfiguration", field: "ConfigurationWebhooks", typ: "ServiceConfigurationWebhooksResource",
		doc: "a Conversation Service's webhook settings (https://www.twilio.com/docs/conversations/api/per-service-webhook-resource)."},
}

// convClientDoc and convServiceClientDoc are the docs of Client and
// ServiceClient.
const (
	convClientDoc        = "Client calls Conversations v1 (https://www.twilio.com/docs/conversations/api) on the account's default Conversation Service and the account's own resources. New returns one; Service returns the same resources for a named Service. It is safe for concurrent use."
	convServiceClientDoc = "ServiceClient calls Conversations v1 on one named Conversation Service (/v1/Services/{ChatServiceSid}/…): the resources a Client has for the default Service, of the same types, and the Service's own. Client.Service returns one. It is safe for concurrent use."
)

// convIdentityKeys are the keys of the SIDs that identify the resources
// without a "sid" of their own: a singleton is identified by its owner's,
// a User's or Participant's view of a Conversation by the Conversation's.
var convIdentityKeys = map[string]string{
	"Configuration":               "account_sid",
	"ConfigurationWebhook":        "account_sid",
	"ServiceConfiguration":        "chat_service_sid",
	"ServiceNotification":         "chat_service_sid",
	"ServiceWebhookConfiguration": "chat_service_sid",
	"UserConversation":            "conversation_sid",
	"ParticipantConversation":     "conversation_sid",
}

// convGroupNames are the Go names of the params types of dotted keys, by
// key prefix, or by params type and prefix for a group that holds fewer
// keys in one operation than in another: an Update that cannot change a
// Participant's Address or a webhook's ReplayAfter gets a type without
// them, so that it cannot send a key Twilio does not take.
var convGroupNames = map[string]string{
	"UpdateParticipantParams MessagingBinding":      "UpdateMessagingBindingParams",
	"UpdateConversationWebhookParams Configuration": "UpdateConversationWebhookConfigurationParams",
	"Bindings":                "ConversationBindingsParams",
	"Bindings.Email":          "EmailBindingParams",
	"Timers":                  "TimersParams",
	"MessagingBinding":        "MessagingBindingParams",
	"Configuration":           "ConversationWebhookConfigurationParams",
	"AutoCreation":            "AutoCreationParams",
	"NewMessage":              "NewMessageNotificationParams",
	"NewMessage.WithMedia":    "WithMediaNotificationParams",
	"AddedToConversation":     "NotificationParams",
	"RemovedFromConversation": "NotificationParams",
}

// convTypeDocs are doc sentences added to a params type's.
var convTypeDocs = map[string]string{
	"CreateCredentialParams": "Its secrets are sent to Twilio and shown nowhere else.",
	"UpdateCredentialParams": "Its secrets are sent to Twilio and shown nowhere else.",
	"UpdateRoleParams":       "Permission replaces the Role's permissions: one left out is taken away.",
	"TimersParams":           "Each is an ISO 8601 duration (PT10M, P1D): at least a minute for Inactive, ten minutes for Closed.",
}

// convKeyChecks are the checks the spec cannot state, by key, or by
// "type " and the spec's type for every key of that type: each is made
// wherever the key is sent, with the key's name and field.
var convKeyChecks = map[string]string{
	"type date-time":          "engine.CheckDate",
	"Attributes":              "engine.CheckJSON",
	"ContentVariables":        "engine.CheckJSON",
	"Timers.Inactive":         "checkInactiveTimer",
	"Timers.Closed":           "checkClosedTimer",
	"DefaultInactiveTimer":    "checkInactiveTimer",
	"DefaultClosedTimer":      "checkClosedTimer",
	"Configuration.Url":       "engine.CheckURL",
	"PreWebhookUrl":           "engine.CheckURL",
	"PostWebhookUrl":          "engine.CheckURL",
	"AutoCreation.WebhookUrl": "engine.CheckURL",
	"Participant":             "checkParticipants",
	"StartDate":               "checkDay",
	"EndDate":                 "checkDay",
}

// convResultDocs are the docs of the answer types.
var convResultDocs = map[string]string{
	"Conversation":                "Conversation is a Conversations v1 Conversation resource; Chat v2 calls it a Channel, of the same SID.",
	"Message":                     "Message is a Conversations v1 Message resource: one message of a Conversation.",
	"Receipt":                     "Receipt is a Conversations v1 Delivery Receipt resource: how far a Message got to one non-chat participant.",
	"Participant":                 "Participant is a Conversations v1 Participant resource: a chat user (Chat v2's Member) or a non-chat address in a Conversation.",
	"ConversationWebhook":         "ConversationWebhook is a Conversations v1 Conversation Scoped Webhook resource.",
	"User":                        "User is a Conversations v1 User resource.",
	"UserConversation":            "UserConversation is a Conversations v1 User Conversation resource: a Conversation as one User sees it.",
	"ParticipantConversation":     "ParticipantConversation is a Conversations v1 Participant Conversation resource: a Conversation a participant belongs to.",
	"Role":                        "Role is a Conversations v1 Role resource: a named set of permissions in a Conversation Service.",
	"Credential":                  "Credential is a Conversations v1 Credential resource: the push notification settings of one push service, without their secrets, which Twilio never returns.",
	"Service":                     "Service is a Conversations v1 Conversation Service resource.",
	"AddressConfiguration":        "AddressConfiguration is a Conversations v1 Address Configuration resource.",
	"Configuration":               "Configuration is the account's Conversations v1 Configuration resource.",
	"ConfigurationWebhook":        "ConfigurationWebhook is the account's Conversations v1 Configuration Webhook resource.",
	"Binding":                     "Binding is a Conversations v1 Service Binding resource: a device of a User registered for push notifications.",
	"ServiceConfiguration":        "ServiceConfiguration is a Conversation Service's Configuration resource; the account's is a Configuration.",
	"ServiceNotification":         "ServiceNotification is a Conversation Service's push notification settings.",
	"ServiceWebhookConfiguration": "ServiceWebhookConfiguration is a Conversation Service's webhook settings; the account's are a ConfigurationWebhook.",
}

// convResultFields are the Go types of answer fields the spec does not
// type, or types as a string that the package reads as more, by "Type.key".
var convResultFields = map[string]string{
	"Conversation.attributes":                               "twiliochat.Attributes",
	"Message.attributes":                                    "twiliochat.Attributes",
	"Participant.attributes":                                "twiliochat.Attributes",
	"User.attributes":                                       "twiliochat.Attributes",
	"UserConversation.attributes":                           "twiliochat.Attributes",
	"ParticipantConversation.conversation_attributes":       "twiliochat.Attributes",
	"Conversation.timers":                                   "Timers",
	"UserConversation.timers":                               "Timers",
	"ParticipantConversation.conversation_timers":           "Timers",
	"Conversation.bindings":                                 "*ConversationBindings",
	"Message.media":                                         "[]Media",
	"Message.delivery":                                      "*Delivery",
	"Participant.messaging_binding":                         "*MessagingBinding",
	"ParticipantConversation.participant_messaging_binding": "*MessagingBinding",
	"ConversationWebhook.configuration":                     "ConversationWebhookConfiguration",
	"AddressConfiguration.auto_creation":                    "*AutoCreation",
	"ServiceNotification.new_message":                       "NewMessageNotification",
	"ServiceNotification.added_to_conversation":             "Notification",
	"ServiceNotification.removed_from_conversation":         "Notification",
}

// convEnumDocs are the docs of package conversations' enum types; an enum
// without one (the Service stats' sources, which no operation takes) is
// not written.
var convEnumDocs = map[string]string{
	"AddressType":           "AddressType is the channel of an AddressConfiguration's address.",
	"AutoCreationType":      "AutoCreationType is what a message to an AddressConfiguration's address starts besides a Conversation.",
	"BindingType":           "BindingType is the push technology of a Binding.",
	"ConversationState":     "ConversationState is the state of a Conversation.",
	"UserConversationState": "UserConversationState is the state of a Conversation as a User or participant sees it.",
	"DeliveryStatus":        "DeliveryStatus is how far a Message got to a non-chat participant.",
	"MessageOrder":          "MessageOrder is the order in which a Conversation's Messages are listed; Twilio's default is MessageOrderAsc.",
	"NotificationLevel":     "NotificationLevel says whether a User gets the push notifications of a Conversation.",
	"PushService":           "PushService is the push notification service of a Credential.",
	"RoleType":              "RoleType is the scope of a Role: a Conversation or the whole Service.",
	"ScopedWebhookMethod":   "ScopedWebhookMethod is the HTTP method a ConversationWebhook or an address's auto-creation webhook is called with.",
	"ScopedWebhookTarget":   "ScopedWebhookTarget is what a ConversationWebhook calls.",
	"WebhookMethod":         "WebhookMethod is the HTTP method the account's or a Service's webhooks are called with.",
	"WebhookTarget":         "WebhookTarget is where the account's webhooks go: a URL or Flex.",
}

// convValueNames are package conversations' names of enum values whose
// internal/convspec constant the rule spells otherwise: Go's initialisms,
// and the root package's WebhookMethodGet.
var convValueNames = map[string]string{
	"AddressTypeSms":      "AddressTypeSMS",
	"AddressTypeGbm":      "AddressTypeGBM",
	"AddressTypeRcs":      "AddressTypeRCS",
	"AddressTypeWhatsapp": "AddressTypeWhatsApp",
	"WebhookMethodGET":    "WebhookMethodGet",
	"WebhookMethodPOST":   "WebhookMethodPost",
}

// convValueDocs are the docs of package conversations' enum constants that
// say more than their value.
var convValueDocs = map[string]string{
	"ConversationStateInitializing": "ConversationStateInitializing is a Conversation being created with its participants.",
	"ConversationStateActive":       "ConversationStateActive is a Conversation in use.",
	"ConversationStateInactive":     "ConversationStateInactive is a Conversation its inactive timer has put to rest; a new message makes it active again.",
	"ConversationStateClosed":       "ConversationStateClosed is a closed Conversation, which takes no new message.",
	"MessageOrderAsc":               "MessageOrderAsc lists the oldest Message first.",
	"MessageOrderDesc":              "MessageOrderDesc lists the newest Message first.",
	"RoleTypeConversation":          "RoleTypeConversation is a role a participant holds in a Conversation.",
	"RoleTypeService":               "RoleTypeService is a role a user holds across the Service.",
	"NotificationLevelDefault":      "NotificationLevelDefault sends the User the Conversation's push notifications as the Service is configured to.",
	"NotificationLevelMuted":        "NotificationLevelMuted keeps the Conversation's push notifications from the User.",
	"ScopedWebhookTargetWebhook":    "ScopedWebhookTargetWebhook calls Configuration.URL on the events Configuration.Filters names.",
	"ScopedWebhookTargetTrigger":    "ScopedWebhookTargetTrigger calls Configuration.URL when a message body holds one of Configuration.Triggers.",
	"ScopedWebhookTargetStudio":     "ScopedWebhookTargetStudio starts the Studio Flow Configuration.FlowSID.",
	"WebhookTargetWebhook":          "WebhookTargetWebhook sends the events to the webhook URLs.",
	"WebhookTargetFlex":             "WebhookTargetFlex sends the events to Flex.",
}
