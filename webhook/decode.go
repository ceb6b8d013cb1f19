package webhook

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// ErrMissingEventType means the parameters have no EventType, so they are not
// a Chat webhook.
var ErrMissingEventType = errors.New("webhook: missing EventType parameter")

// FieldError reports a webhook parameter whose value could not be decoded,
// such as a non-integer Index or a malformed date.
type FieldError struct {
	// Field is the form key, for example "Index" or "DateCreated".
	Field string
	// Err is the underlying parse error.
	Err error
}

// Error returns a message naming the field.
func (e *FieldError) Error() string {
	return fmt.Sprintf("webhook: parameter %s: %v", e.Field, e.Err)
}

// Unwrap returns the underlying parse error.
func (e *FieldError) Unwrap() error { return e.Err }

// Payload is what Parse returns: *Event for an event type this package does
// not know, or one of the typed events (*MessageSendEvent, *ChannelAddedEvent,
// ...), all of which embed Event.
type Payload interface {
	// Common returns the fields every Chat event carries.
	Common() *Event
}

// Parse decodes the parameters of a Chat or Conversations webhook (the form
// body of a POST, the query of a GET) into the typed event named by
// EventType, a Conversations one by the rule of the package doc. An event
// type it does not know decodes to *Event without error, keeping every
// parameter in Event.Params. A parameter with a bad value gives a
// *FieldError naming it; other missing parameters are left at their zero
// value, but without an EventType Parse returns ErrMissingEventType. Parse does not check the
// signature: call Verify or VerifyRequest first.
func Parse(form url.Values) (Payload, error) {
	d := &fieldReader{form: form}
	base := d.event()
	if base.EventType == "" {
		return nil, ErrMissingEventType
	}
	decode, ok := decoders[base.EventType]
	if conversationsEvent(form) {
		decode, ok = conversationsDecoders[base.EventType]
	}
	if !ok {
		if d.err != nil {
			return nil, d.err
		}
		return &base, nil
	}
	p := decode(d, base)
	if d.err != nil {
		return nil, d.err
	}
	return p, nil
}

// fieldReader reads typed values out of a form and keeps the first error.
type fieldReader struct {
	form url.Values
	err  error
}

func (d *fieldReader) fail(field string, err error) {
	if d.err == nil {
		d.err = &FieldError{Field: field, Err: err}
	}
}

func (d *fieldReader) str(key string) string { return d.form.Get(key) }

// integer parses a decimal integer that fits in bitSize bits (0: an int).
// It reports false when the key is absent or empty, or the value does not
// parse.
func (d *fieldReader) integer(key string, bitSize int) (int64, bool) {
	s := d.form.Get(key)
	if s == "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, bitSize)
	if err != nil {
		d.fail(key, errors.New("not an integer"))
		return 0, false
	}
	return n, true
}

func (d *fieldReader) int(key string) int {
	n, _ := d.integer(key, 0)
	return int(n)
}

func (d *fieldReader) intPtr(key string) *int {
	n, ok := d.integer(key, 0)
	if !ok {
		return nil
	}
	i := int(n)
	return &i
}

func (d *fieldReader) int64(key string) int64 {
	n, _ := d.integer(key, 64)
	return n
}

func (d *fieldReader) bool(key string) *bool {
	s := d.form.Get(key)
	if s == "" {
		return nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		d.fail(key, errors.New("not a boolean"))
		return nil
	}
	return &b
}

// time parses an ISO 8601 date as Twilio sends it, such as
// "2016-09-01T12:00:00.000Z".
func (d *fieldReader) time(key string) time.Time {
	s := d.form.Get(key)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		d.fail(key, errors.New("not an ISO 8601 date"))
		return time.Time{}
	}
	return t
}

func (d *fieldReader) json(key string) json.RawMessage {
	s := d.form.Get(key)
	if s == "" {
		return nil
	}
	if !json.Valid([]byte(s)) {
		d.fail(key, errors.New("not valid JSON"))
		return nil
	}
	return json.RawMessage(s)
}

