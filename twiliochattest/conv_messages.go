package twiliochattest

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// conversationMessage is the
// conversations.v1.conversation.conversation_message JSON resource (and
// the service_conversation_message one, which adds chat_service_sid): a
// message as Conversations shows it, its Chat from as author.
type conversationMessage struct {
	AccountSID      string              `json:"account_sid"`
	ChatServiceSID  string              `json:"chat_service_sid,omitempty"`
	ConversationSID string              `json:"conversation_sid"`
	SID             string              `json:"sid"`
	Index           int                 `json:"index"`
	Author          string              `json:"author"`
	Body            *string             `json:"body"`
	Media           []conversationMedia `json:"media"`
	Attributes      string              `json:"attributes"`
	ParticipantSID  *string             `json:"participant_sid"`
	DateCreated     string              `json:"date_created"`
	DateUpdated     string              `json:"date_updated"`
	URL             string              `json:"url"`
	Delivery        *deliverySummary    `json:"delivery"`
	Links           messageLinks        `json:"links"`
	ContentSID      *string             `json:"content_sid"`
}

// conversationMedia is one item of a message's "media" list.
type conversationMedia struct {
	SID         string `json:"sid"`
	Size        int64  `json:"size"`
	ContentType string `json:"content_type"`
	Filename    string `json:"filename"`
}

// messageLinks is a message's "links" object.
type messageLinks struct {
	DeliveryReceipts string `json:"delivery_receipts"`
	ChannelMetadata  string `json:"channel_metadata"`
}

// deliverySummary is a message's "delivery": how many of its receipts are
// in each status ("all", "some" or "none"), null while it has none, as
// for a message only Chat participants receive
// (https://www.twilio.com/docs/conversations/delivery-receipts).
type deliverySummary struct {
	Total       int    `json:"total"`
	Sent        string `json:"sent"`
	Delivered   string `json:"delivered"`
	Read        string `json:"read"`
	Failed      string `json:"failed"`
	Undelivered string `json:"undelivered"`
}

// receipt is the conversation_message_receipt JSON resource (DY…), stored
// under its message: one per participant with a messaging binding's
// address, made when the message is created, as Twilio sends the message
// on over SMS or WhatsApp, with the status "sent"; it is read only, like
// Twilio's, and Server.SetDeliveryStatus moves it on as a carrier's report
// does.
type receipt struct {
	AccountSID        string `json:"account_sid"`
	ChatServiceSID    string `json:"chat_service_sid,omitempty"`
	ConversationSID   string `json:"conversation_sid"`
	SID               string `json:"sid"`
	MessageSID        string `json:"message_sid"`
	ChannelMessageSID string `json:"channel_message_sid"`
	ParticipantSID    string `json:"participant_sid"`
	Status            string `json:"status"`
	ErrorCode         *int   `json:"error_code"`
	DateCreated       string `json:"date_created"`
	// DateUpdated is null until the receipt is updated, as Twilio's
	// Receipt resource says
	// (https://www.twilio.com/docs/conversations/api/receipt-resource).
	DateUpdated *string `json:"date_updated"`
	URL         string  `json:"url"`
}

// channelMessagePrefix is the SID prefix of the message a receipt's
// message went out as over a binding of bindingType (channel_message_sid):
// SM for SMS, WA for WhatsApp, as the Receipt resource describes it.
func channelMessagePrefix(bindingType string) string {
	if bindingType == convspec.AddressTypeWhatsapp {
		return "WA"
	}
	return "SM"
}

// messageBase is the URL of the messages of ch on c's path.
func (s *Server) messageBase(c *call, svc *service, ch *channel) string {
	return s.convBase(c, svc) + "/Conversations/" + ch.SID + "/Messages"
}

// messageView is m of ch as Conversations answers it on c's path.
func (s *Server) messageView(c *call, svc *service, ch *channel, m *message) conversationMessage {
	u := s.messageBase(c, svc, ch) + "/" + m.SID
	out := conversationMessage{
		AccountSID:      s.account,
		ChatServiceSID:  serviceIn(c, svc),
		ConversationSID: ch.SID,
		SID:             m.SID,
		Index:           m.Index,
		Author:          m.From,
		Body:            &m.Body,
		Attributes:      m.Attributes,
		DateCreated:     m.DateCreated,
		DateUpdated:     m.DateUpdated,
		URL:             u,
		Links:           messageLinks{DeliveryReceipts: u + "/Receipts", ChannelMetadata: u + "/ChannelMetadata"},
		ContentSID:      m.contentSID,
	}
	if md := m.Media; md != nil {
		out.Media = []conversationMedia{{SID: md.SID, Size: md.Size, ContentType: md.ContentType, Filename: md.Filename}}
		if m.Body == "" {
			out.Body = nil
		}
	}
	if p := s.members.get(ch.SID, m.From); p != nil && p.Identity == m.From {
		out.ParticipantSID = &p.SID
	}
	out.Delivery = summarize(s.receipts.list(m.SID))
	return out
}

// readConversationMessage reads the keys of a Create or Update Message:
// those it shares with Chat's, as the Chat form that sets them (Author is
// Chat's From), and Subject.
func readConversationMessage(f *fields) (url.Values, *string) {
	chat := url.Values{}
	if v := f.text(convspec.KeyAuthor); v != nil {
		chat.Set(spec.KeyFrom, *v)
	}
	if v := f.text(convspec.KeyBody); v != nil {
		chat.Set(spec.KeyBody, *v)
	}
	if v := f.attributes(); v != nil {
		chat.Set(convspec.KeyAttributes, *v)
	}
	for _, key := range []string{convspec.KeyDateCreated, convspec.KeyDateUpdated} {
		if d := f.date(key); d != nil {
			chat.Set(key, *d)
		}
	}
	return chat, f.text(convspec.KeySubject)
}

