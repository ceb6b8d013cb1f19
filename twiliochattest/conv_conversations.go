package twiliochattest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// conversationExtra is what only Conversations shows of a channel. Its
// pointers are replaced, never modified in place.
type conversationExtra struct {
	// state is the state last set, "" for active; conversationState works
	// out the state the timers have moved it to.
	state string
	// inactiveAfter and closedAfter are the timers' durations as set
	// (Timers.Inactive, Timers.Closed), 0 for none; dateInactive and
	// dateClosed the times they fire, reset when they are set and, for
	// the inactive one, by a new message.
	inactiveAfter, closedAfter time.Duration
	dateInactive, dateClosed   *time.Time
	bindings                   *conversationBindings
}

// conversationBindings is a conversation's "bindings" object: its default
// email sender (Bindings.Email.Address and Bindings.Email.Name), {} before
// one is set, as in the spec's examples.
type conversationBindings struct {
	Email *emailBinding `json:"email,omitempty"`
}

// emailBinding is bindings.email.
type emailBinding struct {
	Address *string `json:"address"`
	Name    *string `json:"name"`
}

// conversation is the conversations.v1.conversation JSON resource (and
// the service_conversation and conversation_with_participants ones, which
// have the same keys): a channel as Conversations shows it.
type conversation struct {
	AccountSID          string               `json:"account_sid"`
	ChatServiceSID      string               `json:"chat_service_sid"`
	MessagingServiceSID *string              `json:"messaging_service_sid"`
	SID                 string               `json:"sid"`
	FriendlyName        *string              `json:"friendly_name"`
	UniqueName          *string              `json:"unique_name"`
	Attributes          string               `json:"attributes"`
	State               string               `json:"state"`
	DateCreated         string               `json:"date_created"`
	DateUpdated         string               `json:"date_updated"`
	Timers              timers               `json:"timers"`
	URL                 string               `json:"url"`
	Links               conversationLinks    `json:"links"`
	Bindings            conversationBindings `json:"bindings"`
}

// timers is a conversation's "timers" object: when its timers fire, {}
// when none is set.
type timers struct {
	DateInactive *string `json:"date_inactive,omitempty"`
	DateClosed   *string `json:"date_closed,omitempty"`
}

// conversationLinks is a conversation's "links" object.
type conversationLinks struct {
	Participants string `json:"participants"`
	Messages     string `json:"messages"`
	Webhooks     string `json:"webhooks"`
}

// conversationState returns the state of ch now: a closed conversation
// stays closed, and a timer that has fired has moved it on. The state is
// worked out when it is read, so that the fake runs no timer of its own.
func (s *Server) conversationState(ch *channel) string {
	state, _ := timerMoves(ch.conv, s.now())
	return state
}

// stateMove is a conversation's state moved by a timer that fired at at.
type stateMove struct {
	from, to string
	at       time.Time
}

// timerMoves returns the state of a conversation with x at now, and the
// moves its timers that are due made to get there, in order: active to
// inactive, then to closed, as Twilio's timers would have moved it
// (https://www.twilio.com/docs/conversations/states-timers). A closed
// conversation stays closed, and an inactive timer due after the closed
// one moves nothing.
func timerMoves(x conversationExtra, now time.Time) (string, []stateMove) {
	state := orDefault(nonEmptyPtr(x.state), convspec.ConversationStateActive)
	var moves []stateMove
	move := func(to string, at time.Time) {
		moves = append(moves, stateMove{state, to, at})
		state = to
	}
	if d := x.dateInactive; d != nil && !now.Before(*d) && state == convspec.ConversationStateActive &&
		(x.dateClosed == nil || d.Before(*x.dateClosed)) {
		move(convspec.ConversationStateInactive, *d)
	}
	if d := x.dateClosed; d != nil && !now.Before(*d) && state != convspec.ConversationStateClosed {
		move(convspec.ConversationStateClosed, *d)
	}
	return state, moves
}

// settle stores the state of ch now, and drops the timers that have
// fired, before a change to it. Each move a timer made is an
// onConversationStateUpdated with the Reason "TIMER", dated when the timer
// fired; the fake runs no timer, so it sends them only now. The caller
// holds s.mu.
func (s *Server) settle(ch *channel) {
	x := &ch.conv
	now := s.now()
	state, moves := timerMoves(*x, now)
	for _, m := range moves {
		s.ownStateChange(ch, m.from, m.to, m.at, stateReasonTimer)
	}
	if x.dateInactive != nil && !now.Before(*x.dateInactive) {
		x.dateInactive = nil
	}
	if x.dateClosed != nil && !now.Before(*x.dateClosed) {
		x.dateClosed = nil
	}
	x.state = state
}

