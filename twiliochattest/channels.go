package twiliochattest

import (
	"net/http"
	"net/url"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// channel is the chat.v2.service.channel JSON resource. Pointer fields are
// replaced, never modified in place, so a shallow copy is a safe snapshot.
type channel struct {
	SID          string  `json:"sid"`
	AccountSID   string  `json:"account_sid"`
	ServiceSID   string  `json:"service_sid"`
	FriendlyName *string `json:"friendly_name"`
	UniqueName   *string `json:"unique_name"`
	Attributes   string  `json:"attributes"`
	Type         string  `json:"type"`
	DateCreated  string  `json:"date_created"`
	DateUpdated  string  `json:"date_updated"`
	CreatedBy    string  `json:"created_by"`
	// MembersCount follows the channel's members: join and leave keep it.
	MembersCount int `json:"members_count"`
	// MessagesCount is kept by the Messages handlers: the number of
	// messages in the channel.
	MessagesCount int          `json:"messages_count"`
	URL           string       `json:"url"`
	Links         channelLinks `json:"links"`
	// nextMessageIndex is the index of the next message posted: indexes
	// count up from 0 and are not reused after a delete.
	nextMessageIndex int
	// messagingServiceSID is set by Migrate and by Conversations, and
	// shown by Chat v3 and Conversations only.
	messagingServiceSID *string
	// conv holds what only Conversations shows of the channel: its state,
	// timers and email bindings.
	conv conversationExtra
}

// migratedChannel is the chat.v3.channel JSON resource, Migrate's answer:
// the channel with its Messaging Service, its v3 URL and no links.
type migratedChannel struct {
	channel
	MessagingServiceSID *string `json:"messaging_service_sid"`
	URL                 string  `json:"url"`
	// Links hides the channel's: a v3 channel has none.
	Links *struct{} `json:"links,omitempty"`
}

func (ch channel) sid() string { return ch.SID }

// channelLinks is the channel's "links" object. LastMessage is null until
// the Messages handlers set it.
type channelLinks struct {
	Members     string  `json:"members"`
	Messages    string  `json:"messages"`
	Invites     string  `json:"invites"`
	Webhooks    string  `json:"webhooks"`
	LastMessage *string `json:"last_message"`
}

// Channel types (the spec's channel_enum_channel_type).
const channelTypePublic = spec.ChannelTypePublic

// createdBySystem is the created_by of a channel created over REST without
// CreatedBy.
const createdBySystem = "system"

// SeedChannel creates a public channel in the service serviceSID without an
// HTTP request and returns its SID; uniqueName may be "" for none. It goes
// through the same code as a Create Channel request, and returns an error
// when the service does not exist or the request would be refused (a
// unique name taken, say).
func (s *Server) SeedChannel(serviceSID, uniqueName string) (string, error) {
	form := url.Values{}
	if uniqueName != "" {
		form.Set(spec.KeyUniqueName, uniqueName)
	}
	return s.seedSID("CreateChannel", map[string]string{"ServiceSid": serviceSID}, form)
}

// channelChanges are the values of the shared form keys of Create and Update Channel a request sent.
type channelChanges struct {
	friendlyName, uniqueName, attributes *string
	dateCreated, dateUpdated, createdBy  *string
}

// readChannel reads the form keys Create and Update Channel share from f.
func readChannel(f *fields) channelChanges {
	return channelChanges{
		friendlyName: f.text(spec.KeyFriendlyName),
		uniqueName:   f.text(spec.KeyUniqueName),
		attributes:   f.attributes(),
		dateCreated:  f.date(spec.KeyDateCreated),
		dateUpdated:  f.date(spec.KeyDateUpdated),
		createdBy:    f.text(spec.KeyCreatedBy),
	}
}

// apply sets the changes on ch, whose unique name the caller has checked
// with uniqueNameRefusal; an empty UniqueName clears it.
func (s *Server) apply(ch *channel, v channelChanges) {
	if v.friendlyName != nil {
		ch.FriendlyName = v.friendlyName
	}
	if v.uniqueName != nil {
		ch.UniqueName = v.uniqueName
		if *v.uniqueName == "" {
			ch.UniqueName = nil
		}
		s.channels.setName(ch.SID, orDefault(ch.UniqueName, ""))
	}
	ch.Attributes = orDefault(v.attributes, ch.Attributes)
	ch.DateCreated = orDefault(v.dateCreated, ch.DateCreated)
	ch.DateUpdated = orDefault(v.dateUpdated, ch.DateUpdated)
	ch.CreatedBy = orDefault(v.createdBy, ch.CreatedBy)
}

// uniqueNameRefusal refuses a unique name that looks like a channel SID
// (400, code 50306) or that another channel of the service has (409, code
// 50307).
func (s *Server) uniqueNameRefusal(serviceSID, sid string, name *string) (response, bool) {
	switch {
	case name == nil || *name == "":
		return response{}, false
	case spec.IsSID(spec.ChannelSIDPrefix, *name):
		return twilioError(http.StatusBadRequest, twiliochat.ErrCodeUniqueNameMatchesChannelSID, "Unique name should not match channel SID pattern"), true
	case s.channels.nameTaken(serviceSID, *name, sid):
		return conflict(twiliochat.ErrCodeChannelUniqueNameExists, "Channel with unique name %s already exists", *name), true
	}
	return response{}, false
}

func (s *Server) createChannel(c *call) response {
	svc := s.serviceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	changes := readChannel(f)
	channelType := f.enum(spec.KeyType, spec.ChannelTypes)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if refusal, bad := s.uniqueNameRefusal(svc.SID, "", changes.uniqueName); bad {
		return refusal
	}
	now := s.timestamp()
	sid := s.ids.next(spec.ChannelSIDPrefix)
	u := svc.URL + "/Channels/" + sid
	ch := s.channels.add(svc.SID, sid, "", channel{
		SID:         sid,
		AccountSID:  s.account,
		ServiceSID:  svc.SID,
		Attributes:  "{}",
		Type:        orDefault(channelType, channelTypePublic),
		DateCreated: now,
		DateUpdated: now,
		CreatedBy:   createdBySystem,
		URL:         u,
		Links: channelLinks{
			Members:  u + "/Members",
			Messages: u + "/Messages",
			Invites:  u + "/Invites",
			Webhooks: u + "/Webhooks",
		},
	})
	s.apply(ch, changes)
	s.emitChannel(c, webhook.EventChannelAdded, ch)
	return answer(http.StatusCreated, *ch)
}

// channelOf returns the channel whose resources c addresses, by SID or
// unique name (its ChannelSid), or nil.
func (s *Server) channelOf(c *call) *channel {
	return s.channels.get(c.values["ServiceSid"], c.values["ChannelSid"])
}

// inChannel returns the channel c addresses, by SID or unique name, and
// the item of t under it that c's Sid addresses (by SID, or by the name t
// indexes, such as a member's identity), or nils.
func inChannel[T any](s *Server, c *call, t *table[T]) (*channel, *T) {
	ch := s.channelOf(c)
	if ch == nil {
		return nil, nil
	}
	return ch, t.get(ch.SID, c.values["Sid"])
}

func (s *Server) fetchChannel(c *call) response {
	return found(c, s.channels.get(c.values["ServiceSid"], c.values["Sid"]))
}

func (s *Server) updateChannel(c *call) response {
	ch := s.channels.get(c.values["ServiceSid"], c.values["Sid"])
	if ch == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	changes := readChannel(f)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if refusal, bad := s.uniqueNameRefusal(ch.ServiceSID, ch.SID, changes.uniqueName); bad {
		return refusal
	}
	if changes.dateUpdated == nil {
		changes.dateUpdated = ptr(s.timestamp())
	}
	s.apply(ch, changes)
	s.emitChannel(c, webhook.EventChannelUpdated, ch)
	return answer(http.StatusOK, *ch)
}

// migrateChannel changes the channel's type and Messaging Service (Chat
// v3's one operation) and sends the channel-updated webhooks an Update
// sends. Twilio moves only private channels to Conversations; the fake
// keeps serving the channel over v2 either way.
func (s *Server) migrateChannel(c *call) response {
	ch := s.channels.get(c.values["ServiceSid"], c.values["Sid"])
	if ch == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	channelType := f.enum(spec.KeyType, spec.ChannelTypes)
	messagingService := f.sid(spec.KeyMessagingServiceSID, spec.MessagingServiceSIDPrefix)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	ch.Type = orDefault(channelType, ch.Type)
	if messagingService != nil {
		ch.messagingServiceSID = messagingService
	}
	ch.DateUpdated = s.timestamp()
	s.emitChannel(c, webhook.EventChannelUpdated, ch)
	return answer(http.StatusOK, migratedChannel{channel: *ch, MessagingServiceSID: ch.messagingServiceSID,
		URL: s.server.URL + "/v3/Services/" + ch.ServiceSID + "/Channels/" + ch.SID})
}

// deleteChannel deletes the channel and, through the table, everything in
// it; its members leave first, so that their users' joined_channels_count
// follows.
func (s *Server) deleteChannel(c *call) response {
	ch := s.channels.get(c.values["ServiceSid"], c.values["Sid"])
	if ch == nil {
		return notFound(c.path)
	}
	s.emitChannel(c, webhook.EventChannelDestroyed, ch)
	for _, m := range s.members.list(ch.SID) {
		s.leave(&m)
	}
	s.channels.remove(ch.ServiceSID, ch.SID)
	return noContent()
}

// listChannels lists the service's channels of the types the Type keys
// name, or all of them.
func (s *Server) listChannels(c *call) response {
	svc := s.serviceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	if refusal, bad := enumFilter(c.query, spec.KeyType, spec.ChannelTypes); bad {
		return refusal
	}
	channels := filterBy(s.channels.list(svc.SID), c.query, spec.KeyType, func(ch channel) string { return ch.Type })
	return pageOf(c, svc.URL+"/Channels", channels)
}
