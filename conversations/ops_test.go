package conversations

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// The tests every operation of the registry passes alike.

const (
	testAccountSID = "AC00000000000000000000000000000001"
	testAuthToken  = "an-auth-token-of-32-characters!!"
	testServiceSID = "IS00000000000000000000000000000002"
)

// seen is one request the test server received.
type seen struct {
	method, path, rawQuery string
	escapedPath            string
	form                   url.Values
	header                 http.Header
}

// server is a test server that records its requests and answers each with
// status and body.
type server struct {
	*httptest.Server
	mu     sync.Mutex
	seen   []seen
	status int
	body   []byte
}

// newServer returns a server answering status and body, closed with t.
func newServer(t *testing.T, status int, body []byte) *server {
	t.Helper()
	s := &server{status: status, body: body}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(raw))
		s.mu.Lock()
		s.seen = append(s.seen, seen{r.Method, r.URL.Path, r.URL.RawQuery, r.URL.EscapedPath(), form, r.Header.Clone()})
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(s.status)
		_, _ = w.Write(s.body)
	}))
	t.Cleanup(s.Close)
	return s
}

// requests returns the requests received so far.
func (s *server) requests() []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.seen)
}

// newTestClient returns a Client of a twiliochat.Client sending to base,
// retrying without waiting.
func newTestClient(t *testing.T, base string) *Client {
	t.Helper()
	chat, err := twiliochat.NewClient(testAccountSID, testAuthToken, twiliochat.WithBaseURL(base),
		twiliochat.WithRetryPolicy(twiliochat.RetryPolicy{MaxRetries: 2, NoWait: true}))
	require.NoError(t, err)
	t.Cleanup(chat.CloseIdleConnections)
	return New(chat)
}

// golden reads testdata/name.json.
func golden(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name + ".json")
	require.NoError(t, err)
	return b
}

// answer is what the server answers op with: the golden resource, a page
// holding it for a list, nothing for a Delete.
func answer(t *testing.T, op *spec.Operation, r row) (int, []byte) {
	t.Helper()
	switch {
	case op.Method == http.MethodDelete:
		return http.StatusNoContent, nil
	case op.ListKey != "":
		return http.StatusOK, []byte(fmt.Sprintf(`{"meta": {"page": 0, "page_size": 50, "key": %q, "next_page_url": null}, %q: [%s]}`,
			op.ListKey, op.ListKey, golden(t, r.golden)))
	case op.Creates:
		return http.StatusCreated, golden(t, r.golden)
	}
	return http.StatusOK, golden(t, r.golden)
}

// sid returns a SID of prefix whose last digits are n.
func sid(prefix string, n int) string { return fmt.Sprintf("%s%032x", prefix, n) }

// pathValues returns valid path values of op but the named Service's: a
// SID of each value's kind.
func pathValues(op *spec.Operation) []string {
	var out []string
	for i, p := range op.Params {
		if p.Name != "ChatServiceSid" {
			out = append(out, sid(p.Prefix, i+10))
		}
	}
	return out
}

// expectedPath is op's path with values, and testServiceSID for a named
// Service, in its place.
func expectedPath(op *spec.Operation, values []string) string {
	var b strings.Builder
	b.WriteString(op.Parts[0])
	j := 0
	for i, p := range op.Params {
		if p.Name == "ChatServiceSid" {
			b.WriteString(testServiceSID)
		} else {
			b.WriteString(url.PathEscape(values[j]))
			j++
		}
		b.WriteString(op.Parts[i+1])
	}
	return b.String()
}

// call calls the operation id on c with values and p.
func call(t *testing.T, ctx context.Context, c *Client, id string, values []string, p any) error {
	t.Helper()
	r, named, ok := registryRow(id)
	require.True(t, ok, id)
	return r.call(ctx, resOf(c, named, testServiceSID), values, p)
}

