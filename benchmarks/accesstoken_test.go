package benchmarks

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	twiliojwt "github.com/twilio/twilio-go/client/jwt"

	"github.com/e3f0929f/twiliochat/accesstoken"
)

// The API key and the token contents both libraries use.
const (
	tokenKeySID   = "SK0123456789abcdef0123456789abcdef"
	tokenSecret   = "0123456789abcdef0123456789abcdef"
	otherSecret   = "fedcba9876543210fedcba9876543210"
	tokenIdentity = "alice"
	tokenRegion   = "ie1"
	credentialSID = "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	endpointID    = "chatapp:alice:web"
)

// chatGrant is the Chat grant of every token here, every field set.
var chatGrant = accesstoken.ChatGrant{
	ServiceSID:        serviceSID,
	EndpointID:        endpointID,
	DeploymentRoleSID: roleSID,
	PushCredentialSID: credentialSID,
}

// twilioGoChatGrant is chatGrant as twilio-go writes it.
func twilioGoChatGrant() *twiliojwt.ChatGrant {
	return &twiliojwt.ChatGrant{
		ServiceSid:        serviceSID,
		EndpointID:        endpointID,
		DeploymentRoleSid: roleSID,
		PushCredentialSid: credentialSID,
	}
}

// newIssuer returns an accesstoken Issuer for the test key, with opts.
func newIssuer(tb testing.TB, opts ...accesstoken.Option) *accesstoken.Issuer {
	tb.Helper()
	iss, err := accesstoken.NewIssuer(accountSID, tokenKeySID, tokenSecret, append([]accesstoken.Option{accesstoken.WithRegion(tokenRegion)}, opts...)...)
	require.NoError(tb, err)
	return iss
}

// mintTwiliochat returns a function that mints a token with chatGrant the
// way a twiliochat backend does: one Issuer for the process, one Issue call
// per token.
func mintTwiliochat(tb testing.TB) func() (string, error) {
	iss := newIssuer(tb)
	grant := chatGrant
	return func() (string, error) { return iss.Issue(tokenIdentity, &grant) }
}

// mintTwilioGo returns a function that mints the same token the way a
// twilio-go backend does: an AccessToken per token, its grant added, ToJwt.
func mintTwilioGo(ttl float64) func() (string, error) {
	return func() (string, error) {
		tok := twiliojwt.CreateAccessToken(twiliojwt.AccessTokenParams{
			AccountSid:    accountSID,
			SigningKeySid: tokenKeySID,
			Secret:        tokenSecret,
			Identity:      tokenIdentity,
			Region:        tokenRegion,
			Ttl:           ttl,
		})
		tok.AddGrant(twilioGoChatGrant())
		return tok.ToJwt()
	}
}

// TestAccessTokenReadByTwilioGo checks that twilio-go's client/jwt decodes
// a token from accesstoken, verified with the secret, with the same grant,
// identity, issuer, subject and region; and refuses it with another secret.
func TestAccessTokenReadByTwilioGo(t *testing.T) {
	t.Parallel()
	token, err := mintTwiliochat(t)()
	require.NoError(t, err)

	decoded, err := (&twiliojwt.AccessToken{}).FromJwt(token, tokenSecret)
	require.NoError(t, err)
	assert.Equal(t, tokenIdentity, decoded.Identity)
	assert.Equal(t, tokenKeySID, decoded.SigningKeySid, "iss")
	assert.Equal(t, accountSID, decoded.AccountSid, "sub")
	assert.Equal(t, tokenRegion, decoded.Region, "twr")
	require.Len(t, decoded.Grants, 1)
	assert.Equal(t, twilioGoChatGrant(), decoded.Grants[0])
	assert.Equal(t, map[string]any{"alg": "HS256", "cty": "twilio-fpa;v=1", "twr": tokenRegion, "typ": "JWT"}, decoded.Headers())
	payload := decoded.Payload()
	assert.Equal(t, 3600.0, payload["exp"].(float64)-payload["nbf"].(float64))

	_, err = (&twiliojwt.AccessToken{}).FromJwt(token, otherSecret)
	assert.Error(t, err, "twilio-go refuses it with another secret")
}

