package twiliochattest

// Tests of the webhook machinery on its own (targets, signing, methods,
// retries, timeouts, the queue and Close), with events made by hand. The
// events the handlers and SDKClient send are tested through the package's
// API in webhooks_test.go.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// hookServer is a webhook receiver that checks each request's signature
// with webhook.VerifyRequest and answers as its answer function says.
type hookServer struct {
	*httptest.Server
	mu     sync.Mutex
	got    []url.Values
	answer func(n int) (int, string)
}

func newHookServer(t *testing.T, token string, answer func(n int) (int, string)) *hookServer {
	t.Helper()
	h := &hookServer{answer: answer}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		params, err := webhook.VerifyRequest(token, r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		h.mu.Lock()
		n := len(h.got)
		h.got = append(h.got, params)
		h.mu.Unlock()
		status, body := answer(n)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hookServer) received() []url.Values {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]url.Values(nil), h.got...)
}

// always answers every request with status and body.
func always(status int, body string) func(int) (int, string) {
	return func(int) (int, string) { return status, body }
}

// configure sets a service's webhook settings directly.
func configure(s *Server, serviceSID string, set func(*service)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	set(s.services.get("", serviceSID))
}

// hooked starts a Server with opts and a service whose webhook settings
// set sets, and returns them.
func hooked(t *testing.T, set func(*service), opts ...Option) (*Server, string) {
	t.Helper()
	s := NewServer(opts...)
	t.Cleanup(s.Close)
	sid, err := s.SeedService("hooks")
	require.NoError(t, err)
	configure(s, sid, set)
	return s, sid
}

// emitPost emits ev as a post-event of an action from source and queues it.
func emitPost(s *Server, act *action, ev event) {
	c := &call{act: act}
	s.mu.Lock()
	s.emit(c, ev)
	s.mu.Unlock()
	s.queue(c)
}

func sentEvent(serviceSID string) event {
	return event{typ: webhook.EventMessageSent, serviceSID: serviceSID, channelSID: "CH0123456789abcdef0123456789abcdef",
		params: url.Values{"MessageSid": {"IM0123456789abcdef0123456789abcdef"}, "Index": {"0"}, "Body": {"hi"}}}
}

func wait(t *testing.T, s *Server) []Delivery {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ds, err := s.WaitDeliveries(ctx)
	require.NoError(t, err)
	return ds
}

func TestPostEventMethodsAndSignature(t *testing.T) {
	t.Parallel()
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			hook := newHookServer(t, DefaultAuthToken, always(http.StatusOK, ""))
			u := hook.URL + "/chat?tenant=a%20b"
			s, sid := hooked(t, func(svc *service) {
				svc.PostWebhookURL = &u
				svc.WebhookMethod = method
				svc.WebhookFilters = []string{webhook.EventMessageSent}
			})
			emitPost(s, &action{source: sourceAPI}, sentEvent(sid))
			ds := wait(t, s)

			require.Len(t, ds, 1)
			d := ds[0]
			want := url.Values{
				"EventType": {"onMessageSent"}, "AccountSid": {s.AccountSID()}, "InstanceSid": {sid},
				"Source": {"API"}, "RetryCount": {"0"},
				"MessageSid": {"IM0123456789abcdef0123456789abcdef"}, "Index": {"0"}, "Body": {"hi"},
			}
			assert.Equal(t, want, d.Params)
			assert.Equal(t, method, d.Method)
			assert.Equal(t, http.StatusOK, d.Status)
			assert.Empty(t, d.Err)
			assert.Zero(t, d.Attempt)
			got := hook.received()
			require.Len(t, got, 1, "the hook verified the signature")
			if method == http.MethodGet {
				assert.Equal(t, u+"&"+want.Encode(), d.URL)
				assert.Equal(t, webhook.Sign(s.AuthToken(), d.URL, nil), d.Signature)
				want.Set("tenant", "a b") // the hook sees the URL's own query too
			} else {
				assert.Equal(t, u, d.URL)
				assert.Equal(t, webhook.Sign(s.AuthToken(), u, d.Params), d.Signature)
			}
			assert.Equal(t, want, got[0])
		})
	}
}

func TestPostEventFiltersAndURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		filters []string
		noURL   bool
		act     *action
		want    int
	}{
		{"filtered in", []string{"onMessageSend", "onMessageSent"}, false, &action{source: sourceAPI}, 1},
		{"not in the filters", []string{"onMessageSend", "onMessageUpdated"}, false, &action{source: sourceAPI}, 0},
		{"no filters", nil, false, &action{source: sourceAPI}, 0},
		{"no post-event URL", []string{"onMessageSent"}, true, &action{source: sourceAPI}, 0},
		{"no webhook header", []string{"onMessageSent"}, false, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hook := newHookServer(t, DefaultAuthToken, always(http.StatusOK, ""))
			u := hook.URL
			s, sid := hooked(t, func(svc *service) {
				if !tt.noURL {
					svc.PostWebhookURL = &u
				}
				svc.PreWebhookURL = &u // never called for a post-event
				svc.WebhookFilters = tt.filters
			})
			emitPost(s, tt.act, sentEvent(sid))
			assert.Len(t, wait(t, s), tt.want)
			assert.Len(t, hook.received(), tt.want)
		})
	}
}

func TestRestActionNeedsTheHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op     string
		header string
		want   bool
	}{
		{"CreateMessage", "true", true},
		{"CreateMessage", "false", false},
		{"CreateMessage", "", false},
		{"CreateMessage", "TRUE", false},
		{"UpdateService", "true", false}, // takes no such header
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.header != "" {
			h.Set("X-Twilio-Webhook-Enabled", tt.header)
		}
		op := spec.Lookup(tt.op)
		assert.Equal(t, tt.want, restAction(op, h) != nil, "%s with %q", tt.op, tt.header)
	}
}

func TestPostEventRetries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		retries  int
		statuses []int
		want     []int // statuses recorded
	}{
		{"503 then 200", 2, []int{503, 200}, []int{503, 200}},
		{"429 503 504 then 200", 3, []int{429, 503, 504, 200}, []int{429, 503, 504, 200}},
		{"retries used up", 1, []int{503, 503, 200}, []int{503, 503}},
		{"no retries by default", 0, []int{503, 200}, []int{503}},
		{"500 is not retried", 3, []int{500, 200}, []int{500}},
		{"404 is not retried", 3, []int{404, 200}, []int{404}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hook := newHookServer(t, DefaultAuthToken, func(n int) (int, string) { return tt.statuses[n], "" })
			s, sid := hooked(t, func(svc *service) {
				svc.PostWebhookURL = &hook.URL
				svc.PostWebhookRetryCount = tt.retries
				svc.PreWebhookRetryCount = 9 // not the one used
				svc.WebhookFilters = []string{webhook.EventMessageSent}
			})
			emitPost(s, &action{source: sourceAPI}, sentEvent(sid))
			ds := wait(t, s)
			require.Len(t, ds, len(tt.want))
			for i, d := range ds {
				assert.Equal(t, tt.want[i], d.Status)
				assert.Equal(t, i, d.Attempt)
				assert.Equal(t, strconv.Itoa(i), d.Params.Get("RetryCount"))
			}
		})
	}
}

// timeoutTransport fails every request as a client timeout would, at once.
type timeoutTransport struct {
	mu sync.Mutex
	n  int
}

type timeoutError struct{}

