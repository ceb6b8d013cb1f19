package webhook

import (
	"cmp"
	"encoding/json"
	"errors"
	"net/url"
)

// conversationsEvent reports whether form is a Conversations webhook rather
// than a Chat one. An event type only Conversations sends is one. An event
// type both send (onMessageUpdate, onUserAdded, …) is a Conversations one
// when it carries ConversationSid or ChatServiceSid, which Chat never sends
// (its events carry ChannelSid and InstanceSid).
func conversationsEvent(form url.Values) bool {
	eventType := form.Get("EventType")
	if _, ok := conversationsDecoders[eventType]; !ok {
		return false
	}
	if _, chat := decoders[eventType]; !chat {
		return true
	}
	return form.Get("ConversationSid") != "" || form.Get("ChatServiceSid") != ""
}

func (d *fieldReader) conversationsEvent(e Event) ConversationsEvent {
	return ConversationsEvent{Event: e, ChatServiceSID: d.str("ChatServiceSid")}
}

// mediaObject is one entry of a Conversations Media parameter. Twilio's
// webhook page calls the parameter a "stringified JSON array of attached
// media objects" without naming their keys; the keys read here are those of
// the Event Streams schema of the same events (MediaSid) and those of the
// Media of the REST API (Sid, content_type), in any case.
type mediaObject struct {
	SID              string `json:"Sid"`
	MediaSID         string `json:"MediaSid"`
	Filename         string `json:"Filename"`
	ContentType      string `json:"ContentType"`
	SnakeContentType string `json:"content_type"`
	Size             int64  `json:"Size"`
}

// mediaList decodes the Media parameter, a JSON array of media objects.
func (d *fieldReader) mediaList() []Media {
	s := d.str("Media")
	if s == "" {
		return nil
	}
	var objects []mediaObject
	if err := json.Unmarshal([]byte(s), &objects); err != nil {
		d.fail("Media", errors.New("not a JSON array of media objects"))
		return nil
	}
	media := make([]Media, len(objects))
	for i, o := range objects {
		media[i] = Media{
			SID:         cmp.Or(o.SID, o.MediaSID),
			Filename:    o.Filename,
			ContentType: cmp.Or(o.ContentType, o.SnakeContentType),
			Size:        o.Size,
		}
	}
	return media
}

// messagingBinding decodes the MessagingBinding.* parameters, or returns nil
// when there are none.
func (d *fieldReader) messagingBinding() *MessagingBinding {
	b := MessagingBinding{
		Address:          d.str("MessagingBinding.Address"),
		ProxyAddress:     d.str("MessagingBinding.ProxyAddress"),
		ProjectedAddress: d.str("MessagingBinding.ProjectedAddress"),
		AuthorAddress:    d.str("MessagingBinding.AuthorAddress"),
		Type:             d.str("MessagingBinding.Type"),
	}
	if b == (MessagingBinding{}) {
		return nil
	}
	return &b
}

// conversationMessage, conversation and participant decode the field groups
// the Conversations events of one resource share; the decoders below add
// what is particular to each event.
func (d *fieldReader) conversationMessage() ConversationMessageFields {
	return ConversationMessageFields{
		ConversationSID: d.str("ConversationSid"),
		Body:            d.str("Body"),
		Author:          d.str("Author"),
		ParticipantSID:  d.str("ParticipantSid"),
		Attributes:      d.json("Attributes"),
		Media:           d.mediaList(),
	}
}

func (d *fieldReader) conversation() ConversationFields {
	return ConversationFields{
		FriendlyName:        d.str("FriendlyName"),
		UniqueName:          d.str("UniqueName"),
		Attributes:          d.json("Attributes"),
		MessagingServiceSID: d.str("MessagingServiceSid"),
		State:               d.str("State"),
	}
}

func (d *fieldReader) participant() ParticipantFields {
	return ParticipantFields{
		ConversationSID:  d.str("ConversationSid"),
		Identity:         d.str("Identity"),
		RoleSID:          d.str("RoleSid"),
		Attributes:       d.json("Attributes"),
		MessagingBinding: d.messagingBinding(),
	}
}

