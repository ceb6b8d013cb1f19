package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