// ownStateChange queues onConversationStateUpdated for ch, moved from the
// state from to to at the time at for reason (a timer, or a message), as
// a post-event Twilio sends of its own accord (emitOwn). The caller holds
// s.mu.
func (s *Server) ownStateChange(ch *channel, from, to string, at time.Time, reason string) {
	s.emitOwn(convStateEvent(*ch, from, to, formatTime(at), reason))
}

// emitOwn queues the Conversations post-event ev, which Twilio sends of its
// own accord (a timer's or a message's state change, a delivery report),
// whether or not a request asked for webhooks, and with no Source: neither
// a REST call nor an SDK acted. unlockAndDeliver hands it to the deliverer.
// The caller holds s.mu.
func (s *Server) emitOwn(ev event) {
	act := &action{viaConv: true}
	s.emitConvEvent(act, ev)
	s.ownJobs = append(s.ownJobs, act.jobs...)
}

// messageArrived is what a new message, through either API or an SDK,
// does to ch's conversation: a timer that is due fires first (settle), an
// inactive conversation becomes active, with onConversationStateUpdated
// and the Reason "EVENT", and its inactive timer starts again. "The
// Conversation will automatically move from an inactive to active state
// when a new text or media message arrives"
// (https://www.twilio.com/docs/conversations/states-timers); the
// Reason's values are those of Twilio's Conversation State Updated event
// ("Source of the state change (API, TIMER, EVENT)",
// https://www.twilio.com/docs/events/event-types/conversations/conversation-state).
// The caller holds s.mu.
func (s *Server) messageArrived(ch *channel) {
	s.settle(ch)
	x := &ch.conv
	if x.state == convspec.ConversationStateInactive {
		x.state = convspec.ConversationStateActive
		s.ownStateChange(ch, convspec.ConversationStateInactive, x.state, s.now(), stateReasonEvent)
	}
	if x.inactiveAfter > 0 && x.state == convspec.ConversationStateActive {
		x.dateInactive = ptr(s.now().Add(x.inactiveAfter))
	}
}

// unlockAndDeliver releases s.mu, which the caller holds, and then hands
// the deliverer the post-events emitOwn queued under it, then jobs.
func (s *Server) unlockAndDeliver(jobs []*job) {
	own := s.ownJobs
	s.ownJobs = nil
	s.mu.Unlock()
	s.hooks.enqueue(append(own, jobs...))
}

// FireTimers applies every conversation timer that is due by the Server's
// clock (WithClock), as Twilio's timers do when their time comes: the
// conversation becomes inactive or closed, and onConversationStateUpdated
// goes, with the Reason "TIMER", to the Conversations webhooks whose filters
// name it. The fake runs no timer of its own: a conversation read after its
// timer is due already shows the new state, and the webhook is sent when
// FireTimers runs or a request changes the conversation, whichever comes
// first.
func (s *Server) FireTimers() {
	s.mu.Lock()
	for _, svc := range s.services.order[""] {
		for _, sid := range s.channels.order[svc] {
			s.settle(s.channels.bySID(sid))
		}
	}
	s.unlockAndDeliver(nil)
}

// timersView is the "timers" object of ch.
func timersView(ch *channel) timers {
	var t timers
	if d := ch.conv.dateInactive; d != nil {
		t.DateInactive = ptr(formatTime(*d))
	}
	if d := ch.conv.dateClosed; d != nil {
		t.DateClosed = ptr(formatTime(*d))
	}
	return t
}

// conversationView is ch as Conversations answers it on c's path.
func (s *Server) conversationView(c *call, svc *service, ch *channel) conversation {
	u := s.convBase(c, svc) + "/Conversations/" + ch.SID
	return conversation{
		AccountSID:          s.account,
		ChatServiceSID:      ch.ServiceSID,
		MessagingServiceSID: ch.messagingServiceSID,
		SID:                 ch.SID,
		FriendlyName:        ch.FriendlyName,
		UniqueName:          ch.UniqueName,
		Attributes:          ch.Attributes,
		State:               s.conversationState(ch),
		DateCreated:         ch.DateCreated,
		DateUpdated:         ch.DateUpdated,
		Timers:              timersView(ch),
		URL:                 u,
		Links:               conversationLinks{Participants: u + "/Participants", Messages: u + "/Messages", Webhooks: u + "/Webhooks"},
		Bindings:            orDefault(ch.conv.bindings, conversationBindings{}),
	}
}