func (timeoutError) Error() string   { return "i/o timeout" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

func (tr *timeoutTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	tr.mu.Lock()
	tr.n++
	tr.mu.Unlock()
	return nil, &url.Error{Op: r.Method, URL: r.URL.String(), Err: timeoutError{}}
}

func TestTimeoutsAreRetried(t *testing.T) {
	t.Parallel()
	tr := &timeoutTransport{}
	u := "https://hooks.example.com/chat"
	s, sid := hooked(t, func(svc *service) {
		svc.PostWebhookURL = &u
		svc.PostWebhookRetryCount = 2
		svc.WebhookFilters = []string{webhook.EventMessageSent}
	}, WithWebhookClient(&http.Client{Transport: tr}))
	emitPost(s, &action{source: sourceAPI}, sentEvent(sid))
	ds := wait(t, s)
	require.Len(t, ds, 3)
	for i, d := range ds {
		assert.True(t, d.TimedOut(), "attempt %d: %+v", i, d)
		assert.Equal(t, "timeout: no answer within 5s", d.Err)
		assert.Equal(t, i, d.Attempt)
	}
	assert.Equal(t, 3, tr.n)
}

// slowFirst is a transport that answers its first request only when the
// request's context ends, and the others with 200 at once.
type slowFirst struct{ n atomic.Int32 }

func (sf *slowFirst) RoundTrip(r *http.Request) (*http.Response, error) {
	if sf.n.Add(1) == 1 {
		<-r.Context().Done()
		return nil, r.Context().Err()
	}
	return &http.Response{StatusCode: http.StatusOK, Body: http.NoBody, Request: r}, nil
}

func TestSlowAnswerTimesOut(t *testing.T) {
	t.Parallel()
	u := "https://hooks.example.com/chat"
	s, sid := hooked(t, func(svc *service) {
		svc.PostWebhookURL = &u
		svc.PostWebhookRetryCount = 1
		svc.WebhookFilters = []string{webhook.EventMessageSent}
	}, WithWebhookTimeout(20*time.Millisecond), WithWebhookClient(&http.Client{Transport: &slowFirst{}}))
	emitPost(s, &action{source: sourceAPI}, sentEvent(sid))
	ds := wait(t, s)
	require.Len(t, ds, 2)
	assert.True(t, ds[0].TimedOut(), "%+v", ds[0])
	assert.Equal(t, "timeout: no answer within 20ms", ds[0].Err)
	assert.Equal(t, http.StatusOK, ds[1].Status)
}

func TestDefaultClientSendsOnlyToLoopback(t *testing.T) {
	t.Parallel()
	u := "https://example.com/chat"
	s, sid := hooked(t, func(svc *service) {
		svc.PostWebhookURL = &u
		svc.PostWebhookRetryCount = 3
		svc.WebhookFilters = []string{webhook.EventMessageSent}
	})
	emitPost(s, &action{source: sourceAPI}, sentEvent(sid))
	ds := wait(t, s)
	require.Len(t, ds, 1, "a refused request is not retried")
	assert.Zero(t, ds[0].Status)
	assert.Contains(t, ds[0].Err, "example.com is not a loopback host")
	assert.NotContains(t, ds[0].Err, s.AuthToken())
}

func TestPostEventsKeepTheirOrder(t *testing.T) {
	t.Parallel()
	hook := newHookServer(t, DefaultAuthToken, always(http.StatusOK, ""))
	s, sid := hooked(t, func(svc *service) {
		svc.PostWebhookURL = &hook.URL
		svc.WebhookFilters = []string{webhook.EventMessageSent}
	})
	const n = 20
	for i := range n {
		ev := sentEvent(sid)
		ev.params.Set("Index", strconv.Itoa(i))
		emitPost(s, &action{source: sourceAPI}, ev)
	}
	ds := wait(t, s)
	require.Len(t, ds, n)
	for i, d := range ds {
		assert.Equal(t, strconv.Itoa(i), d.Params.Get("Index"))
	}
	s.ResetDeliveries()
	assert.Empty(t, s.Deliveries())
}

func TestPreEventDecision(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		typ      string
		statuses []int
		answer   string
		retries  int
		want     rewrite
		rejected string // in the error, "" when allowed
	}{
		{name: "200 allows", typ: "onMessageSend", statuses: []int{200}},
		{name: "204 allows", typ: "onMessageSend", statuses: []int{204}},
		{name: "a text body is ignored", typ: "onMessageSend", statuses: []int{200}, answer: "OK\n"},
		{name: "403 rejects", typ: "onMessageSend", statuses: []int{403}, rejected: "it answered 403"},
		{name: "500 rejects", typ: "onMemberAdd", statuses: []int{500}, rejected: "it answered 500"},
		{name: "302 rejects", typ: "onMessageSend", statuses: []int{302}, rejected: "it answered 302"},
		{name: "503 retried then allowed", typ: "onMessageSend", statuses: []int{503, 200}, retries: 1},
		{name: "503 with retries used up", typ: "onMessageSend", statuses: []int{503, 503}, retries: 1, rejected: "it answered 503"},
		{
			name: "changes", typ: "onMessageSend", statuses: []int{200},
			answer: `{"body":"[redacted]","attributes":"{\"flag\":true}","author":"moderator"}`,
			want:   rewrite{body: ptrTo("[redacted]"), attributes: ptrTo(`{"flag":true}`), author: ptrTo("moderator")},
		},
		{
			name: "attributes as an object", typ: "onMessageUpdate", statuses: []int{200},
			answer: `{"attributes":{"flag":true}}`,
			want:   rewrite{attributes: ptrTo(`{"flag":true}`)},
		},
		{name: "changes ignored for other events", typ: "onChannelAdd", statuses: []int{200}, answer: `{"body":"x"}`},
		{name: "body not a string", typ: "onMessageSend", statuses: []int{200}, answer: `{"body":3}`, rejected: "its answer's body is not a JSON string"},
		{name: "attributes not JSON", typ: "onMessageSend", statuses: []int{200}, answer: `{"attributes":"{oops"}`, rejected: "its answer's attributes are not JSON text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hook := newHookServer(t, DefaultAuthToken, func(n int) (int, string) { return tt.statuses[n], tt.answer })
			s, sid := hooked(t, func(svc *service) {
				svc.PreWebhookURL = &hook.URL
				svc.PreWebhookRetryCount = tt.retries
				svc.PostWebhookRetryCount = 5 // not the one used
				svc.WebhookFilters = []string{tt.typ}
			})
			ev := event{typ: tt.typ, serviceSID: sid, params: url.Values{"Body": {"hello"}}}
			got, err := s.pre(context.Background(), &action{source: sourceSDK, identity: "alice"}, ev)

			params := hook.received()
			require.Len(t, params, len(tt.statuses))
			for n, p := range params {
				assert.Equal(t, url.Values{
					"EventType": {tt.typ}, "AccountSid": {s.AccountSID()}, "InstanceSid": {sid},
					"Source": {"SDK"}, "ClientIdentity": {"alice"}, "Body": {"hello"}, "RetryCount": {strconv.Itoa(n)},
				}, p, "a pre-event carries RetryCount, as a post-event does")
			}
			assert.Len(t, s.Deliveries(), len(tt.statuses))
			if tt.rejected != "" {
				var rej *RejectedError
				require.ErrorAs(t, err, &rej)
				assert.ErrorContains(t, err, tt.typ+" webhook at "+hook.URL+" rejected the action: "+tt.rejected)
				assert.Equal(t, tt.typ, rej.EventType)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestPreEventWithoutAnswerRejects(t *testing.T) {
	t.Parallel()
	tr := &timeoutTransport{}
	u := "https://hooks.example.com/pre"
	s, sid := hooked(t, func(svc *service) {
		svc.PreWebhookURL = &u
		svc.PreWebhookRetryCount = 1
		svc.WebhookFilters = []string{webhook.EventMessageSend}
	}, WithWebhookClient(&http.Client{Transport: tr}))
	_, err := s.pre(context.Background(), &action{source: sourceSDK, identity: "alice"},
		event{typ: webhook.EventMessageSend, serviceSID: sid})
	var rej *RejectedError
	require.ErrorAs(t, err, &rej)
	assert.Zero(t, rej.Status)
	assert.EqualError(t, err, "twiliochattest: the onMessageSend webhook at https://hooks.example.com/pre rejected the action: no answer: timeout: no answer within 5s")
	assert.Equal(t, 2, tr.n)
}

func TestPreEventNotFilteredInGoesAhead(t *testing.T) {
	t.Parallel()
	hook := newHookServer(t, DefaultAuthToken, always(http.StatusForbidden, ""))
	s, sid := hooked(t, func(svc *service) {
		svc.PreWebhookURL = &hook.URL
		svc.WebhookFilters = []string{webhook.EventMessageSent}
	})
	_, err := s.pre(context.Background(), &action{source: sourceSDK, identity: "alice"},
		event{typ: webhook.EventMessageSend, serviceSID: sid})
	require.NoError(t, err)
	assert.Empty(t, hook.received())
}

func TestPreEventEndsWithItsContext(t *testing.T) {
	t.Parallel()
	arrived := make(chan struct{})
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm() // the server sees the client go only once the body is read
		close(arrived)
		<-r.Context().Done()
	}))
	t.Cleanup(hook.Close)
	s, sid := hooked(t, func(svc *service) {
		svc.PreWebhookURL = &hook.URL
		svc.PreWebhookRetryCount = 3
		svc.WebhookFilters = []string{webhook.EventMessageSend}
	})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-arrived; cancel() }()
	_, err := s.pre(ctx, &action{source: sourceSDK, identity: "alice"}, event{typ: webhook.EventMessageSend, serviceSID: sid})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, s.Deliveries(), "an attempt cut short is not an answer")
}

