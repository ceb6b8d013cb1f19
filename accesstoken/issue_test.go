package accesstoken_test

import (
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/accesstoken"
)

// TestGoldenToken issues tokens for fixed inputs at a fixed time and checks
// them byte for byte against testdata, then checks the signature, the
// header and every claim, decoded by hand.
func TestGoldenToken(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		golden      string
		opts        []accesstoken.Option
		identity    string
		grant       *accesstoken.ChatGrant
		wantHeader  string
		wantPayload string
		wantClaims  accesstoken.Claims
	}{
		{
			name:       "every Chat grant field, default TTL",
			golden:     "testdata/accesstoken_chat.jwt",
			identity:   "alice",
			grant:      fullChatGrant(),
			wantHeader: `{"alg":"HS256","cty":"twilio-fpa;v=1","typ":"JWT"}`,
			wantPayload: `{
				"jti": "SK0123456789abcdef0123456789abcdef-1714979289",
				"iss": "SK0123456789abcdef0123456789abcdef",
				"sub": "AC0123456789abcdef0123456789abcdef",
				"iat": 1714979289,
				"nbf": 1714979289,
				"exp": 1714982889,
				"grants": {
					"identity": "alice",
					"chat": {
						"service_sid": "IS0123456789abcdef0123456789abcdef",
						"endpoint_id": "chatapp:alice:web",
						"deployment_role_sid": "RL0123456789abcdef0123456789abcdef",
						"push_credential_sid": "CR0123456789abcdef0123456789abcdef"
					}
				}
			}`,
			wantClaims: accesstoken.Claims{
				ID:         "SK0123456789abcdef0123456789abcdef-1714979289",
				APIKeySID:  testKeySID,
				AccountSID: testAccountSID,
				IssuedAt:   testNow,
				NotBefore:  testNow,
				ExpiresAt:  testNow.Add(time.Hour),
				Identity:   "alice",
				Chat:       fullChatGrant(),
				Grants: map[string]json.RawMessage{"chat": json.RawMessage(`{"service_sid":"IS0123456789abcdef0123456789abcdef",` +
					`"endpoint_id":"chatapp:alice:web","deployment_role_sid":"RL0123456789abcdef0123456789abcdef",` +
					`"push_credential_sid":"CR0123456789abcdef0123456789abcdef"}`)},
			},
		},
		{
			name:       "region, five-minute TTL, empty grant fields left out",
			golden:     "testdata/accesstoken_chat_region.jwt",
			opts:       []accesstoken.Option{accesstoken.WithRegion("ie1"), accesstoken.WithTTL(5 * time.Minute)},
			identity:   "bob",
			grant:      &accesstoken.ChatGrant{ServiceSID: testServiceSID},
			wantHeader: `{"alg":"HS256","cty":"twilio-fpa;v=1","twr":"ie1","typ":"JWT"}`,
			wantPayload: `{
				"jti": "SK0123456789abcdef0123456789abcdef-1714979289",
				"iss": "SK0123456789abcdef0123456789abcdef",
				"sub": "AC0123456789abcdef0123456789abcdef",
				"iat": 1714979289,
				"nbf": 1714979289,
				"exp": 1714979589,
				"grants": {"identity": "bob", "chat": {"service_sid": "IS0123456789abcdef0123456789abcdef"}}
			}`,
			wantClaims: accesstoken.Claims{
				ID:         "SK0123456789abcdef0123456789abcdef-1714979289",
				APIKeySID:  testKeySID,
				AccountSID: testAccountSID,
				IssuedAt:   testNow,
				NotBefore:  testNow,
				ExpiresAt:  testNow.Add(5 * time.Minute),
				Region:     "ie1",
				Identity:   "bob",
				Chat:       &accesstoken.ChatGrant{ServiceSID: testServiceSID},
				Grants:     map[string]json.RawMessage{"chat": json.RawMessage(`{"service_sid":"IS0123456789abcdef0123456789abcdef"}`)},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			iss := newTestIssuer(t, tt.opts...)
			token, err := iss.Issue(tt.identity, tt.grant)
			require.NoError(t, err)

			if *update {
				require.NoError(t, os.WriteFile(tt.golden, []byte(token+"\n"), 0o644))
			}
			golden, err := os.ReadFile(tt.golden)
			require.NoError(t, err)
			assert.Equal(t, strings.TrimSuffix(string(golden), "\n"), token, "the token is the golden one, byte for byte")

			header, payload := segments(t, token, testSecret)
			assert.Equal(t, decodeJSON(t, tt.wantHeader), header)
			assert.Equal(t, decodeJSON(t, tt.wantPayload), payload)

			claims, err := iss.Parse(token)
			require.NoError(t, err)
			assert.Equal(t, tt.wantClaims, *claims)
		})
	}
}

