package benchmarks

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	twilioclient "github.com/twilio/twilio-go/client"

	"github.com/e3f0929f/twiliochat/webhook"
)

// The webhook every side serves: the URL Twilio calls, and the request
// as Twilio sends it, from ../webhook/testdata.
const (
	webhookHost = "example.com"
	webhookPath = "/twilio/chat"
	webhookURL  = "https://" + webhookHost + webhookPath
	webhookForm = "../webhook/testdata/onMessageSend.form"
)

// messageSend is what every side decodes from an onMessageSend request and
// hands to the application's function: the fields of webhook's
// MessageSendEvent that the request carries, in plain Go types.
type messageSend struct {
	EventType, AccountSID, InstanceSID, ClientIdentity, Source string
	ChannelSID, Body, From                                     string
	Attributes                                                 json.RawMessage
	DateCreated                                                time.Time
}

// webhookSide is one way of serving the webhook: an http.Handler that
// verifies the signature, decodes the event, calls the application's
// function with it and answers 200 when the function allows it.
type webhookSide struct {
	name    string
	handler http.Handler
}

// newWebhookSides returns the three sides, each calling allow with the
// decoded event; allow returns whether to let the message through.
func newWebhookSides(tb testing.TB, allow func(*messageSend) bool) []webhookSide {
	tb.Helper()
	return []webhookSide{
		{"twiliochat", newWebhookTwiliochat(tb, allow)},
		{"twiliogo", newWebhookTwilioGo(allow)},
		{"floor", newWebhookFloor(allow)},
	}
}

// newWebhookTwiliochat returns webhook's Handler with an OnMessageSend
// function, as its documentation shows.
func newWebhookTwiliochat(tb testing.TB, allow func(*messageSend) bool) http.Handler {
	tb.Helper()
	h, err := webhook.NewHandler(authToken)
	require.NoError(tb, err)
	var m messageSend
	h.OnMessageSend(func(_ context.Context, e *webhook.MessageSendEvent) (webhook.Decision, error) {
		m = messageSend{
			EventType: e.EventType, AccountSID: e.AccountSID, InstanceSID: e.InstanceSID,
			ClientIdentity: e.ClientIdentity, Source: e.Source, ChannelSID: e.ChannelSID,
			Body: e.Body, From: e.From, Attributes: e.Attributes, DateCreated: e.DateCreated,
		}
		if !allow(&m) {
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})
	return h
}

// newWebhookTwilioGo returns the handler a twilio-go user writes: ParseForm,
// the form as the map[string]string RequestValidator.Validate takes, the URL
// rebuilt from the request as twiliochat does, then the same decoding as the
// floor.
func newWebhookTwilioGo(allow func(*messageSend) bool) http.Handler {
	validator := twilioclient.NewRequestValidator(authToken)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		params := make(map[string]string, len(r.PostForm))
		for k, v := range r.PostForm {
			params[k] = v[0]
		}
		if !validator.Validate(requestURL(r), params, r.Header.Get("X-Twilio-Signature")) {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		answer(w, r.PostForm, allow)
	})
}

