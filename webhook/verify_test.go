package webhook

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refSign is the documented algorithm written out independently of Sign:
// HMAC-SHA1 over a string the test spells out by hand, base64.
func refSign(token, signed string) string {
	mac := hmac.New(sha1.New, []byte(token))
	mac.Write([]byte(signed))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// docParams are the parameters of Twilio's security documentation example.
var docParams = url.Values{
	"CallSid": {"CA1234567890ABCDE"},
	"Caller":  {"+12349013030"},
	"Digits":  {"1234"},
	"From":    {"+12349013030"},
	"To":      {"+18005551212"},
}

const docSigned = "https://mycompany.com/myapp.php?foo=1&bar=2" +
	"CallSidCA1234567890ABCDE" + "Caller+12349013030" + "Digits1234" + "From+12349013030" + "To+18005551212"

func TestSign(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		token  string
		url    string
		params url.Values
		want   string
	}{
		{
			// Twilio's documented example: token 12345, expected value quoted
			// from the webhooks security page.
			name: "twilio docs example", token: "12345", url: "https://mycompany.com/myapp.php?foo=1&bar=2",
			params: docParams, want: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
		},
		{
			name: "docs example by hand", token: "12345", url: "https://mycompany.com/myapp.php?foo=1&bar=2",
			params: docParams, want: refSign("12345", docSigned),
		},
		{
			name: "get: url only", token: "tok", url: "https://example.com/hook?EventType=onMessageSent&Body=hi",
			want: refSign("tok", "https://example.com/hook?EventType=onMessageSent&Body=hi"),
		},
		{
			name: "repeated key values sorted", token: "tok", url: "https://example.com/hook",
			params: url.Values{"b": {"2"}, "a": {"z", "y"}},
			want:   refSign("tok", "https://example.com/hook"+"ay"+"az"+"b2"),
		},
		{
			name: "values are not escaped", token: "tok", url: "https://example.com/hook",
			params: url.Values{"Body": {"a&b=c %"}},
			want:   refSign("tok", "https://example.com/hook"+"Body"+"a&b=c %"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, Sign(tt.token, tt.url, tt.params))
			assert.True(t, ValidSignature(tt.token, tt.url, tt.params, tt.want))
		})
	}
}