// conversationChanges are the Conversations-only keys of a Create or
// Update Conversation, and the keys it shares with Chat's Channel, as the
// Chat form that sets them.
type conversationChanges struct {
	chat                    url.Values
	uniqueName              *string
	messagingService, state *string
	inactive, closed        *timerValue
	emailAddress, emailName *string
}

// readConversation reads the keys of a Create or Update Conversation.
func readConversation(f *fields) conversationChanges {
	v := conversationChanges{chat: url.Values{}}
	for _, key := range []string{convspec.KeyFriendlyName, convspec.KeyUniqueName} {
		if t := f.text(key); t != nil {
			v.chat.Set(key, *t)
		}
	}
	if a := f.attributes(); a != nil {
		v.chat.Set(convspec.KeyAttributes, *a)
	}
	for _, key := range []string{convspec.KeyDateCreated, convspec.KeyDateUpdated} {
		if d := f.date(key); d != nil {
			v.chat.Set(key, *d)
		}
	}
	if _, ok := v.chat[convspec.KeyUniqueName]; ok {
		v.uniqueName = ptr(v.chat.Get(convspec.KeyUniqueName))
	}
	v.messagingService = f.sid(convspec.KeyMessagingServiceSID, convspec.MessagingServiceSIDPrefix)
	v.state = f.enum(convspec.KeyState, convspec.ConversationStates)
	if v.state != nil && *v.state == convspec.ConversationStateInitializing {
		// Twilio sets it only while ConversationWithParticipants builds a
		// conversation (https://www.twilio.com/docs/conversations/states-timers).
		f.failf("Invalid parameter State: initializing is set by Twilio only")
	}
	v.inactive = f.timer(convspec.KeyTimersInactive, minInactiveTimer)
	v.closed = f.timer(convspec.KeyTimersClosed, minClosedTimer)
	v.emailAddress = f.text(convspec.KeyBindingsEmailAddress)
	v.emailName = f.text(convspec.KeyBindingsEmailName)
	return v
}

// uniqueConversationName refuses a unique name that looks like a
// Conversation SID (400, code 50390,
// https://www.twilio.com/docs/api/errors/50390) or that another
// conversation of the service has (409, code 50353,
// https://www.twilio.com/docs/api/errors/50353).
func (s *Server) uniqueConversationName(serviceSID, sid string, name *string) (response, bool) {
	if name == nil || *name == "" {
		return response{}, false
	}
	if spec.IsSID(convspec.ConversationSIDPrefix, *name) {
		return twilioError(http.StatusBadRequest, 50390, "Unique name should not match conversation sid pattern"), true
	}
	if s.channels.nameTaken(serviceSID, *name, sid) {
		return conflict(50353, "Conversation with provided unique name already exists"), true
	}
	return response{}, false
}

// applyConversation sets the Conversations-only changes on ch.
func (s *Server) applyConversation(ch *channel, v conversationChanges) {
	now := s.now()
	if v.messagingService != nil {
		ch.messagingServiceSID = v.messagingService
	}
	if v.state != nil {
		ch.conv.state = *v.state
	}
	if v.inactive != nil {
		ch.conv.inactiveAfter, ch.conv.dateInactive = v.inactive.d, nil
		if v.inactive.d > 0 {
			ch.conv.dateInactive = ptr(now.Add(v.inactive.d))
		}
	}
	if v.closed != nil {
		ch.conv.closedAfter, ch.conv.dateClosed = v.closed.d, nil
		if v.closed.d > 0 {
			ch.conv.dateClosed = ptr(now.Add(v.closed.d))
		}
	}
	if v.emailAddress != nil || v.emailName != nil {
		email := emailBinding{}
		if b := ch.conv.bindings; b != nil {
			email = *b.Email
		}
		if v.emailAddress != nil {
			email.Address = nonEmptyPtr(*v.emailAddress)
		}
		if v.emailName != nil {
			email.Name = nonEmptyPtr(*v.emailName)
		}
		ch.conv.bindings = &conversationBindings{Email: &email}
	}
}

