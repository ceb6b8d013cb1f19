package twiliochat

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests of the pieces every operation is made of: the path builder, header
// params, the list steps' page size, and the shared checks.

func TestBuildPath(t *testing.T) {
	t.Parallel()
	fetchChannel, fetchRole := lookupOp("FetchChannel"), lookupOp("FetchRole")
	const channels = "/v2/Services/" + testServiceSID + "/Channels/"
	tests := []struct {
		name      string
		op        *operation
		values    []string
		want      string // escaped path
		badFields []string
	}{
		{"SIDs", fetchRole, []string{testServiceSID, testRoleSID}, "/v2/Services/" + testServiceSID + "/Roles/" + testRoleSID, nil},
		{"a name", fetchChannel, []string{testServiceSID, "support"}, channels + "support", nil},
		{"a SID where a name may be", fetchChannel, []string{testServiceSID, "CH0123456789abcdef0123456789abcdef"}, channels + "CH0123456789abcdef0123456789abcdef", nil},
		{"a slash", fetchChannel, []string{testServiceSID, "a/b"}, channels + "a%2Fb", nil},
		{"a question mark", fetchChannel, []string{testServiceSID, "x?y"}, channels + "x%3Fy", nil},
		{"a percent sign", fetchChannel, []string{testServiceSID, "100%"}, channels + "100%25", nil},
		{"unicode", fetchChannel, []string{testServiceSID, "café ☕"}, channels + "caf%C3%A9%20%E2%98%95", nil},
		{"dots inside a name", fetchChannel, []string{testServiceSID, "../x"}, channels + "..%2Fx", nil},
		{"three dots", fetchChannel, []string{testServiceSID, "..."}, channels + "...", nil},
		{"dot dot", fetchChannel, []string{testServiceSID, ".."}, "", []string{"Sid"}},
		{"dot", fetchChannel, []string{testServiceSID, "."}, "", []string{"Sid"}},
		{"empty name", fetchChannel, []string{testServiceSID, ""}, "", []string{"Sid"}},
		{"a name where a SID must be", fetchRole, []string{testServiceSID, "support"}, "", []string{"Sid"}},
		{"every value bad", fetchRole, []string{"..", "a/b"}, "", []string{"ServiceSid", "Sid"}},
		{"another SID's prefix", fetchRole, []string{testRoleSID, testServiceSID}, "", []string{"ServiceSid", "Sid"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := buildPath(tt.op, tt.values)
			assert.Equal(t, tt.badFields, validationFields(err))
			assert.Equal(t, tt.want, got)
			if err != nil {
				return
			}
			// Whatever the value, it comes back as exactly one segment.
			u, err := url.Parse("https://chat.twilio.com" + got)
			require.NoError(t, err)
			last := tt.values[len(tt.values)-1]
			assert.Equal(t, tt.op.Parts[0]+tt.values[0]+tt.op.Parts[1]+last, u.Path)
			assert.Empty(t, u.RawQuery)
		})
	}
	assert.Panics(t, func() { _, _ = buildPath(fetchRole, []string{testServiceSID}) }, "a value short is a bug of the package")
}

// headerParams is a params type of a Delete that takes only the webhook
// header, as DeleteChannel does.
type headerParams struct {
	WebhookEnabled *bool `header:"X-Twilio-Webhook-Enabled"`
}

// headerFormParams mixes a header and form keys, as UpdateChannel does.
type headerFormParams struct {
	FriendlyName   *string `url:"FriendlyName,omitempty"`
	WebhookEnabled *bool   `header:"X-Twilio-Webhook-Enabled"`
}

