package twiliochattest

import (
	"net/http"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// messagingBinding is a Participant's "messaging_binding": the phone
// number (or WhatsApp, Messenger … address) of a participant who is not a
// Conversations User and the Twilio number that proxies it, or the
// projected address of a chat participant in a group MMS.
type messagingBinding struct {
	Type             string  `json:"type"`
	Address          *string `json:"address,omitempty"`
	ProxyAddress     *string `json:"proxy_address,omitempty"`
	ProjectedAddress *string `json:"projected_address,omitempty"`
}

// participant is the conversations.v1.conversation.conversation_participant
// JSON resource (and the service_conversation_participant one, which adds
// chat_service_sid): a member as Conversations shows it.
type participant struct {
	AccountSID           string            `json:"account_sid"`
	ChatServiceSID       string            `json:"chat_service_sid,omitempty"`
	ConversationSID      string            `json:"conversation_sid"`
	SID                  string            `json:"sid"`
	Identity             *string           `json:"identity"`
	Attributes           string            `json:"attributes"`
	MessagingBinding     *messagingBinding `json:"messaging_binding"`
	RoleSID              string            `json:"role_sid"`
	DateCreated          string            `json:"date_created"`
	DateUpdated          string            `json:"date_updated"`
	URL                  string            `json:"url"`
	LastReadMessageIndex *int              `json:"last_read_message_index"`
	LastReadTimestamp    *string           `json:"last_read_timestamp"`
}

// participantView is m as Conversations answers it on c's path.
func (s *Server) participantView(c *call, svc *service, m *member) participant {
	return participant{
		AccountSID:           s.account,
		ChatServiceSID:       serviceIn(c, svc),
		ConversationSID:      m.ChannelSID,
		SID:                  m.SID,
		Identity:             nonEmptyPtr(m.Identity),
		Attributes:           m.Attributes,
		MessagingBinding:     m.messagingBinding,
		RoleSID:              m.RoleSID,
		DateCreated:          m.DateCreated,
		DateUpdated:          m.DateUpdated,
		URL:                  s.convBase(c, svc) + "/Conversations/" + m.ChannelSID + "/Participants/" + m.SID,
		LastReadMessageIndex: m.LastConsumedMessageIndex,
		LastReadTimestamp:    m.LastConsumptionTimestamp,
	}
}

// participantInput is a new participant: a Create Participant's keys or
// one Participant key of ConversationWithParticipants.
type participantInput struct {
	identity, attributes, roleSID           *string
	address, proxyAddress, projectedAddress *string
	dateCreated, dateUpdated                *string
}

// bindingType is the type of a messaging binding to address, by its
// channel prefix ("whatsapp:+1…"), SMS for a bare phone number.
func bindingType(address string) string {
	if kind, _, ok := strings.Cut(address, ":"); ok && kind != "" {
		return kind
	}
	return convspec.AddressTypeSms
}

// checkParticipant says why in cannot be a participant in svc, or "". A
// participant is a Conversations User (Identity) or an address with the
// Twilio number that proxies it (MessagingBinding.Address and
// MessagingBinding.ProxyAddress), not both
// (https://www.twilio.com/docs/conversations/api/conversation-participant-resource).
func (s *Server) checkParticipant(svc *service, in participantInput) string {
	identity, address := orDefault(in.identity, ""), orDefault(in.address, "")
	switch {
	case identity == "" && address == "":
		return "Missing required parameter Identity or MessagingBinding.Address"
	case identity != "" && address != "":
		return "Identity and MessagingBinding.Address cannot both be given"
	case address != "" && orDefault(in.proxyAddress, "") == "":
		return "Missing required parameter MessagingBinding.ProxyAddress, which MessagingBinding.Address needs"
	case in.roleSID != nil:
		if why := s.checkRoleOf(svc.SID, *in.roleSID, roleTypeChannel); why != "" {
			return "Invalid parameter RoleSid: " + convRoleWords(why)
		}
	}
	return ""
}

// addParticipant adds in, checked by checkParticipant, to ch in svc,
// creating the User of its identity when the Service has none, or returns
// the refusal: 409 (code 50433,
// https://www.twilio.com/docs/api/errors/50433) for an identity that is a
// participant already, 409 (code 50416, "A binding for this participant
// and proxy address already exists",
// https://www.twilio.com/docs/api/errors/50416) for an address and proxy
// address that are.
func (s *Server) addParticipant(svc *service, ch *channel, in participantInput) (*member, response) {
	identity := orDefault(in.identity, "")
	if identity != "" && s.members.get(ch.SID, identity) != nil {
		return nil, conflict(50433, "Participant already exists")
	}
	if in.address != nil {
		for _, m := range s.members.list(ch.SID) {
			if b := m.messagingBinding; b != nil && orDefault(b.Address, "") == *in.address && orDefault(b.ProxyAddress, "") == *in.proxyAddress {
				return nil, conflict(50416, "A binding for this participant and proxy address already exists in Conversation %s", ch.SID)
			}
		}
	}
	var u *user
	if identity != "" {
		var refusal response
		if u, refusal = s.userOrNew(svc, identity); u == nil {
			return nil, refusal
		}
	}
	m := s.join(svc, ch, u)
	m.DateCreated = orDefault(in.dateCreated, m.DateCreated)
	m.DateUpdated = orDefault(in.dateUpdated, m.DateUpdated)
	m.RoleSID = orDefault(in.roleSID, m.RoleSID)
	m.Attributes = orDefault(in.attributes, m.Attributes)
	if in.address != nil {
		m.messagingBinding = &messagingBinding{Type: bindingType(*in.address), Address: in.address, ProxyAddress: in.proxyAddress}
	} else if in.projectedAddress != nil {
		m.messagingBinding = &messagingBinding{Type: convspec.AddressTypeSms, ProjectedAddress: in.projectedAddress}
	}
	return m, response{}
}

func (s *Server) createParticipant(c *call) response {
	svc, ch := s.conversationAt(c, "ConversationSid")
	if ch == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	in := participantInput{
		identity:         f.text(convspec.KeyIdentity),
		attributes:       f.attributes(),
		address:          f.text(convspec.KeyMessagingBindingAddress),
		proxyAddress:     f.text(convspec.KeyMessagingBindingProxyAddress),
		projectedAddress: f.text(convspec.KeyMessagingBindingProjectedAddress),
		roleSID:          f.text(convspec.KeyRoleSID),
		dateCreated:      f.date(convspec.KeyDateCreated),
		dateUpdated:      f.date(convspec.KeyDateUpdated),
	}
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if why := s.checkParticipant(svc, in); why != "" {
		return invalidf("%s", why)
	}
	if in.address != nil && ch.messagingServiceSID == nil {
		// A channel made over Chat has no Messaging Service: "To add SMS or
		// WhatsApp Participants to a Conversation that was previously a
		// Chat Channel, you will need to update the Conversation with a
		// Messaging Service SID"
		// (https://www.twilio.com/docs/conversations/migrating-chat-conversations);
		// code 50340 is "Messaging service SID not provided"
		// (https://www.twilio.com/docs/api/errors/50340).
		return twilioError(http.StatusBadRequest, 50340, "Messaging service SID not provided: update the conversation's MessagingServiceSid before adding a participant with an address")
	}
	m, refusal := s.addParticipant(svc, ch, in)
	if m == nil {
		return refusal
	}
	s.emitMember(c, webhook.EventMemberAdded, m)
	return answer(http.StatusCreated, s.participantView(c, svc, m))
}

// participantAt returns the Service, conversation and participant c
// addresses. The spec lets a Fetch name the participant by identity, and
// an Update or Delete by SID only.
func (s *Server) participantAt(c *call) (*service, *channel, *member) {
	svc, ch := s.conversationAt(c, "ConversationSid")
	if ch == nil {
		return nil, nil, nil
	}
	key := c.values["Sid"]
	if c.op.Method != http.MethodGet && !spec.IsSID(convspec.ParticipantSIDPrefix, key) {
		return nil, nil, nil
	}
	m := s.members.get(ch.SID, key)
	if m == nil {
		return nil, nil, nil
	}
	return svc, ch, m
}

func (s *Server) fetchParticipant(c *call) response {
	svc, _, m := s.participantAt(c)
	if m == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.participantView(c, svc, m))
}

