package twiliochattest

import (
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// The fake sends Conversations webhooks
// (https://www.twilio.com/docs/conversations/conversations-webhooks) over
// the same deliverer as Chat's: signed with the auth token, retried,
// recorded in Deliveries, waited for by WaitDeliveries. "Conversations
// webhooks have a maximum timeout of 5 seconds", DefaultWebhookTimeout.
//
// Three levels are configured, and a Conversations event goes to:
//
//   - the Service's PreWebhookUrl or PostWebhookUrl (Chat's settings, which
//     Conversations shows as /v1/Services/{IS}/Configuration/Webhooks) when
//     its Filters name the event;
//   - or else the account's (/v1/Configuration/Webhooks): "If configured,
//     service-scoped webhooks will override your global webhook settings
//     such that only the service-scoped hooks will fire. This applies only
//     to the services where service-level hooks are configured"
//     (https://www.twilio.com/docs/conversations/api/per-service-webhook-resource).
//     The fake counts a Service as configured when it has a pre- or
//     post-event URL. An account whose Target is "flex" routes its
//     webhooks "internally to Flex" (the spec's description of Target):
//     the fake runs no Flex, so it sends nothing for that level;
//   - and the conversation's own webhooks, for post-events only: "Only
//     post-event webhooks are supported by the Conversation-Scoped
//     Webhooks"
//     (https://www.twilio.com/docs/conversations/api/conversation-scoped-webhook-resource).
//     They are the channel's webhooks (see channelTargets): a "webhook"
//     one when its filters name the event, a "trigger" one made through
//     Conversations on onMessageAdded whose body holds a trigger, a
//     "studio" one recorded and not sent.
//
// A Service and a Conversation Service are one resource ("Migrating to
// Conversations from Programmable Chat",
// https://www.twilio.com/docs/conversations/migrating-chat-conversations),
// so every action, through either API, is seen by both: it sends Chat's
// post-event (onMessageSent) and Conversations' (onMessageAdded), and each
// target receives those its filters name. No Twilio page found says
// whether a Chat action fires Conversations webhooks or the reverse; the
// fake follows from the resources being the same. A pre-event is sent by
// the SDK that acts: Chat's (onMessageSend) for an SDKClient,
// Conversations' (onMessageAdd) for a ConversationsSDKClient.

// convEvents maps a Chat post-event to the Conversations post-event of
// the same action.
var convEvents = map[string]string{
	webhook.EventMessageSent:      webhook.EventMessageAdded,
	webhook.EventMediaMessageSent: webhook.EventMessageAdded,
	webhook.EventMessageUpdated:   webhook.EventMessageUpdated,
	webhook.EventMessageRemoved:   webhook.EventMessageRemoved,
	webhook.EventChannelAdded:     webhook.EventConversationAdded,
	webhook.EventChannelUpdated:   webhook.EventConversationUpdated,
	webhook.EventChannelDestroyed: webhook.EventConversationRemoved,
	webhook.EventMemberAdded:      webhook.EventParticipantAdded,
	webhook.EventMemberUpdated:    webhook.EventParticipantUpdated,
	webhook.EventMemberRemoved:    webhook.EventParticipantRemoved,
	webhook.EventUserAdded:        webhook.EventUserAdded,
	webhook.EventUserUpdated:      webhook.EventUserUpdated,
}

// emitConv queues the Conversations post-event of the Chat post-event
// chatTyp of c's action, built by build. onConversationAdded and
// onConversationUpdated are built once the handler has finished, so that
// they carry what a Conversations handler sets after Chat's (a new
// conversation's Messaging Service, its state); the others at once, while
// what they are about (a removed conversation's webhooks) is still there.
// The caller holds s.mu.
func (s *Server) emitConv(c *call, chatTyp string, build func(typ string) event) {
	typ, ok := convEvents[chatTyp]
	act := c.act
	switch {
	case !ok || act == nil:
	case typ == webhook.EventConversationAdded || typ == webhook.EventConversationUpdated:
		act.later = append(act.later, func() { s.emitConvEvent(act, build(typ)) })
	default:
		s.emitConvEvent(act, build(typ))
	}
}

// emitConvEvent queues the Conversations post-event ev of act for its
// targets. The caller holds s.mu.
func (s *Server) emitConvEvent(act *action, ev event) {
	var targets []target
	// A Service's and a channel's filters are Chat's too: an event type
	// both products name goes to them once, in the shape of the API that
	// acted.
	chatsToo := !act.viaConv && sharedEvent(ev.typ)
	if t, ok := s.convLevelTarget(ev.serviceSID, ev.typ, false); ok && !(chatsToo && t.service) {
		targets = append(targets, t)
	}
	if ev.channelSID != "" && !chatsToo {
		targets = append(targets, s.channelTargets(ev)...)
	}
	for _, t := range targets {
		act.jobs = append(act.jobs, &job{typ: ev.typ, target: t, params: s.common(act, ev, t)})
	}
}

// finish builds the Conversations post-events act's handler emitted. The
// caller holds s.mu.
func (s *Server) finish(act *action) {
	if act == nil {
		return
	}
	later := act.later
	act.later = nil
	for _, f := range later {
		f()
	}
}

// convLevelTarget returns the Service's pre- (pre) or post-event URL for
// the Conversations event typ when the Service has a webhook URL, and
// otherwise the account's, when its filters name typ. The caller holds
// s.mu.
func (s *Server) convLevelTarget(serviceSID, typ string, pre bool) (target, bool) {
	svc := s.services.get("", serviceSID)
	if svc == nil {
		return target{}, false
	}
	if svc.PreWebhookURL != nil || svc.PostWebhookURL != nil {
		t, ok := s.serviceTarget(serviceSID, typ, pre)
		t.service = true
		return t, ok
	}
	// The account's configuration, read as stored: accountDefaults would
	// make the default Service of a Server only asked Chat questions.
	w := s.convConfig.webhook
	u := w.PostWebhookURL
	if pre {
		u = w.PreWebhookURL
	}
	if u == nil || w.Target == convspec.WebhookTargetFlex || !slices.Contains(w.Filters, typ) {
		return target{}, false
	}
	// The account's configuration has no retry count; the fake sends once.
	return target{url: *u, method: w.Method}, true
}

// setPtr sets key to *v in p unless v is nil or empty.
func setPtr(p url.Values, key string, v *string) { set(p, key, orDefault(v, "")) }

// sharedEvent reports whether Chat and Conversations both send the event
// type typ (onMessageUpdated, onUserAdded, …), whose name in a filter
// stands for either.
func sharedEvent(typ string) bool { return convEvents[typ] == typ }

// convMessageEvent is the Conversations event typ about m: onMessageAdd
// (which has no SID, index or dates: the message is not made yet),
// onMessageAdded, onMessageUpdate(d) and onMessageRemove(d). now is the
// time of the action. The caller holds s.mu.
func (s *Server) convMessageEvent(typ string, m message, now string) event {
	p := url.Values{
		"ConversationSid": {m.ChannelSID},
		"Body":            {m.Body},
		"Author":          {m.From},
		"Attributes":      {m.Attributes},
	}
	if mem := s.members.get(m.ChannelSID, m.From); m.From != "" && mem != nil && mem.Identity == m.From {
		p.Set("ParticipantSid", mem.SID)
	}
	if md := m.Media; md != nil {
		p.Set("Media", mediaJSON(md))
	}
	if typ != webhook.EventMessageAdd {
		p.Set("MessageSid", m.SID)
		p.Set("Index", strconv.Itoa(m.Index))
		p.Set("DateCreated", m.DateCreated)
	}
	switch typ {
	case webhook.EventMessageAdded:
		if ch := s.channels.get(m.ServiceSID, m.ChannelSID); ch != nil {
			setPtr(p, "MessagingServiceSid", ch.messagingServiceSID)
		}
	case webhook.EventMessageUpdate, webhook.EventMessageUpdated, webhook.EventMessageRemove:
		p.Set("DateUpdated", m.DateUpdated)
	case webhook.EventMessageRemoved:
		p.Set("DateUpdated", m.DateUpdated)
		p.Set("DateRemoved", now)
	}
	return event{typ: typ, conv: true, serviceSID: m.ServiceSID, channelSID: m.ChannelSID, params: p}
}

// mediaJSON is the Media parameter of a message with md: Twilio's page
// calls it a "stringified JSON array of attached media objects" without
// naming their keys; the fake writes those the webhook package decodes,
// the REST Media's in Twilio's webhook spelling.
func mediaJSON(md *messageMedia) string {
	type object struct {
		SID         string `json:"Sid"`
		Filename    string `json:"Filename,omitempty"`
		ContentType string `json:"ContentType,omitempty"`
		Size        int64  `json:"Size,omitempty"`
	}
	b, _ := json.Marshal([]object{{SID: md.SID, Filename: md.Filename, ContentType: md.ContentType, Size: md.Size}})
	return string(b)
}

// convConversationEvent is the Conversations event typ about ch:
// onConversationAdd (no SID or dates yet), onConversationAdded,
// onConversationUpdate(d) and onConversationRemove(d). The caller holds
// s.mu.
func (s *Server) convConversationEvent(typ string, ch channel, now string) event {
	p := url.Values{
		"Attributes": {ch.Attributes},
		"State":      {s.conversationState(&ch)},
	}
	setPtr(p, "FriendlyName", ch.FriendlyName)
	setPtr(p, "UniqueName", ch.UniqueName)
	setPtr(p, "MessagingServiceSid", ch.messagingServiceSID)
	if typ != webhook.EventConversationAdd {
		p.Set("ConversationSid", ch.SID)
		p.Set("DateCreated", ch.DateCreated)
		p.Set("DateUpdated", ch.DateUpdated)
	}
	if typ == webhook.EventConversationRemoved {
		p.Set("DateRemoved", now)
	}
	return event{typ: typ, conv: true, serviceSID: ch.ServiceSID, channelSID: ch.SID, params: p}
}

// convParticipantEvent is the Conversations event typ about m:
// onParticipantAdd (no SID or dates yet), onParticipantAdded and
// onParticipantUpdate(d), onParticipantRemove(d). now is the time of the
// action.
func convParticipantEvent(typ string, m member, now string) event {
	p := url.Values{
		"ConversationSid": {m.ChannelSID},
		"RoleSid":         {m.RoleSID},
		"Attributes":      {m.Attributes},
	}
	set(p, "Identity", m.Identity)
	if b := m.messagingBinding; b != nil {
		// The webhook names the kind in capitals ("SMS", "WHATSAPP", as
		// webhook.MessagingBinding documents it), the REST resource in
		// lower case.
		set(p, "MessagingBinding.Type", strings.ToUpper(b.Type))
		setPtr(p, "MessagingBinding.Address", b.Address)
		setPtr(p, "MessagingBinding.ProxyAddress", b.ProxyAddress)
		setPtr(p, "MessagingBinding.ProjectedAddress", b.ProjectedAddress)
	}
	if typ != webhook.EventParticipantAdd {
		p.Set("ParticipantSid", m.SID)
		p.Set("DateCreated", m.DateCreated)
	}
	switch typ {
	case webhook.EventParticipantUpdated:
		if m.LastConsumedMessageIndex != nil {
			p.Set("LastReadMessageIndex", strconv.Itoa(*m.LastConsumedMessageIndex))
		}
		p.Set("DateUpdated", m.DateUpdated)
	case webhook.EventParticipantUpdate, webhook.EventParticipantRemove:
		p.Set("DateUpdated", m.DateUpdated)
	case webhook.EventParticipantRemoved:
		p.Set("DateUpdated", m.DateUpdated)
		p.Set("DateRemoved", now)
	}
	return event{typ: typ, conv: true, serviceSID: m.ServiceSID, channelSID: m.ChannelSID, params: p}
}

// convUserEvent is the Conversations event typ about u: onUserAdded,
// onUserUpdate and onUserUpdated. The caller holds s.mu.
func (s *Server) convUserEvent(typ string, u *user) event {
	return asConvUserEvent(s.userEvent(typ, u))
}

// asConvUserEvent is the Chat user event ev as Conversations sends it:
// with the presence parameters spelt isOnline and isNotifiable, as
// Twilio's page spells them.
func asConvUserEvent(ev event) event {
	p := cloneValues(ev.params)
	for chat, conv := range map[string]string{"IsOnline": "isOnline", "IsNotifiable": "isNotifiable"} {
		if v, ok := p[chat]; ok {
			p[conv] = v
			delete(p, chat)
		}
	}
	ev.params, ev.conv = p, true
	return ev
}

// The Reason of an onConversationStateUpdated: the REST API or an SDK
// action, a timer, or an event (a new message).
const (
	stateReasonAPI   = "API"
	stateReasonTimer = "TIMER"
	stateReasonEvent = "EVENT"
)

// convStateEvent is onConversationStateUpdated for ch, moved from the state
// from to to at the time at, for reason.
func convStateEvent(ch channel, from, to, at, reason string) event {
	p := url.Values{
		"ConversationSid": {ch.SID},
		"StateFrom":       {from},
		"StateTo":         {to},
		"StateUpdated":    {at},
		"Reason":          {reason},
	}
	setPtr(p, "MessagingServiceSid", ch.messagingServiceSID)
	return event{typ: webhook.EventConversationStateUpdated, conv: true, serviceSID: ch.ServiceSID, channelSID: ch.SID, params: p}
}

// convRewrite reads the changes of a 2xx answer to onConversationAdd or
// onConversationUpdate: its friendly_name, a JSON string, "the one field
// Twilio lets change" (see webhook.ConversationChanges). An answer that is
// not a JSON object changes nothing.
func convRewrite(answer string) (rewrite, string) {
	var fields map[string]json.RawMessage
	if json.Unmarshal([]byte(answer), &fields) != nil {
		return rewrite{}, ""
	}
	raw, ok := fields["friendly_name"]
	if !ok {
		return rewrite{}, ""
	}
	var v string
	if json.Unmarshal(raw, &v) != nil {
		return rewrite{}, "its answer's friendly_name is not a JSON string"
	}
	return rewrite{friendlyName: &v}, ""
}

// scopedTriggerEvent is the message event that calls the trigger webhook w:
// Chat's onMessageSent for one made through Chat, Conversations'
// onMessageAdded for one made through Conversations, so that one message
// calls it once.
func scopedTriggerEvent(w channelWebhook) string {
	if w.viaConversations {
		return webhook.EventMessageAdded
	}
	return webhook.EventMessageSent
}

// emitStateChange queues onConversationStateUpdated when c's action moved
// ch from the state from. The caller holds s.mu.
func (s *Server) emitStateChange(c *call, ch *channel, from string) {
	to := ch.conv.state
	if c.act == nil || to == from {
		return
	}
	now := s.timestamp()
	act := c.act
	act.later = append(act.later, func() { s.emitConvEvent(act, convStateEvent(*ch, from, to, now, stateReasonAPI)) })
}
