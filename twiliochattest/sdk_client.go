package twiliochattest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// SDKClient acts in a Chat Service as a user connected with one of
// Twilio's Chat client SDKs (JavaScript, iOS, Android) would: sending,
// editing and removing messages, joining and leaving channels, creating,
// changing and destroying channels, and changing its own user. These are
// the actions that go through the Service's pre-event webhook. Each one
// first calls the PreWebhookUrl when the Service's WebhookFilters name its
// pre-event (onMessageSend, onMediaMessageSend, onMessageUpdate,
// onMessageRemove, onMemberAdd, onMemberRemove, onChannelAdd,
// onChannelUpdate, onChannelDestroy, onUserUpdate), with Source "SDK" and
// ClientIdentity, and waits for the answer (see WithWebhookTimeout) as
// Twilio does:
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
// channel's webhooks, whose filters name it, as is Conversations' one
// (onMessageAdded, …) for its levels (see the package doc);
// WaitDeliveries waits for them.
//
// Before any of that, the action must be allowed by the user's roles, as
// Twilio's client SDKs are: the permissions of the user's service role and,
// in a channel it is a member of, of its member's channel role. An action
// they do not allow returns a *PermissionError, sends no webhook and
// stores nothing. The REST API is not limited by roles. A user must be a
// member of a channel to send, edit or remove messages in it. Create an
// SDKClient with Server.ConnectAs. It is safe for concurrent use.
type SDKClient struct {
	srv        *Server
	serviceSID string
	identity   string
	// viaConv is set for the SDKClient of a ConversationsSDKClient, whose
	// actions send Conversations' pre-events.
	viaConv bool
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
	// MediaSID is the media of a media message ("ME…"), "" for a text one.
	MediaSID string
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
		resp := s.seed("CreateUser", map[string]string{"ServiceSid": serviceSID}, url.Values{spec.KeyIdentity: {identity}})
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
	// upload, when set, is the media of the message the action sends, as
	// prepare fills it in.
	upload *messageMedia
	// after, when set, finishes an action the operation stored, under the
	// same lock. The caller holds s.mu.
	after func(s *Server)
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
	act := &action{source: sourceSDK, identity: c.identity, viaConv: c.viaConv}
	s.mu.Lock()
	ev, values, err := a.prepare(s)
	if err == nil && c.viaConv {
		ev = s.convPreEvent(ev)
	}
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	act.upload = a.upload
	rw, err := s.pre(ctx, act, ev)
	if err != nil {
		return nil, err
	}
	form := a.form(rw)
	if rw.friendlyName != nil {
		form = cloneValues(form)
		form.Set(spec.KeyFriendlyName, *rw.friendlyName)
	}
	s.mu.Lock()
	resp := s.serveAction(a.op, values, form, act)
	_, failed := resp.failed()
	if !failed && a.after != nil {
		a.after(s)
	}
	if !failed && c.viaConv && a.op == "CreateChannel" {
		ch := resp.body.(channel)
		s.applyConversation(s.channels.get(ch.ServiceSID, ch.SID), s.withDefaults(conversationChanges{}))
	}
	s.finish(act)
	s.unlockAndDeliver(act.jobs)
	if msg, failed := resp.failed(); failed {
		return nil, fmt.Errorf("twiliochattest: %s", msg)
	}
	return resp.body, nil
}

// PermissionError is the error an SDKClient's action returns when the
// user's roles do not allow it (see SDKClient). Twilio answers a client
// SDK's action its roles do not allow with an error, "usually a 403
// Permission Denied" (https://www.twilio.com/docs/chat/permissions,
// "Roles and Role Scopes"). Nothing of the action is stored and no webhook
// is sent.
type PermissionError struct {
	// Identity is the user who tried the action.
	Identity string
	// Permission is the permission the action needs, such as
	// "sendMessage"; when several would do, the one of the user's own
	// resource (editOwnMessage rather than editAnyMessage).
	Permission string
	// ChannelSID is the channel the action was tried in, "" for one on the
	// service (createChannel, editOwnUserInfo).
	ChannelSID string
}

// Error names the user, the permission and the channel.
func (e *PermissionError) Error() string {
	where := ""
	if e.ChannelSID != "" {
		where = " in channel " + e.ChannelSID
	}
	return fmt.Sprintf("twiliochattest: permission denied: %s lacks the %s permission%s", e.Identity, e.Permission, where)
}

