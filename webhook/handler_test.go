package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const hookURL = "https://chat.example.com/twilio/chat"

func newTestHandler(t *testing.T, opts ...Option) *Handler {
	t.Helper()
	h, err := NewHandler(testToken, opts...)
	require.NoError(t, err)
	return h
}

func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestHandlerPreEventDecisions(t *testing.T) {
	t.Parallel()
	form := loadForm(t, EventMessageSend)
	tests := []struct {
		name        string
		decision    Decision
		wantStatus  int
		wantType    string
		wantBody    string
		wantJSON    string
		wantRejects bool
	}{
		{name: "allow", decision: Allow(), wantStatus: http.StatusOK},
		{name: "zero decision allows", decision: Decision{}, wantStatus: http.StatusOK},
		{name: "reject", decision: Reject(), wantStatus: http.StatusForbidden, wantType: "text/plain; charset=utf-8", wantBody: "rejected\n"},
		{
			name: "modify body, attributes and author",
			decision: Modify(MessageChanges{
				Body: ptr("[redacted]"), Attributes: json.RawMessage(`{"moderated":true}`), Author: ptr("system"),
			}),
			wantStatus: http.StatusOK, wantType: "application/json",
			wantJSON: `{"body":"[redacted]","attributes":"{\"moderated\":true}","author":"system"}`,
		},
		{
			name: "modify body only", decision: Modify(MessageChanges{Body: ptr("")}),
			wantStatus: http.StatusOK, wantType: "application/json", wantJSON: `{"body":""}`,
		},
		{
			name: "modify with invalid attributes", decision: Modify(MessageChanges{Attributes: json.RawMessage(`{`)}),
			wantStatus: http.StatusInternalServerError, wantType: "text/plain; charset=utf-8", wantBody: "internal error\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newTestHandler(t)
			var got *MessageSendEvent
			h.OnMessageSend(func(ctx context.Context, e *MessageSendEvent) (Decision, error) {
				got = e
				return tt.decision, nil
			})
			w := serve(h, signedPost(t, testToken, hookURL, "", form))
			require.Equal(t, tt.wantStatus, w.Code)
			require.NotNil(t, got)
			assert.Equal(t, tChannel, got.ChannelSID)
			assert.Equal(t, tt.wantType, w.Header().Get("Content-Type"))
			if tt.wantJSON != "" {
				assert.JSONEq(t, tt.wantJSON, w.Body.String())
			} else {
				assert.Equal(t, tt.wantBody, w.Body.String())
			}
		})
	}
}