// TestEveryOperationOnTheWire calls every operation with every key of its
// params set and checks the request, key by key: method, path, each form
// or query key and value, the webhook header, and that the answer decodes.
func TestEveryOperationOnTheWire(t *testing.T) {
	t.Parallel()
	for _, op := range convspec.Operations {
		t.Run(op.ID, func(t *testing.T) {
			t.Parallel()
			r, _, _ := registryRow(op.ID)
			srv := newServer(t, http.StatusOK, nil)
			srv.status, srv.body = answer(t, op, r)
			var p any
			want := url.Values{}
			wantHeader := ""
			if r.params != nil {
				p = r.params()
				wantHeader = fill(t, op, reflect.ValueOf(p).Elem(), "", want)
			}
			values := pathValues(op)
			require.NoError(t, call(t, context.Background(), newTestClient(t, srv.URL), op.ID, values, p))
			got := srv.requests()
			require.Len(t, got, 1)
			assert.Equal(t, op.Method, got[0].method)
			assert.Equal(t, expectedPath(op, values), got[0].escapedPath)
			sent := got[0].form
			if op.Method == http.MethodGet {
				sent, _ = url.ParseQuery(got[0].rawQuery)
			} else {
				assert.Empty(t, got[0].rawQuery)
			}
			assert.Equal(t, want, sent)
			assert.Equal(t, wantHeader, got[0].header.Get(spec.WebhookEnabledHeader))
			for k := range sent {
				assert.True(t, slices.ContainsFunc(op.Keys, func(key spec.Key) bool { return key.Name == k }), "%s is not a key of %s", k, op.ID)
			}
			for _, k := range op.Keys {
				if k.In != spec.InHeader && k.Name != "Page" && k.Name != "PageToken" {
					assert.Contains(t, sent, k.Name, "the params of %s cannot send %s", op.ID, k.Name)
				}
			}
		})
	}
}

// fill sets every field of the params struct v, whose keys are under
// prefix, to a valid value, and adds the form values it sends to want. It
// returns the webhook header's value.
func fill(t *testing.T, op *spec.Operation, v reflect.Value, prefix string, want url.Values) string {
	t.Helper()
	header := ""
	for i := range v.NumField() {
		f, sf := v.Field(i), v.Type().Field(i)
		if sf.Tag.Get("header") != "" {
			f.Set(reflect.ValueOf(twiliochat.Ptr(true)))
			header = "true"
			continue
		}
		tag, _, _ := strings.Cut(sf.Tag.Get("url"), ",")
		if tag == "-" || tag == "" {
			continue
		}
		name := prefix + tag
		if f.Kind() == reflect.Pointer && f.Type().Elem().Kind() == reflect.Struct && f.Type().Elem() != reflect.TypeFor[time.Time]() {
			f.Set(reflect.New(f.Type().Elem()))
			header += fill(t, op, f.Elem(), name+".", want)
			continue
		}
		i := slices.IndexFunc(op.Keys, func(k spec.Key) bool { return k.Name == name })
		require.True(t, i >= 0, "%s has a field for %s, which it does not take", op.ID, name)
		k := op.Keys[i]
		texts := []string{validValue(k)}
		if k.Type == spec.TypeArray && k.Enum == nil {
			texts = append(texts, validValue(k)+"2")
		}
		if k.Type == spec.TypeArray && name == "Participant" {
			texts = []string{`{"identity": "alice"}`, `{"messaging_binding": {"address": "+15558675310"}}`}
		}
		want[name] = texts
		switch {
		case f.Kind() == reflect.Slice:
			s := reflect.MakeSlice(f.Type(), len(texts), len(texts))
			for j, text := range texts {
				s.Index(j).SetString(text)
			}
			f.Set(s)
		case f.Type().Elem() == reflect.TypeFor[time.Time]():
			f.Set(reflect.ValueOf(twiliochat.Ptr(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))))
		default:
			e := reflect.New(f.Type().Elem())
			switch e.Elem().Kind() {
			case reflect.String:
				e.Elem().SetString(texts[0])
			case reflect.Int:
				n, err := strconv.Atoi(texts[0])
				require.NoError(t, err)
				e.Elem().SetInt(int64(n))
			case reflect.Bool:
				e.Elem().SetBool(true)
			}
			f.Set(e)
		}
	}
	return header
}