// permitted returns a *PermissionError unless one of perms is granted to c
// by its user's service role or, when mem is not nil, by its member's
// channel role in the channel channelSID: service roles "are assigned to
// Users", channel roles "to Members within a Channel", and "Permissions are
// enforced at runtime based on the action being performed and whether the
// User/Member's Role has the required Permissions"
// (https://www.twilio.com/docs/chat/permissions, "Roles and Role Scopes").
// The caller holds s.mu.
func (c *SDKClient) permitted(s *Server, mem *member, channelSID string, perms ...string) error {
	var granted []string
	if u := s.users.get(c.serviceSID, c.identity); u != nil && u.Identity == c.identity {
		if r := s.roles.get(c.serviceSID, u.RoleSID); r != nil {
			granted = append(granted, r.Permissions...)
		}
	}
	if mem != nil {
		if r := s.roles.get(c.serviceSID, mem.RoleSID); r != nil {
			granted = append(granted, r.Permissions...)
		}
	}
	for _, p := range perms {
		if slices.Contains(granted, p) {
			return nil
		}
	}
	return &PermissionError{Identity: c.identity, Permission: perms[0], ChannelSID: channelSID}
}

// ownOrAny returns the permissions that let the user identity act on m:
// own and anyPerm for its own message (a permission on any message covers
// one's own too), anyPerm alone for another's.
func ownOrAny(m *message, identity, own, anyPerm string) []string {
	if m.From == identity {
		return []string{own, anyPerm}
	}
	return []string{anyPerm}
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
// which c must be a member, once c's roles grant one of the permissions
// perms returns for it. The caller holds s.mu.
func (c *SDKClient) messageIn(s *Server, channelName, messageSID string, perms func(*message) []string) (*message, error) {
	ch, mem, err := c.member(s, channelName)
	if err != nil {
		return nil, err
	}
	m := s.messages.get(ch.SID, messageSID)
	if m == nil {
		return nil, fmt.Errorf("twiliochattest: message %s not found in channel %s", messageSID, ch.SID)
	}
	if err := c.permitted(s, mem, ch.SID, perms(m)...); err != nil {
		return nil, err
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
	out := SDKMessage{SID: m.SID, ChannelSID: m.ChannelSID, Index: m.Index, Body: m.Body, Attributes: m.Attributes, From: m.From}
	if m.Media != nil {
		out.MediaSID = m.Media.SID
	}
	return out
}

// SendMessage sends a message with body to the channel channel (its SID or
// unique name), with attributes as its attributes unless attributes is ""
// (JSON text otherwise), and returns it as stored: as the onMessageSend
// webhook changed it, if it did. The user must be a member of the channel
// whose roles grant sendMessage. It returns a *RejectedError when the
// webhook rejects the message, which is then not stored.
func (c *SDKClient) SendMessage(ctx context.Context, channel, body, attributes string) (SDKMessage, error) {
	return c.send(ctx, channel, body, attributes, nil)
}

// SDKMedia is the file of a media message an SDKClient sends.
type SDKMedia struct {
	// Filename is the file's name, such as "cat.png".
	Filename string
	// ContentType is its MIME type, such as "image/png".
	ContentType string
	// Size is its size in bytes.
	Size int64
}

// SendMediaMessage sends a media message with the file media to the
// channel channel (its SID or unique name), with attributes as its
// attributes unless attributes is "", as the SDKs' sendMessage with a media
// file does: the file is stored under a new Media SID ("ME…"), and the
// onMediaMessageSend and onMediaMessageSent webhooks carry MediaSid,
// MediaFilename, MediaContentType and MediaSize. The user must be a member
// of the channel whose roles grant sendMediaMessage (the fake's default
// channel user role does not; see the package doc). It returns the message
// as stored, or a *RejectedError when the webhook rejects it.
func (c *SDKClient) SendMediaMessage(ctx context.Context, channel string, media SDKMedia, attributes string) (SDKMessage, error) {
	if media.Size < 0 {
		return SDKMessage{}, errors.New("twiliochattest: SendMediaMessage: negative media size")
	}
	return c.send(ctx, channel, "", attributes, &media)
}

// send sends a text message, or a media message when media is not nil.
func (c *SDKClient) send(ctx context.Context, channel, body, attributes string, media *SDKMedia) (SDKMessage, error) {
	if attributes != "" {
		if err := checkAttributes(attributes); err != nil {
			return SDKMessage{}, err
		}
	}
	typ, perm := webhook.EventMessageSend, "sendMessage"
	var upload *messageMedia
	if media != nil {
		typ, perm = webhook.EventMediaMessageSend, "sendMediaMessage"
		upload = &messageMedia{Filename: media.Filename, ContentType: media.ContentType, Size: media.Size}
	}
	answer, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			ch, mem, err := c.member(s, channel)
			if err == nil {
				err = c.permitted(s, mem, ch.SID, perm)
			}
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
			// A media message's events carry MediaSid, MediaFilename,
			// MediaContentType and MediaSize, the names webhook.Media
			// decodes (Twilio's tables on
			// https://www.twilio.com/docs/chat/webhook-events could not be
			// read in the stored copy).
			if upload != nil {
				upload.SID = s.ids.next(spec.MediaSIDPrefix)
				p.Set("MediaSid", upload.SID)
				p.Set("MediaFilename", upload.Filename)
				p.Set("MediaContentType", upload.ContentType)
				p.Set("MediaSize", strconv.FormatInt(upload.Size, 10))
			}
			ev := event{typ: typ, serviceSID: c.serviceSID, channelSID: ch.SID, params: p}
			return ev, map[string]string{"ServiceSid": c.serviceSID, "ChannelSid": ch.SID}, nil
		},
		op: "CreateMessage",
		form: func(rw rewrite) url.Values {
			f := url.Values{spec.KeyFrom: {orDefault(rw.author, c.identity)}}
			if b := orDefault(rw.body, body); b != "" || upload == nil {
				f.Set(spec.KeyBody, b)
			}
			if a := orDefault(rw.attributes, attributes); a != "" {
				f.Set(spec.KeyAttributes, a)
			}
			if upload != nil {
				f.Set(spec.KeyMediaSID, upload.SID)
			}
			return f
		},
		upload: upload,
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
// Changing a message's body takes editOwnMessage (one's own) or
// editAnyMessage, and its attributes editOwnMessageAttributes or
// editAnyMessageAttributes (https://www.twilio.com/docs/chat/permissions,
// "Default Roles and Permissions"). The fake's default channel user role,
// from the spec's example, has editOwnMessage only, so the fake also lets
// editOwnMessage change one's own message's attributes.
func (c *SDKClient) updateMessage(ctx context.Context, channel, messageSID string, body, attributes *string) (SDKMessage, error) {
	perms := func(m *message) []string {
		switch {
		case body != nil:
			return ownOrAny(m, c.identity, "editOwnMessage", "editAnyMessage")
		case m.From == c.identity:
			return []string{"editOwnMessageAttributes", "editAnyMessageAttributes", "editOwnMessage"}
		}
		return []string{"editAnyMessageAttributes"}
	}
	answer, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			m, err := c.messageIn(s, channel, messageSID, perms)
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
			f := url.Values{spec.KeyLastUpdatedBy: {c.identity}}
			for key, v := range map[string]*string{
				spec.KeyBody:       firstSet(rw.body, body),
				spec.KeyAttributes: firstSet(rw.attributes, attributes),
				spec.KeyFrom:       rw.author,
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
			m, err := c.messageIn(s, channel, messageSID, func(m *message) []string {
				return ownOrAny(m, c.identity, "deleteOwnMessage", "deleteAnyMessage")
			})
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
// unique name), as the SDKs' join does, and returns the member's SID. The
// user's roles must grant joinChannel. A user invited to the channel joins
// with the invite's role, and its invites to the channel are gone: the
// invite became the membership; one who is not joins with the service's
// default channel role. It returns a *RejectedError when the onMemberAdd
// webhook rejects it, and the user then does not join (its invites stay).
func (c *SDKClient) JoinChannel(ctx context.Context, channel string) (string, error) {
	var chSID, invitedRole string
	answer, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			ch, mem, err := c.membership(s, channel)
			if err == nil && mem != nil {
				err = fmt.Errorf("twiliochattest: %s is already a member of channel %s", c.identity, ch.SID)
			}
			if err == nil {
				err = c.permitted(s, nil, ch.SID, "joinChannel")
			}
			if err != nil {
				return event{}, nil, err
			}
			chSID = ch.SID
			p := url.Values{"ChannelSid": {ch.SID}, "Identity": {c.identity}}
			if svc := s.services.get("", c.serviceSID); svc != nil {
				set(p, "RoleSid", svc.DefaultChannelRoleSID)
			}
			if inv := c.invites(s, ch.SID); len(inv) > 0 {
				invitedRole = inv[0].RoleSID
				p.Set("RoleSid", invitedRole)
			}
			ev := event{typ: webhook.EventMemberAdd, serviceSID: c.serviceSID, channelSID: ch.SID, params: p}
			return ev, map[string]string{"ServiceSid": c.serviceSID, "ChannelSid": ch.SID}, nil
		},
		op: "CreateMember",
		form: func(rewrite) url.Values {
			f := url.Values{spec.KeyIdentity: {c.identity}}
			if invitedRole != "" {
				f.Set(spec.KeyRoleSID, invitedRole)
			}
			return f
		},
		// An Invite "represents an invitation for a User (within the Service
		// instance) to join a Channel and become a Member"
		// (https://www.twilio.com/docs/chat/rest/invite-resource): once the
		// user has joined, it is spent. No page found says which events
		// an accepted invite sends; the fake sends those of a join
		// (onMemberAdd, onMemberAdded with Reason JOINED).
		after: func(s *Server) {
			for _, inv := range c.invites(s, chSID) {
				s.invites.remove(chSID, inv.SID)
			}
		},
	})
	if err != nil {
		return "", err
	}
	return answer.(member).SID, nil
}

// invites returns c's user's invites to the channel channelSID, oldest
// first. The caller holds s.mu.
func (c *SDKClient) invites(s *Server, channelSID string) []invite {
	var out []invite
	for _, inv := range s.invites.list(channelSID) {
		if inv.Identity == c.identity {
			out = append(out, inv)
		}
	}
	return out
}

// LeaveChannel ends the user's membership of the channel channel (its SID
// or unique name), as the SDKs' leave does. The member's roles must grant
// leaveChannel. It returns a *RejectedError when the onMemberRemove webhook
// rejects it, and the user then stays.
func (c *SDKClient) LeaveChannel(ctx context.Context, channel string) error {
	_, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			ch, mem, err := c.member(s, channel)
			if err == nil {
				err = c.permitted(s, mem, ch.SID, "leaveChannel")
			}
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

// SDKChannelParams are the values of a channel an SDKClient creates or
// changes. A nil field is left as it is (on create: no friendly or unique
// name, attributes "{}").
type SDKChannelParams struct {
	// FriendlyName is the channel's display name.
	FriendlyName *string
	// UniqueName is the channel's unique name in the service.
	UniqueName *string
	// Attributes is the channel's attributes, JSON text.
	Attributes *string
	// Type is "public" (the default) or "private"; CreateChannel only.
	Type string
}

// form is p as the form of a Create or Update Channel, or an error for
// attributes that are not JSON text or a type other than public or private.
func (p SDKChannelParams) form() (url.Values, error) {
	f := url.Values{}
	for key, v := range map[string]*string{spec.KeyFriendlyName: p.FriendlyName, spec.KeyUniqueName: p.UniqueName, spec.KeyAttributes: p.Attributes} {
		if v != nil {
			f.Set(key, *v)
		}
	}
	if p.Attributes != nil {
		if err := checkAttributes(*p.Attributes); err != nil {
			return nil, err
		}
	}
	if p.Type != "" {
		if !slices.Contains(spec.ChannelTypes, p.Type) {
			return nil, fmt.Errorf("twiliochattest: channel type must be public or private, got %q", p.Type)
		}
		f.Set(spec.KeyType, p.Type)
	}
	return f, nil
}

// CreateChannel creates a channel as the SDKs' createChannel does, created
// by the user, and returns its SID; the user does not join it. The user's
// roles must grant createChannel. It returns a *RejectedError when the
// onChannelAdd webhook rejects it, and no channel is created.
func (c *SDKClient) CreateChannel(ctx context.Context, p SDKChannelParams) (string, error) {
	f, err := p.form()
	if err != nil {
		return "", err
	}
	f.Set(spec.KeyCreatedBy, c.identity)
	answer, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			if err := c.permitted(s, nil, "", "createChannel"); err != nil {
				return event{}, nil, err
			}
			params := url.Values{
				"ChannelType": {orDefault(nonEmptyPtr(p.Type), channelTypePublic)},
				"Attributes":  {orDefault(p.Attributes, "{}")},
				"CreatedBy":   {c.identity},
			}
			set(params, "FriendlyName", orDefault(p.FriendlyName, ""))
			set(params, "UniqueName", orDefault(p.UniqueName, ""))
			ev := event{typ: webhook.EventChannelAdd, serviceSID: c.serviceSID, params: params}
			return ev, map[string]string{"ServiceSid": c.serviceSID}, nil
		},
		op:   "CreateChannel",
		form: func(rewrite) url.Values { return f },
	})
	if err != nil {
		return "", err
	}
	return answer.(channel).SID, nil
}