func TestHandlerFailures(t *testing.T) {
	t.Parallel()
	form := loadForm(t, EventMessageSend)
	tests := []struct {
		name       string
		req        func(t *testing.T) *http.Request
		fn         func(context.Context, *MessageSendEvent) (Decision, error)
		opts       []Option
		wantStatus int
		wantBody   string
		wantCalled bool
		wantLog    string
	}{
		{
			name:       "bad signature",
			req:        func(t *testing.T) *http.Request { return signedPost(t, "wrong", hookURL, "", form) },
			wantStatus: http.StatusUnauthorized, wantBody: "invalid signature\n", wantLog: `for URL \"` + hookURL + `\"`,
		},
		{
			name: "bad signature, token in the url",
			req: func(t *testing.T) *http.Request {
				return signedPost(t, "wrong", hookURL+"?key="+testToken, "", form)
			},
			wantStatus: http.StatusUnauthorized, wantBody: "invalid signature\n", wantLog: `for URL \"` + hookURL + `?key=[redacted]\"`,
		},
		{
			name: "json body without bodySHA256",
			req: func(t *testing.T) *http.Request {
				return rawPost(hookURL, "application/json", `{"EventType":"onMessageSend"}`, Sign(testToken, hookURL, nil))
			},
			wantStatus: http.StatusUnauthorized, wantBody: "invalid signature\n", wantLog: "no bodySHA256",
		},
		{
			name: "missing signature",
			req: func(t *testing.T) *http.Request {
				r := signedPost(t, testToken, hookURL, "", form)
				r.Header.Del(SignatureHeader)
				return r
			},
			wantStatus: http.StatusUnauthorized, wantBody: "invalid signature\n", wantLog: "missing",
		},
		{
			name: "method not allowed",
			req: func(t *testing.T) *http.Request {
				r := signedPost(t, testToken, hookURL, "", form)
				r.Method = http.MethodDelete
				return r
			},
			wantStatus: http.StatusMethodNotAllowed, wantBody: "method not allowed\n",
		},
		{
			name:       "body too large",
			opts:       []Option{WithMaxBodyBytes(64)},
			req:        func(t *testing.T) *http.Request { return signedPost(t, testToken, hookURL, "", form) },
			wantStatus: http.StatusRequestEntityTooLarge, wantBody: "request body too large\n",
		},
		{
			name: "undecodable event",
			req: func(t *testing.T) *http.Request {
				bad := loadForm(t, EventMessageSend)
				bad.Set("DateCreated", "not a date")
				return signedPost(t, testToken, hookURL, "", bad)
			},
			wantStatus: http.StatusBadRequest, wantBody: "cannot decode event: parameter DateCreated: not an ISO 8601 date\n", wantLog: "DateCreated",
		},
		{
			name: "non-integer index",
			req: func(t *testing.T) *http.Request {
				bad := loadForm(t, EventMessageSent)
				bad.Set("Index", "7"+testToken)
				return signedPost(t, testToken, hookURL, "", bad)
			},
			wantStatus: http.StatusBadRequest, wantBody: "cannot decode event: parameter Index: not an integer\n", wantLog: "parameter Index",
		},
		{
			name: "attributes not JSON",
			req: func(t *testing.T) *http.Request {
				bad := loadForm(t, EventMessageSend)
				bad.Set("Attributes", "{"+testToken)
				return signedPost(t, testToken, hookURL, "", bad)
			},
			wantStatus: http.StatusBadRequest, wantBody: "cannot decode event: parameter Attributes: not valid JSON\n", wantLog: "parameter Attributes",
		},
		{
			name: "no event type",
			req: func(t *testing.T) *http.Request {
				bad := loadForm(t, EventMessageSend)
				bad.Del("EventType")
				return signedPost(t, testToken, hookURL, "", bad)
			},
			wantStatus: http.StatusBadRequest, wantBody: "cannot decode event: missing EventType parameter\n", wantLog: "missing EventType",
		},
		{
			name: "handler error",
			req:  func(t *testing.T) *http.Request { return signedPost(t, testToken, hookURL, "", form) },
			fn: func(context.Context, *MessageSendEvent) (Decision, error) {
				return Allow(), errors.New("database password is hunter2")
			},
			wantStatus: http.StatusInternalServerError, wantBody: "internal error\n", wantCalled: true, wantLog: "hunter2",
		},
		{
			name: "handler panic",
			req:  func(t *testing.T) *http.Request { return signedPost(t, testToken, hookURL, "", form) },
			fn: func(context.Context, *MessageSendEvent) (Decision, error) {
				panic("secret detail in panic")
			},
			wantStatus: http.StatusInternalServerError, wantBody: "internal error\n", wantCalled: true, wantLog: "secret detail in panic",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var logs bytes.Buffer
			opts := append([]Option{WithLogger(slog.New(slog.NewTextHandler(&logs, nil)))}, tt.opts...)
			h := newTestHandler(t, opts...)
			var called atomic.Bool
			h.OnMessageSend(func(ctx context.Context, e *MessageSendEvent) (Decision, error) {
				called.Store(true)
				if tt.fn != nil {
					return tt.fn(ctx, e)
				}
				return Allow(), nil
			})
			w := serve(h, tt.req(t))
			assert.Equal(t, tt.wantStatus, w.Code)
			assert.Equal(t, tt.wantBody, w.Body.String())
			assert.Equal(t, "text/plain; charset=utf-8", w.Header().Get("Content-Type"))
			assert.Equal(t, tt.wantCalled, called.Load())
			if tt.wantLog == "" {
				assert.Empty(t, logs.String(), "nothing to log")
			} else {
				assert.Contains(t, logs.String(), tt.wantLog)
			}
			assert.NotContains(t, logs.String(), testToken)
			assert.NotContains(t, w.Body.String(), testToken, "no value in the answer")
			if tt.wantStatus == http.StatusMethodNotAllowed {
				assert.Equal(t, "GET, POST", w.Header().Get("Allow"))
			}
		})
	}
}