// assertInvalid asserts that err is a *twiliochat.ValidationError naming
// field.
func assertInvalid(t *testing.T, err error, field string, msgAndArgs ...any) {
	t.Helper()
	var verr *twiliochat.ValidationError
	if assert.ErrorAs(t, err, &verr, msgAndArgs...) {
		assert.Equal(t, field, verr.Field, msgAndArgs...)
		assert.True(t, twiliochat.IsValidation(err), msgAndArgs...)
	}
}

// validParams returns params of op with every key set, nil for an
// operation that takes none.
func validParams(t *testing.T, op *spec.Operation, r row) any {
	t.Helper()
	if r.params == nil {
		return nil
	}
	p := r.params()
	fill(t, op, reflect.ValueOf(p).Elem(), "", url.Values{})
	return p
}

// validValue is a valid value of k, as the form sends it.
func validValue(k spec.Key) string {
	switch {
	case k.Enum != nil:
		return k.Enum[len(k.Enum)-1]
	case k.Prefix != "":
		return sid(k.Prefix, 7)
	case k.Type == spec.TypeInteger:
		return "3"
	case k.Type == spec.TypeBoolean:
		return "true"
	case k.Type == spec.TypeDateTime:
		return "2026-01-02T03:04:05Z"
	}
	switch k.Name {
	case "Attributes", "ContentVariables":
		return `{"ticket": 4217, "tags": ["a&b"]}`
	case "Timers.Inactive", "Timers.Closed", "DefaultInactiveTimer", "DefaultClosedTimer":
		return "PT10M"
	case "StartDate", "EndDate":
		return "2026-01-02"
	}
	if strings.HasSuffix(k.Name, "Url") {
		return "https://example.com/hook?a=1&b=2"
	}
	// Characters the form must escape.
	return "v " + k.Name + " & = ü/?"
}

// TestBadPathValues gives every path value of every operation bad values,
// one at a time: each is refused with a *twiliochat.ValidationError naming
// the spec's path parameter, before any request.
func TestBadPathValues(t *testing.T) {
	t.Parallel()
	srv := newServer(t, http.StatusOK, []byte(`{}`))
	c := newTestClient(t, srv.URL)
	for _, op := range convspec.Operations {
		r, named, _ := registryRow(op.ID)
		j := 0
		for _, p := range op.Params {
			bad := []string{"", ".", ".."}
			if !p.Names {
				bad = append(bad, sid("XX", 1), p.Prefix+"123", sid(p.Prefix, 1)+"0", "a/b")
			}
			for _, v := range bad {
				values := pathValues(op)
				service := testServiceSID
				if p.Name == "ChatServiceSid" {
					service = v
				} else {
					values[j] = v
				}
				params := validParams(t, op, r)
				err := r.call(context.Background(), resOf(c, named, service), values, params)
				assertInvalid(t, err, p.Name, "%s %s=%q", op.ID, p.Name, v)
				if r.list != nil {
					err := r.list(context.Background(), resOf(c, named, service), values, params)
					assertInvalid(t, err, p.Name, "%s List %s=%q", op.ID, p.Name, v)
				}
			}
			if p.Name != "ChatServiceSid" {
				j++
			}
		}
	}
	assert.Empty(t, srv.requests())
}

// TestNamesAreEscaped sends a name with every character a path segment must
// escape as each path value that may be a name: it arrives as one segment.
func TestNamesAreEscaped(t *testing.T) {
	t.Parallel()
	const name = "support/emea ?#%ü"
	for _, op := range convspec.Operations {
		for i, p := range op.Params {
			if !p.Names {
				continue
			}
			t.Run(op.ID+"/"+p.Name, func(t *testing.T) {
				t.Parallel()
				r, _, _ := registryRow(op.ID)
				status, body := answer(t, op, r)
				srv := newServer(t, status, body)
				values := pathValues(op)
				j := i
				if strings.HasPrefix(op.Path, servicePrefix) {
					j--
				}
				values[j] = name
				params := validParams(t, op, r)
				require.NoError(t, call(t, context.Background(), newTestClient(t, srv.URL), op.ID, values, params))
				got := srv.requests()
				require.Len(t, got, 1)
				assert.Equal(t, expectedPath(op, values), got[0].escapedPath)
				assert.Contains(t, got[0].path, "/"+name)
			})
		}
	}
}

