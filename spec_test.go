package twiliochat

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestSpec holds the SDK to the specs (see specFiles): it walks every
// operation the spec has, finds the SDK's method for it by its operationId
// (FetchChannelWebhook is Client.ChannelWebhooks.Fetch, ListUserChannel
// Client.UserChannels.ListPage, NextPage and List), and fails when
//
//   - the SDK has no method for it, or the method's arguments are not ctx,
//     the path values in the order of the path template, and a params
//     pointer exactly when the spec gives a body, query or header parameter;
//   - a body, query or header key of the spec has no params field, or a
//     field sends another key or another value (every exported field is set
//     to a valid value of its key and the request is recorded);
//   - a value of a spec enum cannot be expressed or is sent as another, or
//     an unknown one is not refused with a *ValidationError naming the key
//     before any request;
//   - a value that breaks a pattern (of a body, query or path parameter) or
//     a PageSize bound is not refused in the same way;
//   - a required key can be left out (nil field, empty list, nil params)
//     without a *ValidationError naming it;
//   - a path value that may be a name (Channel, User, Member: no pattern)
//     does not stay one escaped path segment, or "", "." or ".." is not
//     refused;
//   - a property of the answer has no field (by its json tag) or decodes
//     to another value, for an answer where every property holds a value of
//     its own and one where every nullable property is null; a list also
//     pages on with NextPage and List.
//
// Nothing of the spec is written down here: a key added to the spec without
// code fails the test. The few deliberate exceptions are exemptQueryKeys,
// stringBools and nullMeansUnknown, each with its reason.
func TestSpec(t *testing.T) {
	t.Parallel()
	doc := loadSpec(t)
	for _, op := range doc.Ops {
		t.Run(op.ID, func(t *testing.T) {
			t.Parallel()
			sc := newSpecCase(t, doc, op)
			t.Run("request", sc.testRequest)
			if sc.params != nil {
				t.Run("nil params", sc.testNilParams)
				t.Run("required", sc.testRequired)
				t.Run("enums", sc.testEnums)
				t.Run("patterns and bounds", sc.testParamPatterns)
			}
			t.Run("path values", sc.testPathValues)
			if op.Schema != "" {
				t.Run("answer", sc.testAnswer)
			}
		})
	}
}

// acceptedNames are path values a name (a Channel's unique name, a User's
// identity) may be: each must reach Twilio as one path segment.
var acceptedNames = []string{"a/b", "ünï", "alice@example.com", "a b?c#d%e&f=g", "...", "x/../y"}

// refusedNames are path values no name may be: no path segment carries
// them (a hop that removes dot segments would address the parent).
var refusedNames = []string{"", ".", ".."}

// specCase runs the checks of one operation against a recording server
// that answers as the spec says.
type specCase struct {
	doc    *specDoc
	op     *specOp
	rec    *recorder
	client *Client
	// method is the SDK method of the operation (ListPage for a list), and
	// nextPage and list a list's NextPage and List.
	method, nextPage, list reflect.Value
	// label names the method in messages ("Client.Roles.Update").
	label string
	// params is the method's params pointer type, nil when it takes none.
	params reflect.Type
	// pathValues are valid path values, in the order of the path template.
	pathValues []string

	mu sync.Mutex
	// answer is the body of each answer, next a list's second page (asked
	// for with a PageToken).
	answer, next []byte
}

var (
	contextType = reflect.TypeFor[context.Context]()
	stringType  = reflect.TypeFor[string]()
	errorTypeOf = reflect.TypeFor[error]()
)

// newSpecCase finds the SDK method of op, checks its signature, and starts
// the recording server. It fails for an operation without a method.
func newSpecCase(t *testing.T, doc *specDoc, op *specOp) *specCase {
	t.Helper()
	sc := &specCase{doc: doc, op: op}
	name := op.Verb
	if op.Verb == "List" {
		name = "ListPage"
	}
	// A zero Client has the methods, on nil services, to look them up.
	_, label, found := sdkMethod(new(Client), op.Noun+"s", name)
	if !found {
		t.Fatalf("%s: the SDK has no method %s", op.ID, label)
	}
	sc.rec = newRecorder(t, sc.serve)
	sc.client = sc.rec.client(t)
	sc.method, sc.label, _ = sdkMethod(sc.client, op.Noun+"s", name)
	for i, p := range op.PathParams {
		if p.Schema.Pattern == "" {
			sc.pathValues = append(sc.pathValues, "name-of-"+p.Key)
			continue
		}
		prefix, err := sidPrefix(p.Schema.Pattern)
		if err != nil {
			t.Fatal(err)
		}
		sc.pathValues = append(sc.pathValues, sampleSID(prefix, 0xf00+i))
	}
	sc.checkSignature(t)
	return sc
}

