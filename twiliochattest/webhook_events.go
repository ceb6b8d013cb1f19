package twiliochattest

import (
	"net/url"
	"strconv"

	"github.com/e3f0929f/twiliochat/webhook"
)

// The parameters of each Chat event, as Twilio's "Webhook Events" page
// lists them and the webhook package decodes them. The handlers of
// Channels, Members, Messages and Users name their post-events with the
// emit… methods below, one line each; SDKClient builds its pre-events with
// the same builders.

// Why a member was added or removed, the Reason parameter: by the REST API,
// or by the user's own SDK action.
const (
	reasonAdded   = "ADDED"
	reasonJoined  = "JOINED"
	reasonRemoved = "REMOVED"
	reasonLeft    = "LEFT"
)

// set sets key to v in p unless v is empty.
func set(p url.Values, key, v string) {
	if v != "" {
		p.Set(key, v)
	}
}

// messageParams are the parameters of a message event about m.
func messageParams(m message) url.Values {
	p := url.Values{
		"MessageSid":  {m.SID},
		"Index":       {strconv.Itoa(m.Index)},
		"ChannelSid":  {m.ChannelSID},
		"Body":        {m.Body},
		"Attributes":  {m.Attributes},
		"From":        {m.From},
		"DateCreated": {m.DateCreated},
	}
	if m.Media != nil {
		p.Set("MediaSid", m.Media.SID)
		set(p, "MediaFilename", m.Media.Filename)
		set(p, "MediaContentType", m.Media.ContentType)
		if m.Media.Size > 0 {
			p.Set("MediaSize", strconv.FormatInt(m.Media.Size, 10))
		}
	}
	return p
}

// messageEvent is the event typ about m, done by the user identity ("" for
// the REST API): the post-events onMessageSent (onMediaMessageSent for a
// media message), onMessageUpdated and onMessageRemoved, and the pre-events
// onMessageUpdate and onMessageRemove. now is the time of the action.
func messageEvent(typ string, m message, identity, now string) event {
	p := messageParams(m)
	switch typ {
	case webhook.EventMessageSent:
		if m.Media != nil {
			typ = webhook.EventMediaMessageSent
		}
	case webhook.EventMessageUpdate, webhook.EventMessageUpdated:
		set(p, "ModifiedBy", identity)
		p.Set("DateUpdated", m.DateUpdated)
	case webhook.EventMessageRemove, webhook.EventMessageRemoved:
		set(p, "RemovedBy", identity)
		p.Set("DateUpdated", m.DateUpdated)
		if typ == webhook.EventMessageRemoved {
			p.Set("DateRemoved", now)
		}
	}
	return event{typ: typ, serviceSID: m.ServiceSID, channelSID: m.ChannelSID, params: p}
}

// channelEvent is the event typ about ch: onChannelAdded, onChannelUpdated
// or onChannelDestroyed.
func channelEvent(typ string, ch channel) event {
	p := url.Values{
		"ChannelSid":  {ch.SID},
		"ChannelType": {ch.Type},
		"Attributes":  {ch.Attributes},
		"CreatedBy":   {ch.CreatedBy},
		"DateCreated": {ch.DateCreated},
	}
	set(p, "FriendlyName", orDefault(ch.FriendlyName, ""))
	set(p, "UniqueName", orDefault(ch.UniqueName, ""))
	if typ != webhook.EventChannelAdded {
		p.Set("DateUpdated", ch.DateUpdated)
	}
	return event{typ: typ, serviceSID: ch.ServiceSID, channelSID: ch.SID, params: p}
}

