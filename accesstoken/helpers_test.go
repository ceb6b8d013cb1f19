package accesstoken_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/accesstoken"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Credentials and SIDs the tests use. testSecret must never show up in any
// output: it is long and distinctive so that a test can look for it in any
// text.
const (
	testAccountSID    = "AC0123456789abcdef0123456789abcdef"
	testKeySID        = "SK0123456789abcdef0123456789abcdef"
	testSecret        = "ap1S3cretDoNotPrint0123456789abc"
	otherSecret       = "an0therS3cretDoNotPrint012345678"
	testServiceSID    = "IS0123456789abcdef0123456789abcdef"
	testRoleSID       = "RL0123456789abcdef0123456789abcdef"
	testCredentialSID = "CR0123456789abcdef0123456789abcdef"
)

// testNow is the issuers' clock in the tests: 2024-05-06T07:08:09Z, Unix
// 1714979289.
var testNow = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// clockAt returns a clock that always reads t.
func clockAt(t time.Time) func() time.Time { return func() time.Time { return t } }

// newTestIssuer returns an Issuer with the test credentials and clock, then
// opts.
func newTestIssuer(t testing.TB, opts ...accesstoken.Option) *accesstoken.Issuer {
	t.Helper()
	iss, err := accesstoken.NewIssuer(testAccountSID, testKeySID, testSecret,
		append([]accesstoken.Option{accesstoken.WithClock(clockAt(testNow))}, opts...)...)
	require.NoError(t, err)
	return iss
}

// fullChatGrant is a Chat grant with every field set.
func fullChatGrant() *accesstoken.ChatGrant {
	return &accesstoken.ChatGrant{
		ServiceSID:        testServiceSID,
		EndpointID:        "chatapp:alice:web",
		DeploymentRoleSID: testRoleSID,
		PushCredentialSID: testCredentialSID,
	}
}

// segments decodes a token's header and payload, by hand, numbers as
// json.Number, and checks its HS256 signature with secret.
func segments(t *testing.T, token, secret string) (header, payload map[string]any) {
	t.Helper()
	parts := strings.Split(token, ".")
	require.Len(t, parts, 3, "a JWT has three parts")
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(parts[0] + "." + parts[1]))
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	require.NoError(t, err)
	require.True(t, hmac.Equal(mac.Sum(nil), sig), "HMAC-SHA256 of the first two parts with the secret is the signature")
	return decodeSegment(t, parts[0]), decodeSegment(t, parts[1])
}

// decodeSegment decodes one base64url JSON part of a token.
func decodeSegment(t *testing.T, seg string) map[string]any {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(seg)
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var m map[string]any
	require.NoError(t, dec.Decode(&m))
	return m
}

// signRaw builds an HS256 token from header and payload JSON by hand,
// signed with secret, for the tokens this package would never issue.
func signRaw(header, payload, secret string) string {
	enc := base64.RawURLEncoding
	unsigned := enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString([]byte(payload))
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(unsigned))
	return unsigned + "." + enc.EncodeToString(mac.Sum(nil))
}

// fields returns the Field of every *ValidationError in err's tree, in
// order.
func fields(err error) []string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		var v *accesstoken.ValidationError
		switch e := err.(type) {
		case nil:
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				walk(inner)
			}
		default:
			if errors.As(err, &v) {
				out = append(out, v.Field)
			}
		}
	}
	walk(err)
	return out
}
