package twiliochat

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			roles, rec := newTestRoles(t, serveFile(t, http.StatusOK, "testdata/role_update.json"))

			role, err := roles.Update(context.Background(), testServiceSID, testRoleSID, &UpdateRoleParams{Permission: tt.permissions})
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodPost, rolesPathOf+"/"+testRoleSID, "")
			assert.Equal(t, tt.wantBody, req.Body)
			assert.Equal(t, url.Values{"Permission": tt.permissions}, req.form(t))
			require.NotNil(t, role)
			assert.Equal(t, specRole(), *role)
		})
	}
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
		{name: "nil Permission", params: &UpdateRoleParams{}, want: []string{"Permission: is required, with at least one permission"}},
		{name: "empty permission", params: &UpdateRoleParams{Permission: []string{""}}, want: []string{"Permission: item 0 is empty"}},
		{name: "bad role SID", roleSID: "RL", params: &UpdateRoleParams{Permission: []string{"x"}}, want: []string{
			`Sid: "RL" is not RL followed by 32 hex digits`}},
		{name: "everything wrong", serviceSID: "nope", roleSID: testServiceSID, params: nil, want: []string{
			`ServiceSid: "nope" is not IS followed by 32 hex digits`,
			`Sid: "` + testServiceSID + `" is not RL followed by 32 hex digits`,
			"Permission: is required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			roles, rec := newTestRoles(t, serveFile(t, http.StatusOK, "testdata/role_update.json"))

			role, err := roles.Update(context.Background(), cmp.Or(tt.serviceSID, testServiceSID), cmp.Or(tt.roleSID, testRoleSID), tt.params)

			assert.Nil(t, role)
			assert.Equal(t, tt.want, fieldReasons(err))
			assert.Empty(t, rec.requests())
		})
	}
}