// registerEvery registers pre for every pre-event, post for every
// post-event and for OnOther, through the On… methods.
func registerEvery(h *Handler, pre func(context.Context, Payload) (Decision, error), post func(context.Context, Payload) error) {
	h.OnMessageSend(func(c context.Context, e *MessageSendEvent) (Decision, error) { return pre(c, e) })
	h.OnMessageUpdate(func(c context.Context, e *MessageUpdateEvent) (Decision, error) { return pre(c, e) })
	h.OnMessageRemove(func(c context.Context, e *MessageRemoveEvent) (Decision, error) { return pre(c, e) })
	h.OnChannelAdd(func(c context.Context, e *ChannelAddEvent) (Decision, error) { return pre(c, e) })
	h.OnChannelUpdate(func(c context.Context, e *ChannelUpdateEvent) (Decision, error) { return pre(c, e) })
	h.OnChannelDestroy(func(c context.Context, e *ChannelDestroyEvent) (Decision, error) { return pre(c, e) })
	h.OnMemberAdd(func(c context.Context, e *MemberAddEvent) (Decision, error) { return pre(c, e) })
	h.OnMemberUpdate(func(c context.Context, e *MemberUpdateEvent) (Decision, error) { return pre(c, e) })
	h.OnMemberRemove(func(c context.Context, e *MemberRemoveEvent) (Decision, error) { return pre(c, e) })
	h.OnUserUpdate(func(c context.Context, e *UserUpdateEvent) (Decision, error) { return pre(c, e) })
	h.OnMessageSent(func(c context.Context, e *MessageSentEvent) error { return post(c, e) })
	h.OnMessageUpdated(func(c context.Context, e *MessageUpdatedEvent) error { return post(c, e) })
	h.OnMessageRemoved(func(c context.Context, e *MessageRemovedEvent) error { return post(c, e) })
	h.OnChannelAdded(func(c context.Context, e *ChannelAddedEvent) error { return post(c, e) })
	h.OnChannelUpdated(func(c context.Context, e *ChannelUpdatedEvent) error { return post(c, e) })
	h.OnChannelDestroyed(func(c context.Context, e *ChannelDestroyedEvent) error { return post(c, e) })
	h.OnMemberAdded(func(c context.Context, e *MemberAddedEvent) error { return post(c, e) })
	h.OnMemberUpdated(func(c context.Context, e *MemberUpdatedEvent) error { return post(c, e) })
	h.OnMemberRemoved(func(c context.Context, e *MemberRemovedEvent) error { return post(c, e) })
	h.OnUserUpdated(func(c context.Context, e *UserUpdatedEvent) error { return post(c, e) })
	h.OnUserAdded(func(c context.Context, e *UserAddedEvent) error { return post(c, e) })
	h.OnOther(func(c context.Context, e *Event) error { return post(c, e) })
}

