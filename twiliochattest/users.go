package twiliochattest

import (
	"net/http"
	"net/url"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// user is the chat.v2.service.user JSON resource. is_online and
// is_notifiable are filled in when it is answered (see userView).
type user struct {
	SID                 string    `json:"sid"`
	AccountSID          string    `json:"account_sid"`
	ServiceSID          string    `json:"service_sid"`
	Attributes          string    `json:"attributes"`
	FriendlyName        *string   `json:"friendly_name"`
	RoleSID             string    `json:"role_sid"`
	Identity            string    `json:"identity"`
	IsOnline            *bool     `json:"is_online"`
	IsNotifiable        *bool     `json:"is_notifiable"`
	DateCreated         string    `json:"date_created"`
	DateUpdated         string    `json:"date_updated"`
	JoinedChannelsCount int       `json:"joined_channels_count"`
	Links               userLinks `json:"links"`
	URL                 string    `json:"url"`
}

func (u user) sid() string { return u.SID }

// userLinks is the user's "links" object.
type userLinks struct {
	UserChannels string `json:"user_channels"`
	UserBindings string `json:"user_bindings"`
}

// SeedUser creates a user with identity in the service serviceSID without an
// HTTP request and returns its SID. It goes through the same code as a
// Create User request, and returns an error when the service does not exist
// or the request would be refused (an identity taken, say).
func (s *Server) SeedUser(serviceSID, identity string) (string, error) {
	return s.seedSID("CreateUser", map[string]string{"ServiceSid": serviceSID}, url.Values{spec.KeyIdentity: {identity}})
}

// userView is u as one user is answered (Create, Fetch, Update), as the
// spec describes is_online and is_notifiable: both are null while the
// service's Reachability Indicator is off. With it on, is_online stays
// null, since no client ever connects to the fake (the spec: null "if the
// User has never been online"), and is_notifiable is true once the user has
// a push Binding (SeedBinding) and null before (never had a registration).
func (s *Server) userView(u *user) user {
	out := *u
	out.IsOnline, out.IsNotifiable = nil, nil
	if svc := s.services.get("", u.ServiceSID); svc != nil && svc.ReachabilityEnabled && len(s.userBindings(u)) > 0 {
		out.IsNotifiable = ptr(true)
	}
	return out
}

// listedUserView is u as a list page holds it: the spec says a Read action
// always answers is_online and is_notifiable null.
func listedUserView(u *user) user {
	out := *u
	out.IsOnline, out.IsNotifiable = nil, nil
	return out
}

func (s *Server) createUser(c *call) response {
	svc := s.serviceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	identity := f.required(spec.KeyIdentity)
	roleSID := f.role(s, svc.SID, roleTypeDeployment)
	attributes := f.attributes()
	name := f.text(spec.KeyFriendlyName)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	u, refusal := s.addUser(svc, identity)
	if u == nil {
		return refusal
	}
	u.RoleSID = orDefault(roleSID, u.RoleSID)
	u.Attributes = orDefault(attributes, u.Attributes)
	u.FriendlyName = name
	s.emitUser(c, webhook.EventUserAdded, u)
	return answer(http.StatusCreated, s.userView(u))
}

// addUser stores a new user with identity in svc, with the service's
// default service role, or returns the refusal: 409 (code 50201) for an
// identity taken, 400 (code 50206) for one that looks like a user SID.
// Create User and Create Member (for an identity with no user) call it.
func (s *Server) addUser(svc *service, identity string) (*user, response) {
	if spec.IsSID(spec.UserSIDPrefix, identity) {
		return nil, twilioError(http.StatusBadRequest, twiliochat.ErrCodeIdentityMatchesUserSID, "Identity should not match user SID pattern")
	}
	if s.users.nameTaken(svc.SID, identity, "") {
		return nil, conflict(twiliochat.ErrCodeUserExists, "User with identity %s already exists", identity)
	}
	now := s.timestamp()
	sid := s.ids.next(spec.UserSIDPrefix)
	u := svc.URL + "/Users/" + sid
	return s.users.add(svc.SID, sid, identity, user{
		SID:         sid,
		AccountSID:  s.account,
		ServiceSID:  svc.SID,
		Attributes:  "{}",
		RoleSID:     svc.DefaultServiceRoleSID,
		Identity:    identity,
		DateCreated: now,
		DateUpdated: now,
		Links:       userLinks{UserChannels: u + "/Channels", UserBindings: u + "/Bindings"},
		URL:         u,
	}), response{}
}

// userOrNew returns the user of identity in svc, creating it (see addUser)
// when the service has none: Create Member, a Participant and SeedBinding
// make the user of a new identity, as Twilio does.
func (s *Server) userOrNew(svc *service, identity string) (*user, response) {
	if u := s.users.get(svc.SID, identity); u != nil && u.Identity == identity { // a user SID is not an identity
		return u, response{}
	}
	return s.addUser(svc, identity)
}

// userOf returns the user whose resources c addresses, by SID or identity
// (its UserSid), or nil.
func (s *Server) userOf(c *call) *user {
	return s.users.get(c.values["ServiceSid"], c.values["UserSid"])
}

func (s *Server) fetchUser(c *call) response {
	u := s.users.get(c.values["ServiceSid"], c.values["Sid"])
	if u == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.userView(u))
}

func (s *Server) updateUser(c *call) response {
	u := s.users.get(c.values["ServiceSid"], c.values["Sid"])
	if u == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	roleSID := f.role(s, u.ServiceSID, roleTypeDeployment)
	attributes := f.attributes()
	name := f.text(spec.KeyFriendlyName)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	u.RoleSID = orDefault(roleSID, u.RoleSID)
	u.Attributes = orDefault(attributes, u.Attributes)
	if name != nil {
		u.FriendlyName = name
	}
	u.DateUpdated = s.timestamp()
	s.emitUser(c, webhook.EventUserUpdated, u)
	return answer(http.StatusOK, s.userView(u))
}

// deleteUser deletes the user, who first leaves every channel it is a
// member of, and its push bindings. No Twilio page found says what becomes
// of a deleted user's memberships (the User resource's Delete,
// https://www.twilio.com/docs/chat/rest/user-resource, does not); the fake
// keeps no member without its user, so that members_count and a member's
// identity always name a user that exists.
func (s *Server) deleteUser(c *call) response {
	u := s.users.get(c.values["ServiceSid"], c.values["Sid"])
	if u == nil {
		return notFound(c.path)
	}
	for _, ch := range s.channels.list(u.ServiceSID) {
		if m := s.members.get(ch.SID, u.Identity); m != nil {
			s.leave(m)
		}
	}
	s.removeBindings(u)
	s.users.remove(u.ServiceSID, u.SID)
	return noContent()
}

func (s *Server) listUsers(c *call) response {
	svc := s.serviceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	users := s.users.list(svc.SID)
	for i := range users {
		users[i] = listedUserView(&users[i])
	}
	return pageOf(c, svc.URL+"/Users", users)
}
