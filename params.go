package twiliochat

import (
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Ptr returns a pointer to a copy of v. Params use pointers so that an unset
// field (nil) is told apart from a zero value that must be sent:
//
//	params := &twiliochat.UpdateServiceParams{ReachabilityEnabled: twiliochat.Ptr(false)}
func Ptr[T any](v T) *T { return &v }

// The form encoding of params structs follows go-querystring's `url` tags,
// with the difference that a nested struct spells its keys with a dot:
//
//   - a field is sent under the name its `url` tag gives, or its Go name
//     without a tag; "-" and unexported fields are never sent;
//   - omitempty leaves out a nil pointer, a zero number, false, "" and a zero
//     time;
//   - a set pointer is sent as the value it points to, a nil one without
//     omitempty as an empty value;
//   - a slice or array sends one key per item, and nothing when empty;
//   - a struct or pointer to struct sends its own fields under its name and a
//     dot ("Notifications.NewMessage.Enabled"); a nil one sends nothing;
//   - a time.Time is sent in RFC 3339;
//   - other values are sent as fmt.Sprint prints them;
//   - keys are sorted, as url.Values.Encode sorts them.
//
// A top-level field tagged `header:"X-Twilio-Webhook-Enabled"` (a string,
// bool or number, or a pointer to one) is sent as that request header when
// it is set, never as a form or query key; a list params type's Limit
// (`url:"-"`) is read by the list steps and not sent.
//
// Other tag options, embedded structs, and maps, interfaces, channels or
// functions in a params type are refused with an error.
//
// The layout of each params type is worked out once and cached, and the
// form is appended to a byte slice without building url.Values.

// formBuffers holds scratch buffers for encodeBody.
var formBuffers = sync.Pool{New: func() any { return new([]byte) }}

// encodeBody returns the application/x-www-form-urlencoded encoding of
// params, a params struct or a pointer to one, in a new slice of exactly its
// length, to be sent as a request body. It is byte for byte what
// url.Values.Encode would make of the same keys and values. A nil params
// gives an empty, non-nil body.
func encodeBody(params any) ([]byte, error) {
	buf := formBuffers.Get().(*[]byte)
	defer formBuffers.Put(buf)
	b, err := appendForm((*buf)[:0], params)
	*buf = b
	if err != nil {
		return nil, err
	}
	return append(make([]byte, 0, len(b)), b...), nil
}

// appendForm appends the encoding of params to dst: its form or query keys,
// not its header fields.
func appendForm(dst []byte, params any) ([]byte, error) {
	v, layout, err := paramsLayout(params)
	if err != nil || !v.IsValid() {
		return dst, err
	}
	start := len(dst)
	for i := range layout.fields {
		f := &layout.fields[i]
		fv, ok := f.locate(v)
		if !ok || f.omitEmpty && isEmpty(fv) {
			continue
		}
		fv = deref(fv)
		if !f.list || fv.Kind() == reflect.Pointer {
			dst = f.appendPair(dst, start, fv)
			continue
		}
		for j := range fv.Len() {
			dst = f.appendPair(dst, start, deref(fv.Index(j)))
		}
	}
	return dst, nil
}

// encodeHeader returns the header fields of params that are set, or nil
// when there are none.
func encodeHeader(params any) (http.Header, error) {
	v, layout, err := paramsLayout(params)
	if err != nil || !v.IsValid() || len(layout.headers) == 0 {
		return nil, err
	}
	var h http.Header
	for i := range layout.headers {
		f := &layout.headers[i]
		fv := v.Field(f.path[0])
		if isEmpty(fv) {
			continue
		}
		if h == nil {
			h = make(http.Header, len(layout.headers))
		}
		h[f.key] = []string{f.valueString(deref(fv))}
	}
	return h, nil
}

// valueString returns v as appendValue writes it, as a string: a string or
// a bool without copying it.
func (f *formField) valueString(v reflect.Value) string {
	switch f.kind {
	case leafString:
		return v.String()
	case leafBool:
		return strconv.FormatBool(v.Bool())
	}
	return string(f.appendValue(nil, v))
}

// paramsLayout returns the params struct params points to and its layout,
// or an invalid Value for a nil params.
func paramsLayout(params any) (reflect.Value, *formLayout, error) {
	v := reflect.ValueOf(params)
	if !v.IsValid() {
		return v, nil, nil
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return reflect.Value{}, nil, nil
		}
		v = v.Elem()
	}
	layout, err := formLayoutOf(v.Type())
	return v, layout, err
}

