package twiliochattest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// fields reads the form of a Create or Update of the chat resources (Users,
// Channels, Members …): each key at most once, checked as its kind asks
// (JSON attributes, ISO 8601 dates, integers, enums, role SIDs). The first
// problem is kept, and reads after it return nothing; the handler answers
// it with refusal before changing anything.
type fields struct {
	form url.Values
	why  string
}

// readFields starts reading c's form, whose keys are the spec's (see
// undeclaredKey).
func readFields(c *call) *fields {
	return &fields{form: c.form}
}

// failf keeps the first problem.
func (f *fields) failf(format string, args ...any) {
	if f.why == "" {
		f.why = fmt.Sprintf(format, args...)
	}
}

// refusal is the 400 that answers the first problem, or false when there is
// none.
func (f *fields) refusal() (response, bool) {
	if f.why == "" {
		return response{}, false
	}
	return invalidf("%s", f.why), true
}

// text returns the value of key, or nil when it was not sent.
func (f *fields) text(key string) *string {
	if f.why != "" {
		return nil
	}
	v, msg := single(f.form, key)
	if msg != "" {
		f.failf("%s", msg)
		return nil
	}
	if _, ok := f.form[key]; !ok {
		return nil
	}
	return &v
}

// required returns the value of key, and refuses a form without it or
// with it empty.
func (f *fields) required(key string) string {
	v := f.text(key)
	if v == nil || *v == "" {
		f.failf("Missing required parameter %s in the post body", key)
		return ""
	}
	return *v
}

// attributes returns the Attributes key, which must be JSON.
func (f *fields) attributes() *string {
	v := f.text(spec.KeyAttributes)
	if v != nil && !json.Valid([]byte(*v)) {
		f.failf("Invalid parameter Attributes: must be valid JSON")
		return nil
	}
	return v
}

// date returns the date key, an ISO 8601 date-time, as the fake writes
// dates.
func (f *fields) date(key string) *string {
	v := f.text(key)
	if v == nil {
		return nil
	}
	t, err := time.Parse(time.RFC3339, *v)
	if err != nil {
		f.failf("Invalid parameter %s: must be an ISO 8601 date-time, got %s", key, strconv.Quote(*v))
		return nil
	}
	return ptr(formatTime(t))
}

// integer returns the integer key; set reports whether it was sent, and an
// empty value (null) gives nil.
func (f *fields) integer(key string) (v *int, set bool) {
	s := f.text(key)
	if s == nil || *s == "" {
		return nil, s != nil
	}
	n, err := strconv.Atoi(*s)
	if err != nil {
		f.failf("Invalid parameter %s: must be an integer, got %s", key, strconv.Quote(*s))
		return nil, false
	}
	return &n, true
}

// enum returns the key, which must be one of allowed.
func (f *fields) enum(key string, allowed []string) *string {
	v := f.text(key)
	if v != nil && !slices.Contains(allowed, *v) {
		f.failf("Invalid parameter %s: must be %s, got %s", key, strings.Join(allowed, " or "), strconv.Quote(*v))
		return nil
	}
	return v
}

// sid returns the key, which must be a SID with prefix.
func (f *fields) sid(key, prefix string) *string {
	v := f.text(key)
	if v != nil && !spec.IsSID(prefix, *v) {
		f.failf("Invalid parameter %s: must match ^%s[0-9a-fA-F]{32}$", key, prefix)
		return nil
	}
	return v
}

// role returns the RoleSid key, which must name a role of roleType in the
// service serviceSID.
func (f *fields) role(s *Server, serviceSID, roleType string) *string {
	v := f.text(spec.KeyRoleSID)
	if v == nil {
		return nil
	}
	if why := s.checkRoleOf(serviceSID, *v, roleType); why != "" {
		f.failf("Invalid parameter RoleSid: %s", why)
		return nil
	}
	return v
}

// formatTime writes t as Twilio writes dates: UTC, to the second.
func formatTime(t time.Time) string {
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

// orDefault returns *v, or def when v is nil.
func orDefault[T any](v *T, def T) T {
	if v == nil {
		return def
	}
	return *v
}

// conflict is Twilio's 409 for a resource that exists already, with the
// code that says which (twiliochat.ErrCodeUserExists a user's identity,
// ErrCodeChannelUniqueNameExists a channel's unique name,
// ErrCodeMemberExists a member's identity).
func conflict(code int, format string, args ...any) response {
	return twilioError(http.StatusConflict, code, fmt.Sprintf(format, args...))
}

// checkWebhookHeader refuses an X-Twilio-Webhook-Enabled header other than
// true or false on an operation that takes it; the header of other
// operations is ignored, as Twilio ignores unknown headers.
func checkWebhookHeader(op *spec.Operation, h http.Header) (response, bool) {
	vs, ok := h[spec.WebhookEnabledHeader]
	if !op.WebhookHeader || !ok {
		return response{}, false
	}
	if len(vs) != 1 || !slices.Contains(spec.WebhookEnabledValues, vs[0]) {
		return invalidf("Invalid header %s: must be true or false", spec.WebhookEnabledHeader), true
	}
	return response{}, false
}

// undeclaredKey refuses, with Twilio's 400 for an unknown parameter, the
// first (in sorted order) form key of a POST or query key of a list that the
// spec does not declare for c's operation. Twilio ignores an unknown
// parameter and logs warning 20001
// (https://www.twilio.com/docs/errors/20001); the fake refuses it so that a
// misspelt key or list filter fails the test instead of being silently
// dropped. A Fetch or Delete takes no query key, and its query is ignored,
// as Twilio does.
func undeclaredKey(c *call) (response, bool) {
	in, keys := spec.InForm, c.form
	switch {
	case c.op.Method == http.MethodPost:
	case c.op.ListKey != "":
		in, keys = spec.InQuery, c.query
	default:
		return response{}, false
	}
	var bad string
	for k := range keys {
		if !c.op.Accepts(in, k) && (bad == "" || k < bad) {
			bad = k
		}
	}
	if bad == "" {
		return response{}, false
	}
	return invalidf("Unknown parameter %s", bad), true
}

// seedSID serves the Create id with values and form as seed does, under
// the lock, and returns the new resource's SID, or the refusal as an error.
func (s *Server) seedSID(id string, values map[string]string, form url.Values) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := s.seed(id, values, form)
	if msg, failed := resp.failed(); failed {
		return "", fmt.Errorf("twiliochattest: %s", msg)
	}
	return resp.body.(interface{ sid() string }).sid(), nil
}