// TestNotFound answers every operation 404: the error is twiliochat's
// APIError, which twiliochat.IsNotFound recognises.
func TestNotFound(t *testing.T) {
	t.Parallel()
	srv := newServer(t, http.StatusNotFound, []byte(`{"code": 20404, "message": "The requested resource was not found", "status": 404}`))
	c := newTestClient(t, srv.URL)
	for _, op := range convspec.Operations {
		r, _, _ := registryRow(op.ID)
		params := validParams(t, op, r)
		err := call(t, context.Background(), c, op.ID, pathValues(op), params)
		assert.True(t, twiliochat.IsNotFound(err), "%s: %v", op.ID, err)
		var apiErr *twiliochat.APIError
		if assert.ErrorAs(t, err, &apiErr, op.ID) {
			assert.Equal(t, 20404, apiErr.Code)
		}
	}
}

// TestEveryListPages reads every list through List and NextPage: List
// follows next_page_url to the last page, and NextPage reads the page its
// argument links to, and returns nil after the last.
func TestEveryListPages(t *testing.T) {
	t.Parallel()
	for _, op := range convspec.Operations {
		if op.ListKey == "" {
			continue
		}
		t.Run(op.ID, func(t *testing.T) {
			t.Parallel()
			r, named, _ := registryRow(op.ID)
			var mu sync.Mutex
			pages := 0
			item := string(golden(t, r.golden))
			var base string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
				mu.Lock()
				pages++
				n := pages
				mu.Unlock()
				next := "null"
				if req.URL.Query().Get("Page") == "" {
					next = strconv.Quote(base + req.URL.Path + "?Page=1&PageToken=PT1")
				}
				// Each page's item has its own SID, as a real list's do.
				var m map[string]any
				require.NoError(t, json.Unmarshal([]byte(item), &m))
				for _, k := range []string{"sid", "conversation_sid"} {
					if s, ok := m[k].(string); ok {
						m[k] = s[:len(s)-1] + strconv.Itoa(n)
					}
				}
				b, _ := json.Marshal(m)
				fmt.Fprintf(w, `{"meta": {"key": %q, "next_page_url": %s}, %q: [%s]}`, op.ListKey, next, op.ListKey, b)
			}))
			t.Cleanup(srv.Close)
			base = srv.URL
			c := newTestClient(t, srv.URL)
			require.NoError(t, r.list(context.Background(), resOf(c, named, testServiceSID), pathValues(op), validParams(t, op, r)))
			assert.Equal(t, 2, pages)
			n, err := r.next(context.Background(), resOf(c, named, testServiceSID), srv.URL+"/v1/x?Page=1")
			require.NoError(t, err)
			assert.Equal(t, 1, n, "the linked page and its item")
			assert.Equal(t, 3, pages)
			n, err = r.next(context.Background(), resOf(c, named, testServiceSID), "")
			require.NoError(t, err)
			assert.Equal(t, -1, n, "no page after the last")
			assert.Equal(t, 3, pages, "no request after the last page")
		})
	}
}

