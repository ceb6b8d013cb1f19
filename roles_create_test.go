package twiliochat

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			roles, rec := newTestRoles(t, serveFile(t, http.StatusCreated, "testdata/role_create.json"))

			role, err := roles.Create(context.Background(), testServiceSID, tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodPost, rolesPathOf, "")
			assert.Equal(t, tt.wantBody, req.Body)
			assert.Equal(t, tt.wantForm, req.form(t))
			require.NotNil(t, role)
			assert.Equal(t, specRole(), *role)
		})
	}
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
			"FriendlyName: is required", "Type: is required", "Permission: is required, with at least one permission"}},
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
			"Permission: is required, with at least one permission"}},
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
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			roles, rec := newTestRoles(t, serveFile(t, http.StatusCreated, "testdata/role_create.json"))

			role, err := roles.Create(context.Background(), cmp.Or(tt.serviceSID, testServiceSID), tt.params)

			assert.Nil(t, role)
			assert.Equal(t, tt.want, fieldReasons(err))
			assert.Empty(t, rec.requests())
		})
	}
}
