package twiliochat

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The answer side of TestSpec: an answer built from a schema's properties,
// each with a value of its own, and a walk that compares what the SDK
// decoded with it, property by property.

// stringBools are the properties the spec types as a string that the SDK
// decodes to a bool, as issue 13 asks: Twilio answers "True" or "False".
var stringBools = map[string]bool{"chat.v2.credential.sandbox": true}

// wantPointer is the package doc's rule for a response field: a pointer
// where the spec says nullable and the zero value is also a real value (a
// count, an index, a boolean), nil for null; otherwise the zero value.
func wantPointer(p *apiSchema) bool {
	return p != nil && p.Nullable && (p.Type == "integer" || p.Type == "boolean")
}

// answerSampler builds answers from the spec's schemas.
type answerSampler struct {
	doc    *specDoc
	values sampleCounter
}

// object returns an answer of the component schema with every property
// set to a value of its own.
func (s *answerSampler) object(schema string) map[string]any {
	props := s.doc.Schemas[schema].Properties
	out := make(map[string]any, len(props))
	for _, name := range sortedKeys(props) {
		out[name] = s.property(schema, name, props[name])
	}
	return out
}

// withNulls returns obj with every property the schema marks nullable set
// to null, but the SIDs, which the SDK may need to address the resource.
func (s *answerSampler) withNulls(schema string, obj map[string]any) map[string]any {
	out := make(map[string]any, len(obj))
	for name, v := range obj {
		if prop := s.doc.Schemas[schema].Properties[name]; prop.Nullable && name != "sid" && !strings.HasSuffix(name, "_sid") {
			v = nil
		}
		out[name] = v
	}
	return out
}

// property returns a sample of one property of schema ("" for a list's
// meta).
func (s *answerSampler) property(schema, name string, prop *apiSchema) any {
	if stringBools[schema+"."+name] {
		return "True"
	}
	p := s.doc.resolve(prop)
	switch {
	case len(p.Enum) > 0:
		return p.Enum[len(p.Enum)-1]
	case p.Type == "string":
		return s.str(name, p)
	case p.Type == "integer":
		return 100 + s.values.next()
	case p.Type == "boolean":
		return true
	case p.Type == "array":
		return []any{s.property(schema, name, p.Items), s.property(schema, name, p.Items)}
	}
	// An object: a uri-map or a property without a schema (limits,
	// notifications, configuration, media), built from the spec's examples.
	if ex := mergeExamples(s.examples(schema, name)); ex != nil {
		return s.vary(ex)
	}
	if p.Format == "uri-map" {
		return map[string]any{"first": s.str("first", &apiSchema{Format: "uri"}), "second": s.str("second", &apiSchema{Format: "uri"})}
	}
	return map[string]any{}
}

// str returns a string sample for the property name.
func (s *answerSampler) str(name string, p *apiSchema) string {
	n := s.values.next()
	switch {
	case p.Pattern != "":
		prefix, err := sidPrefix(p.Pattern)
		if err != nil {
			panic(err) // the spec test learns a new pattern shape first
		}
		return sampleSID(prefix, n)
	case p.Format == "date-time":
		return sampleTime(n).Format(time.RFC3339)
	case p.Format == "uri":
		return fmt.Sprintf("https://chat.twilio.com/v2/Sample/%d", n)
	case name == "attributes":
		return fmt.Sprintf(`{"sample":%d}`, n)
	}
	return fmt.Sprintf("%s %d", name, n)
}

// examples returns every value the spec's examples give the property name
// of schema.
func (s *answerSampler) examples(schema, name string) []any {
	var out []any
	for _, ex := range s.doc.Examples[schema] {
		if v, ok := ex[name]; ok {
			out = append(out, v)
		}
	}
	return out
}

// mergeExamples merges example values into one that has every key any of
// them has: objects key by key, the longest array, the first non-null
// scalar.
func mergeExamples(values []any) any {
	var merged any
	for _, v := range values {
		merged = mergeTwo(merged, v)
	}
	return merged
}

func mergeTwo(a, b any) any {
	switch av := a.(type) {
	case nil:
		return b
	case map[string]any:
		bv, ok := b.(map[string]any)
		if !ok {
			return a
		}
		out := make(map[string]any, len(av)+len(bv))
		for k, v := range av {
			out[k] = v
		}
		for k, v := range bv {
			out[k] = mergeTwo(out[k], v)
		}
		return out
	case []any:
		if bv, ok := b.([]any); ok && len(bv) > len(av) {
			return b
		}
	}
	return a
}

