package twiliochat

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"strconv"
	"strings"
)

// How a params type that holds secrets (CreateCredentialParams'
// Certificate, PrivateKey, ApiKey and Secret) stays out of every output but
// the request: its fields carrying a secret are tagged `redact:"true"`, and
// its Format, GoString, LogValue and MarshalJSON methods describe it through
// paramFields, which prints such a field as [redacted] when it is set. The
// form encoder ignores the tag: the secrets go on the wire as they are.
// Every error of an operation goes through scrubSecrets with the values of
// its params' secrets (their generated secrets method), in case Twilio
// quotes a value back.

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
			f.value = deref(fv).Interface()
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

// describeParams is the text of the params p for every fmt verb: its type
// and set fields, secrets as [redacted]:
//
//	twiliochat.CreateCredentialParams{Type: "apn", Certificate: [redacted], Sandbox: true}
func describeParams(p any) string {
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
			b.WriteString(redacted)
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

// formatParams writes describeParams(p) to f, whatever the verb.
func formatParams(f fmt.State, p any) {
	_, _ = io.WriteString(f, describeParams(p))
}

// logParams is the slog value of the params p: a group of its set fields,
// secrets as [redacted].
func logParams(p any) slog.Value {
	_, fields := paramFields(p)
	attrs := make([]slog.Attr, len(fields))
	for i, f := range fields {
		attrs[i] = slog.Any(f.name, f.value)
		if f.value == nil {
			attrs[i] = slog.String(f.name, redacted)
		}
	}
	return slog.GroupValue(attrs...)
}

// marshalParams is the JSON of the params p: an object of its set fields
// by Go name, secrets as "[redacted]".
func marshalParams(p any) ([]byte, error) {
	_, fields := paramFields(p)
	obj := make(map[string]any, len(fields))
	for _, f := range fields {
		obj[f.name] = f.value
		if f.value == nil {
			obj[f.name] = redacted
		}
	}
	return json.Marshal(obj)
}

// scrubSecrets returns err with values, the secrets a request's params
// sent, blanked out of its text (see redactor): a server may quote a value
// it refuses. Each
// line of a secret of several lines (a PEM certificate or key) is blanked
// out on its own too, so an error quoting one line of it is caught. As with
// the Client's credentials, a secret or line shorter than 8 characters
// cannot be told from ordinary text and is left alone.
func scrubSecrets(err error, values []string) error {
	if err == nil || len(values) == 0 {
		return err
	}
	var secrets []string
	for _, s := range values {
		secrets = append(secrets, s)
		if strings.Contains(s, "\n") {
			for _, line := range strings.Split(s, "\n") {
				secrets = append(secrets, strings.TrimSpace(line))
			}
		}
	}
	if len(secrets) == 0 {
		return err
	}
	return newRedactor("", "", secrets...).scrub(err)
}
