package twiliochattest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// convUser is the conversations.v1.user JSON resource (and the
// service_user one, which has the same keys): a Chat user as
// Conversations shows it.
type convUser struct {
	SID            string        `json:"sid"`
	AccountSID     string        `json:"account_sid"`
	ChatServiceSID string        `json:"chat_service_sid"`
	RoleSID        string        `json:"role_sid"`
	Identity       string        `json:"identity"`
	FriendlyName   *string       `json:"friendly_name"`
	Attributes     string        `json:"attributes"`
	IsOnline       *bool         `json:"is_online"`
	IsNotifiable   *bool         `json:"is_notifiable"`
	DateCreated    string        `json:"date_created"`
	DateUpdated    string        `json:"date_updated"`
	URL            string        `json:"url"`
	Links          convUserLinks `json:"links"`
}

// convUserLinks is a user's "links" object.
type convUserLinks struct {
	UserConversations string `json:"user_conversations"`
}

// userURL is the URL of u on c's path.
func (s *Server) userURL(c *call, svc *service, u *user) string {
	return s.convBase(c, svc) + "/Users/" + u.SID
}

// convUserView is u, as Chat answers it (see userView), as Conversations
// answers it on c's path.
func (s *Server) convUserView(c *call, svc *service, u user) convUser {
	link := s.userURL(c, svc, &u)
	return convUser{
		SID: u.SID, AccountSID: s.account, ChatServiceSID: u.ServiceSID, RoleSID: u.RoleSID, Identity: u.Identity,
		FriendlyName: u.FriendlyName, Attributes: u.Attributes, IsOnline: u.IsOnline, IsNotifiable: u.IsNotifiable,
		DateCreated: u.DateCreated, DateUpdated: u.DateUpdated, URL: link,
		Links: convUserLinks{UserConversations: link + "/Conversations"},
	}
}

// convRoleWords rewrites a role check's reason (checkRoleOf) in
// Conversations' words: a Chat channel role is a conversation role and a
// deployment role a service role.
func convRoleWords(why string) string {
	return strings.NewReplacer("a "+roleTypeChannel+" role", "a "+convspec.RoleTypeConversation+" role",
		"a "+roleTypeDeployment+" role", "a "+convspec.RoleTypeService+" role").Replace(why)
}

// checkConvRole keeps, in Conversations' words, the problem of the role
// SID key of f: it must name a role of roleType (a Chat type) in svc.
func (s *Server) checkConvRole(f *fields, key string, svc *service, roleType string) {
	if v := f.text(key); v != nil && f.why == "" {
		if why := s.checkRoleOf(svc.SID, *v, roleType); why != "" {
			f.failf("Invalid parameter %s: %s", key, convRoleWords(why))
		}
	}
}

// userForm reads the keys of a Create or Update User, which are Chat's,
// and checks its RoleSid names a service role.
func (s *Server) userForm(c *call, svc *service) (url.Values, response, bool) {
	f := readFields(c)
	s.checkConvRole(f, convspec.KeyRoleSID, svc, roleTypeDeployment)
	f.attributes()
	for _, key := range []string{convspec.KeyIdentity, convspec.KeyFriendlyName} {
		f.text(key)
	}
	refusal, bad := f.refusal()
	return c.form, refusal, bad
}

// createConvUser creates a user through Chat's Create User.
func (s *Server) createConvUser(c *call) response {
	svc := s.convServiceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	form, refusal, bad := s.userForm(c, svc)
	if bad {
		return refusal
	}
	resp := s.serveAction("CreateUser", map[string]string{"ServiceSid": svc.SID}, form, c.act)
	if _, failed := resp.failed(); failed {
		return resp
	}
	return answer(http.StatusCreated, s.convUserView(c, svc, resp.body.(user)))
}

// userAt returns the Service c acts on and its user that c's key (Sid or
// UserSid) names, by SID or identity, or nils.
func (s *Server) userAt(c *call, key string) (*service, *user) {
	svc := s.convServiceOf(c)
	if svc == nil {
		return nil, nil
	}
	u := s.users.get(svc.SID, c.values[key])
	if u == nil {
		return nil, nil
	}
	return svc, u
}

func (s *Server) fetchConvUser(c *call) response {
	svc, u := s.userAt(c, "Sid")
	if u == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.convUserView(c, svc, s.userView(u)))
}

// updateConvUser changes a user through Chat's Update User.
func (s *Server) updateConvUser(c *call) response {
	svc, u := s.userAt(c, "Sid")
	if u == nil {
		return notFound(c.path)
	}
	form, refusal, bad := s.userForm(c, svc)
	if bad {
		return refusal
	}
	resp := s.serveAction("UpdateUser", map[string]string{"ServiceSid": svc.SID, "Sid": u.SID}, form, c.act)
	if _, failed := resp.failed(); failed {
		return resp
	}
	return answer(http.StatusOK, s.convUserView(c, svc, resp.body.(user)))
}