// UpdateChannel changes the channel channel (its SID or unique name) as the
// SDKs' updateFriendlyName, updateUniqueName and updateAttributes do. The
// user's roles (its service role, or its member's in the channel) must
// grant editChannelName to change a name and editChannelAttributes to
// change the attributes. It returns a *RejectedError when the
// onChannelUpdate webhook rejects the change, which is then not stored.
func (c *SDKClient) UpdateChannel(ctx context.Context, channel string, p SDKChannelParams) error {
	if p.Type != "" {
		return errors.New("twiliochattest: UpdateChannel: a channel's type cannot change")
	}
	f, err := p.form()
	if err != nil {
		return err
	}
	_, err = c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			ch, mem, err := c.membership(s, channel)
			if err == nil && (p.FriendlyName != nil || p.UniqueName != nil) {
				err = c.permitted(s, mem, ch.SID, "editChannelName")
			}
			if err == nil && p.Attributes != nil {
				err = c.permitted(s, mem, ch.SID, "editChannelAttributes")
			}
			if err != nil {
				return event{}, nil, err
			}
			next := *ch
			next.FriendlyName = firstSet(p.FriendlyName, next.FriendlyName)
			next.UniqueName = firstSet(p.UniqueName, next.UniqueName)
			next.Attributes = orDefault(p.Attributes, next.Attributes)
			next.DateUpdated = s.timestamp()
			ev := channelEvent(webhook.EventChannelUpdate, next)
			return ev, map[string]string{"ServiceSid": c.serviceSID, "Sid": ch.SID}, nil
		},
		op:   "UpdateChannel",
		form: func(rewrite) url.Values { return f },
	})
	return err
}

