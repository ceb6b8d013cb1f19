package twiliochat

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newTestRoles starts a recorder answering with handler and returns the
// Roles of a client pointed at it.
func newTestRoles(t *testing.T, handler http.HandlerFunc) (*RolesService, *recorder) {
	t.Helper()
	rec := newRecorder(t, handler)
	return rec.client(t).Roles, rec
}

// specRole is the Role of the spec's Create, Fetch, Update and List
// examples, field by field.
func specRole() Role {
	date := time.Date(2016, 3, 3, 19, 47, 15, 0, time.UTC)
	return Role{
		SID:          "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		AccountSID:   "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ServiceSID:   "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		FriendlyName: "channel user",
		Type:         RoleTypeChannel,
		Permissions:  []string{"sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"},
		DateCreated:  date,
		DateUpdated:  date,
		URL:          "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Roles/RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	}
}

// rolesPathOf is the escaped path of testServiceSID's Roles list.
const rolesPathOf = "/v2/Services/" + testServiceSID + "/Roles"

func TestRolesCreateWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		params   *CreateRoleParams
		wantBody string
		wantForm url.Values
	}{
		{
			name:     "spec example",
			params:   &CreateRoleParams{FriendlyName: Ptr("friendly_name"), Type: Ptr(RoleTypeChannel), Permission: []string{"sendMessage"}},
			wantBody: "FriendlyName=friendly_name&Permission=sendMessage&Type=channel",
			wantForm: readGoldenForm(t, "testdata/create_role_request.form"),
		},
		{
			name: "one repeated key per permission, in order",
			params: &CreateRoleParams{FriendlyName: Ptr("moderator"), Type: Ptr(RoleTypeChannel),
				Permission: []string{"sendMessage", "removeMember", "editAnyMessage"}},
			wantBody: "FriendlyName=moderator&Permission=sendMessage&Permission=removeMember&Permission=editAnyMessage&Type=channel",
			wantForm: url.Values{"FriendlyName": {"moderator"}, "Type": {"channel"}, "Permission": {"sendMessage", "removeMember", "editAnyMessage"}},
		},
		{
			name:     "deployment role, characters that need escaping",
			params:   &CreateRoleParams{FriendlyName: Ptr("bots & admins = 100%"), Type: Ptr(RoleTypeDeployment), Permission: []string{"createChannel", "a&b=c"}},
			wantBody: "FriendlyName=bots+%26+admins+%3D+100%25&Permission=createChannel&Permission=a%26b%3Dc&Type=deployment",
			wantForm: url.Values{"FriendlyName": {"bots & admins = 100%"}, "Type": {"deployment"}, "Permission": {"createChannel", "a&b=c"}},
		},
		{
			name:     "64 characters of two bytes each",
			params:   &CreateRoleParams{FriendlyName: Ptr(strings.Repeat("é", 64)), Type: Ptr(RoleTypeChannel), Permission: []string{"sendMessage"}},
			wantBody: "FriendlyName=" + strings.Repeat("%C3%A9", 64) + "&Permission=sendMessage&Type=channel",
			wantForm: url.Values{"FriendlyName": {strings.Repeat("é", 64)}, "Type": {"channel"}, "Permission": {"sendMessage"}},
		},
	}
	cases := make([]wireCase, len(tests))
	for i, tt := range tests {
		cases[i] = wireCase{name: tt.name, method: http.MethodPost, path: rolesPathOf, body: tt.wantBody, form: tt.wantForm,
			call: func(c *Client) (any, error) {
				return valueOf(c.Roles.Create(context.Background(), testServiceSID, tt.params))
			},
			answer: "testdata/role_create.json", status: http.StatusCreated, want: Ptr(specRole())}
	}
	runWireCases(t, cases)
}

