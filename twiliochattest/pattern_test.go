package twiliochattest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPatternMatch(t *testing.T) {
	t.Parallel()
	const (
		svc  = "/v2/Services/IS0123456789abcdef0123456789abcdef"
		role = svc + "/Roles/RL0123456789abcdef0123456789abcdef"
	)
	tests := []struct {
		pattern, method, path string
		want                  bool
	}{
		{"POST /v2/Services/{Sid}", "POST", svc, true},
		{"POST /v2/Services/{Sid}", "GET", svc, false},
		{"POST /v2/Services/{Sid}", "POST", "/v2/Services", false},
		{"POST /v2/Services/{Sid}", "POST", "/v2/Services/", false},
		{"POST /v2/Services/{Sid}", "POST", role, false},
		{"/v2/Services/{Sid}", "DELETE", svc, true},
		{"/v2/Services", "GET", "/v2/Services", true},
		{"/v2/Services", "GET", "/v2/Services/", false},
		{"/v2/Services", "GET", svc, false},
		{"GET " + svc, "GET", svc, true},
		{"GET " + svc, "GET", "/v2/Services/IS0000000000000000000000000000000f", false},
		{"/v2/Services/{ServiceSid}/Roles/{Sid}", "GET", role, true},
		{"/v2/Services/{ServiceSid}/Roles/{Sid}", "GET", svc + "/Users/US0123456789abcdef0123456789abcdef", false},
		{"/v2/Services/{rest...}", "GET", role, true},
		{"/v2/Services/{rest...}", "GET", "/v2/Services", true},
		{"/v2/Services/{rest...}", "GET", "/v2/Credentials", false},
		{"/{all...}", "PUT", "/anything/at/all", true},
		{"/v2/Services", "GET", "v2/Services", false},
		// Paths are matched as sent, escaped: a name is one segment.
		{"GET /v2/Services/{ServiceSid}/Channels/{Sid}", "GET", svc + "/Channels/support%2Femea", true},
		{"GET /v2/Services/{ServiceSid}/Channels/{Sid}", "GET", svc + "/Channels/support/emea", false},
		{"GET " + svc + "/Channels/support%2Femea", "GET", svc + "/Channels/support%2Femea", true},
		{"GET " + svc + "/Channels/support%2Femea", "GET", svc + "/Channels/support%2femea", true},
		{"GET " + svc + "/Channels/support%2Femea", "GET", svc + "/Channels/support/emea", false},
		{"GET " + svc + "/Channels/caf%C3%A9", "GET", svc + "/Channels/café", true},
		{"GET " + svc + "/Channels/100%25", "GET", svc + "/Channels/100%25", true},
		{"GET " + svc + "/Channels/100%", "GET", svc + "/Channels/100%25", true},
		{"GET " + svc + "/Channels/a%3Fb%23c%20d", "GET", svc + "/Channels/a%3Fb%23c%20d", true},
		{"GET " + svc + "/Channels/a%3Fb", "GET", svc + "/Channels/a", false},
	}
	for _, tt := range tests {
		t.Run(tt.pattern+" "+tt.method+" "+tt.path, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, parsePattern(tt.pattern).match(tt.method, tt.path))
		})
	}
}

func TestPatternMalformed(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"no slash":             "v2/Services",
		"lower-case method":    "post /v2/Services",
		"empty method":         " /v2/Services",
		"method only":          "GET",
		"empty wildcard":       "/v2/Services/{}",
		"half a wildcard":      "/v2/Services/{Sid",
		"brace inside":         "/v2/Services/IS{Sid}",
		"rest before the end":  "/v2/{rest...}/Roles",
		"two spaces":           "GET  /v2/Services",
		"slash in the method":  "GET/ /v2",
		"nested braces":        "/v2/{{Sid}}",
		"closing brace only":   "/v2/Sid}",
		"wildcard with spaces": "GET /v2/{ Sid }/x y",
	}
	for name, pattern := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			assert.Panics(t, func() { parsePattern(pattern) }, "%q", pattern)
		})
	}
}
