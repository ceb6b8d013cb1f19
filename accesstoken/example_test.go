package accesstoken_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat/accesstoken"
)

// The credentials of the examples. Use your account's, and an API key's SID
// and secret from the Twilio Console.
const (
	accountSID = "AC0123456789abcdef0123456789abcdef"
	apiKeySID  = "SK0123456789abcdef0123456789abcdef"
	apiSecret  = "example-api-key-secret"
	serviceSID = "IS0123456789abcdef0123456789abcdef"
)

// exampleNow is the fixed clock of the examples that print times.
var exampleNow = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

func Example() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret)
	if err != nil {
		fmt.Println(err)
		return
	}
	// For a user your own auth has identified:
	token, err := issuer.Issue("alice", &accesstoken.ChatGrant{ServiceSID: serviceSID})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Send token to the Chat client; here, read it back.
	claims, err := accesstoken.Parse(token, apiSecret)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(claims.Identity, claims.Chat.ServiceSID, claims.ExpiresAt.Sub(claims.IssuedAt))
	// Output:
	// alice IS0123456789abcdef0123456789abcdef 1h0m0s
}

func ExampleNewIssuer() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret,
		accesstoken.WithTTL(30*time.Minute), accesstoken.WithRegion("ie1"))
	fmt.Println(issuer, err)

	// Bad credentials are all reported at once, the secret never.
	_, err = accesstoken.NewIssuer("AC123", accountSID, "")
	fmt.Println(err)
	// Output:
	// accesstoken.Issuer{AccountSID: AC0123456789abcdef0123456789abcdef, APIKeySID: SK0123456789abcdef0123456789abcdef, APISecret: [redacted], TTL: 30m0s, Region: ie1} <nil>
	// accesstoken: invalid AccountSID: is not AC followed by 32 hex digits (a value of 5 bytes, not shown in case it is the secret)
	// accesstoken: invalid APIKeySID: is not SK followed by 32 hex digits (a value of 34 bytes, not shown in case it is the secret)
	// accesstoken: invalid APISecret: is empty
}

func ExampleIssuer() {
	// One Issuer for the whole program: it is safe for concurrent use.
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret,
		accesstoken.WithClock(func() time.Time { return exampleNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, user := range []string{"alice", "bob"} {
		token, err := issuer.Issue(user, &accesstoken.ChatGrant{ServiceSID: serviceSID})
		if err != nil {
			fmt.Println(err)
			return
		}
		claims, err := issuer.Parse(token)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(claims.Identity, claims.ID)
	}
	// Output:
	// alice SK0123456789abcdef0123456789abcdef-1735787045
	// bob SK0123456789abcdef0123456789abcdef-1735787045
}

func ExampleOption() {
	opts := []accesstoken.Option{
		accesstoken.WithTTL(10 * time.Minute),
		accesstoken.WithRegion("au1"),
		accesstoken.WithClock(func() time.Time { return exampleNow }),
	}
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret, opts...)
	fmt.Println(issuer, err)
	// Output:
	// accesstoken.Issuer{AccountSID: AC0123456789abcdef0123456789abcdef, APIKeySID: SK0123456789abcdef0123456789abcdef, APISecret: [redacted], TTL: 10m0s, Region: au1} <nil>
}

func ExampleWithTTL() {
	// A short TTL is honoured exactly.
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret,
		accesstoken.WithTTL(5*time.Minute), accesstoken.WithClock(func() time.Time { return exampleNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	token, err := issuer.Issue("alice", &accesstoken.ChatGrant{ServiceSID: serviceSID})
	if err != nil {
		fmt.Println(err)
		return
	}
	claims, err := issuer.Parse(token)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("exp - iat =", claims.ExpiresAt.Unix()-claims.IssuedAt.Unix())

	// Twilio's limit is MaxTTL; the default is DefaultTTL.
	_, err = accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret, accesstoken.WithTTL(2*accesstoken.MaxTTL))
	fmt.Println(err)
	_, err = accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret, accesstoken.WithTTL(0))
	fmt.Println(err)
	fmt.Println("default:", accesstoken.DefaultTTL)
	// Output:
	// exp - iat = 300
	// accesstoken: invalid TTL: 48h0m0s is longer than Twilio's limit of 24h0m0s
	// accesstoken: invalid TTL: 0s is not positive
	// default: 1h0m0s
}

func ExampleWithRegion() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret,
		accesstoken.WithRegion("ie1"), accesstoken.WithClock(func() time.Time { return exampleNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	token, err := issuer.Issue("alice", &accesstoken.ChatGrant{ServiceSID: serviceSID})
	if err != nil {
		fmt.Println(err)
		return
	}
	claims, err := issuer.Parse(token)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("twr:", claims.Region)

	_, err = accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret, accesstoken.WithRegion("IE1"))
	fmt.Println(err)
	// Output:
	// twr: ie1
	// accesstoken: invalid Region: "IE1" is not a region name such as us1
}

func ExampleWithClock() {
	// A fixed clock gives the same token every time: what golden files and
	// examples need.
	clock := func() time.Time { return exampleNow }
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret, accesstoken.WithClock(clock))
	if err != nil {
		fmt.Println(err)
		return
	}
	first, _ := issuer.Issue("alice")
	second, _ := issuer.Issue("alice")
	fmt.Println(first == second)
	claims, err := issuer.Parse(first)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(claims.IssuedAt, claims.ExpiresAt)
	// Output:
	// true
	// 2025-01-02 03:04:05 +0000 UTC 2025-01-02 04:04:05 +0000 UTC
}