// TestTwilioGoTokenReadByAccessToken checks that accesstoken.Parse accepts
// a token from twilio-go with its secret, reads the same claims, and
// refuses it with another secret.
func TestTwilioGoTokenReadByAccessToken(t *testing.T) {
	t.Parallel()
	token, err := mintTwilioGo(3600)()
	require.NoError(t, err)

	claims, err := accesstoken.Parse(token, tokenSecret)
	require.NoError(t, err)
	assert.Equal(t, tokenIdentity, claims.Identity)
	assert.Equal(t, tokenKeySID, claims.APIKeySID)
	assert.Equal(t, accountSID, claims.AccountSID)
	assert.Equal(t, tokenRegion, claims.Region)
	assert.Equal(t, &chatGrant, claims.Chat)
	assert.Len(t, claims.Grants, 1)
	assert.Regexp(t, "^"+tokenKeySID+`-\d+$`, claims.ID)
	assert.True(t, claims.IssuedAt.IsZero(), "twilio-go writes no iat")
	assert.Equal(t, time.Hour, claims.ExpiresAt.Sub(claims.NotBefore))

	_, err = newIssuer(t).Parse(token)
	assert.NoError(t, err, "the Issuer of the same key takes it as its own")

	_, err = accesstoken.Parse(token, otherSecret)
	assert.ErrorIs(t, err, accesstoken.ErrInvalidSignature)
}

// TestShortTTL shows the difference the accesstoken package was written
// for: asked for five minutes, twilio-go issues an hour; accesstoken issues
// five minutes, which twilio-go reads back as such.
func TestShortTTL(t *testing.T) {
	t.Parallel()
	fromTwilioGo, err := mintTwilioGo(300)()
	require.NoError(t, err)
	claims, err := accesstoken.Parse(fromTwilioGo, tokenSecret)
	require.NoError(t, err)
	assert.Equal(t, time.Hour, claims.ExpiresAt.Sub(claims.NotBefore), "twilio-go raises a TTL under an hour to an hour")

	ours, err := newIssuer(t, accesstoken.WithTTL(5*time.Minute)).Issue(tokenIdentity, &chatGrant)
	require.NoError(t, err)
	decoded, err := (&twiliojwt.AccessToken{}).FromJwt(ours, tokenSecret)
	require.NoError(t, err)
	payload := decoded.Payload()
	assert.Equal(t, 300.0, payload["exp"].(float64)-payload["iat"].(float64))
	assert.Equal(t, 300.0, payload["exp"].(float64)-payload["nbf"].(float64))
}

// TestMintSameToken checks that the two sides of BenchmarkAccessToken mint
// the same token: header and every claim equal, but for the iat claim that
// only accesstoken writes.
func TestMintSameToken(t *testing.T) {
	t.Parallel()
	ours, err := mintTwiliochat(t)()
	require.NoError(t, err)
	theirs, err := mintTwilioGo(3600)()
	require.NoError(t, err)

	var decoded [2]*twiliojwt.AccessToken
	for i, token := range []string{ours, theirs} {
		decoded[i], err = (&twiliojwt.AccessToken{}).FromJwt(token, tokenSecret)
		require.NoError(t, err)
	}
	assert.Equal(t, decoded[1].Headers(), decoded[0].Headers())
	a, b := decoded[0].Payload(), decoded[1].Payload()
	require.Contains(t, a, "iat")
	assert.NotContains(t, b, "iat")
	for _, p := range []map[string]any{a, b} {
		delete(p, "iat")
		// The times may be a second apart: compare them relative to nbf.
		p["exp"] = p["exp"].(float64) - p["nbf"].(float64)
		p["jti"], p["nbf"] = nil, nil
	}
	assert.Equal(t, b, a)
}

// BenchmarkAccessToken mints one token with a Chat grant (every field), an
// identity and a region, with each library used as its documentation shows:
// see mintTwiliochat and mintTwilioGo.
func BenchmarkAccessToken(b *testing.B) {
	for _, c := range []struct {
		name string
		mint func() (string, error)
	}{
		{"twiliochat", mintTwiliochat(b)},
		{"twiliogo", mintTwilioGo(3600)},
	} {
		b.Run(c.name, func(b *testing.B) {
			clock := startCPU(b)
			for range b.N {
				if _, err := c.mint(); err != nil {
					b.Fatal(err)
				}
			}
			clock.stop()
		})
	}
}
