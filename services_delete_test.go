package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServicesDeleteWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{name: "204 without body", handler: func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }},
		{name: "200 with a body", handler: respondJSON(http.StatusOK, `{"ignored": true}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, tt.handler)

			require.NoError(t, services.Delete(context.Background(), testServiceSID))

			reqs := rec.requests()
			require.Len(t, reqs, 1)
			assertRequest(t, reqs[0], http.MethodDelete, "/v2/Services/"+testServiceSID, "")
			assert.Empty(t, reqs[0].Body)
		})
	}
}
