package accesstoken_test

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/accesstoken"
)

// issueChat returns a token for alice with a Chat grant from iss.
func issueChat(t *testing.T, iss *accesstoken.Issuer) string {
	t.Helper()
	token, err := iss.Issue("alice", &accesstoken.ChatGrant{ServiceSID: testServiceSID})
	require.NoError(t, err)
	return token
}

// TestParseChecksTheSignature checks that a token verifies with its own
// secret and with no other, and not once changed.
func TestParseChecksTheSignature(t *testing.T) {
	t.Parallel()
	// A real clock: Parse checks the times against time.Now.
	iss, err := accesstoken.NewIssuer(testAccountSID, testKeySID, testSecret)
	require.NoError(t, err)
	token := issueChat(t, iss)

	claims, err := accesstoken.Parse(token, testSecret)
	require.NoError(t, err)
	assert.Equal(t, "alice", claims.Identity)
	assert.Equal(t, testServiceSID, claims.Chat.ServiceSID)

	parts := strings.Split(token, ".")
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	require.NoError(t, err)
	forged := strings.Replace(string(payload), `"alice"`, `"admin"`, 1)
	require.NotEqual(t, string(payload), forged)
	sig := []byte(parts[2])
	sig[0] = map[bool]byte{true: 'B', false: 'A'}[sig[0] == 'A'] // another first 6 bits, still base64url
	tests := map[string]struct{ token, secret string }{
		"another secret":         {token, otherSecret},
		"the secret plus a byte": {token, testSecret + "x"},
		"a changed payload":      {parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(forged)) + "." + parts[2], testSecret},
		"a changed signature":    {parts[0] + "." + parts[1] + "." + string(sig), testSecret},
		"no signature":           {parts[0] + "." + parts[1] + ".", testSecret},
	}
	for name, tt := range tests {
		claims, err := accesstoken.Parse(tt.token, tt.secret)
		assert.ErrorIs(t, err, accesstoken.ErrInvalidSignature, name)
		assert.ErrorIs(t, err, jwt.ErrTokenSignatureInvalid, name)
		assert.Nil(t, claims, name)
		if err != nil {
			assert.NotContains(t, err.Error(), testSecret, name)
			assert.NotContains(t, err.Error(), otherSecret, name)
		}
	}

	_, err = accesstoken.Parse(token, "")
	assert.Equal(t, []string{"APISecret"}, fields(err))
}

// TestParseChecksTheTimes checks exp and nbf at the Issuer's clock: valid
// from nbf up to the second before exp.
func TestParseChecksTheTimes(t *testing.T) {
	t.Parallel()
	token, err := newTestIssuer(t, accesstoken.WithTTL(time.Minute)).
		IssueToken(accesstoken.TokenParams{Identity: "alice", NotBefore: testNow.Add(10 * time.Second)})
	require.NoError(t, err)
	tests := []struct {
		name string
		at   time.Duration // after testNow, the issue time
		want error
	}{
		{"before nbf", 9 * time.Second, accesstoken.ErrNotValidYet},
		{"at nbf", 10 * time.Second, nil},
		{"the last second", 59 * time.Second, nil},
		{"at exp", time.Minute, accesstoken.ErrExpired},
		{"a day later", 24 * time.Hour, accesstoken.ErrExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			claims, err := newTestIssuer(t, accesstoken.WithClock(clockAt(testNow.Add(tt.at)))).Parse(token)
			if tt.want == nil {
				require.NoError(t, err)
				assert.Equal(t, testNow.Add(10*time.Second), claims.NotBefore)
				assert.Equal(t, testNow.Add(time.Minute), claims.ExpiresAt)
				return
			}
			assert.ErrorIs(t, err, tt.want)
			assert.Nil(t, claims)
		})
	}
}