// appendPair appends "&key=value" to dst, without the "&" when dst holds
// nothing past start. v has its pointers followed; a nil one sends an empty
// value.
func (f *formField) appendPair(dst []byte, start int, v reflect.Value) []byte {
	if len(dst) > start {
		dst = append(dst, '&')
	}
	dst = append(dst, f.escapedKey...)
	dst = append(dst, '=')
	switch {
	case v.Kind() == reflect.Pointer:
		return dst
	case f.kind == leafString:
		return appendQueryEscape(dst, v.String())
	case f.needsEscape:
		return appendQueryEscape(dst, string(f.appendValue(nil, v)))
	default:
		// Digits, "-", "true" and "false" need no escaping.
		return f.appendValue(dst, v)
	}
}

// isEmpty reports whether omitempty leaves v out, as go-querystring decides.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
		return z.IsZero()
	}
	return false
}

// deref follows pointers; a nil pointer stays as it is.
func deref(v reflect.Value) reflect.Value {
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v
}

// leafKind says how a field's value is written.
type leafKind uint8

const (
	leafString leafKind = iota
	leafBool
	leafInt
	leafUint
	leafFloat
	leafTime
	leafSprint // fmt.Sprint: a type with its own String, Error or Format
)

// formField is one key of a params type's form.
type formField struct {
	key        string
	escapedKey string
	// path holds the field indexes from the params struct to this field,
	// through nested structs.
	path      []int
	omitEmpty bool
	// list is set for a slice or array: one key per item.
	list bool
	kind leafKind
	// bits is the size of a float.
	bits int
	// needsEscape is set when the kind's text may hold characters that
	// need escaping (a float's "+", fmt.Sprint's anything).
	needsEscape bool
}

// locate returns the field in the params struct v, and false when a nil
// nested struct pointer is on the way.
func (f *formField) locate(v reflect.Value) (reflect.Value, bool) {
	for i, index := range f.path {
		v = v.Field(index)
		if i == len(f.path)-1 {
			break
		}
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
	}
	return v, true
}

// appendValue appends the text of v, not a pointer, unescaped.
func (f *formField) appendValue(dst []byte, v reflect.Value) []byte {
	switch f.kind {
	case leafString:
		return append(dst, v.String()...)
	case leafBool:
		return strconv.AppendBool(dst, v.Bool())
	case leafInt:
		return strconv.AppendInt(dst, v.Int(), 10)
	case leafUint:
		return strconv.AppendUint(dst, v.Uint(), 10)
	case leafFloat:
		return strconv.AppendFloat(dst, v.Float(), 'g', -1, f.bits)
	case leafTime:
		return v.Interface().(time.Time).AppendFormat(dst, time.RFC3339)
	default:
		return fmt.Append(dst, v.Interface())
	}
}

// formLayout is how a params type is sent.
type formLayout struct {
	// fields are the form (or query) keys, sorted by key.
	fields []formField
	// headers are the fields with a `header` tag, sent as request headers.
	headers []formField
	// pageSize and limit are the indexes of a list params type's PageSize
	// (*int) and Limit (int, not sent) fields, -1 in other types.
	pageSize, limit int
}

// formLayouts caches the layout of each params type: reflect.Type to
// *formLayout, or to the error the type gives.
var formLayouts sync.Map

// formLayoutOf returns the layout of the params struct type t, working it
// out on first use.
func formLayoutOf(t reflect.Type) (*formLayout, error) {
	if cached, ok := formLayouts.Load(t); ok {
		if err, isErr := cached.(error); isErr {
			return nil, err
		}
		return cached.(*formLayout), nil
	}
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("twiliochat: params must be a struct, not %s", t)
	}
	layout := &formLayout{pageSize: -1, limit: -1}
	err := addFormFields(layout, t, "", nil)
	if err != nil {
		err = fmt.Errorf("twiliochat: params type %s: %w", t, err)
		formLayouts.Store(t, err)
		return nil, err
	}
	if f, ok := t.FieldByName("PageSize"); ok && f.Type == reflect.TypeFor[*int]() && len(f.Index) == 1 {
		layout.pageSize = f.Index[0]
	}
	if f, ok := t.FieldByName("Limit"); ok && f.Type.Kind() == reflect.Int && len(f.Index) == 1 {
		layout.limit = f.Index[0]
	}
	// A stable sort keeps the fields that share a key in field order, as
	// url.Values.Encode does.
	slices.SortStableFunc(layout.fields, func(a, b formField) int { return cmp.Compare(a.key, b.key) })
	formLayouts.Store(t, layout)
	return layout, nil
}