func (d *fieldReader) conversationMessageUpdate(e Event) *ConversationMessageUpdateEvent {
	return &ConversationMessageUpdateEvent{
		ConversationsEvent:        d.conversationsEvent(e),
		MessageSID:                d.str("MessageSid"),
		Index:                     d.int("Index"),
		ConversationMessageFields: d.conversationMessage(),
		DateCreated:               d.time("DateCreated"),
		DateUpdated:               d.time("DateUpdated"),
	}
}

func (d *fieldReader) conversationUpdate(e Event) *ConversationUpdateEvent {
	return &ConversationUpdateEvent{
		ConversationsEvent: d.conversationsEvent(e),
		ConversationSID:    d.str("ConversationSid"),
		ConversationFields: d.conversation(),
		DateCreated:        d.time("DateCreated"),
		DateUpdated:        d.time("DateUpdated"),
	}
}

func (d *fieldReader) participantUpdate(e Event) *ParticipantUpdateEvent {
	return &ParticipantUpdateEvent{
		ConversationsEvent: d.conversationsEvent(e),
		ParticipantSID:     d.str("ParticipantSid"),
		ParticipantFields:  d.participant(),
		DateCreated:        d.time("DateCreated"),
		DateUpdated:        d.time("DateUpdated"),
	}
}

// conversationUser decodes the user events. Twilio's page spells the
// presence parameters isOnline and isNotifiable; the capitalised spelling
// of the Chat events is read when that one is absent.
func (d *fieldReader) conversationUser(e Event) *ConversationUserUpdateEvent {
	return &ConversationUserUpdateEvent{
		ConversationsEvent: d.conversationsEvent(e),
		UserSID:            d.str("UserSid"),
		Identity:           d.str("Identity"),
		FriendlyName:       d.str("FriendlyName"),
		RoleSID:            d.str("RoleSid"),
		Attributes:         d.json("Attributes"),
		IsOnline:           d.bool(d.presentKey("isOnline", "IsOnline")),
		IsNotifiable:       d.bool(d.presentKey("isNotifiable", "IsNotifiable")),
		DateCreated:        d.time("DateCreated"),
		DateUpdated:        d.time("DateUpdated"),
	}
}

// presentKey returns the first of keys the form has, or the first key.
func (d *fieldReader) presentKey(keys ...string) string {
	for _, key := range keys {
		if _, ok := d.form[key]; ok {
			return key
		}
	}
	return keys[0]
}

