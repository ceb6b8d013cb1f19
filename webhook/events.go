package webhook

import (
	"encoding/json"
	"net/url"
	"time"
)

// Chat event types, the values of the EventType parameter. The "on…" form
// without a past tense (onMessageSend) is a pre-event webhook, sent before the
// action and able to stop it; the past tense (onMessageSent) is a post-event
// webhook, sent after it.
const (
	EventMessageSend      = "onMessageSend"
	EventMessageSent      = "onMessageSent"
	EventMediaMessageSend = "onMediaMessageSend"
	EventMediaMessageSent = "onMediaMessageSent"
	EventMessageUpdate    = "onMessageUpdate"
	EventMessageUpdated   = "onMessageUpdated"
	EventMessageRemove    = "onMessageRemove"
	EventMessageRemoved   = "onMessageRemoved"
	EventChannelAdd       = "onChannelAdd"
	EventChannelAdded     = "onChannelAdded"
	EventChannelUpdate    = "onChannelUpdate"
	EventChannelUpdated   = "onChannelUpdated"
	EventChannelDestroy   = "onChannelDestroy"
	EventChannelDestroyed = "onChannelDestroyed"
	EventMemberAdd        = "onMemberAdd"
	EventMemberAdded      = "onMemberAdded"
	EventMemberUpdate     = "onMemberUpdate"
	EventMemberUpdated    = "onMemberUpdated"
	EventMemberRemove     = "onMemberRemove"
	EventMemberRemoved    = "onMemberRemoved"
	EventUserAdded        = "onUserAdded"
	EventUserUpdate       = "onUserUpdate"
	EventUserUpdated      = "onUserUpdated"
)

// Event holds the parameters every Chat webhook carries. Parse returns a bare
// *Event for event types this package does not know; the typed events embed
// it.
type Event struct {
	// EventType names the event, for example "onMessageSend".
	EventType string
	// AccountSID is the account the Service belongs to (AccountSid).
	AccountSID string
	// InstanceSID is the Chat Service the event happened in (InstanceSid).
	InstanceSID string
	// ClientIdentity is the identity of the user whose SDK action caused the
	// event; empty for REST API actions.
	ClientIdentity string
	// Source is where the action came from, "SDK" or "API".
	Source string
	// RetryCount is how many times Twilio has retried this post-event
	// webhook.
	RetryCount int
	// WebhookSID is the channel webhook that fired, for channel-scoped
	// webhooks (WebhookSid).
	WebhookSID string
	// WebhookType is the kind of channel webhook target, such as "webhook"
	// or "studio".
	WebhookType string
	// Params holds every parameter as received, including any this package
	// does not decode.
	Params url.Values
}

// Common returns e itself; it makes every typed event a Payload.
func (e *Event) Common() *Event { return e }

// Media describes the file attached to a media message.
type Media struct {
	// SID identifies the media (MediaSid).
	SID string
	// Filename is the file name given by the sender.
	Filename string
	// ContentType is the MIME type of the file.
	ContentType string
	// Size is the file size in bytes.
	Size int64
}

// MessageFields are the parameters every message event carries. The message
// events embed it, so its fields read as e.Body, e.ChannelSID and so on.
type MessageFields struct {
	// ChannelSID is the channel of the message.
	ChannelSID string
	// Body is the text of the message.
	Body string
	// Attributes is the message's JSON attributes; nil when not sent.
	Attributes json.RawMessage
	// From is the identity of the author.
	From string
	// DateCreated is when the message was created; zero when not sent.
	DateCreated time.Time
}

// MessageSendEvent is the onMessageSend (and onMediaMessageSend) pre-event:
// a user is about to send a message. Answer with Allow, Reject or Modify.
type MessageSendEvent struct {
	Event
	MessageFields
	// Media is the attached file, nil for a text message.
	Media *Media
}

// MessageSentEvent is the onMessageSent (and onMediaMessageSent) post-event:
// a message was sent.
type MessageSentEvent struct {
	Event
	// MessageSID identifies the message.
	MessageSID string
	// Index is the message's position in the channel.
	Index int
	MessageFields
	// Media is the attached file, nil for a text message.
	Media *Media
}

// MessageUpdateEvent is the onMessageUpdate pre-event: a user is about to
// change a message. Answer with Allow, Reject or Modify.
type MessageUpdateEvent struct {
	Event
	// MessageSID identifies the message.
	MessageSID string
	// Index is the message's position in the channel.
	Index int
	MessageFields
	// ModifiedBy is the identity of the user changing the message.
	ModifiedBy string
	// DateUpdated is when the message was last changed.
	DateUpdated time.Time
}

// MessageUpdatedEvent is the onMessageUpdated post-event: a message was
// changed. Its fields are those of MessageUpdateEvent.
type MessageUpdatedEvent MessageUpdateEvent

// MessageRemoveEvent is the onMessageRemove pre-event: a user is about to
// delete a message. Answer with Allow or Reject.
type MessageRemoveEvent struct {
	Event
	// MessageSID identifies the message.
	MessageSID string
	// Index is the message's position in the channel.
	Index int
	MessageFields
	// RemovedBy is the identity of the user removing the message.
	RemovedBy string
	// DateUpdated is when the message was last changed.
	DateUpdated time.Time
}

// MessageRemovedEvent is the onMessageRemoved post-event: a message was
// deleted.
type MessageRemovedEvent struct {
	MessageRemoveEvent
	// DateRemoved is when the message was deleted.
	DateRemoved time.Time
}

