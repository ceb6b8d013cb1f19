package engine

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodeBody(t *testing.T) {
	t.Parallel()
	for _, form := range []string{"", "A=1", strings.Repeat("Key=value&", 100) + "Z=1"} {
		body := EncodeBody(&params{form: form})
		assert.Equal(t, form, string(body))
		assert.NotNil(t, body, "a body is sent even when empty")
		assert.Equal(t, len(body), cap(body), "the body is a slice of its own, of its length")
		// The scratch buffer goes back to the pool: the body must not share it.
		again := EncodeBody(&params{form: strings.Repeat("x", len(form))})
		assert.Equal(t, form, string(body), "a later body changed this one")
		assert.Equal(t, strings.Repeat("x", len(form)), string(again))
	}
}

// TestPrepare checks the request Prepare makes of an operation: its
// method, path, form for a POST only, header params, and whether it
// creates; and that bad values and params are refused together.
func TestPrepare(t *testing.T) {
	t.Parallel()
	errParams := Invalid("FriendlyName", "is required")
	header := http.Header{spec.WebhookEnabledHeader: {"false"}}
	tests := []struct {
		name     string
		op       string
		values   []string
		params   *params
		want     Request
		wantForm bool
		reasons  []string
	}{
		{name: "a Fetch", op: "FetchRole", values: []string{serviceSID, roleSID}, params: &params{form: "ignored=1"},
			want: Request{Method: http.MethodGet, Target: "/v2/Services/" + serviceSID + "/Roles/" + roleSID}},
		{name: "a Create", op: "CreateRole", values: []string{serviceSID}, params: &params{form: "FriendlyName=a"},
			want: Request{Method: http.MethodPost, Target: "/v2/Services/" + serviceSID + "/Roles", Form: []byte("FriendlyName=a"), Creates: true}, wantForm: true},
		{name: "an Update with an empty form", op: "UpdateRole", values: []string{serviceSID, roleSID}, params: &params{},
			want: Request{Method: http.MethodPost, Target: "/v2/Services/" + serviceSID + "/Roles/" + roleSID, Form: []byte{}}, wantForm: true},
		{name: "a Delete with a header", op: "DeleteChannel", values: []string{serviceSID, "help desk"}, params: &params{header: header},
			want: Request{Method: http.MethodDelete, Target: "/v2/Services/" + serviceSID + "/Channels/help%20desk"}},
		{name: "bad params", op: "CreateRole", values: []string{serviceSID}, params: &params{err: errParams},
			reasons: []string{"FriendlyName: is required"}},
		{name: "a bad value", op: "FetchRole", values: []string{serviceSID, "x"}, params: &params{},
			reasons: []string{`Sid: "x" is not RL followed by 32 hex digits`}},
		{name: "a bad value and bad params, the values first", op: "UpdateRole", values: []string{"", roleSID}, params: &params{err: errParams},
			reasons: []string{"ServiceSid: is empty, want IS followed by 32 hex digits", "FriendlyName: is required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := Prepare(spec.Lookup(tt.op), tt.params, tt.values)
			assert.Equal(t, tt.reasons, fieldReasons(err))
			if tt.reasons != nil {
				assert.Equal(t, Request{}, r)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.params, r.Header, "the header params are the params")
			r.Header = nil
			assert.Equal(t, tt.want, r)
			assert.Equal(t, tt.wantForm, r.Form != nil)
		})
	}
}

// TestPrepareCreatesFromTheOperation checks that whether a request may be
// sent again comes from its operation's description, not from its URL:
// only the Creates are unsafe, whatever their path values look like, and
// an Update addressed by a unique name is as safe as one addressed by a
// SID.
func TestPrepareCreatesFromTheOperation(t *testing.T) {
	t.Parallel()
	creates := 0
	for _, op := range allOperations() {
		for _, name := range []string{"", "support"} {
			values := make([]string, len(op.Params))
			for i, p := range op.Params {
				values[i] = sidOf(p.Prefix)
				if p.Names && name != "" {
					values[i] = name
				}
			}
			r, err := Prepare(op, NoParams{}, values)
			require.NoError(t, err, op.ID)
			assert.Equal(t, op.Creates, r.Creates, "%s %v", op.ID, values)
			assert.Equal(t, strings.HasPrefix(op.ID, "Create"), r.Creates, "%s %v", op.ID, values)
			assert.Equal(t, op.Method, r.Method, op.ID)
			if r.Creates {
				creates++
			}
		}
	}
	assert.Positive(t, creates)
}

