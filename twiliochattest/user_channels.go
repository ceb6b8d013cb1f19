package twiliochattest

import (
	"net/http"
	"slices"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// userChannel is the chat.v2.service.user.user_channel JSON resource: a
// channel as one user sees it. The fake stores none: userChannelOf works it
// out from the user's member in the channel (and its consumption horizon
// and notification level), the channel's messages and invites.
type userChannel struct {
	AccountSID               string            `json:"account_sid"`
	ServiceSID               string            `json:"service_sid"`
	ChannelSID               string            `json:"channel_sid"`
	UserSID                  string            `json:"user_sid"`
	MemberSID                *string           `json:"member_sid"`
	Status                   string            `json:"status"`
	LastConsumedMessageIndex *int              `json:"last_consumed_message_index"`
	UnreadMessagesCount      *int              `json:"unread_messages_count"`
	Links                    map[string]string `json:"links"`
	URL                      string            `json:"url"`
	NotificationLevel        string            `json:"notification_level"`
}

// User channel statuses and notification levels (the spec's
// user_channel_enum_channel_status and user_channel_enum_notification_level).
const (
	statusJoined             = spec.ChannelStatusJoined
	statusInvited            = spec.ChannelStatusInvited
	notificationLevelDefault = spec.NotificationLevelDefault
)

// userChannelOf returns the channel ch as the user u sees it, and false
// when u takes no part in it. A member's user has joined: its unread count
// is the number of the channel's messages past its consumption horizon, or
// null while it has none. The spec makes unread_messages_count nullable and
// Twilio's "Message Consumption Horizon and Read Status" guide
// (https://www.twilio.com/docs/chat/consumption-horizon, "Consumption
// Horizon") bases the read status on the lastConsumedMessageIndex a client
// reports; that the count is null before any report is the fake's reading,
// not a sentence found on those pages. A user with a pending invite and no member is
// invited, with no member, horizon or count.
func (s *Server) userChannelOf(u *user, ch *channel) (userChannel, bool) {
	uc := userChannel{
		AccountSID:        s.account,
		ServiceSID:        ch.ServiceSID,
		ChannelSID:        ch.SID,
		UserSID:           u.SID,
		Links:             map[string]string{"channel": ch.URL},
		URL:               u.URL + "/Channels/" + ch.SID,
		NotificationLevel: notificationLevelDefault,
	}
	if m := s.memberOfUser(u, ch); m != nil {
		uc.Status = statusJoined
		uc.MemberSID = &m.SID
		uc.Links["member"] = m.URL
		uc.LastConsumedMessageIndex = m.LastConsumedMessageIndex
		uc.NotificationLevel = orDefault(m.NotificationLevel, notificationLevelDefault)
		if horizon := m.LastConsumedMessageIndex; horizon != nil {
			unread := 0
			for _, msg := range s.messages.list(ch.SID) {
				if msg.Index > *horizon {
					unread++
				}
			}
			uc.UnreadMessagesCount = &unread
		}
		return uc, true
	}
	if len(s.invitesOf(u, ch)) > 0 {
		uc.Status = statusInvited
		return uc, true
	}
	return userChannel{}, false
}

// memberOfUser returns the member of the user u in the channel ch, or nil.
func (s *Server) memberOfUser(u *user, ch *channel) *member {
	m := s.members.get(ch.SID, u.Identity)
	if m == nil || m.Identity != u.Identity { // an identity that is another member's SID
		return nil
	}
	return m
}

// invitesOf returns the pending invites of the user u to the channel ch.
func (s *Server) invitesOf(u *user, ch *channel) []invite {
	return slices.DeleteFunc(s.invites.list(ch.SID), func(inv invite) bool { return inv.Identity != u.Identity })
}

// userChannelAt returns the user and the channel c addresses, the user by
// SID or identity and the channel by SID or unique name, or nils.
func (s *Server) userChannelAt(c *call) (*user, *channel) {
	u := s.userOf(c)
	if u == nil {
		return nil, nil
	}
	ch := s.channelOf(c)
	if ch == nil {
		return nil, nil
	}
	return u, ch
}

// fetchUserChannel answers 404 for a channel the user takes no part in.
func (s *Server) fetchUserChannel(c *call) response {
	u, ch := s.userChannelAt(c)
	if u == nil {
		return notFound(c.path)
	}
	uc, ok := s.userChannelOf(u, ch)
	if !ok {
		return notFound(c.path)
	}
	return answer(http.StatusOK, uc)
}

// updateUserChannel sets the notification level and the consumption
// horizon of the user's member in the channel (an empty
// LastConsumedMessageIndex sets it to null), which moves the unread count;
// a user who has not joined answers 404.
func (s *Server) updateUserChannel(c *call) response {
	u, ch := s.userChannelAt(c)
	if u == nil {
		return notFound(c.path)
	}
	m := s.memberOfUser(u, ch)
	if m == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	level := f.enum(spec.KeyNotificationLevel, spec.NotificationLevels)
	horizon, horizonSet := f.integer(spec.KeyLastConsumedMessageIndex)
	readAt := f.date(spec.KeyLastConsumptionTimestamp)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if level != nil {
		m.NotificationLevel = level
	}
	if horizonSet {
		m.LastConsumedMessageIndex = horizon
	}
	if readAt != nil {
		m.LastConsumptionTimestamp = readAt
	}
	uc, _ := s.userChannelOf(u, ch)
	return answer(http.StatusOK, uc)
}

// deleteUserChannel removes the user from the channel: its member leaves,
// or, for a user who is only invited, its invites are deleted.
func (s *Server) deleteUserChannel(c *call) response {
	u, ch := s.userChannelAt(c)
	if u == nil {
		return notFound(c.path)
	}
	if m := s.memberOfUser(u, ch); m != nil {
		s.emitMember(c, webhook.EventMemberRemoved, m)
		s.leave(m)
		return noContent()
	}
	invites := s.invitesOf(u, ch)
	if len(invites) == 0 {
		return notFound(c.path)
	}
	for _, inv := range invites {
		s.invites.remove(ch.SID, inv.SID)
	}
	return noContent()
}

// listUserChannels lists the channels the user has joined or is invited
// to, in the channels' creation order.
func (s *Server) listUserChannels(c *call) response {
	u := s.userOf(c)
	if u == nil {
		return notFound(c.path)
	}
	var list []userChannel
	for _, ch := range s.channels.list(u.ServiceSID) {
		if uc, ok := s.userChannelOf(u, &ch); ok {
			list = append(list, uc)
		}
	}
	return pageOf(c, u.URL+"/Channels", list)
}
