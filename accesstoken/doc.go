// Package accesstoken issues Twilio Access Tokens: the JWTs a backend hands
// to the browser and mobile Chat SDKs so that they can connect to a Chat
// Service as one user.
//
// # Issue tokens
//
// Create an Issuer once, with the Account SID and an API key (SID and
// secret; the auth token cannot sign Access Tokens), then issue a token for
// each user your own auth has identified:
//
//	issuer, err := accesstoken.NewIssuer(accountSID, apiKeySID, apiSecret)
//	if err != nil {
//		return err // a malformed SID or an empty secret
//	}
//	token, err := issuer.Issue("alice", &accesstoken.ChatGrant{
//		ServiceSID: "IS0123456789abcdef0123456789abcdef",
//	})
//
// A token is valid for an hour (DefaultTTL). WithTTL sets another TTL, from
// one second to Twilio's limit of 24 hours (MaxTTL), and it is honoured
// exactly: five minutes give exp - iat = 300, where the official SDK raises
// anything under an hour to an hour. TokenParams and IssueToken set an
// explicit expiry or a not-before time for one token; WithRegion adds the
// "twr" header; WithClock makes tokens repeatable in tests.
//
// The token is an HS256 JWT with the headers typ "JWT" and cty
// "twilio-fpa;v=1", and the claims jti ("{APIKeySID}-{iat}"), iss (the API
// key SID), sub (the Account SID), iat, nbf, exp and grants, which holds the
// identity and each grant under its key ("chat" for ChatGrant, its empty
// fields left out). Grant leaves room for Twilio's other grants.
//
// # Conversations clients
//
// The Conversations client SDKs (JavaScript, iOS, Android) take the same
// token: a ChatGrant whose ServiceSID is the Conversation Service SID
// (IS…), the Chat Service underneath the Conversations, issued to the
// Participant's identity. Twilio documents it at
// https://www.twilio.com/docs/conversations/create-tokens, and the grant is
// encoded as for Chat, under "chat" ({"service_sid":"IS…"}). There is no
// separate Conversations grant: the ConversationsGrant of Twilio's older
// libraries (key "rtc", configuration_profile_sid) belonged to the retired
// Programmable Video Conversations, not to this product, so this package
// does not define one.
//
// # Checks
//
// Everything is checked before signing, and each problem is a
// *ValidationError naming the field: the forms of the SIDs (AC, SK, and IS,
// RL, CR in a ChatGrant), an empty secret, an empty identity with a Chat
// grant, a TTL that is not positive or above 24 hours, an expiry not after
// the issue time or more than 24 hours later. The API secret never appears
// in an error, in a log line or in any fmt verb of an Issuer.
//
// # Verify tokens
//
// Parse checks a token's signature and times and returns its Claims, and
// Issuer.Parse also checks that the token is the Issuer's own, at the time
// of its clock: what a test needs to assert on the tokens a backend issued.
// Their errors are for errors.Is: ErrMalformed, ErrInvalidSignature,
// ErrExpired, ErrNotValidYet and ErrWrongIssuer.
//
// The identity of a token is the Identity of a Chat User (twiliochat's
// client.Users, which address a User by its identity too): a client
// connected with the token acts as that User.
//
// Signing and parsing use github.com/golang-jwt/jwt/v5; only this package
// depends on it, the twiliochat package itself uses only the standard
// library.
package accesstoken
