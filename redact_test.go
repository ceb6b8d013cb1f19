package twiliochat

import (
	"cmp"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"net/url"
	"reflect"
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

// TestTransportErrorsRedacted answers with bytes net/http cannot parse and
// echoes a credential in them: Go quotes what it could not parse in the
// error, and the client must blank it out of every text, while errors.Is
// and errors.As still find what the error wraps.
func TestTransportErrorsRedacted(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// answer is what the server writes, given the request's
		// Authorization header and its password.
		answer func(auth, pass string) string
		// target is the request target, a path under the base URL.
		target    string
		protoErr  bool // the cause is a textproto.ProtocolError
		wantCause error
	}{
		{name: "header line without a colon, echoing Authorization", protoErr: true,
			answer: func(auth, _ string) string { return "HTTP/1.1 200 OK\r\nEcho " + auth + "\r\n\r\n" }},
		{name: "bad Content-Length",
			answer: func(_, pass string) string { return "HTTP/1.1 200 OK\r\nContent-Length: " + pass + "\r\n\r\n" }},
		{name: "status code",
			answer: func(_, pass string) string { return "HTTP/1.1 " + pass + " OK\r\n\r\n" }},
		{name: "not HTTP at all",
			answer: func(_, pass string) string { return strings.ReplaceAll(pass, " ", "") + "\r\n\r\n" }},
		{name: "Transfer-Encoding in base64",
			answer: func(_, pass string) string {
				return "HTTP/1.1 200 OK\r\nTransfer-Encoding: " + base64.StdEncoding.EncodeToString([]byte(pass)) + "\r\n\r\n"
			}},
		{name: "second Content-Length in URL base64",
			answer: func(_, pass string) string {
				return "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: " + base64.URLEncoding.EncodeToString([]byte(pass)) + "\r\n\r\n"
			}},
		{name: "control byte then the percent-escaped secret", protoErr: true,
			answer: func(_, pass string) string { return "HTTP/1.1 200 OK\r\nX: \x01" + url.QueryEscape(pass) + "\r\n\r\n" }},
		{name: "continuation line with the Go-quoted secret", protoErr: true,
			answer: func(_, pass string) string { return "HTTP/1.1 200 OK\r\n " + strconv.Quote(pass) + "\r\n\r\n" }},
		{name: "connection closed on a URL that holds the secret", wantCause: io.EOF,
			target: "/v2/Services?PageToken=SECRET",
			answer: func(string, string) string { return "" }},
	}
	for _, tc := range tests {
		for _, secret := range []string{testAuthToken, testOddSecret} {
			t.Run(tc.name+" "+secret[:4], func(t *testing.T) {
				t.Parallel()
				rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
					_, pass, _ := r.BasicAuth()
					conn, rw := hijack(t, w)
					defer conn.Close()
					_, _ = rw.WriteString(tc.answer(r.Header.Get("Authorization"), pass))
					_ = rw.Flush()
				})
				var opts []Option
				if secret != testAuthToken {
					opts = append(opts, WithAPIKey(testKeySID, secret))
				}
				c := rec.client(t, opts...)
				target := cmp.Or(tc.target, "/v2/Services/"+testServiceSID)
				target = strings.Replace(target, "SECRET", url.QueryEscape(secret), 1)
				err := c.do(context.Background(), &request{method: http.MethodGet, target: target, out: new(Service)})
				require.Error(t, err)

				texts := errorTexts(err)
				assertNoLeak(t, texts...)
				assert.Contains(t, err.Error(), redacted, "the echo was there and is blanked out")

				var retryErr *RetryError
				require.ErrorAs(t, err, &retryErr)
				assert.Equal(t, 3, retryErr.Attempts)
				var urlErr *url.Error
				require.ErrorAs(t, err, &urlErr)
				assert.Equal(t, "Get", urlErr.Op)
				var protoErr textproto.ProtocolError
				assert.Equal(t, tc.protoErr, errors.As(err, &protoErr))
				if tc.protoErr {
					assert.Contains(t, string(protoErr), redacted)
				}
				if tc.wantCause != nil {
					assert.ErrorIs(t, err, tc.wantCause)
				}
				var netErr net.Error
				require.ErrorAs(t, err, &netErr)
				assert.False(t, netErr.Timeout())
			})
		}
	}
}