// TestIssuerParseChecksTheIssuer checks that Issuer.Parse refuses a token
// well signed with its secret that names another API key or account.
func TestIssuerParseChecksTheIssuer(t *testing.T) {
	t.Parallel()
	const otherAccount = "ACffffffffffffffffffffffffffffffff"
	const otherKey = "SKffffffffffffffffffffffffffffffff"
	for name, creds := range map[string][2]string{
		"another account": {otherAccount, testKeySID},
		"another API key": {testAccountSID, otherKey},
	} {
		other, err := accesstoken.NewIssuer(creds[0], creds[1], testSecret, accesstoken.WithClock(clockAt(testNow)))
		require.NoError(t, err)
		_, err = newTestIssuer(t).Parse(issueChat(t, other))
		assert.ErrorIs(t, err, accesstoken.ErrWrongIssuer, name)
	}
	_, err := newTestIssuer(t).Parse(issueChat(t, newTestIssuer(t)))
	assert.NoError(t, err)
}

// TestParseOtherLibrariesTokens checks tokens as other libraries write
// them: no iat (twilio-go), times with a fraction of a second, no
// identity, an unknown grant.
func TestParseOtherLibrariesTokens(t *testing.T) {
	t.Parallel()
	header := `{"alg":"HS256","cty":"twilio-fpa;v=1","typ":"JWT"}`
	iss := newTestIssuer(t)
	tests := []struct {
		name    string
		payload string
		want    accesstoken.Claims
	}{
		{
			name: "no iat, float times",
			payload: `{"jti":"SK0123456789abcdef0123456789abcdef-1714979289","iss":"SK0123456789abcdef0123456789abcdef",` +
				`"sub":"AC0123456789abcdef0123456789abcdef","nbf":1714979289.0,"exp":1714982889.5,` +
				`"grants":{"identity":"alice","chat":{"service_sid":"IS0123456789abcdef0123456789abcdef"}}}`,
			want: accesstoken.Claims{
				ID: "SK0123456789abcdef0123456789abcdef-1714979289", APIKeySID: testKeySID, AccountSID: testAccountSID,
				NotBefore: testNow, ExpiresAt: testNow.Add(time.Hour + 500*time.Millisecond).Truncate(time.Second),
				Identity: "alice", Chat: &accesstoken.ChatGrant{ServiceSID: testServiceSID},
				Grants: map[string]json.RawMessage{"chat": json.RawMessage(`{"service_sid":"IS0123456789abcdef0123456789abcdef"}`)},
			},
		},
		{
			name: "no identity, no nbf, a grant this package does not know",
			payload: `{"iss":"SK0123456789abcdef0123456789abcdef","sub":"AC0123456789abcdef0123456789abcdef",` +
				`"exp":1714982889,"grants":{"voice":{"incoming":{"allow":true}}}}`,
			want: accesstoken.Claims{
				APIKeySID: testKeySID, AccountSID: testAccountSID, ExpiresAt: testNow.Add(time.Hour),
				Grants: map[string]json.RawMessage{"voice": json.RawMessage(`{"incoming":{"allow":true}}`)},
			},
		},
	}
	for _, tt := range tests {
		claims, err := iss.Parse(signRaw(header, tt.payload, testSecret))
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, *claims, tt.name)
	}
}