func TestHandlerDispatchesEveryEventType(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t)
	var calls atomic.Int32
	pre := func(ctx context.Context, p Payload) (Decision, error) {
		calls.Add(1)
		return Reject(), nil // distinguishes a called pre hook from the default 200
	}
	post := func(ctx context.Context, p Payload) error { calls.Add(1); return nil }
	registerEvery(h, pre, post)

	preEvents := map[string]bool{
		EventMessageSend: true, EventMediaMessageSend: true, EventMessageUpdate: true, EventMessageRemove: true,
		EventChannelAdd: true, EventChannelUpdate: true, EventChannelDestroy: true,
		EventMemberAdd: true, EventMemberUpdate: true, EventMemberRemove: true, EventUserUpdate: true,
	}
	names := []string{"unknownEvent"}
	for eventType := range decoders {
		names = append(names, eventType)
	}
	for _, name := range names {
		form := loadForm(t, name)
		before := calls.Load()
		w := serve(h, signedPost(t, testToken, hookURL, "", form))
		assert.Equal(t, before+1, calls.Load(), "%s: hook not called", name)
		want := http.StatusOK
		if preEvents[name] {
			want = http.StatusForbidden
		}
		assert.Equal(t, want, w.Code, name)
	}
}

// onNil calls each On… method with nil; events are the event types it
// registers for.
var onNil = []struct {
	method string
	set    func(*Handler)
	events []string
}{
	{"OnMessageSend", func(h *Handler) { h.OnMessageSend(nil) }, []string{EventMessageSend, EventMediaMessageSend}},
	{"OnMessageSent", func(h *Handler) { h.OnMessageSent(nil) }, []string{EventMessageSent, EventMediaMessageSent}},
	{"OnMessageUpdate", func(h *Handler) { h.OnMessageUpdate(nil) }, []string{EventMessageUpdate}},
	{"OnMessageUpdated", func(h *Handler) { h.OnMessageUpdated(nil) }, []string{EventMessageUpdated}},
	{"OnMessageRemove", func(h *Handler) { h.OnMessageRemove(nil) }, []string{EventMessageRemove}},
	{"OnMessageRemoved", func(h *Handler) { h.OnMessageRemoved(nil) }, []string{EventMessageRemoved}},
	{"OnChannelAdd", func(h *Handler) { h.OnChannelAdd(nil) }, []string{EventChannelAdd}},
	{"OnChannelAdded", func(h *Handler) { h.OnChannelAdded(nil) }, []string{EventChannelAdded}},
	{"OnChannelUpdate", func(h *Handler) { h.OnChannelUpdate(nil) }, []string{EventChannelUpdate}},
	{"OnChannelUpdated", func(h *Handler) { h.OnChannelUpdated(nil) }, []string{EventChannelUpdated}},
	{"OnChannelDestroy", func(h *Handler) { h.OnChannelDestroy(nil) }, []string{EventChannelDestroy}},
	{"OnChannelDestroyed", func(h *Handler) { h.OnChannelDestroyed(nil) }, []string{EventChannelDestroyed}},
	{"OnMemberAdd", func(h *Handler) { h.OnMemberAdd(nil) }, []string{EventMemberAdd}},
	{"OnMemberAdded", func(h *Handler) { h.OnMemberAdded(nil) }, []string{EventMemberAdded}},
	{"OnMemberUpdate", func(h *Handler) { h.OnMemberUpdate(nil) }, []string{EventMemberUpdate}},
	{"OnMemberUpdated", func(h *Handler) { h.OnMemberUpdated(nil) }, []string{EventMemberUpdated}},
	{"OnMemberRemove", func(h *Handler) { h.OnMemberRemove(nil) }, []string{EventMemberRemove}},
	{"OnMemberRemoved", func(h *Handler) { h.OnMemberRemoved(nil) }, []string{EventMemberRemoved}},
	{"OnUserAdded", func(h *Handler) { h.OnUserAdded(nil) }, []string{EventUserAdded}},
	{"OnUserUpdate", func(h *Handler) { h.OnUserUpdate(nil) }, []string{EventUserUpdate}},
	{"OnUserUpdated", func(h *Handler) { h.OnUserUpdated(nil) }, []string{EventUserUpdated}},
	{"OnOther", func(h *Handler) { h.OnOther(nil) }, []string{"unknownEvent"}},
}