// sdkMethod returns the method name of the Client field field, and how to
// name it.
func sdkMethod(c *Client, field, name string) (reflect.Value, string, bool) {
	label := "Client." + field + "." + name
	sf, ok := reflect.TypeFor[Client]().FieldByName(field)
	if !ok || !sf.IsExported() {
		return reflect.Value{}, label, false
	}
	m := reflect.ValueOf(c).Elem().FieldByIndex(sf.Index).MethodByName(name)
	return m, label, m.IsValid()
}

// checkSignature checks the arguments and results of the method and, for a
// list, of NextPage and List.
func (sc *specCase) checkSignature(t *testing.T) {
	t.Helper()
	op, mt := sc.op, sc.method.Type()
	want := []string{"context.Context"}
	for _, p := range op.PathParams {
		want = append(want, "string /* "+p.Key+" */")
	}
	if op.hasParams() {
		want = append(want, "*…Params")
	}
	wantSig := "(" + strings.Join(want, ", ") + ")"
	if mt.IsVariadic() || mt.NumIn() != len(want) || mt.In(0) != contextType {
		t.Fatalf("%s has arguments %s, want %s", sc.label, mt, wantSig)
	}
	for i := range op.PathParams {
		if mt.In(1+i) != stringType {
			t.Fatalf("%s has arguments %s, want %s", sc.label, mt, wantSig)
		}
	}
	if op.hasParams() {
		pt := mt.In(mt.NumIn() - 1)
		if pt.Kind() != reflect.Pointer || pt.Elem().Kind() != reflect.Struct {
			t.Fatalf("%s takes %s last, want a pointer to a params struct: %s", sc.label, pt, wantSig)
		}
		sc.params = pt
	}
	switch {
	case op.Schema == "":
		if mt.NumOut() != 1 || mt.Out(0) != errorTypeOf {
			t.Fatalf("%s returns %s, want error", sc.label, mt)
		}
	case mt.NumOut() != 2 || mt.Out(0).Kind() != reflect.Pointer || mt.Out(0).Elem().Kind() != reflect.Struct || mt.Out(1) != errorTypeOf:
		t.Fatalf("%s returns %s, want (*T, error)", sc.label, mt)
	}
	if op.Verb == "List" {
		sc.checkListSignatures(t)
	}
}

// checkListSignatures checks NextPage(ctx, *Page) (*Page, error) and
// List(same arguments as ListPage) iter.Seq2[*Item, error].
func (sc *specCase) checkListSignatures(t *testing.T) {
	t.Helper()
	pageType := sc.method.Type().Out(0)
	items, ok := pageField(pageType.Elem(), sc.op.ListKey, "Items")
	if !ok || items.Type.Kind() != reflect.Slice {
		t.Fatalf("%s's page %s has no items field (json tag %q, or Items)", sc.label, pageType, sc.op.ListKey)
	}
	if _, ok := pageField(pageType.Elem(), "meta", "Meta"); !ok {
		t.Fatalf("%s's page %s has no Meta field", sc.label, pageType)
	}
	field := sc.op.Noun + "s"
	var label string
	var found bool
	if sc.nextPage, label, found = sdkMethod(sc.client, field, "NextPage"); !found {
		t.Fatalf("%s: the SDK has no method %s", sc.op.ID, label)
	}
	nt := sc.nextPage.Type()
	if nt.NumIn() != 2 || nt.In(0) != contextType || nt.In(1) != pageType || nt.NumOut() != 2 || nt.Out(0) != pageType || nt.Out(1) != errorTypeOf {
		t.Fatalf("%s is %s, want func(context.Context, %s) (%s, error)", label, nt, pageType, pageType)
	}
	if sc.list, label, found = sdkMethod(sc.client, field, "List"); !found {
		t.Fatalf("%s: the SDK has no method %s", sc.op.ID, label)
	}
	lt, mt := sc.list.Type(), sc.method.Type()
	sameIn := lt.NumIn() == mt.NumIn()
	for i := 0; sameIn && i < lt.NumIn(); i++ {
		sameIn = lt.In(i) == mt.In(i)
	}
	itemPtr := reflect.PointerTo(items.Type.Elem())
	ok = sameIn && lt.NumOut() == 1 && lt.Out(0).Kind() == reflect.Func
	if ok {
		seq := lt.Out(0)
		ok = seq.NumIn() == 1 && seq.NumOut() == 0 && seq.In(0).Kind() == reflect.Func
		if ok {
			yield := seq.In(0)
			ok = yield.NumIn() == 2 && yield.In(0) == itemPtr && yield.In(1) == errorTypeOf && yield.NumOut() == 1 && yield.Out(0).Kind() == reflect.Bool
		}
	}
	if !ok {
		t.Fatalf("%s is %s, want the arguments of %s and iter.Seq2[%s, error]", label, lt, sc.label, itemPtr)
	}
}

