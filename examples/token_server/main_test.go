package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/accesstoken"
)

// fixedNow is the clock of the tests: Unix 1735787045.
var fixedNow = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

func clock() time.Time { return fixedNow }

// dummyConfig is what configFromEnv returns without TWILIO_ACCOUNT_SID.
var dummyConfig = config{
	accountSID: dummyAccountSID, apiKeySID: dummyAPIKeySID, apiSecret: dummyAPISecret,
	serviceSID: dummyServiceSID, dummy: true,
}

// TestSelfTest runs the example as a newcomer would, with no account, and
// checks every line it prints: never the secret.
func TestSelfTest(t *testing.T) {
	t.Parallel()
	var out, logs bytes.Buffer
	require.NoError(t, selfTest(&out, slog.New(slog.NewTextHandler(&logs, nil)), dummyConfig, clock))
	assert.Equal(t, `TWILIO_ACCOUNT_SID is not set: using dummy credentials
issuer: accesstoken.Issuer{AccountSID: AC00000000000000000000000000000000, APIKeySID: SK00000000000000000000000000000000, APISecret: [redacted], TTL: 1h0m0s}
GET /token, not signed in -> 401 Unauthorized
GET /token as alice       -> 200 OK, Cache-Control: no-store
the token's HS256 signature verifies with the API secret; its claims:
  jti       SK00000000000000000000000000000000-1735787045
  iss       SK00000000000000000000000000000000 (API key)
  sub       AC00000000000000000000000000000000 (account)
  identity  alice
  chat      service_sid IS00000000000000000000000000000000
  iat, nbf  2025-01-02T03:04:05Z, 2025-01-02T03:04:05Z
  exp       2025-01-02T04:04:05Z (1h0m0s after iat)
`, out.String())
	assert.NotContains(t, out.String()+logs.String(), dummyAPISecret)
}

// TestSelfTestWithRegion checks that a region set in the configuration
// reaches the token's twr header.
func TestSelfTestWithRegion(t *testing.T) {
	t.Parallel()
	cfg := dummyConfig
	cfg.region, cfg.dummy = "ie1", false
	var out bytes.Buffer
	require.NoError(t, selfTest(&out, slog.New(slog.NewTextHandler(io.Discard, nil)), cfg, clock))
	assert.Contains(t, out.String(), "  twr       ie1\n")
	assert.NotContains(t, out.String(), "TWILIO_ACCOUNT_SID is not set")
}

// TestHandler checks each answer of the endpoint: the token and its
// headers for a signed-in user, and the refusals.
func TestHandler(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		method     string
		session    string
		serviceSID string
		wantStatus int
		wantUser   string
	}{
		{"alice with GET", http.MethodGet, "demo-session-alice", dummyServiceSID, http.StatusOK, "alice"},
		{"bob with POST", http.MethodPost, "demo-session-bob", dummyServiceSID, http.StatusOK, "bob"},
		{"not signed in", http.MethodGet, "", dummyServiceSID, http.StatusUnauthorized, ""},
		{"unknown session", http.MethodGet, "demo-session-mallory", dummyServiceSID, http.StatusUnauthorized, ""},
		{"PUT", http.MethodPut, "demo-session-alice", dummyServiceSID, http.StatusMethodNotAllowed, ""},
		{"token cannot be issued", http.MethodGet, "demo-session-alice", "IS-bad", http.StatusInternalServerError, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var logs bytes.Buffer
			cfg := dummyConfig
			cfg.serviceSID = tt.serviceSID
			h, err := newHandler(cfg, slog.New(slog.NewTextHandler(&logs, nil)), clock)
			require.NoError(t, err)
			req := httptest.NewRequest(tt.method, tokenPath, nil)
			if tt.session != "" {
				req.Header.Set("Authorization", "Bearer "+tt.session)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)

			assert.Equal(t, tt.wantStatus, rec.Code)
			assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"), "every answer")
			assert.NotContains(t, rec.Body.String()+logs.String(), dummyAPISecret)
			switch tt.wantStatus {
			case http.StatusMethodNotAllowed:
				assert.Equal(t, "GET, POST", rec.Header().Get("Allow"))
			case http.StatusInternalServerError:
				assert.Equal(t, "cannot issue a token\n", rec.Body.String(), "no detail for the client")
				assert.Contains(t, logs.String(), "ChatGrant.ServiceSID", "the detail is in the log")
			}
			if tt.wantStatus != http.StatusOK {
				return
			}
			assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
			var body map[string]string
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
			require.Len(t, body, 2, "identity and token, nothing else")
			assert.Equal(t, tt.wantUser, body["identity"])
			claims, err := h.issuer.Parse(body["token"])
			require.NoError(t, err)
			assert.Equal(t, tt.wantUser, claims.Identity)
			assert.Equal(t, &accesstoken.ChatGrant{ServiceSID: dummyServiceSID}, claims.Chat)
			assert.Equal(t, fixedNow.Add(accesstoken.DefaultTTL), claims.ExpiresAt)
		})
	}
}

