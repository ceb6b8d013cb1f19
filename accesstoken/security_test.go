package accesstoken_test

import (
	"bytes"
	"fmt"
	"log"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/accesstoken"
)

// TestSecretNeverPrinted prints an Issuer every way a program might, by
// value, by pointer and inside structs of its own, and logs it with the
// standard loggers: the secret never shows, the account and key do.
func TestSecretNeverPrinted(t *testing.T) {
	t.Parallel()
	iss := newTestIssuer(t, accesstoken.WithRegion("ie1"))
	type holder struct {
		Issuer   accesstoken.Issuer
		issuer   accesstoken.Issuer
		Pointer  *accesstoken.Issuer
		pointer  *accesstoken.Issuer
		Anything any
	}
	values := map[string]any{
		"pointer":             iss,
		"value":               *iss,
		"in a struct":         holder{Issuer: *iss, issuer: *iss, Pointer: iss, pointer: iss, Anything: *iss},
		"in a struct pointer": &holder{Issuer: *iss, issuer: *iss, Pointer: iss, pointer: iss, Anything: iss},
		"in a slice":          []accesstoken.Issuer{*iss},
		"in a map":            map[string]*accesstoken.Issuer{"k": iss},
	}
	verbs := []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%T"}
	for name, v := range values {
		for _, verb := range verbs {
			out := fmt.Sprintf(verb, v)
			assert.NotContains(t, out, testSecret, "%s %s", name, verb)
			assert.NotContains(t, out, fmt.Sprintf("%x", testSecret), "%s %s: hex", name, verb)
			assert.NotContains(t, out, fmt.Sprint([]byte(testSecret)), "%s %s: bytes", name, verb)
		}
	}
	want := "accesstoken.Issuer{AccountSID: " + testAccountSID + ", APIKeySID: " + testKeySID +
		", APISecret: [redacted], TTL: 1h0m0s, Region: ie1}"
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		assert.Equal(t, want, fmt.Sprintf(verb, iss), verb)
		assert.Equal(t, want, fmt.Sprintf(verb, *iss), verb)
	}
	assert.Equal(t, want, iss.String())
	assert.Equal(t, want, iss.GoString())

	var text, js, std bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("issuer", "issuer", iss, "value", *iss)
	slog.New(slog.NewJSONHandler(&js, nil)).Info("issuer", "issuer", iss, "value", *iss)
	log.New(&std, "", 0).Printf("issuer %v %+v", iss, *iss)
	for name, out := range map[string]string{"slog text": text.String(), "slog JSON": js.String(), "log": std.String()} {
		require.NotEmpty(t, out, name)
		assert.NotContains(t, out, testSecret, name)
	}
	assert.Contains(t, text.String(), testKeySID, "the text log says which key")
}

// TestSecretNotInErrors collects an error from every way NewIssuer, Issue
// and Parse can fail with the secret in hand and looks for the secret in
// them.
func TestSecretNotInErrors(t *testing.T) {
	t.Parallel()
	iss := newTestIssuer(t)
	token := issueChat(t, iss)
	var errs []error
	add := func(_ any, err error) {
		require.Error(t, err)
		errs = append(errs, err)
	}
	add(accesstoken.NewIssuer("AC", testKeySID, testSecret))
	add(accesstoken.NewIssuer(testAccountSID, testSecret, testSecret)) // the secret passed as the key SID by mistake
	add(accesstoken.NewIssuer(testAccountSID, testKeySID, testSecret, accesstoken.WithTTL(0), accesstoken.WithRegion("?")))
	add(iss.Issue("", &accesstoken.ChatGrant{ServiceSID: "bad"}, nil))
	add(iss.IssueToken(accesstoken.TokenParams{ExpiresAt: testNow}))
	add(accesstoken.Parse(token, otherSecret))
	add(accesstoken.Parse("x", testSecret))
	add(accesstoken.Parse(signRaw(`{"alg":"HS256"}`, `{"exp":1}`, testSecret), testSecret))
	add(newTestIssuer(t, accesstoken.WithClock(clockAt(testNow.Add(48*3600e9)))).Parse(token))
	for _, err := range errs {
		for _, verb := range []string{"%v", "%+v", "%#v"} {
			assert.NotContains(t, fmt.Sprintf(verb, err), testSecret, "%s of %v", verb, err)
		}
	}
}
