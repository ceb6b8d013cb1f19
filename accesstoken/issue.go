package accesstoken

import (
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// contentType is the "cty" header of every Twilio Access Token.
const contentType = "twilio-fpa;v=1"

// TokenParams describes one token: who it is for, what it grants and, when
// the Issuer's TTL does not fit, when it is valid.
type TokenParams struct {
	// Identity is the user the token is for, as your own auth identified
	// them; Chat knows the user by it. It goes in the grants claim, and is
	// required with a ChatGrant.
	Identity string
	// Grants are what the token lets its holder do, one per product key
	// (a ChatGrant, …). A nil grant, two with the same key, or a grant whose
	// Validate fails is an error.
	Grants []Grant
	// NotBefore is when the token starts to be valid (nbf). The zero time
	// means its issue time. It must be before the expiry.
	NotBefore time.Time
	// ExpiresAt is when the token stops being valid (exp), instead of the
	// issue time plus the Issuer's TTL. It must be after the issue time and
	// at most MaxTTL later. The zero time means: use the TTL.
	ExpiresAt time.Time
}

// Issue returns a signed Access Token for identity with grants, valid from
// now for the Issuer's TTL. It is IssueToken with only Identity and Grants
// set, and fails as IssueToken does.
func (iss *Issuer) Issue(identity string, grants ...Grant) (string, error) {
	return iss.IssueToken(TokenParams{Identity: identity, Grants: grants})
}

// IssueToken returns a signed Access Token for p: an HS256 JWT with the
// headers typ "JWT", cty "twilio-fpa;v=1" and, with WithRegion, twr; and the
// claims jti ("{APIKeySID}-{iat}"), iss (the API key SID), sub (the Account
// SID), iat (now, in whole seconds), nbf, exp and grants (the identity and
// each grant under its key).
//
// Everything is checked before signing; each problem is a *ValidationError
// naming the field ("Identity", "ExpiresAt", "Grants[1]",
// "ChatGrant.ServiceSID", …), joined with errors.Join when there are
// several. No error contains the API secret.
func (iss *Issuer) IssueToken(p TokenParams) (string, error) {
	if iss == nil || iss.key == nil || iss.now == nil {
		return "", invalid("Issuer", "was not made by NewIssuer")
	}
	claims, err := iss.claims(p, iss.now())
	if err != nil {
		return "", err
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	tok.Header["cty"] = contentType
	if iss.region != "" {
		tok.Header["twr"] = iss.region
	}
	return tok.SignedString(iss.key())
}

// claims checks p and returns the claims of its token issued at now.
func (iss *Issuer) claims(p TokenParams, now time.Time) (*signedClaims, error) {
	iat := now.Unix()
	if iat <= 0 {
		return nil, invalid("Clock", "returned %s, not a time after 1970", now.UTC().Format(time.RFC3339))
	}
	exp := iat + int64(iss.ttl/time.Second)
	nbf := iat
	var errs []error
	if !p.ExpiresAt.IsZero() {
		exp = p.ExpiresAt.Unix()
		switch {
		case exp <= iat:
			errs = append(errs, invalid("ExpiresAt", "%s is not after the issue time %s", unixUTC(exp), unixUTC(iat)))
		case exp-iat > int64(MaxTTL/time.Second):
			errs = append(errs, invalid("ExpiresAt", "%s is more than Twilio's limit of %v after the issue time %s", unixUTC(exp), MaxTTL, unixUTC(iat)))
		}
	}
	if !p.NotBefore.IsZero() {
		nbf = p.NotBefore.Unix()
		if nbf >= exp {
			errs = append(errs, invalid("NotBefore", "%s is not before the expiry %s", unixUTC(nbf), unixUTC(exp)))
		}
	}
	grants, err := encodeGrants(p.Identity, p.Grants)
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &signedClaims{
		ID:        iss.apiKeySID + "-" + strconv.FormatInt(iat, 10),
		Issuer:    iss.apiKeySID,
		Subject:   iss.accountSID,
		IssuedAt:  iat,
		NotBefore: nbf,
		ExpiresAt: exp,
		Grants:    grants,
	}, nil
}

// encodeGrants checks grants and returns the grants claim: identity, when
// not empty, then each grant under its key, in order.
func encodeGrants(identity string, grants []Grant) (json.RawMessage, error) {
	buf := make([]byte, 0, 256)
	buf = append(buf, '{')
	if identity != "" {
		buf = append(buf, `"identity":`...)
		buf = appendJSONString(buf, identity)
	}
	var errs []error
	seen := make(map[string]bool, len(grants))
	for i, g := range grants {
		field := "Grants[" + strconv.Itoa(i) + "]"
		if g == nil {
			errs = append(errs, invalid(field, "is nil"))
			continue
		}
		if v := reflect.ValueOf(g); v.Kind() == reflect.Pointer && v.IsNil() {
			errs = append(errs, invalid(field, "is a nil %T", g))
			continue
		}
		key := g.Key()
		switch {
		case key == "" || key == "identity":
			errs = append(errs, invalid(field, "%T has the key %q, which is not a grant key", g, key))
			continue
		case seen[key]:
			errs = append(errs, invalid(field, "is a second %q grant", key))
			continue
		}
		seen[key] = true
		if err := g.Validate(identity); err != nil {
			errs = append(errs, err)
			continue
		}
		payload, err := json.Marshal(g)
		switch {
		case err != nil:
			errs = append(errs, invalid(field, "%T does not encode as JSON: %v", g, err))
			continue
		case len(payload) == 0 || payload[0] != '{':
			errs = append(errs, invalid(field, "%T encodes as %s, not a JSON object", g, quoteShort(string(payload))))
			continue
		}
		if len(buf) > 1 {
			buf = append(buf, ',')
		}
		buf = appendJSONString(buf, key)
		buf = append(buf, ':')
		buf = append(buf, payload...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return append(buf, '}'), nil
}

// appendJSONString appends s to buf as a JSON string.
func appendJSONString(buf []byte, s string) []byte {
	b, _ := json.Marshal(s) // a string always encodes
	return append(buf, b...)
}

// unixUTC formats Unix seconds as an RFC 3339 UTC time, for error messages.
func unixUTC(sec int64) string {
	return time.Unix(sec, 0).UTC().Format(time.RFC3339)
}

// signedClaims is the payload of a token this package signs, in the order it
// is written. Times are whole Unix seconds, whatever jwt.TimePrecision says.
type signedClaims struct {
	ID        string          `json:"jti"`
	Issuer    string          `json:"iss"`
	Subject   string          `json:"sub"`
	IssuedAt  int64           `json:"iat"`
	NotBefore int64           `json:"nbf"`
	ExpiresAt int64           `json:"exp"`
	Grants    json.RawMessage `json:"grants"`
}

// The jwt.Claims methods, which jwt.NewWithClaims requires.

func (c *signedClaims) GetExpirationTime() (*jwt.NumericDate, error) {
	return jwt.NewNumericDate(time.Unix(c.ExpiresAt, 0)), nil
}

func (c *signedClaims) GetIssuedAt() (*jwt.NumericDate, error) {
	return jwt.NewNumericDate(time.Unix(c.IssuedAt, 0)), nil
}

func (c *signedClaims) GetNotBefore() (*jwt.NumericDate, error) {
	return jwt.NewNumericDate(time.Unix(c.NotBefore, 0)), nil
}

func (c *signedClaims) GetIssuer() (string, error)  { return c.Issuer, nil }
func (c *signedClaims) GetSubject() (string, error) { return c.Subject, nil }

func (c *signedClaims) GetAudience() (jwt.ClaimStrings, error) { return nil, nil }
