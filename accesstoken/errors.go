package accesstoken

import (
	"errors"
	"fmt"
	"strconv"
)

// ValidationError reports an input that was rejected before anything was
// signed: a credential, an option, a token's identity, times or grants. When
// several inputs are bad, the returned error joins one ValidationError for
// each (see errors.Join); errors.As finds the first. It never holds the API
// secret.
type ValidationError struct {
	// Field names the input: "AccountSID", "APIKeySID", "APISecret", "TTL",
	// "Region", "Clock", "Identity", "NotBefore", "ExpiresAt", "Grants[1]",
	// or a grant's field such as "ChatGrant.ServiceSID".
	Field string
	// Reason says what is wrong with the value.
	Reason string
}

// Error reports the field and the reason.
func (e *ValidationError) Error() string {
	return "accesstoken: invalid " + e.Field + ": " + e.Reason
}

// invalid returns a *ValidationError for field with a formatted reason.
func invalid(field, format string, args ...any) error {
	return &ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// Errors of Parse and Issuer.Parse. Test for them with errors.Is. Each error
// returned also wraps the golang-jwt/jwt cause, when there is one, and none
// contains the API secret.
var (
	// ErrMalformed means the text is not a Twilio Access Token: not a JWT,
	// an unknown algorithm, not JSON, no "cty: twilio-fpa;v=1" header, or a
	// missing or mistyped claim (iss, sub, exp, grants).
	ErrMalformed = errors.New("accesstoken: malformed access token")
	// ErrInvalidSignature means the token is not signed with HS256 by the
	// given API secret.
	ErrInvalidSignature = errors.New("accesstoken: signature does not match the API secret")
	// ErrExpired means the token's exp has passed.
	ErrExpired = errors.New("accesstoken: token has expired")
	// ErrNotValidYet means the token's nbf has not come yet.
	ErrNotValidYet = errors.New("accesstoken: token is not valid yet")
	// ErrWrongIssuer means the token is well signed but names another API key
	// (iss) or account (sub) than the Issuer that parses it.
	ErrWrongIssuer = errors.New("accesstoken: token was issued for another API key or account")
)

// quoteShort quotes s for an error message, cut to a readable length.
func quoteShort(s string) string {
	const max = 48
	if len(s) > max {
		return strconv.Quote(s[:max]) + "…"
	}
	return strconv.Quote(s)
}
