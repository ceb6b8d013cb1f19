// Package conversations is a typed client for the Twilio Conversations v1
// REST API (https://www.twilio.com/docs/conversations/api): all 103
// operations, generated from Twilio's OpenAPI description and sent through
// the same engine as package twiliochat's Chat v2 client. The rules of
// twiliochat's package documentation hold here unchanged: checks before any
// request, retries, lists, errors, redaction and logging. This page says
// what is particular to Conversations.
//
// # Create a client
//
// New shares a *twiliochat.Client's credentials, transport, retries,
// logger, edge and region, and sends to conversations.twilio.com; with
// twiliochat.WithBaseURL (a fake, a proxy), both APIs go to that one base
// URL:
//
//	chat, err := twiliochat.NewClient(accountSID, authToken)
//	conv := conversations.New(chat)
//	c, err := conv.Conversations.Create(ctx, &conversations.CreateConversationParams{
//		UniqueName: twiliochat.Ptr("support-4217"),
//	})
//
// # The default Service and named Services
//
// A *Client addresses the account's default Conversation Service
// (/v1/Conversations/…) and the account's own resources (Services,
// Credentials, AddressConfigurations, Configuration, ConfigurationWebhooks).
// Client.Service returns a *ServiceClient for one named Service
// (/v1/Services/{ChatServiceSid}/…): the same resources, of the same types
// and with the same methods, and the Service's own (Bindings, its
// Configuration, Notifications, ConfigurationWebhooks). The Service SID is
// given once, to Service; a bad one fails every call with a
// *twiliochat.ValidationError naming ChatServiceSid, before any request.
//
//	support := conv.Service("IS…")
//	msg, err := support.Messages.Create(ctx, "support-4217", &conversations.CreateMessageParams{
//		Author: twiliochat.Ptr("alice"),
//		Body:   twiliochat.Ptr("Where is my invoice?"),
//	})
//
// Where one name means two things, the types say which: the account's
// Configuration and ConfigurationWebhook, a Service's ServiceConfiguration
// and ServiceWebhookConfiguration; a ConversationWebhook is a webhook of
// one Conversation.
//
// # Calls
//
// Methods are named as in twiliochat: Create, Fetch, Update, Delete, and
// ListPage, NextPage and List for a list; a singleton (a Configuration) has
// Fetch and Update. Every call takes ctx, then the path values in the
// order of the path (the Conversation, then the resource), then a params
// pointer when the operation has a form key, a query key or a header. A
// Conversation, a Participant, a User and an Address Configuration are
// addressed by their SID or by a name (unique name, identity, address),
// which is escaped as one path segment and is never "", "." or "..". A
// WebhookEnabled field is sent as the X-Twilio-Webhook-Enabled header.
// Conversations.CreateWithParticipants creates a Conversation with up to
// ten participants in one request.
//
// Params are validated as twiliochat's are: required keys, enums and SID
// forms from the spec, JSON text (Attributes, ContentVariables, each
// Participant), URLs, dates RFC 3339 can carry, and ISO 8601 durations for
// the timers, of at least a minute for Timers.Inactive and
// DefaultInactiveTimer and ten minutes for Timers.Closed and
// DefaultClosedTimer, as Twilio requires; a Participant needs an Identity
// or a MessagingBinding.Address, and ParticipantConversations.List an
// Identity or an Address.
// Errors are twiliochat's: *twiliochat.ValidationError, *twiliochat.APIError,
// *twiliochat.DecodeError, and twiliochat.IsNotFound and the other helpers
// work on them. A page of a list is a *twiliochat.Page (MessagePage is
// twiliochat.Page[Message]). A Credential's secrets print as [redacted].
//
// # From Chat to Conversations
//
// Conversations is built on Chat: a Chat Service is a Conversation
// Service, a Channel is a Conversation, a Member is a Participant, and
// Messages, Users, Roles, Credentials and Bindings are the same resources,
// with the same SIDs (IS…, CH…, MB…, IM…, US…, RL…, CR…, BS…), with no
// migration (https://www.twilio.com/docs/conversations/migrating-chat-conversations).
// A Channel created through twiliochat is fetched here as a Conversation,
// and the other way round.
package conversations