// pageField returns the field of a page struct with the json tag key, or
// else the one named name.
func pageField(t reflect.Type, key, name string) (reflect.StructField, bool) {
	if f, ok := jsonField(t, key); ok {
		return f, true
	}
	return t.FieldByName(name)
}

// serve answers every request as the spec's success answer of the
// operation.
func (sc *specCase) serve(w http.ResponseWriter, r *http.Request) {
	sc.mu.Lock()
	body := sc.answer
	if r.URL.Query().Get("PageToken") != "" {
		body = sc.next
	}
	sc.mu.Unlock()
	if body == nil {
		w.WriteHeader(sc.op.Status)
		return
	}
	writeJSON(w, sc.op.Status, string(body))
}

// setAnswers sets the bodies the server answers with.
func (sc *specCase) setAnswers(answer, next []byte) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.answer, sc.next = answer, next
}

// fill returns the method's params with every field set (see fillParams).
func (sc *specCase) fill(t *testing.T) *filledParams {
	t.Helper()
	fp, err := fillParams(sc.op, sc.params, &sampleCounter{})
	if err != nil {
		t.Fatalf("%s: set every field of %s: %v", sc.op.ID, sc.params.Elem(), err)
	}
	return fp
}

// args returns the method's arguments: path values, and params (a nil
// params pointer when params is not valid) if it takes any.
func (sc *specCase) args(pathValues []string, params reflect.Value) []reflect.Value {
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	for _, v := range pathValues {
		args = append(args, reflect.ValueOf(v))
	}
	if sc.params != nil {
		if !params.IsValid() {
			params = reflect.Zero(sc.params)
		}
		args = append(args, params)
	}
	return args
}

// outcome is what one call did.
type outcome struct {
	// out are the method's results; for List, the first pair it yielded.
	out  []reflect.Value
	err  error
	reqs []seenRequest
}

// call calls m with args.
func (sc *specCase) call(m reflect.Value, args []reflect.Value) outcome {
	before := len(sc.rec.requests())
	out := m.Call(args)
	err, _ := out[len(out)-1].Interface().(error)
	return outcome{out: out, err: err, reqs: sc.rec.requests()[before:]}
}

// first ranges over the iterator List returns for args up to its first
// pair.
func (sc *specCase) first(args []reflect.Value) outcome {
	before := len(sc.rec.requests())
	seq := sc.list.Call(args)[0]
	if seq.IsNil() {
		return outcome{err: errors.New("List returned a nil iterator")}
	}
	var o outcome
	yield := reflect.MakeFunc(seq.Type().In(0), func(in []reflect.Value) []reflect.Value {
		o.out = in
		o.err, _ = in[1].Interface().(error)
		return []reflect.Value{reflect.ValueOf(false)}
	})
	seq.Call([]reflect.Value{yield})
	o.reqs = sc.rec.requests()[before:]
	return o
}

