package twiliochattest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/e3f0929f/twiliochat/twiliochattest"
)

const (
	customAccount = "ACffffffffffffffffffffffffffffffff"
	apiKeySID     = "SK0123456789abcdef0123456789abcdef"
	apiKeySecret  = "key-secret"
)

func TestAuthentication(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		opts       []twiliochattest.Option
		user, pass string
		wantStatus int
	}{
		{"default credentials", nil, twiliochattest.DefaultAccountSID, twiliochattest.DefaultAuthToken, http.StatusOK},
		{"no Authorization header", nil, "", "", http.StatusUnauthorized},
		{"wrong token", nil, twiliochattest.DefaultAccountSID, "nope", http.StatusUnauthorized},
		{"unknown account", nil, customAccount, twiliochattest.DefaultAuthToken, http.StatusUnauthorized},
		{"custom credentials", []twiliochattest.Option{twiliochattest.WithCredentials(customAccount, "tok")}, customAccount, "tok", http.StatusOK},
		{"defaults refused after WithCredentials", []twiliochattest.Option{twiliochattest.WithCredentials(customAccount, "tok")}, twiliochattest.DefaultAccountSID, twiliochattest.DefaultAuthToken, http.StatusUnauthorized},
		{"API key", []twiliochattest.Option{twiliochattest.WithAPIKey(apiKeySID, apiKeySecret)}, apiKeySID, apiKeySecret, http.StatusOK},
		{"API key wrong secret", []twiliochattest.Option{twiliochattest.WithAPIKey(apiKeySID, apiKeySecret)}, apiKeySID, "nope", http.StatusUnauthorized},
		{"API key not configured", nil, apiKeySID, apiKeySecret, http.StatusUnauthorized},
		{"account SID with API key secret", []twiliochattest.Option{twiliochattest.WithAPIKey(apiKeySID, apiKeySecret)}, twiliochattest.DefaultAccountSID, apiKeySecret, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, tt.opts...)
			r := callAs(t, srv, tt.user, tt.pass, http.MethodGet, "/v2/Services", nil)
			if tt.wantStatus == http.StatusOK {
				assert.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
				return
			}
			assertTwilioError(t, r, http.StatusUnauthorized, 20003)
			assert.JSONEq(t, `{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}`, string(r.Body))
		})
	}
}

func TestAuthenticationCheckedOnEveryRoute(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid := seedService(t, srv, "s")
	for _, tt := range []struct{ method, path string }{
		{http.MethodPost, "/v2/Services"},
		{http.MethodGet, "/v2/Services/" + sid},
		{http.MethodPost, "/v2/Services/" + sid},
		{http.MethodDelete, "/v2/Services/" + sid},
		{http.MethodGet, "/v2/Services/" + sid + "/Roles"},
		{http.MethodPost, "/v2/Services/" + sid + "/Roles"},
		{http.MethodGet, "/nowhere"},
	} {
		r := callAs(t, srv, srv.AccountSID(), "wrong", tt.method, tt.path, nil)
		assertTwilioError(t, r, http.StatusUnauthorized, 20003)
	}
	assert.Equal(t, http.StatusOK, call(t, srv, http.MethodGet, "/v2/Services/"+sid, nil).Status, "service must survive unauthorized DELETE")
}

func TestCredentialAccessors(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	assert.Equal(t, twiliochattest.DefaultAccountSID, srv.AccountSID())
	assert.Equal(t, twiliochattest.DefaultAuthToken, srv.AuthToken())
	assert.Regexp(t, `^AC[0-9a-fA-F]{32}$`, srv.AccountSID())

	custom := newServer(t, twiliochattest.WithCredentials(customAccount, "tok"))
	assert.Equal(t, customAccount, custom.AccountSID())
	assert.Equal(t, "tok", custom.AuthToken())
}

func TestInvalidOptionsPanic(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opt  twiliochattest.Option
	}{
		{"account SID pattern", twiliochattest.WithCredentials("AC123", "tok")},
		{"empty token", twiliochattest.WithCredentials(customAccount, "")},
		{"API key SID pattern", twiliochattest.WithAPIKey("AK0123456789abcdef0123456789abcdef", "s")},
		{"empty API secret", twiliochattest.WithAPIKey(apiKeySID, "")},
		{"nil clock", twiliochattest.WithClock(nil)},
		{"nil option", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Panics(t, func() { twiliochattest.NewServer(tt.opt).Close() })
		})
	}
}
