package accesstoken_test

import (
	"testing"

	"github.com/e3f0929f/twiliochat/accesstoken"
)

// BenchmarkAccessToken mints one token with a Chat grant, as a token
// endpoint does for each request: checks, claims, JSON, HMAC-SHA256 and
// base64, from an Issuer made once.
func BenchmarkAccessToken(b *testing.B) {
	iss, err := accesstoken.NewIssuer(testAccountSID, testKeySID, testSecret)
	if err != nil {
		b.Fatal(err)
	}
	grant := &accesstoken.ChatGrant{ServiceSID: testServiceSID, EndpointID: "chatapp:alice:web"}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := iss.Issue("alice", grant); err != nil {
			b.Fatal(err)
		}
	}
}