// newConversation creates a conversation in svc through Chat's Create
// Channel, with the account's default Messaging Service and timers unless
// v sets others. It returns the refusal of a bad unique name.
func (s *Server) newConversation(c *call, svc *service, v conversationChanges) (*channel, response) {
	if refusal, bad := s.uniqueConversationName(svc.SID, "", v.uniqueName); bad {
		return nil, refusal
	}
	resp := s.serveAction("CreateChannel", map[string]string{"ServiceSid": svc.SID}, v.chat, c.act)
	if _, failed := resp.failed(); failed {
		return nil, resp
	}
	ch := s.channels.get(svc.SID, resp.body.(channel).SID)
	s.applyConversation(ch, s.withDefaults(v))
	return ch, response{}
}

// withDefaults returns v with the account's default Messaging Service and
// timers where v sets none, for a new conversation. The caller holds s.mu.
func (s *Server) withDefaults(v conversationChanges) conversationChanges {
	cfg := s.accountDefaults()
	if v.messagingService == nil {
		v.messagingService = ptr(cfg.defaultMessagingService)
	}
	for _, d := range []struct {
		set  **timerValue
		text *string
	}{{&v.inactive, cfg.inactiveTimer}, {&v.closed, cfg.closedTimer}} {
		if *d.set == nil && d.text != nil {
			n, _ := parseDuration(*d.text) // checked when it was set
			*d.set = &timerValue{text: *d.text, d: n}
		}
	}
	return v
}

func (s *Server) createConversation(c *call) response {
	svc := s.convServiceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	v := readConversation(f)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	ch, refusal := s.newConversation(c, svc, v)
	if ch == nil {
		return refusal
	}
	return answer(http.StatusCreated, s.conversationView(c, svc, ch))
}

// conversationAt returns the Service c acts on and its conversation that
// c's key (Sid or ConversationSid) names, by SID or unique name, or nils.
func (s *Server) conversationAt(c *call, key string) (*service, *channel) {
	svc := s.convServiceOf(c)
	if svc == nil {
		return nil, nil
	}
	ch := s.channels.get(svc.SID, c.values[key])
	if ch == nil {
		return nil, nil
	}
	return svc, ch
}

func (s *Server) fetchConversation(c *call) response {
	svc, ch := s.conversationAt(c, "Sid")
	if ch == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.conversationView(c, svc, ch))
}

// updateConversation changes a conversation, all or nothing. A closed
// conversation cannot be reopened: "closed: The conversation is no longer
// in use and you can't reactivate it"
// (https://www.twilio.com/docs/conversations/states-timers).
func (s *Server) updateConversation(c *call) response {
	svc, ch := s.conversationAt(c, "Sid")
	if ch == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	v := readConversation(f)
	if v.state != nil && *v.state != convspec.ConversationStateClosed && s.conversationState(ch) == convspec.ConversationStateClosed {
		f.failf("Invalid parameter State: a closed conversation cannot be made %s", *v.state)
	}
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if refusal, bad := s.uniqueConversationName(svc.SID, ch.SID, v.uniqueName); bad {
		return refusal
	}
	if resp := s.serveAction("UpdateChannel", map[string]string{"ServiceSid": svc.SID, "Sid": ch.SID}, v.chat, c.act); resp.status != http.StatusOK {
		return resp
	}
	s.settle(ch)
	from := ch.conv.state
	s.applyConversation(ch, v)
	s.emitStateChange(c, ch, from)
	return answer(http.StatusOK, s.conversationView(c, svc, ch))
}

// deleteConversation deletes the channel through Chat's Delete Channel,
// with everything in it.
func (s *Server) deleteConversation(c *call) response {
	svc, ch := s.conversationAt(c, "Sid")
	if ch == nil {
		return notFound(c.path)
	}
	return s.serveAction("DeleteChannel", map[string]string{"ServiceSid": svc.SID, "Sid": ch.SID}, nil, c.act)
}

