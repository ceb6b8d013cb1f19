package twiliochattest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"

	"github.com/e3f0929f/twiliochat/webhook"
)

// SDKClient acts in a Chat Service as a user connected with one of
// Twilio's Chat client SDKs (JavaScript, iOS, Android) would: sending,
// editing and removing messages, joining and leaving channels. These are
// the actions that go through the Service's pre-event webhook. Each one
// first calls the PreWebhookUrl when the Service's WebhookFilters name its
// pre-event (onMessageSend, onMessageUpdate, onMessageRemove, onMemberAdd,
// onMemberRemove), with Source "SDK" and ClientIdentity, and waits for the
// answer (see WithWebhookTimeout) as Twilio does:
//
//   - an answer outside 2xx, or none after PreWebhookRetryCount retries of
//     a timeout or a 429, 503 or 504, rejects the action: the method
//     returns a *RejectedError and nothing is stored;
//   - a 2xx answer to onMessageSend or onMessageUpdate whose body is a JSON
//     object such as {"body": "…", "attributes": "{…}", "author": "…"}
//     (what webhook.Modify answers) changes the message before it is
//     stored; each key is optional;
//   - any other 2xx answer lets the action go ahead unchanged.
//
// Then the action is stored as the REST API stores it, and its post-event
// (onMessageSent, onMemberAdded, …) is queued for the PostWebhookUrl and the
// channel's webhooks, whose filters name it; WaitDeliveries waits for it.
//
// Permissions of roles are not checked, except that a user must be a
// member of a channel to send, edit or remove messages in it. Create an
// SDKClient with Server.ConnectAs. It is safe for concurrent use.
type SDKClient struct {
	srv        *Server
	serviceSID string
	identity   string
}

// SDKMessage is a message as an SDKClient's action stored it.
type SDKMessage struct {
	// SID identifies the message ("IM…").
	SID string
	// ChannelSID is the channel the message is in.
	ChannelSID string
	// Index is the message's index in the channel.
	Index int
	// Body is the text of the message, as the pre-event webhook left it.
	Body string
	// Attributes is the message's attributes, JSON text ("{}" when none).
	Attributes string
	// From is the author's identity.
	From string
}

