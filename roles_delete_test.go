package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