func TestValidSignature(t *testing.T) {
	t.Parallel()
	params := url.Values{"EventType": {"onMessageSend"}, "Body": {"hi"}}
	sig := func(u string) string {
		return refSign("tok", u+"Bodyhi"+"EventTypeonMessageSend")
	}
	// The MAC of the exact URL with 60 zero bytes after it, base64: 108
	// characters that decode to more than the 64 bytes decoded in place.
	mac, err := base64.StdEncoding.DecodeString(sig("https://example.com/chat"))
	require.NoError(t, err)
	macAppended := base64.StdEncoding.EncodeToString(append(mac, make([]byte, 60)...))
	tests := []struct {
		name   string
		token  string
		url    string
		params url.Values
		sig    string
		want   bool
	}{
		{"exact", "tok", "https://example.com/chat", params, sig("https://example.com/chat"), true},
		{"https given :443, signed without", "tok", "https://example.com:443/chat", params, sig("https://example.com/chat"), true},
		{"https signed with :443, given without", "tok", "https://example.com/chat", params, sig("https://example.com:443/chat"), true},
		{"http given :80, signed without", "tok", "http://example.com/chat", params, sig("http://example.com:80/chat"), true},
		{"http signed with :80, given without", "tok", "http://example.com:80/chat", params, sig("http://example.com/chat"), true},
		{"custom port kept", "tok", "https://example.com:8443/chat", params, sig("https://example.com:8443/chat"), true},
		{"custom port dropped, as Twilio libs do", "tok", "https://example.com:8443/chat", params, sig("https://example.com/chat"), true},
		{"wrong default port for scheme", "tok", "https://example.com/chat", params, sig("https://example.com:80/chat"), false},
		{"tampered param", "tok", "https://example.com/chat", url.Values{"EventType": {"onMessageSend"}, "Body": {"ho"}}, sig("https://example.com/chat"), false},
		{"extra param", "tok", "https://example.com/chat", url.Values{"EventType": {"onMessageSend"}, "Body": {"hi"}, "X": {""}}, sig("https://example.com/chat"), false},
		{"tampered url", "tok", "https://example.com/chat2", params, sig("https://example.com/chat"), false},
		{"tampered host", "tok", "https://evil.example/chat", params, sig("https://example.com/chat"), false},
		{"wrong token", "other", "https://example.com/chat", params, sig("https://example.com/chat"), false},
		{"empty token", "", "https://example.com/chat", params, refSign("", "https://example.com/chatBodyhiEventTypeonMessageSend"), false},
		{"empty signature", "tok", "https://example.com/chat", params, "", false},
		{"not base64", "tok", "https://example.com/chat", params, "%%%", false},
		{"truncated", "tok", "https://example.com/chat", params, sig("https://example.com/chat")[:10], false},
		{"unparsable url still checked as given", "tok", "://x", nil, refSign("tok", "://x"), true},
		// Digits=5678&Digits=1234&Digits=1234: twilio-go signs every
		// occurrence; twilio-node, -php and -python each distinct value once.
		{"repeated value, every occurrence signed", "tok", "https://example.com/chat", url.Values{"Digits": {"5678", "1234", "1234"}},
			refSign("tok", "https://example.com/chat"+"Digits1234"+"Digits1234"+"Digits5678"), true},
		{"repeated value, each distinct value signed once", "tok", "https://example.com/chat", url.Values{"Digits": {"5678", "1234", "1234"}},
			refSign("tok", "https://example.com/chat"+"Digits1234"+"Digits5678"), true},
		{"repeated value, distinct values, :443 added", "tok", "https://example.com/chat", url.Values{"Digits": {"1234", "1234"}},
			refSign("tok", "https://example.com:443/chat"+"Digits1234"), true},
		{"a value sent once is not one signed twice", "tok", "https://example.com/chat", url.Values{"Digits": {"1234"}},
			refSign("tok", "https://example.com/chat"+"Digits1234"+"Digits1234"), false},
		{"distinct signing still covers every distinct value", "tok", "https://example.com/chat", url.Values{"Digits": {"5678", "1234", "1234"}},
			refSign("tok", "https://example.com/chat"+"Digits1234"), false},
		{"distinct signing still covers the other keys", "tok", "https://example.com/chat", url.Values{"Digits": {"1", "1"}, "X": {"2"}},
			refSign("tok", "https://example.com/chat"+"Digits1"), false},
		// Nine values are checked for a repeat through a set, not pairwise.
		{"nine values, one repeated far apart, distinct values signed", "tok", "https://example.com/chat", url.Values{"D": {"9", "1", "2", "3", "4", "5", "6", "7", "9"}},
			refSign("tok", "https://example.com/chat"+"D1D2D3D4D5D6D7D9"), true},
		{"nine values, none repeated, only every occurrence counts", "tok", "https://example.com/chat", url.Values{"D": {"9", "1", "2", "3", "4", "5", "6", "7", "8"}},
			refSign("tok", "https://example.com/chat"+"D1D2D3D4D5D6D7D8D9"), true},
		// base64 decoding skips line breaks, short or long signature alike.
		{"line breaks in the signature", "tok", "https://example.com/chat", params, "\r\n" + sig("https://example.com/chat"), true},
		{"longer than 64 characters with line breaks", "tok", "https://example.com/chat", params, strings.Repeat("\n", 60) + sig("https://example.com/chat"), true},
		{"longer than 64 characters", "tok", "https://example.com/chat", params, sig("https://example.com/chat") + sig("https://example.com/chat") + sig("https://example.com/chat"), false},
		{"valid signature with bytes appended", "tok", "https://example.com/chat", params, macAppended, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, ValidSignature(tt.token, tt.url, tt.params, tt.sig))
		})
	}
}

