package twiliochat

import (
	"context"
	"net/http"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRolesRetries checks that a 503 is retried for every Roles operation
// that may be repeated, and that Create, which may not, is sent once.
func TestRolesRetries(t *testing.T) {
	t.Parallel()
	role, err := os.ReadFile("testdata/role_fetch.json")
	require.NoError(t, err)
	page, err := os.ReadFile("testdata/roles_page_full.json")
	require.NoError(t, err)
	tests := []struct {
		name      string
		body      []byte
		call      func(c *Client) error
		wantSends int64
	}{
		{"Create", role, func(c *Client) error {
			return noValue(c.Roles.Create(context.Background(), testServiceSID, &CreateRoleParams{
				FriendlyName: Ptr("x"), Type: Ptr(RoleTypeChannel), Permission: []string{"sendMessage"}}))
		}, 1},
		{"Fetch", role, func(c *Client) error {
			_, err := c.Roles.Fetch(context.Background(), testServiceSID, testRoleSID)
			return err
		}, 2},
		{"Update", role, func(c *Client) error {
			_, err := c.Roles.Update(context.Background(), testServiceSID, testRoleSID, &UpdateRoleParams{Permission: []string{"sendMessage"}})
			return err
		}, 2},
		{"Delete", nil, func(c *Client) error { return c.Roles.Delete(context.Background(), testServiceSID, testRoleSID) }, 2},
		{"ListPage", page, func(c *Client) error {
			_, err := c.Roles.ListPage(context.Background(), testServiceSID, nil)
			return err
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, numbered(func(w http.ResponseWriter, _ *http.Request, n int64) {
				switch {
				case n == 1:
					writeJSON(w, http.StatusServiceUnavailable, twilioErrorBody(http.StatusServiceUnavailable, 20503, "Service Unavailable"))
				case tt.body == nil:
					w.WriteHeader(http.StatusNoContent)
				default:
					writeJSON(w, http.StatusOK, string(tt.body))
				}
			}))
			c := rec.client(t)

			err := tt.call(c)

			assert.Equal(t, tt.wantSends, rec.hits())
			if tt.wantSends == 1 {
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, http.StatusServiceUnavailable, apiErr.Status)
			} else {
				assert.NoError(t, err)
			}
		})
	}
}