func TestRolesCreateValidation(t *testing.T) {
	t.Parallel()
	valid := func() *CreateRoleParams {
		return &CreateRoleParams{FriendlyName: Ptr("moderator"), Type: Ptr(RoleTypeChannel), Permission: []string{"sendMessage"}}
	}
	with := func(change func(p *CreateRoleParams)) *CreateRoleParams {
		p := valid()
		change(p)
		return p
	}
	tests := []struct {
		name       string
		serviceSID string
		params     *CreateRoleParams
		want       []string
	}{
		{name: "nil params", params: nil, want: []string{
			"FriendlyName: is required", "Type: is required", "Permission: is required"}},
		{name: "zero params", params: &CreateRoleParams{}, want: []string{
			"FriendlyName: is required", "Type: is required", "Permission: is required"}},
		{name: "empty FriendlyName", params: with(func(p *CreateRoleParams) { p.FriendlyName = Ptr("") }), want: []string{
			"FriendlyName: is empty"}},
		{name: "65 characters", params: with(func(p *CreateRoleParams) { p.FriendlyName = Ptr(strings.Repeat("x", 65)) }), want: []string{
			"FriendlyName: is 65 characters (runes) long, the most is 64"}},
		{name: "65 runes of two bytes", params: with(func(p *CreateRoleParams) { p.FriendlyName = Ptr(strings.Repeat("é", 65)) }), want: []string{
			"FriendlyName: is 65 characters (runes) long, the most is 64"}},
		{name: "empty Type", params: with(func(p *CreateRoleParams) { p.Type = Ptr(RoleType("")) }), want: []string{
			`Type: "" is not "channel" or "deployment"`}},
		{name: "unknown Type", params: with(func(p *CreateRoleParams) { p.Type = Ptr(RoleType("Channel")) }), want: []string{
			`Type: "Channel" is not "channel" or "deployment"`}},
		{name: "empty Permission slice", params: with(func(p *CreateRoleParams) { p.Permission = []string{} }), want: []string{
			"Permission: is required"}},
		{name: "one empty permission", params: with(func(p *CreateRoleParams) { p.Permission = []string{"sendMessage", ""} }), want: []string{
			"Permission: item 1 is empty"}},
		{name: "two empty permissions", params: with(func(p *CreateRoleParams) { p.Permission = []string{"", "sendMessage", ""} }), want: []string{
			"Permission: items 0, 2 are empty"}},
		{name: "bad service SID", serviceSID: "IS123", params: valid(), want: []string{
			`ServiceSid: "IS123" is not IS followed by 32 hex digits`}},
		{name: "everything wrong", serviceSID: testRoleSID, params: &CreateRoleParams{FriendlyName: Ptr(""), Type: Ptr(RoleType("admin")), Permission: []string{""}}, want: []string{
			`ServiceSid: "` + testRoleSID + `" is not IS followed by 32 hex digits`,
			"FriendlyName: is empty",
			`Type: "admin" is not "channel" or "deployment"`,
			"Permission: item 0 is empty"}},
	}
	cases := make([]validationCase, len(tests))
	for i, tt := range tests {
		cases[i] = validationCase{name: tt.name, want: tt.want, call: func(c *Client) error {
			return errorOf(c.Roles.Create(context.Background(), cmp.Or(tt.serviceSID, testServiceSID), tt.params))
		}}
	}
	runValidationCases(t, cases)
}

func TestRolesUpdateWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		permissions []string
		wantBody    string
	}{
		{name: "spec example", permissions: []string{"sendMessage"}, wantBody: "Permission=sendMessage"},
		{name: "every permission as its own key, in order", permissions: []string{"sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"},
			wantBody: "Permission=sendMessage&Permission=leaveChannel&Permission=editOwnMessage&Permission=deleteOwnMessage"},
		{name: "escaping", permissions: []string{"a b", "c&d"}, wantBody: "Permission=a+b&Permission=c%26d"},
	}
	cases := make([]wireCase, len(tests))
	for i, tt := range tests {
		cases[i] = wireCase{name: tt.name, method: http.MethodPost, path: rolesPathOf + "/" + testRoleSID,
			body: tt.wantBody, form: url.Values{"Permission": tt.permissions},
			call: func(c *Client) (any, error) {
				return valueOf(c.Roles.Update(context.Background(), testServiceSID, testRoleSID, &UpdateRoleParams{Permission: tt.permissions}))
			},
			answer: "testdata/role_update.json", want: Ptr(specRole())}
	}
	runWireCases(t, cases)
}