// TestDecodeGolden decodes each result type from its golden file, built
// from the spec's schemas: the file holds every property of the schemas,
// and every field of the type is set from it.
func TestDecodeGolden(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("../internal/spec/testdata/twilio_conversations_v1.json")
	require.NoError(t, err)
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(raw, &doc))
	const (
		v1  = "conversations.v1."
		svc = v1 + "service."
		sc  = svc + "service_conversation."
	)
	for name, tc := range map[string]struct {
		decode  func([]byte) (any, error)
		schemas []string // the answer schemas of the type
	}{
		"conversation": {decodeAs[Conversation], []string{v1 + "conversation", svc + "service_conversation",
			v1 + "conversation_with_participants", svc + "service_conversation_with_participants"}},
		"message": {decodeAs[Message], []string{v1 + "conversation.conversation_message", sc + "service_conversation_message"}},
		"receipt": {decodeAs[Receipt], []string{v1 + "conversation.conversation_message.conversation_message_receipt",
			sc + "service_conversation_message.service_conversation_message_receipt"}},
		"participant":          {decodeAs[Participant], []string{v1 + "conversation.conversation_participant", sc + "service_conversation_participant"}},
		"conversation_webhook": {decodeAs[ConversationWebhook], []string{v1 + "conversation.conversation_scoped_webhook", sc + "service_conversation_scoped_webhook"}},
		"user":                 {decodeAs[User], []string{v1 + "user", svc + "service_user"}},
		"user_conversation":    {decodeAs[UserConversation], []string{v1 + "user.user_conversation", svc + "service_user.service_user_conversation"}},
		"participant_conversation": {decodeAs[ParticipantConversation], []string{v1 + "participant_conversation",
			svc + "service_participant_conversation"}},
		"role":                          {decodeAs[Role], []string{v1 + "role", svc + "service_role"}},
		"credential":                    {decodeAs[Credential], []string{v1 + "credential"}},
		"service":                       {decodeAs[Service], []string{v1 + "service"}},
		"address_configuration":         {decodeAs[AddressConfiguration], []string{v1 + "configuration_address"}},
		"configuration":                 {decodeAs[Configuration], []string{v1 + "configuration"}},
		"configuration_webhook":         {decodeAs[ConfigurationWebhook], []string{v1 + "configuration.configuration_webhook"}},
		"binding":                       {decodeAs[Binding], []string{svc + "service_binding"}},
		"service_configuration":         {decodeAs[ServiceConfiguration], []string{svc + "service_configuration"}},
		"service_notification":          {decodeAs[ServiceNotification], []string{svc + "service_configuration.service_notification"}},
		"service_webhook_configuration": {decodeAs[ServiceWebhookConfiguration], []string{svc + "service_configuration.service_webhook_configuration"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b := golden(t, name)
			v, err := tc.decode(b)
			require.NoError(t, err)
			assertAllSet(t, reflect.ValueOf(v).Elem(), name)
			var keys map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(b, &keys))
			// Every JSON key is a field: none is dropped.
			fields := map[string]bool{}
			rt := reflect.TypeOf(v).Elem()
			for i := range rt.NumField() {
				tag, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
				fields[tag] = true
			}
			for k := range keys {
				assert.True(t, fields[k], "%s: key %s has no field", name, k)
			}
			assert.Len(t, fields, len(keys))
			// Every property of the schemas the type decodes is in the file.
			for _, schema := range tc.schemas {
				s, ok := doc.Components.Schemas[schema]
				require.True(t, ok, schema)
				for prop := range s.Properties {
					assert.Contains(t, keys, prop, "%s: %s", schema, prop)
				}
			}
		})
	}
}

// decodeAs decodes b into a new R and checks its identity, as a call does.
func decodeAs[R any](b []byte) (any, error) {
	r := new(R)
	if err := json.Unmarshal(b, r); err != nil {
		return nil, err
	}
	id, _ := identityOf[R]{}.Identity(r)
	return r, id.Check()
}

// assertAllSet asserts that every field of v, a struct, and of the structs
// it holds, is not its zero value.
func assertAllSet(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	for i := range v.NumField() {
		f := v.Field(i)
		name := path + "." + v.Type().Field(i).Name
		if !assert.False(t, f.IsZero(), "%s is not set", name) {
			continue
		}
		for f.Kind() == reflect.Pointer {
			f = f.Elem()
		}
		if f.Kind() == reflect.Slice && f.Len() > 0 {
			f = f.Index(0)
		}
		if f.Kind() == reflect.Struct && f.Type() != reflect.TypeFor[time.Time]() {
			assertAllSet(t, f, name)
		}
	}
}

// TestNoIdentity answers every Fetch, Create and Update with {}: the
// resource has no SID and the call fails with a *twiliochat.DecodeError.
func TestNoIdentity(t *testing.T) {
	t.Parallel()
	srv := newServer(t, http.StatusOK, []byte(`{}`))
	c := newTestClient(t, srv.URL)
	for _, op := range convspec.Operations {
		if op.Method == http.MethodDelete || op.ListKey != "" {
			continue
		}
		r, _, _ := registryRow(op.ID)
		params := validParams(t, op, r)
		err := call(t, context.Background(), c, op.ID, pathValues(op), params)
		var derr *twiliochat.DecodeError
		assert.ErrorAs(t, err, &derr, op.ID)
	}
}