// decodeJSON decodes a JSON object with numbers as json.Number, as
// segments does.
func decodeJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var m map[string]any
	require.NoError(t, dec.Decode(&m))
	return m
}

// TestValidity checks iat, nbf and exp for each way of setting them: the
// TTL is honoured exactly, short ones included, and an explicit expiry or
// not-before time is written as given, in whole seconds.
func TestValidity(t *testing.T) {
	t.Parallel()
	iat := testNow.Unix()
	tests := []struct {
		name    string
		opts    []accesstoken.Option
		params  accesstoken.TokenParams
		wantNbf int64
		wantExp int64
	}{
		{"default TTL is an hour", nil, accesstoken.TokenParams{}, iat, iat + 3600},
		{"TTL of five minutes", []accesstoken.Option{accesstoken.WithTTL(5 * time.Minute)}, accesstoken.TokenParams{}, iat, iat + 300},
		{"TTL of one second", []accesstoken.Option{accesstoken.WithTTL(time.Second)}, accesstoken.TokenParams{}, iat, iat + 1},
		{"TTL of 24 hours", []accesstoken.Option{accesstoken.WithTTL(24 * time.Hour)}, accesstoken.TokenParams{}, iat, iat + 86400},
		{"explicit expiry wins over the TTL", []accesstoken.Option{accesstoken.WithTTL(time.Hour)},
			accesstoken.TokenParams{ExpiresAt: testNow.Add(90 * time.Second)}, iat, iat + 90},
		{"explicit expiry 24 hours on", nil, accesstoken.TokenParams{ExpiresAt: testNow.Add(24 * time.Hour)}, iat, iat + 86400},
		{"explicit expiry in another zone, fraction dropped", nil,
			accesstoken.TokenParams{ExpiresAt: testNow.Add(10*time.Minute + 500*time.Millisecond).In(time.FixedZone("UTC+5", 5*3600))}, iat, iat + 600},
		{"not-before later", nil, accesstoken.TokenParams{NotBefore: testNow.Add(time.Minute)}, iat + 60, iat + 3600},
		{"not-before earlier", nil, accesstoken.TokenParams{NotBefore: testNow.Add(-time.Minute)}, iat - 60, iat + 3600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := tt.params
			p.Identity = "alice"
			p.Grants = []accesstoken.Grant{&accesstoken.ChatGrant{ServiceSID: testServiceSID}}
			token, err := newTestIssuer(t, tt.opts...).IssueToken(p)
			require.NoError(t, err)
			_, payload := segments(t, token, testSecret)
			assert.Equal(t, json.Number(itoa(iat)), payload["iat"])
			assert.Equal(t, json.Number(itoa(tt.wantNbf)), payload["nbf"])
			assert.Equal(t, json.Number(itoa(tt.wantExp)), payload["exp"])
			assert.Equal(t, testKeySID+"-"+itoa(iat), payload["jti"])
		})
	}
}

// TestShortTTL is the issue's own check: a five-minute TTL gives
// exp - iat == 300, read back with Parse.
func TestShortTTL(t *testing.T) {
	t.Parallel()
	iss := newTestIssuer(t, accesstoken.WithTTL(5*time.Minute))
	token, err := iss.Issue("alice", &accesstoken.ChatGrant{ServiceSID: testServiceSID})
	require.NoError(t, err)
	claims, err := iss.Parse(token)
	require.NoError(t, err)
	assert.Equal(t, int64(300), claims.ExpiresAt.Unix()-claims.IssuedAt.Unix())
}

