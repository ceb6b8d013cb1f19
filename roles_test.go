package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

// roleOperations calls every Roles operation with serviceSID and, where it
// takes one, roleSID, with valid params, and returns its error. An operation
// that returns a value along with an error fails with assert.AnError.
var roleOperations = map[string]func(r *RolesService, serviceSID, roleSID string) error{
	"Create": func(r *RolesService, serviceSID, _ string) error {
		role, err := r.Create(context.Background(), serviceSID, &CreateRoleParams{
			FriendlyName: Ptr("x"), Type: Ptr(RoleTypeChannel), Permission: []string{"sendMessage"}})
		return noValue(role, err)
	},
	"Fetch": func(r *RolesService, serviceSID, roleSID string) error {
		return noValue(r.Fetch(context.Background(), serviceSID, roleSID))
	},
	"Update": func(r *RolesService, serviceSID, roleSID string) error {
		return noValue(r.Update(context.Background(), serviceSID, roleSID, &UpdateRoleParams{Permission: []string{"sendMessage"}}))
	},
	"Delete": func(r *RolesService, serviceSID, roleSID string) error {
		return r.Delete(context.Background(), serviceSID, roleSID)
	},
	"ListPage": func(r *RolesService, serviceSID, _ string) error {
		return noValue(r.ListPage(context.Background(), serviceSID, nil))
	},
	"List": func(r *RolesService, serviceSID, _ string) error {
		got := rangeAll(r.List(context.Background(), serviceSID, nil), nil)
		if len(got.items) > 0 || len(got.errs) != 1 {
			return assert.AnError
		}
		return got.errs[0]
	},
}

// takesRoleSID reports whether the operation has a role SID parameter.
func takesRoleSID(op string) bool { return op == "Fetch" || op == "Update" || op == "Delete" }

func TestRolesRejectBadSIDs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, serviceSID, roleSID string
		roleOnly                  bool // the case is about the role SID
		wantFields                []string
	}{
		{name: "empty service", serviceSID: "", roleSID: testRoleSID, wantFields: []string{"ServiceSid"}},
		{name: "short service", serviceSID: "IS123", roleSID: testRoleSID, wantFields: []string{"ServiceSid"}},
		{name: "role SID as service", serviceSID: testRoleSID, roleSID: testRoleSID, wantFields: []string{"ServiceSid"}},
		{name: "lower-case prefix", serviceSID: "is0123456789abcdef0123456789abcdef", roleSID: testRoleSID, wantFields: []string{"ServiceSid"}},
		{name: "path traversal in service", serviceSID: "IS../../../Accounts/ACaaaaaaaaaaaaa", roleSID: testRoleSID, wantFields: []string{"ServiceSid"}},
		{name: "query in service", serviceSID: "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa?", roleSID: testRoleSID, wantFields: []string{"ServiceSid"}},
		{name: "empty role", serviceSID: testServiceSID, roleSID: "", roleOnly: true, wantFields: []string{"Sid"}},
		{name: "service SID as role", serviceSID: testServiceSID, roleSID: testServiceSID, roleOnly: true, wantFields: []string{"Sid"}},
		{name: "not hex role", serviceSID: testServiceSID, roleSID: "RLgggggggggggggggggggggggggggggggg", roleOnly: true, wantFields: []string{"Sid"}},
		{name: "path traversal in role", serviceSID: testServiceSID, roleSID: "RL/../../../../Accounts/ACaaaaaaaa", roleOnly: true, wantFields: []string{"Sid"}},
		{name: "too long role", serviceSID: testServiceSID, roleSID: testRoleSID + "0", roleOnly: true, wantFields: []string{"Sid"}},
		{name: "both swapped", serviceSID: testRoleSID, roleSID: testServiceSID, wantFields: []string{"ServiceSid", "Sid"}},
	}
	for opName, op := range roleOperations {
		for _, tt := range tests {
			want := tt.wantFields
			if !takesRoleSID(opName) {
				if tt.roleOnly {
					continue
				}
				want = []string{"ServiceSid"}
			}
			t.Run(opName+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				roles, rec := newTestRoles(t, respondJSON(http.StatusOK, "{}"))

				err := op(roles, tt.serviceSID, tt.roleSID)

				assert.Equal(t, want, validationFields(err), "%v", err)
				assert.Empty(t, rec.requests())
			})
		}
	}
}