// TestNilClient: a Client made of a nil *twiliochat.Client sends nothing
// and fails every call.
func TestNilClient(t *testing.T) {
	t.Parallel()
	c := New(nil)
	_, err := c.Conversations.Fetch(context.Background(), "support")
	require.Error(t, err)
	var verr *twiliochat.ValidationError
	assert.False(t, errors.As(err, &verr))
	_, err = c.Service(testServiceSID).Users.Fetch(context.Background(), "alice")
	require.Error(t, err)
}

// TestNilContext calls every operation with a nil context: an error, and
// no request.
func TestNilContext(t *testing.T) {
	t.Parallel()
	srv := newServer(t, http.StatusOK, []byte(`{}`))
	c := newTestClient(t, srv.URL)
	for _, op := range convspec.Operations {
		r, named, _ := registryRow(op.ID)
		err := r.call(nil, resOf(c, named, testServiceSID), pathValues(op), validParams(t, op, r))
		assert.ErrorIs(t, err, engine.ErrNilContext, op.ID)
		if r.list != nil {
			err := r.list(nil, resOf(c, named, testServiceSID), pathValues(op), validParams(t, op, r))
			assert.ErrorIs(t, err, engine.ErrNilContext, op.ID)
		}
	}
	assert.Empty(t, srv.requests())
}

// TestRetries answers every operation 503: a Create, which Twilio may have
// served, is sent once; every other operation is retried twice.
func TestRetries(t *testing.T) {
	t.Parallel()
	for _, op := range convspec.Operations {
		t.Run(op.ID, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, http.StatusServiceUnavailable, []byte(`{"code": 20503, "status": 503, "message": "unavailable"}`))
			err := call(t, context.Background(), newTestClient(t, srv.URL), op.ID, pathValues(op), validParams(t, op, registryRowOf(op.ID)))
			require.Error(t, err)
			want := 3
			if op.Creates {
				want = 1
			}
			assert.Len(t, srv.requests(), want)
		})
	}
}

// registryRowOf returns the row of the operation id.
func registryRowOf(id string) row {
	r, _, _ := registryRow(id)
	return r
}

// hostRecorder is a RoundTripper that records the URL of each request and
// answers 404.
type hostRecorder struct {
	mu   sync.Mutex
	urls []string
}

func (h *hostRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.urls = append(h.urls, r.URL.String())
	h.mu.Unlock()
	return &http.Response{StatusCode: http.StatusNotFound, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(`{"code": 20404, "status": 404}`)), Request: r}, nil
}

// TestHost sends to Twilio's Conversations host, with the Chat client's
// edge and region, while the Chat client keeps its own.
func TestHost(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		opts       []twiliochat.Option
		conv, chat string
	}{
		{nil, "https://conversations.twilio.com/v1/Conversations/support", "https://chat.twilio.com/v2/Services/" + testServiceSID},
		{[]twiliochat.Option{twiliochat.WithEdge("sydney"), twiliochat.WithRegion("au1")},
			"https://conversations.sydney.au1.twilio.com/v1/Conversations/support", "https://chat.sydney.au1.twilio.com/v2/Services/" + testServiceSID},
	} {
		rec := &hostRecorder{}
		chat, err := twiliochat.NewClient(testAccountSID, testAuthToken,
			append(tc.opts, twiliochat.WithHTTPClient(&http.Client{Transport: rec}))...)
		require.NoError(t, err)
		_, err = New(chat).Conversations.Fetch(context.Background(), "support")
		assert.True(t, twiliochat.IsNotFound(err), err)
		_, err = chat.Services.Fetch(context.Background(), testServiceSID)
		assert.True(t, twiliochat.IsNotFound(err), err)
		assert.Equal(t, []string{tc.conv, tc.chat}, rec.urls)
	}
}
