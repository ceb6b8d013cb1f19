package benchmarks

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"testing"

	"github.com/e3f0929f/twiliochat/benchmarks/internal/benchserver"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sentRequest is what the server saw of one Update request.
type sentRequest struct {
	method, path, contentType string
	user, pass                string
	form                      url.Values
}

// TestSameForm checks that the comparison is fair: every client sends the
// seed's 27 keys with the same values to the same path, and decodes the
// answer.
func TestSameForm(t *testing.T) {
	t.Parallel()
	var (
		mu   sync.Mutex
		sent []sentRequest
	)
	srv := benchserver.New(readServiceJSON(t), func(r *http.Request, body []byte) {
		form, err := url.ParseQuery(string(body))
		user, pass, _ := r.BasicAuth()
		mu.Lock()
		defer mu.Unlock()
		if !assert.NoError(t, err) {
			return
		}
		sent = append(sent, sentRequest{
			method: r.Method, path: r.URL.EscapedPath(), contentType: r.Header.Get("Content-Type"),
			user: user, pass: pass, form: form,
		})
	})
	ts := srv.Start()
	t.Cleanup(ts.Close)

	clients := newClients(t, ts.URL)
	require.Len(t, clients, 3, "twiliochat, twilio-go and the floor")
	forms := map[string]url.Values{}
	for _, c := range clients {
		sid, err := c.update(context.Background())
		require.NoError(t, err, c.name)
		assert.Equal(t, serviceSID, sid, "%s decodes the answer", c.name)

		mu.Lock()
		require.Len(t, sent, len(forms)+1, "%s sent one request", c.name)
		got := sent[len(sent)-1]
		mu.Unlock()
		assert.Equal(t, http.MethodPost, got.method, c.name)
		assert.Equal(t, "/v2/Services/"+serviceSID, got.path, c.name)
		assert.Equal(t, "application/x-www-form-urlencoded", got.contentType, c.name)
		assert.Equal(t, accountSID, got.user, c.name)
		assert.Equal(t, authToken, got.pass, c.name)
		forms[c.name] = got.form
	}

	want := wantForm()
	require.Len(t, want, 27, "the seed's request example has 27 keys")
	for _, c := range clients {
		assert.ElementsMatch(t, sortedKeys(want), sortedKeys(forms[c.name]), "%s sends exactly the seed's keys", c.name)
	}
	for _, key := range sortedKeys(want) {
		for _, c := range clients {
			assert.Equal(t, want[key], forms[c.name][key], "%s: %s", c.name, key)
		}
	}
}

// sortedKeys returns the keys of form in order.
func sortedKeys(form url.Values) []string {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
