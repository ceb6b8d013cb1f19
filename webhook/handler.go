package webhook

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
)

// Decision is a pre-event function's answer to Twilio: allow the action,
// reject it, or (for onMessageSend and onMessageUpdate) allow it with changes
// to the message. The zero Decision allows.
type Decision struct {
	reject  bool
	changes *MessageChanges
	// conversation holds the changes of ModifyConversation.
	conversation *ConversationChanges
}

// MessageChanges lists the message fields to change before Twilio commits an
// onMessageSend or onMessageUpdate action. Nil fields are left as they are.
type MessageChanges struct {
	// Body replaces the message text.
	Body *string `json:"body,omitempty"`
	// Attributes replaces the message attributes; it must be valid JSON.
	Attributes json.RawMessage `json:"-"`
	// Author replaces the message author's identity.
	Author *string `json:"author,omitempty"`
}

// Allow returns the Decision that lets the action go ahead unchanged (200 OK
// with an empty body).
func Allow() Decision { return Decision{} }

// Reject returns the Decision that stops the action. The Handler answers
// 403 Forbidden; Twilio rejects the action on any answer outside 2xx.
func Reject() Decision { return Decision{reject: true} }

// Modify returns the Decision that lets the message go ahead with changes.
// The Handler answers 200 OK with a JSON body such as
// {"body":"…","attributes":"{…}","author":"…"}, the attributes sent as a
// JSON string the way Twilio stores them. Twilio applies changes only for
// onMessageSend and onMessageUpdate (and Conversations' onMessageAdd and
// onMessageUpdate); for other events Modify acts as Allow.
func Modify(changes MessageChanges) Decision { return Decision{changes: &changes} }

// Rejected reports whether d rejects the action.
func (d Decision) Rejected() bool { return d.reject }

// Changes returns the message changes d carries, or nil.
func (d Decision) Changes() *MessageChanges { return d.changes }

// MarshalJSON encodes the changes with Attributes as a JSON string, the form
// Twilio expects. Invalid Attributes JSON is an error.
func (c MessageChanges) MarshalJSON() ([]byte, error) {
	type plain MessageChanges
	out := struct {
		plain
		Attributes *string `json:"attributes,omitempty"`
	}{plain: plain(c)}
	if c.Attributes != nil {
		if !json.Valid(c.Attributes) {
			return nil, errors.New("webhook: MessageChanges.Attributes is not valid JSON")
		}
		s := string(c.Attributes)
		out.Attributes = &s
	}
	return json.Marshal(out)
}

// hookFunc is a function registered for an event type. A post-event
// function is stored adapted by post, answering with the zero Decision.
type hookFunc func(context.Context, Payload) (Decision, error)

// Handler is an http.Handler for a Chat or Conversation Service's pre- and
// post-event webhook URL. It verifies the X-Twilio-Signature, decodes the event and
// calls the function registered for its type:
//
//   - 405 Method Not Allowed for methods other than GET and POST;
//   - 401 Unauthorized when the signature is missing or wrong (nothing is
//     called), 413 when the body is too large, 400 when the event cannot be
//     decoded, with a body naming the parameter and what is wrong with it
//     ("cannot decode event: parameter Index: not an integer"), never its
//     value;
//   - for pre-events, 200 (allow, possibly with a JSON body of changes) or
//     403 (reject) as the function's Decision says;
//   - for post-events, 200;
//   - 200 for event types with no registered function;
//   - 500 with a generic body when the function returns an error or panics.
//
// With WithLogger the Handler logs, and only then: a rejected signature at
// Warn ("twilio webhook: signature rejected", the error naming the URL
// checked, its tokens and passwords blanked out), an event it cannot decode
// at Warn ("twilio webhook: cannot decode event", the error naming the
// parameter), and at Error a function that failed or panicked ("twilio
// webhook: handler failed", with event_type and the function's error) or
// changes it could not encode. It logs nothing for a request it serves, a
// 405 or a 413, and never the parameters, the body, the signature or a
// token.
//
// Create it with NewHandler. The zero Handler has no auth token to check
// signatures with: functions can be registered on it, but it calls none
// and answers every request 500.
// Register functions before the Handler serves requests; registering later
// is safe but races with requests in flight. Passing nil to an On… method registers
// nothing: its events are answered 200 as unregistered ones, and a function
// registered for them before is removed.
type Handler struct {
	cfg      *config
	verifier *verifier

	mu    sync.RWMutex
	hooks map[string]hookFunc
	other func(context.Context, *Event) error
}

// NewHandler returns a Handler that accepts requests signed with authToken
// (and with any token added by WithSecondaryToken). It returns ErrMissingToken
// for an empty token and ErrBadOption for an unusable option.
func NewHandler(authToken string, opts ...Option) (*Handler, error) {
	if authToken == "" {
		return nil, ErrMissingToken
	}
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	return &Handler{
		cfg:      cfg,
		verifier: newVerifier(cfg, authToken),
		hooks:    map[string]hookFunc{},
	}, nil
}