// ChannelFields are the parameters every channel event carries. The channel
// events embed it, so its fields read as e.FriendlyName, e.Attributes and so
// on.
type ChannelFields struct {
	// ChannelType is "public" or "private".
	ChannelType string
	// FriendlyName is the channel's display name.
	FriendlyName string
	// UniqueName is the channel's unique name, if any.
	UniqueName string
	// Attributes is the channel's JSON attributes; nil when not sent.
	Attributes json.RawMessage
	// CreatedBy is the identity of the user who created, or is creating,
	// the channel.
	CreatedBy string
}

// ChannelAddEvent is the onChannelAdd pre-event: a user is about to create a
// channel. Answer with Allow or Reject.
type ChannelAddEvent struct {
	Event
	ChannelFields
}

// ChannelAddedEvent is the onChannelAdded post-event: a channel was created.
type ChannelAddedEvent struct {
	Event
	// ChannelSID identifies the channel.
	ChannelSID string
	ChannelFields
	// DateCreated is when the channel was created.
	DateCreated time.Time
}

// ChannelUpdateEvent is the onChannelUpdate pre-event: a user is about to
// change a channel. Answer with Allow or Reject.
type ChannelUpdateEvent struct {
	Event
	// ChannelSID identifies the channel.
	ChannelSID string
	ChannelFields
	// DateCreated is when the channel was created.
	DateCreated time.Time
	// DateUpdated is when the channel was last changed.
	DateUpdated time.Time
}

// ChannelUpdatedEvent is the onChannelUpdated post-event: a channel was
// changed. Its fields are those of ChannelUpdateEvent.
type ChannelUpdatedEvent ChannelUpdateEvent

// ChannelDestroyEvent is the onChannelDestroy pre-event: a user is about to
// delete a channel. Answer with Allow or Reject. Its fields are those of
// ChannelUpdateEvent.
type ChannelDestroyEvent ChannelUpdateEvent

// ChannelDestroyedEvent is the onChannelDestroyed post-event: a channel was
// deleted. Its fields are those of ChannelUpdateEvent.
type ChannelDestroyedEvent ChannelUpdateEvent

// MemberFields are the parameters every member event carries. The member
// events embed it, so its fields read as e.Identity, e.Attributes and so on.
type MemberFields struct {
	// ChannelSID is the channel of the membership.
	ChannelSID string
	// Identity is the identity of the member, or of the user becoming one.
	Identity string
	// RoleSID is the member's role; for onMemberAdd, the role the member
	// gets, when sent.
	RoleSID string
	// Attributes is the member's JSON attributes; nil when not sent.
	Attributes json.RawMessage
}

// MemberAddEvent is the onMemberAdd pre-event: a user is about to join, or be
// added to, a channel. Answer with Allow or Reject.
type MemberAddEvent struct {
	Event
	MemberFields
}

// MemberAddedEvent is the onMemberAdded post-event: a user joined a channel.
type MemberAddedEvent struct {
	Event
	// MemberSID identifies the membership.
	MemberSID string
	MemberFields
	// Reason tells how the member came to be added, as Twilio reports it.
	Reason string
	// DateCreated is when the membership was created.
	DateCreated time.Time
}

// MemberUpdateEvent is the onMemberUpdate pre-event: a membership is about to
// change, for example its role or read horizon. Answer with Allow or Reject.
type MemberUpdateEvent struct {
	Event
	// MemberSID identifies the membership.
	MemberSID string
	MemberFields
	// LastConsumedMessageIndex is the index of the last message the member
	// has read; nil when not sent.
	LastConsumedMessageIndex *int
	// DateCreated is when the membership was created.
	DateCreated time.Time
	// DateUpdated is when the membership was last changed.
	DateUpdated time.Time
}

// MemberUpdatedEvent is the onMemberUpdated post-event: a membership changed.
// Its fields are those of MemberUpdateEvent.
type MemberUpdatedEvent MemberUpdateEvent

// MemberRemoveEvent is the onMemberRemove pre-event: a member is about to
// leave, or be removed from, a channel. Answer with Allow or Reject. Its
// fields are those of MemberAddedEvent.
type MemberRemoveEvent MemberAddedEvent

// MemberRemovedEvent is the onMemberRemoved post-event: a member left a
// channel.
type MemberRemovedEvent struct {
	MemberRemoveEvent
	// DateRemoved is when the member left.
	DateRemoved time.Time
}

// UserUpdateEvent is the onUserUpdate pre-event: a user is about to change
// their user record. Answer with Allow or Reject.
type UserUpdateEvent struct {
	Event
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
	// IsOnline reports whether the user is online; nil when not sent.
	IsOnline *bool
	// IsNotifiable reports whether the user can receive push notifications;
	// nil when not sent.
	IsNotifiable *bool
	// DateCreated is when the user was created.
	DateCreated time.Time
	// DateUpdated is when the user was last changed.
	DateUpdated time.Time
}

// UserUpdatedEvent is the onUserUpdated post-event: a user record changed.
// Its fields are those of UserUpdateEvent.
type UserUpdatedEvent UserUpdateEvent

// UserAddedEvent is the onUserAdded post-event: a user was created. Its
// fields are those of UserUpdateEvent; DateUpdated is zero unless sent.
type UserAddedEvent UserUpdateEvent
