package benchmarks

// Wire parity with twilio-go: every case of parity_cases_test.go sends the
// same logical parameters through twiliochat and through twilio-go's Chat
// v2 client to a recording server that answers with the spec's example,
// then compares what the two sent (method, path decoded and escaped, the
// form parsed and byte for byte, the query likewise, Content-Type and
// X-Twilio-Webhook-Enabled) and what the two decoded, field by field.
//
// Where the two differ on purpose, the case says so in a difference: what
// each sends is then pinned, with the reason, rather than compared.

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
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	twilio "github.com/twilio/twilio-go"
	twilioclient "github.com/twilio/twilio-go/client"
	chatv2 "github.com/twilio/twilio-go/rest/chat/v2"
	chatv3 "github.com/twilio/twilio-go/rest/chat/v3"
)

// ourCall makes one call through twiliochat and returns what it decoded.
type ourCall func(ctx context.Context, c *twiliochat.Client) (any, error)

// theirCall makes the same call through twilio-go.
type theirCall func(c *chatv2.ApiService) (any, error)

// parityCase is one call made through both clients.
type parityCase struct {
	name string
	// op is the spec's operationId.
	op     string
	ours   ourCall
	theirs theirCall
	// theirsV3 makes the call of Chat v3's operation through twilio-go's
	// Chat v3 client, in place of theirs.
	theirsV3 func(c *chatv3.ApiService) (any, error)
	// differs, when set, says where and why twiliochat sends something
	// other than twilio-go.
	differs *difference
}

// difference is a deliberate wire difference: what each client sends where
// they part, and why ours is right.
type difference struct {
	reason string
	// ourPath and theirPath are the escaped paths each sends, when they
	// differ.
	ourPath, theirPath string
	// ourQuery and theirQuery are the raw queries each sends, when they
	// differ.
	ourQuery, theirQuery string
	// ourErr, when set, is the form key of the *ValidationError twiliochat
	// returns without sending anything.
	ourErr string
	// theirErr, when set, is part of the error twilio-go returns without
	// sending anything.
	theirErr string
	// theirBody is the form twilio-go sends where twiliochat refuses to
	// send (ourErr), or, with ourBody, where both send but their forms
	// differ.
	theirBody string
	// ourBody, when set, is the form twiliochat sends where twilio-go
	// sends theirBody.
	ourBody string
}

// recorded is one request as the server saw it.
type recorded struct {
	method      string
	path        string // decoded
	escapedPath string
	rawQuery    string
	body        []byte
	contentType string
	webhook     []string // X-Twilio-Webhook-Enabled
}

// recorder is the server both clients send to: it keeps each request and
// answers with the spec's example for the operation.
type recorder struct {
	status int
	answer []byte
	// later, when set, answers a request for a later page of a list (one
	// with a PageToken).
	later []byte

	mu   sync.Mutex
	reqs []recorded
}