// succeed calls the method with args, expects one request and no error,
// and returns its results and the request.
func (sc *specCase) succeed(t *testing.T, what string, args []reflect.Value) ([]reflect.Value, seenRequest, bool) {
	t.Helper()
	o := sc.call(sc.method, args)
	if o.err != nil {
		t.Errorf("%s: %s failed: %v", what, sc.label, o.err)
		return nil, seenRequest{}, false
	}
	if len(o.reqs) != 1 {
		t.Errorf("%s: %s sent %d requests, want 1", what, sc.label, len(o.reqs))
		return nil, seenRequest{}, false
	}
	return o.out, o.reqs[0], true
}

// refused calls the method (and List, for a list) with args and expects a
// *ValidationError naming every key of keys and no request.
func (sc *specCase) refused(t *testing.T, what string, args []reflect.Value, keys ...string) {
	t.Helper()
	checkRefused(t, sc.label, what, sc.call(sc.method, args), keys)
	if sc.list.IsValid() {
		checkRefused(t, strings.TrimSuffix(sc.label, "ListPage")+"List", what, sc.first(args), keys)
	}
}

// checkRefused checks that a call sent nothing and returned a
// *ValidationError naming every key of keys.
func checkRefused(t *testing.T, label, what string, o outcome, keys []string) {
	t.Helper()
	if len(o.reqs) != 0 {
		t.Errorf("%s: %s sent %d requests, want none", what, label, len(o.reqs))
	}
	var vErr *ValidationError
	if !errors.As(o.err, &vErr) {
		t.Errorf("%s: %s returned %v, want a *ValidationError naming %s", what, label, o.err, strings.Join(keys, ", "))
		return
	}
	fields := validationFields(o.err)
	for _, key := range keys {
		if !slices.Contains(fields, key) {
			t.Errorf("%s: %s's *ValidationError names %q, want %s", what, label, fields, key)
		}
	}
}

// pathProblem checks that the escaped path sent is the operation's path
// template with each value as exactly one segment.
func (sc *specCase) pathProblem(values []string, sent string) string {
	tmpl, got := strings.Split(sc.op.Path, "/"), strings.Split(sent, "/")
	if len(got) != len(tmpl) {
		return fmt.Sprintf("sent path %s, want %s with each value one segment", sent, sc.op.Path)
	}
	vi := 0
	for i, seg := range tmpl {
		if !strings.HasPrefix(seg, "{") {
			if got[i] != seg {
				return fmt.Sprintf("sent path %s, want %s", sent, sc.op.Path)
			}
			continue
		}
		if v, err := url.PathUnescape(got[i]); err != nil || v != values[vi] {
			return fmt.Sprintf("sent path %s: segment %s is not %s %q", sent, got[i], seg, values[vi])
		}
		vi++
	}
	return ""
}

// testRequest sets every params field and checks the method, the path,
// and that the keys sent are exactly the spec's, with the values set.
func (sc *specCase) testRequest(t *testing.T) {
	sc.setAnswers(sc.answerBodies(t))
	var fp *filledParams
	var params reflect.Value
	if sc.params != nil {
		fp = sc.fill(t)
		params = fp.Ptr
	} else {
		fp = &filledParams{Want: map[string][]string{}}
	}
	_, req, ok := sc.succeed(t, "every field set", sc.args(sc.pathValues, params))
	if !ok {
		return
	}
	if req.Method != sc.op.Method {
		t.Errorf("sent %s, want %s", req.Method, sc.op.Method)
	}
	if p := sc.pathProblem(sc.pathValues, req.Path); p != "" {
		t.Error(p)
	}
	for _, p := range keyProblems(sc.op, fp, req) {
		t.Errorf("%s: %s", sc.op.ID, p)
	}
}

// testNilParams: a nil params pointer is refused, naming every required
// key, or else sends no key at all.
func (sc *specCase) testNilParams(t *testing.T) {
	var required []string
	for _, p := range sc.op.Params {
		if p.Required {
			required = append(required, p.Key)
		}
	}
	args := sc.args(sc.pathValues, reflect.Value{})
	if len(required) > 0 {
		sc.refused(t, "nil params", args, required...)
		return
	}
	sc.setAnswers(sc.answerBodies(t))
	_, req, ok := sc.succeed(t, "nil params", args)
	if !ok {
		return
	}
	if sent, err := sentKeys(sc.op, req); err != nil || len(sent) > 0 {
		t.Errorf("nil params sent %v (%v), want no key", sent, err)
	}
	for name := range req.Header {
		if strings.HasPrefix(name, "X-Twilio-") {
			t.Errorf("nil params sent the header %s", name)
		}
	}
}