// conversationsDecoders maps each Conversations EventType to its decoder, as
// decoders does for Chat. Parse uses it for the parameters
// conversationsEvent recognises.
var conversationsDecoders = map[string]func(*fieldReader, Event) Payload{
	EventMessageAdd: func(d *fieldReader, e Event) Payload {
		return &ConversationMessageAddEvent{ConversationsEvent: d.conversationsEvent(e), ConversationMessageFields: d.conversationMessage()}
	},
	EventMessageAdded: func(d *fieldReader, e Event) Payload {
		return &ConversationMessageAddedEvent{
			ConversationsEvent:        d.conversationsEvent(e),
			MessageSID:                d.str("MessageSid"),
			Index:                     d.int("Index"),
			ConversationMessageFields: d.conversationMessage(),
			MessagingServiceSID:       d.str("MessagingServiceSid"),
			DateCreated:               d.time("DateCreated"),
		}
	},
	EventMessageUpdate: func(d *fieldReader, e Event) Payload { return d.conversationMessageUpdate(e) },
	EventMessageUpdated: func(d *fieldReader, e Event) Payload {
		return (*ConversationMessageUpdatedEvent)(d.conversationMessageUpdate(e))
	},
	EventMessageRemove: func(d *fieldReader, e Event) Payload {
		return (*ConversationMessageRemoveEvent)(d.conversationMessageUpdate(e))
	},
	EventMessageRemoved: func(d *fieldReader, e Event) Payload {
		return &ConversationMessageRemovedEvent{
			ConversationMessageRemoveEvent: ConversationMessageRemoveEvent(*d.conversationMessageUpdate(e)),
			DateRemoved:                    d.time("DateRemoved"),
		}
	},
	EventConversationAdd: func(d *fieldReader, e Event) Payload {
		return &ConversationAddEvent{
			ConversationsEvent: d.conversationsEvent(e),
			ConversationFields: d.conversation(),
			MessagingBinding:   d.messagingBinding(),
			MessageBody:        d.str("MessageBody"),
			Media:              d.mediaList(),
		}
	},
	EventConversationAdded: func(d *fieldReader, e Event) Payload {
		return &ConversationAddedEvent{
			ConversationsEvent: d.conversationsEvent(e),
			ConversationSID:    d.str("ConversationSid"),
			ConversationFields: d.conversation(),
			MessagingBinding:   d.messagingBinding(),
			DateCreated:        d.time("DateCreated"),
			DateUpdated:        d.time("DateUpdated"),
		}
	},
	EventConversationUpdate: func(d *fieldReader, e Event) Payload { return d.conversationUpdate(e) },
	EventConversationUpdated: func(d *fieldReader, e Event) Payload {
		return (*ConversationUpdatedEvent)(d.conversationUpdate(e))
	},
	EventConversationRemove: func(d *fieldReader, e Event) Payload {
		return (*ConversationRemoveEvent)(d.conversationUpdate(e))
	},
	EventConversationRemoved: func(d *fieldReader, e Event) Payload {
		return &ConversationRemovedEvent{
			ConversationRemoveEvent: ConversationRemoveEvent(*d.conversationUpdate(e)),
			DateRemoved:             d.time("DateRemoved"),
		}
	},
	EventConversationStateUpdated: func(d *fieldReader, e Event) Payload {
		return &ConversationStateUpdatedEvent{
			ConversationsEvent:  d.conversationsEvent(e),
			ConversationSID:     d.str("ConversationSid"),
			MessagingServiceSID: d.str("MessagingServiceSid"),
			StateFrom:           d.str("StateFrom"),
			StateTo:             d.str("StateTo"),
			StateUpdated:        d.time("StateUpdated"),
			Reason:              d.str("Reason"),
		}
	},
	EventParticipantAdd: func(d *fieldReader, e Event) Payload {
		return &ParticipantAddEvent{ConversationsEvent: d.conversationsEvent(e), ParticipantFields: d.participant()}
	},
	EventParticipantAdded: func(d *fieldReader, e Event) Payload {
		return &ParticipantAddedEvent{
			ConversationsEvent: d.conversationsEvent(e),
			ParticipantSID:     d.str("ParticipantSid"),
			ParticipantFields:  d.participant(),
			DateCreated:        d.time("DateCreated"),
		}
	},
	EventParticipantUpdate: func(d *fieldReader, e Event) Payload { return d.participantUpdate(e) },
	EventParticipantUpdated: func(d *fieldReader, e Event) Payload {
		return &ParticipantUpdatedEvent{
			ParticipantUpdateEvent: *d.participantUpdate(e),
			LastReadMessageIndex:   d.intPtr("LastReadMessageIndex"),
		}
	},
	EventParticipantRemove: func(d *fieldReader, e Event) Payload {
		return (*ParticipantRemoveEvent)(d.participantUpdate(e))
	},
	EventParticipantRemoved: func(d *fieldReader, e Event) Payload {
		return &ParticipantRemovedEvent{
			ParticipantRemoveEvent: ParticipantRemoveEvent(*d.participantUpdate(e)),
			DateRemoved:            d.time("DateRemoved"),
		}
	},
	EventDeliveryUpdated: func(d *fieldReader, e Event) Payload {
		return &DeliveryUpdatedEvent{
			ConversationsEvent: d.conversationsEvent(e),
			ConversationSID:    d.str("ConversationSid"),
			MessageSID:         d.str("MessageSid"),
			DeliveryReceiptSID: d.str("DeliveryReceiptSid"),
			ChannelMessageSID:  d.str("ChannelMessageSid"),
			ParticipantSID:     d.str("ParticipantSid"),
			Status:             d.str("Status"),
			ErrorCode:          d.int("ErrorCode"),
			DateCreated:        d.time("DateCreated"),
			DateUpdated:        d.time("DateUpdated"),
		}
	},
	EventUserAdded:  func(d *fieldReader, e Event) Payload { return (*ConversationUserAddedEvent)(d.conversationUser(e)) },
	EventUserUpdate: func(d *fieldReader, e Event) Payload { return d.conversationUser(e) },
	EventUserUpdated: func(d *fieldReader, e Event) Payload {
		return (*ConversationUserUpdatedEvent)(d.conversationUser(e))
	},
}