// ServeHTTP implements http.Handler.
func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	rec.mu.Lock()
	rec.reqs = append(rec.reqs, recorded{
		method:      r.Method,
		path:        r.URL.Path,
		escapedPath: r.URL.EscapedPath(),
		rawQuery:    r.URL.RawQuery,
		body:        body,
		contentType: r.Header.Get("Content-Type"),
		webhook:     r.Header.Values(spec.WebhookEnabledHeader),
	})
	rec.mu.Unlock()
	answer := rec.answer
	if rec.later != nil && r.URL.Query().Has("PageToken") {
		answer = rec.later
	}
	if answer == nil {
		w.WriteHeader(rec.status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(rec.status)
	_, _ = w.Write(answer)
}

// take returns the requests recorded since the last take.
func (rec *recorder) take() []recorded {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	reqs := rec.reqs
	rec.reqs = nil
	return reqs
}

// specAnswer is one example answer of an operation in the spec.
type specAnswer struct {
	name   string // the example's name ("readFull"), "" for a 204
	status int
	body   []byte // nil for a 204
}

// specDoc is the part of the spec the parity tests read: each path's
// members, of which the operations are objects.
type specDoc struct {
	Paths map[string]map[string]json.RawMessage `json:"paths"`
}

// specOperation is the part of an operation the parity tests read.
type specOperation struct {
	OperationID string `json:"operationId"`
	Parameters  []struct {
		Name string `json:"name"`
		In   string `json:"in"`
	} `json:"parameters"`
	RequestBody struct {
		Content map[string]struct {
			Schema struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
	Responses map[string]struct {
		Content map[string]struct {
			Examples map[string]struct {
				Value json.RawMessage `json:"value"`
			} `json:"examples"`
		} `json:"content"`
	} `json:"responses"`
}

// specFacts are, by operationId, the answers the spec gives as examples and
// the keys (form, query and header) it takes besides its path values.
type specFacts struct {
	answers map[string][]specAnswer
	keys    map[string][]string
}

// readSpecFacts reads the Chat specs the root module keeps (copies of
// those in shared/spec). An operation goes by its ID in internal/spec,
// which renames Chat v3's UpdateChannel MigrateChannel.
var readSpecFacts = sync.OnceValues(func() (*specFacts, error) {
	return readFacts(spec.Operations, "twilio_chat_v2.json", "twilio_chat_v3.json")
})

// readFacts reads the facts of the spec files names (in the root module's
// internal/spec/testdata) whose operations are ops.
func readFacts(ops []*spec.Operation, names ...string) (*specFacts, error) {
	facts := &specFacts{answers: map[string][]specAnswer{}, keys: map[string][]string{}}
	for _, name := range names {
		if err := facts.read("../internal/spec/testdata/"+name, ops); err != nil {
			return nil, err
		}
	}
	return facts, nil
}

// read adds the facts of the spec file name, whose operations are ops.
func (facts *specFacts) read(name string, ops []*spec.Operation) error {
	raw, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var doc specDoc
	if err := json.Unmarshal(raw, &doc); err != nil {
		return err
	}
	for path, members := range doc.Paths {
		for method, member := range members {
			var o specOperation
			// Members that are not objects ("servers") are not operations.
			if json.Unmarshal(member, &o) != nil || o.OperationID == "" {
				continue
			}
			i := slices.IndexFunc(ops, func(op *spec.Operation) bool {
				return op.Method == strings.ToUpper(method) && op.Path == path
			})
			if i < 0 {
				return fmt.Errorf("%s: %s %s is not in the operations", name, method, path)
			}
			o.OperationID = ops[i].ID
			var keys []string
			for _, p := range o.Parameters {
				// Page and PageToken are only ever sent through a page's
				// next_page_url, by both clients.
				if p.In != "path" && p.Name != "Page" && p.Name != "PageToken" {
					keys = append(keys, p.Name)
				}
			}
			for _, c := range o.RequestBody.Content {
				for k := range c.Schema.Properties {
					keys = append(keys, k)
				}
			}
			sort.Strings(keys)
			facts.keys[o.OperationID] = keys
			for code, r := range o.Responses {
				status, err := strconv.Atoi(code)
				if err != nil || status >= 300 {
					continue
				}
				if status == http.StatusNoContent {
					facts.answers[o.OperationID] = append(facts.answers[o.OperationID], specAnswer{status: status})
					continue
				}
				for _, c := range r.Content {
					for name, ex := range c.Examples {
						facts.answers[o.OperationID] = append(facts.answers[o.OperationID], specAnswer{name: name, status: status, body: ex.Value})
					}
				}
			}
			slices.SortFunc(facts.answers[o.OperationID], func(a, b specAnswer) int { return strings.Compare(a.name, b.name) })
		}
	}
	return nil
}

// mustSpecFacts returns the Chat specs' facts or stops the test.
func mustSpecFacts(tb testing.TB) *specFacts {
	tb.Helper()
	return mustFacts(tb, readSpecFacts)
}

// mustFacts returns the facts read reads or stops the test.
func mustFacts(tb testing.TB, read func() (*specFacts, error)) *specFacts {
	tb.Helper()
	facts, err := read()
	require.NoError(tb, err)
	return facts
}

// newTwilioGoChat returns twilio-go's Chat v2 client sending to baseURL, set
// up as newTwilioGo sets it up.
func newTwilioGoChat(tb testing.TB, baseURL string) *chatv2.ApiService {
	tb.Helper()
	return newTwilioGoRest(tb, baseURL).ChatV2
}

// newTwilioGoRest returns twilio-go's REST client sending to baseURL.
func newTwilioGoRest(tb testing.TB, baseURL string) *twilio.RestClient {
	tb.Helper()
	target, err := url.Parse(baseURL)
	require.NoError(tb, err)
	transport := http.DefaultTransport.(*http.Transport).Clone()
	tb.Cleanup(transport.CloseIdleConnections)
	base := &twilioclient.Client{
		Credentials: twilioclient.NewCredentials(accountSID, authToken),
		HTTPClient: &http.Client{
			Transport:     &rewriteHost{scheme: target.Scheme, host: target.Host, next: transport},
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
			Timeout:       10 * time.Second,
		},
	}
	base.SetAccountSid(accountSID)
	return twilio.NewRestClientWithParams(twilio.ClientParams{Client: base})
}

// newParityTwilioChat returns twiliochat's client sending to baseURL,
// without retries, so that each call is one request.
func newParityTwilioChat(tb testing.TB, baseURL string) *twiliochat.Client {
	tb.Helper()
	c, err := twiliochat.NewClient(accountSID, authToken, twiliochat.WithBaseURL(baseURL))
	require.NoError(tb, err)
	tb.Cleanup(c.CloseIdleConnections)
	return c
}

// sentKeys collects, by operationId, the keys the cases sent.
type sentKeys struct {
	mu   sync.Mutex
	keys map[string]map[string]bool
}

func (s *sentKeys) add(op string, keys ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keys[op] == nil {
		s.keys[op] = map[string]bool{}
	}
	for _, k := range keys {
		s.keys[op][k] = true
	}
}

// TestParity sends every case through both clients and compares the
// requests and the decoded answers; then it checks, from the spec, that
// every operation has a case and that the cases of each operation sent
// every key it takes.
func TestParity(t *testing.T) {
	t.Parallel()
	testParity(t, mustSpecFacts(t), spec.Operations, parityCases(), parityCase.names, runParityCase)
}

// names returns the case's operationId and name.
func (pc parityCase) names() (op, name string) { return pc.op, pc.name }

// testParity runs each of cases (of one API, whose operations are ops and
// whose specs' facts are facts) with run once per answer the spec gives its
// operation (names says which operation, and the case's name); then it
// checks that every operation of ops has a case and that the cases of each
// sent every key it takes.
func testParity[C any](t *testing.T, facts *specFacts, ops []*spec.Operation, cases []C,
	names func(C) (op, name string), run func(*testing.T, C, specAnswer, *sentKeys)) {
	t.Helper()
	sent := &sentKeys{keys: map[string]map[string]bool{}}
	covered := map[string]bool{}
	t.Run("cases", func(t *testing.T) {
		for _, c := range cases {
			op, caseName := names(c)
			covered[op] = true
			answers := facts.answers[op]
			require.NotEmpty(t, answers, "%s: the spec gives no answer", op)
			for _, answer := range answers {
				name := op + "/" + caseName
				if answer.name != "" {
					name += "/" + answer.name
				}
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					run(t, c, answer, sent)
				})
			}
		}
	})
	if t.Failed() {
		return
	}
	for _, op := range ops {
		if !assert.True(t, covered[op.ID], "%s has no parity case", op.ID) {
			continue
		}
		var missing []string
		for _, k := range facts.keys[op.ID] {
			if !sent.keys[op.ID][k] {
				missing = append(missing, k)
			}
		}
		assert.Empty(t, missing, "%s: no parity case sends these keys of the spec", op.ID)
	}
}

// runParityCase makes the case's call through both clients to a recording
// server answering answer, and compares.
func runParityCase(t *testing.T, pc parityCase, answer specAnswer, sent *sentKeys) {
	runWireCase(t, spec.Lookup(pc.op), pc.differs, answer, sent,
		func(baseURL string) (any, error) {
			return pc.ours(context.Background(), newParityTwilioChat(t, baseURL))
		},
		func(baseURL string) (any, error) {
			if pc.theirsV3 != nil {
				return pc.theirsV3(newTwilioGoRest(t, baseURL).ChatV3)
			}
			return pc.theirs(newTwilioGoRest(t, baseURL).ChatV2)
		})
}

// runWireCase makes a call of op through twiliochat (ours) and through
// twilio-go (theirs), each given the URL of a recording server answering
// answer, and compares what they sent and decoded; d, when not nil, is
// where they differ on purpose. The keys ours sent are added to sent.
func runWireCase(t *testing.T, op *spec.Operation, d *difference, answer specAnswer, sent *sentKeys,
	ours, theirs func(baseURL string) (any, error)) {
	rec := &recorder{status: answer.status, answer: answer.body}
	srv := httptest.NewServer(rec)
	t.Cleanup(srv.Close)
	if d == nil {
		d = &difference{}
	}

	ourOut, ourErr := ours(srv.URL)
	ourReqs := rec.take()
	theirOut, theirErr := theirs(srv.URL)
	theirReqs := rec.take()

	if d.ourErr != "" {
		var verr *twiliochat.ValidationError
		require.ErrorAs(t, ourErr, &verr, d.reason)
		assert.Equal(t, d.ourErr, verr.Field)
		assert.Empty(t, ourReqs, "twiliochat sent a request it refused")
	} else {
		require.NoError(t, ourErr)
		require.Len(t, ourReqs, 1)
	}
	if d.theirErr != "" {
		require.Error(t, theirErr, d.reason)
		assert.Contains(t, theirErr.Error(), d.theirErr)
		assert.Empty(t, theirReqs, "twilio-go sent a request")
	} else {
		require.NoError(t, theirErr)
		require.Len(t, theirReqs, 1)
	}
	if len(ourReqs) != 1 {
		if len(theirReqs) == 1 && d.theirPath != "" {
			assert.Equal(t, d.theirPath, theirReqs[0].escapedPath, "twilio-go's path: %s", d.reason)
		}
		if len(theirReqs) == 1 {
			assert.Equal(t, d.theirBody, string(theirReqs[0].body), "twilio-go's form: %s", d.reason)
		}
		return
	}
	o := ourReqs[0]
	assert.Equal(t, op.Method, o.method)
	sent.add(op.ID, formKeys(t, o)...)
	if len(theirReqs) != 1 {
		if d.ourPath != "" {
			assert.Equal(t, d.ourPath, o.escapedPath, d.reason)
		}
		return
	}
	g := theirReqs[0]
	compareWire(t, o, g, d)
	compareDecoded(t, "answer", reflect.ValueOf(ourOut), reflect.ValueOf(theirOut))
}

// formKeys returns the keys of the request's form or query, and the webhook
// header's name when it was sent.
func formKeys(t *testing.T, r recorded) []string {
	t.Helper()
	vals, err := url.ParseQuery(string(r.body))
	require.NoError(t, err)
	query, err := url.ParseQuery(r.rawQuery)
	require.NoError(t, err)
	var keys []string
	for k := range vals {
		keys = append(keys, k)
	}
	for k := range query {
		keys = append(keys, k)
	}
	if len(r.webhook) > 0 {
		keys = append(keys, spec.WebhookEnabledHeader)
	}
	return keys
}

// compareWire compares the request twiliochat sent (o) with the one
// twilio-go sent (g).
func compareWire(t *testing.T, o, g recorded, d *difference) {
	t.Helper()
	assert.Equal(t, g.method, o.method, "method")
	if d.ourPath != "" || d.theirPath != "" {
		assert.Equal(t, d.ourPath, o.escapedPath, "twiliochat's path: %s", d.reason)
		assert.Equal(t, d.theirPath, g.escapedPath, "twilio-go's path: %s", d.reason)
	} else {
		assert.Equal(t, g.path, o.path, "path")
		assert.Equal(t, g.escapedPath, o.escapedPath, "escaped path")
	}

	if o.method == http.MethodPost {
		assert.Equal(t, g.contentType, o.contentType, "Content-Type")
	}
	if d.ourBody != "" {
		assert.Equal(t, d.ourBody, string(o.body), "twiliochat's form: %s", d.reason)
		assert.Equal(t, d.theirBody, string(g.body), "twilio-go's form: %s", d.reason)
	} else {
		ourForm, err := url.ParseQuery(string(o.body))
		require.NoError(t, err)
		theirForm, err := url.ParseQuery(string(g.body))
		require.NoError(t, err)
		assert.Equal(t, theirForm, ourForm, "form")
		// twilio-go encodes a body with url.Values.Encode: keys sorted,
		// each key's values in the order they were added. That is
		// deterministic, so the bytes must match too.
		assert.Equal(t, string(g.body), string(o.body), "body bytes")
	}

	if d.ourQuery != "" || d.theirQuery != "" {
		assert.Equal(t, d.ourQuery, o.rawQuery, "twiliochat's query: %s", d.reason)
		assert.Equal(t, d.theirQuery, g.rawQuery, "twilio-go's query: %s", d.reason)
	} else {
		ourQuery, err := url.ParseQuery(o.rawQuery)
		require.NoError(t, err)
		theirQuery, err := url.ParseQuery(g.rawQuery)
		require.NoError(t, err)
		assert.Equal(t, theirQuery, ourQuery, "query")
		// twilio-go's query encoder sorts keys (and its list items, by
		// their index as text); deterministic as well.
		assert.Equal(t, g.rawQuery, o.rawQuery, "query bytes")
	}

	assert.Equal(t, g.webhook, o.webhook, spec.WebhookEnabledHeader)
}

// reporter is the part of *testing.T the decoded comparison uses, so that a
// test can show that it finds differences.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// listResult is a list page as both clients decode it: its items and its
// meta.
type listResult struct {
	Items any `json:"items"`
	Meta  any `json:"meta"`
}

// ourPage returns page as a listResult.
func ourPage[T any](page *twiliochat.Page[T], err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return listResult{Items: page.Items, Meta: page.Meta}, nil
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	listType    = reflect.TypeFor[listResult]()
	errNotFound = errors.New("no such field")
)

// compareDecoded compares what twiliochat decoded (ours) with what twilio-go
// decoded (theirs) from the same answer, field by field by JSON key. A nil
// pointer of twilio-go (null or absent) must be a zero value of ours; a
// twilio-go interface{} or map (a nested object it leaves untyped) is
// compared key by key with our typed struct or map.
func compareDecoded(t reporter, path string, ours, theirs reflect.Value) {
	t.Helper()
	if !theirs.IsValid() {
		// A Delete decodes nothing.
		assert.False(t, ours.IsValid(), "%s: twilio-go decoded nothing, twiliochat %v", path, ours)
		return
	}
	for theirs.Kind() == reflect.Pointer || theirs.Kind() == reflect.Interface {
		if theirs.IsNil() {
			assert.True(t, isZero(ours), "%s: twilio-go has null, twiliochat %v", path, ours)
			return
		}
		theirs = theirs.Elem()
	}
	for ours.Kind() == reflect.Pointer || ours.Kind() == reflect.Interface {
		if ours.IsNil() {
			assert.True(t, isZero(theirs), "%s: twiliochat has null, twilio-go %v", path, theirs)
			return
		}
		ours = ours.Elem()
	}
	switch {
	case theirs.Type() == timeType:
		if assert.Equal(t, timeType, ours.Type(), path) {
			assert.True(t, ours.Interface().(time.Time).Equal(theirs.Interface().(time.Time)), "%s: %v, twilio-go %v", path, ours, theirs)
		}
		return
	case ours.Type() == listType:
		// twilio-go's List…Response: the items under the list's key, and
		// meta.
		if !assert.Equal(t, reflect.Struct, theirs.Kind(), path) {
			return
		}
		for i := range theirs.NumField() {
			key := jsonKey(theirs.Type().Field(i))
			if key == "meta" {
				compareDecoded(t, path+".meta", ours.Field(1), theirs.Field(i))
			} else {
				compareDecoded(t, path+"."+key, ours.Field(0), theirs.Field(i))
			}
		}
		return
	}
	switch theirs.Kind() {
	case reflect.Struct:
		if !assert.Equal(t, reflect.Struct, ours.Kind(), path) {
			return
		}
		for i := range theirs.NumField() {
			key := jsonKey(theirs.Type().Field(i))
			if key == "" {
				continue
			}
			field, err := fieldByKey(ours, key)
			if !assert.NoError(t, err, "%s.%s: twiliochat's %s", path, key, ours.Type()) {
				continue
			}
			compareDecoded(t, path+"."+key, field, theirs.Field(i))
		}
	case reflect.Map:
		compareUntyped(t, path, ours, theirs.Interface())
	case reflect.Slice:
		if !assert.Equal(t, reflect.Slice, ours.Kind(), path) || !assert.Equal(t, theirs.Len(), ours.Len(), path) {
			return
		}
		for i := range theirs.Len() {
			compareDecoded(t, path+"["+strconv.Itoa(i)+"]", ours.Index(i), theirs.Index(i))
		}
	case reflect.String:
		if ours.Kind() == reflect.Bool {
			// Credential.Sandbox: Twilio answers "True" or "False", which
			// twilio-go leaves a string and twiliochat decodes to a bool.
			b, err := strconv.ParseBool(theirs.String())
			if assert.NoError(t, err, path) {
				assert.Equal(t, b, ours.Bool(), path)
			}
			return
		}
		if assert.Equal(t, reflect.String, ours.Kind(), path) {
			assert.Equal(t, theirs.String(), ours.String(), path)
		}
	case reflect.Int:
		if assert.Equal(t, reflect.Int, ours.Kind(), path) {
			assert.Equal(t, theirs.Int(), ours.Int(), path)
		}
	case reflect.Bool:
		if assert.Equal(t, reflect.Bool, ours.Kind(), path) {
			assert.Equal(t, theirs.Bool(), ours.Bool(), path)
		}
	default:
		compareUntyped(t, path, ours, theirs.Interface())
	}
}

// compareUntyped compares ours with theirs, a value as encoding/json
// decodes into an interface{}.
func compareUntyped(t reporter, path string, ours reflect.Value, theirs any) {
	t.Helper()
	for ours.Kind() == reflect.Pointer || ours.Kind() == reflect.Interface {
		if ours.IsNil() {
			assert.Nil(t, theirs, "%s: twiliochat has null", path)
			return
		}
		ours = ours.Elem()
	}
	switch v := theirs.(type) {
	case nil:
		assert.True(t, isZero(ours), "%s: twilio-go has null, twiliochat %v", path, ours)
	case map[string]any:
		switch ours.Kind() {
		case reflect.Struct:
			for key, x := range v {
				field, err := fieldByKey(ours, key)
				if assert.NoError(t, err, "%s.%s: twiliochat's %s", path, key, ours.Type()) {
					compareUntyped(t, path+"."+key, field, x)
				}
			}
			// A field of ours the answer does not have must be zero.
			for i := range ours.NumField() {
				if key := jsonKey(ours.Type().Field(i)); key != "" {
					if _, ok := v[key]; !ok {
						assert.True(t, isZero(ours.Field(i)), "%s.%s: not in the answer, twiliochat has %v", path, key, ours.Field(i))
					}
				}
			}
		case reflect.Map:
			assert.Equal(t, len(v), ours.Len(), path)
			for key, x := range v {
				field := ours.MapIndex(reflect.ValueOf(key))
				if assert.True(t, field.IsValid(), "%s.%s: not in twiliochat's map", path, key) {
					compareUntyped(t, path+"."+key, field, x)
				}
			}
		default:
			assert.Failf(t, "type", "%s: twilio-go has an object, twiliochat a %s", path, ours.Type())
		}
	case []any:
		if assert.Equal(t, reflect.Slice, ours.Kind(), path) && assert.Equal(t, len(v), ours.Len(), path) {
			for i, x := range v {
				compareUntyped(t, path+"["+strconv.Itoa(i)+"]", ours.Index(i), x)
			}
		}
	case string:
		if ours.Type() == timeType {
			want, err := time.Parse(time.RFC3339, v)
			if assert.NoError(t, err, path) {
				assert.True(t, want.Equal(ours.Interface().(time.Time)), "%s: %v, twilio-go %q", path, ours, v)
			}
			return
		}
		if assert.Equal(t, reflect.String, ours.Kind(), path) {
			assert.Equal(t, v, ours.String(), path)
		}
	case float64:
		switch ours.Kind() {
		case reflect.Int, reflect.Int64:
			assert.Equal(t, v, float64(ours.Int()), path)
		case reflect.Float64:
			assert.Equal(t, v, ours.Float(), path)
		default:
			assert.Failf(t, "type", "%s: twilio-go has a number, twiliochat a %s", path, ours.Type())
		}
	case bool:
		if assert.Equal(t, reflect.Bool, ours.Kind(), path) {
			assert.Equal(t, v, ours.Bool(), path)
		}
	default:
		assert.Failf(t, "type", "%s: twilio-go has a %T", path, theirs)
	}
}

// isZero reports whether v is invalid, nil or its type's zero value.
func isZero(v reflect.Value) bool {
	return !v.IsValid() || v.IsZero()
}

// jsonKey returns the JSON key of a struct field, "" when it has none.
func jsonKey(f reflect.StructField) string {
	tag, ok := f.Tag.Lookup("json")
	if !ok || !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" {
		return ""
	}
	return name
}