func TestCloseCancelsDeliveries(t *testing.T) {
	t.Parallel()
	s := NewServer()
	arrived, cancelled := make(chan struct{}), make(chan struct{})
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm() // the server sees the client go only once the body is read
		close(arrived)
		<-r.Context().Done()
		close(cancelled)
	}))
	defer hook.Close()
	sid, err := s.SeedService("hooks")
	require.NoError(t, err)
	configure(s, sid, func(svc *service) {
		svc.PostWebhookURL = &hook.URL
		svc.PostWebhookRetryCount = 3
		svc.WebhookFilters = []string{webhook.EventMessageSent}
	})
	emitPost(s, &action{source: sourceAPI}, sentEvent(sid))
	emitPost(s, &action{source: sourceAPI}, sentEvent(sid)) // dropped
	<-arrived
	s.Close() // returns once the queue's goroutine has ended
	<-cancelled
	assert.Empty(t, s.Deliveries())
	ds, err := s.WaitDeliveries(context.Background())
	assert.NoError(t, err, "nothing is left to wait for")
	assert.Empty(t, ds)
	emitPost(s, &action{source: sourceAPI}, sentEvent(sid)) // after Close: dropped
	assert.Empty(t, wait(t, s))
}

func TestWaitDeliveriesEndsWithItsContext(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	t.Cleanup(hook.Close)
	t.Cleanup(func() { close(release) })
	s, sid := hooked(t, func(svc *service) {
		svc.PostWebhookURL = &hook.URL
		svc.WebhookFilters = []string{webhook.EventMessageSent}
	})
	emitPost(s, &action{source: sourceAPI}, sentEvent(sid))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.WaitDeliveries(ctx)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestWebhookOptionsPanicWhenInvalid(t *testing.T) {
	t.Parallel()
	assert.PanicsWithValue(t, "twiliochattest: WithWebhookTimeout(0s): must be positive",
		func() { NewServer(WithWebhookTimeout(0)).Close() })
	assert.PanicsWithValue(t, "twiliochattest: WithWebhookClient(nil)",
		func() { NewServer(WithWebhookClient(nil)).Close() })
}

func ptrTo(s string) *string { return &s }
