package twiliochattest

import (
	"net/http"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// invite is the chat.v2.service.channel.invite JSON resource, stored under
// its channel (s.invites). It stays until it is deleted, with its channel
// or on its own, or until its user joins the channel through an SDKClient
// (see SDKClient.JoinChannel), whose membership it becomes.
type invite struct {
	SID         string `json:"sid"`
	AccountSID  string `json:"account_sid"`
	ChannelSID  string `json:"channel_sid"`
	ServiceSID  string `json:"service_sid"`
	Identity    string `json:"identity"`
	DateCreated string `json:"date_created"`
	DateUpdated string `json:"date_updated"`
	RoleSID     string `json:"role_sid"`
	CreatedBy   string `json:"created_by"`
	URL         string `json:"url"`
}

func (i invite) sid() string { return i.SID }

// createInvite invites an identity to a channel, with the service's
// default channel role unless RoleSid names another channel role. The
// spec states no rule on the identity: each request makes an invite.
func (s *Server) createInvite(c *call) response {
	ch := s.channelOf(c)
	if ch == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	identity := f.required(spec.KeyIdentity)
	role := f.role(s, ch.ServiceSID, roleTypeChannel)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	now := s.timestamp()
	sid := s.ids.next(spec.InviteSIDPrefix)
	inv := s.invites.add(ch.SID, sid, "", invite{
		SID:         sid,
		AccountSID:  s.account,
		ChannelSID:  ch.SID,
		ServiceSID:  ch.ServiceSID,
		Identity:    identity,
		DateCreated: now,
		DateUpdated: now,
		RoleSID:     orDefault(role, s.services.get("", ch.ServiceSID).DefaultChannelRoleSID),
		CreatedBy:   createdBySystem,
		URL:         ch.URL + "/Invites/" + sid,
	})
	return answer(http.StatusCreated, *inv)
}

func (s *Server) fetchInvite(c *call) response {
	_, inv := inChannel(s, c, s.invites)
	return found(c, inv)
}

func (s *Server) deleteInvite(c *call) response {
	ch, inv := inChannel(s, c, s.invites)
	if inv == nil {
		return notFound(c.path)
	}
	s.invites.remove(ch.SID, inv.SID)
	return noContent()
}

// listInvites lists the channel's pending invites, of the Identity keys'
// identities only when there are any.
func (s *Server) listInvites(c *call) response {
	if ch := s.channelOf(c); ch != nil {
		invites := filterBy(s.invites.list(ch.SID), c.query, spec.KeyIdentity, func(inv invite) string { return inv.Identity })
		return pageOf(c, ch.URL+"/Invites", invites)
	}
	return notFound(c.path)
}