// TestHandlerNilFunctions checks that On…(nil) registers nothing: alone, the
// event is answered 200 as an unregistered one; after a function, it removes
// that function and no other.
func TestHandlerNilFunctions(t *testing.T) {
	t.Parallel()
	covered := map[string]bool{}
	for _, tt := range onNil {
		for _, eventType := range tt.events {
			covered[eventType] = true
		}
	}
	for eventType := range decoders {
		assert.True(t, covered[eventType], "no On… method in onNil registers %s", eventType)
	}

	failPre := func(context.Context, Payload) (Decision, error) { return Decision{}, errors.New("still registered") }
	failPost := func(context.Context, Payload) error { return errors.New("still registered") }
	for _, tt := range onNil {
		for _, after := range []bool{false, true} {
			name := tt.method + "(nil)"
			if after {
				name += " after a function"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				h := newTestHandler(t)
				if after {
					registerEvery(h, failPre, failPost)
				}
				tt.set(h)
				for _, eventType := range tt.events {
					w := serve(h, signedPost(t, testToken, hookURL, "", loadForm(t, eventType)))
					assert.Equal(t, http.StatusOK, w.Code, eventType)
					assert.Empty(t, w.Body.String(), eventType)
				}
				if after {
					other := EventUserUpdated
					if tt.method == "OnUserUpdated" {
						other = EventMessageSent
					}
					w := serve(h, signedPost(t, testToken, hookURL, "", loadForm(t, other)))
					assert.Equal(t, http.StatusInternalServerError, w.Code, "%s: only %s's events are unregistered", other, tt.method)
				}
			})
		}
	}
}

func TestHandlerDefaults(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t)
	for _, name := range []string{EventMessageSend, EventMessageSent, EventMemberRemove, "unknownEvent"} {
		w := serve(h, signedPost(t, testToken, hookURL, "", loadForm(t, name)))
		assert.Equal(t, http.StatusOK, w.Code, "%s: unregistered events are allowed", name)
		assert.Empty(t, w.Body.String())
	}
}

func TestHandlerPostEvent(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t)
	var got *MessageSentEvent
	h.OnMessageSent(func(ctx context.Context, e *MessageSentEvent) error {
		got = e
		return nil
	})
	w := serve(h, signedPost(t, testToken, hookURL, "", loadForm(t, EventMessageSent)))
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Empty(t, w.Body.String())
	require.NotNil(t, got)
	assert.Equal(t, 42, got.Index)
	assert.Equal(t, 1, got.RetryCount)
}

func TestHandlerContextDeadline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts []Option
		want time.Duration
	}{
		{"default", nil, DefaultTimeout},
		{"configured", []Option{WithTimeout(1500 * time.Millisecond)}, 1500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newTestHandler(t, tt.opts...)
			var deadline time.Time
			var ok bool
			h.OnMessageSend(func(ctx context.Context, e *MessageSendEvent) (Decision, error) {
				deadline, ok = ctx.Deadline()
				return Allow(), nil
			})
			start := time.Now()
			serve(h, signedPost(t, testToken, hookURL, "", loadForm(t, EventMessageSend)))
			require.True(t, ok, "context has a deadline")
			assert.WithinDuration(t, start.Add(tt.want), deadline, tt.want/2)
			assert.False(t, deadline.After(time.Now().Add(tt.want)))
		})
	}
}

func TestHandlerGETWebhook(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t)
	var got *MemberAddedEvent
	h.OnMemberAdded(func(ctx context.Context, e *MemberAddedEvent) error {
		got = e
		return nil
	})
	u := hookURL + "?" + loadForm(t, EventMemberAdded).Encode()
	r := httptest.NewRequest(http.MethodGet, u, nil)
	r.Header.Set(SignatureHeader, Sign(testToken, u, nil))
	w := serve(h, r)
	assert.Equal(t, http.StatusOK, w.Code)
	require.NotNil(t, got)
	assert.Equal(t, "carol", got.Identity)
}