// TestValidSignatureAllocs checks that a signer, once warm, checks a
// signature of up to 64 characters without allocating: it reuses its HMAC
// and buffers from one request to the next, as a Handler does.
func TestValidSignatureAllocs(t *testing.T) {
	// Not parallel: AllocsPerRun counts the allocations of the whole program.
	if raceDetector {
		t.Skip("under the race detector sync.Pool drops what is put back at random")
	}
	tests := []struct {
		name   string
		params url.Values
		sig    string
	}{
		{"official vector", vecParams, "RSOYDt4T1cUTdK1PDd93/VVr8B8="},
		{"repeated value, both ways of signing tried", vecDuplicates, "IK+Dwps556ElfBT0I3Rgjkr1wJU="},
		{"64 characters with line breaks", vecParams, strings.Repeat("\r\n", 18) + "RSOYDt4T1cUTdK1PDd93/VVr8B8="},
	}
	urls := urlVariants(vecURL)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSigner(vecToken)
			check := func() {
				if !s.valid(urls, tt.params, tt.sig) {
					t.Fatal("valid signature refused")
				}
			}
			assert.Zero(t, testing.AllocsPerRun(100, check))
		})
	}
}

const testToken = "0123456789abcdef0123456789abcdef"

// signedPost builds a POST as Twilio sends it to target, signed for signURL
// (target when empty) with token.
func signedPost(t testing.TB, token, target, signURL string, form url.Values) *http.Request {
	t.Helper()
	if signURL == "" {
		signURL = target
	}
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	r.Header.Set(SignatureHeader, Sign(token, signURL, form))
	return r
}