// TestConfigFromEnv checks the dummy credentials without an account, and
// that a partial configuration names what is missing, without the secret.
func TestConfigFromEnv(t *testing.T) {
	for _, name := range []string{"TWILIO_ACCOUNT_SID", "TWILIO_API_KEY", "TWILIO_API_SECRET", "TWILIO_CHAT_SERVICE_SID", "TWILIO_REGION"} {
		t.Setenv(name, "")
	}
	cfg, err := configFromEnv()
	require.NoError(t, err)
	assert.Equal(t, dummyConfig, cfg)

	t.Setenv("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef")
	t.Setenv("TWILIO_API_SECRET", "real-secret-do-not-print")
	_, err = configFromEnv()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not TWILIO_API_KEY, TWILIO_CHAT_SERVICE_SID:")
	assert.NotContains(t, err.Error(), "real-secret-do-not-print")

	t.Setenv("TWILIO_API_KEY", "SK0123456789abcdef0123456789abcdef")
	t.Setenv("TWILIO_CHAT_SERVICE_SID", "IS0123456789abcdef0123456789abcdef")
	t.Setenv("TWILIO_REGION", "au1")
	cfg, err = configFromEnv()
	require.NoError(t, err)
	assert.Equal(t, config{
		accountSID: "AC0123456789abcdef0123456789abcdef", apiKeySID: "SK0123456789abcdef0123456789abcdef",
		apiSecret: "real-secret-do-not-print", serviceSID: "IS0123456789abcdef0123456789abcdef", region: "au1",
	}, cfg)
}

// TestServeChecksItsSetup checks that serve refuses the dummy credentials
// and bad ones, and returns (rather than waits for a signal) when it cannot
// listen.
func TestServeChecksItsSetup(t *testing.T) {
	t.Parallel()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	assert.ErrorContains(t, serve("127.0.0.1:0", logger, dummyConfig), "TWILIO_ACCOUNT_SID is not set")

	bad := dummyConfig
	bad.dummy, bad.apiKeySID = false, "not-a-key"
	var v *accesstoken.ValidationError
	err := serve("127.0.0.1:0", logger, bad)
	require.ErrorAs(t, err, &v)
	assert.Equal(t, "APIKeySID", v.Field)

	good := dummyConfig
	good.dummy = false
	err = serve("127.0.0.1:-1", logger, good)
	require.Error(t, err)
	assert.False(t, strings.Contains(err.Error(), dummyAPISecret))
}

// TestConversationsServiceToken checks that a Conversation Service SID in
// TWILIO_CHAT_SERVICE_SID gives the token a Conversations client SDK
// takes: its grants are the identity and a chat grant naming that Service.
func TestConversationsServiceToken(t *testing.T) {
	t.Parallel()
	const conversationServiceSID = "IS9876543210fedcba9876543210fedcba"
	cfg := dummyConfig
	cfg.serviceSID = conversationServiceSID
	h, err := newHandler(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), clock)
	require.NoError(t, err)
	req := httptest.NewRequest(http.MethodGet, tokenPath, nil)
	req.Header.Set("Authorization", "Bearer demo-session-bob")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusOK, rec.Code)

	var body tokenResponse
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
	claims, err := h.issuer.Parse(body.Token)
	require.NoError(t, err)
	assert.Equal(t, "bob", claims.Identity)
	assert.Equal(t, &accesstoken.ChatGrant{ServiceSID: conversationServiceSID}, claims.Chat)
	assert.JSONEq(t, `{"service_sid":"IS9876543210fedcba9876543210fedcba"}`, string(claims.Grants["chat"]))
	assert.Len(t, claims.Grants, 1, "the chat grant only")
}