func TestNoParams(t *testing.T) {
	t.Parallel()
	var p NoParams
	assert.NoError(t, p.Validate())
	assert.Equal(t, "x", string(p.AppendForm([]byte("x"))))
	h := http.Header{}
	p.SetHeader(h)
	assert.Empty(t, h)
	assert.Nil(t, p.Secrets())
}

// TestPrepareList checks the first page's request of a list: its own
// PageSize, else Limit up to the list's maximum (5 for Channel Webhooks),
// sorted among the query keys as the form encoder sorts them, and the
// bounds of both.
func TestPrepareList(t *testing.T) {
	t.Parallel()
	const path = "/v2/Services/IS0123456789abcdef0123456789abcdef/Channels/support/Webhooks"
	tests := []struct {
		name      string
		params    params
		values    []string
		wantQuery string
		reasons   []string
	}{
		{name: "nothing set"},
		{name: "Limit above the list's maximum", params: params{limit: 10}, wantQuery: "PageSize=5"},
		{name: "Limit at it", params: params{limit: 5}, wantQuery: "PageSize=5"},
		{name: "Limit below it", params: params{limit: 3}, wantQuery: "PageSize=3"},
		{name: "PageSize wins over Limit", params: params{pageSize: ptr(2), limit: 10, form: "PageSize=2"}, wantQuery: "PageSize=2"},
		{name: "PageSize at the maximum", params: params{pageSize: ptr(5), form: "PageSize=5"}, wantQuery: "PageSize=5"},
		{name: "PageSize 1", params: params{pageSize: ptr(1), form: "PageSize=1"}, wantQuery: "PageSize=1"},
		{name: "a key after PageSize", params: params{limit: 10, form: "Type=public&Type=private"}, wantQuery: "PageSize=5&Type=public&Type=private"},
		{name: "a key before PageSize", params: params{limit: 4, form: "Identity=alice"}, wantQuery: "Identity=alice&PageSize=4"},
		{name: "keys around PageSize", params: params{limit: 4, form: "Identity=alice&Type=public"}, wantQuery: "Identity=alice&PageSize=4&Type=public"},
		{name: "keys without a Limit", params: params{form: "Type=public"}, wantQuery: "Type=public"},
		{name: "PageSize above the maximum", params: params{pageSize: ptr(6)}, reasons: []string{"PageSize: 6 is not between 1 and 5"}},
		{name: "PageSize 0", params: params{pageSize: ptr(0)}, reasons: []string{"PageSize: 0 is not between 1 and 5"}},
		{name: "negative Limit", params: params{limit: -1}, reasons: []string{"Limit: -1 is negative"}},
		{name: "every check fails, in order", values: []string{serviceSID, ""}, params: params{err: Invalid("Type", "bad"), pageSize: ptr(-1), limit: -2}, reasons: []string{
			"ChannelSid: is empty, want a SID (CH followed by 32 hex digits) or a unique name", "Type: bad",
			"PageSize: -1 is not between 1 and 5", "Limit: -2 is negative",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			values := tt.values
			if values == nil {
				values = []string{serviceSID, "support"}
			}
			p := tt.params
			r, limit, err := PrepareList(spec.Lookup("ListChannelWebhook"), &p, values)
			assert.Equal(t, tt.reasons, fieldReasons(err))
			assert.Equal(t, tt.params, p, "params are not modified")
			if tt.reasons != nil {
				assert.Nil(t, r)
				assert.Zero(t, limit)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.params.limit, limit)
			want := path
			if tt.wantQuery != "" {
				want += "?" + tt.wantQuery
			}
			assert.Equal(t, &Request{Method: http.MethodGet, Target: want}, r)
		})
	}
}

