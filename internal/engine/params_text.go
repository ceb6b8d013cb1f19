package engine

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"strconv"
	"strings"
)

// How a params type that holds secrets (a Credential's Certificate,
// PrivateKey, ApiKey and Secret) stays out of every output but the
// request: its fields carrying a secret are tagged `redact:"true"`, and
// its Format, GoString, LogValue and MarshalJSON methods describe it
// through these functions, which print such a field as [redacted] when it
// is set. The form encoder ignores the tag: the secrets go on the wire as
// they are.

// Redacted is what a secret is printed as.
const Redacted = "[redacted]"

// paramField is one set field of a params struct, as it may be shown.
type paramField struct {
	name string
	// value is the field's value, pointers followed; nil for a secret.
	value any
}

// paramFields returns the set fields of the params struct p, or of the
// struct p points to, in declaration order: nil pointers and empty slices
// are left out, and a field tagged `redact:"true"` has no value.
func paramFields(p any) (reflect.Type, []paramField) {
	v := reflect.ValueOf(p)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return v.Type(), nil
	}
	var out []paramField
	for i := range v.NumField() {
		sf, fv := v.Type().Field(i), v.Field(i)
		if !sf.IsExported() || isEmptyParam(fv) {
			continue
		}
		f := paramField{name: sf.Name}
		if sf.Tag.Get("redact") != "true" {
			for fv.Kind() == reflect.Pointer && !fv.IsNil() {
				fv = fv.Elem()
			}
			f.value = fv.Interface()
		}
		out = append(out, f)
	}
	return v.Type(), out
}

// isEmptyParam reports whether a params field is unset: a nil pointer or
// an empty slice.
func isEmptyParam(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	}
	return false
}

// DescribeParams is the text of the params p for every fmt verb: its type
// and set fields, secrets as [redacted]:
//
//	conversations.CreateCredentialParams{Type: "apn", Certificate: [redacted]}
func DescribeParams(p any) string {
	t, fields := paramFields(p)
	var b strings.Builder
	b.WriteString(t.String())
	b.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.name)
		b.WriteString(": ")
		switch v := reflect.ValueOf(f.value); {
		case f.value == nil:
			b.WriteString(Redacted)
		case v.Kind() == reflect.String:
			b.WriteString(strconv.Quote(v.String()))
		case v.Kind() == reflect.Slice:
			fmt.Fprintf(&b, "%q", f.value)
		default:
			fmt.Fprint(&b, f.value)
		}
	}
	b.WriteByte('}')
	return b.String()
}

// FormatParams writes DescribeParams(p) to f, whatever the verb.
func FormatParams(f fmt.State, p any) {
	_, _ = io.WriteString(f, DescribeParams(p))
}

// LogParams is the slog value of the params p: a group of its set fields,
// secrets as [redacted].
func LogParams(p any) slog.Value {
	_, fields := paramFields(p)
	attrs := make([]slog.Attr, len(fields))
	for i, f := range fields {
		attrs[i] = slog.Any(f.name, f.value)
		if f.value == nil {
			attrs[i] = slog.String(f.name, Redacted)
		}
	}
	return slog.GroupValue(attrs...)
}

// MarshalParams is the JSON of the params p: an object of its set fields
// by Go name, secrets as "[redacted]".
func MarshalParams(p any) ([]byte, error) {
	_, fields := paramFields(p)
	obj := make(map[string]any, len(fields))
	for _, f := range fields {
		obj[f.name] = f.value
		if f.value == nil {
			obj[f.name] = Redacted
		}
	}
	return json.Marshal(obj)
}