// register makes fn the function for each of eventTypes; a nil fn removes
// theirs, so they are not registered. Parse decodes those event types to E,
// so the assertion cannot fail.
func register[E Payload](h *Handler, fn func(context.Context, E) (Decision, error), eventTypes ...string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.hooks == nil {
		h.hooks = make(map[string]hookFunc) // a zero Handler: it answers 500, but registering must not panic
	}
	for _, eventType := range eventTypes {
		if fn == nil {
			delete(h.hooks, eventType)
			continue
		}
		h.hooks[eventType] = func(ctx context.Context, p Payload) (Decision, error) {
			return fn(ctx, p.(E))
		}
	}
}

// post adapts a post-event function to register: Twilio only needs a 200,
// so it answers with the zero Decision. A nil fn stays nil.
func post[E Payload](fn func(context.Context, E) error) func(context.Context, E) (Decision, error) {
	if fn == nil {
		return nil
	}
	return func(ctx context.Context, e E) (Decision, error) { return Decision{}, fn(ctx, e) }
}

// OnMessageSend registers fn for onMessageSend and onMediaMessageSend. A nil
// fn registers nothing.
func (h *Handler) OnMessageSend(fn func(context.Context, *MessageSendEvent) (Decision, error)) {
	register(h, fn, EventMessageSend, EventMediaMessageSend)
}

// OnMessageSent registers fn for onMessageSent and onMediaMessageSent. A nil
// fn registers nothing.
func (h *Handler) OnMessageSent(fn func(context.Context, *MessageSentEvent) error) {
	register(h, post(fn), EventMessageSent, EventMediaMessageSent)
}

// OnMessageUpdate registers fn for onMessageUpdate. A nil fn registers
// nothing.
func (h *Handler) OnMessageUpdate(fn func(context.Context, *MessageUpdateEvent) (Decision, error)) {
	register(h, fn, EventMessageUpdate)
}

// OnMessageUpdated registers fn for onMessageUpdated. A nil fn registers
// nothing.
func (h *Handler) OnMessageUpdated(fn func(context.Context, *MessageUpdatedEvent) error) {
	register(h, post(fn), EventMessageUpdated)
}

// OnMessageRemove registers fn for onMessageRemove. A nil fn registers
// nothing.
func (h *Handler) OnMessageRemove(fn func(context.Context, *MessageRemoveEvent) (Decision, error)) {
	register(h, fn, EventMessageRemove)
}

// OnMessageRemoved registers fn for onMessageRemoved. A nil fn registers
// nothing.
func (h *Handler) OnMessageRemoved(fn func(context.Context, *MessageRemovedEvent) error) {
	register(h, post(fn), EventMessageRemoved)
}

// OnChannelAdd registers fn for onChannelAdd. A nil fn registers nothing.
func (h *Handler) OnChannelAdd(fn func(context.Context, *ChannelAddEvent) (Decision, error)) {
	register(h, fn, EventChannelAdd)
}

// OnChannelAdded registers fn for onChannelAdded. A nil fn registers nothing.
func (h *Handler) OnChannelAdded(fn func(context.Context, *ChannelAddedEvent) error) {
	register(h, post(fn), EventChannelAdded)
}

// OnChannelUpdate registers fn for onChannelUpdate. A nil fn registers
// nothing.
func (h *Handler) OnChannelUpdate(fn func(context.Context, *ChannelUpdateEvent) (Decision, error)) {
	register(h, fn, EventChannelUpdate)
}

// OnChannelUpdated registers fn for onChannelUpdated. A nil fn registers
// nothing.
func (h *Handler) OnChannelUpdated(fn func(context.Context, *ChannelUpdatedEvent) error) {
	register(h, post(fn), EventChannelUpdated)
}

// OnChannelDestroy registers fn for onChannelDestroy. A nil fn registers
// nothing.
func (h *Handler) OnChannelDestroy(fn func(context.Context, *ChannelDestroyEvent) (Decision, error)) {
	register(h, fn, EventChannelDestroy)
}

// OnChannelDestroyed registers fn for onChannelDestroyed. A nil fn registers
// nothing.
func (h *Handler) OnChannelDestroyed(fn func(context.Context, *ChannelDestroyedEvent) error) {
	register(h, post(fn), EventChannelDestroyed)
}

// OnMemberAdd registers fn for onMemberAdd. A nil fn registers nothing.
func (h *Handler) OnMemberAdd(fn func(context.Context, *MemberAddEvent) (Decision, error)) {
	register(h, fn, EventMemberAdd)
}

// OnMemberAdded registers fn for onMemberAdded. A nil fn registers nothing.
func (h *Handler) OnMemberAdded(fn func(context.Context, *MemberAddedEvent) error) {
	register(h, post(fn), EventMemberAdded)
}

// OnMemberUpdate registers fn for onMemberUpdate. A nil fn registers nothing.
func (h *Handler) OnMemberUpdate(fn func(context.Context, *MemberUpdateEvent) (Decision, error)) {
	register(h, fn, EventMemberUpdate)
}

