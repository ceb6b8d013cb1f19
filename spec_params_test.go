package twiliochat

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The request side of TestSpec: a params struct with every exported field
// set to a valid value the spec allows for the key it sends, the values
// each key must then carry on the wire, and bad values for patterns.

// exemptQueryKeys are the list query keys the SDK deliberately has no params
// field for: Twilio issues Page and PageToken inside each page's
// next_page_url, which NextPage and List follow, so a caller never sets
// them. Every other body, query and header key of the spec needs a field.
// timeType is the type of a date field.
var timeType = reflect.TypeFor[time.Time]()

var exemptQueryKeys = map[string]bool{"Page": true, "PageToken": true}

// paramLeaf is one field of a params struct that holds a value (a nested
// struct's fields are leaves of their own).
type paramLeaf struct {
	// GoPath is the field's Go name, with its nested structs'
	// ("Configuration.FlowSID").
	GoPath string
	// Key is what the field's tags send: the form or query key under its
	// nested structs' keys, or the header name; "" for `url:"-"`.
	Key    string
	Header bool
	// Param is the spec parameter the field stands for: the one named by
	// Key, or else the one Key would be were the tag the Go name (Go case
	// aside: RoleSID ↔ RoleSid). Nil when there is none (Limit).
	Param *specParam
	Field reflect.Value
}

// filledParams is a params struct with every exported field set.
type filledParams struct {
	// Ptr is the *…Params to pass to the method.
	Ptr    reflect.Value
	Leaves []*paramLeaf
	// Want is what each spec key must be sent as: one value per item for
	// an array, in order.
	Want map[string][]string
}

// leaf returns the leaf that stands for the spec key, or nil.
func (fp *filledParams) leaf(key string) *paramLeaf {
	for _, l := range fp.Leaves {
		if l.Param != nil && l.Param.Key == key {
			return l
		}
	}
	return nil
}

// fillParams returns a new params struct of type ptrType (a pointer to a
// struct) with every exported field set: a field that stands for a spec key
// holds a valid value for that key, a field that does not (Limit) any
// valid-looking value of its type. values numbers the samples, so each
// field holds a value of its own.
func fillParams(op *specOp, ptrType reflect.Type, values *sampleCounter) (*filledParams, error) {
	fp := &filledParams{Ptr: reflect.New(ptrType.Elem()), Want: map[string][]string{}}
	if err := fp.fill(op, fp.Ptr.Elem(), "", "", true, values); err != nil {
		return nil, err
	}
	return fp, nil
}

// fill sets the fields of the struct v, whose keys start with keyPrefix and
// Go names with goPrefix; sends is false under a `url:"-"` struct.
func (fp *filledParams) fill(op *specOp, v reflect.Value, keyPrefix, goPrefix string, sends bool, values *sampleCounter) error {
	for i := range v.NumField() {
		sf := v.Type().Field(i)
		if !sf.IsExported() {
			continue
		}
		if sf.Anonymous {
			return fmt.Errorf("%s%s: embedded fields are not supported", goPrefix, sf.Name)
		}
		leaf := &paramLeaf{GoPath: goPrefix + sf.Name, Field: v.Field(i)}
		if name, ok := sf.Tag.Lookup("header"); ok {
			leaf.Key, leaf.Header = name, true
		} else if tag := sf.Tag.Get("url"); tag != "-" && sends {
			name, _, _ := strings.Cut(tag, ",")
			leaf.Key = keyPrefix + cmp.Or(name, sf.Name)
		}
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && ft != timeType && !leaf.Header {
			nested := leaf.Field
			if nested.Kind() == reflect.Pointer {
				nested.Set(reflect.New(ft))
				nested = nested.Elem()
			}
			if err := fp.fill(op, nested, leaf.Key+".", leaf.GoPath+".", leaf.Key != "", values); err != nil {
				return err
			}
			continue
		}
		leaf.Param = matchParam(op, leaf)
		fp.Leaves = append(fp.Leaves, leaf)
		if leaf.Param == nil {
			if err := setAnyValue(leaf.Field, values); err != nil {
				return fmt.Errorf("%s: %w", leaf.GoPath, err)
			}
			continue
		}
		want, err := setParamSample(leaf.Field, leaf.Param, values)
		if err != nil {
			return fmt.Errorf("%s (spec key %s): %w", leaf.GoPath, leaf.Param.Key, err)
		}
		fp.Want[leaf.Param.Key] = want
	}
	return nil
}