// memberEvent is the event typ about m, done by the user identity ("" for
// the REST API): the post-events onMemberAdded, onMemberUpdated and
// onMemberRemoved, and the pre-event onMemberRemove. now is the time of the
// action.
func memberEvent(typ string, m member, identity, now string) event {
	p := url.Values{
		"MemberSid":   {m.SID},
		"ChannelSid":  {m.ChannelSID},
		"Identity":    {m.Identity},
		"RoleSid":     {m.RoleSID},
		"Attributes":  {m.Attributes},
		"DateCreated": {m.DateCreated},
	}
	switch typ {
	case webhook.EventMemberAdded:
		p.Set("Reason", reason(identity, reasonJoined, reasonAdded))
	case webhook.EventMemberUpdated:
		p.Set("DateUpdated", m.DateUpdated)
		if m.LastConsumedMessageIndex != nil {
			p.Set("LastConsumedMessageIndex", strconv.Itoa(*m.LastConsumedMessageIndex))
		}
	case webhook.EventMemberRemove, webhook.EventMemberRemoved:
		p.Set("Reason", reason(identity, reasonLeft, reasonRemoved))
		if typ == webhook.EventMemberRemoved {
			p.Set("DateRemoved", now)
		}
	}
	return event{typ: typ, serviceSID: m.ServiceSID, channelSID: m.ChannelSID, params: p}
}

// reason is bySelf when the user identity acted, and byAPI for the REST
// API.
func reason(identity, bySelf, byAPI string) string {
	if identity != "" {
		return bySelf
	}
	return byAPI
}

// userEvent is the event typ about u, as the Server answers it: the
// post-events onUserAdded and onUserUpdated, and the pre-event
// onUserUpdate. onUserAdded has no DateUpdated, as a new channel's
// onChannelAdded has none: the User Added event Twilio documents carries
// AccountSid, UserSid, Identity, FriendlyName, RoleSid and DateCreated
// (https://www.twilio.com/docs/events/event-types/conversations/user,
// "Added", the Conversations event; the Chat page's table could not be
// read), and the fake adds Attributes, as in onUserUpdated.
func (s *Server) userEvent(typ string, u *user) event {
	v := s.userView(u)
	p := url.Values{
		"UserSid":     {v.SID},
		"Identity":    {v.Identity},
		"RoleSid":     {v.RoleSID},
		"Attributes":  {v.Attributes},
		"DateCreated": {v.DateCreated},
	}
	if typ != webhook.EventUserAdded {
		p.Set("DateUpdated", v.DateUpdated)
	}
	set(p, "FriendlyName", orDefault(v.FriendlyName, ""))
	if v.IsOnline != nil {
		p.Set("IsOnline", strconv.FormatBool(*v.IsOnline))
	}
	if v.IsNotifiable != nil {
		p.Set("IsNotifiable", strconv.FormatBool(*v.IsNotifiable))
	}
	return event{typ: typ, serviceSID: v.ServiceSID, params: p}
}

// identity is the identity of the user who acted in c, "" for the REST
// API.
func (c *call) identity() string {
	if c.act == nil {
		return ""
	}
	return c.act.identity
}

// upload is the media the SDKClient that acted in c uploaded, or nil.
func (c *call) upload() *messageMedia {
	if c.act == nil {
		return nil
	}
	return c.act.upload
}

// emitMessage emits the post-event typ of c about m (see messageEvent).
// The caller holds s.mu.
func (s *Server) emitMessage(c *call, typ string, m *message) {
	if c.act != nil {
		now := s.timestamp()
		s.emit(c, messageEvent(typ, *m, c.identity(), now))
		s.emitConv(c, typ, func(typ string) event { return s.convMessageEvent(typ, *m, now) })
	}
}

// emitChannel emits the post-event typ of c about ch. The caller holds
// s.mu.
func (s *Server) emitChannel(c *call, typ string, ch *channel) {
	if c.act != nil {
		s.emit(c, channelEvent(typ, *ch))
		now := s.timestamp()
		s.emitConv(c, typ, func(typ string) event { return s.convConversationEvent(typ, *ch, now) })
	}
}

// emitMember emits the post-event typ of c about m (see memberEvent). The
// caller holds s.mu.
func (s *Server) emitMember(c *call, typ string, m *member) {
	if c.act != nil {
		now := s.timestamp()
		s.emit(c, memberEvent(typ, *m, c.identity(), now))
		s.emitConv(c, typ, func(typ string) event { return convParticipantEvent(typ, *m, now) })
	}
}

// emitUser emits the post-event typ of c about u. The caller holds s.mu.
func (s *Server) emitUser(c *call, typ string, u *user) {
	if c.act != nil {
		s.emit(c, s.userEvent(typ, u))
		s.emitConv(c, typ, func(typ string) event { return s.convUserEvent(typ, u) })
	}
}
