package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServicesFetchWire(t *testing.T) {
	t.Parallel()
	services, rec := newTestServices(t, serveFile(t, http.StatusOK, "testdata/service_fetch.json"))

	svc, err := services.Fetch(context.Background(), testServiceSID)
	require.NoError(t, err)

	reqs := rec.requests()
	require.Len(t, reqs, 1)
	assertRequest(t, reqs[0], http.MethodGet, "/v2/Services/"+testServiceSID, "")
	assert.Empty(t, reqs[0].Body)
	require.NotNil(t, svc)
	assert.Equal(t, specService(), *svc)
}