// newWebhookFloor returns the hand-written handler no library can beat:
// ParseForm, HMAC-SHA1 over the URL and the sorted parameters (written to
// the HMAC at once, from one buffer), a constant-time compare, the same
// decoding, 200. It checks one URL, one token and one way of signing
// repeated values, where twiliochat and twilio-go check two URL forms.
func newWebhookFloor(allow func(*messageSend) bool) http.Handler {
	key := []byte(authToken)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		var got [sha1.Size + 2]byte
		signature := r.Header.Get("X-Twilio-Signature")
		if base64.StdEncoding.DecodedLen(len(signature)) > len(got) {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		n, err := base64.StdEncoding.Decode(got[:], []byte(signature))
		if err != nil {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		keys := make([]string, 0, len(r.PostForm))
		for k := range r.PostForm {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		msg := make([]byte, 0, 1024)
		msg = append(msg, requestURL(r)...)
		for _, k := range keys {
			for _, v := range r.PostForm[k] { // Twilio sends each key once
				msg = append(append(msg, k...), v...)
			}
		}
		mac := hmac.New(sha1.New, key)
		mac.Write(msg)
		var sum [sha1.Size]byte
		if !hmac.Equal(mac.Sum(sum[:0]), got[:n]) {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		answer(w, r.PostForm, allow)
	})
}

// requestURL is the URL Twilio called, rebuilt from the request.
func requestURL(r *http.Request) string {
	scheme := "http://"
	if r.TLS != nil {
		scheme = "https://"
	}
	return scheme + r.Host + r.RequestURI
}

// answer decodes the event of form as webhook.Parse does, calls allow, and
// answers 200 or 403.
func answer(w http.ResponseWriter, form url.Values, allow func(*messageSend) bool) {
	m := messageSend{
		EventType: form.Get("EventType"), AccountSID: form.Get("AccountSid"), InstanceSID: form.Get("InstanceSid"),
		ClientIdentity: form.Get("ClientIdentity"), Source: form.Get("Source"), ChannelSID: form.Get("ChannelSid"),
		Body: form.Get("Body"), From: form.Get("From"),
	}
	if a := form.Get("Attributes"); a != "" {
		m.Attributes = json.RawMessage(a)
		if !json.Valid(m.Attributes) {
			http.Error(w, "bad Attributes", http.StatusBadRequest)
			return
		}
	}
	if d := form.Get("DateCreated"); d != "" {
		t, err := time.Parse(time.RFC3339Nano, d)
		if err != nil {
			http.Error(w, "bad DateCreated", http.StatusBadRequest)
			return
		}
		m.DateCreated = t
	}
	if m.EventType != webhook.EventMessageSend {
		http.Error(w, "unexpected event", http.StatusBadRequest)
		return
	}
	if !allow(&m) {
		http.Error(w, "rejected", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// webhookCall is one signed webhook request, served again and again without
// allocating: its body is replayed and its parsed form cleared before each
// call, and the answer is recorded, not kept.
type webhookCall struct {
	r    *http.Request
	body replayBody
	w    statusRecorder
}

// newWebhookCall returns the signed POST of body (a form) to webhookURL,
// with signature as its X-Twilio-Signature.
func newWebhookCall(tb testing.TB, body, signature string) *webhookCall {
	tb.Helper()
	r, err := http.NewRequest(http.MethodPost, webhookURL, nil)
	require.NoError(tb, err)
	r.RequestURI = webhookPath
	r.TLS = &tls.ConnectionState{}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("X-Twilio-Signature", signature)
	r.Header.Set("User-Agent", "TwilioProxy/1.1")
	r.ContentLength = int64(len(body))
	return &webhookCall{r: r, body: replayBody{data: []byte(body)}, w: statusRecorder{header: http.Header{}}}
}

// serve calls h with the request and returns the status it answered.
func (c *webhookCall) serve(h http.Handler) int {
	c.body.off = 0
	c.r.Body = &c.body
	c.r.Form, c.r.PostForm = nil, nil
	clear(c.w.header)
	c.w.status = 0
	h.ServeHTTP(&c.w, c.r)
	if c.w.status == 0 {
		return http.StatusOK
	}
	return c.w.status
}

// replayBody reads data from off; serve rewinds it.
type replayBody struct {
	data []byte
	off  int
}

// Read implements io.Reader.
func (b *replayBody) Read(p []byte) (int, error) {
	if b.off >= len(b.data) {
		return 0, io.EOF
	}
	n := copy(p, b.data[b.off:])
	b.off += n
	return n, nil
}

// Close implements io.Closer.
func (b *replayBody) Close() error { return nil }

// statusRecorder is an http.ResponseWriter that keeps the status and
// discards the body.
type statusRecorder struct {
	header http.Header
	status int
}

// Header implements http.ResponseWriter.
func (w *statusRecorder) Header() http.Header { return w.header }

// WriteHeader implements http.ResponseWriter.
func (w *statusRecorder) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

// Write implements http.ResponseWriter.
func (w *statusRecorder) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return len(p), nil
}

// readWebhookForm returns the onMessageSend request body from
// ../webhook/testdata and its parameters.
func readWebhookForm(tb testing.TB) (string, url.Values) {
	tb.Helper()
	raw, err := os.ReadFile(webhookForm)
	require.NoError(tb, err)
	body := string(raw)
	if n := len(body); n > 0 && body[n-1] == '\n' {
		body = body[:n-1]
	}
	form, err := url.ParseQuery(body)
	require.NoError(tb, err)
	return body, form
}

// BenchmarkWebhook serves one signed onMessageSend POST that the
// application allows, by calling each side's ServeHTTP directly: no network,
// no httptest, the same request replayed.
func BenchmarkWebhook(b *testing.B) {
	body, form := readWebhookForm(b)
	signature := webhook.Sign(authToken, webhookURL, form)
	for _, side := range newWebhookSides(b, func(m *messageSend) bool { return m.From == "alice" }) {
		b.Run(side.name, func(b *testing.B) {
			call := newWebhookCall(b, body, signature)
			if status := call.serve(side.handler); status != http.StatusOK {
				b.Fatalf("%s answered %d", side.name, status)
			}
			clock := startCPU(b)
			for range b.N {
				if status := call.serve(side.handler); status != http.StatusOK {
					b.Fatalf("%s answered %d", side.name, status)
				}
			}
			clock.stop()
		})
	}
}

// TestWebhookSameAnswers checks that the three sides of BenchmarkWebhook do
// the same work: each accepts the signed request and decodes the same
// event from it, and each refuses, without calling the application, the
// request with a changed parameter, a changed URL or a changed signature,
// and the request signed with another token.
func TestWebhookSameAnswers(t *testing.T) {
	t.Parallel()
	body, form := readWebhookForm(t)
	signature := webhook.Sign(authToken, webhookURL, form)
	tampered := url.Values{}
	for k, v := range form {
		tampered[k] = v
	}
	tampered.Set("Body", "Hello, world & enemies = 100%")
	date, err := time.Parse(time.RFC3339Nano, "2024-05-06T07:08:09.123Z")
	require.NoError(t, err)
	want := messageSend{
		EventType: "onMessageSend", AccountSID: "AC0123456789abcdef0123456789abcdef",
		InstanceSID: "IS1123456789abcdef1123456789abcdef", ClientIdentity: "alice", Source: "SDK",
		ChannelSID: "CH2123456789abcdef2123456789abcdef", Body: "Hello, world & friends = 100%", From: "alice",
		Attributes: json.RawMessage(`{"importance":"high","tags":["a","b"]}`), DateCreated: date,
	}

	tests := []struct {
		name      string
		body      string
		signature string
		host      string
		want      int
	}{
		{"signed", body, signature, webhookHost, http.StatusOK},
		{"a parameter changed", tampered.Encode(), signature, webhookHost, http.StatusUnauthorized},
		{"another host", body, signature, "attacker.example", http.StatusUnauthorized},
		{"another signature", body, webhook.Sign(authToken, webhookURL, tampered), webhookHost, http.StatusUnauthorized},
		{"another token", body, webhook.Sign(otherSecret, webhookURL, form), webhookHost, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []messageSend
			sides := newWebhookSides(t, func(m *messageSend) bool { got = append(got, *m); return true })
			require.Len(t, sides, 3, "twiliochat, twilio-go and the floor")
			for _, side := range sides {
				call := newWebhookCall(t, tt.body, tt.signature)
				call.r.Host = tt.host
				called := len(got)
				assert.Equal(t, tt.want, call.serve(side.handler), side.name)
				if tt.want != http.StatusOK {
					assert.Len(t, got, called, "%s calls nothing", side.name)
					continue
				}
				if assert.Len(t, got, called+1, "%s calls the function once", side.name) {
					assert.Equal(t, want, got[called], "%s decodes the event", side.name)
				}
			}
		})
	}
}

// TestWebhookRejectSame checks that the three sides answer 403 when the
// application rejects the message.
func TestWebhookRejectSame(t *testing.T) {
	t.Parallel()
	body, form := readWebhookForm(t)
	signature := webhook.Sign(authToken, webhookURL, form)
	for _, side := range newWebhookSides(t, func(*messageSend) bool { return false }) {
		assert.Equal(t, http.StatusForbidden, newWebhookCall(t, body, signature).serve(side.handler), side.name)
	}
}
