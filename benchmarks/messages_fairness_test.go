package benchmarks

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/benchmarks/internal/benchserver"
)

// seenRequest is what the server saw of one request.
type seenRequest struct {
	method, path, contentType, webhookEnabled string
	user, pass                                string
	query, form                               url.Values
}

// recordingServer starts a server that records every request it answers.
func recordingServer(t *testing.T) (string, func() []seenRequest) {
	t.Helper()
	var (
		mu   sync.Mutex
		seen []seenRequest
	)
	msg, err := os.ReadFile("../testdata/message_create.json")
	require.NoError(t, err)
	srv := benchserver.New(readServiceJSON(t), func(r *http.Request, body []byte) {
		form, err := url.ParseQuery(string(body))
		assert.NoError(t, err)
		user, pass, _ := r.BasicAuth()
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, seenRequest{
			method: r.Method, path: r.URL.EscapedPath(), contentType: r.Header.Get("Content-Type"),
			webhookEnabled: r.Header.Get("X-Twilio-Webhook-Enabled"), user: user, pass: pass,
			query: r.URL.Query(), form: form,
		})
	}).WithMessage(msg)
	ts := srv.Start()
	t.Cleanup(ts.Close)
	return ts.URL, func() []seenRequest {
		mu.Lock()
		defer mu.Unlock()
		return append([]seenRequest(nil), seen...)
	}
}

// TestSendSameRequest checks that the three senders of BenchmarkSend, and
// those of BenchmarkConversationsSend, send the same request (path,
// credentials, form keys and values, the X-Twilio-Webhook-Enabled header)
// and decode the same Message from the answer.
func TestSendSameRequest(t *testing.T) {
	t.Parallel()
	date, err := time.Parse(time.RFC3339, "2015-12-16T22:18:37Z")
	require.NoError(t, err)
	for _, tc := range []struct {
		name       string
		newSenders func(testing.TB, string) []sender
		path       string
		// authorKey is the form key of the message's author.
		authorKey string
		want      message
	}{
		{name: "chat", newSenders: newSenders, authorKey: "From",
			path: "/v2/Services/" + serviceSID + "/Channels/" + sendChannelSID + "/Messages",
			want: message{SID: "IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", From: "system", Body: "Hello", Attributes: `{"test": "test"}`, DateCreated: date}},
		{name: "conversations", newSenders: newConversationsSenders, authorKey: "Author",
			path: "/v1/Conversations/" + sendChannelSID + "/Messages",
			want: message{SID: "IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", From: "message author", Body: "Hello", Attributes: `{ "importance": "high" }`, DateCreated: date}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			baseURL, seen := recordingServer(t)
			senders := tc.newSenders(t, baseURL)
			require.Len(t, senders, 3, "twiliochat, twilio-go and the floor")
			for i, s := range senders {
				got, err := s.send(context.Background())
				require.NoError(t, err, s.name)
				assert.Equal(t, tc.want, got, "%s decodes the answer", s.name)

				requests := seen()
				require.Len(t, requests, i+1, "%s sent one request", s.name)
				r := requests[i]
				assert.Equal(t, http.MethodPost, r.method, s.name)
				assert.Equal(t, tc.path, r.path, s.name)
				assert.Equal(t, "application/x-www-form-urlencoded", r.contentType, s.name)
				assert.Equal(t, "true", r.webhookEnabled, s.name)
				assert.Equal(t, accountSID, r.user, s.name)
				assert.Equal(t, authToken, r.pass, s.name)
				assert.Equal(t, url.Values{tc.authorKey: {messageFrom}, "Body": {messageBody}, "Attributes": {messageAttributes}}, r.form, s.name)
			}
		})
	}
}

// TestListSameItems checks that every lister of BenchmarkList, and of
// BenchmarkConversationsList, asks for the same pages (PageSize 100, then
// each next_page_url) and decodes the same Messages, in order, from a list
// of 250: two full pages and a short one.
func TestListSameItems(t *testing.T) {
	t.Parallel()
	const n = 250
	channelSID := benchserver.ListChannelSID(n)
	for _, tc := range []struct {
		name       string
		newListers func(testing.TB, string) []lister
		path       string
	}{
		{name: "chat", newListers: newListers, path: "/v2/Services/" + serviceSID + "/Channels/" + channelSID + "/Messages"},
		{name: "conversations", newListers: newConversationsListers, path: "/v1/Conversations/" + channelSID + "/Messages"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			baseURL, seen := recordingServer(t)
			listers := tc.newListers(t, baseURL)
			require.Len(t, listers, 4, "twiliochat, twilio-go's List and Stream, and the floor")
			want := wantListed(n)
			wantQueries := []url.Values{
				{"PageSize": {"100"}},
				{"PageSize": {"100"}, "Page": {"1"}, "PageToken": {"PT99"}},
				{"PageSize": {"100"}, "Page": {"2"}, "PageToken": {"PT199"}},
			}
			for _, l := range listers {
				before := len(seen())
				var got []message
				require.NoError(t, l.walk(context.Background(), channelSID, func(m message) { got = append(got, m) }), l.name)
				assert.Equal(t, want, got, "%s decodes every Message in order", l.name)

				requests := seen()[before:]
				require.Len(t, requests, len(wantQueries), "%s asks for three pages", l.name)
				for i, r := range requests {
					assert.Equal(t, http.MethodGet, r.method, "%s, page %d", l.name, i)
					assert.Equal(t, tc.path, r.path, "%s, page %d", l.name, i)
					assert.Equal(t, wantQueries[i], r.query, "%s, page %d", l.name, i)
					assert.Equal(t, accountSID, r.user, "%s, page %d", l.name, i)
					assert.Equal(t, authToken, r.pass, "%s, page %d", l.name, i)
				}
			}
		})
	}
}
