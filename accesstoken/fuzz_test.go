package accesstoken_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/e3f0929f/twiliochat/accesstoken"
)

// FuzzParse feeds Parse arbitrary text: it never panics, every failure is
// one of the package's errors, and a token it accepts carries an HS256
// signature by the secret and the claims it must have.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/accesstoken_chat.jwt", "testdata/accesstoken_chat_region.jwt"} {
		golden, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(strings.TrimSpace(string(golden)))
	}
	f.Add("")
	f.Add("a.b.c")
	f.Add(signRaw(`{"alg":"HS256","cty":"twilio-fpa;v=1"}`, `{"iss":"SK","sub":"AC","exp":1714982889,"grants":{"chat":{}}}`, testSecret))
	f.Add(signRaw(`{"alg":"none"}`, `{}`, testSecret))
	iss := newTestIssuer(f)
	f.Fuzz(func(t *testing.T, token string) {
		claims, err := iss.Parse(token)
		if err != nil {
			for _, want := range []error{accesstoken.ErrMalformed, accesstoken.ErrInvalidSignature, accesstoken.ErrExpired,
				accesstoken.ErrNotValidYet, accesstoken.ErrWrongIssuer} {
				if errors.Is(err, want) {
					return
				}
			}
			t.Fatalf("Parse(%q) = %v, not one of the package's errors", token, err)
		}
		parts := strings.Split(token, ".")
		mac := hmac.New(sha256.New, []byte(testSecret))
		mac.Write([]byte(parts[0] + "." + parts[1]))
		if sig, err := base64.RawURLEncoding.DecodeString(parts[2]); err != nil || !hmac.Equal(sig, mac.Sum(nil)) {
			t.Fatalf("Parse(%q) accepted a token without an HS256 signature by the secret", token)
		}
		if claims.APIKeySID != testKeySID || claims.AccountSID != testAccountSID || claims.ExpiresAt.IsZero() || claims.Grants == nil {
			t.Fatalf("Parse(%q) = %+v, missing a claim", token, claims)
		}
	})
}