// fieldByKey returns the field of the struct v whose JSON key is key.
func fieldByKey(v reflect.Value, key string) (reflect.Value, error) {
	for i := range v.NumField() {
		if jsonKey(v.Type().Field(i)) == key {
			return v.Field(i), nil
		}
	}
	return reflect.Value{}, errNotFound
}

// countingT counts the failures the decoded comparison reports.
type countingT struct{ errors []string }

func (c *countingT) Helper() {}

func (c *countingT) Errorf(format string, args ...any) {
	c.errors = append(c.errors, format)
}

// TestCompareDecodedFindsDifferences shows that the decoded comparison of
// TestParity fails where the two decodings disagree, and only there.
func TestCompareDecodedFindsDifferences(t *testing.T) {
	t.Parallel()
	str := func(s string) *string { return &s }
	when := time.Date(2016, time.March, 24, 21, 5, 50, 0, time.UTC)
	var limits any = map[string]any{"channel_members": 100.0, "user_channels": 250.0}
	for _, tc := range []struct {
		name         string
		ours, theirs any
		fails        bool
	}{
		{name: "same", fails: false,
			ours:   &twiliochat.Member{SID: exMember, Identity: "jing", DateCreated: when, Attributes: "{}"},
			theirs: &chatv2.ChatV2Member{Sid: str(exMember), Identity: str("jing"), DateCreated: &when, Attributes: str("{}")}},
		{name: "same untyped object", fails: false,
			ours:   &twiliochat.Service{Limits: twiliochat.ServiceLimits{ChannelMembers: 100, UserChannels: 250}},
			theirs: &chatv2.ChatV2Service{Limits: &limits}},
		{name: "string", fails: true,
			ours:   &twiliochat.Member{Identity: "jing"},
			theirs: &chatv2.ChatV2Member{Identity: str("jin")}},
		{name: "time", fails: true,
			ours:   &twiliochat.Member{DateCreated: when},
			theirs: &chatv2.ChatV2Member{DateCreated: ptrTo(when.Add(time.Second))}},
		{name: "set where twilio-go has null", fails: true,
			ours:   &twiliochat.Member{LastConsumedMessageIndex: ptrTo(0)},
			theirs: &chatv2.ChatV2Member{}},
		{name: "untyped object", fails: true,
			ours:   &twiliochat.Service{Limits: twiliochat.ServiceLimits{ChannelMembers: 100, UserChannels: 25}},
			theirs: &chatv2.ChatV2Service{Limits: &limits}},
		{name: "sandbox", fails: true,
			ours:   &twiliochat.Credential{Sandbox: true},
			theirs: &chatv2.ChatV2Credential{Sandbox: str("False")}},
		{name: "list items", fails: true,
			ours:   listResult{Items: []twiliochat.Role{{FriendlyName: "a"}}, Meta: twiliochat.PageMeta{}},
			theirs: &chatv2.ListRoleResponse{Roles: []chatv2.ChatV2Role{{FriendlyName: str("b")}}}},
		{name: "field twiliochat lacks", fails: true,
			ours:   &struct{}{},
			theirs: &chatv2.ChatV2Member{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ct := &countingT{}
			compareDecoded(ct, "answer", reflect.ValueOf(tc.ours), reflect.ValueOf(tc.theirs))
			if tc.fails {
				assert.NotEmpty(t, ct.errors)
			} else {
				assert.Empty(t, ct.errors)
			}
		})
	}
}

// ptrTo returns a pointer to v.
func ptrTo[T any](v T) *T { return &v }