// TestPrepareListHeader checks that a list's header params are read once,
// when the list is prepared: a later change of the params changes no page.
func TestPrepareListHeader(t *testing.T) {
	t.Parallel()
	p := &params{header: http.Header{spec.WebhookEnabledHeader: {"true"}, "X-Other": {"a", "b"}}}
	r, _, err := PrepareList(spec.Lookup("ListService"), p, nil)
	require.NoError(t, err)
	p.header[spec.WebhookEnabledHeader] = []string{"false"}
	p.header["X-Late"] = []string{"x"}

	h := http.Header{"X-Kept": {"k"}}
	r.Header.SetHeader(h)
	assert.Equal(t, http.Header{spec.WebhookEnabledHeader: {"true"}, "X-Other": {"a", "b"}, "X-Kept": {"k"}}, h)
}

func TestInsertPair(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, q string
		start   int
		want    string
	}{
		{"empty", "", 0, "PageSize=7"},
		{"after a path", "/p?", 3, "/p?PageSize=7"},
		{"before every key", "/p?Type=a&Zed=b", 3, "/p?PageSize=7&Type=a&Zed=b"},
		{"after every key", "/p?A=1&Identity=x", 3, "/p?A=1&Identity=x&PageSize=7"},
		{"between keys", "/p?A=1&Identity=x&Type=a", 3, "/p?A=1&Identity=x&PageSize=7&Type=a"},
		{"after a key it begins", "/p?Page=2", 3, "/p?Page=2&PageSize=7"},
		{"before a key that begins with it", "/p?PageSizeX=2", 3, "/p?PageSize=7&PageSizeX=2"},
		{"after the same key", "/p?PageSize=1", 3, "/p?PageSize=1&PageSize=7"},
		{"a key without a value", "/p?Type", 3, "/p?PageSize=7&Type"},
		{"after an empty pair", "/p?&Type=a", 3, "/p?&PageSize=7&Type=a"},
		{"the path is not read", "/Zed?", 5, "/Zed?PageSize=7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q := []byte(tt.q)
			got := InsertPair(q, tt.start, "PageSize", 7)
			assert.Equal(t, tt.want, string(got))
			assert.Equal(t, tt.q, string(q), "q is not written over")
		})
	}
}

// TestInsertPairKeepsQ checks that inserting before a pair does not write
// over the array q came in, which its caller may still hold.
func TestInsertPairKeepsQ(t *testing.T) {
	t.Parallel()
	q := make([]byte, 0, 64)
	q = append(q, "/p?Type=a"...)
	got := InsertPair(q, 3, "PageSize", 7)
	assert.Equal(t, "/p?PageSize=7&Type=a", string(got))
	assert.Equal(t, "/p?Type=a", string(q[:cap(q)][:len(q)]))
}