// matchParam finds the spec parameter leaf stands for: by its key, else by
// its Go path (Go's initialisms aside), so that a field whose tag is wrong
// still gets a valid value and is reported by the key it fails to send.
func matchParam(op *specOp, leaf *paramLeaf) *specParam {
	for _, p := range op.Params {
		if (p.In == "header") == leaf.Header && p.Key == leaf.Key {
			return p
		}
	}
	if leaf.Header {
		return nil
	}
	for _, p := range op.Params {
		if p.In != "header" && strings.EqualFold(p.Key, leaf.GoPath) {
			return p
		}
	}
	return nil
}

// sampleCounter numbers sample values so that no two fields share one.
type sampleCounter struct{ n int }

func (c *sampleCounter) next() int {
	c.n++
	return c.n
}

// sidPatternRE is the only pattern shape of the spec: a SID.
var sidPatternRE = regexp.MustCompile(`^\^([A-Z]{2})\[0-9a-fA-F\]\{32\}\$$`)

// sidPrefix returns the SID prefix of a pattern, or fails for a pattern
// that is not a SID's (the test must then learn the new shape).
func sidPrefix(pattern string) (string, error) {
	m := sidPatternRE.FindStringSubmatch(pattern)
	if m == nil {
		return "", fmt.Errorf("pattern %q is not a SID pattern: teach the spec test its valid and bad values", pattern)
	}
	return m[1], nil
}

// sampleSID returns a valid SID with prefix, numbered n.
func sampleSID(prefix string, n int) string {
	return fmt.Sprintf("%s%032x", prefix, 0xabc000+n)
}

// sampleTime is a date-time sample, numbered n.
func sampleTime(n int) time.Time {
	return time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC).Add(time.Duration(n) * time.Hour)
}

// paramSample returns a valid value of the spec type s for key: an enum's
// first value, a SID for a pattern, a date, a URL for a uri (or a key
// ending in Url), JSON text for Attributes, a number within the spec's
// bounds, true.
func paramSample(key string, s *apiSchema, values *sampleCounter) (any, error) {
	n := values.next()
	last := key[strings.LastIndexByte(key, '.')+1:]
	switch {
	case len(s.Enum) > 0:
		return s.Enum[0], nil
	case s.Type == "string" && s.Pattern != "":
		prefix, err := sidPrefix(s.Pattern)
		return sampleSID(prefix, n), err
	case s.Type == "string" && s.Format == "date-time":
		return sampleTime(n), nil
	case s.Type == "string" && (s.Format == "uri" || strings.HasSuffix(last, "Url")):
		return fmt.Sprintf("https://example.com/hooks/%d?k=%s", n, last), nil
	case s.Type == "string" && last == "Attributes":
		return fmt.Sprintf(`{"sample":%d,"key":%q}`, n, key), nil
	case s.Type == "string":
		return fmt.Sprintf("%s sample %d", last, n), nil
	case s.Type == "integer":
		switch {
		case s.Maximum != nil:
			return *s.Maximum, nil
		case s.Minimum != nil:
			return max(*s.Minimum, 1), nil
		}
		return int64(1 + n%3), nil
	case s.Type == "boolean":
		return true, nil
	}
	return nil, fmt.Errorf("spec type %q (format %q) has no sample", s.Type, s.Format)
}

// wireText is how a sample is sent: as Twilio's official library sends it.
func wireText(sample any) string {
	switch v := sample.(type) {
	case time.Time:
		return v.Format(time.RFC3339)
	case int64:
		return strconv.FormatInt(v, 10)
	case bool:
		return strconv.FormatBool(v)
	}
	return sample.(string)
}

