package webhook

import (
	"context"
	"encoding/json"
)

// ConversationChanges lists the conversation fields to change before
// Twilio commits an onConversationAdd or onConversationUpdate action: the
// one field Twilio lets a pre-event answer change. A nil field is left as
// it is.
type ConversationChanges struct {
	// FriendlyName replaces the conversation's display name.
	FriendlyName *string `json:"friendly_name,omitempty"`
}

// ModifyConversation returns the Decision that lets the conversation go
// ahead with changes. The Handler answers 200 OK with a JSON body such as
// {"friendly_name":"…"}. Twilio applies it only for onConversationAdd and
// onConversationUpdate; for other events ModifyConversation acts as Allow.
func ModifyConversation(changes ConversationChanges) Decision {
	return Decision{conversation: &changes}
}

// ConversationChanges returns the conversation changes d carries, or nil.
func (d Decision) ConversationChanges() *ConversationChanges { return d.conversation }

// changesJSON encodes the changes d carries, the body of a 200 answer.
func (d Decision) changesJSON() ([]byte, error) {
	if d.conversation != nil {
		return json.Marshal(d.conversation)
	}
	return json.Marshal(d.changes)
}

// hookKey is the key of e's function in Handler.hooks: its event type for a
// Chat event, and the event type behind a prefix for a Conversations event,
// so that the event types both send reach the function of the right one.
func hookKey(e *Event) string {
	if conversationsEvent(e.Params) {
		return conversationsKey(e.EventType)
	}
	return e.EventType
}

func conversationsKey(eventType string) string { return "conversations " + eventType }

// OnConversationMessageAdd registers fn for onMessageAdd. A nil fn registers
// nothing.
func (h *Handler) OnConversationMessageAdd(fn func(context.Context, *ConversationMessageAddEvent) (Decision, error)) {
	register(h, fn, conversationsKey(EventMessageAdd))
}

// OnConversationMessageAdded registers fn for onMessageAdded. A nil fn
// registers nothing.
func (h *Handler) OnConversationMessageAdded(fn func(context.Context, *ConversationMessageAddedEvent) error) {
	register(h, post(fn), conversationsKey(EventMessageAdded))
}

// OnConversationMessageUpdate registers fn for the Conversations
// onMessageUpdate. A nil fn registers nothing.
func (h *Handler) OnConversationMessageUpdate(fn func(context.Context, *ConversationMessageUpdateEvent) (Decision, error)) {
	register(h, fn, conversationsKey(EventMessageUpdate))
}

// OnConversationMessageUpdated registers fn for the Conversations
// onMessageUpdated. A nil fn registers nothing.
func (h *Handler) OnConversationMessageUpdated(fn func(context.Context, *ConversationMessageUpdatedEvent) error) {
	register(h, post(fn), conversationsKey(EventMessageUpdated))
}

// OnConversationMessageRemove registers fn for the Conversations
// onMessageRemove. A nil fn registers nothing.
func (h *Handler) OnConversationMessageRemove(fn func(context.Context, *ConversationMessageRemoveEvent) (Decision, error)) {
	register(h, fn, conversationsKey(EventMessageRemove))
}

// OnConversationMessageRemoved registers fn for the Conversations
// onMessageRemoved. A nil fn registers nothing.
func (h *Handler) OnConversationMessageRemoved(fn func(context.Context, *ConversationMessageRemovedEvent) error) {
	register(h, post(fn), conversationsKey(EventMessageRemoved))
}

// OnConversationAdd registers fn for onConversationAdd. A nil fn registers
// nothing.
func (h *Handler) OnConversationAdd(fn func(context.Context, *ConversationAddEvent) (Decision, error)) {
	register(h, fn, conversationsKey(EventConversationAdd))
}

// OnConversationAdded registers fn for onConversationAdded. A nil fn
// registers nothing.
func (h *Handler) OnConversationAdded(fn func(context.Context, *ConversationAddedEvent) error) {
	register(h, post(fn), conversationsKey(EventConversationAdded))
}

// OnConversationUpdate registers fn for onConversationUpdate. A nil fn
// registers nothing.
func (h *Handler) OnConversationUpdate(fn func(context.Context, *ConversationUpdateEvent) (Decision, error)) {
	register(h, fn, conversationsKey(EventConversationUpdate))
}

