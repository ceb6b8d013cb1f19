package conversations

import (
	"context"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// CallWithRequired calls the operation id through c, on the default
// Service or, for a named-Service operation, on service, with the path
// values values and its required keys set: for the tests of package
// conversations_test, which run it against twiliochattest (which imports
// this package, so those tests cannot be in it).
func CallWithRequired(t *testing.T, c *Client, id, service string, values []string) error {
	t.Helper()
	r, named, _ := registryRow(id)
	return r.call(context.Background(), resOf(c, named, service), values, requiredParams(t, convspec.Lookup(id), r))
}

// fakeValues are the values a fake takes for keys whose spec value
// validValue's would not name a real thing.
var fakeValues = map[string]string{"Permission": "sendMessage", "Address": "+15551230000", "Type": "sms", "Target": "webhook"}

// requiredParams returns params of op with its required keys set.
func requiredParams(t *testing.T, op *spec.Operation, r row) any {
	t.Helper()
	if r.params == nil {
		return nil
	}
	full, p := validParams(t, op, r), r.params()
	for _, k := range op.Keys {
		if !k.Required {
			continue
		}
		from, ok := field(reflect.ValueOf(full).Elem(), k.Name)
		require.True(t, ok, k.Name)
		to, _ := field(reflect.ValueOf(p).Elem(), k.Name)
		to.Set(from)
		if v, ok := fakeValues[k.Name]; ok && (k.Enum == nil || contains(k.Enum, v)) {
			setString(to, v)
		}
	}
	if keys := oneOf[reflect.TypeOf(p).Elem().Name()]; keys != nil {
		to, _ := field(reflect.ValueOf(p).Elem(), keys[0])
		setString(to, "bob")
	}
	return p
}

// contains reports whether vs holds v.
func contains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}