// setParamSample sets f to a valid value of the spec parameter p, two
// items for an array, and returns the values it must be sent as.
func setParamSample(f reflect.Value, p *specParam, values *sampleCounter) ([]string, error) {
	f = allocate(f)
	if p.Schema.Type != "array" {
		sample, err := paramSample(p.Key, p.Schema, values)
		if err != nil {
			return nil, err
		}
		return []string{wireText(sample)}, setValue(f, sample)
	}
	if f.Kind() != reflect.Slice {
		return nil, fmt.Errorf("a %s field cannot hold the spec's array", f.Type())
	}
	var samples []any
	for range 2 {
		sample, err := paramSample(p.Key, p.Schema.Items, values)
		if err != nil {
			return nil, err
		}
		samples = append(samples, sample)
	}
	if len(p.Schema.Items.Enum) > 1 {
		// Two different values of the enum, not the first one twice.
		samples[1] = p.Schema.Items.Enum[1]
	}
	var want []string
	for _, s := range samples {
		want = append(want, wireText(s))
	}
	return want, setItems(f, samples)
}

// setItems sets the slice f to one item per sample.
func setItems(f reflect.Value, samples []any) error {
	s := reflect.MakeSlice(f.Type(), len(samples), len(samples))
	for i, sample := range samples {
		if err := setValue(allocate(s.Index(i)), sample); err != nil {
			return err
		}
	}
	f.Set(s)
	return nil
}

// allocate follows f's pointers, making each nil one point to a new zero
// value, and returns what they point to.
func allocate(f reflect.Value) reflect.Value {
	for f.Kind() == reflect.Pointer {
		if f.IsNil() {
			f.Set(reflect.New(f.Type().Elem()))
		}
		f = f.Elem()
	}
	return f
}

// setValue sets f, not a pointer, to sample: a string (or a "true"/"false"
// enum value into a bool), a bool, an int64 or a time.Time.
func setValue(f reflect.Value, sample any) error {
	switch v := sample.(type) {
	case time.Time:
		if f.Type() == timeType {
			f.Set(reflect.ValueOf(v))
			return nil
		}
	case string:
		switch f.Kind() {
		case reflect.String:
			f.SetString(v)
			return nil
		case reflect.Bool:
			if b, err := strconv.ParseBool(v); err == nil && (v == "true" || v == "false") {
				f.SetBool(b)
				return nil
			}
		}
	case bool:
		if f.Kind() == reflect.Bool {
			f.SetBool(v)
			return nil
		}
	case int64:
		switch f.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if !f.OverflowInt(v) {
				f.SetInt(v)
				return nil
			}
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			if v >= 0 && !f.OverflowUint(uint64(v)) {
				f.SetUint(uint64(v))
				return nil
			}
		}
	}
	return fmt.Errorf("a %s field cannot hold the spec's value %#v", f.Type(), sample)
}

// setAnyValue sets a field that stands for no spec key to a harmless
// non-zero value of its type.
func setAnyValue(f reflect.Value, values *sampleCounter) error {
	f = allocate(f)
	switch {
	case f.Type() == timeType:
		f.Set(reflect.ValueOf(sampleTime(values.next())))
	case f.Kind() == reflect.String:
		f.SetString(fmt.Sprintf("unmatched %d", values.next()))
	case f.Kind() == reflect.Bool:
		f.SetBool(true)
	case f.CanInt():
		f.SetInt(1)
	case f.CanUint():
		f.SetUint(1)
	case f.Kind() == reflect.Slice:
		f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		return setAnyValue(f.Index(0), values)
	default:
		return fmt.Errorf("a params field of type %s is not supported", f.Type())
	}
	return nil
}

