package conversations

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// badValues are values of a key that its checks refuse, by kind of check;
// each sets the key's field f.
var badValues = map[string]func(f reflect.Value){
	"missing": func(f reflect.Value) { f.SetZero() },
	"enum": func(f reflect.Value) {
		if f.Kind() == reflect.Slice {
			s := reflect.MakeSlice(f.Type(), 1, 1)
			s.Index(0).SetString("bogus")
			f.Set(s)
			return
		}
		setString(f, "bogus")
	},
	"sid":          func(f reflect.Value) { setString(f, "XX00000000000000000000000000000001") },
	"json":         func(f reflect.Value) { setString(f, `{"ticket": `) },
	"url":          func(f reflect.Value) { setString(f, "ftp://example.com/hook") },
	"timer":        func(f reflect.Value) { setString(f, "10 minutes") },
	"short":        func(f reflect.Value) { setString(f, "PT59S") },
	"short closed": func(f reflect.Value) { setString(f, "PT9M59S") },
	"day":          func(f reflect.Value) { setString(f, "yesterday") },
	"date": func(f reflect.Value) {
		f.Set(reflect.ValueOf(twiliochat.Ptr(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))))
	},
	"items":     func(f reflect.Value) { f.Set(reflect.ValueOf([]string{`{"identity": "alice"}`, `{"identity": `})) },
	"too many":  func(f reflect.Value) { f.Set(reflect.ValueOf(make11())) },
	"bad item0": func(f reflect.Value) { f.Set(reflect.ValueOf([]string{"not json"})) },
}

// make11 returns eleven participants, one more than a request may add.
func make11() []string {
	out := make([]string, 11)
	for i := range out {
		out[i] = `{"identity": "p"}`
	}
	return out
}

// setString sets f, a pointer to a string type or a string slice, to v.
func setString(f reflect.Value, v string) {
	if f.Kind() == reflect.Slice {
		s := reflect.MakeSlice(f.Type(), 1, 1)
		s.Index(0).SetString(v)
		f.Set(s)
		return
	}
	e := reflect.New(f.Type().Elem())
	e.Elem().SetString(v)
	f.Set(e)
}

// checksOf returns the kinds of bad value the checks of k refuse, and the
// field the error names for each.
func checksOf(k spec.Key) map[string]string {
	out := map[string]string{}
	if k.Required {
		out["missing"] = k.Name
	}
	switch {
	case k.Enum != nil:
		out["enum"] = k.Name
	case k.Prefix != "":
		out["sid"] = k.Name
	case k.Type == spec.TypeDateTime:
		out["date"] = k.Name
	}
	switch k.Name {
	case "Attributes", "ContentVariables":
		out["json"] = k.Name
	case "Timers.Inactive", "DefaultInactiveTimer":
		out["timer"], out["short"] = k.Name, k.Name
	case "Timers.Closed", "DefaultClosedTimer":
		out["timer"], out["short"], out["short closed"] = k.Name, k.Name, k.Name
	case "StartDate", "EndDate":
		out["day"] = k.Name
	case "Participant":
		out["items"], out["too many"], out["bad item0"] = "Participant[1]", "Participant", "Participant[0]"
	}
	if strings.HasSuffix(k.Name, "Url") {
		out["url"] = k.Name
	}
	return out
}

// field returns the field of the params struct v that holds the key name.
func field(v reflect.Value, name string) (reflect.Value, bool) {
	for i := range v.NumField() {
		tag, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("url"), ",")
		f := v.Field(i)
		switch {
		case tag == name:
			return f, true
		case tag != "" && strings.HasPrefix(name, tag+".") && f.Kind() == reflect.Pointer && !f.IsNil():
			return field(f.Elem(), strings.TrimPrefix(name, tag+"."))
		}
	}
	return reflect.Value{}, false
}

// TestValidationBeforeAnyRequest gives every checked key of every
// operation, one at a time, a value its checks refuse, the other keys
// valid: the call returns a *twiliochat.ValidationError naming the key,
// and sends nothing.
func TestValidationBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	srv := newServer(t, http.StatusOK, []byte(`{}`))
	c := newTestClient(t, srv.URL)
	n := 0
	for _, op := range convspec.Operations {
		r, named, _ := registryRow(op.ID)
		for _, k := range op.Keys {
			if k.In == spec.InHeader || k.Name == "Page" || k.Name == "PageToken" {
				continue
			}
			for kind, want := range checksOf(k) {
				p := validParams(t, op, r)
				f, ok := field(reflect.ValueOf(p).Elem(), k.Name)
				require.True(t, ok, "%s: no field for %s", op.ID, k.Name)
				badValues[kind](f)
				err := r.call(context.Background(), resOf(c, named, testServiceSID), pathValues(op), p)
				assertInvalid(t, err, want, "%s: %s %s: %v", op.ID, kind, k.Name, err)
				n++
			}
		}
	}
	assert.Empty(t, srv.requests())
	assert.Greater(t, n, 150, "checks tried")
}

