package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sidOperations calls each operation that takes a Service SID with sid and
// returns its error.
var sidOperations = map[string]func(s *ServicesService, sid string) error{
	"Fetch": func(s *ServicesService, sid string) error {
		svc, err := s.Fetch(context.Background(), sid)
		if svc != nil {
			return assert.AnError
		}
		return err
	},
	"Update": func(s *ServicesService, sid string) error {
		svc, err := s.Update(context.Background(), sid, &UpdateServiceParams{FriendlyName: Ptr("x")})
		if svc != nil {
			return assert.AnError
		}
		return err
	},
	"Delete": func(s *ServicesService, sid string) error {
		return s.Delete(context.Background(), sid)
	},
}

func TestServicesRejectBadSID(t *testing.T) {
	t.Parallel()
	sids := map[string]string{
		"empty":          "",
		"short":          "IS123",
		"role prefix":    "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"lower prefix":   "isaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"not hex":        "ISgggggggggggggggggggggggggggggggg",
		"path traversal": "IS../../../Accounts/ACaaaaaaaaaaaaa",
		"query":          "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa?",
		"too long":       testServiceSID + "a",
	}
	for opName, op := range sidOperations {
		for sidName, sid := range sids {
			t.Run(opName+"/"+sidName, func(t *testing.T) {
				t.Parallel()
				services, rec := newTestServices(t, respondJSON(http.StatusOK, "{}"))

				err := op(services, sid)
				var vErr *ValidationError
				require.ErrorAs(t, err, &vErr)
				assert.Equal(t, "Sid", vErr.Field)
				assert.Empty(t, rec.requests())
			})
		}
	}
}

func TestServicesNotFound(t *testing.T) {
	t.Parallel()
	const body = `{"code": 20404, "message": "The requested resource /Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}`
	for opName, op := range sidOperations {
		t.Run(opName, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, respondJSON(http.StatusNotFound, body))

			err := op(services, testServiceSID)
			require.Error(t, err)
			assert.True(t, IsNotFound(err), "%v", err)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, &APIError{
				Status:    http.StatusNotFound,
				Code:      20404,
				Message:   "The requested resource /Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa was not found",
				MoreInfo:  "https://www.twilio.com/docs/errors/20404",
				RequestID: testRequestID,
			}, apiErr)
			assert.Len(t, rec.requests(), 1)
		})
	}
}