func ExampleIssuer_Issue() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret,
		accesstoken.WithClock(func() time.Time { return exampleNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	token, err := issuer.Issue("alice", &accesstoken.ChatGrant{ServiceSID: serviceSID})
	fmt.Println(strings.Count(token, "."), err)

	// A Chat grant needs an identity, and its SIDs must have their form.
	_, err = issuer.Issue("", &accesstoken.ChatGrant{ServiceSID: "IS123"})
	fmt.Println(err)
	// Output:
	// 2 <nil>
	// accesstoken: invalid Identity: is empty, and a token with a Chat grant needs one
	// accesstoken: invalid ChatGrant.ServiceSID: "IS123" is not IS followed by 32 hex digits
}

func ExampleIssuer_IssueToken() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret,
		accesstoken.WithClock(func() time.Time { return exampleNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	// A token for a session that starts in ten minutes and lasts half an
	// hour.
	token, err := issuer.IssueToken(accesstoken.TokenParams{
		Identity:  "alice",
		Grants:    []accesstoken.Grant{&accesstoken.ChatGrant{ServiceSID: serviceSID}},
		NotBefore: exampleNow.Add(10 * time.Minute),
		ExpiresAt: exampleNow.Add(40 * time.Minute),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	claims, err := accesstoken.Parse(token, apiSecret)
	fmt.Println(claims == nil, errors.Is(err, accesstoken.ErrExpired)) // long expired by now

	_, err = issuer.IssueToken(accesstoken.TokenParams{Identity: "alice", ExpiresAt: exampleNow.Add(48 * time.Hour)})
	fmt.Println(err)
	// Output:
	// true true
	// accesstoken: invalid ExpiresAt: 2025-01-04T03:04:05Z is more than Twilio's limit of 24h0m0s after the issue time 2025-01-02T03:04:05Z
}

func ExampleTokenParams() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret,
		accesstoken.WithClock(func() time.Time { return exampleNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	params := accesstoken.TokenParams{
		Identity:  "alice",
		Grants:    []accesstoken.Grant{&accesstoken.ChatGrant{ServiceSID: serviceSID, EndpointID: "chatapp:alice:web"}},
		ExpiresAt: exampleNow.Add(15 * time.Minute),
	}
	token, err := issuer.IssueToken(params)
	if err != nil {
		fmt.Println(err)
		return
	}
	claims, err := issuer.Parse(token)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(claims.NotBefore.Format(time.TimeOnly), claims.ExpiresAt.Format(time.TimeOnly), claims.Chat.EndpointID)
	// Output:
	// 03:04:05 03:19:05 chatapp:alice:web
}

func ExampleIssuer_Parse() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret,
		accesstoken.WithClock(func() time.Time { return exampleNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	token, err := issuer.Issue("alice", &accesstoken.ChatGrant{ServiceSID: serviceSID})
	if err != nil {
		fmt.Println(err)
		return
	}
	// In a test of your token endpoint: assert what it issued.
	claims, err := issuer.Parse(token)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(claims.APIKeySID == apiKeySID, claims.AccountSID == accountSID, claims.Identity, claims.Chat.ServiceSID)

	// A token of another key, even with the same secret, is not the Issuer's.
	other, _ := accesstoken.NewIssuer(accountSID, "SKffffffffffffffffffffffffffffffff", apiSecret,
		accesstoken.WithClock(func() time.Time { return exampleNow }))
	token, _ = other.Issue("alice")
	_, err = issuer.Parse(token)
	fmt.Println(errors.Is(err, accesstoken.ErrWrongIssuer))
	// Output:
	// true true alice IS0123456789abcdef0123456789abcdef
	// true
}

func ExampleParse() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret)
	if err != nil {
		fmt.Println(err)
		return
	}
	token, err := issuer.Issue("alice", &accesstoken.ChatGrant{ServiceSID: serviceSID})
	if err != nil {
		fmt.Println(err)
		return
	}

	claims, err := accesstoken.Parse(token, apiSecret)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(claims.Identity, claims.ExpiresAt.Sub(claims.IssuedAt))

	_, err = accesstoken.Parse(token, "another-secret")
	fmt.Println(errors.Is(err, accesstoken.ErrInvalidSignature))
	_, err = accesstoken.Parse("not a token", apiSecret)
	fmt.Println(errors.Is(err, accesstoken.ErrMalformed))
	// Output:
	// alice 1h0m0s
	// true
	// true
}

func ExampleIssuer_String() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("signing with " + issuer.String())
	// Output:
	// signing with accesstoken.Issuer{AccountSID: AC0123456789abcdef0123456789abcdef, APIKeySID: SK0123456789abcdef0123456789abcdef, APISecret: [redacted], TTL: 1h0m0s}
}

func ExampleIssuer_GoString() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(issuer.GoString() == fmt.Sprintf("%#v", issuer))
	fmt.Println(strings.Contains(issuer.GoString(), apiSecret))
	// Output:
	// true
	// false
}

func ExampleIssuer_Format() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		out := fmt.Sprintf(verb, issuer)
		fmt.Println(verb, strings.Contains(out, apiSecret), out == issuer.String())
	}
	// Output:
	// %v false true
	// %+v false true
	// %#v false true
	// %s false true
	// %q false true
	// %x false true
}