var (
	timeType      = reflect.TypeFor[time.Time]()
	stringerType  = reflect.TypeFor[fmt.Stringer]()
	errorType     = reflect.TypeFor[error]()
	formatterType = reflect.TypeFor[fmt.Formatter]()
)

// addFormFields appends the fields of struct type t, their keys under
// prefix, to the layout.
func addFormFields(layout *formLayout, t reflect.Type, prefix string, path []int) error {
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() && !sf.Anonymous {
			continue
		}
		if header, ok := sf.Tag.Lookup("header"); ok {
			if err := addHeaderField(layout, sf, header, path); err != nil {
				return fmt.Errorf("field %s: %w", sf.Name, err)
			}
			continue
		}
		tag := sf.Tag.Get("url")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		omitEmpty := false
		for _, opt := range strings.Split(opts, ",") {
			switch opt {
			case "":
			case "omitempty":
				omitEmpty = true
			default:
				return fmt.Errorf("field %s: url tag option %q is not supported", sf.Name, opt)
			}
		}
		if sf.Anonymous {
			return fmt.Errorf("field %s: embedded structs are not supported", sf.Name)
		}
		if sf.Tag.Get("del") != "" || sf.Tag.Get("layout") != "" {
			return fmt.Errorf("field %s: del and layout tags are not supported", sf.Name)
		}
		if name == "" {
			name = sf.Name
		}
		f := formField{key: prefix + name, path: append(slices.Clip(path), i), omitEmpty: omitEmpty}
		ft := sf.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && ft != timeType {
			if err := addFormFields(layout, ft, f.key+".", f.path); err != nil {
				return err
			}
			continue
		}
		if ft.Kind() == reflect.Slice || ft.Kind() == reflect.Array {
			f.list = true
			for ft = ft.Elem(); ft.Kind() == reflect.Pointer; {
				ft = ft.Elem()
			}
		}
		if err := f.setKind(ft); err != nil {
			return fmt.Errorf("field %s: %w", sf.Name, err)
		}
		f.escapedKey = url.QueryEscape(f.key)
		layout.fields = append(layout.fields, f)
	}
	return nil
}

// addHeaderField adds the field sf, tagged `header:"name"`, as a header of
// the request: a top-level string, bool or number, or a pointer to one.
func addHeaderField(layout *formLayout, sf reflect.StructField, name string, path []int) error {
	if len(path) > 0 || name == "" || sf.Tag.Get("url") != "" || http.CanonicalHeaderKey(name) != name {
		return errors.New("a header field must be a top-level field with a canonical header name and no url tag")
	}
	f := formField{key: name, path: []int{sf.Index[0]}}
	ft := sf.Type
	if ft.Kind() == reflect.Pointer {
		ft = ft.Elem()
	}
	if err := f.setKind(ft); err != nil || f.kind == leafTime || f.kind == leafSprint {
		return fmt.Errorf("%s values cannot be sent in a header", sf.Type)
	}
	layout.headers = append(layout.headers, f)
	return nil
}

// hasOwnText reports whether fmt prints values of t through a method of
// their own.
func hasOwnText(t reflect.Type) bool {
	return t.Implements(stringerType) || t.Implements(errorType) || t.Implements(formatterType)
}

// setKind sets how values of type t are written.
func (f *formField) setKind(t reflect.Type) error {
	switch {
	case t == timeType:
		f.kind, f.needsEscape = leafTime, true
		return nil
	case hasOwnText(t):
		f.kind, f.needsEscape = leafSprint, true
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		f.kind = leafString
	case reflect.Bool:
		f.kind = leafBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		f.kind = leafInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		f.kind = leafUint
	case reflect.Float32, reflect.Float64:
		f.kind, f.bits, f.needsEscape = leafFloat, t.Bits(), true
	default:
		return errors.New(t.String() + " values cannot be sent in a form")
	}
	return nil
}

// appendQueryEscape appends s escaped as url.QueryEscape escapes it.
func appendQueryEscape(dst []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
			dst = append(dst, c)
		case c == ' ':
			dst = append(dst, '+')
		default:
			dst = append(dst, '%', hex[c>>4], hex[c&15])
		}
	}
	return dst
}

// quoteShort quotes s for an error message, cut to a length that keeps
// messages readable whatever the caller passed.
func quoteShort(s string) string {
	const max = 48
	if len(s) > max {
		return strconv.Quote(s[:max]) + "…"
	}
	return strconv.Quote(s)
}
