package twiliochattest

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// ConversationsSDKClient acts in a Conversation Service as a user connected
// with one of Twilio's Conversations client SDKs would: sending, editing and
// removing messages, joining and leaving conversations, and creating,
// changing and deleting them. It is a separate type from SDKClient because
// the two SDKs send different pre-action webhooks for the same action:
// each action first calls the pre-action URL of the Service, or else of the
// account (see the package doc), when its filters name the Conversations
// pre-event (onMessageAdd, onMessageUpdate, onMessageRemove,
// onParticipantAdd, onParticipantUpdate, onParticipantRemove,
// onConversationAdd, onConversationUpdate, onConversationRemove,
// onUserUpdate), with Source "SDK" and
// ClientIdentity, and waits for the answer as SDKClient does:
//
//   - an answer outside 2xx, or none after the retries, rejects the action:
//     the method returns a *RejectedError and nothing is stored;
//   - a 2xx answer to onMessageAdd or onMessageUpdate whose body is a JSON
//     object such as {"body": "…", "author": "…", "attributes": "{…}"}
//     (what webhook.Modify answers), or to onConversationAdd or
//     onConversationUpdate such as {"friendly_name": "…"} (what
//     webhook.ModifyConversation answers), changes the action before it is
//     stored;
//   - any other 2xx answer lets the action go ahead unchanged.
//
// Conversation-scoped webhooks receive no pre-event: "Only post-event
// webhooks are supported by the Conversation-Scoped Webhooks"
// (https://www.twilio.com/docs/conversations/api/conversation-scoped-webhook-resource).
// Then the action is stored, and its post-events (onMessageAdded,
// onParticipantAdded, …) are queued; WaitDeliveries waits for them. The
// user's roles must allow the action, as for SDKClient. Create one with
// Server.ConnectConversationsAs. It is safe for concurrent use.
type ConversationsSDKClient struct {
	chat *SDKClient
}

// ConnectConversationsAs returns a ConversationsSDKClient acting as the
// user identity in the Conversation Service serviceSID, creating the user
// as ConnectAs does. It returns an error when the service does not exist or
// identity is empty or refused as a user's identity.
func (s *Server) ConnectConversationsAs(serviceSID, identity string) (*ConversationsSDKClient, error) {
	c, err := s.ConnectAs(serviceSID, identity)
	if err != nil {
		return nil, err
	}
	c.viaConv = true
	return &ConversationsSDKClient{chat: c}, nil
}

// Identity returns the identity of the user c acts as.
func (c *ConversationsSDKClient) Identity() string { return c.chat.identity }

// SendMessage adds a message with body to the conversation conversation
// (its SID or unique name), with attributes unless attributes is "" (JSON
// text otherwise), and returns it as stored: as the onMessageAdd webhook
// changed it, if it did. The user must be a participant. It returns a
// *RejectedError when the webhook rejects the message.
func (c *ConversationsSDKClient) SendMessage(ctx context.Context, conversation, body, attributes string) (SDKMessage, error) {
	return c.chat.SendMessage(ctx, conversation, body, attributes)
}

// SendMediaMessage adds a media message with the file media to the
// conversation conversation, as SDKClient.SendMediaMessage does; the
// onMessageAdd and onMessageAdded webhooks carry the file in their Media
// parameter. It returns a *RejectedError when the webhook rejects it.
func (c *ConversationsSDKClient) SendMediaMessage(ctx context.Context, conversation string, media SDKMedia, attributes string) (SDKMessage, error) {
	return c.chat.SendMediaMessage(ctx, conversation, media, attributes)
}

// UpdateMessageBody changes the body of the message messageSID in the
// conversation conversation and returns the message as stored: as the
// onMessageUpdate webhook changed it, if it did. It returns a
// *RejectedError when the webhook rejects the change.
func (c *ConversationsSDKClient) UpdateMessageBody(ctx context.Context, conversation, messageSID, body string) (SDKMessage, error) {
	return c.chat.UpdateMessageBody(ctx, conversation, messageSID, body)
}

// RemoveMessage deletes the message messageSID from the conversation
// conversation. It returns a *RejectedError when the onMessageRemove
// webhook rejects it, and the message then stays.
func (c *ConversationsSDKClient) RemoveMessage(ctx context.Context, conversation, messageSID string) error {
	return c.chat.RemoveMessage(ctx, conversation, messageSID)
}

// Join makes the user a participant of the conversation conversation (its
// SID or unique name) and returns the participant's SID. It returns a
// *RejectedError when the onParticipantAdd webhook rejects it.
func (c *ConversationsSDKClient) Join(ctx context.Context, conversation string) (string, error) {
	return c.chat.JoinChannel(ctx, conversation)
}

// Leave ends the user's participation in the conversation conversation. It
// returns a *RejectedError when the onParticipantRemove webhook rejects it,
// and the user then stays.
func (c *ConversationsSDKClient) Leave(ctx context.Context, conversation string) error {
	return c.chat.LeaveChannel(ctx, conversation)
}

// UpdateParticipantAttributes changes the attributes (JSON text) of the
// user's own participant in the conversation conversation, as the SDKs'
// participant.updateAttributes does. The fake checks only that the user is
// a participant: Chat's roles have no permission for it. It returns a
// *RejectedError when the onParticipantUpdate webhook rejects the change,
// which is then not stored.
func (c *ConversationsSDKClient) UpdateParticipantAttributes(ctx context.Context, conversation, attributes string) error {
	if err := checkAttributes(attributes); err != nil {
		return err
	}
	_, err := c.chat.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			ch, mem, err := c.chat.member(s, conversation)
			if err != nil {
				return event{}, nil, err
			}
			next := *mem
			next.Attributes, next.DateUpdated = attributes, s.timestamp()
			ev := convParticipantEvent(webhook.EventParticipantUpdate, next, next.DateUpdated)
			return ev, map[string]string{"ServiceSid": c.chat.serviceSID, "ChannelSid": ch.SID, "Sid": mem.SID}, nil
		},
		op:   "UpdateMember",
		form: func(rewrite) url.Values { return url.Values{spec.KeyAttributes: {attributes}} },
	})
	return err
}