func TestVerify(t *testing.T) {
	t.Parallel()
	form := url.Values{"EventType": {"onMessageSend"}, "Body": {"hello & bye"}, "AccountSid": {tAccount}}
	const target = "https://chat.example.com/twilio/chat?tenant=7"

	tests := []struct {
		name    string
		token   string
		req     func(t *testing.T) *http.Request
		opts    []Option
		wantErr error
	}{
		{name: "post", token: testToken, req: func(t *testing.T) *http.Request {
			return signedPost(t, testToken, target, "", form)
		}},
		{name: "post without content type", token: testToken, req: func(t *testing.T) *http.Request {
			r := signedPost(t, testToken, target, "", form)
			r.Header.Del("Content-Type")
			return r
		}},
		{name: "get", token: testToken, req: func(t *testing.T) *http.Request {
			u := "https://chat.example.com/twilio/chat?" + form.Encode()
			r := httptest.NewRequest(http.MethodGet, u, nil)
			r.Header.Set(SignatureHeader, refSign(testToken, u))
			return r
		}},
		{name: "get signed with params appended is invalid", token: testToken, wantErr: ErrInvalidSignature, req: func(t *testing.T) *http.Request {
			u := "https://chat.example.com/twilio/chat?" + form.Encode()
			r := httptest.NewRequest(http.MethodGet, u, nil)
			r.Header.Set(SignatureHeader, Sign(testToken, u, form))
			return r
		}},
		{name: "port 443 in signed url", token: testToken, req: func(t *testing.T) *http.Request {
			return signedPost(t, testToken, target, "https://chat.example.com:443/twilio/chat?tenant=7", form)
		}},
		{name: "plain http server", token: testToken, req: func(t *testing.T) *http.Request {
			return signedPost(t, testToken, "http://chat.example.com/twilio/chat", "", form)
		}},
		{name: "missing signature", token: testToken, wantErr: ErrMissingSignature, req: func(t *testing.T) *http.Request {
			r := signedPost(t, testToken, target, "", form)
			r.Header.Del(SignatureHeader)
			return r
		}},
		{name: "tampered body", token: testToken, wantErr: ErrInvalidSignature, req: func(t *testing.T) *http.Request {
			r := signedPost(t, testToken, target, "", form)
			tampered := url.Values{"EventType": {"onMessageSend"}, "Body": {"hello & buy"}, "AccountSid": {tAccount}}
			r.Body = io.NopCloser(strings.NewReader(tampered.Encode()))
			return r
		}},
		{name: "tampered url", token: testToken, wantErr: ErrInvalidSignature, req: func(t *testing.T) *http.Request {
			return signedPost(t, testToken, "https://chat.example.com/twilio/chat?tenant=8", target, form)
		}},
		{name: "wrong token", token: testToken, wantErr: ErrInvalidSignature, req: func(t *testing.T) *http.Request {
			return signedPost(t, "not-the-token", target, "", form)
		}},
		{name: "empty token", token: "", wantErr: ErrMissingToken, req: func(t *testing.T) *http.Request {
			return signedPost(t, "", target, "", form)
		}},
		{name: "rotation: secondary token accepted", token: testToken, opts: []Option{WithSecondaryToken("new-token")},
			req: func(t *testing.T) *http.Request { return signedPost(t, "new-token", target, "", form) }},
		{name: "rotation: primary still accepted", token: testToken, opts: []Option{WithSecondaryToken("new-token")},
			req: func(t *testing.T) *http.Request { return signedPost(t, testToken, target, "", form) }},
		{name: "rotation: unknown token rejected", token: testToken, opts: []Option{WithSecondaryToken("new-token")},
			wantErr: ErrInvalidSignature,
			req:     func(t *testing.T) *http.Request { return signedPost(t, "old-token", target, "", form) }},
		{name: "behind proxy without public url", token: testToken, wantErr: ErrInvalidSignature, req: func(t *testing.T) *http.Request {
			return signedPost(t, testToken, "http://10.0.0.5:8080/twilio/chat?tenant=7", target, form)
		}},
		{name: "behind proxy with public url", token: testToken, opts: []Option{WithPublicURL("https://chat.example.com/")},
			req: func(t *testing.T) *http.Request {
				return signedPost(t, testToken, "http://10.0.0.5:8080/twilio/chat?tenant=7", target, form)
			}},
		{name: "behind proxy with url func", token: testToken,
			opts: []Option{WithPublicURL("https://wrong.example.com"), WithURLFunc(func(r *http.Request) string {
				return "https://" + r.Header.Get("X-Forwarded-Host") + r.URL.RequestURI()
			})},
			req: func(t *testing.T) *http.Request {
				r := signedPost(t, testToken, "http://10.0.0.5:8080/twilio/chat?tenant=7", target, form)
				r.Header.Set("X-Forwarded-Host", "chat.example.com")
				return r
			}},
		{name: "body too large", token: testToken, opts: []Option{WithMaxBodyBytes(16)}, wantErr: ErrBodyTooLarge,
			req: func(t *testing.T) *http.Request { return signedPost(t, testToken, target, "", form) }},
		{name: "body at the limit", token: testToken, opts: []Option{WithMaxBodyBytes(int64(len(form.Encode())))},
			req: func(t *testing.T) *http.Request { return signedPost(t, testToken, target, "", form) }},
		{name: "body one byte over the limit", token: testToken, opts: []Option{WithMaxBodyBytes(int64(len(form.Encode())) - 1)},
			wantErr: ErrBodyTooLarge,
			req:     func(t *testing.T) *http.Request { return signedPost(t, testToken, target, "", form) }},
		{name: "largest body limit", token: testToken, opts: []Option{WithMaxBodyBytes(math.MaxInt64)},
			req: func(t *testing.T) *http.Request { return signedPost(t, testToken, target, "", form) }},
		{name: "request made with http.NewRequest, as in a unit test", token: testToken,
			opts: []Option{WithPublicURL("https://chat.example.com")},
			req: func(t *testing.T) *http.Request {
				// Its RequestURI is empty: the path and query come from r.URL.
				r, err := http.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
				require.NoError(t, err)
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				r.Header.Set(SignatureHeader, Sign(testToken, target, form))
				return r
			}},
		{name: "put", token: testToken, wantErr: ErrMethodNotAllowed, req: func(t *testing.T) *http.Request {
			r := signedPost(t, testToken, target, "", form)
			r.Method = http.MethodPut
			return r
		}},
		{name: "json body is not signed params", token: testToken, wantErr: ErrInvalidSignature, req: func(t *testing.T) *http.Request {
			r := signedPost(t, testToken, target, "", form)
			r.Header.Set("Content-Type", "application/json")
			return r
		}},
		{name: "bad option", token: testToken, opts: []Option{WithPublicURL("chat.example.com")}, wantErr: ErrBadOption,
			req: func(t *testing.T) *http.Request { return signedPost(t, testToken, target, "", form) }},
		{name: "empty secondary token", token: testToken, opts: []Option{WithSecondaryToken("")}, wantErr: ErrBadOption,
			req: func(t *testing.T) *http.Request { return signedPost(t, testToken, target, "", form) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := tt.req(t)
			params, err := VerifyRequest(tt.token, r, tt.opts...)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.Nil(t, params)
				assert.NotContains(t, err.Error(), testToken)
				assert.NotContains(t, err.Error(), "new-token")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, form, params, "every request carries form, in its body or (GET) its query")
		})
	}
}

