package twiliochat

import (
	"net/http"
	"testing"
	"time"
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
