package webhook

import (
	"encoding/json"
	"time"
)

// Conversations event types, the values of the EventType parameter that
// only Conversations sends, as Twilio lists them at
// https://www.twilio.com/docs/conversations/conversations-webhooks. The
// event types Conversations shares with Chat are the Chat constants:
// EventMessageUpdate, EventMessageUpdated, EventMessageRemove,
// EventMessageRemoved, EventUserAdded, EventUserUpdate and EventUserUpdated.
const (
	EventMessageAdd               = "onMessageAdd"
	EventMessageAdded             = "onMessageAdded"
	EventConversationAdd          = "onConversationAdd"
	EventConversationAdded        = "onConversationAdded"
	EventConversationUpdate       = "onConversationUpdate"
	EventConversationUpdated      = "onConversationUpdated"
	EventConversationRemove       = "onConversationRemove"
	EventConversationRemoved      = "onConversationRemoved"
	EventConversationStateUpdated = "onConversationStateUpdated"
	EventParticipantAdd           = "onParticipantAdd"
	EventParticipantAdded         = "onParticipantAdded"
	EventParticipantUpdate        = "onParticipantUpdate"
	EventParticipantUpdated       = "onParticipantUpdated"
	EventParticipantRemove        = "onParticipantRemove"
	EventParticipantRemoved       = "onParticipantRemoved"
	EventDeliveryUpdated          = "onDeliveryUpdated"
)

// ConversationsEvent holds the parameters every Conversations webhook
// carries: those of Event (EventType, AccountSID, ClientIdentity, Source,
// RetryCount, Params) and the Conversation Service. Every Conversations
// event embeds it.
type ConversationsEvent struct {
	Event
	// ChatServiceSID is the Conversation Service the event happened in
	// (ChatServiceSid); empty when Twilio does not send it.
	ChatServiceSID string
}

// MessagingBinding is how a participant who is not a chat user (SMS,
// WhatsApp, Group MMS) reaches a conversation: the MessagingBinding.*
// parameters. A chat participant has none.
type MessagingBinding struct {
	// Address is the participant's own address, such as a phone number
	// (MessagingBinding.Address). When Conversations auto-creates a Group
	// MMS conversation it is the list of addresses, as Twilio sends it.
	Address string
	// ProxyAddress is the Twilio address the participant talks to
	// (MessagingBinding.ProxyAddress).
	ProxyAddress string
	// ProjectedAddress is the Twilio address a Group MMS participant with
	// an Identity is shown as (MessagingBinding.ProjectedAddress).
	ProjectedAddress string
	// AuthorAddress is the address of the message's author when
	// Conversations auto-creates a Group MMS conversation
	// (MessagingBinding.AuthorAddress).
	AuthorAddress string
	// Type is the kind of participant, "SMS", "CHAT" or "WHATSAPP"
	// (MessagingBinding.Type).
	Type string
}

// ConversationMessageFields are the parameters every Conversations message
// event carries. The message events embed it, so its fields read as e.Body,
// e.ConversationSID and so on.
type ConversationMessageFields struct {
	// ConversationSID is the conversation of the message.
	ConversationSID string
	// Body is the text of the message.
	Body string
	// Author is the author of the message: a chat identity or an address.
	Author string
	// ParticipantSID is the author's participant (ParticipantSid), when
	// the author is one.
	ParticipantSID string
	// Attributes is the message's JSON attributes; nil when not sent.
	Attributes json.RawMessage
	// Media is the files attached to the message, decoded from the Media
	// parameter's JSON array; nil when not sent.
	Media []Media
}

// ConversationMessageAddEvent is the onMessageAdd pre-event: a message is
// about to be added to a conversation. Answer with Allow, Reject or Modify
// (Body, Author, Attributes).
type ConversationMessageAddEvent struct {
	ConversationsEvent
	ConversationMessageFields
}

// ConversationMessageAddedEvent is the onMessageAdded post-event: a message
// was added to a conversation.
type ConversationMessageAddedEvent struct {
	ConversationsEvent
	// MessageSID identifies the message.
	MessageSID string
	// Index is the message's position in the conversation.
	Index int
	ConversationMessageFields
	// MessagingServiceSID is the Messaging Service of the conversation
	// (MessagingServiceSid).
	MessagingServiceSID string
	// DateCreated is when the message was created.
	DateCreated time.Time
}

// ConversationMessageUpdateEvent is the Conversations onMessageUpdate
// pre-event: a message is about to change. Answer with Allow, Reject or
// Modify (Body, Author, Attributes).
type ConversationMessageUpdateEvent struct {
	ConversationsEvent
	// MessageSID identifies the message.
	MessageSID string
	// Index is the message's position in the conversation.
	Index int
	ConversationMessageFields
	// DateCreated is when the message was created.
	DateCreated time.Time
	// DateUpdated is when the message was last changed.
	DateUpdated time.Time
}