// itoa formats n in decimal, as a token's times and jti are written.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestNewIssuerRejects checks that every bad credential and option is a
// *ValidationError naming it, all of them at once, without the secret.
func TestNewIssuerRejects(t *testing.T) {
	t.Parallel()
	hex := testAccountSID[2:]
	tests := []struct {
		name       string
		accountSID string
		keySID     string
		secret     string
		opts       []accesstoken.Option
		want       []string
	}{
		{"empty account SID", "", testKeySID, testSecret, nil, []string{"AccountSID"}},
		{"account SID with the wrong prefix", "SK" + hex, testKeySID, testSecret, nil, []string{"AccountSID"}},
		{"account SID too short", testAccountSID[:33], testKeySID, testSecret, nil, []string{"AccountSID"}},
		{"account SID not hex", "AC" + hex[:31] + "g", testKeySID, testSecret, nil, []string{"AccountSID"}},
		{"empty API key SID", testAccountSID, "", testSecret, nil, []string{"APIKeySID"}},
		{"API key SID with the account prefix", testAccountSID, testAccountSID, testSecret, nil, []string{"APIKeySID"}},
		{"API key SID too long", testAccountSID, testKeySID + "0", testSecret, nil, []string{"APIKeySID"}},
		{"empty secret", testAccountSID, testKeySID, "", nil, []string{"APISecret"}},
		{"all three", "", "", "", nil, []string{"AccountSID", "APIKeySID", "APISecret"}},
		{"zero TTL", testAccountSID, testKeySID, testSecret, []accesstoken.Option{accesstoken.WithTTL(0)}, []string{"TTL"}},
		{"negative TTL", testAccountSID, testKeySID, testSecret, []accesstoken.Option{accesstoken.WithTTL(-time.Minute)}, []string{"TTL"}},
		{"TTL under a second", testAccountSID, testKeySID, testSecret, []accesstoken.Option{accesstoken.WithTTL(time.Millisecond)}, []string{"TTL"}},
		{"TTL with a fraction of a second", testAccountSID, testKeySID, testSecret, []accesstoken.Option{accesstoken.WithTTL(1500 * time.Millisecond)}, []string{"TTL"}},
		{"TTL over 24 hours", testAccountSID, testKeySID, testSecret, []accesstoken.Option{accesstoken.WithTTL(24*time.Hour + time.Second)}, []string{"TTL"}},
		{"empty region", testAccountSID, testKeySID, testSecret, []accesstoken.Option{accesstoken.WithRegion("")}, []string{"Region"}},
		{"upper-case region", testAccountSID, testKeySID, testSecret, []accesstoken.Option{accesstoken.WithRegion("US1")}, []string{"Region"}},
		{"region with a dot", testAccountSID, testKeySID, testSecret, []accesstoken.Option{accesstoken.WithRegion("us1.evil")}, []string{"Region"}},
		{"nil clock", testAccountSID, testKeySID, testSecret, []accesstoken.Option{accesstoken.WithClock(nil)}, []string{"Clock"}},
		{"nil option", testAccountSID, testKeySID, testSecret, []accesstoken.Option{nil}, []string{"Option[0]"}},
		{"credentials and options together", "AC", testKeySID, "", []accesstoken.Option{accesstoken.WithTTL(0), accesstoken.WithRegion("?")},
			[]string{"AccountSID", "APISecret", "TTL", "Region"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			iss, err := accesstoken.NewIssuer(tt.accountSID, tt.keySID, tt.secret, tt.opts...)
			require.Error(t, err)
			assert.Nil(t, iss)
			assert.Equal(t, tt.want, fields(err))
			var v *accesstoken.ValidationError
			require.ErrorAs(t, err, &v)
			assert.Equal(t, tt.want[0], v.Field)
			for _, f := range tt.want {
				assert.Contains(t, err.Error(), "accesstoken: invalid "+f+": ")
			}
			assert.NotContains(t, err.Error(), testSecret)
		})
	}
}

