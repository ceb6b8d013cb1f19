package twiliochattest

import (
	"net/http"
	"net/url"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// member is the chat.v2.service.channel.member JSON resource. Pointer
// fields are replaced, never modified in place, so a shallow copy is a safe
// snapshot.
type member struct {
	SID                      string  `json:"sid"`
	AccountSID               string  `json:"account_sid"`
	ChannelSID               string  `json:"channel_sid"`
	ServiceSID               string  `json:"service_sid"`
	Identity                 string  `json:"identity"`
	DateCreated              string  `json:"date_created"`
	DateUpdated              string  `json:"date_updated"`
	RoleSID                  string  `json:"role_sid"`
	LastConsumedMessageIndex *int    `json:"last_consumed_message_index"`
	LastConsumptionTimestamp *string `json:"last_consumption_timestamp"`
	URL                      string  `json:"url"`
	Attributes               string  `json:"attributes"`
	// NotificationLevel is the member's user's notification level in
	// the channel, which its User Channel shows; nil is "default".
	NotificationLevel *string `json:"-"`
	// messagingBinding is a Conversations Participant's messaging_binding
	// (an SMS or WhatsApp participant has no identity), which only
	// Conversations shows.
	messagingBinding *messagingBinding
}

func (m member) sid() string { return m.SID }

// SeedMember adds the user identity to the channel channel (its SID or
// unique name) of the service serviceSID without an HTTP request, creating
// the user when the service has none with that identity, and returns the
// member's SID. It goes through the same code as a Create Member request,
// and returns an error when the service or channel does not exist or the
// request would be refused (the user is a member already, say).
func (s *Server) SeedMember(serviceSID, channel, identity string) (string, error) {
	return s.seedSID("CreateMember", map[string]string{"ServiceSid": serviceSID, "ChannelSid": channel},
		url.Values{spec.KeyIdentity: {identity}})
}

// memberChanges are the values of the shared form keys of Create and Update Member a request sent.
type memberChanges struct {
	roleSID, attributes      *string
	lastConsumedSet          bool
	lastConsumed             *int
	lastConsumption          *string
	dateCreated, dateUpdated *string
}

// readMember reads the form keys Create and Update Member share from f; a role must be a channel role of the
// service serviceSID.
func (s *Server) readMember(f *fields, serviceSID string) memberChanges {
	v := memberChanges{roleSID: f.role(s, serviceSID, roleTypeChannel)}
	v.lastConsumed, v.lastConsumedSet = f.integer(spec.KeyLastConsumedMessageIndex)
	v.lastConsumption = f.date(spec.KeyLastConsumptionTimestamp)
	v.dateCreated = f.date(spec.KeyDateCreated)
	v.dateUpdated = f.date(spec.KeyDateUpdated)
	v.attributes = f.attributes()
	return v
}

// apply sets the changes on m.
func (v memberChanges) apply(m *member) {
	m.RoleSID = orDefault(v.roleSID, m.RoleSID)
	if v.lastConsumedSet {
		m.LastConsumedMessageIndex = v.lastConsumed
	}
	if v.lastConsumption != nil {
		m.LastConsumptionTimestamp = v.lastConsumption
	}
	m.DateCreated = orDefault(v.dateCreated, m.DateCreated)
	m.DateUpdated = orDefault(v.dateUpdated, m.DateUpdated)
	m.Attributes = orDefault(v.attributes, m.Attributes)
}

// leave removes the member m from its channel and keeps the channel's
// members_count and the user's joined_channels_count. Delete Member, Delete
// Channel and Delete User remove members through it.
func (s *Server) leave(m *member) {
	if ch := s.channels.get(m.ServiceSID, m.ChannelSID); ch != nil {
		ch.MembersCount--
	}
	if u := s.users.get(m.ServiceSID, m.Identity); u != nil {
		u.JoinedChannelsCount--
	}
	s.members.remove(m.ChannelSID, m.SID)
}

// createMember adds a user to a channel, creating the user when the
// service has none with the identity. The member gets the service's
// default channel role unless RoleSid names another.
func (s *Server) createMember(c *call) response {
	svc := s.serviceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	ch := s.channels.get(svc.SID, c.values["ChannelSid"])
	if ch == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	identity := f.required(spec.KeyIdentity)
	changes := s.readMember(f, svc.SID)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if s.members.get(ch.SID, identity) != nil {
		return conflict(twiliochat.ErrCodeMemberExists, "Member with identity %s already exists in channel %s", identity, ch.SID)
	}
	u, refusal := s.userOrNew(svc, identity)
	if u == nil {
		return refusal
	}
	m := s.join(svc, ch, u)
	changes.apply(m)
	s.emitMember(c, webhook.EventMemberAdded, m)
	return answer(http.StatusCreated, *m)
}

// join adds the user u (nil for a Conversations participant with no
// identity) to ch in svc as a new member, with the service's default
// channel role, and counts it in the channel's members_count and the
// user's joined_channels_count. Create Member and a Participant call it.
func (s *Server) join(svc *service, ch *channel, u *user) *member {
	identity := ""
	if u != nil {
		identity = u.Identity
		u.JoinedChannelsCount++
	}
	now := s.timestamp()
	sid := s.ids.next(spec.MemberSIDPrefix)
	ch.MembersCount++
	return s.members.add(ch.SID, sid, identity, member{
		SID:         sid,
		AccountSID:  s.account,
		ChannelSID:  ch.SID,
		ServiceSID:  svc.SID,
		Identity:    identity,
		DateCreated: now,
		DateUpdated: now,
		RoleSID:     svc.DefaultChannelRoleSID,
		URL:         ch.URL + "/Members/" + sid,
		Attributes:  "{}",
	})
}

func (s *Server) fetchMember(c *call) response {
	_, m := inChannel(s, c, s.members)
	return found(c, m)
}

func (s *Server) updateMember(c *call) response {
	_, m := inChannel(s, c, s.members)
	if m == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	changes := s.readMember(f, m.ServiceSID)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if changes.dateUpdated == nil {
		changes.dateUpdated = ptr(s.timestamp())
	}
	changes.apply(m)
	s.emitMember(c, webhook.EventMemberUpdated, m)
	return answer(http.StatusOK, *m)
}

func (s *Server) deleteMember(c *call) response {
	_, m := inChannel(s, c, s.members)
	if m == nil {
		return notFound(c.path)
	}
	s.emitMember(c, webhook.EventMemberRemoved, m)
	s.leave(m)
	return noContent()
}

// listMembers lists the channel's members of the identities the Identity
// keys name, or all of them.
func (s *Server) listMembers(c *call) response {
	ch := s.channelOf(c)
	if ch == nil {
		return notFound(c.path)
	}
	members := filterBy(s.members.list(ch.SID), c.query, spec.KeyIdentity, func(m member) string { return m.Identity })
	return pageOf(c, ch.URL+"/Members", members)
}