// TestErrorTextRedactedBeforeCut puts an echoed credential where the text
// is cut (the 256-byte excerpt of a body, a Location or a
// Twilio-Request-Id, and the read cap of a body): no prefix of it may
// survive the cut.
func TestErrorTextRedactedBeforeCut(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		answer func(w http.ResponseWriter, auth, pass string)
	}{
		{"HTML body", func(w http.ResponseWriter, _, pass string) {
			w.WriteHeader(http.StatusBadGateway)
			_, _ = w.Write([]byte("<p>" + strings.Repeat("x", 240) + pass + "</p>"))
		}},
		{"text body echoing Authorization", func(w http.ResponseWriter, auth, _ string) {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(strings.Repeat("y ", 110) + auth))
		}},
		{"Location", func(w http.ResponseWriter, _, pass string) {
			w.Header().Set("Location", "https://elsewhere.example/"+strings.Repeat("z", 220)+url.QueryEscape(pass))
			w.WriteHeader(http.StatusFound)
		}},
		{"Twilio-Request-Id", func(w http.ResponseWriter, _, pass string) {
			w.Header().Set("Twilio-Request-Id", "RQ"+strings.Repeat("0", 238)+pass)
			w.WriteHeader(http.StatusInternalServerError)
		}},
		{"body cut by the read cap", func(w http.ResponseWriter, _, pass string) {
			w.WriteHeader(http.StatusServiceUnavailable)
			// The cap keeps the first 12 bytes of the secret, which white
			// space collapsing brings to the front of the excerpt.
			_, _ = w.Write([]byte(strings.Repeat(" ", MaxResponseBytes-11) + pass))
		}},
		{"JSON message", func(w http.ResponseWriter, _, pass string) {
			writeJSON(w, http.StatusBadRequest, twilioErrorBody(400, 20001, strings.Repeat("m", 240)+pass))
		}},
	}
	for _, tc := range tests {
		for _, secret := range []string{testAuthToken, testOddSecret} {
			t.Run(tc.name+" "+secret[:4], func(t *testing.T) {
				t.Parallel()
				rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
					_, pass, _ := r.BasicAuth()
					tc.answer(w, r.Header.Get("Authorization"), pass)
				})
				var opts []Option
				if secret != testAuthToken {
					opts = append(opts, WithAPIKey(testKeySID, secret))
				}
				_, err := rec.client(t, append(opts, WithMaxRetries(0))...).Services.Fetch(context.Background(), testServiceSID)
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assertNoLeak(t, errorTexts(err)...)
				assert.Contains(t, apiErr.Message+apiErr.RequestID, redacted, "the echo was there and is blanked out")
				assert.LessOrEqual(t, len(apiErr.Message), maxErrorExcerpt+2*len("…")+len("redirect to  not followed "))
				assert.LessOrEqual(t, len(apiErr.RequestID), maxErrorExcerpt+len("…"))
			})
		}
	}
}

// TestAPIErrorDetailsRedacted echoes credentials in the keys and values of
// the details object, at every depth.
func TestAPIErrorDetailsRedacted(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		_, pass, _ := r.BasicAuth()
		writeJSON(w, http.StatusBadRequest, fmt.Sprintf(
			`{"code":20001,"message":"bad","details":{%q:"a",%q:{%q:[{%q:%q}]},"n":1}}`,
			pass, "param", auth, "k-"+pass, pass))
	})
	_, err := rec.client(t).Services.Fetch(context.Background(), testServiceSID)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	want := map[string]any{
		redacted: "a",
		"param":  map[string]any{"Basic " + redacted: []any{map[string]any{"k-" + redacted: redacted}}},
		"n":      float64(1),
	}
	assert.Equal(t, want, apiErr.Details)
	assertNoLeak(t, fmt.Sprintf("%#v", apiErr.Details))
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

// TestCredentialsUnreachableByReflection walks everything reachable from a
// Client by reflection, as go-spew does in testify's diffs, and wants no
// string or byte slice that spells a secret; then makes testify print such
// a diff.
func TestCredentialsUnreachableByReflection(t *testing.T) {
	t.Parallel()
	withToken, err := NewClient(testAccountSID, testAuthToken)
	require.NoError(t, err)
	withKey, err := NewClient(testAccountSID, testAuthToken, WithAPIKey(testKeySID, testOddSecret))
	require.NoError(t, err)
	for _, c := range []*Client{withToken, withKey} {
		var texts []string
		reachableText(reflect.ValueOf(c), map[uintptr]bool{}, &texts)
		require.NotEmpty(t, texts)
		assert.Contains(t, texts, testAccountSID, "the walk reaches the Client's fields")
		assertNoLeak(t, texts...)
	}

	type holder struct{ Client *Client }
	var diff diffRecorder
	assert.Equal(&diff, holder{withToken}, holder{withKey})
	require.Contains(t, diff.String(), "Diff:")
	assertNoLeak(t, diff.String())
	assertNoLeak(t, fmt.Sprintf("%#v %+v", holder{withToken}, holder{withKey}))
}