// sidLikeRE matches a SID in an example.
var sidLikeRE = regexp.MustCompile(`^[A-Z]{2}[0-9a-fA-F]{32}$`)

// vary returns a copy of an example value with every leaf changed to a
// value of its own of the same JSON type.
func (s *answerSampler) vary(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for _, k := range sortedKeys(x) {
			out[k] = s.vary(x[k])
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = s.vary(x[i])
		}
		return out
	case string:
		n := s.values.next()
		if sidLikeRE.MatchString(x) {
			return sampleSID(x[:2], n)
		}
		if strings.HasPrefix(x, "http") {
			return fmt.Sprintf("https://chat.twilio.com/v2/Sample/%d", n)
		}
		if _, err := time.Parse(time.RFC3339, x); err == nil {
			return sampleTime(n).Format(time.RFC3339)
		}
		return fmt.Sprintf("%s %d", x, n)
	case float64:
		if x == math.Trunc(x) {
			return int64(x) + int64(s.values.next())
		}
		return x + float64(s.values.next())
	case bool:
		return true
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// roundTrip returns v as encoding/json reads it back: numbers as
// json.Number, so that the comparison is exact.
func roundTrip(v any) (any, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	var out any
	err = dec.Decode(&out)
	return out, err
}

// answerCheck compares decoded values with the answer they came from and
// collects every difference.
type answerCheck struct {
	doc      *specDoc // the spec, for the nullable rule
	problems []string
}

func (c *answerCheck) fail(path, format string, args ...any) {
	c.problems = append(c.problems, path+": "+fmt.Sprintf(format, args...))
}

// resource compares got, the decoded struct of a component schema, with
// want, the answer object (read back through roundTrip).
func (c *answerCheck) resource(path, schema string, want map[string]any, got reflect.Value) {
	var props map[string]*apiSchema
	if c.doc != nil && c.doc.Schemas[schema] != nil {
		props = c.doc.Schemas[schema].Properties
	}
	got = reflect.Indirect(got)
	if got.Kind() != reflect.Struct {
		c.fail(path, "decodes into %s, not a struct", got.Type())
		return
	}
	for _, name := range sortedKeys(want) {
		f, ok := jsonField(got.Type(), name)
		if !ok {
			c.fail(path, "no field has the json tag %q", name)
			continue
		}
		if !strings.EqualFold(strings.ReplaceAll(name, "_", ""), f.Name) {
			// Fields are named after their JSON key, Go case aside, so
			// that two swapped tags do not go unseen.
			c.fail(path+"."+name, "field %s decodes %q: name it after the key (%s)", f.Name, name, goCase(name))
		}
		fv := got.FieldByIndex(f.Index)
		key := schema + "." + name
		if isPointer := f.Type.Kind() == reflect.Pointer; props != nil && !stringBools[key] && isPointer != wantPointer(props[name]) {
			c.fail(path+"."+name, "field %s is a %s: the nullable rule (doc.go) wants a pointer only for a nullable count, index or boolean", f.Name, f.Type)
		}
		if stringBools[key] {
			c.stringBool(path+"."+name, want[name], fv)
			continue
		}
		c.value(path+"."+name, want[name], fv)
	}
}

// goCase spells a JSON key in Go case, for a message: "role_sid" is
// "RoleSid" (RoleSID with Go's initialisms).
func goCase(key string) string {
	parts := strings.Split(key, "_")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "")
}

// stringBool compares a bool field with Twilio's "True"/"False" string.
func (c *answerCheck) stringBool(path string, want any, got reflect.Value) {
	got = reflect.Indirect(got)
	if got.Kind() != reflect.Bool {
		c.fail(path, "field is a %s, want a bool decoded from Twilio's string", got.Type())
		return
	}
	b, _ := strconv.ParseBool(fmt.Sprint(want))
	if got.Bool() != b {
		c.fail(path, "decoded %v from %q", got.Bool(), want)
	}
}

