package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests of what every resource's operations share: one table for Services
// and Roles, so that each new resource is a few more rows.

// resourceOperations returns each operation on a single resource, called on
// c with valid arguments, keyed "Resource.Operation".
func resourceOperations() map[string]func(c *Client) error {
	ops := map[string]func(*Client) error{}
	for name, op := range sidOperations {
		ops["Services."+name] = func(c *Client) error { return op(c.Services, testServiceSID) }
	}
	for name, op := range roleOperations {
		ops["Roles."+name] = func(c *Client) error { return op(c.Roles, testServiceSID, testRoleSID) }
	}
	return ops
}

// noValue returns err, or assert.AnError when v is not nil.
func noValue[T any](v *T, err error) error {
	if v != nil {
		return assert.AnError
	}
	return err
}

func TestNotFound(t *testing.T) {
	t.Parallel()
	const body = `{"code": 20404, "message": "The requested resource was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}`
	for name, op := range resourceOperations() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, respondJSON(http.StatusNotFound, body))

			err := op(rec.client(t))

			assert.True(t, IsNotFound(err), "%v", err)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, &APIError{
				Status:     http.StatusNotFound,
				Code:       20404,
				Message:    "The requested resource was not found",
				RawMessage: "The requested resource was not found",
				MoreInfo:   "https://www.twilio.com/docs/errors/20404",
				RequestID:  testRequestID,
			}, apiErr)
			assert.NotContains(t, err.Error(), testAuthToken)
			assert.Len(t, rec.requests(), 1)
		})
	}
}

func TestFetchWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		file     string
		fetch    func(c *Client) (any, error)
		wantPath string
		want     any
	}{
		{
			name: "Services", file: "testdata/service_fetch.json", wantPath: "/v2/Services/" + testServiceSID,
			fetch: func(c *Client) (any, error) { return c.Services.Fetch(context.Background(), testServiceSID) },
			want:  Ptr(specService()),
		},
		{
			name: "Roles", file: "testdata/role_fetch.json", wantPath: rolesPathOf + "/" + testRoleSID,
			fetch: func(c *Client) (any, error) { return c.Roles.Fetch(context.Background(), testServiceSID, testRoleSID) },
			want:  Ptr(specRole()),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, tt.file))

			got, err := tt.fetch(rec.client(t))
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodGet, tt.wantPath, "")
			assert.Empty(t, req.Body)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDeleteWire(t *testing.T) {
	t.Parallel()
	answers := map[string]http.HandlerFunc{
		"204 without body": func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) },
		"200 with a body":  respondJSON(http.StatusOK, `{"ignored": true}`),
	}
	deletes := map[string]struct {
		call     func(c *Client) error
		wantPath string
	}{
		"Services": {func(c *Client) error { return c.Services.Delete(context.Background(), testServiceSID) }, "/v2/Services/" + testServiceSID},
		"Roles":    {func(c *Client) error { return c.Roles.Delete(context.Background(), testServiceSID, testRoleSID) }, rolesPathOf + "/" + testRoleSID},
	}
	for resource, del := range deletes {
		for answer, handler := range answers {
			t.Run(resource+"/"+answer, func(t *testing.T) {
				t.Parallel()
				rec := newRecorder(t, handler)

				require.NoError(t, del.call(rec.client(t)))

				req := rec.onlyRequest(t)
				assertRequest(t, req, http.MethodDelete, del.wantPath, "")
				assert.Empty(t, req.Body)
			})
		}
	}
}