// deleteConvUser deletes a user through Chat's Delete User: it leaves
// every conversation first.
func (s *Server) deleteConvUser(c *call) response {
	svc, u := s.userAt(c, "Sid")
	if u == nil {
		return notFound(c.path)
	}
	return s.serveAction("DeleteUser", map[string]string{"ServiceSid": svc.SID, "Sid": u.SID}, nil, c.act)
}

func (s *Server) listConvUsers(c *call) response {
	svc := s.convServiceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	out := viewsOf(s.users.list(svc.SID), func(u *user) convUser { return s.convUserView(c, svc, listedUserView(u)) })
	return pageOf(c, s.convBase(c, svc)+"/Users", out)
}

// userConversation is the conversations.v1.user.user_conversation JSON
// resource: a conversation as one of its participants' users sees it,
// worked out from the user's member in the channel, as Chat's User
// Channel is.
type userConversation struct {
	AccountSID           string                `json:"account_sid"`
	ChatServiceSID       string                `json:"chat_service_sid"`
	ConversationSID      string                `json:"conversation_sid"`
	UnreadMessagesCount  *int                  `json:"unread_messages_count"`
	LastReadMessageIndex *int                  `json:"last_read_message_index"`
	ParticipantSID       string                `json:"participant_sid"`
	UserSID              string                `json:"user_sid"`
	FriendlyName         *string               `json:"friendly_name"`
	ConversationState    string                `json:"conversation_state"`
	Timers               timers                `json:"timers"`
	Attributes           string                `json:"attributes"`
	DateCreated          string                `json:"date_created"`
	DateUpdated          string                `json:"date_updated"`
	CreatedBy            string                `json:"created_by"`
	NotificationLevel    string                `json:"notification_level"`
	UniqueName           *string               `json:"unique_name"`
	URL                  string                `json:"url"`
	Links                userConversationLinks `json:"links"`
}

// userConversationLinks is a user conversation's "links" object.
type userConversationLinks struct {
	Participant  string `json:"participant"`
	Conversation string `json:"conversation"`
}

// userConversationView is ch as the user u, whose member in it is m, sees
// it on c's path; its unread count follows Chat's User Channel.
func (s *Server) userConversationView(c *call, svc *service, u *user, ch *channel, m *member) userConversation {
	uc, _ := s.userChannelOf(u, ch)
	conv := s.convBase(c, svc) + "/Conversations/" + ch.SID
	return userConversation{
		AccountSID: s.account, ChatServiceSID: svc.SID, ConversationSID: ch.SID,
		UnreadMessagesCount: uc.UnreadMessagesCount, LastReadMessageIndex: m.LastConsumedMessageIndex,
		ParticipantSID: m.SID, UserSID: u.SID, FriendlyName: ch.FriendlyName,
		ConversationState: s.conversationState(ch), Timers: timersView(ch), Attributes: ch.Attributes,
		DateCreated: ch.DateCreated, DateUpdated: ch.DateUpdated, CreatedBy: ch.CreatedBy,
		NotificationLevel: uc.NotificationLevel, UniqueName: ch.UniqueName,
		URL:   s.userURL(c, svc, u) + "/Conversations/" + ch.SID,
		Links: userConversationLinks{Participant: conv + "/Participants/" + m.SID, Conversation: conv},
	}
}

// userConversationAt returns what c addresses: the user (by SID or
// identity), the conversation (by SID or unique name) and the user's
// participant in it, or nils when the user takes no part in it.
func (s *Server) userConversationAt(c *call) (*service, *user, *channel, *member) {
	svc, u := s.userAt(c, "UserSid")
	if u == nil {
		return nil, nil, nil, nil
	}
	ch := s.channels.get(svc.SID, c.values["ConversationSid"])
	if ch == nil {
		return nil, nil, nil, nil
	}
	m := s.memberOfUser(u, ch)
	if m == nil {
		return nil, nil, nil, nil
	}
	return svc, u, ch, m
}

func (s *Server) fetchUserConversation(c *call) response {
	svc, u, ch, m := s.userConversationAt(c)
	if m == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.userConversationView(c, svc, u, ch, m))
}