// updateParticipant changes a participant, all or nothing. An identity
// can be given only to a participant that has none and has a projected
// address; otherwise it answers 400 with code 50444
// (https://www.twilio.com/docs/api/errors/50444).
func (s *Server) updateParticipant(c *call) response {
	svc, ch, m := s.participantAt(c)
	if m == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	identity := f.text(convspec.KeyIdentity)
	attributes := f.attributes()
	dateCreated, dateUpdated := f.date(convspec.KeyDateCreated), f.date(convspec.KeyDateUpdated)
	horizon, horizonSet := f.integer(convspec.KeyLastReadMessageIndex)
	readAt := f.date(convspec.KeyLastReadTimestamp)
	proxy := f.text(convspec.KeyMessagingBindingProxyAddress)
	projected := f.text(convspec.KeyMessagingBindingProjectedAddress)
	role := f.text(convspec.KeyRoleSID)
	if role != nil && f.why == "" {
		if why := s.checkRoleOf(svc.SID, *role, roleTypeChannel); why != "" {
			f.failf("Invalid parameter RoleSid: %s", convRoleWords(why))
		}
	}
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if identity != nil && *identity != m.Identity {
		if m.Identity != "" || m.messagingBinding == nil || m.messagingBinding.ProjectedAddress == nil {
			return twilioError(http.StatusBadRequest, 50444, "Failed to add an identity to a participant")
		}
		if m.Identity == "" && s.members.nameTaken(ch.SID, *identity, m.SID) {
			return conflict(50433, "Participant already exists")
		}
		u, refusal := s.userOrNew(svc, *identity)
		if u == nil {
			return refusal
		}
		u.JoinedChannelsCount++
		m.Identity = *identity
		s.members.setName(m.SID, *identity)
	}
	if proxy != nil || projected != nil {
		b := messagingBinding{Type: convspec.AddressTypeSms}
		if m.messagingBinding != nil {
			b = *m.messagingBinding
		}
		if proxy != nil {
			b.ProxyAddress = nonEmptyPtr(*proxy)
		}
		if projected != nil {
			b.ProjectedAddress = nonEmptyPtr(*projected)
		}
		m.messagingBinding = &b
	}
	memberChanges{
		roleSID: role, attributes: attributes, lastConsumedSet: horizonSet, lastConsumed: horizon,
		lastConsumption: readAt, dateCreated: dateCreated, dateUpdated: ptr(orDefault(dateUpdated, s.timestamp())),
	}.apply(m)
	s.emitMember(c, webhook.EventMemberUpdated, m)
	return answer(http.StatusOK, s.participantView(c, svc, m))
}

func (s *Server) deleteParticipant(c *call) response {
	_, _, m := s.participantAt(c)
	if m == nil {
		return notFound(c.path)
	}
	s.emitMember(c, webhook.EventMemberRemoved, m)
	s.leave(m)
	return noContent()
}

func (s *Server) listParticipants(c *call) response {
	svc, ch := s.conversationAt(c, "ConversationSid")
	if ch == nil {
		return notFound(c.path)
	}
	out := viewsOf(s.members.list(ch.SID), func(m *member) participant { return s.participantView(c, svc, m) })
	return pageOf(c, s.convBase(c, svc)+"/Conversations/"+ch.SID+"/Participants", out)
}