// DestroyChannel deletes the channel channel (its SID or unique name) and
// everything in it, as the SDKs' delete does. The user's roles (its
// service role, or its member's in the channel) must grant destroyChannel.
// It returns a *RejectedError when the onChannelDestroy webhook rejects it,
// and the channel then stays.
func (c *SDKClient) DestroyChannel(ctx context.Context, channel string) error {
	_, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			ch, mem, err := c.membership(s, channel)
			if err == nil {
				err = c.permitted(s, mem, ch.SID, "destroyChannel")
			}
			if err != nil {
				return event{}, nil, err
			}
			ev := channelEvent(webhook.EventChannelDestroy, *ch)
			return ev, map[string]string{"ServiceSid": c.serviceSID, "Sid": ch.SID}, nil
		},
		op:   "DeleteChannel",
		form: func(rewrite) url.Values { return url.Values{} },
	})
	return err
}

// SDKUserParams are the values of its own user an SDKClient changes; a nil
// field is left as it is.
type SDKUserParams struct {
	// FriendlyName is the user's display name.
	FriendlyName *string
	// Attributes is the user's attributes, JSON text.
	Attributes *string
}

// UpdateUser changes the user's own friendly name or attributes, as the
// SDKs' updateFriendlyName and updateAttributes do. The user's service role
// must grant editOwnUserInfo (or editAnyUserInfo). It returns a
// *RejectedError when the onUserUpdate webhook rejects the change, which is
// then not stored.
func (c *SDKClient) UpdateUser(ctx context.Context, p SDKUserParams) error {
	f := url.Values{}
	if p.FriendlyName != nil {
		f.Set(spec.KeyFriendlyName, *p.FriendlyName)
	}
	if p.Attributes != nil {
		if err := checkAttributes(*p.Attributes); err != nil {
			return err
		}
		f.Set(spec.KeyAttributes, *p.Attributes)
	}
	_, err := c.do(ctx, sdkAction{
		prepare: func(s *Server) (event, map[string]string, error) {
			u := s.users.get(c.serviceSID, c.identity)
			if u == nil || u.Identity != c.identity {
				return event{}, nil, fmt.Errorf("twiliochattest: user %s not found in service %s", c.identity, c.serviceSID)
			}
			if err := c.permitted(s, nil, "", "editOwnUserInfo", "editAnyUserInfo"); err != nil {
				return event{}, nil, err
			}
			next := *u
			next.FriendlyName = firstSet(p.FriendlyName, next.FriendlyName)
			next.Attributes = orDefault(p.Attributes, next.Attributes)
			next.DateUpdated = s.timestamp()
			ev := s.userEvent(webhook.EventUserUpdate, &next)
			return ev, map[string]string{"ServiceSid": c.serviceSID, "Sid": u.SID}, nil
		},
		op:   "UpdateUser",
		form: func(rewrite) url.Values { return f },
	})
	return err
}