// ConversationMessageUpdatedEvent is the Conversations onMessageUpdated
// post-event: a message changed. Its fields are those of
// ConversationMessageUpdateEvent.
type ConversationMessageUpdatedEvent ConversationMessageUpdateEvent

// ConversationMessageRemoveEvent is the Conversations onMessageRemove
// pre-event: a message is about to be deleted. Answer with Allow or Reject.
// Its fields are those of ConversationMessageUpdateEvent.
type ConversationMessageRemoveEvent ConversationMessageUpdateEvent

// ConversationMessageRemovedEvent is the Conversations onMessageRemoved
// post-event: a message was deleted.
type ConversationMessageRemovedEvent struct {
	ConversationMessageRemoveEvent
	// DateRemoved is when the message was deleted.
	DateRemoved time.Time
}

// ConversationFields are the parameters every conversation event carries.
// The conversation events embed it, so its fields read as e.FriendlyName,
// e.State and so on.
type ConversationFields struct {
	// FriendlyName is the conversation's display name, if set.
	FriendlyName string
	// UniqueName is the conversation's unique name, if set.
	UniqueName string
	// Attributes is the conversation's JSON attributes; nil when not sent.
	Attributes json.RawMessage
	// MessagingServiceSID is the conversation's Messaging Service
	// (MessagingServiceSid).
	MessagingServiceSID string
	// State is the conversation's state: "active", "inactive" or "closed".
	State string
}

// ConversationAddEvent is the onConversationAdd pre-event: a conversation is
// about to be created. Answer with Allow, Reject or ModifyConversation
// (FriendlyName).
type ConversationAddEvent struct {
	ConversationsEvent
	ConversationFields
	// MessagingBinding is the creator's binding when an SMS or WhatsApp
	// message creates the conversation; nil when not sent.
	MessagingBinding *MessagingBinding
	// MessageBody is the text of the message creating the conversation, if
	// any.
	MessageBody string
	// Media is the files attached to that message; nil when not sent.
	Media []Media
}

// ConversationAddedEvent is the onConversationAdded post-event: a
// conversation was created.
type ConversationAddedEvent struct {
	ConversationsEvent
	// ConversationSID identifies the conversation.
	ConversationSID string
	ConversationFields
	// MessagingBinding is the creator's binding when an SMS or WhatsApp
	// message created the conversation; nil when not sent.
	MessagingBinding *MessagingBinding
	// DateCreated is when the conversation was created.
	DateCreated time.Time
	// DateUpdated is when the conversation was last changed.
	DateUpdated time.Time
}

// ConversationUpdateEvent is the onConversationUpdate pre-event: a
// conversation is about to change. Answer with Allow, Reject or
// ModifyConversation (FriendlyName).
type ConversationUpdateEvent struct {
	ConversationsEvent
	// ConversationSID identifies the conversation.
	ConversationSID string
	ConversationFields
	// DateCreated is when the conversation was created.
	DateCreated time.Time
	// DateUpdated is when the conversation was last changed.
	DateUpdated time.Time
}

// ConversationUpdatedEvent is the onConversationUpdated post-event: a
// conversation changed. Its fields are those of ConversationUpdateEvent.
type ConversationUpdatedEvent ConversationUpdateEvent

// ConversationRemoveEvent is the onConversationRemove pre-event: a
// conversation is about to be deleted. Answer with Allow or Reject. Its
// fields are those of ConversationUpdateEvent.
type ConversationRemoveEvent ConversationUpdateEvent

// ConversationRemovedEvent is the onConversationRemoved post-event: a
// conversation was deleted.
type ConversationRemovedEvent struct {
	ConversationRemoveEvent
	// DateRemoved is when the conversation was deleted.
	DateRemoved time.Time
}

// ConversationStateUpdatedEvent is the onConversationStateUpdated
// post-event: a conversation went from one state to another ("active",
// "inactive", "closed").
type ConversationStateUpdatedEvent struct {
	ConversationsEvent
	// ConversationSID identifies the conversation.
	ConversationSID string
	// MessagingServiceSID is the conversation's Messaging Service
	// (MessagingServiceSid).
	MessagingServiceSID string
	// StateFrom is the state the conversation left.
	StateFrom string
	// StateTo is the state the conversation entered.
	StateTo string
	// StateUpdated is when the state changed.
	StateUpdated time.Time
	// Reason is what changed it: "API", "TIMER" or "EVENT".
	Reason string
}

