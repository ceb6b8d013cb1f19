package twiliochat

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// setEnv sets every variable NewClientFromEnv reads, for the test: those in
// vars, and the others empty.
func setEnv(t *testing.T, vars map[string]string) {
	t.Helper()
	for _, name := range []string{envAccountSID, envAuthToken, envAPIKey, envAPISecret, envEdge, envRegion} {
		t.Setenv(name, vars[name])
	}
}

// TestNewClientFromEnv checks the variables NewClientFromEnv reads.
func TestNewClientFromEnv(t *testing.T) {
	setEnv(t, map[string]string{
		envAccountSID: testAccountSID,
		envAPIKey:     testKeySID,
		envAPISecret:  testKeySecret,
		envEdge:       "sydney",
		envRegion:     "au1",
	})
	c, err := NewClientFromEnv(WithUserAgent("env-test"))
	require.NoError(t, err)
	assert.Equal(t, "https://chat.sydney.au1.twilio.com", c.base)
	assert.Equal(t, testAccountSID, c.accountSID)
	req := &http.Request{Header: http.Header{"Authorization": {c.creds.authorization()}}}
	user, pass, ok := req.BasicAuth()
	require.True(t, ok)
	assert.Equal(t, testKeySID, user)
	assert.Equal(t, testKeySecret, pass)
	assert.True(t, strings.HasSuffix(c.userAgent, " env-test"))
}

// TestNewClientFromEnvOptions checks the variables that the caller's options
// make unnecessary, and that those options win over the environment.
func TestNewClientFromEnvOptions(t *testing.T) {
	setEnv(t, map[string]string{envAccountSID: testAccountSID, envRegion: "ie1"})
	c, err := NewClientFromEnv(WithAPIKey(testKeySID, testKeySecret), WithRegion("au1"))
	require.NoError(t, err, "an API key from the options needs no TWILIO_AUTH_TOKEN")
	assert.Equal(t, "https://chat.au1.twilio.com", c.base)

	setEnv(t, map[string]string{envAccountSID: testAccountSID, envAuthToken: testAuthToken})
	c, err = NewClientFromEnv(WithBaseURL("http://127.0.0.1:1"))
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:1", c.base)
	req := &http.Request{Header: http.Header{"Authorization": {c.creds.authorization()}}}
	user, pass, _ := req.BasicAuth()
	assert.Equal(t, []string{testAccountSID, testAuthToken}, []string{user, pass})
}

// TestNewClientFromEnvErrors checks that each missing or malformed variable
// is named in the error, and that no value, secret or not, is in it.
func TestNewClientFromEnvErrors(t *testing.T) {
	valid := map[string]string{envAccountSID: testAccountSID, envAuthToken: testAuthToken}
	with := func(changes map[string]string) map[string]string {
		vars := map[string]string{}
		for k, v := range valid {
			vars[k] = v
		}
		for k, v := range changes {
			vars[k] = v
		}
		return vars
	}
	tests := []struct {
		name  string
		vars  map[string]string
		opts  []Option
		field string
		want  string
	}{
		{"nothing set", nil, nil, envAccountSID, "is not set"},
		{"no account", with(map[string]string{envAccountSID: ""}), nil, envAccountSID, "is not set"},
		{"account is the token", with(map[string]string{envAccountSID: testAuthToken}), nil, envAccountSID, "is not AC followed by 32 hex digits"},
		{"account with a newline", with(map[string]string{envAccountSID: testAccountSID + "\n"}), nil, envAccountSID, "starts or ends with white space"},
		{"no token", with(map[string]string{envAuthToken: ""}), nil, envAuthToken, "is not set, nor are TWILIO_API_KEY and TWILIO_API_SECRET"},
		{"token with a space", with(map[string]string{envAuthToken: " " + testAuthToken}), nil, envAuthToken, "starts or ends with white space"},
		{"key without secret", with(map[string]string{envAPIKey: testKeySID}), nil, envAPISecret, "is not set, but TWILIO_API_KEY is"},
		{"secret without key", with(map[string]string{envAPISecret: testKeySecret}), nil, envAPIKey, "is not set, but TWILIO_API_SECRET is"},
		{"key is the secret", with(map[string]string{envAPIKey: testKeySecret, envAPISecret: testKeySID}), nil, envAPIKey, "is not SK followed by 32 hex digits"},
		{"key is an account SID", with(map[string]string{envAPIKey: testAccountSID, envAPISecret: testKeySecret}), nil, envAPIKey, "is not SK followed by 32 hex digits"},
		{"secret with a newline", with(map[string]string{envAPIKey: testKeySID, envAPISecret: testKeySecret + "\r\n"}), nil, envAPISecret, "starts or ends with white space"},
		{"bad edge", with(map[string]string{envEdge: "Dublin"}), nil, envEdge, "is not a host name label (lower-case letters, digits and hyphens)"},
		{"edge is a secret", with(map[string]string{envEdge: testKeySecret}), nil, envEdge, "is not a host name label (lower-case letters, digits and hyphens)"},
		{"bad region", with(map[string]string{envRegion: "ie1.evil.com"}), nil, envRegion, "is not a host name label (lower-case letters, digits and hyphens)"},
		{"region and WithBaseURL", with(map[string]string{envRegion: "ie1"}), []Option{WithBaseURL("http://127.0.0.1:1")}, envRegion, "is set, and WithBaseURL cannot be combined with an edge or a region"},
		{"bad option", valid, []Option{WithUserAgent("a\nb")}, "WithUserAgent", "control character U+000A in the user agent"},
		{"nil option", valid, []Option{nil}, "opts[0]", "is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setEnv(t, tt.vars)
			c, err := NewClientFromEnv(tt.opts...)
			assert.Nil(t, c)
			var valErr *ValidationError
			require.True(t, errors.As(err, &valErr), "%T %v", err, err)
			assert.Equal(t, tt.field, valErr.Field)
			assert.Equal(t, tt.want, valErr.Reason)
			assert.Equal(t, "twiliochat: invalid "+tt.field+": "+tt.want, err.Error())
			for _, v := range tt.vars {
				if v != "" && v != "ie1" {
					assert.NotContains(t, err.Error(), strings.TrimSpace(v), "the error shows a variable's value")
				}
			}
		})
	}
}
