package twiliochat

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServicesCreateWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		friendly string
		wantBody string
	}{
		{name: "spec example", friendly: "friendly_name", wantBody: "FriendlyName=friendly_name"},
		{name: "reserved characters", friendly: "support & sales = 100%", wantBody: "FriendlyName=support+%26+sales+%3D+100%25"},
		{name: "unicode", friendly: "Zürich ✓", wantBody: "FriendlyName=Z%C3%BCrich+%E2%9C%93"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, serveFile(t, http.StatusCreated, "testdata/service_create.json"))

			svc, err := services.Create(context.Background(), &CreateServiceParams{FriendlyName: Ptr(tt.friendly)})
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodPost, "/v2/Services", "")
			assert.Equal(t, tt.wantBody, req.Body)
			assert.Equal(t, url.Values{"FriendlyName": {tt.friendly}}, req.form(t))
			require.NotNil(t, svc)
			assert.Equal(t, specService(), *svc)
		})
	}
}

func TestServicesCreateValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		params     *CreateServiceParams
		wantReason string
	}{
		{name: "nil params", params: nil, wantReason: "is required"},
		{name: "nil FriendlyName", params: &CreateServiceParams{}, wantReason: "is required"},
		{name: "empty FriendlyName", params: &CreateServiceParams{FriendlyName: Ptr("")}, wantReason: "is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, serveFile(t, http.StatusCreated, "testdata/service_create.json"))

			svc, err := services.Create(context.Background(), tt.params)
			assert.Nil(t, svc)
			var vErr *ValidationError
			require.ErrorAs(t, err, &vErr)
			assert.Equal(t, "FriendlyName", vErr.Field)
			assert.Equal(t, tt.wantReason, vErr.Reason)
			assert.Empty(t, rec.requests())
		})
	}
}

func TestServicesCreateAPIError(t *testing.T) {
	t.Parallel()
	services, rec := newTestServices(t, respondJSON(http.StatusBadRequest,
		`{"code": 20001, "message": "Missing required parameter FriendlyName", "more_info": "https://www.twilio.com/docs/errors/20001", "status": 400}`))

	svc, err := services.Create(context.Background(), &CreateServiceParams{FriendlyName: Ptr("x")})
	assert.Nil(t, svc)
	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	assert.Equal(t, &APIError{
		Status:     http.StatusBadRequest,
		Code:       20001,
		Message:    "Missing required parameter FriendlyName",
		RawMessage: "Missing required parameter FriendlyName",
		MoreInfo:   "https://www.twilio.com/docs/errors/20001",
		RequestID:  testRequestID,
	}, apiErr)
	assert.NotContains(t, err.Error(), testAuthToken)
	assert.Len(t, rec.requests(), 1)
}