// updateUserConversation sets the user's notification level and read
// horizon through Chat's Update User Channel (LastReadMessageIndex is
// Chat's LastConsumedMessageIndex, LastReadTimestamp its
// LastConsumptionTimestamp).
func (s *Server) updateUserConversation(c *call) response {
	svc, u, ch, m := s.userConversationAt(c)
	if m == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	chat := url.Values{}
	if v := f.enum(convspec.KeyNotificationLevel, convspec.NotificationLevels); v != nil {
		chat.Set(spec.KeyNotificationLevel, *v)
	}
	if v, set := f.integer(convspec.KeyLastReadMessageIndex); set {
		chat.Set(spec.KeyLastConsumedMessageIndex, "")
		if v != nil {
			chat.Set(spec.KeyLastConsumedMessageIndex, strconv.Itoa(*v))
		}
	}
	if v := f.date(convspec.KeyLastReadTimestamp); v != nil {
		chat.Set(spec.KeyLastConsumptionTimestamp, *v)
	}
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if resp := s.seed("UpdateUserChannel", map[string]string{"ServiceSid": svc.SID, "UserSid": u.SID, "ChannelSid": ch.SID}, chat); resp.status != http.StatusOK {
		return resp
	}
	return answer(http.StatusOK, s.userConversationView(c, svc, u, ch, m))
}

// deleteUserConversation makes the user leave the conversation.
func (s *Server) deleteUserConversation(c *call) response {
	_, _, _, m := s.userConversationAt(c)
	if m == nil {
		return notFound(c.path)
	}
	s.leave(m)
	return noContent()
}

// listUserConversations lists the conversations the user takes part in,
// in the conversations' creation order.
func (s *Server) listUserConversations(c *call) response {
	svc, u := s.userAt(c, "UserSid")
	if u == nil {
		return notFound(c.path)
	}
	var out []userConversation
	for _, ch := range s.channels.list(svc.SID) {
		if m := s.memberOfUser(u, &ch); m != nil {
			out = append(out, s.userConversationView(c, svc, u, &ch, m))
		}
	}
	return pageOf(c, s.userURL(c, svc, u)+"/Conversations", out)
}

// participantConversation is the conversations.v1.participant_conversation
// JSON resource: a conversation as one participant, a User's or an
// address's, takes part in it.
type participantConversation struct {
	AccountSID                  string                `json:"account_sid"`
	ChatServiceSID              string                `json:"chat_service_sid"`
	ParticipantSID              string                `json:"participant_sid"`
	ParticipantUserSID          *string               `json:"participant_user_sid"`
	ParticipantIdentity         *string               `json:"participant_identity"`
	ParticipantMessagingBinding *messagingBinding     `json:"participant_messaging_binding"`
	ConversationSID             string                `json:"conversation_sid"`
	ConversationUniqueName      *string               `json:"conversation_unique_name"`
	ConversationFriendlyName    *string               `json:"conversation_friendly_name"`
	ConversationAttributes      string                `json:"conversation_attributes"`
	ConversationDateCreated     string                `json:"conversation_date_created"`
	ConversationDateUpdated     string                `json:"conversation_date_updated"`
	ConversationCreatedBy       string                `json:"conversation_created_by"`
	ConversationState           string                `json:"conversation_state"`
	ConversationTimers          timers                `json:"conversation_timers"`
	Links                       userConversationLinks `json:"links"`
}

// listParticipantConversations lists the conversations of the Service in
// which the participant that Identity or Address names (one of them is
// required) takes part.
func (s *Server) listParticipantConversations(c *call) response {
	svc := s.convServiceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	identity, address := c.query.Get(convspec.KeyIdentity), c.query.Get(convspec.KeyAddress)
	if identity == "" && address == "" {
		return invalidf("Missing required parameter Identity or Address")
	}
	var out []participantConversation
	for _, ch := range s.channels.list(svc.SID) {
		for _, m := range s.members.list(ch.SID) {
			if identity != "" && m.Identity != identity ||
				address != "" && (m.messagingBinding == nil || orDefault(m.messagingBinding.Address, "") != address) {
				continue
			}
			conv := s.convBase(c, svc) + "/Conversations/" + ch.SID
			pc := participantConversation{
				AccountSID: s.account, ChatServiceSID: svc.SID, ParticipantSID: m.SID,
				ParticipantIdentity: nonEmptyPtr(m.Identity), ParticipantMessagingBinding: m.messagingBinding,
				ConversationSID: ch.SID, ConversationUniqueName: ch.UniqueName, ConversationFriendlyName: ch.FriendlyName,
				ConversationAttributes: ch.Attributes, ConversationDateCreated: ch.DateCreated, ConversationDateUpdated: ch.DateUpdated,
				ConversationCreatedBy: ch.CreatedBy, ConversationState: s.conversationState(&ch), ConversationTimers: timersView(&ch),
				Links: userConversationLinks{Participant: conv + "/Participants/" + m.SID, Conversation: conv},
			}
			if u := s.users.get(svc.SID, m.Identity); u != nil && m.Identity != "" {
				pc.ParticipantUserSID = &u.SID
			}
			out = append(out, pc)
		}
	}
	return pageOf(c, s.convBase(c, svc)+"/ParticipantConversations", out)
}
