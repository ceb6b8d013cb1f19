package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNilContext checks that every operation given a nil context returns an
// error, without a panic and without a request.
func TestNilContext(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/service.json"))
	c := rec.client(t)
	var ctx context.Context // nil, as a caller's bug would pass it
	next := rec.srv.URL + "/v2/Services?Page=1"
	calls := map[string]func() error{
		"Services.Update": func() error { _, err := c.Services.Update(ctx, testServiceSID, nil); return err },
		"Services.Create": func() error {
			_, err := c.Services.Create(ctx, &CreateServiceParams{FriendlyName: Ptr("x")})
			return err
		},
		"Services.Fetch":    func() error { _, err := c.Services.Fetch(ctx, testServiceSID); return err },
		"Services.Delete":   func() error { return c.Services.Delete(ctx, testServiceSID) },
		"Services.ListPage": func() error { _, err := c.Services.ListPage(ctx, nil); return err },
		"Services.List": func() error {
			for _, err := range c.Services.List(ctx, nil) {
				return err
			}
			return nil
		},
		"Services.NextPage": func() error {
			_, err := c.Services.NextPage(ctx, &ServicePage{Meta: PageMeta{NextPageURL: next}})
			return err
		},
		"Roles.Create": func() error {
			_, err := c.Roles.Create(ctx, testServiceSID, &CreateRoleParams{
				FriendlyName: Ptr("x"), Type: Ptr(RoleTypeChannel), Permission: []string{"sendMessage"}})
			return err
		},
		"Roles.Fetch": func() error { _, err := c.Roles.Fetch(ctx, testServiceSID, testRoleSID); return err },
		"Roles.Update": func() error {
			_, err := c.Roles.Update(ctx, testServiceSID, testRoleSID, &UpdateRoleParams{Permission: []string{"sendMessage"}})
			return err
		},
		"Roles.Delete":   func() error { return c.Roles.Delete(ctx, testServiceSID, testRoleSID) },
		"Roles.ListPage": func() error { _, err := c.Roles.ListPage(ctx, testServiceSID, nil); return err },
		"Roles.NextPage": func() error {
			_, err := c.Roles.NextPage(ctx, &RolePage{Meta: PageMeta{NextPageURL: next}})
			return err
		},
		"Roles.List": func() error {
			for _, err := range c.Roles.List(ctx, testServiceSID, nil) {
				return err
			}
			return nil
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			var err error
			require.NotPanics(t, func() { err = call() })
			assert.ErrorIs(t, err, errNilContext)
		})
	}
	assert.Empty(t, rec.requests())
}