// createConversationMessage posts a message through Chat's Create Message,
// so that it takes the channel's next index and wakes the conversation as
// any message does (messageArrived). Each participant with an address gets
// a delivery receipt.
func (s *Server) createConversationMessage(c *call) response {
	svc, ch := s.conversationAt(c, "ConversationSid")
	if ch == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	chat, subject := readConversationMessage(f)
	if media := f.sid(convspec.KeyMediaSID, convspec.MediaSIDPrefix); media != nil {
		chat.Set(convspec.KeyMediaSID, *media)
	}
	content := f.sid(convspec.KeyContentSID, convspec.ContentSIDPrefix)
	variables := f.text(convspec.KeyContentVariables)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	resp := s.serveAction("CreateMessage", map[string]string{"ServiceSid": svc.SID, "ChannelSid": ch.SID}, chat, c.act)
	if _, failed := resp.failed(); failed {
		return resp
	}
	m := s.messages.get(ch.SID, resp.body.(message).SID)
	m.contentSID, m.subject, m.contentVariables = content, subject, variables
	for _, p := range s.members.list(ch.SID) {
		if p.messagingBinding == nil || p.messagingBinding.Address == nil {
			continue
		}
		sid := s.ids.next(convspec.ConversationMessageReceiptSIDPrefix)
		s.receipts.add(m.SID, sid, "", receipt{
			AccountSID:        s.account,
			ConversationSID:   ch.SID,
			SID:               sid,
			MessageSID:        m.SID,
			ChannelMessageSID: s.ids.next(channelMessagePrefix(p.messagingBinding.Type)),
			ParticipantSID:    p.SID,
			Status:            convspec.DeliveryStatusSent,
			DateCreated:       m.DateCreated,
		})
	}
	return answer(http.StatusCreated, s.messageView(c, svc, ch, m))
}

// messageAt returns the Service, conversation and message c addresses by
// key (Sid or MessageSid).
func (s *Server) messageAt(c *call, key string) (*service, *channel, *message) {
	svc, ch := s.conversationAt(c, "ConversationSid")
	if ch == nil {
		return nil, nil, nil
	}
	m := s.messages.get(ch.SID, c.values[key])
	if m == nil {
		return nil, nil, nil
	}
	return svc, ch, m
}

func (s *Server) fetchConversationMessage(c *call) response {
	svc, ch, m := s.messageAt(c, "Sid")
	if m == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.messageView(c, svc, ch, m))
}

// updateConversationMessage edits a message through Chat's Update Message.
func (s *Server) updateConversationMessage(c *call) response {
	svc, ch, m := s.messageAt(c, "Sid")
	if m == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	chat, subject := readConversationMessage(f)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if resp := s.serveAction("UpdateMessage", map[string]string{"ServiceSid": svc.SID, "ChannelSid": ch.SID, "Sid": m.SID}, chat, c.act); resp.status != http.StatusOK {
		return resp
	}
	if subject != nil {
		m.subject = subject
	}
	return answer(http.StatusOK, s.messageView(c, svc, ch, m))
}

func (s *Server) deleteConversationMessage(c *call) response {
	svc, ch, m := s.messageAt(c, "Sid")
	if m == nil {
		return notFound(c.path)
	}
	return s.serveAction("DeleteMessage", map[string]string{"ServiceSid": svc.SID, "ChannelSid": ch.SID, "Sid": m.SID}, nil, c.act)
}

// listConversationMessages lists the conversation's messages in Order: asc
// (oldest first, the default) or desc.
func (s *Server) listConversationMessages(c *call) response {
	svc, ch := s.conversationAt(c, "ConversationSid")
	if ch == nil {
		return notFound(c.path)
	}
	if refusal, bad := enumFilter(c.query, convspec.KeyOrder, convspec.MessageOrders); bad {
		return refusal
	}
	messages := s.messages.list(ch.SID)
	if c.query.Get(convspec.KeyOrder) == convspec.MessageOrderDesc {
		slices.Reverse(messages)
	}
	out := viewsOf(messages, func(m *message) conversationMessage { return s.messageView(c, svc, ch, m) })
	return pageOf(c, s.messageBase(c, svc, ch), out)
}

// receiptView is r as Conversations answers it on c's path.
func (s *Server) receiptView(c *call, svc *service, ch *channel, r receipt) receipt {
	r.ChatServiceSID = serviceIn(c, svc)
	r.URL = s.messageBase(c, svc, ch) + "/" + r.MessageSID + "/Receipts/" + r.SID
	return r
}

func (s *Server) fetchReceipt(c *call) response {
	svc, ch, m := s.messageAt(c, "MessageSid")
	if m == nil {
		return notFound(c.path)
	}
	r := s.receipts.get(m.SID, c.values["Sid"])
	if r == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.receiptView(c, svc, ch, *r))
}

func (s *Server) listReceipts(c *call) response {
	svc, ch, m := s.messageAt(c, "MessageSid")
	if m == nil {
		return notFound(c.path)
	}
	receipts := viewsOf(s.receipts.list(m.SID), func(r *receipt) receipt { return s.receiptView(c, svc, ch, *r) })
	return pageOf(c, s.messageBase(c, svc, ch)+"/"+m.SID+"/Receipts", receipts)
}