// TestParseMalformed checks that tokens well signed with the secret but
// not Twilio Access Tokens, and texts that are not tokens, are ErrMalformed
// (or, for another algorithm, ErrInvalidSignature), without the secret.
func TestParseMalformed(t *testing.T) {
	t.Parallel()
	const (
		header  = `{"alg":"HS256","cty":"twilio-fpa;v=1","typ":"JWT"}`
		claims  = `"iss":"SK0123456789abcdef0123456789abcdef","sub":"AC0123456789abcdef0123456789abcdef","exp":1714982889`
		payload = `{` + claims + `,"grants":{"identity":"alice"}}`
	)
	iss := newTestIssuer(t)
	require.NoError(t, func() error { _, err := iss.Parse(signRaw(header, payload, testSecret)); return err }(),
		"the base of the cases below parses")

	hs512 := jwt.NewWithClaims(jwt.SigningMethodHS512, jwt.MapClaims{"iss": testKeySID, "sub": testAccountSID, "exp": 1714982889, "grants": map[string]any{}})
	hs512.Header["cty"] = "twilio-fpa;v=1"
	hs512Token, err := hs512.SignedString([]byte(testSecret))
	require.NoError(t, err)
	none := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","cty":"twilio-fpa;v=1","typ":"JWT"}`)) + "." +
		base64.RawURLEncoding.EncodeToString([]byte(payload)) + "."

	tests := []struct {
		name  string
		token string
		want  error
	}{
		{"empty", "", accesstoken.ErrMalformed},
		{"not a JWT", "hello", accesstoken.ErrMalformed},
		{"two parts", "a.b", accesstoken.ErrMalformed},
		{"not base64", "!!.??.**", accesstoken.ErrMalformed},
		{"payload not JSON", signRaw(header, `{"iss":`, testSecret), accesstoken.ErrMalformed},
		{"header not JSON", signRaw(`[`, payload, testSecret), accesstoken.ErrMalformed},
		{"alg none", none, accesstoken.ErrInvalidSignature},
		{"alg HS512", hs512Token, accesstoken.ErrInvalidSignature},
		{"unknown alg", signRaw(`{"alg":"XX256","cty":"twilio-fpa;v=1"}`, payload, testSecret), accesstoken.ErrMalformed},
		{"no cty", signRaw(`{"alg":"HS256","typ":"JWT"}`, payload, testSecret), accesstoken.ErrMalformed},
		{"another cty", signRaw(`{"alg":"HS256","cty":"JWT"}`, payload, testSecret), accesstoken.ErrMalformed},
		{"cty not a string", signRaw(`{"alg":"HS256","cty":1}`, payload, testSecret), accesstoken.ErrMalformed},
		{"twr not a string", signRaw(`{"alg":"HS256","cty":"twilio-fpa;v=1","twr":1}`, payload, testSecret), accesstoken.ErrMalformed},
		{"no iss", signRaw(header, `{"sub":"AC0123456789abcdef0123456789abcdef","exp":1714982889,"grants":{}}`, testSecret), accesstoken.ErrMalformed},
		{"no sub", signRaw(header, `{"iss":"SK0123456789abcdef0123456789abcdef","exp":1714982889,"grants":{}}`, testSecret), accesstoken.ErrMalformed},
		{"no exp", signRaw(header, `{"iss":"SK0123456789abcdef0123456789abcdef","sub":"AC0123456789abcdef0123456789abcdef","grants":{}}`, testSecret), accesstoken.ErrMalformed},
		{"exp a string", signRaw(header, `{`+claims[:len(claims)-len(`1714982889`)]+`"soon","grants":{}}`, testSecret), accesstoken.ErrMalformed},
		{"no grants", signRaw(header, `{`+claims+`}`, testSecret), accesstoken.ErrMalformed},
		{"grants null", signRaw(header, `{`+claims+`,"grants":null}`, testSecret), accesstoken.ErrMalformed},
		{"grants an array", signRaw(header, `{`+claims+`,"grants":[]}`, testSecret), accesstoken.ErrMalformed},
		{"identity a number", signRaw(header, `{`+claims+`,"grants":{"identity":1}}`, testSecret), accesstoken.ErrMalformed},
		{"chat a string", signRaw(header, `{`+claims+`,"grants":{"identity":"a","chat":"IS"}}`, testSecret), accesstoken.ErrMalformed},
		{"chat with a numeric service_sid", signRaw(header, `{`+claims+`,"grants":{"identity":"a","chat":{"service_sid":1}}}`, testSecret), accesstoken.ErrMalformed},
		{"another grant not an object", signRaw(header, `{`+claims+`,"grants":{"video":true}}`, testSecret), accesstoken.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			claims, err := iss.Parse(tt.token)
			assert.ErrorIs(t, err, tt.want)
			assert.Nil(t, claims)
			if err != nil {
				assert.NotContains(t, err.Error(), testSecret)
			}
		})
	}
}
