package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sidOperations calls each operation that takes a Service SID with sid and
// returns its error. An operation that returns a Service along with an
// error fails with assert.AnError.
var sidOperations = map[string]func(s *ServicesService, sid string) error{
	"Fetch": func(s *ServicesService, sid string) error {
		return noValue(s.Fetch(context.Background(), sid))
	},
	"Update": func(s *ServicesService, sid string) error {
		return noValue(s.Update(context.Background(), sid, &UpdateServiceParams{FriendlyName: Ptr("x")}))
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