func TestVerifyMalformedForm(t *testing.T) {
	t.Parallel()
	r := httptest.NewRequest(http.MethodPost, "https://example.com/hook", strings.NewReader("EventType=onMessageSend&Body=%zz"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(SignatureHeader, Sign(testToken, "https://example.com/hook", nil))
	params, err := VerifyRequest(testToken, r)
	require.Error(t, err)
	assert.Nil(t, params)
	assert.Contains(t, err.Error(), "decode form body")
	assert.NotErrorIs(t, err, ErrInvalidSignature, "the signature could not be checked")
	assert.NotContains(t, err.Error(), testToken)
}

func TestVerifyLeavesBodyReadable(t *testing.T) {
	t.Parallel()
	form := url.Values{"EventType": {"onMessageSent"}, "Body": {"still here"}}
	r := signedPost(t, testToken, "https://example.com/hook", "", form)

	params, err := VerifyRequest(testToken, r)
	require.NoError(t, err)
	assert.Equal(t, form, params)

	body, err := io.ReadAll(r.Body)
	require.NoError(t, err)
	assert.Equal(t, form.Encode(), string(body))

	// A second verification (or the next handler's ParseForm) sees it too.
	r2 := signedPost(t, testToken, "https://example.com/hook", "", form)
	require.NoError(t, Verify(testToken, r2))
	require.NoError(t, r2.ParseForm())
	assert.Equal(t, "still here", r2.PostForm.Get("Body"))
}

func TestVerifyWithStripPrefix(t *testing.T) {
	t.Parallel()
	form := url.Values{"EventType": {"onMessageSent"}}
	const target = "https://example.com/api/twilio?tenant=7"
	// The request line as a server receives it: a path (origin-form), or
	// the whole URL (absolute-form), which a client may send and a server
	// must accept (RFC 9112, section 3.2.2).
	for _, requestURI := range []string{"/api/twilio?tenant=7", target} {
		t.Run(requestURI, func(t *testing.T) {
			t.Parallel()
			var got error
			h := http.StripPrefix("/api", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				require.Equal(t, "/twilio", r.URL.Path)
				got = Verify(testToken, r)
			}))
			r := signedPost(t, testToken, target, "", form)
			r.RequestURI = requestURI
			h.ServeHTTP(httptest.NewRecorder(), r)
			assert.NoError(t, got)
		})
	}
}

func TestOptionsRejectBadValues(t *testing.T) {
	t.Parallel()
	tests := map[string]Option{
		"public url relative":   WithPublicURL("/twilio"),
		"public url ftp":        WithPublicURL("ftp://example.com"),
		"public url with query": WithPublicURL("https://example.com/?a=1"),
		"nil url func":          WithURLFunc(nil),
		"zero body limit":       WithMaxBodyBytes(0),
		"negative timeout":      WithTimeout(-1),
		"empty secondary token": WithSecondaryToken(""),
	}
	for name, opt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := NewHandler(testToken, opt)
			assert.ErrorIs(t, err, ErrBadOption)
		})
	}
}