// TestIssueRejects checks that every bad token input is a *ValidationError
// naming it, nothing signed, without the secret.
func TestIssueRejects(t *testing.T) {
	t.Parallel()
	hex := testServiceSID[2:]
	chat := func(g accesstoken.ChatGrant) []accesstoken.Grant { return []accesstoken.Grant{&g} }
	tests := []struct {
		name   string
		params accesstoken.TokenParams
		clock  time.Time
		want   []string
	}{
		{"empty identity with a Chat grant", accesstoken.TokenParams{Grants: chat(accesstoken.ChatGrant{ServiceSID: testServiceSID})}, testNow, []string{"Identity"}},
		{"service SID with the role prefix", accesstoken.TokenParams{Identity: "alice", Grants: chat(accesstoken.ChatGrant{ServiceSID: "RL" + hex})}, testNow, []string{"ChatGrant.ServiceSID"}},
		{"service SID with a slash", accesstoken.TokenParams{Identity: "alice", Grants: chat(accesstoken.ChatGrant{ServiceSID: "IS" + hex[:31] + "/"})}, testNow, []string{"ChatGrant.ServiceSID"}},
		{"role SID with the service prefix", accesstoken.TokenParams{Identity: "alice", Grants: chat(accesstoken.ChatGrant{DeploymentRoleSID: testServiceSID})}, testNow, []string{"ChatGrant.DeploymentRoleSID"}},
		{"credential SID too short", accesstoken.TokenParams{Identity: "alice", Grants: chat(accesstoken.ChatGrant{PushCredentialSID: "CR" + hex[:31]})}, testNow, []string{"ChatGrant.PushCredentialSID"}},
		{"every Chat grant field wrong", accesstoken.TokenParams{Grants: chat(accesstoken.ChatGrant{ServiceSID: "x", DeploymentRoleSID: "y", PushCredentialSID: "z"})}, testNow,
			[]string{"Identity", "ChatGrant.ServiceSID", "ChatGrant.DeploymentRoleSID", "ChatGrant.PushCredentialSID"}},
		{"nil grant", accesstoken.TokenParams{Identity: "alice", Grants: []accesstoken.Grant{nil}}, testNow, []string{"Grants[0]"}},
		{"nil *ChatGrant", accesstoken.TokenParams{Identity: "alice", Grants: []accesstoken.Grant{(*accesstoken.ChatGrant)(nil)}}, testNow, []string{"Grants[0]"}},
		{"two Chat grants", accesstoken.TokenParams{Identity: "alice", Grants: []accesstoken.Grant{fullChatGrant(), fullChatGrant()}}, testNow, []string{"Grants[1]"}},
		{"expiry at the issue time", accesstoken.TokenParams{ExpiresAt: testNow}, testNow, []string{"ExpiresAt"}},
		{"expiry before the issue time", accesstoken.TokenParams{ExpiresAt: testNow.Add(-time.Hour)}, testNow, []string{"ExpiresAt"}},
		{"expiry beyond 24 hours", accesstoken.TokenParams{ExpiresAt: testNow.Add(24*time.Hour + time.Second)}, testNow, []string{"ExpiresAt"}},
		{"not-before at the expiry", accesstoken.TokenParams{NotBefore: testNow.Add(time.Hour)}, testNow, []string{"NotBefore"}},
		{"not-before after an explicit expiry", accesstoken.TokenParams{NotBefore: testNow.Add(2 * time.Minute), ExpiresAt: testNow.Add(time.Minute)}, testNow, []string{"NotBefore"}},
		{"clock before 1970", accesstoken.TokenParams{Identity: "alice"}, time.Time{}, []string{"Clock"}},
		{"clock at the Unix epoch", accesstoken.TokenParams{Identity: "alice"}, time.Unix(0, 0), []string{"Clock"}},
		{"times and grants together", accesstoken.TokenParams{ExpiresAt: testNow.Add(-time.Second), Grants: []accesstoken.Grant{nil, &accesstoken.ChatGrant{}}}, testNow,
			[]string{"ExpiresAt", "Grants[0]", "Identity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			iss := newTestIssuer(t, accesstoken.WithClock(clockAt(tt.clock)))
			token, err := iss.IssueToken(tt.params)
			require.Error(t, err)
			assert.Empty(t, token)
			assert.Equal(t, tt.want, fields(err))
			assert.NotContains(t, err.Error(), testSecret)
		})
	}
}