// ConnectAs returns an SDKClient acting as the user identity in the service
// serviceSID. Like a Chat SDK connecting with an access token for identity,
// it creates the user when the service has none with that identity (with
// no webhook). It returns an error when the service does not exist or
// identity is empty or refused as a user's identity.
func (s *Server) ConnectAs(serviceSID, identity string) (*SDKClient, error) {
	if identity == "" {
		return nil, errors.New("twiliochattest: ConnectAs: empty identity")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.services.get("", serviceSID) == nil {
		return nil, fmt.Errorf("twiliochattest: ConnectAs: service %s not found", serviceSID)
	}
	if u := s.users.get(serviceSID, identity); u == nil || u.Identity != identity {
		resp := s.seed("CreateUser", map[string]string{"ServiceSid": serviceSID}, url.Values{"Identity": {identity}})
		if msg, failed := resp.failed(); failed {
			return nil, fmt.Errorf("twiliochattest: ConnectAs: %s", msg)
		}
	}
	return &SDKClient{srv: s, serviceSID: serviceSID, identity: identity}, nil
}

// Identity returns the identity of the user c acts as.
func (c *SDKClient) Identity() string { return c.identity }

// sdkAction is one action of an SDKClient: what to look up and which
// pre-event to send (prepare, under the Server's lock), and the REST
// operation that stores it with the form that form builds from the
// pre-event's rewrite.
type sdkAction struct {
	// prepare returns the pre-event and the path values of the
	// operation, or why the action cannot be done. The caller holds s.mu.
	prepare func(s *Server) (event, map[string]string, error)
	op      string
	form    func(rewrite) url.Values
}

// do runs a: its pre-event, the operation, and the post-events the
// operation emits. It returns the operation's answer.
func (c *SDKClient) do(ctx context.Context, a sdkAction) (any, error) {
	if ctx == nil {
		return nil, errors.New("twiliochattest: nil Context")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s := c.srv
	act := &action{source: sourceSDK, identity: c.identity}
	s.mu.Lock()
	ev, values, err := a.prepare(s)
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	rw, err := s.pre(ctx, act, ev)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	resp := s.serveAction(a.op, values, a.form(rw), act)
	s.mu.Unlock()
	s.hooks.enqueue(act.jobs)
	if msg, failed := resp.failed(); failed {
		return nil, fmt.Errorf("twiliochattest: %s", msg)
	}
	return resp.body, nil
}

// membership returns the channel channel (its SID or unique name) of c's
// service and c's member in it, nil when c is not a member, or an error
// when there is no such channel. The caller holds s.mu.
func (c *SDKClient) membership(s *Server, channelName string) (*channel, *member, error) {
	ch := s.channels.get(c.serviceSID, channelName)
	if ch == nil {
		return nil, nil, fmt.Errorf("twiliochattest: channel %s not found in service %s", channelName, c.serviceSID)
	}
	m := s.members.get(ch.SID, c.identity)
	if m != nil && m.Identity != c.identity { // a member SID is not an identity
		m = nil
	}
	return ch, m, nil
}

// member is membership for an action that needs c to be a member of the
// channel: it returns an error when c is not. The caller holds s.mu.
func (c *SDKClient) member(s *Server, channelName string) (*channel, *member, error) {
	ch, m, err := c.membership(s, channelName)
	if err == nil && m == nil {
		err = fmt.Errorf("twiliochattest: %s is not a member of channel %s", c.identity, ch.SID)
	}
	return ch, m, err
}

// messageIn returns the message messageSID of the channel channelName, of
// which c must be a member. The caller holds s.mu.
func (c *SDKClient) messageIn(s *Server, channelName, messageSID string) (*message, error) {
	ch, _, err := c.member(s, channelName)
	if err != nil {
		return nil, err
	}
	m := s.messages.get(ch.SID, messageSID)
	if m == nil {
		return nil, fmt.Errorf("twiliochattest: message %s not found in channel %s", messageSID, ch.SID)
	}
	return m, nil
}

// checkAttributes returns an error when attributes is not JSON text.
func checkAttributes(attributes string) error {
	if !json.Valid([]byte(attributes)) {
		return errors.New("twiliochattest: attributes must be JSON text")
	}
	return nil
}

// sdkMessage is the answer of a Create or Update Message as an SDKMessage.
func sdkMessage(answer any) SDKMessage {
	m := answer.(message)
	return SDKMessage{SID: m.SID, ChannelSID: m.ChannelSID, Index: m.Index, Body: m.Body, Attributes: m.Attributes, From: m.From}
}

// SendMessage sends a message with body to the channel channel (its SID or
// unique name), with attributes as its attributes unless attributes is ""
// (JSON text otherwise), and returns it as stored: as the onMessageSend
// webhook changed it, if it did. The user must be a member of the channel.
// It returns a *RejectedError when the webhook rejects the message, which
// is then not stored.
func (c *SDKClient) SendMessage(ctx context.Context, channel, body, attributes string) (SDKMessage, error) {
	if attributes != "" {
		if err := checkAttributes(attributes); err != nil {
			return SDKMessage{}, err
		}
	}
	answer, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			ch, _, err := c.member(s, channel)
			if err != nil {
				return event{}, nil, err
			}
			p := url.Values{
				"ChannelSid":  {ch.SID},
				"Body":        {body},
				"Attributes":  {orDefault(nonEmptyPtr(attributes), "{}")},
				"From":        {c.identity},
				"DateCreated": {s.timestamp()},
			}
			ev := event{typ: webhook.EventMessageSend, serviceSID: c.serviceSID, channelSID: ch.SID, params: p}
			return ev, map[string]string{"ServiceSid": c.serviceSID, "ChannelSid": ch.SID}, nil
		},
		op: "CreateMessage",
		form: func(rw rewrite) url.Values {
			f := url.Values{"Body": {orDefault(rw.body, body)}, "From": {orDefault(rw.author, c.identity)}}
			if a := orDefault(rw.attributes, attributes); a != "" {
				f.Set("Attributes", a)
			}
			return f
		},
	})
	if err != nil {
		return SDKMessage{}, err
	}
	return sdkMessage(answer), nil
}

// nonEmptyPtr returns &v, or nil for "".
func nonEmptyPtr(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}

// UpdateMessageBody changes the body of the message messageSID in the
// channel channel (its SID or unique name), as the SDKs' updateBody does,
// and returns the message as stored: as the onMessageUpdate webhook
// changed it, if it did. It returns a *RejectedError when the webhook
// rejects the change, which is then not stored.
func (c *SDKClient) UpdateMessageBody(ctx context.Context, channel, messageSID, body string) (SDKMessage, error) {
	return c.updateMessage(ctx, channel, messageSID, &body, nil)
}