// TestFetchSendDelete checks the requests of the single-resource
// operations and what they return: the decoded resource, checked by its
// identity, and every error through Scrub with the params' secrets.
func TestFetchSendDelete(t *testing.T) {
	t.Parallel()
	errFailed := errors.New("failed")
	good := `{"sid":"` + roleSID + `","friendly_name":"admin"}`
	secret := []string{"s3cret"}
	type result struct {
		role *role
		err  error
	}
	tests := []struct {
		name     string
		caller   *caller
		call     func(c *caller) result
		want     *role
		wantReq  *Request // nil for none sent
		wantErr  error    // nil for none; else its cause
		reasons  []string
		wantSecr []string
	}{
		{
			name: "Fetch", caller: answering(good),
			call: func(c *caller) result {
				r, err := Fetch[role, roleChecker](context.Background(), c, spec.Lookup("FetchRole"), serviceSID, roleSID)
				return result{r, err}
			},
			want:    &role{SID: roleSID, Name: "admin"},
			wantReq: &Request{Method: http.MethodGet, Target: "/v2/Services/" + serviceSID + "/Roles/" + roleSID},
		},
		{
			name: "Fetch of a bad value", caller: answering(good),
			call: func(c *caller) result {
				r, err := Fetch[role, roleChecker](context.Background(), c, spec.Lookup("FetchRole"), serviceSID, "..")
				return result{r, err}
			},
			reasons: []string{`Sid: ".." is not RL followed by 32 hex digits`},
		},
		{
			name: "Fetch that fails", caller: failing(errFailed),
			call: func(c *caller) result {
				r, err := Fetch[role, roleChecker](context.Background(), c, spec.Lookup("FetchRole"), serviceSID, roleSID)
				return result{r, err}
			},
			wantReq: &Request{Method: http.MethodGet, Target: "/v2/Services/" + serviceSID + "/Roles/" + roleSID},
			wantErr: errFailed,
		},
		{
			name: "Fetch of a resource without its SID", caller: answering(`{"friendly_name":"admin"}`),
			call: func(c *caller) result {
				r, err := Fetch[role, roleChecker](context.Background(), c, spec.Lookup("FetchRole"), serviceSID, roleSID)
				return result{r, err}
			},
			wantReq: &Request{Method: http.MethodGet, Target: "/v2/Services/" + serviceSID + "/Roles/" + roleSID},
			wantErr: errDecode,
		},
		{
			name: "Fetch of a resource without an identity", caller: answering(`{"name":"a","count":2}`),
			call: func(c *caller) result {
				r, err := Fetch[item, none[item]](context.Background(), c, spec.Lookup("FetchRole"), serviceSID, roleSID)
				if r != nil {
					return result{&role{Name: r.Name}, err}
				}
				return result{nil, err}
			},
			want:    &role{Name: "a"},
			wantReq: &Request{Method: http.MethodGet, Target: "/v2/Services/" + serviceSID + "/Roles/" + roleSID},
		},
		{
			name: "Send of a Create", caller: answering(good),
			call: func(c *caller) result {
				r, err := Send[*params, role, roleChecker](context.Background(), c, spec.Lookup("CreateRole"), &params{form: "FriendlyName=admin", secrets: secret}, serviceSID)
				return result{r, err}
			},
			want:    &role{SID: roleSID, Name: "admin"},
			wantReq: &Request{Method: http.MethodPost, Target: "/v2/Services/" + serviceSID + "/Roles", Form: []byte("FriendlyName=admin"), Creates: true},
		},
		{
			name: "Send of bad params", caller: answering(good),
			call: func(c *caller) result {
				r, err := Send[*params, role, roleChecker](context.Background(), c, spec.Lookup("UpdateRole"), &params{err: Invalid("Permission", "bad"), secrets: secret}, serviceSID, roleSID)
				return result{r, err}
			},
			reasons: []string{"Permission: bad"}, wantSecr: secret,
		},
		{
			name: "Send that fails", caller: failing(errFailed),
			call: func(c *caller) result {
				r, err := Send[*params, role, roleChecker](context.Background(), c, spec.Lookup("UpdateRole"), &params{form: "A=1", secrets: secret}, serviceSID, roleSID)
				return result{r, err}
			},
			wantReq: &Request{Method: http.MethodPost, Target: "/v2/Services/" + serviceSID + "/Roles/" + roleSID, Form: []byte("A=1")},
			wantErr: errFailed, wantSecr: secret,
		},
		{
			name: "Delete", caller: answering(`{"ignored":true}`),
			call: func(c *caller) result {
				return result{nil, Delete(context.Background(), c, spec.Lookup("DeleteChannel"), &params{secrets: secret}, serviceSID, "a/b")}
			},
			wantReq: &Request{Method: http.MethodDelete, Target: "/v2/Services/" + serviceSID + "/Channels/a%2Fb"},
		},
		{
			name: "Delete of a bad value", caller: answering(""),
			call: func(c *caller) result {
				return result{nil, Delete(context.Background(), c, spec.Lookup("DeleteChannel"), &params{secrets: secret}, serviceSID, ".")}
			},
			reasons: []string{`Sid: "." is a dot segment, which cannot name a resource`}, wantSecr: secret,
		},
		{
			name: "Delete that fails", caller: failing(errFailed),
			call: func(c *caller) result {
				return result{nil, Delete(context.Background(), c, spec.Lookup("DeleteChannel"), &params{secrets: secret}, serviceSID, "x")}
			},
			wantReq: &Request{Method: http.MethodDelete, Target: "/v2/Services/" + serviceSID + "/Channels/x"},
			wantErr: errFailed, wantSecr: secret,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.call(tt.caller)
			assert.Equal(t, tt.want, got.role)

			reqs := tt.caller.sentRequests()
			if tt.wantReq == nil {
				assert.Empty(t, reqs, "a request was sent")
			} else {
				require.Len(t, reqs, 1)
				r := reqs[0].Request
				r.Header, r.Out = nil, nil
				assert.Equal(t, *tt.wantReq, r)
			}

			if tt.wantErr == nil && tt.reasons == nil {
				assert.NoError(t, got.err)
				return
			}
			var s *scrubbed
			require.ErrorAs(t, got.err, &s, "every error leaves through Scrub")
			assert.Equal(t, tt.wantSecr, s.secrets)
			if tt.wantErr != nil {
				assert.ErrorIs(t, got.err, tt.wantErr)
			}
			assert.Equal(t, tt.reasons, fieldReasons(got.err))
		})
	}
}