// testRequired leaves out each required key in turn: a nil field, and an
// empty list for a list.
func (sc *specCase) testRequired(t *testing.T) {
	for _, p := range sc.op.Params {
		if !p.Required {
			continue
		}
		fp := sc.fill(t)
		leaf := fp.leaf(p.Key)
		if leaf == nil {
			continue // reported by the request test
		}
		isList := allocate(leaf.Field).Kind() == reflect.Slice
		leaf.Field.Set(reflect.Zero(leaf.Field.Type()))
		sc.refused(t, "without "+p.Key, sc.args(sc.pathValues, fp.Ptr), p.Key)
		if isList {
			// An empty list sends no key either.
			fp := sc.fill(t)
			f := allocate(fp.leaf(p.Key).Field)
			f.Set(reflect.MakeSlice(f.Type(), 0, 0))
			sc.refused(t, "with an empty "+p.Key, sc.args(sc.pathValues, fp.Ptr), p.Key)
		}
	}
}

// testEnums sends each value of each enum key and checks it arrives as
// itself, and that a value the spec does not have is refused.
func (sc *specCase) testEnums(t *testing.T) {
	for _, p := range sc.op.Params {
		enum, isList := p.Schema.Enum, false
		if p.Schema.Type == "array" {
			enum, isList = p.Schema.Items.Enum, true
		}
		if len(enum) == 0 || sc.fill(t).leaf(p.Key) == nil {
			continue // no enum, or no field: reported by the request test
		}
		for _, v := range enum {
			fp := sc.fill(t)
			if err := setEnum(fp.leaf(p.Key), isList, v); err != nil {
				t.Errorf("%s: the spec's value %q cannot be expressed: %v", p.Key, v, err)
				continue
			}
			_, req, ok := sc.succeed(t, p.Key+"="+v, sc.args(sc.pathValues, fp.Ptr))
			if !ok {
				continue
			}
			var got []string
			if p.In == "header" {
				got = req.Header.Values(p.Key)
			} else if sent, err := sentKeys(sc.op, req); err == nil {
				got = sent[p.Key]
			}
			if !slices.Equal(got, []string{v}) {
				t.Errorf("%s=%q sent as %q", p.Key, v, got)
			}
		}
		fp := sc.fill(t)
		if err := setEnum(fp.leaf(p.Key), isList, "bogus-value"); err != nil {
			// A bool holds true and false only: no other value can be
			// expressed, which is what the spec's enum asks.
			if !slices.Equal(enum, []string{"true", "false"}) {
				t.Errorf("%s: %v", p.Key, err)
			}
			continue
		}
		sc.refused(t, p.Key+" not in the spec's enum", sc.args(sc.pathValues, fp.Ptr), p.Key)
	}
}

// setEnum sets the leaf of an enum key to v, as the one item of a list key.
func setEnum(leaf *paramLeaf, isList bool, v string) error {
	f := allocate(leaf.Field)
	if isList {
		if f.Kind() != reflect.Slice {
			return fmt.Errorf("field %s is a %s, not a list", leaf.GoPath, f.Type())
		}
		return setItems(f, []any{v})
	}
	return setValue(f, v)
}

// testParamPatterns sends values that break the pattern of each body or
// query key that has one, and values out of each integer's bounds.
func (sc *specCase) testParamPatterns(t *testing.T) {
	for _, p := range sc.op.Params {
		s, isList := p.Schema, false
		if s.Type == "array" {
			s, isList = s.Items, true
		}
		if sc.fill(t).leaf(p.Key) == nil || exemptQueryKeys[p.Key] {
			continue
		}
		if s.Pattern != "" {
			bad, err := badPatternValues(s.Pattern)
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range bad {
				fp := sc.fill(t)
				f := allocate(fp.leaf(p.Key).Field)
				if isList {
					err = setItems(f, []any{b})
				} else {
					err = setValue(f, b)
				}
				if err != nil {
					t.Errorf("%s: %v", p.Key, err)
					continue
				}
				sc.refused(t, fmt.Sprintf("%s=%q", p.Key, b), sc.args(sc.pathValues, fp.Ptr), p.Key)
			}
		}
		var outside []int64
		if s.Minimum != nil {
			outside = append(outside, *s.Minimum-1)
		}
		if s.Maximum != nil {
			outside = append(outside, *s.Maximum+1)
		}
		for _, v := range outside {
			fp := sc.fill(t)
			if err := setValue(allocate(fp.leaf(p.Key).Field), v); err != nil {
				t.Errorf("%s: %v", p.Key, err)
				continue
			}
			sc.refused(t, fmt.Sprintf("%s=%d", p.Key, v), sc.args(sc.pathValues, fp.Ptr), p.Key)
		}
	}
}