func ExampleChatGrant() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret,
		accesstoken.WithClock(func() time.Time { return exampleNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	token, err := issuer.Issue("alice", &accesstoken.ChatGrant{
		ServiceSID:        serviceSID,
		EndpointID:        "chatapp:alice:ios",
		DeploymentRoleSID: "RL0123456789abcdef0123456789abcdef",
		PushCredentialSID: "CR0123456789abcdef0123456789abcdef",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	claims, err := issuer.Parse(token)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(claims.Grants["chat"]))

	// Empty fields are left out.
	token, _ = issuer.Issue("alice", &accesstoken.ChatGrant{ServiceSID: serviceSID})
	claims, _ = issuer.Parse(token)
	fmt.Println(string(claims.Grants["chat"]))
	// Output:
	// {"service_sid":"IS0123456789abcdef0123456789abcdef","endpoint_id":"chatapp:alice:ios","deployment_role_sid":"RL0123456789abcdef0123456789abcdef","push_credential_sid":"CR0123456789abcdef0123456789abcdef"}
	// {"service_sid":"IS0123456789abcdef0123456789abcdef"}
}

func ExampleChatGrant_Key() {
	fmt.Println((&accesstoken.ChatGrant{}).Key())
	// Output:
	// chat
}

func ExampleChatGrant_Validate() {
	grant := &accesstoken.ChatGrant{ServiceSID: serviceSID, DeploymentRoleSID: "IS0123456789abcdef0123456789abcdef"}
	fmt.Println(grant.Validate("alice"))
	fmt.Println(grant.Validate(""))
	// Output:
	// accesstoken: invalid ChatGrant.DeploymentRoleSID: "IS0123456789abcdef0123456789abcdef" is not RL followed by 32 hex digits
	// accesstoken: invalid Identity: is empty, and a token with a Chat grant needs one
	// accesstoken: invalid ChatGrant.DeploymentRoleSID: "IS0123456789abcdef0123456789abcdef" is not RL followed by 32 hex digits
}

// syncGrant is a grant this package does not define (yet), written by a
// user against the Grant interface.
type syncGrant struct {
	ServiceSID string `json:"service_sid"`
}

func (g syncGrant) Key() string { return "data_sync" }

func (g syncGrant) Validate(identity string) error {
	if identity == "" {
		return &accesstoken.ValidationError{Field: "Identity", Reason: "is empty, and Sync needs one"}
	}
	return nil
}

func ExampleGrant() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret,
		accesstoken.WithClock(func() time.Time { return exampleNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	token, err := issuer.Issue("alice",
		&accesstoken.ChatGrant{ServiceSID: serviceSID},
		syncGrant{ServiceSID: "IS00000000000000000000000000000000"})
	if err != nil {
		fmt.Println(err)
		return
	}
	claims, err := issuer.Parse(token)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(claims.Grants["data_sync"]))
	// Output:
	// {"service_sid":"IS00000000000000000000000000000000"}
}

func ExampleClaims() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret,
		accesstoken.WithRegion("us1"), accesstoken.WithClock(func() time.Time { return exampleNow }))
	if err != nil {
		fmt.Println(err)
		return
	}
	token, err := issuer.Issue("alice", &accesstoken.ChatGrant{ServiceSID: serviceSID})
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := issuer.Parse(token)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("jti     ", c.ID)
	fmt.Println("iss     ", c.APIKeySID)
	fmt.Println("sub     ", c.AccountSID)
	fmt.Println("iat     ", c.IssuedAt.Format(time.RFC3339))
	fmt.Println("nbf     ", c.NotBefore.Format(time.RFC3339))
	fmt.Println("exp     ", c.ExpiresAt.Format(time.RFC3339))
	fmt.Println("twr     ", c.Region)
	fmt.Println("identity", c.Identity)
	fmt.Println("chat    ", c.Chat.ServiceSID)
	// Output:
	// jti      SK0123456789abcdef0123456789abcdef-1735787045
	// iss      SK0123456789abcdef0123456789abcdef
	// sub      AC0123456789abcdef0123456789abcdef
	// iat      2025-01-02T03:04:05Z
	// nbf      2025-01-02T03:04:05Z
	// exp      2025-01-02T04:04:05Z
	// twr      us1
	// identity alice
	// chat     IS0123456789abcdef0123456789abcdef
}