func TestHeaderParams(t *testing.T) {
	t.Parallel()
	const channel = "/v2/Services/" + testServiceSID + "/Channels/support"
	tests := []struct {
		name       string
		call       func(c *Client) error
		wantMethod string
		wantHeader []string // X-Twilio-Webhook-Enabled
		wantBody   string
	}{
		{
			name: "Delete with the header", wantMethod: http.MethodDelete, wantHeader: []string{"false"},
			call: func(c *Client) error {
				return remove(context.Background(), c, lookupOp("DeleteChannel"), &headerParams{WebhookEnabled: Ptr(false)}, nil, testServiceSID, "support")
			},
		},
		{
			name: "Delete without it", wantMethod: http.MethodDelete,
			call: func(c *Client) error {
				return remove(context.Background(), c, lookupOp("DeleteChannel"), &headerParams{}, nil, testServiceSID, "support")
			},
		},
		{
			name: "Delete with nil params", wantMethod: http.MethodDelete,
			call: func(c *Client) error {
				return remove(context.Background(), c, lookupOp("DeleteChannel"), (*headerParams)(nil), nil, testServiceSID, "support")
			},
		},
		{
			name: "Update with the header and a form key", wantMethod: http.MethodPost, wantHeader: []string{"true"}, wantBody: "FriendlyName=help+desk",
			call: func(c *Client) error {
				params := &headerFormParams{FriendlyName: Ptr("help desk"), WebhookEnabled: Ptr(true)}
				_, err := send[struct{}](context.Background(), c, lookupOp("UpdateChannel"), params, nil, testServiceSID, "support")
				return err
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, respondJSON(http.StatusOK, `{}`))

			require.NoError(t, tt.call(rec.client(t)))

			req := rec.onlyRequest(t)
			assertRequest(t, req, tt.wantMethod, channel, "")
			assert.Equal(t, tt.wantHeader, req.Header.Values("X-Twilio-Webhook-Enabled"))
			assert.Equal(t, tt.wantBody, req.Body, "a header param is never a form key")
		})
	}
}

func TestHeaderParamsRefused(t *testing.T) {
	t.Parallel()
	for name, params := range map[string]any{
		"nested": &struct{ Inner headerParams }{},
		"not canonical": &struct {
			H *bool `header:"x-twilio-webhook-enabled"`
		}{},
		"with a url tag": &struct {
			H *bool `header:"X-A" url:"A"`
		}{},
		"not a leaf kind": &struct {
			H *time.Time `header:"X-A"`
		}{},
		"empty name": &struct {
			H *bool `header:""`
		}{},
	} {
		_, err := encodeHeader(params)
		assert.Error(t, err, name)
	}
}

// channelWebhookListParams is a list params type of a list whose spec caps
// PageSize at 5, with a filter.
type channelWebhookListParams struct {
	PageSize *int     `url:"PageSize,omitempty"`
	Limit    int      `url:"-"`
	Type     []string `url:"Type,omitempty"`
}

func TestListPageSizeFromOperation(t *testing.T) {
	t.Parallel()
	listWebhooks := lookupOp("ListChannelWebhook")
	const path = "/v2/Services/" + testServiceSID + "/Channels/support/Webhooks"
	tests := []struct {
		name      string
		params    *channelWebhookListParams
		wantQuery string
		badFields []string
	}{
		{"nil params", nil, "", nil},
		{"Limit above the list's maximum", &channelWebhookListParams{Limit: 10}, "PageSize=5", nil},
		{"Limit below it", &channelWebhookListParams{Limit: 3}, "PageSize=3", nil},
		{"PageSize wins over Limit", &channelWebhookListParams{PageSize: Ptr(2), Limit: 10}, "PageSize=2", nil},
		{"a filter, sorted with the page size", &channelWebhookListParams{Limit: 10, Type: []string{"webhook", "studio"}}, "PageSize=5&Type=webhook&Type=studio", nil},
		{"PageSize above the maximum", &channelWebhookListParams{PageSize: Ptr(6)}, "", []string{"PageSize"}},
		{"PageSize 0", &channelWebhookListParams{PageSize: Ptr(0)}, "", []string{"PageSize"}},
		{"negative Limit", &channelWebhookListParams{Limit: -1}, "", []string{"Limit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var before channelWebhookListParams
			if tt.params != nil {
				before = *tt.params
			}
			r, limit, err := prepareList(listWebhooks, tt.params, nil, []string{testServiceSID, "support"})
			assert.Equal(t, tt.badFields, validationFields(err))
			if tt.params != nil {
				assert.Equal(t, before, *tt.params, "params are not modified")
			}
			if err != nil {
				return
			}
			assert.Equal(t, before.Limit, limit)
			want := path
			if tt.wantQuery != "" {
				want += "?" + tt.wantQuery
			}
			assert.Equal(t, want, r.target)
			assert.Equal(t, http.MethodGet, r.method)
		})
	}
}