// TestZeroIssuer checks that an Issuer not made by NewIssuer is an error,
// not a panic.
func TestZeroIssuer(t *testing.T) {
	t.Parallel()
	for name, iss := range map[string]*accesstoken.Issuer{"nil": nil, "zero": {}} {
		_, err := iss.Issue("alice")
		assert.Equal(t, []string{"Issuer"}, fields(err), name)
		_, err = iss.Parse("a.b.c")
		assert.Equal(t, []string{"Issuer"}, fields(err), name)
	}
}

// videoGrant stands for a grant this package does not define, written
// against Grant as a user would.
type videoGrant struct {
	Room string `json:"room,omitempty"`
}

func (g videoGrant) Key() string { return "video" }

func (g videoGrant) Validate(string) error {
	if strings.ContainsAny(g.Room, "\x00") {
		return &accesstoken.ValidationError{Field: "VideoGrant.Room", Reason: "has a NUL"}
	}
	return nil
}

// oddGrant is a grant whose key or JSON is not what a grant must have.
type oddGrant struct {
	key     string
	payload json.RawMessage
}

func (g oddGrant) Key() string                  { return g.key }
func (g oddGrant) Validate(string) error        { return nil }
func (g oddGrant) MarshalJSON() ([]byte, error) { return g.payload, nil }

// TestOtherGrants checks that a grant written against the Grant interface
// goes in the grants claim under its key, beside the Chat grant, and comes
// back from Parse; and that a grant with an unusable key or JSON is an
// error naming it.
func TestOtherGrants(t *testing.T) {
	t.Parallel()
	iss := newTestIssuer(t)
	token, err := iss.Issue("alice", videoGrant{Room: "standup"}, &accesstoken.ChatGrant{ServiceSID: testServiceSID})
	require.NoError(t, err)
	_, payload := segments(t, token, testSecret)
	assert.Equal(t, map[string]any{
		"identity": "alice",
		"video":    map[string]any{"room": "standup"},
		"chat":     map[string]any{"service_sid": testServiceSID},
	}, payload["grants"])
	claims, err := iss.Parse(token)
	require.NoError(t, err)
	assert.Equal(t, &accesstoken.ChatGrant{ServiceSID: testServiceSID}, claims.Chat)
	assert.JSONEq(t, `{"room":"standup"}`, string(claims.Grants["video"]))
	assert.Len(t, claims.Grants, 2)

	// Identity is optional without a Chat grant.
	_, err = iss.Issue("", videoGrant{})
	require.NoError(t, err)

	bad := []struct {
		name  string
		grant accesstoken.Grant
		want  string
	}{
		{"empty key", oddGrant{key: "", payload: json.RawMessage(`{}`)}, "Grants[0]"},
		{"the identity key", oddGrant{key: "identity", payload: json.RawMessage(`{}`)}, "Grants[0]"},
		{"JSON that is not an object", oddGrant{key: "odd", payload: json.RawMessage(`"x"`)}, "Grants[0]"},
		{"JSON that is null", oddGrant{key: "odd", payload: json.RawMessage(`null`)}, "Grants[0]"},
		{"JSON that does not parse", oddGrant{key: "odd", payload: json.RawMessage(`{`)}, "Grants[0]"},
		{"its own check fails", videoGrant{Room: "a\x00b"}, "VideoGrant.Room"},
	}
	for _, tt := range bad {
		_, err := iss.Issue("alice", tt.grant)
		assert.Equal(t, []string{tt.want}, fields(err), tt.name)
	}
}

// TestConcurrentIssue issues and parses tokens from many goroutines with one
// Issuer, for the race detector.
func TestConcurrentIssue(t *testing.T) {
	t.Parallel()
	iss := newTestIssuer(t, accesstoken.WithRegion("us1"))
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			identity := "user" + itoa(int64(i))
			for range 20 {
				token, err := iss.Issue(identity, &accesstoken.ChatGrant{ServiceSID: testServiceSID})
				if err == nil {
					var c *accesstoken.Claims
					if c, err = iss.Parse(token); err == nil && c.Identity != identity {
						err = errors.New("identity " + c.Identity + ", want " + identity)
					}
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