// testPathValues sends values that break each path parameter's pattern,
// and, for a parameter that may be a name, names with special characters
// (each one segment) and the values no segment can be.
func (sc *specCase) testPathValues(t *testing.T) {
	params := reflect.Value{}
	if sc.params != nil {
		params = sc.fill(t).Ptr
	}
	sc.setAnswers(sc.answerBodies(t))
	for i, p := range sc.op.PathParams {
		with := func(v string) []string {
			values := slices.Clone(sc.pathValues)
			values[i] = v
			return values
		}
		if p.Schema.Pattern != "" {
			bad, err := badPatternValues(p.Schema.Pattern)
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range bad {
				sc.refused(t, fmt.Sprintf("path %s=%q", p.Key, b), sc.args(with(b), params), p.Key)
			}
			continue
		}
		for _, name := range refusedNames {
			sc.refused(t, fmt.Sprintf("path %s=%q", p.Key, name), sc.args(with(name), params), p.Key)
		}
		for _, name := range acceptedNames {
			values := with(name)
			_, req, ok := sc.succeed(t, fmt.Sprintf("path %s=%q", p.Key, name), sc.args(values, params))
			if !ok {
				continue
			}
			if problem := sc.pathProblem(values, req.Path); problem != "" {
				t.Error(problem)
			}
		}
	}
}

// answerBodies returns an answer of the operation, and for a list a second
// page that ends the list, each encoded.
func (sc *specCase) answerBodies(t *testing.T) (answer, next []byte) {
	t.Helper()
	if sc.op.Schema == "" {
		return nil, nil
	}
	s := &answerSampler{doc: sc.doc}
	first, second := sc.answerObjects(s)
	return mustJSON(t, first), mustJSON(t, second)
}

// answerObjects builds an answer, or a list's two pages.
func (sc *specCase) answerObjects(s *answerSampler) (answer, next map[string]any) {
	if sc.op.ListKey == "" {
		return s.object(sc.op.Schema), nil
	}
	page := func(n int) map[string]any {
		meta := map[string]any{}
		for _, name := range sortedKeys(sc.op.Meta.Properties) {
			meta[name] = s.property("", name, sc.op.Meta.Properties[name])
		}
		meta["key"] = sc.op.ListKey
		var items []any
		for range n {
			items = append(items, s.object(sc.op.Schema))
		}
		return map[string]any{sc.op.ListKey: items, "meta": meta}
	}
	answer, next = page(2), page(1)
	answer["meta"].(map[string]any)["next_page_url"] = sc.rec.srv.URL + sc.expectedPath() + "?" + nextPageQuery
	next["meta"].(map[string]any)["next_page_url"] = nil
	return answer, next
}

// nextPageQuery is the query of the next_page_url of a list's first page,
// keys sorted.
const nextPageQuery = "Page=1&PageSize=2&PageToken=PT0123"

// expectedPath is the path of the operation for the valid path values.
func (sc *specCase) expectedPath() string {
	i := 0
	return pathValueRE.ReplaceAllStringFunc(sc.op.Path, func(string) string {
		v := url.PathEscape(sc.pathValues[i])
		i++
		return v
	})
}