func TestRolesUpdateGoldenForm(t *testing.T) {
	t.Parallel()
	form, err := encodeForm(&UpdateRoleParams{Permission: []string{"sendMessage"}})
	require.NoError(t, err)
	assert.Equal(t, readGoldenForm(t, "testdata/update_role_request.form"), form)
}

func TestRolesUpdateValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                string
		serviceSID, roleSID string
		params              *UpdateRoleParams
		want                []string
	}{
		{name: "nil params", params: nil, want: []string{"Permission: is required"}},
		{name: "nil Permission", params: &UpdateRoleParams{}, want: []string{"Permission: is required"}},
		{name: "empty permission", params: &UpdateRoleParams{Permission: []string{""}}, want: []string{"Permission: item 0 is empty"}},
		{name: "bad role SID", roleSID: "RL", params: &UpdateRoleParams{Permission: []string{"x"}}, want: []string{
			`Sid: "RL" is not RL followed by 32 hex digits`}},
		{name: "everything wrong", serviceSID: "nope", roleSID: testServiceSID, params: nil, want: []string{
			`ServiceSid: "nope" is not IS followed by 32 hex digits`,
			`Sid: "` + testServiceSID + `" is not RL followed by 32 hex digits`,
			"Permission: is required"}},
	}
	cases := make([]validationCase, len(tests))
	for i, tt := range tests {
		cases[i] = validationCase{name: tt.name, want: tt.want, call: func(c *Client) error {
			return errorOf(c.Roles.Update(context.Background(), cmp.Or(tt.serviceSID, testServiceSID), cmp.Or(tt.roleSID, testRoleSID), tt.params))
		}}
	}
	runValidationCases(t, cases)
}

func TestRolesDeleteAPIError(t *testing.T) {
	t.Parallel()
	roles, rec := newTestRoles(t, respondJSON(http.StatusBadRequest,
		`{"code": 20001, "message": "Role is a default role of the service and cannot be deleted", "more_info": "https://www.twilio.com/docs/errors/20001", "status": 400}`))

	err := roles.Delete(context.Background(), testServiceSID, testRoleSID)

	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, &APIError{
		Status: http.StatusBadRequest, Code: 20001, Message: "Role is a default role of the service and cannot be deleted",
		RawMessage: "Role is a default role of the service and cannot be deleted",
		MoreInfo:   "https://www.twilio.com/docs/errors/20001", RequestID: testRequestID,
	}, apiErr)
	assert.False(t, IsNotFound(err))
	assert.Len(t, rec.requests(), 1)
}

// TestRoleDecodesNullsAndUnknownType checks that JSON nulls decode to zero
// values and that a type Twilio may add later decodes without an error.
func TestRoleDecodesNullsAndUnknownType(t *testing.T) {
	t.Parallel()
	roles, _ := newTestRoles(t, respondJSON(http.StatusOK, `{
		"sid": "`+testRoleSID+`", "account_sid": null, "service_sid": null, "friendly_name": null,
		"type": "organization", "permissions": null, "date_created": null, "date_updated": null,
		"url": null, "added_later": {"x": 1}}`))

	role, err := roles.Fetch(context.Background(), testServiceSID, testRoleSID)
	require.NoError(t, err)
	assert.Equal(t, &Role{SID: testRoleSID, Type: RoleType("organization")}, role)
}

// roleList is a fakeList of total Roles of testServiceSID.
func roleList(total int) *fakeList {
	return &fakeList{total: total, path: rolesPathOf, key: "roles", prefix: "RL"}
}

// roleSIDsN returns the SIDs of the Roles from to to (excluded) of a
// roleList.
func roleSIDsN(from, to int) []string { return itemSIDs("RL", from, to) }

