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

// TestRoleWithoutUsableSIDIsADecodeError checks that an answer the caller
// could not address again fails as a *DecodeError.
func TestRoleWithoutUsableSIDIsADecodeError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, wantErr string
	}{
		{name: "empty object", body: `{}`, wantErr: "the Role has no sid"},
		{name: "null sid", body: `{"sid": null, "friendly_name": "x"}`, wantErr: "the Role has no sid"},
		{name: "service SID", body: `{"sid": "` + testServiceSID + `"}`, wantErr: "the Role's sid is not RL followed by 32 hex digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			roles, _ := newTestRoles(t, respondJSON(http.StatusOK, tt.body))

			role, err := roles.Fetch(context.Background(), testServiceSID, testRoleSID)

			assert.Nil(t, role)
			var decErr *DecodeError
			require.ErrorAs(t, err, &decErr)
			assert.Equal(t, http.StatusOK, decErr.Status)
			assert.EqualError(t, decErr.Err, tt.wantErr)
		})
	}
}