// TestSendHeaderAndOut checks what Send hands the Caller besides the
// target: the params as header setter, and an Out that decodes into a new
// R and checks its identity.
func TestSendHeaderAndOut(t *testing.T) {
	t.Parallel()
	c := answering(`{"sid":"` + roleSID + `"}`)
	p := &params{header: http.Header{spec.WebhookEnabledHeader: {"true"}}}
	got, err := Send[*params, role, roleChecker](context.Background(), c, spec.Lookup("UpdateChannel"), p, serviceSID, "support")
	require.NoError(t, err)
	assert.Equal(t, &role{SID: roleSID}, got)

	reqs := c.sentRequests()
	require.Len(t, reqs, 1)
	assert.Equal(t, http.Header{spec.WebhookEnabledHeader: {"true"}}, reqs[0].header)
	assert.Same(t, p, reqs[0].Header)
	out := reqs[0].Out
	require.Implements(t, (*Target)(nil), out)
	require.Implements(t, (*Decoded)(nil), out)
	assert.Same(t, got, out.(Target).JSONTarget(), "the answer decodes into the R Send returns")
}

// TestDecodeInto checks the decoding target of one resource: R itself,
// checked by its identity when it has one.
func TestDecodeInto(t *testing.T) {
	t.Parallel()
	r := &role{SID: roleSID}
	out := DecodeInto[role, roleChecker](r)
	assert.Same(t, r, out.(Target).JSONTarget())
	assert.NoError(t, out.(Decoded).CheckDecoded())
	r.SID = serviceSID
	assert.EqualError(t, out.(Decoded).CheckDecoded(), "the Role's sid is not RL followed by 32 hex digits")

	i := &item{}
	assert.NoError(t, DecodeInto[item, none[item]](i).(Decoded).CheckDecoded(), "a type without an identity is not checked")
}

// TestSendAllocations counts what one Send allocates besides what its
// Caller does: the path, the form and the R. The pointer-shaped params,
// Caller and decoding target add nothing, though each passes through an
// interface. It is not run under the race detector, whose sync.Pool drops
// buffers at random.
func TestSendAllocations(t *testing.T) {
	if raceDetector {
		t.Skip("the race detector changes what is allocated")
	}
	c := &nopCaller{}
	ctx := context.Background()
	op := spec.Lookup("UpdateRole")
	p := &params{form: "FriendlyName=admin"}
	tests := []struct {
		name string
		call func() error
		want float64
	}{
		{"Send", func() error {
			_, err := Send[*params, role, roleChecker](ctx, c, op, p, serviceSID, roleSID)
			return err
		}, 3}, // the path, the form and the R
		{"Fetch", func() error {
			_, err := Fetch[role, roleChecker](ctx, c, spec.Lookup("FetchRole"), serviceSID, roleSID)
			return err
		}, 2}, // the path and the R
		{"Delete", func() error { return Delete(ctx, c, spec.Lookup("DeleteRole"), p, serviceSID, roleSID) }, 1}, // the path
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.call())
			assert.Equal(t, tt.want, testing.AllocsPerRun(100, func() {
				if err := tt.call(); err != nil {
					panic(err)
				}
			}))
		})
	}
}

// nopCaller is a Caller that sends nothing and allocates nothing: it sets
// a role's SID where a Send decodes.
type nopCaller struct{}

func (nopCaller) Do(_ context.Context, r Request) error {
	if t, ok := r.Out.(Target); ok {
		t.JSONTarget().(*role).SID = roleSID
	}
	if d, ok := r.Out.(Decoded); ok {
		return d.CheckDecoded()
	}
	return nil
}

func (nopCaller) Scrub(err error, _ []string) error { return err }