// UpdateUser changes the user's own friendly name or attributes, as
// SDKClient.UpdateUser does. It returns a *RejectedError when the
// onUserUpdate webhook rejects the change.
func (c *ConversationsSDKClient) UpdateUser(ctx context.Context, p SDKUserParams) error {
	return c.chat.UpdateUser(ctx, p)
}

// SDKConversationParams are the values of a conversation a
// ConversationsSDKClient creates or changes; a nil field is left as it is.
type SDKConversationParams struct {
	// FriendlyName is the conversation's display name.
	FriendlyName *string
	// UniqueName is the conversation's unique name in the service.
	UniqueName *string
	// Attributes is the conversation's attributes, JSON text.
	Attributes *string
}

// CreateConversation creates a conversation, with the account's default
// Messaging Service and timers as the REST API gives one, and returns its
// SID; the user does not join it. Its friendly name is the one the
// onConversationAdd webhook set, if it did. It returns a *RejectedError
// when the webhook rejects it.
func (c *ConversationsSDKClient) CreateConversation(ctx context.Context, p SDKConversationParams) (string, error) {
	return c.chat.CreateChannel(ctx, p.chat())
}

// UpdateConversation changes the conversation conversation (its SID or
// unique name). It returns a *RejectedError when the onConversationUpdate
// webhook rejects the change; a friendly name it answers is the one
// stored.
func (c *ConversationsSDKClient) UpdateConversation(ctx context.Context, conversation string, p SDKConversationParams) error {
	return c.chat.UpdateChannel(ctx, conversation, p.chat())
}

// DeleteConversation deletes the conversation conversation and everything
// in it. It returns a *RejectedError when the onConversationRemove webhook
// rejects it.
func (c *ConversationsSDKClient) DeleteConversation(ctx context.Context, conversation string) error {
	return c.chat.DestroyChannel(ctx, conversation)
}

// chat is p as SDKChannelParams of a public channel.
func (p SDKConversationParams) chat() SDKChannelParams {
	return SDKChannelParams{FriendlyName: p.FriendlyName, UniqueName: p.UniqueName, Attributes: p.Attributes}
}

// convPreEvent returns the Conversations pre-event of the Chat pre-event
// ev an SDKClient's action built, for a ConversationsSDKClient. The caller
// holds s.mu.
func (s *Server) convPreEvent(ev event) event {
	p := ev.params
	chSID := ev.channelSID
	if ev.conv {
		return ev
	}
	switch ev.typ {
	case webhook.EventUserUpdate:
		return asConvUserEvent(ev)
	case webhook.EventMessageSend, webhook.EventMediaMessageSend:
		m := message{ServiceSID: ev.serviceSID, ChannelSID: chSID, Body: p.Get("Body"), Attributes: p.Get("Attributes"), From: p.Get("From")}
		if sid := p.Get("MediaSid"); sid != "" {
			size, _ := strconv.ParseInt(p.Get("MediaSize"), 10, 64)
			m.Media = &messageMedia{SID: sid, Filename: p.Get("MediaFilename"), ContentType: p.Get("MediaContentType"), Size: size}
		}
		return s.convMessageEvent(webhook.EventMessageAdd, m, "")
	case webhook.EventMessageUpdate, webhook.EventMessageRemove:
		m := *s.messages.get(chSID, p.Get("MessageSid")) // prepare found it
		m.Body, m.Attributes, m.DateUpdated = p.Get("Body"), p.Get("Attributes"), p.Get("DateUpdated")
		return s.convMessageEvent(ev.typ, m, "")
	case webhook.EventMemberAdd:
		m := member{ServiceSID: ev.serviceSID, ChannelSID: chSID, Identity: p.Get("Identity"), RoleSID: p.Get("RoleSid"), Attributes: "{}"}
		return convParticipantEvent(webhook.EventParticipantAdd, m, "")
	case webhook.EventMemberRemove:
		m := *s.members.get(chSID, p.Get("Identity")) // prepare found it
		return convParticipantEvent(webhook.EventParticipantRemove, m, "")
	case webhook.EventChannelAdd, webhook.EventChannelUpdate, webhook.EventChannelDestroy:
		ch := channel{ServiceSID: ev.serviceSID}
		if found := s.channels.get(ev.serviceSID, chSID); found != nil {
			ch = *found
		} else {
			ch.messagingServiceSID = ptr(s.accountDefaults().defaultMessagingService)
		}
		ch.FriendlyName, ch.UniqueName = nonEmptyPtr(p.Get("FriendlyName")), nonEmptyPtr(p.Get("UniqueName"))
		ch.Attributes = p.Get("Attributes")
		set := map[string]string{webhook.EventChannelAdd: webhook.EventConversationAdd,
			webhook.EventChannelUpdate: webhook.EventConversationUpdate, webhook.EventChannelDestroy: webhook.EventConversationRemove}
		return s.convConversationEvent(set[ev.typ], ch, "")
	}
	panic(fmt.Sprintf("twiliochattest: no Conversations pre-event for %s", ev.typ)) // a bug in this package
}