func FuzzValidSignature(f *testing.F) {
	f.Add("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", "CallSid", "CA1234567890ABCDE", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
	f.Add("", "", "", "", "")
	f.Add("tok", "http://[::1]:80/x", "k", "v", "AAAA")
	f.Add("tok", "https://example.com:99999999/%zz", "\x00", "\xff", "====")
	f.Fuzz(func(t *testing.T, token, fullURL, key, value, signature string) {
		params := url.Values{key: {value}}
		got := ValidSignature(token, fullURL, params, signature)
		if token == "" || signature == "" {
			assert.False(t, got)
		}
		if token != "" {
			assert.True(t, ValidSignature(token, fullURL, params, Sign(token, fullURL, params)))
		}
	})
}

func TestSignatureErrorNamesURL(t *testing.T) {
	t.Parallel()
	form := url.Values{"EventType": {"onMessageSend"}, "Body": {"hi"}}
	const public = "https://chat.example.com/twilio/chat?tenant=7"
	const private = "http://10.0.0.5:8080/twilio/chat?tenant=7"
	const secondary = "secondary-token-0123"
	const short = "tok-8chr"
	tests := []struct {
		name       string
		req        *http.Request
		opts       []Option
		wantURL    string
		wantReason string
	}{
		{name: "wrong token", req: signedPost(t, "wrong-token-0123", public, "", form), wantURL: public},
		{name: "behind a proxy, no public url: the private url shows",
			req: signedPost(t, testToken, private, public, form), wantURL: private},
		{name: "public url set wrongly", opts: []Option{WithPublicURL("https://chat.example.org")},
			req: signedPost(t, testToken, private, public, form), wantURL: "https://chat.example.org/twilio/chat?tenant=7"},
		{name: "password in the url", opts: []Option{WithURLFunc(func(*http.Request) string {
			return "https://twilio:hunter2pass@chat.example.com/twilio/chat"
		})}, req: signedPost(t, "wrong-token-0123", public, "", form), wantURL: "https://twilio:xxxxx@chat.example.com/twilio/chat"},
		{name: "auth token in the url", req: signedPost(t, "wrong-token-0123", public+"&key="+testToken, "", form),
			wantURL: public + "&key=[redacted]"},
		{name: "secondary token in the url", opts: []Option{WithSecondaryToken(secondary)},
			req: signedPost(t, "wrong-token-0123", public+"&key="+secondary, "", form), wantURL: public + "&key=[redacted]"},
		{name: "token of 8 characters, the shortest redacted, in the url", opts: []Option{WithSecondaryToken(short)},
			req: signedPost(t, "wrong-token-0123", public+"&key="+short, "", form), wantURL: public + "&key=[redacted]"},
		{name: "body not a form, no bodySHA256", req: rawPost(public, "application/json", "{}", Sign(testToken, public, nil)),
			wantURL: public, wantReason: "the body is not a form and the URL has no bodySHA256 parameter"},
		{name: "body does not match bodySHA256", req: rawPost(public+"&bodySHA256="+vecBodyHash, "application/json", "{}",
			Sign(testToken, public+"&bodySHA256="+vecBodyHash, nil)),
			wantURL: public + "&bodySHA256=" + vecBodyHash, wantReason: "bodySHA256 does not match the body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Verify(testToken, tt.req, tt.opts...)
			require.ErrorIs(t, err, ErrInvalidSignature)
			var se *SignatureError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.wantURL, se.URL)
			assert.Equal(t, tt.wantReason, se.Reason)
			assert.Contains(t, err.Error(), strconv.Quote(tt.wantURL))
			for _, secret := range []string{testToken, secondary, short, "hunter2pass"} {
				assert.NotContains(t, err.Error(), secret)
			}
		})
	}
}