func TestSharedChecks(t *testing.T) {
	t.Parallel()
	type color string
	tests := []struct {
		name string
		err  error
		want []string // "Field: Reason"
	}{
		{"JSON unset", checkJSON("Attributes", nil), nil},
		{"JSON object", checkJSON("Attributes", Ptr(`{"a": [1, "b"]}`)), nil},
		{"JSON string", checkJSON("Attributes", Ptr(`"x"`)), nil},
		{"JSON bad", checkJSON("Attributes", Ptr(`{"a":`)), []string{`Attributes: "{\"a\":" is not valid JSON`}},
		{"JSON empty", checkJSON("Attributes", Ptr("")), []string{`Attributes: "" is not valid JSON`}},
		{"enum unset", checkEnum[color]("Type", nil, []string{"red", "blue"}), nil},
		{"enum good", checkEnum("Type", Ptr(color("blue")), []string{"red", "blue"}), nil},
		{"enum bad", checkEnum("Type", Ptr(color("Blue")), []string{"red", "green", "blue"}), []string{`Type: "Blue" is not "red", "green" or "blue"`}},
		{"date unset", checkDate("DateCreated", nil), nil},
		{"date set", checkDate("DateCreated", Ptr(testNow)), nil},
		{"date zero", checkDate("DateCreated", &time.Time{}), []string{"DateCreated: is the zero time"}},
		{"role SID unset", checkRoleSID("RoleSid", nil), nil},
		{"role SID good", checkRoleSID("RoleSid", Ptr(testRoleSID)), nil},
		{"role SID bad", checkRoleSID("RoleSid", Ptr(testServiceSID)), []string{`RoleSid: "` + testServiceSID + `" is not RL followed by 32 hex digits`}},
		{"URL cleared", checkURL("PreWebhookUrl", Ptr("")), nil},
		{"URL relative", checkURL("PreWebhookUrl", Ptr("/hook")), []string{`PreWebhookUrl: "/hook" is not an absolute http or https URL`}},
		{"range", inRange("Limits.UserChannels", Ptr(1001), 1000), []string{"Limits.UserChannels: 1001 is above the maximum of 1000"}},
		{"required name", checkRequiredName("FriendlyName", Ptr("")), []string{"FriendlyName: is empty"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, fieldReasons(tt.err), tt.name)
	}
}

func TestListChecksEachItem(t *testing.T) {
	t.Parallel()
	const body = `{"roles": [{"sid": "` + testRoleSID + `"}, {"sid": "` + testServiceSID + `"}], "meta": {"key": "roles"}}`
	rec := newRecorder(t, respondJSON(http.StatusOK, body))
	c := rec.client(t)

	page, err := c.Roles.ListPage(context.Background(), testServiceSID, nil)
	assert.Nil(t, page)
	var decErr *DecodeError
	require.ErrorAs(t, err, &decErr)
	assert.EqualError(t, decErr.Err, "item 1 of the page: the Role's sid is not RL followed by 32 hex digits")

	var got []string
	for role, err := range c.Roles.List(context.Background(), testServiceSID, nil) {
		if err != nil {
			require.ErrorAs(t, err, &decErr)
			break
		}
		got = append(got, role.SID)
	}
	assert.Empty(t, got, "a page with a bad item yields none of its items")
}