// jsonField returns the field of struct type t (promoted fields included)
// whose json tag names the key.
func jsonField(t reflect.Type, key string) (reflect.StructField, bool) {
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

var (
	rawMessageType  = reflect.TypeFor[json.RawMessage]()
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
)

// value compares got with want, a JSON value read back through roundTrip.
func (c *answerCheck) value(path string, want any, got reflect.Value) {
	if want == nil {
		if !got.IsZero() {
			c.fail(path, "null decoded to %v, want the zero value (or nil)", got)
		}
		return
	}
	for got.Kind() == reflect.Pointer || got.Kind() == reflect.Interface {
		if got.IsNil() {
			c.fail(path, "decoded to nil, want %v", want)
			return
		}
		if got.Kind() == reflect.Interface {
			c.byJSON(path, want, got)
			return
		}
		got = got.Elem()
	}
	if got.Type() == rawMessageType {
		var v any
		dec := json.NewDecoder(strings.NewReader(string(got.Bytes())))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil || !reflect.DeepEqual(v, want) {
			c.fail(path, "raw JSON %s, want %v", got.Bytes(), want)
		}
		return
	}
	if got.Type() != timeType && got.Kind() != reflect.Struct && reflect.PointerTo(got.Type()).Implements(unmarshalerType) {
		c.byJSON(path, want, got)
		return
	}
	switch w := want.(type) {
	case map[string]any:
		switch got.Kind() {
		case reflect.Struct:
			c.resource(path, "", w, got)
		case reflect.Map:
			if got.Type().Key().Kind() != reflect.String {
				c.fail(path, "decodes into %s", got.Type())
				return
			}
			if got.Len() != len(w) {
				c.fail(path, "%d entries, want %d", got.Len(), len(w))
			}
			for _, k := range sortedKeys(w) {
				item := got.MapIndex(reflect.ValueOf(k).Convert(got.Type().Key()))
				if !item.IsValid() {
					c.fail(path+"."+k, "missing")
					continue
				}
				c.value(path+"."+k, w[k], item)
			}
		default:
			c.fail(path, "an object decodes into %s", got.Type())
		}
	case []any:
		if got.Kind() != reflect.Slice && got.Kind() != reflect.Array {
			c.fail(path, "an array decodes into %s", got.Type())
			return
		}
		if got.Len() != len(w) {
			c.fail(path, "%d items, want %d", got.Len(), len(w))
			return
		}
		for i := range w {
			c.value(fmt.Sprintf("%s[%d]", path, i), w[i], got.Index(i))
		}
	case string:
		switch {
		case got.Type() == timeType:
			wt, err := time.Parse(time.RFC3339, w)
			if err != nil {
				c.fail(path, "a date-time field for %q", w)
			} else if !got.Interface().(time.Time).Equal(wt) {
				c.fail(path, "decoded %v, want %s", got.Interface(), w)
			}
		case got.Kind() == reflect.String:
			if got.String() != w {
				c.fail(path, "decoded %q, want %q", got.String(), w)
			}
		default:
			c.fail(path, "a string decodes into %s", got.Type())
		}
	case json.Number:
		switch {
		case got.CanInt():
			if n, err := w.Int64(); err != nil || got.Int() != n {
				c.fail(path, "decoded %d, want %s", got.Int(), w)
			}
		case got.CanUint():
			if n, err := strconv.ParseUint(w.String(), 10, 64); err != nil || got.Uint() != n {
				c.fail(path, "decoded %d, want %s", got.Uint(), w)
			}
		case got.CanFloat():
			if f, err := w.Float64(); err != nil || got.Float() != f {
				c.fail(path, "decoded %v, want %s", got.Float(), w)
			}
		default:
			c.fail(path, "a number decodes into %s", got.Type())
		}
	case bool:
		if got.Kind() != reflect.Bool {
			c.fail(path, "a boolean decodes into %s", got.Type())
		} else if got.Bool() != w {
			c.fail(path, "decoded %v, want %v", got.Bool(), w)
		}
	default:
		c.fail(path, "unexpected JSON value %T", want)
	}
}

// byJSON compares a value of a type with its own JSON decoding by encoding
// it again.
func (c *answerCheck) byJSON(path string, want any, got reflect.Value) {
	back, err := roundTrip(got.Interface())
	if err != nil {
		c.fail(path, "encode %s again: %v", got.Type(), err)
		return
	}
	if !reflect.DeepEqual(back, want) {
		c.fail(path, "decoded %v, want %v", back, want)
	}
}
