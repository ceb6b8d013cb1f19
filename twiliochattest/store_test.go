package twiliochattest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// Tests of the fake's machinery that every resource uses: the generic table
// and the route table. They run inside the package, on route tables of their
// own, so they can serve operations the fake does not serve yet.

type item struct{ SID, Name string }

func TestTable(t *testing.T) {
	t.Parallel()
	grandchildren := newTable[item]()
	children := newTable[item](grandchildren)
	parents := newTable[item](children)

	parents.add("", "P1", "", item{SID: "P1"})
	parents.add("", "P2", "", item{SID: "P2"})
	children.add("P1", "C1", "support", item{SID: "C1", Name: "support"})
	children.add("P1", "C2", "", item{SID: "C2"})
	children.add("P2", "C3", "support", item{SID: "C3", Name: "support"})
	grandchildren.add("C1", "G1", "", item{SID: "G1"})

	assert.Equal(t, []item{{SID: "C1", Name: "support"}, {SID: "C2"}}, children.list("P1"), "creation order per parent")
	assert.Equal(t, "C1", children.get("P1", "support").SID, "by unique name")
	assert.Equal(t, "C3", children.get("P2", "support").SID, "names are unique per parent")
	assert.Equal(t, "C1", children.get("P1", "C1").SID, "by SID")
	assert.Nil(t, children.get("P2", "C1"), "another parent's item")
	assert.Nil(t, children.get("P1", "nobody"))
	assert.True(t, children.nameTaken("P1", "support", "C2"))
	assert.False(t, children.nameTaken("P1", "support", "C1"), "an item's own name")
	assert.False(t, children.nameTaken("P1", "help", "C2"))

	children.setName("C1", "help")
	assert.Nil(t, children.get("P1", "support"), "a renamed item leaves its old name")
	assert.Equal(t, "C1", children.get("P1", "help").SID)

	assert.False(t, parents.remove("", "P3"))
	assert.False(t, children.remove("P2", "C1"), "not under that parent")
	require.True(t, parents.remove("", "P1"))
	assert.Empty(t, children.list("P1"), "deletes cascade to the children")
	assert.Nil(t, children.get("P1", "help"), "and to their names")
	assert.Empty(t, grandchildren.list("C1"), "and to theirs")
	assert.Equal(t, []item{{SID: "C3", Name: "support"}}, children.list("P2"), "other parents keep theirs")
	assert.Equal(t, []item{{SID: "P2"}}, parents.list(""))
}

// TestHandlers holds the handler table to the spec: every operation of the
// spec has a handler, and every handler is an operation's.
func TestHandlers(t *testing.T) {
	t.Parallel()
	inSpec := map[string]bool{}
	for _, op := range spec.Operations {
		inSpec[op.ID] = true
		assert.NotNil(t, handlers[op.ID], "no handler for %s (%s %s)", op.ID, op.Method, op.Path)
	}
	for id, h := range handlers {
		assert.True(t, inSpec[id], "handler for %s, which the spec does not have", id)
		assert.NotNil(t, h, id)
	}
}

// TestConversationsHandlers holds conversationsHandlers to the
// Conversations v1 spec: a handler for each of its operations, and none
// for an operation it does not have.
func TestConversationsHandlers(t *testing.T) {
	t.Parallel()
	inSpec := map[string]bool{}
	for _, op := range convspec.Operations {
		inSpec[op.ID] = true
		assert.NotNil(t, conversationsHandlers[op.ID], "no handler for %s (%s %s)", op.ID, op.Method, op.Path)
	}
	assert.Len(t, convspec.Operations, 103)
	for id, h := range conversationsHandlers {
		assert.True(t, inSpec[id], "handler for %s, which the spec does not have", id)
		assert.NotNil(t, h, id)
	}
}

