package accesstoken

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// DefaultTTL is how long a token is valid unless WithTTL or
// TokenParams.ExpiresAt says otherwise.
const DefaultTTL = time.Hour

// MaxTTL is the longest validity Twilio accepts for an Access Token: 24 hours
// from its issue time.
const MaxTTL = 24 * time.Hour

// Issuer signs Access Tokens with one API key for one account. Create it with
// NewIssuer, once, and share it: it is safe for concurrent use and holds no
// per-token state. No fmt verb, log line or error prints its API secret.
type Issuer struct {
	accountSID string
	apiKeySID  string
	// key returns the API secret, the HMAC key of every token. It is a
	// function because fmt prints a function as an address whatever the
	// verb and depth: printing a struct that holds an Issuer value, field by
	// field, cannot show the secret.
	key    func() []byte
	ttl    time.Duration
	region string
	now    func() time.Time
}

// Option configures an Issuer. An option given an unusable value makes
// NewIssuer return a *ValidationError naming it.
type Option func(*Issuer) error

// NewIssuer returns an Issuer for the account accountSID (AC…) that signs
// with the API key apiKeySID (SK…) and its secret. Create the key in the
// Twilio Console or with the API; the account's auth token cannot sign
// Access Tokens.
//
// It returns a *ValidationError for each malformed SID, an empty secret or
// an unusable option, joined with errors.Join when there are several; no
// error contains the secret.
func NewIssuer(accountSID, apiKeySID, apiSecret string, opts ...Option) (*Issuer, error) {
	iss := &Issuer{
		accountSID: accountSID,
		apiKeySID:  apiKeySID,
		key:        secretKey(apiSecret),
		ttl:        DefaultTTL,
		now:        time.Now,
	}
	errs := []error{
		checkCredentialSID("AccountSID", spec.AccountSIDPrefix, accountSID),
		checkCredentialSID("APIKeySID", spec.APIKeySIDPrefix, apiKeySID),
	}
	if apiSecret == "" {
		errs = append(errs, invalid("APISecret", "is empty"))
	}
	for i, opt := range opts {
		if opt == nil {
			errs = append(errs, invalid(fmt.Sprintf("Option[%d]", i), "is nil"))
			continue
		}
		errs = append(errs, opt(iss))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return iss, nil
}

// secretKey returns a function returning apiSecret as an HMAC key.
func secretKey(apiSecret string) func() []byte {
	key := []byte(apiSecret)
	return func() []byte { return key }
}

// WithTTL sets how long each token is valid after its issue time, instead of
// DefaultTTL. The TTL is honoured exactly, short ones included (five minutes
// give exp - iat = 300). It must be a positive whole number of seconds, at
// most MaxTTL; anything else is a *ValidationError for "TTL".
func WithTTL(ttl time.Duration) Option {
	return func(iss *Issuer) error {
		switch {
		case ttl <= 0:
			return invalid("TTL", "%v is not positive", ttl)
		case ttl%time.Second != 0:
			return invalid("TTL", "%v is not a whole number of seconds", ttl)
		case ttl > MaxTTL:
			return invalid("TTL", "%v is longer than Twilio's limit of %v", ttl, MaxTTL)
		}
		iss.ttl = ttl
		return nil
	}
}

// WithRegion sets the Twilio region the tokens are for, such as "us1",
// "ie1" or "au1"; it goes in each token's "twr" header. Without it the
// header is left out and Twilio uses the default region. A region that is
// not lower-case letters, digits and inner hyphens is a *ValidationError for
// "Region".
func WithRegion(region string) Option {
	return func(iss *Issuer) error {
		if !isRegion(region) {
			return invalid("Region", "%s is not a region name such as us1", quoteShort(region))
		}
		iss.region = region
		return nil
	}
}

// WithClock makes the Issuer read the time from now instead of time.Now: the
// issue time of each token, and the time Issuer.Parse checks against. Tests
// and examples use it for repeatable tokens. A nil now is a
// *ValidationError for "Clock".
func WithClock(now func() time.Time) Option {
	return func(iss *Issuer) error {
		if now == nil {
			return invalid("Clock", "is nil")
		}
		iss.now = now
		return nil
	}
}

// isRegion reports whether s looks like a Twilio region name: 1 to 63
// lower-case letters, digits and hyphens, not starting or ending with one.
func isRegion(s string) bool {
	if s == "" || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// String describes the Issuer by its account, API key, TTL and region,
// never its secret.
func (iss Issuer) String() string {
	var b strings.Builder
	b.WriteString("accesstoken.Issuer{AccountSID: ")
	b.WriteString(iss.accountSID)
	b.WriteString(", APIKeySID: ")
	b.WriteString(iss.apiKeySID)
	b.WriteString(", APISecret: [redacted], TTL: ")
	b.WriteString(iss.ttl.String())
	if iss.region != "" {
		b.WriteString(", Region: ")
		b.WriteString(iss.region)
	}
	b.WriteByte('}')
	return b.String()
}

// GoString returns what String does, so that %#v cannot print the secret.
func (iss Issuer) GoString() string { return iss.String() }

// Format prints the Issuer as String does, for every verb, so that no fmt
// call can print its secret.
func (iss Issuer) Format(f fmt.State, _ rune) {
	io.WriteString(f, iss.String())
}
