package twiliochat

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testOddSecret is an API secret with the characters that Go's %q, JSON,
// HTML and URLs escape, so that an escaped echo differs from the raw one.
const testOddSecret = `ap1/S3cr"et+Do\Not é Print<0123456789>&`

// secretSpellings lists, for each test credential, the ways a server or
// net/http may spell it, written out here independently of redactor: the
// secret raw, Go-quoted, percent-escaped, in base64 alone and inside the
// Authorization header.
func secretSpellings() map[string]string {
	out := map[string]string{}
	for _, cred := range []struct{ user, secret string }{
		{testAccountSID, testAuthToken}, {testKeySID, testKeySecret}, {testKeySID, testOddSecret},
	} {
		s := cred.secret
		quoted := strconv.Quote(s)
		header := base64.StdEncoding.EncodeToString([]byte(cred.user + ":" + s))
		for name, spelling := range map[string]string{
			"raw":                  s,
			"Go-quoted":            quoted[1 : len(quoted)-1],
			"query-escaped":        url.QueryEscape(s),
			"path-escaped":         url.PathEscape(s),
			"base64":               base64.StdEncoding.EncodeToString([]byte(s)),
			"base64 URL":           base64.URLEncoding.EncodeToString([]byte(s)),
			"Authorization":        header,
			"in the Authorization": header[(8*len(cred.user+":")+5)/6:],
		} {
			out[s[:4]+"… "+name] = spelling
		}
	}
	return out
}

// leaks returns the spellings of which text holds the first 8 characters:
// what "no prefix of 8 characters or more survives" forbids.
func leaks(text string) []string {
	var found []string
	lower := strings.ToLower(text)
	for name, spelling := range secretSpellings() {
		if strings.Contains(lower, strings.ToLower(spelling[:minSecret])) {
			found = append(found, name)
		}
	}
	return found
}

// errorTexts returns every text a caller can get out of err: its message in
// each fmt verb, the message of each error in its chain, and of each error
// errors.As finds for the types a caller would ask for.
func errorTexts(err error) []string {
	var texts []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		texts = append(texts, fmt.Sprintf(verb, err))
	}
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		texts = append(texts, e.Error())
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, p := range u.Unwrap() {
				walk(p)
			}
		}
	}
	walk(err)
	var (
		urlErr   *url.Error
		protoErr textproto.ProtocolError
		retryErr *RetryError
		apiErr   *APIError
		decErr   *DecodeError
		netErr   net.Error
	)
	if errors.As(err, &urlErr) {
		texts = append(texts, urlErr.Error(), urlErr.URL)
		walk(urlErr.Err)
	}
	if errors.As(err, &protoErr) {
		texts = append(texts, string(protoErr))
	}
	if errors.As(err, &retryErr) {
		walk(retryErr.Err)
	}
	if errors.As(err, &apiErr) {
		texts = append(texts, apiErr.Message, apiErr.RawMessage, apiErr.MoreInfo, apiErr.RequestID, fmt.Sprintf("%#v", *apiErr))
	}
	if errors.As(err, &decErr) {
		texts = append(texts, decErr.RequestID)
		walk(decErr.Err)
	}
	if errors.As(err, &netErr) {
		texts = append(texts, netErr.Error())
	}
	return texts
}

// assertNoLeak fails for each text that holds a spelling of a secret.
func assertNoLeak(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		assert.Empty(t, leaks(text), "%q", text)
	}
}

// TestAPIErrorMessageOneLine sends a JSON error whose message is long and
// holds line breaks, terminal escapes and other control and format
// characters: Message must be one short printable line, RawMessage the
// message as sent.
func TestAPIErrorMessageOneLine(t *testing.T) {
	t.Parallel()
	const start = "first line\r\nsecond\tline \x1b[31mred\x1b[0m \u202egnirts\u202c nul\x00 del\x7f \xff end "
	raw := start + strings.Repeat("long ", 200_000)
	body, err := json.Marshal(map[string]any{"code": 20001, "message": raw})
	require.NoError(t, err)
	rec := newRecorder(t, respondJSON(http.StatusBadRequest, string(body)))
	_, err = rec.client(t).Services.Fetch(context.Background(), testServiceSID)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)

	// encoding/json sent the invalid byte as U+FFFD, which is printable.
	wantStart := "first line second line [31mred[0m gnirts nul del \ufffd end long long"
	assert.True(t, strings.HasPrefix(apiErr.Message, wantStart), "%q", apiErr.Message)
	assert.True(t, strings.HasSuffix(apiErr.Message, "long…"), "%q", apiErr.Message)
	assert.LessOrEqual(t, len(apiErr.Message), maxErrorExcerpt+len("…"))
	for _, text := range []string{apiErr.Message, err.Error()} {
		for _, r := range text {
			assert.True(t, unicode.IsPrint(r), "%U in %q", r, text)
		}
	}
	assert.Equal(t, strings.ToValidUTF8(raw, "\ufffd"), apiErr.RawMessage)
}

// TestRedactAtTheEdges checks the redactor where its rules change: a secret
// of exactly 8 characters, a text of exactly 8, the letters A and Z of the
// case-blind match, and a secret's base64 at each alignment.
func TestRedactAtTheEdges(t *testing.T) {
	t.Parallel()
	const short, long = "az345678", "AZaz0123456789zZ"
	r := newRedactor(testAccountSID, short, short, long)
	tests := []struct {
		name, text, want string
	}{
		{"a secret of 8 characters, alone", short, redacted},
		{"in upper case", "AZ345678", redacted},
		{"Z the only upper-case letter", "aZ345678", redacted},
		{"within text", "token=Az345678;", "token=" + redacted + ";"},
		{"seven of its characters", "az34567", "az34567"},
		{"the long secret in lower case", strings.ToLower(long), redacted},
	}
	for lead := range 3 {
		encoded := base64.StdEncoding.EncodeToString(append([]byte("xyz")[:lead], long...))
		tests = append(tests, struct{ name, text, want string }{"base64 after " + strconv.Itoa(lead) + " bytes", encoded, ""})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := r.redact(tt.text)
			if tt.want == "" {
				assert.Contains(t, got, redacted)
				assert.False(t, r.leaks(got), "%q", got)
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