func TestRolesListPageWire(t *testing.T) {
	t.Parallel()
	const pageURL = "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Roles?PageSize=50&Page=0"
	meta := PageMeta{FirstPageURL: pageURL, URL: pageURL, PageSize: 50, Key: "roles"}
	tests := []struct {
		name      string
		file      string
		params    *ListRolesParams
		wantQuery string
		wantPage  *RolePage
	}{
		{name: "nil params", file: "roles_page_full.json", wantQuery: "", wantPage: &RolePage{Items: []Role{specRole()}, Meta: meta}},
		{name: "page size", file: "roles_page_full.json", params: &ListRolesParams{PageSize: Ptr(20)}, wantQuery: "PageSize=20",
			wantPage: &RolePage{Items: []Role{specRole()}, Meta: meta}},
		{name: "limit picks the page size", file: "roles_page_full.json", params: &ListRolesParams{Limit: 4}, wantQuery: "PageSize=4",
			wantPage: &RolePage{Items: []Role{specRole()}, Meta: meta}},
		{name: "empty page", file: "roles_page_empty.json", params: &ListRolesParams{PageSize: Ptr(100)}, wantQuery: "PageSize=100",
			wantPage: &RolePage{Items: []Role{}, Meta: meta}},
	}
	cases := make([]wireCase, len(tests))
	for i, tt := range tests {
		cases[i] = wireCase{name: tt.name, method: http.MethodGet, path: rolesPathOf, query: tt.wantQuery,
			call: func(c *Client) (any, error) {
				return valueOf(c.Roles.ListPage(context.Background(), testServiceSID, tt.params))
			},
			answer: "testdata/" + tt.file, want: tt.wantPage}
	}
	runWireCases(t, cases)
}

func TestRolesNextPage(t *testing.T) {
	t.Parallel()
	roles, rec := newTestRoles(t, roleList(5).ServeHTTP)
	ctx := context.Background()

	page, err := roles.ListPage(ctx, testServiceSID, &ListRolesParams{PageSize: Ptr(2)})
	pages := walkPages(t, page, err, func(p *RolePage) (*RolePage, error) { return roles.NextPage(ctx, p) })
	sids := sidsOfPages(pages)
	var numbers []int
	for _, page := range pages {
		numbers = append(numbers, page.Meta.Page)
		assert.Equal(t, "roles", page.Meta.Key)
	}

	assert.Equal(t, roleSIDsN(0, 5), sids)
	assert.Equal(t, []int{0, 1, 2}, numbers)
	assert.Equal(t, []string{"PageSize=2", "Page=1&PageSize=2&PageToken=PT1", "Page=2&PageSize=2&PageToken=PT2"}, listQueries(t, rec, rolesPathOf))

	var listed []string
	for role, err := range roles.List(ctx, testServiceSID, &ListRolesParams{PageSize: Ptr(2)}) {
		require.NoError(t, err)
		listed = append(listed, role.SID)
	}
	assert.Equal(t, sids, listed, "List walks the same pages")
}

func TestRolesListValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		serviceSID string
		params     *ListRolesParams
		wantFields []string
	}{
		{name: "page size 0", serviceSID: testServiceSID, params: &ListRolesParams{PageSize: Ptr(0)}, wantFields: []string{"PageSize"}},
		{name: "page size 101", serviceSID: testServiceSID, params: &ListRolesParams{PageSize: Ptr(101)}, wantFields: []string{"PageSize"}},
		{name: "negative limit", serviceSID: testServiceSID, params: &ListRolesParams{Limit: -1}, wantFields: []string{"Limit"}},
		{name: "bad service SID", serviceSID: "IS", params: nil, wantFields: []string{"ServiceSid"}},
		{name: "everything", serviceSID: "", params: &ListRolesParams{PageSize: Ptr(-3), Limit: -5}, wantFields: []string{"ServiceSid", "PageSize", "Limit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			roles, rec := newTestRoles(t, roleList(3).ServeHTTP)

			page, err := roles.ListPage(context.Background(), tt.serviceSID, tt.params)
			assert.Nil(t, page)
			assert.Equal(t, tt.wantFields, validationFields(err))

			got := testkit.RangeAll(roles.List(context.Background(), tt.serviceSID, tt.params), nil)
			assert.Empty(t, got.Items)
			require.Len(t, got.Errs, 1)
			assert.Equal(t, tt.wantFields, validationFields(got.Errs[0]))
			assert.Empty(t, rec.requests())
		})
	}
}

// TestRoleTypesAreTheSpecs checks the RoleType constants against the spec's
// role_enum_role_type, which Create checks Type against.
func TestRoleTypesAreTheSpecs(t *testing.T) {
	t.Parallel()
	assert.Equal(t, spec.RoleTypes, []string{string(RoleTypeChannel), string(RoleTypeDeployment)})
}