func TestHandlerOverHTTP(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t)
	h.OnMessageSend(func(ctx context.Context, e *MessageSendEvent) (Decision, error) {
		if strings.Contains(e.Body, "world") {
			return Modify(MessageChanges{Body: ptr(strings.ReplaceAll(e.Body, "world", "*****"))}), nil
		}
		return Allow(), nil
	})
	mux := http.NewServeMux()
	mux.Handle("/twilio/chat", h)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	form := loadForm(t, EventMessageSend)
	target := srv.URL + "/twilio/chat"
	req, err := http.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set(SignatureHeader, Sign(testToken, target, form))
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.JSONEq(t, `{"body":"Hello, ***** & friends = 100%"}`, string(body))
}

func TestNewHandlerEmptyToken(t *testing.T) {
	t.Parallel()
	h, err := NewHandler("")
	assert.Nil(t, h)
	assert.ErrorIs(t, err, ErrMissingToken)
}

// TestZeroHandlerAnswers500 holds that a Handler not made by NewHandler
// answers 500 without calling anything, where it used to panic.
func TestZeroHandlerAnswers500(t *testing.T) {
	t.Parallel()
	for name, h := range map[string]*Handler{"zero": {}, "nil": nil} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			called := false
			if h != nil {
				h.OnMessageSend(func(context.Context, *MessageSendEvent) (Decision, error) {
					called = true
					return Reject(), nil
				})
			}
			r := httptest.NewRequest(http.MethodPost, hookURL, strings.NewReader("EventType=onMessageSend"))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			w := serve(h, r)
			assert.Equal(t, http.StatusInternalServerError, w.Code)
			assert.Equal(t, "webhook: Handler not made by NewHandler\n", w.Body.String())
			assert.False(t, called, "a zero Handler called a function without checking a signature")
		})
	}
}

func TestDecisionAccessors(t *testing.T) {
	t.Parallel()
	assert.False(t, Allow().Rejected())
	assert.Nil(t, Allow().Changes())
	assert.True(t, Reject().Rejected())
	d := Modify(MessageChanges{Author: ptr("bot")})
	assert.False(t, d.Rejected())
	require.NotNil(t, d.Changes())
	assert.Equal(t, "bot", *d.Changes().Author)
}

func ptr[T any](v T) *T { return &v }

// TestHandlerConcurrentRequests serves requests from many goroutines at
// once, to two URLs, signed with either of two tokens or tampered with: the
// Handler reuses signature state and URL forms between requests, and each
// answer must still be its own request's.
func TestHandlerConcurrentRequests(t *testing.T) {
	t.Parallel()
	const secondary = "fedcba9876543210fedcba9876543210"
	h := newTestHandler(t, WithSecondaryToken(secondary))
	h.OnMessageSend(func(_ context.Context, e *MessageSendEvent) (Decision, error) {
		return Modify(MessageChanges{Body: ptr(e.Body + "!")}), nil
	})
	base := loadForm(t, EventMessageSend)
	urls := []string{hookURL, "https://other.example.com:8443/chat?x=1"}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				form := url.Values{}
				for k, v := range base {
					form[k] = v
				}
				body := fmt.Sprintf("message %d-%d", g, i)
				form.Set("Body", body)
				token := []string{testToken, secondary}[i%2]
				r := signedPost(t, token, urls[(g+i)%2], "", form)
				tampered := i%5 == 0
				if tampered {
					r = signedPost(t, token, urls[(g+i)%2], urls[(g+i+1)%2], form)
				}
				w := serve(h, r)
				if tampered {
					assert.Equal(t, http.StatusUnauthorized, w.Code, body)
					continue
				}
				assert.Equal(t, http.StatusOK, w.Code, body)
				assert.JSONEq(t, fmt.Sprintf(`{"body":%q}`, body+"!"), w.Body.String(), body)
			}
		}()
	}
	wg.Wait()
}