// ParticipantFields are the parameters every participant event carries. The
// participant events embed it, so its fields read as e.Identity,
// e.MessagingBinding and so on. A participant has an Identity (a chat
// participant) or a MessagingBinding with its addresses (SMS, WhatsApp),
// and a Group MMS participant both.
type ParticipantFields struct {
	// ConversationSID is the conversation of the participant.
	ConversationSID string
	// Identity is the identity of the chat user, if the participant is one.
	Identity string
	// RoleSID is the participant's role.
	RoleSID string
	// Attributes is the participant's JSON attributes; nil when not sent.
	Attributes json.RawMessage
	// MessagingBinding is the participant's binding; nil when not sent.
	MessagingBinding *MessagingBinding
}

// ParticipantAddEvent is the onParticipantAdd pre-event: a participant is
// about to join a conversation. Answer with Allow or Reject.
type ParticipantAddEvent struct {
	ConversationsEvent
	ParticipantFields
}

// ParticipantAddedEvent is the onParticipantAdded post-event: a participant
// joined a conversation.
type ParticipantAddedEvent struct {
	ConversationsEvent
	// ParticipantSID identifies the participant.
	ParticipantSID string
	ParticipantFields
	// DateCreated is when the participant was created.
	DateCreated time.Time
}

// ParticipantUpdateEvent is the onParticipantUpdate pre-event: a
// participant is about to change. Answer with Allow or Reject.
type ParticipantUpdateEvent struct {
	ConversationsEvent
	// ParticipantSID identifies the participant.
	ParticipantSID string
	ParticipantFields
	// DateCreated is when the participant was created.
	DateCreated time.Time
	// DateUpdated is when the participant was last changed.
	DateUpdated time.Time
}

// ParticipantUpdatedEvent is the onParticipantUpdated post-event: a
// participant changed.
type ParticipantUpdatedEvent struct {
	ParticipantUpdateEvent
	// LastReadMessageIndex is the index of the last message the
	// participant read; nil when not sent.
	LastReadMessageIndex *int
}

// ParticipantRemoveEvent is the onParticipantRemove pre-event: a participant
// is about to leave, or be removed from, a conversation. Answer with Allow
// or Reject. Its fields are those of ParticipantUpdateEvent.
type ParticipantRemoveEvent ParticipantUpdateEvent

// ParticipantRemovedEvent is the onParticipantRemoved post-event: a
// participant left a conversation.
type ParticipantRemovedEvent struct {
	ParticipantRemoveEvent
	// DateRemoved is when the participant was removed.
	DateRemoved time.Time
}

// DeliveryUpdatedEvent is the onDeliveryUpdated post-event: the delivery
// receipt of a message sent to an SMS or WhatsApp participant changed.
type DeliveryUpdatedEvent struct {
	ConversationsEvent
	// ConversationSID is the conversation of the message.
	ConversationSID string
	// MessageSID identifies the conversation message (IM…).
	MessageSID string
	// DeliveryReceiptSID identifies the delivery receipt (DY…).
	DeliveryReceiptSID string
	// ChannelMessageSID identifies the message on its channel, such as
	// SM… for SMS or WA… for WhatsApp.
	ChannelMessageSID string
	// ParticipantSID is the participant the message was sent to.
	ParticipantSID string
	// Status is the delivery status: "sent", "delivered", "read", "failed"
	// or "undelivered".
	Status string
	// ErrorCode is Twilio's error code for a failed delivery; 0 when not
	// sent.
	ErrorCode int
	// DateCreated is when the receipt was created.
	DateCreated time.Time
	// DateUpdated is when the receipt was last changed.
	DateUpdated time.Time
}

// ConversationUserUpdateEvent is the Conversations onUserUpdate pre-event: a
// user is about to change. Answer with Allow or Reject.
type ConversationUserUpdateEvent struct {
	ConversationsEvent
	// UserSID identifies the user.
	UserSID string
	// Identity is the user's identity.
	Identity string
	// FriendlyName is the user's display name.
	FriendlyName string
	// RoleSID is the user's service role.
	RoleSID string
	// Attributes is the user's JSON attributes; nil when not sent.
	Attributes json.RawMessage
	// IsOnline reports whether the user is connected to the Conversation
	// Service (isOnline); nil when not sent.
	IsOnline *bool
	// IsNotifiable reports whether the user can receive push
	// notifications (isNotifiable); nil when not sent.
	IsNotifiable *bool
	// DateCreated is when the user was created; zero when not sent.
	DateCreated time.Time
	// DateUpdated is when the user was last changed.
	DateUpdated time.Time
}

// ConversationUserUpdatedEvent is the Conversations onUserUpdated
// post-event: a user changed. Its fields are those of
// ConversationUserUpdateEvent.
type ConversationUserUpdatedEvent ConversationUserUpdateEvent

// ConversationUserAddedEvent is the Conversations onUserAdded post-event: a
// user was created. Its fields are those of ConversationUserUpdateEvent.
type ConversationUserAddedEvent ConversationUserUpdateEvent