func TestResolve(t *testing.T) {
	t.Parallel()
	answerValues := func(_ *Server, c *call) response { return answer(http.StatusOK, c.values) }
	rts := newRoutes(map[string]handler{
		"FetchChannel":  answerValues,
		"DeleteChannel": answerValues,
		"FetchMember":   answerValues,
		"ListCredential": func(_ *Server, c *call) response {
			return pageOf(c, "http://fake/v2/Credentials", []item{})
		},
	})
	const svc = "IS0123456789abcdef0123456789abcdef"
	tests := []struct {
		name, method, path string
		wantStatus         int
		wantValues         map[string]string
		wantAllow          string
	}{
		{"a SID", http.MethodGet, "/v2/Services/" + svc + "/Channels/CH0123456789abcdef0123456789abcdef", 200,
			map[string]string{"ServiceSid": svc, "Sid": "CH0123456789abcdef0123456789abcdef"}, ""},
		{"a name", http.MethodGet, "/v2/Services/" + svc + "/Channels/support", 200, map[string]string{"ServiceSid": svc, "Sid": "support"}, ""},
		{"an escaped slash stays in the value", http.MethodDelete, "/v2/Services/" + svc + "/Channels/a%2Fb", 200, map[string]string{"ServiceSid": svc, "Sid": "a/b"}, ""},
		{"an escaped question mark", http.MethodGet, "/v2/Services/" + svc + "/Channels/x%3Fy", 200, map[string]string{"ServiceSid": svc, "Sid": "x?y"}, ""},
		{"unicode", http.MethodGet, "/v2/Services/" + svc + "/Channels/caf%C3%A9", 200, map[string]string{"ServiceSid": svc, "Sid": "café"}, ""},
		{"seven segments", http.MethodGet, "/v2/Services/" + svc + "/Channels/support/Members/alice", 200,
			map[string]string{"ServiceSid": svc, "ChannelSid": "support", "Sid": "alice"}, ""},
		{"the other seven-segment shape, not served", http.MethodGet, "/v2/Services/" + svc + "/Users/alice/Bindings/BS0123456789abcdef0123456789abcdef", 404, nil, ""},
		{"a bad SID where the spec has a pattern", http.MethodGet, "/v2/Services/IS123/Channels/support", 404, nil, ""},
		{"a method the route does not serve", http.MethodPost, "/v2/Services/" + svc + "/Channels/support", 405, nil, "GET, DELETE"},
		{"a route without any served method", http.MethodGet, "/v2/Services/" + svc + "/Roles", 404, nil, ""},
		{"an empty value", http.MethodGet, "/v2/Services/" + svc + "/Channels/", 404, nil, ""},
		{"top-level list", http.MethodGet, "/v2/Credentials", 200, nil, ""},
		{"top-level list, other method", http.MethodDelete, "/v2/Credentials", 405, nil, "GET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			u, err := url.Parse("http://fake" + tt.path)
			require.NoError(t, err)
			r := &http.Request{Method: tt.method, URL: u}
			h, c, refusal := resolve(rts, r, url.Values{})
			var resp response
			if h != nil {
				resp = h(nil, c)
			} else {
				resp = refusal
			}
			assert.Equal(t, tt.wantStatus, resp.status)
			assert.Equal(t, tt.wantAllow, resp.allow)
			if tt.wantValues != nil {
				assert.Equal(t, tt.wantValues, resp.body)
			}
			w := httptest.NewRecorder()
			resp.write(w)
			assert.Equal(t, tt.wantAllow, w.Header().Get("Allow"))
		})
	}
}

func TestPageMaximumFromSpec(t *testing.T) {
	t.Parallel()
	items := make([]item, 12)
	for _, tt := range []struct {
		id, query  string
		wantStatus int
		wantSize   int
	}{
		{"ListChannelWebhook", "", 200, 5},
		{"ListChannelWebhook", "PageSize=5", 200, 5},
		{"ListChannelWebhook", "PageSize=6", 400, 0},
		{"ListCredential", "PageSize=1000", 200, 12},
		{"ListRole", "PageSize=101", 400, 0},
		{"ListRole", "", 200, 12},
	} {
		q, err := url.ParseQuery(tt.query)
		require.NoError(t, err)
		resp := pageOf(&call{op: lookup(t, tt.id), query: q}, "http://fake/list", items)
		require.Equal(t, tt.wantStatus, resp.status, "%s %s", tt.id, tt.query)
		if tt.wantStatus == http.StatusOK {
			page := resp.body.(map[string]any)
			assert.Len(t, page[lookup(t, tt.id).ListKey], tt.wantSize, "%s %s", tt.id, tt.query)
		}
	}
}

// lookup returns the spec's operation id.
func lookup(t *testing.T, id string) *spec.Operation {
	t.Helper()
	return spec.Lookup(id)
}

// TestServiceDeleteLeavesNothing checks the wiring of the Server's tables:
// deleting a Service whose Channel has a member, a message, an invite and a
// webhook empties every table but the account's own (Credentials), so no
// table under a Channel or a Service is missing from its parent's children.
func TestServiceDeleteLeavesNothing(t *testing.T) {
	t.Parallel()
	s := NewServer()
	t.Cleanup(s.Close)
	serviceSID, err := s.SeedService("s")
	require.NoError(t, err)
	channelSID, err := s.SeedChannel(serviceSID, "general")
	require.NoError(t, err)
	_, err = s.SeedMember(serviceSID, channelSID, "alice")
	require.NoError(t, err)
	values := map[string]string{"ServiceSid": serviceSID, "ChannelSid": channelSID}
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, form := range map[string]url.Values{
		"CreateMessage":        {"Body": {"hi"}},
		"CreateInvite":         {"Identity": {"bob"}},
		"CreateChannelWebhook": {"Type": {"studio"}, "Configuration.FlowSid": {"FW0123456789abcdef0123456789abcdef"}},
	} {
		_, failed := s.seed(id, values, form).failed()
		require.False(t, failed, id)
	}
	require.Len(t, s.webhooksOf(channelSID), 1)

	require.True(t, s.services.remove("", serviceSID))

	v := reflect.ValueOf(s).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		if !strings.HasPrefix(f.Type().String(), "*twiliochattest.table[") || v.Type().Field(i).Name == "credentials" {
			continue
		}
		assert.Zero(t, f.Elem().FieldByName("items").Len(), "table %s", v.Type().Field(i).Name)
	}
}
