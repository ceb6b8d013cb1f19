package accesstoken

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Claims is what an Access Token says, as Parse and Issuer.Parse read it
// from a token whose signature they checked.
type Claims struct {
	// ID is the jti claim, "{APIKeySID}-{iat}" in the tokens Twilio's
	// libraries and this package issue.
	ID string
	// APIKeySID is the iss claim: the API key that signed the token.
	APIKeySID string
	// AccountSID is the sub claim: the account the token is for.
	AccountSID string
	// IssuedAt is the iat claim, or the zero time when the token has none
	// (twilio-go's tokens do not).
	IssuedAt time.Time
	// NotBefore is the nbf claim, or the zero time when the token has none.
	NotBefore time.Time
	// ExpiresAt is the exp claim.
	ExpiresAt time.Time
	// Region is the twr header, or "" when the token has none.
	Region string
	// Identity is grants.identity, or "" when the token has none.
	Identity string
	// Chat is grants.chat, or nil when the token has no Chat grant.
	Chat *ChatGrant
	// Grants holds every grant of the token, Chat included, as its JSON
	// object under its key; identity, which is not a grant, is not in it.
	Grants map[string]json.RawMessage
}

// parsedClaims is the payload of a token being parsed. Its times accept the
// fractions of a second some libraries write.
type parsedClaims struct {
	jwt.RegisteredClaims
	Grants map[string]json.RawMessage `json:"grants"`
}

// Parse checks that token is a Twilio Access Token signed with HS256 by
// apiSecret and valid now, and returns its claims. It is meant for tests
// that assert what a backend issued, and for tools that inspect tokens.
//
// An empty apiSecret is a *ValidationError for "APISecret". Any other
// failure wraps one of ErrMalformed, ErrInvalidSignature, ErrExpired or
// ErrNotValidYet (test with errors.Is), and the golang-jwt/jwt cause when
// there is one. No error contains the secret.
func Parse(token, apiSecret string) (*Claims, error) {
	if apiSecret == "" {
		return nil, invalid("APISecret", "is empty")
	}
	return parse(token, []byte(apiSecret), time.Now)
}

// Parse checks that token was issued by iss: signed with its API secret,
// valid at the time of its clock (see WithClock), with its API key SID as
// iss and its Account SID as sub. It returns the token's claims, or an
// error as the package's Parse does, or one wrapping ErrWrongIssuer.
func (iss *Issuer) Parse(token string) (*Claims, error) {
	if iss == nil || iss.key == nil || iss.now == nil {
		return nil, invalid("Issuer", "was not made by NewIssuer")
	}
	c, err := parse(token, iss.key(), iss.now)
	if err != nil {
		return nil, err
	}
	if c.APIKeySID != iss.apiKeySID || c.AccountSID != iss.accountSID {
		return nil, fmt.Errorf("%w: iss %s, sub %s", ErrWrongIssuer, quoteShort(c.APIKeySID), quoteShort(c.AccountSID))
	}
	return c, nil
}

// parse verifies token with key at the time now returns and decodes its
// claims.
func parse(token string, key []byte, now func() time.Time) (*Claims, error) {
	var pc parsedClaims
	tok, err := jwt.ParseWithClaims(token, &pc,
		func(*jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(now),
	)
	switch {
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		return nil, fmt.Errorf("%w: %w", ErrInvalidSignature, err)
	case errors.Is(err, jwt.ErrTokenExpired):
		return nil, fmt.Errorf("%w: %w", ErrExpired, err)
	case errors.Is(err, jwt.ErrTokenNotValidYet):
		return nil, fmt.Errorf("%w: %w", ErrNotValidYet, err)
	case err != nil:
		return nil, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	if cty, _ := tok.Header["cty"].(string); cty != contentType {
		return nil, fmt.Errorf("%w: header cty is %s, want %q", ErrMalformed, quoteShort(fmt.Sprint(tok.Header["cty"])), contentType)
	}
	c := &Claims{
		ID:         pc.ID,
		APIKeySID:  pc.Issuer,
		AccountSID: pc.Subject,
		IssuedAt:   numericTime(pc.IssuedAt),
		NotBefore:  numericTime(pc.NotBefore),
		ExpiresAt:  numericTime(pc.ExpiresAt),
	}
	if twr, ok := tok.Header["twr"]; ok {
		if c.Region, ok = twr.(string); !ok {
			return nil, fmt.Errorf("%w: header twr is not a string", ErrMalformed)
		}
	}
	switch {
	case c.APIKeySID == "":
		return nil, fmt.Errorf("%w: no iss claim", ErrMalformed)
	case c.AccountSID == "":
		return nil, fmt.Errorf("%w: no sub claim", ErrMalformed)
	case pc.Grants == nil:
		return nil, fmt.Errorf("%w: no grants claim", ErrMalformed)
	}
	if err := c.setGrants(pc.Grants); err != nil {
		return nil, err
	}
	return c, nil
}

// setGrants sets Identity, Chat and Grants from the grants claim.
func (c *Claims) setGrants(grants map[string]json.RawMessage) error {
	if raw, ok := grants["identity"]; ok {
		if err := json.Unmarshal(raw, &c.Identity); err != nil {
			return fmt.Errorf("%w: grants.identity is not a string", ErrMalformed)
		}
		delete(grants, "identity")
	}
	for key, raw := range grants {
		if len(raw) == 0 || raw[0] != '{' {
			return fmt.Errorf("%w: grants[%s] is not a JSON object", ErrMalformed, quoteShort(key))
		}
	}
	if raw, ok := grants[chatGrantKey]; ok {
		c.Chat = new(ChatGrant)
		if err := json.Unmarshal(raw, c.Chat); err != nil {
			return fmt.Errorf("%w: grants.chat: %w", ErrMalformed, err)
		}
	}
	c.Grants = grants
	return nil
}

// numericTime returns d as a UTC time, or the zero time when d is nil.
func numericTime(d *jwt.NumericDate) time.Time {
	if d == nil {
		return time.Time{}
	}
	return d.UTC()
}