// oneOf are the keys of which a params type needs one, by type; the error
// names the first when neither is set.
var oneOf = map[string][]string{
	"ListParticipantConversationsParams": {"Identity", "Address"},
	"CreateParticipantParams":            {"Identity", "MessagingBinding.Address"},
}

// TestOneOfKeys leaves out both keys of which an operation needs one: the
// call is refused before any request, naming the first; either one alone
// is enough.
func TestOneOfKeys(t *testing.T) {
	t.Parallel()
	srv := newServer(t, http.StatusOK, []byte(`{}`))
	c := newTestClient(t, srv.URL)
	n := 0
	for _, op := range convspec.Operations {
		r, named, _ := registryRow(op.ID)
		if r.params == nil {
			continue
		}
		keys := oneOf[reflect.TypeOf(r.params()).Elem().Name()]
		if keys == nil {
			continue
		}
		n++
		p := validParams(t, op, r)
		for _, k := range keys {
			f, ok := field(reflect.ValueOf(p).Elem(), k)
			require.True(t, ok, k)
			f.SetZero()
		}
		err := r.call(context.Background(), resOf(c, named, testServiceSID), pathValues(op), p)
		assertInvalid(t, err, keys[0], op.ID)
		for _, k := range keys {
			p := validParams(t, op, r)
			for _, other := range keys {
				if other != k {
					f, _ := field(reflect.ValueOf(p).Elem(), other)
					f.SetZero()
				}
			}
			err := r.call(context.Background(), resOf(c, named, testServiceSID), pathValues(op), p)
			assert.False(t, twiliochat.IsValidation(err), "%s with %s alone: %v", op.ID, k, err)
		}
	}
	assert.Equal(t, 4, n, "operations with one-of keys")
}

// TestPageSize checks every list's PageSize against its maximum, before
// any request.
func TestPageSize(t *testing.T) {
	t.Parallel()
	srv := newServer(t, http.StatusOK, []byte(`{}`))
	c := newTestClient(t, srv.URL)
	for _, op := range convspec.Operations {
		if op.ListKey == "" {
			continue
		}
		r, named, _ := registryRow(op.ID)
		for _, size := range []int{0, op.MaxPageSize + 1} {
			p := validParams(t, op, r)
			reflect.ValueOf(p).Elem().FieldByName("PageSize").Set(reflect.ValueOf(twiliochat.Ptr(size)))
			err := r.call(context.Background(), resOf(c, named, testServiceSID), pathValues(op), p)
			assertInvalid(t, err, "PageSize", op.ID)
		}
	}
	assert.Empty(t, srv.requests())
}

// TestCheckTimer tests the ISO 8601 durations of the timer keys: at least
// a minute for an inactive timer, ten minutes for a closed one.
func TestCheckTimer(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		v  string
		ok bool
	}{
		{"PT1M", true}, {"PT60S", true}, {"PT10M", true}, {"P1D", true}, {"PT1H", true}, {"P1Y", true},
		{"P1W", true}, {"P1M", true}, {"PT0.5S", false}, {"P1DT1S", true}, {"PT59S", false}, {"PT0M", false},
		{"P0D", false}, {"P0DT1M", true}, {"P", false}, {"PT", false}, {"P1DT", false}, {"10m", false},
		{"PT1M ", false}, {"", true}, {"PT99999999999999999999H", true}, {"pt1m", false}, {"PT1.5M", false},
	} {
		err := checkInactiveTimer("Timers.Inactive", &tc.v)
		if tc.ok {
			assert.NoError(t, err, tc.v)
		} else {
			assert.Error(t, err, tc.v)
		}
	}
	for v, ok := range map[string]bool{"PT10M": true, "PT600S": true, "PT9M59S": false, "PT1M": false, "P1D": true, "PT0.5H": false} {
		err := checkClosedTimer("Timers.Closed", &v)
		assert.Equal(t, ok, err == nil, "%q: %v", v, err)
	}
	assert.NoError(t, checkInactiveTimer("Timers.Inactive", nil))
	assert.NoError(t, checkClosedTimer("Timers.Closed", nil))
}

// TestCheckDay tests the date filters of a Conversations list.
func TestCheckDay(t *testing.T) {
	t.Parallel()
	for v, ok := range map[string]bool{
		"2026-01-02": true, "2026-01-02T00:00:00Z": true, "2026-01-02T00:00:00+02:00": true,
		"2026-13-02": false, "02/01/2026": false, "": false, "2026-01-02 00:00": false,
	} {
		err := checkDay("StartDate", &v)
		assert.Equal(t, ok, err == nil, "%q: %v", v, err)
	}
	assert.NoError(t, checkDay("StartDate", nil))
}