// OnConversationUpdated registers fn for onConversationUpdated. A nil fn
// registers nothing.
func (h *Handler) OnConversationUpdated(fn func(context.Context, *ConversationUpdatedEvent) error) {
	register(h, post(fn), conversationsKey(EventConversationUpdated))
}

// OnConversationRemove registers fn for onConversationRemove. A nil fn
// registers nothing.
func (h *Handler) OnConversationRemove(fn func(context.Context, *ConversationRemoveEvent) (Decision, error)) {
	register(h, fn, conversationsKey(EventConversationRemove))
}

// OnConversationRemoved registers fn for onConversationRemoved. A nil fn
// registers nothing.
func (h *Handler) OnConversationRemoved(fn func(context.Context, *ConversationRemovedEvent) error) {
	register(h, post(fn), conversationsKey(EventConversationRemoved))
}

// OnConversationStateUpdated registers fn for onConversationStateUpdated. A
// nil fn registers nothing.
func (h *Handler) OnConversationStateUpdated(fn func(context.Context, *ConversationStateUpdatedEvent) error) {
	register(h, post(fn), conversationsKey(EventConversationStateUpdated))
}

// OnParticipantAdd registers fn for onParticipantAdd. A nil fn registers
// nothing.
func (h *Handler) OnParticipantAdd(fn func(context.Context, *ParticipantAddEvent) (Decision, error)) {
	register(h, fn, conversationsKey(EventParticipantAdd))
}

// OnParticipantAdded registers fn for onParticipantAdded. A nil fn registers
// nothing.
func (h *Handler) OnParticipantAdded(fn func(context.Context, *ParticipantAddedEvent) error) {
	register(h, post(fn), conversationsKey(EventParticipantAdded))
}

// OnParticipantUpdate registers fn for onParticipantUpdate. A nil fn
// registers nothing.
func (h *Handler) OnParticipantUpdate(fn func(context.Context, *ParticipantUpdateEvent) (Decision, error)) {
	register(h, fn, conversationsKey(EventParticipantUpdate))
}

// OnParticipantUpdated registers fn for onParticipantUpdated. A nil fn
// registers nothing.
func (h *Handler) OnParticipantUpdated(fn func(context.Context, *ParticipantUpdatedEvent) error) {
	register(h, post(fn), conversationsKey(EventParticipantUpdated))
}

// OnParticipantRemove registers fn for onParticipantRemove. A nil fn
// registers nothing.
func (h *Handler) OnParticipantRemove(fn func(context.Context, *ParticipantRemoveEvent) (Decision, error)) {
	register(h, fn, conversationsKey(EventParticipantRemove))
}

// OnParticipantRemoved registers fn for onParticipantRemoved. A nil fn
// registers nothing.
func (h *Handler) OnParticipantRemoved(fn func(context.Context, *ParticipantRemovedEvent) error) {
	register(h, post(fn), conversationsKey(EventParticipantRemoved))
}

// OnDeliveryUpdated registers fn for onDeliveryUpdated. A nil fn registers
// nothing.
func (h *Handler) OnDeliveryUpdated(fn func(context.Context, *DeliveryUpdatedEvent) error) {
	register(h, post(fn), conversationsKey(EventDeliveryUpdated))
}

// OnConversationUserAdded registers fn for the Conversations onUserAdded. A
// nil fn registers nothing.
func (h *Handler) OnConversationUserAdded(fn func(context.Context, *ConversationUserAddedEvent) error) {
	register(h, post(fn), conversationsKey(EventUserAdded))
}

// OnConversationUserUpdate registers fn for the Conversations onUserUpdate. A
// nil fn registers nothing.
func (h *Handler) OnConversationUserUpdate(fn func(context.Context, *ConversationUserUpdateEvent) (Decision, error)) {
	register(h, fn, conversationsKey(EventUserUpdate))
}

// OnConversationUserUpdated registers fn for the Conversations
// onUserUpdated. A nil fn registers nothing.
func (h *Handler) OnConversationUserUpdated(fn func(context.Context, *ConversationUserUpdatedEvent) error) {
	register(h, post(fn), conversationsKey(EventUserUpdated))
}
