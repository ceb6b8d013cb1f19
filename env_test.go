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
		name string
		vars map[string]string
		opts []Option
		want string
	}{
		{"nothing set", nil, nil, "TWILIO_ACCOUNT_SID is not set"},
		{"no account", with(map[string]string{envAccountSID: ""}), nil, "TWILIO_ACCOUNT_SID is not set"},
		{"account is the token", with(map[string]string{envAccountSID: testAuthToken}), nil, "TWILIO_ACCOUNT_SID is not AC followed by 32 hex digits"},
		{"account with a newline", with(map[string]string{envAccountSID: testAccountSID + "\n"}), nil, "TWILIO_ACCOUNT_SID starts or ends with white space"},
		{"no token", with(map[string]string{envAuthToken: ""}), nil, "TWILIO_AUTH_TOKEN is not set, nor are TWILIO_API_KEY and TWILIO_API_SECRET"},
		{"token with a space", with(map[string]string{envAuthToken: " " + testAuthToken}), nil, "TWILIO_AUTH_TOKEN starts or ends with white space"},
		{"key without secret", with(map[string]string{envAPIKey: testKeySID}), nil, "TWILIO_API_SECRET is not set, but TWILIO_API_KEY is"},
		{"secret without key", with(map[string]string{envAPISecret: testKeySecret}), nil, "TWILIO_API_KEY is not set, but TWILIO_API_SECRET is"},
		{"key is the secret", with(map[string]string{envAPIKey: testKeySecret, envAPISecret: testKeySID}), nil, "TWILIO_API_KEY is not SK followed by 32 hex digits"},
		{"key is an account SID", with(map[string]string{envAPIKey: testAccountSID, envAPISecret: testKeySecret}), nil, "TWILIO_API_KEY is not SK followed by 32 hex digits"},
		{"secret with a newline", with(map[string]string{envAPIKey: testKeySID, envAPISecret: testKeySecret + "\r\n"}), nil, "TWILIO_API_SECRET starts or ends with white space"},
		{"bad edge", with(map[string]string{envEdge: "Dublin"}), nil, "TWILIO_EDGE is not a host name label (lower-case letters, digits and hyphens)"},
		{"edge is a secret", with(map[string]string{envEdge: testKeySecret}), nil, "TWILIO_EDGE is not a host name label (lower-case letters, digits and hyphens)"},
		{"bad region", with(map[string]string{envRegion: "ie1.evil.com"}), nil, "TWILIO_REGION is not a host name label (lower-case letters, digits and hyphens)"},
		{"region and WithBaseURL", with(map[string]string{envRegion: "ie1"}), []Option{WithBaseURL("http://127.0.0.1:1")}, "TWILIO_REGION is set, and WithBaseURL cannot be combined with an edge or a region"},
		{"bad option", valid, []Option{WithUserAgent("a\nb")}, "twiliochat: WithUserAgent: control character U+000A in the user agent"},
		{"nil option", valid, []Option{nil}, "twiliochat: option 0 is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setEnv(t, tt.vars)
			c, err := NewClientFromEnv(tt.opts...)
			require.Error(t, err)
			assert.Nil(t, c)
			want := tt.want
			if !strings.HasPrefix(want, "twiliochat: ") {
				want = "twiliochat: NewClientFromEnv: " + want
			}
			assert.Equal(t, want, err.Error())
			var valErr *ValidationError
			if errors.As(err, &valErr) {
				assert.Equal(t, "AccountSid", valErr.Field, "as NewClient says of the account SID")
			}
			assert.Equal(t, strings.HasPrefix(tt.want, envAccountSID), IsValidation(err))
		})
	}
}