// listConversations lists the Service's conversations, of one State only
// when State is given; with StartDate or EndDate (a date, or a date-time)
// of those created in that range, newest first, as the spec describes.
func (s *Server) listConversations(c *call) response {
	svc := s.convServiceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	if refusal, bad := enumFilter(c.query, convspec.KeyState, convspec.ConversationStates); bad {
		return refusal
	}
	var bounds [2]*time.Time
	for i, key := range []string{convspec.KeyStartDate, convspec.KeyEndDate} {
		v := c.query.Get(key)
		if v == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			if t, err = time.Parse(time.DateOnly, v); err == nil && i == 1 {
				t = t.Add(24*time.Hour - time.Second)
			}
		}
		if err != nil {
			return invalidf("Invalid parameter %s: must be an ISO 8601 date, got %s", key, strconv.Quote(v))
		}
		bounds[i] = &t
	}
	var out []conversation
	for _, ch := range s.channels.list(svc.SID) {
		created, _ := time.Parse(time.RFC3339, ch.DateCreated)
		if bounds[0] != nil && created.Before(*bounds[0]) || bounds[1] != nil && created.After(*bounds[1]) {
			continue
		}
		out = append(out, s.conversationView(c, svc, &ch))
	}
	out = filterBy(out, c.query, convspec.KeyState, func(cv conversation) string { return cv.State })
	if bounds[0] != nil || bounds[1] != nil {
		slices.Reverse(out)
	}
	return pageOf(c, s.convBase(c, svc)+"/Conversations", out)
}

// maxParticipantsAtOnce is the most Participant keys a
// ConversationWithParticipants takes, from the spec's description.
const maxParticipantsAtOnce = 10

// createConversationWithParticipants creates a conversation and its
// participants in one request, all or nothing: each Participant key is a
// JSON object with a Participant's keys in snake case (identity,
// attributes, role_sid, messaging_binding with address, proxy_address and
// projected_address), as the spec describes it.
func (s *Server) createConversationWithParticipants(c *call) response {
	svc := s.convServiceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	v := readConversation(f)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	raw := c.form[convspec.KeyParticipant]
	if len(raw) > maxParticipantsAtOnce {
		return invalidf("Invalid parameter Participant: at most %d, got %d", maxParticipantsAtOnce, len(raw))
	}
	var inputs []participantInput
	seen := map[string]bool{}
	for i, r := range raw {
		in, why := parseParticipant(r)
		if why == "" {
			why = s.checkParticipant(svc, in)
		}
		if why == "" && in.identity != nil && spec.IsSID(convspec.UserSIDPrefix, *in.identity) {
			// Checked here, not when the participant is added, so that a
			// refused request makes no conversation.
			why = "identity should not match the User SID pattern"
		}
		key := "identity " + orDefault(in.identity, "") + " address " + orDefault(in.address, "")
		if why == "" && seen[key] {
			why = "the participant is given twice"
		}
		if why != "" {
			return invalidf("Invalid parameter Participant (%d): %s", i+1, why)
		}
		seen[key] = true
		inputs = append(inputs, in)
	}
	ch, refusal := s.newConversation(c, svc, v)
	if ch == nil {
		return refusal
	}
	for _, in := range inputs {
		m, _ := s.addParticipant(svc, ch, in) // checked above
		s.emitMember(c, webhook.EventMemberAdded, m)
	}
	return answer(http.StatusCreated, s.conversationView(c, svc, ch))
}

// participantJSON is one Participant key of ConversationWithParticipants.
type participantJSON struct {
	Identity         *string `json:"identity"`
	Attributes       *string `json:"attributes"`
	RoleSID          *string `json:"role_sid"`
	MessagingBinding *struct {
		Address          *string `json:"address"`
		ProxyAddress     *string `json:"proxy_address"`
		ProjectedAddress *string `json:"projected_address"`
	} `json:"messaging_binding"`
}

// parseParticipant reads one Participant key, and says why it is not one.
func parseParticipant(raw string) (participantInput, string) {
	var p participantJSON
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return participantInput{}, "must be a JSON object of a Participant's keys: " + err.Error()
	}
	in := participantInput{identity: p.Identity, attributes: p.Attributes, roleSID: p.RoleSID}
	if b := p.MessagingBinding; b != nil {
		in.address, in.proxyAddress, in.projectedAddress = b.Address, b.ProxyAddress, b.ProjectedAddress
	}
	if in.attributes != nil && !json.Valid([]byte(*in.attributes)) {
		return in, "attributes must be valid JSON"
	}
	if in.roleSID != nil && !spec.IsSID(convspec.RoleSIDPrefix, *in.roleSID) {
		return in, "role_sid must match ^RL[0-9a-fA-F]{32}$"
	}
	return in, ""
}