// UpdateMessageAttributes changes the attributes (JSON text) of the message
// messageSID in the channel channel, as the SDKs' updateAttributes does,
// and returns the message as stored. It returns a *RejectedError when the
// onMessageUpdate webhook rejects the change, which is then not stored.
func (c *SDKClient) UpdateMessageAttributes(ctx context.Context, channel, messageSID, attributes string) (SDKMessage, error) {
	if err := checkAttributes(attributes); err != nil {
		return SDKMessage{}, err
	}
	return c.updateMessage(ctx, channel, messageSID, nil, &attributes)
}

// updateMessage changes the body or attributes of a message.
func (c *SDKClient) updateMessage(ctx context.Context, channel, messageSID string, body, attributes *string) (SDKMessage, error) {
	answer, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			m, err := c.messageIn(s, channel, messageSID)
			if err != nil {
				return event{}, nil, err
			}
			next := *m
			next.Body = orDefault(body, next.Body)
			next.Attributes = orDefault(attributes, next.Attributes)
			next.DateUpdated = s.timestamp()
			ev := messageEvent(webhook.EventMessageUpdate, next, c.identity, next.DateUpdated)
			return ev, map[string]string{"ServiceSid": c.serviceSID, "ChannelSid": m.ChannelSID, "Sid": m.SID}, nil
		},
		op: "UpdateMessage",
		form: func(rw rewrite) url.Values {
			f := url.Values{"LastUpdatedBy": {c.identity}}
			for key, v := range map[string]*string{
				"Body":       firstSet(rw.body, body),
				"Attributes": firstSet(rw.attributes, attributes),
				"From":       rw.author,
			} {
				if v != nil {
					f.Set(key, *v)
				}
			}
			return f
		},
	})
	if err != nil {
		return SDKMessage{}, err
	}
	return sdkMessage(answer), nil
}

// firstSet returns the first of vs that is not nil, or nil.
func firstSet(vs ...*string) *string {
	for _, v := range vs {
		if v != nil {
			return v
		}
	}
	return nil
}

// RemoveMessage deletes the message messageSID from the channel channel
// (its SID or unique name), as the SDKs' remove does. It returns a
// *RejectedError when the onMessageRemove webhook rejects it, and the
// message then stays.
func (c *SDKClient) RemoveMessage(ctx context.Context, channel, messageSID string) error {
	_, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			m, err := c.messageIn(s, channel, messageSID)
			if err != nil {
				return event{}, nil, err
			}
			ev := messageEvent(webhook.EventMessageRemove, *m, c.identity, s.timestamp())
			return ev, map[string]string{"ServiceSid": c.serviceSID, "ChannelSid": m.ChannelSID, "Sid": m.SID}, nil
		},
		op:   "DeleteMessage",
		form: func(rewrite) url.Values { return url.Values{} },
	})
	return err
}

// JoinChannel makes the user a member of the channel channel (its SID or
// unique name), with the service's default channel role, as the SDKs' join
// does, and returns the member's SID. It returns a *RejectedError when the
// onMemberAdd webhook rejects it, and the user then does not join.
func (c *SDKClient) JoinChannel(ctx context.Context, channel string) (string, error) {
	answer, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			ch, mem, err := c.membership(s, channel)
			if err == nil && mem != nil {
				err = fmt.Errorf("twiliochattest: %s is already a member of channel %s", c.identity, ch.SID)
			}
			if err != nil {
				return event{}, nil, err
			}
			p := url.Values{"ChannelSid": {ch.SID}, "Identity": {c.identity}}
			if svc := s.services.get("", c.serviceSID); svc != nil {
				set(p, "RoleSid", svc.DefaultChannelRoleSID)
			}
			ev := event{typ: webhook.EventMemberAdd, serviceSID: c.serviceSID, channelSID: ch.SID, params: p}
			return ev, map[string]string{"ServiceSid": c.serviceSID, "ChannelSid": ch.SID}, nil
		},
		op:   "CreateMember",
		form: func(rewrite) url.Values { return url.Values{"Identity": {c.identity}} },
	})
	if err != nil {
		return "", err
	}
	return answer.(member).SID, nil
}

// LeaveChannel ends the user's membership of the channel channel (its SID
// or unique name), as the SDKs' leave does. It returns a *RejectedError
// when the onMemberRemove webhook rejects it, and the user then stays.
func (c *SDKClient) LeaveChannel(ctx context.Context, channel string) error {
	_, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			ch, mem, err := c.member(s, channel)
			if err != nil {
				return event{}, nil, err
			}
			ev := memberEvent(webhook.EventMemberRemove, *mem, c.identity, s.timestamp())
			return ev, map[string]string{"ServiceSid": c.serviceSID, "ChannelSid": ch.SID, "Sid": mem.SID}, nil
		},
		op:   "DeleteMember",
		form: func(rewrite) url.Values { return url.Values{} },
	})
	return err
}