// badPatternValues returns values that break a SID pattern with prefix,
// each checked against the pattern itself.
func badPatternValues(pattern string) ([]string, error) {
	prefix, err := sidPrefix(pattern)
	if err != nil {
		return nil, err
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	hex := strings.Repeat("0123456789abcdef", 2)
	other := "ZZ"
	bad := []string{
		"",
		other + hex,               // another prefix
		prefix + hex[:31],         // a digit short
		prefix + hex + "0",        // a digit long
		prefix + hex[:31] + "g",   // not hex
		prefix + hex[:30] + "/..", // a path in disguise
		strings.ToLower(prefix) + hex,
	}
	for _, b := range bad {
		if re.MatchString(b) {
			return nil, fmt.Errorf("bad value %q matches %s", b, pattern)
		}
	}
	return bad, nil
}

// sentKeys returns the keys r sent as form or query keys (by op's method)
// and reports where the other one was used.
func sentKeys(op *specOp, r seenRequest) (url.Values, error) {
	if op.Method == http.MethodPost {
		if len(r.Query) > 0 {
			return nil, fmt.Errorf("a POST sent a query %v", r.Query)
		}
		return url.ParseQuery(r.Body)
	}
	if r.Body != "" {
		return nil, fmt.Errorf("a %s sent a body %q", op.Method, r.Body)
	}
	return r.Query, nil
}

// keyProblems compares the keys and headers r sent with what the spec
// gives op and fp wants, and returns every difference.
func keyProblems(op *specOp, fp *filledParams, r seenRequest) []string {
	var problems []string
	sent, err := sentKeys(op, r)
	if err != nil {
		return []string{err.Error()}
	}
	for _, p := range op.Params {
		var got []string
		if p.In == "header" {
			got = r.Header.Values(p.Key)
		} else {
			got = sent[p.Key]
		}
		want, filled := fp.Want[p.Key]
		switch {
		case !filled && exemptQueryKeys[p.Key] && got == nil:
			// Not a params field on purpose; see exemptQueryKeys.
		case !filled:
			problems = append(problems, fmt.Sprintf("spec %s key %s has no params field (its url or header tag, or its Go name, must be the key)", p.In, p.Key))
		case got == nil:
			problems = append(problems, fmt.Sprintf("field %s (spec %s key %s) was set but %s was not sent: the field sends %s", fp.leaf(p.Key).GoPath, p.In, p.Key, p.Key, describeKey(fp.leaf(p.Key))))
		case !slices.Equal(got, want):
			problems = append(problems, fmt.Sprintf("spec %s key %s sent as %q, want %q", p.In, p.Key, got, want))
		}
	}
	for key := range sent {
		if p := op.param(key); p == nil || p.In == "header" {
			problems = append(problems, fmt.Sprintf("sent key %s, which the spec does not give %s (sent by %s)", key, op.ID, leafSending(fp, key, false)))
		}
	}
	for name := range r.Header {
		if !strings.HasPrefix(name, "X-Twilio-") {
			continue
		}
		if p := op.param(name); p == nil || p.In != "header" {
			problems = append(problems, fmt.Sprintf("sent header %s, which the spec does not give %s (sent by %s)", name, op.ID, leafSending(fp, name, true)))
		}
	}
	for _, l := range fp.Leaves {
		if q := misnamed(op, l); q != nil {
			problems = append(problems, fmt.Sprintf("field %s sends %s %s, but its Go name says %s", l.GoPath, l.Param.In, l.Param.Key, q.Key))
		}
	}
	slices.Sort(problems)
	return problems
}

// misnamed returns the spec parameter that the Go name of a leaf's field
// names when its tag sends another one (two swapped tags), or nil.
func misnamed(op *specOp, l *paramLeaf) *specParam {
	if l.Param == nil || l.Header {
		return nil
	}
	for _, p := range op.Params {
		if p != l.Param && p.In != "header" && strings.EqualFold(p.Key, l.GoPath) {
			return p
		}
	}
	return nil
}

// describeKey says what a leaf's tags send.
func describeKey(l *paramLeaf) string {
	switch {
	case l.Key == "":
		return "nothing (url:\"-\")"
	case l.Header:
		return "header " + l.Key
	}
	return "key " + l.Key
}

// leafSending names the field whose tags send key, for a message.
func leafSending(fp *filledParams, key string, header bool) string {
	for _, l := range fp.Leaves {
		if l.Key == key && l.Header == header {
			return "field " + l.GoPath
		}
	}
	for _, l := range fp.Leaves {
		if l.GoPath == key {
			return "field " + l.GoPath + ", which has no tag for it"
		}
	}
	return "no params field"
}