func ExampleValidationError() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = issuer.Issue("alice", &accesstoken.ChatGrant{PushCredentialSID: "CR-not-a-sid"})
	var v *accesstoken.ValidationError
	if errors.As(err, &v) {
		fmt.Println(v.Field)
		fmt.Println(v.Reason)
	}
	// Output:
	// ChatGrant.PushCredentialSID
	// "CR-not-a-sid" is not CR followed by 32 hex digits
}

func ExampleValidationError_Error() {
	err := &accesstoken.ValidationError{Field: "Identity", Reason: "is empty"}
	fmt.Println(err.Error())
	// Output:
	// accesstoken: invalid Identity: is empty
}

// A Conversations client SDK takes the same grant, with the Conversation
// Service SID (IS…): https://www.twilio.com/docs/conversations/create-tokens.
func ExampleChatGrant_conversations() {
	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret)
	if err != nil {
		fmt.Println(err)
		return
	}
	const conversationServiceSID = "IS9876543210fedcba9876543210fedcba"
	token, err := issuer.Issue("alice", &accesstoken.ChatGrant{ServiceSID: conversationServiceSID})
	if err != nil {
		fmt.Println(err)
		return
	}
	claims, err := issuer.Parse(token)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(claims.Identity, string(claims.Grants["chat"]))
	// Output:
	// alice {"service_sid":"IS9876543210fedcba9876543210fedcba"}
}