func mustJSON(t *testing.T, v map[string]any) []byte {
	t.Helper()
	if v == nil {
		return nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// readBack decodes an answer body as the comparison wants it.
func readBack(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var v map[string]any
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// testAnswer decodes an answer with every property set, then one with the
// nullable ones null, and compares each property; a list also pages on.
func (sc *specCase) testAnswer(t *testing.T) {
	params := reflect.Value{}
	if sc.params != nil {
		params = sc.fill(t).Ptr
	}
	args := sc.args(sc.pathValues, params)
	for _, nulls := range []bool{false, true} {
		s := &answerSampler{doc: sc.doc}
		first, second := sc.answerObjects(s)
		what := "answer"
		if nulls {
			what = "answer with nulls"
			if sc.op.ListKey == "" {
				first = s.withNulls(sc.op.Schema, first)
			} else {
				items := first[sc.op.ListKey].([]any)
				for i := range items {
					items[i] = s.withNulls(sc.op.Schema, items[i].(map[string]any))
				}
			}
		}
		answer, next := mustJSON(t, first), mustJSON(t, second)
		sc.setAnswers(answer, next)
		out, req, ok := sc.succeed(t, what, args)
		if !ok {
			continue
		}
		c := answerCheck{doc: sc.doc}
		if sc.op.ListKey == "" {
			c.resource(sc.op.Schema, sc.op.Schema, readBack(t, answer), out[0])
		} else {
			sc.checkPage(&c, "page 1", readBack(t, answer), out[0])
			sc.checkPaging(t, &c, req, out[0], readBack(t, next), args)
		}
		for _, p := range c.problems {
			t.Errorf("%s: %s: %s", what, sc.label, p)
		}
	}
}

// checkPage compares a decoded page with the page answered.
func (sc *specCase) checkPage(c *answerCheck, what string, want map[string]any, got reflect.Value) {
	page := got.Elem()
	items, _ := pageField(page.Type(), sc.op.ListKey, "Items")
	meta, _ := pageField(page.Type(), "meta", "Meta")
	wantItems := want[sc.op.ListKey].([]any)
	gotItems := page.FieldByIndex(items.Index)
	if gotItems.Len() != len(wantItems) {
		c.fail(what, "%d items, want %d", gotItems.Len(), len(wantItems))
		return
	}
	for i, item := range wantItems {
		c.resource(fmt.Sprintf("%s %s[%d]", what, sc.op.Schema, i), sc.op.Schema, item.(map[string]any), gotItems.Index(i))
	}
	c.resource(what+" meta", "", want["meta"].(map[string]any), page.FieldByIndex(meta.Index))
}

// checkPaging follows page with NextPage to the last page and past it,
// then checks that List sends what ListPage sent and yields its first item.
func (sc *specCase) checkPaging(t *testing.T, c *answerCheck, listReq seenRequest, page reflect.Value, want map[string]any, args []reflect.Value) {
	t.Helper()
	ctx := reflect.ValueOf(context.Background())
	o := sc.call(sc.nextPage, []reflect.Value{ctx, page})
	if o.err != nil || len(o.reqs) != 1 {
		t.Errorf("NextPage: %v after %d requests, want page 2 after 1", o.err, len(o.reqs))
		return
	}
	if got := o.reqs[0].Path + "?" + o.reqs[0].Query.Encode(); got != sc.expectedPath()+"?"+nextPageQuery {
		t.Errorf("NextPage asked for %s, not the next_page_url", got)
	}
	sc.checkPage(c, "page 2", want, o.out[0])
	if o := sc.call(sc.nextPage, []reflect.Value{ctx, o.out[0]}); o.err != nil || !o.out[0].IsNil() || len(o.reqs) != 0 {
		t.Errorf("NextPage after the last page: %v, %v after %d requests, want nil, nil and none", o.out[0], o.err, len(o.reqs))
	}
	o = sc.first(args)
	if o.err != nil || len(o.reqs) != 1 {
		t.Errorf("List: %v after %d requests, want an item after 1", o.err, len(o.reqs))
		return
	}
	if !reflect.DeepEqual(o.reqs[0].Query, listReq.Query) || o.reqs[0].Path != listReq.Path {
		t.Errorf("List asked for %s?%s, ListPage for %s?%s", o.reqs[0].Path, o.reqs[0].Query.Encode(), listReq.Path, listReq.Query.Encode())
	}
	first := page.Elem()
	items, _ := pageField(first.Type(), sc.op.ListKey, "Items")
	if !reflect.DeepEqual(o.out[0].Elem().Interface(), first.FieldByIndex(items.Index).Index(0).Interface()) {
		t.Errorf("List's first item differs from ListPage's")
	}
}