// diffRecorder is an assert.TestingT that keeps what testify reports.
type diffRecorder struct{ strings.Builder }

func (d *diffRecorder) Errorf(format string, args ...any) { fmt.Fprintf(d, format, args...) }

// reachableText appends to texts every string and byte slice reachable from
// v through pointers, interfaces, structs (unexported fields included),
// slices, arrays and maps. A func is opaque to reflection, as to go-spew.
func reachableText(v reflect.Value, seen map[uintptr]bool, texts *[]string) {
	switch v.Kind() {
	case reflect.String:
		*texts = append(*texts, v.String())
	case reflect.Pointer, reflect.Map, reflect.Slice:
		if v.IsNil() {
			return
		}
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			*texts = append(*texts, string(v.Bytes()))
			return
		}
		if p := v.Pointer(); v.Kind() != reflect.Slice {
			if seen[p] {
				return
			}
			seen[p] = true
		}
		switch v.Kind() {
		case reflect.Pointer:
			reachableText(v.Elem(), seen, texts)
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				reachableText(it.Key(), seen, texts)
				reachableText(it.Value(), seen, texts)
			}
		default:
			for i := range v.Len() {
				reachableText(v.Index(i), seen, texts)
			}
		}
	case reflect.Interface:
		if !v.IsNil() {
			reachableText(v.Elem(), seen, texts)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			reachableText(v.Field(i), seen, texts)
		}
	case reflect.Array:
		for i := range v.Len() {
			reachableText(v.Index(i), seen, texts)
		}
	}
}

// TestWithBaseURLNeverEchoesUserinfo gives WithBaseURL URLs with a password
// that fail for every reason a base URL can: the error must not repeat it.
func TestWithBaseURLNeverEchoesUserinfo(t *testing.T) {
	t.Parallel()
	const password = "hunter2Password"
	for _, base := range []string{
		"https://user:" + password + "@chat.example.com",
		"https://user:" + password + " x@chat.example.com", // unparsable userinfo
		"https://user:" + password + "/x@chat.example.com", // a "/" makes the password a port
		"ftp://user:" + password + "@chat.example.com",
		"https:user:" + password + "@chat.example.com",
		"//user:" + password + "@chat.example.com",
		"user:" + password + "@chat.example.com",
		"https://user:" + password + "@chat.example.com/?q=1",
		"https://user:" + password + "@[::1",
	} {
		t.Run(base, func(t *testing.T) {
			t.Parallel()
			c, err := NewClient(testAccountSID, testAuthToken, WithBaseURL(base))
			assert.Nil(t, c)
			require.EqualError(t, err, "twiliochat: invalid WithBaseURL: the URL must not carry credentials")
		})
	}
}

// TestPagerErrorsRedacted gives the pager next_page_urls that hold the
// token: an error that quotes one, cut short, must keep no prefix of it, and
// ErrPageLoop does not quote it at all.
func TestPagerErrorsRedacted(t *testing.T) {
	t.Parallel()
	// The token starts 24 bytes in, so that a quote cut at 48 bytes keeps
	// the start of it.
	loop := "/v2/Services?PageToken=" + testAuthToken + "&Page=3"
	offHost := "https://e.example/?PageToken=" + testAuthToken
	tests := []struct {
		name    string
		next    func(*Client) error
		wantErr error
	}{
		{"NextPage to itself", func(c *Client) error {
			_, err := c.Services.NextPage(context.Background(), &ServicePage{Meta: PageMeta{URL: loop, NextPageURL: loop}})
			return err
		}, ErrPageLoop},
		{"NextPage off the host", func(c *Client) error {
			_, err := c.Services.NextPage(context.Background(), &ServicePage{Meta: PageMeta{NextPageURL: offHost}})
			return err
		}, ErrUntrustedURL},
		{"List off the host", func(c *Client) error {
			for _, err := range c.Roles.List(context.Background(), testServiceSID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}, ErrUntrustedURL},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, respondJSON(http.StatusOK, `{"roles":[{"sid":"`+testRoleSID+`"}],"meta":{"key":"roles","next_page_url":"`+offHost+`"}}`))
			err := tc.next(rec.client(t))
			require.ErrorIs(t, err, tc.wantErr)
			assertNoLeak(t, errorTexts(err)...)
			if tc.wantErr == ErrUntrustedURL {
				assert.Contains(t, err.Error(), redacted)
			}
		})
	}
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