// OnMemberUpdated registers fn for onMemberUpdated. A nil fn registers
// nothing.
func (h *Handler) OnMemberUpdated(fn func(context.Context, *MemberUpdatedEvent) error) {
	register(h, post(fn), EventMemberUpdated)
}

// OnMemberRemove registers fn for onMemberRemove. A nil fn registers nothing.
func (h *Handler) OnMemberRemove(fn func(context.Context, *MemberRemoveEvent) (Decision, error)) {
	register(h, fn, EventMemberRemove)
}

// OnMemberRemoved registers fn for onMemberRemoved. A nil fn registers
// nothing.
func (h *Handler) OnMemberRemoved(fn func(context.Context, *MemberRemovedEvent) error) {
	register(h, post(fn), EventMemberRemoved)
}

// OnUserAdded registers fn for onUserAdded. A nil fn registers nothing.
func (h *Handler) OnUserAdded(fn func(context.Context, *UserAddedEvent) error) {
	register(h, post(fn), EventUserAdded)
}

// OnUserUpdate registers fn for onUserUpdate. A nil fn registers nothing.
func (h *Handler) OnUserUpdate(fn func(context.Context, *UserUpdateEvent) (Decision, error)) {
	register(h, fn, EventUserUpdate)
}

// OnUserUpdated registers fn for onUserUpdated. A nil fn registers nothing.
func (h *Handler) OnUserUpdated(fn func(context.Context, *UserUpdatedEvent) error) {
	register(h, post(fn), EventUserUpdated)
}

// OnOther registers fn for event types this package does not decode. The
// Handler answers 200 when fn returns nil. A nil fn registers nothing.
func (h *Handler) OnOther(fn func(context.Context, *Event) error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.other = fn
}

// ServeHTTP verifies, decodes and dispatches one webhook request; see Handler
// for the answers it gives.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h == nil || h.verifier == nil {
		h.plain(w, http.StatusInternalServerError, "webhook: Handler not made by NewHandler")
		return
	}
	params, err := h.verifier.verify(r, false)
	switch {
	case errors.Is(err, ErrMethodNotAllowed):
		w.Header().Set("Allow", "GET, POST")
		h.plain(w, http.StatusMethodNotAllowed, "method not allowed")
		return
	case errors.Is(err, ErrBodyTooLarge):
		h.plain(w, http.StatusRequestEntityTooLarge, "request body too large")
		return
	case err != nil:
		h.log(r.Context(), slog.LevelWarn, "twilio webhook: signature rejected", err)
		h.plain(w, http.StatusUnauthorized, "invalid signature")
		return
	}
	payload, err := Parse(params)
	if err != nil {
		h.log(r.Context(), slog.LevelWarn, "twilio webhook: cannot decode event", err)
		h.plain(w, http.StatusBadRequest, "cannot decode event: "+decodeProblem(err))
		return
	}

	ctx, cancel := context.WithTimeout(r.Context(), h.cfg.timeout)
	defer cancel()
	decision, err := h.dispatch(ctx, payload)
	if err != nil {
		h.log(ctx, slog.LevelError, "twilio webhook: handler failed", err, slog.String("event_type", payload.Common().EventType))
		h.plain(w, http.StatusInternalServerError, "internal error")
		return
	}
	switch {
	case decision.reject:
		h.plain(w, http.StatusForbidden, "rejected")
	case decision.changes != nil || decision.conversation != nil:
		body, err := decision.changesJSON()
		if err != nil {
			h.log(ctx, slog.LevelError, "twilio webhook: cannot encode message changes", err)
			h.plain(w, http.StatusInternalServerError, "internal error")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		w.Write(body)
	default:
		w.WriteHeader(http.StatusOK)
	}
}

// dispatch calls the function registered for the payload's event type and
// turns a panic into an error.
func (h *Handler) dispatch(ctx context.Context, p Payload) (d Decision, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("webhook: panic in handler: %v", v)
		}
	}()
	h.mu.RLock()
	hook, other := h.hooks[hookKey(p.Common())], h.other
	h.mu.RUnlock()
	switch {
	case hook != nil:
		return hook(ctx, p)
	case other != nil:
		if e, ok := p.(*Event); ok {
			return Decision{}, other(ctx, e)
		}
	}
	return Decision{}, nil
}

// decodeProblem says which parameter Parse could not decode, and why, for
// the body of a 400: the parameter's name and a fixed reason, never its
// value.
func decodeProblem(err error) string {
	var fieldErr *FieldError
	switch {
	case errors.As(err, &fieldErr):
		return "parameter " + fieldErr.Field + ": " + fieldErr.Err.Error()
	case errors.Is(err, ErrMissingEventType):
		return "missing EventType parameter"
	}
	return "malformed parameters"
}

func (h *Handler) plain(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	fmt.Fprintln(w, msg)
}

func (h *Handler) log(ctx context.Context, level slog.Level, msg string, err error, attrs ...slog.Attr) {
	if h.cfg.logger == nil {
		return
	}
	attrs = append(attrs, slog.String("error", err.Error()))
	h.cfg.logger.LogAttrs(ctx, level, msg, attrs...)
}