func (d *fieldReader) event() Event {
	return Event{
		EventType:      d.str("EventType"),
		AccountSID:     d.str("AccountSid"),
		InstanceSID:    d.str("InstanceSid"),
		ClientIdentity: d.str("ClientIdentity"),
		Source:         d.str("Source"),
		RetryCount:     d.int("RetryCount"),
		WebhookSID:     d.str("WebhookSid"),
		WebhookType:    d.str("WebhookType"),
		Params:         d.form,
	}
}

func (d *fieldReader) media() *Media {
	if d.str("MediaSid") == "" {
		return nil
	}
	return &Media{
		SID:         d.str("MediaSid"),
		Filename:    d.str("MediaFilename"),
		ContentType: d.str("MediaContentType"),
		Size:        d.int64("MediaSize"),
	}
}

// message, channel and member decode the field groups the events of one
// resource share; the event decoders below add what is particular to each.
func (d *fieldReader) message() MessageFields {
	return MessageFields{
		ChannelSID:  d.str("ChannelSid"),
		Body:        d.str("Body"),
		Attributes:  d.json("Attributes"),
		From:        d.str("From"),
		DateCreated: d.time("DateCreated"),
	}
}

func (d *fieldReader) channel() ChannelFields {
	return ChannelFields{
		ChannelType:  d.str("ChannelType"),
		FriendlyName: d.str("FriendlyName"),
		UniqueName:   d.str("UniqueName"),
		Attributes:   d.json("Attributes"),
		CreatedBy:    d.str("CreatedBy"),
	}
}

func (d *fieldReader) member() MemberFields {
	return MemberFields{
		ChannelSID: d.str("ChannelSid"),
		Identity:   d.str("Identity"),
		RoleSID:    d.str("RoleSid"),
		Attributes: d.json("Attributes"),
	}
}

func (d *fieldReader) messageSend(e Event) *MessageSendEvent {
	return &MessageSendEvent{Event: e, MessageFields: d.message(), Media: d.media()}
}

func (d *fieldReader) messageSent(e Event) *MessageSentEvent {
	return &MessageSentEvent{
		Event:         e,
		MessageSID:    d.str("MessageSid"),
		Index:         d.int("Index"),
		MessageFields: d.message(),
		Media:         d.media(),
	}
}

func (d *fieldReader) messageUpdate(e Event) *MessageUpdateEvent {
	return &MessageUpdateEvent{
		Event:         e,
		MessageSID:    d.str("MessageSid"),
		Index:         d.int("Index"),
		MessageFields: d.message(),
		ModifiedBy:    d.str("ModifiedBy"),
		DateUpdated:   d.time("DateUpdated"),
	}
}

func (d *fieldReader) messageRemove(e Event) *MessageRemoveEvent {
	return &MessageRemoveEvent{
		Event:         e,
		MessageSID:    d.str("MessageSid"),
		Index:         d.int("Index"),
		MessageFields: d.message(),
		RemovedBy:     d.str("RemovedBy"),
		DateUpdated:   d.time("DateUpdated"),
	}
}

func (d *fieldReader) channelAdded(e Event) *ChannelAddedEvent {
	return &ChannelAddedEvent{
		Event:         e,
		ChannelSID:    d.str("ChannelSid"),
		ChannelFields: d.channel(),
		DateCreated:   d.time("DateCreated"),
	}
}

func (d *fieldReader) channelUpdate(e Event) *ChannelUpdateEvent {
	return &ChannelUpdateEvent{
		Event:         e,
		ChannelSID:    d.str("ChannelSid"),
		ChannelFields: d.channel(),
		DateCreated:   d.time("DateCreated"),
		DateUpdated:   d.time("DateUpdated"),
	}
}

func (d *fieldReader) memberAdded(e Event) *MemberAddedEvent {
	return &MemberAddedEvent{
		Event:        e,
		MemberSID:    d.str("MemberSid"),
		MemberFields: d.member(),
		Reason:       d.str("Reason"),
		DateCreated:  d.time("DateCreated"),
	}
}

func (d *fieldReader) memberUpdate(e Event) *MemberUpdateEvent {
	return &MemberUpdateEvent{
		Event:                    e,
		MemberSID:                d.str("MemberSid"),
		MemberFields:             d.member(),
		LastConsumedMessageIndex: d.intPtr("LastConsumedMessageIndex"),
		DateCreated:              d.time("DateCreated"),
		DateUpdated:              d.time("DateUpdated"),
	}
}

