package twiliochattest

import (
	"net/http"
	"slices"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// message is the chat.v2.service.channel.message JSON resource. Pointer
// fields are replaced, never modified in place, so a shallow copy is a safe
// snapshot.
type message struct {
	SID           string        `json:"sid"`
	AccountSID    string        `json:"account_sid"`
	Attributes    string        `json:"attributes"`
	ServiceSID    string        `json:"service_sid"`
	To            string        `json:"to"`
	ChannelSID    string        `json:"channel_sid"`
	DateCreated   string        `json:"date_created"`
	DateUpdated   string        `json:"date_updated"`
	LastUpdatedBy *string       `json:"last_updated_by"`
	WasEdited     bool          `json:"was_edited"`
	From          string        `json:"from"`
	Body          string        `json:"body"`
	Index         int           `json:"index"`
	Type          string        `json:"type"`
	Media         *messageMedia `json:"media"`
	URL           string        `json:"url"`
	// contentSID and subject are the Conversations keys ContentSid and
	// Subject, which only Conversations shows; contentVariables is kept
	// for the webhooks of a Content template.
	contentSID, subject, contentVariables *string
}

func (m message) sid() string { return m.SID }

// messageMedia is a message's "media" object. The fake keeps no media: a
// message created over REST with a MediaSid carries that SID, and no size,
// content type or file name; one an SDKClient sends carries those it gave.
type messageMedia struct {
	SID         string `json:"sid"`
	Size        int64  `json:"size"`
	ContentType string `json:"content_type"`
	Filename    string `json:"filename"`
}

// Message types, as Twilio reports them.
const (
	messageTypeText  = "text"
	messageTypeMedia = "media"
)

// fromSystem is the author of a message created without From, as Twilio
// has it.
const fromSystem = "system"

// messageChanges are the values of the shared form keys of Create and Update Message a request sent.
type messageChanges struct {
	from, attributes, body   *string
	dateCreated, dateUpdated *string
	lastUpdatedBy            *string
}

// readMessage reads the form keys Create and Update Message share from f.
func readMessage(f *fields) messageChanges {
	return messageChanges{
		from:          f.text(spec.KeyFrom),
		attributes:    f.attributes(),
		dateCreated:   f.date(spec.KeyDateCreated),
		dateUpdated:   f.date(spec.KeyDateUpdated),
		lastUpdatedBy: f.text(spec.KeyLastUpdatedBy),
		body:          f.text(spec.KeyBody),
	}
}

// apply sets the changes on m.
func (v messageChanges) apply(m *message) {
	m.From = orDefault(v.from, m.From)
	m.Attributes = orDefault(v.attributes, m.Attributes)
	m.DateCreated = orDefault(v.dateCreated, m.DateCreated)
	m.DateUpdated = orDefault(v.dateUpdated, m.DateUpdated)
	if v.lastUpdatedBy != nil {
		m.LastUpdatedBy = v.lastUpdatedBy
	}
	m.Body = orDefault(v.body, m.Body)
}

// createMessage posts a message to a channel: it gets the channel's next
// index, counting up from 0 and never reused, and the channel's
// messages_count and last_message link follow. Whether a message needs a
// Body or a MediaSid the spec does not say; the fake takes an empty one.
func (s *Server) createMessage(c *call) response {
	ch := s.channelOf(c)
	if ch == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	changes := readMessage(f)
	media := f.sid(spec.KeyMediaSID, spec.MediaSIDPrefix)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	now := s.timestamp()
	sid := s.ids.next(spec.MessageSIDPrefix)
	m := s.messages.add(ch.SID, sid, "", message{
		SID:         sid,
		AccountSID:  s.account,
		Attributes:  "{}",
		ServiceSID:  ch.ServiceSID,
		To:          ch.SID,
		ChannelSID:  ch.SID,
		DateCreated: now,
		DateUpdated: now,
		From:        fromSystem,
		Index:       ch.nextMessageIndex,
		Type:        messageTypeText,
		URL:         ch.URL + "/Messages/" + sid,
	})
	changes.apply(m)
	if media != nil {
		m.Type, m.Media = messageTypeMedia, &messageMedia{SID: *media}
		if up := c.upload(); up != nil && up.SID == *media {
			m.Media = up
		}
	}
	ch.nextMessageIndex++
	s.countMessages(ch)
	s.messageArrived(ch)
	s.emitMessage(c, webhook.EventMessageSent, m)
	return answer(http.StatusCreated, *m)
}

// countMessages sets the channel's messages_count and last_message link
// from the messages it holds.
func (s *Server) countMessages(ch *channel) {
	sids := s.messages.order[ch.SID]
	ch.MessagesCount = len(sids)
	ch.Links.LastMessage = nil
	if len(sids) > 0 {
		ch.Links.LastMessage = ptr(ch.URL + "/Messages/" + sids[len(sids)-1])
	}
}

func (s *Server) fetchMessage(c *call) response {
	_, m := inChannel(s, c, s.messages)
	return found(c, m)
}

// updateMessage edits a message; a new Body marks it edited, and
// date_updated moves unless DateUpdated sets it.
func (s *Server) updateMessage(c *call) response {
	_, m := inChannel(s, c, s.messages)
	if m == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	changes := readMessage(f)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if changes.dateUpdated == nil {
		changes.dateUpdated = ptr(s.timestamp())
	}
	if changes.body != nil {
		m.WasEdited = true
	}
	changes.apply(m)
	s.emitMessage(c, webhook.EventMessageUpdated, m)
	return answer(http.StatusOK, *m)
}

func (s *Server) deleteMessage(c *call) response {
	ch, m := inChannel(s, c, s.messages)
	if m == nil {
		return notFound(c.path)
	}
	s.emitMessage(c, webhook.EventMessageRemoved, m)
	s.messages.remove(ch.SID, m.SID)
	s.countMessages(ch)
	return noContent()
}

// listMessages lists the channel's messages in Order: asc (oldest first,
// the default) or desc.
func (s *Server) listMessages(c *call) response {
	ch := s.channelOf(c)
	if ch == nil {
		return notFound(c.path)
	}
	order := c.query.Get(spec.KeyOrder)
	if order != "" && !slices.Contains(spec.MessageOrders, order) {
		return invalidf("Invalid parameter Order: must be asc or desc, got %q", order)
	}
	messages := s.messages.list(ch.SID)
	if order == spec.MessageOrderDesc {
		slices.Reverse(messages)
	}
	return pageOf(c, ch.URL+"/Messages", messages)
}