func (d *fieldReader) userUpdate(e Event) *UserUpdateEvent {
	return &UserUpdateEvent{
		Event:        e,
		UserSID:      d.str("UserSid"),
		Identity:     d.str("Identity"),
		FriendlyName: d.str("FriendlyName"),
		RoleSID:      d.str("RoleSid"),
		Attributes:   d.json("Attributes"),
		IsOnline:     d.bool("IsOnline"),
		IsNotifiable: d.bool("IsNotifiable"),
		DateCreated:  d.time("DateCreated"),
		DateUpdated:  d.time("DateUpdated"),
	}
}

// decoders maps each known EventType to its decoder. Event types whose
// parameters are the same share a struct layout and convert between them.
var decoders = map[string]func(*fieldReader, Event) Payload{
	EventMessageSend:      func(d *fieldReader, e Event) Payload { return d.messageSend(e) },
	EventMediaMessageSend: func(d *fieldReader, e Event) Payload { return d.messageSend(e) },
	EventMessageSent:      func(d *fieldReader, e Event) Payload { return d.messageSent(e) },
	EventMediaMessageSent: func(d *fieldReader, e Event) Payload { return d.messageSent(e) },
	EventMessageUpdate:    func(d *fieldReader, e Event) Payload { return d.messageUpdate(e) },
	EventMessageUpdated: func(d *fieldReader, e Event) Payload {
		return (*MessageUpdatedEvent)(d.messageUpdate(e))
	},
	EventMessageRemove: func(d *fieldReader, e Event) Payload { return d.messageRemove(e) },
	EventMessageRemoved: func(d *fieldReader, e Event) Payload {
		return &MessageRemovedEvent{MessageRemoveEvent: *d.messageRemove(e), DateRemoved: d.time("DateRemoved")}
	},
	EventChannelAdd: func(d *fieldReader, e Event) Payload {
		return &ChannelAddEvent{Event: e, ChannelFields: d.channel()}
	},
	EventChannelAdded:  func(d *fieldReader, e Event) Payload { return d.channelAdded(e) },
	EventChannelUpdate: func(d *fieldReader, e Event) Payload { return d.channelUpdate(e) },
	EventChannelUpdated: func(d *fieldReader, e Event) Payload {
		return (*ChannelUpdatedEvent)(d.channelUpdate(e))
	},
	EventChannelDestroy: func(d *fieldReader, e Event) Payload {
		return (*ChannelDestroyEvent)(d.channelUpdate(e))
	},
	EventChannelDestroyed: func(d *fieldReader, e Event) Payload {
		return (*ChannelDestroyedEvent)(d.channelUpdate(e))
	},
	EventMemberAdd: func(d *fieldReader, e Event) Payload {
		return &MemberAddEvent{Event: e, MemberFields: d.member()}
	},
	EventMemberAdded:  func(d *fieldReader, e Event) Payload { return d.memberAdded(e) },
	EventMemberUpdate: func(d *fieldReader, e Event) Payload { return d.memberUpdate(e) },
	EventMemberUpdated: func(d *fieldReader, e Event) Payload {
		return (*MemberUpdatedEvent)(d.memberUpdate(e))
	},
	EventMemberRemove: func(d *fieldReader, e Event) Payload {
		return (*MemberRemoveEvent)(d.memberAdded(e))
	},
	EventMemberRemoved: func(d *fieldReader, e Event) Payload {
		return &MemberRemovedEvent{MemberRemoveEvent: MemberRemoveEvent(*d.memberAdded(e)), DateRemoved: d.time("DateRemoved")}
	},
	EventUserAdded:   func(d *fieldReader, e Event) Payload { return (*UserAddedEvent)(d.userUpdate(e)) },
	EventUserUpdate:  func(d *fieldReader, e Event) Payload { return d.userUpdate(e) },
	EventUserUpdated: func(d *fieldReader, e Event) Payload { return (*UserUpdatedEvent)(d.userUpdate(e)) },
}
