package twiliochat

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestUpdateRejectsInjectedSIDs(t *testing.T) {
	t.Parallel()
	hex := testServiceSID[2:]
	sids := map[string]string{
		"empty":                   "",
		"33 characters":           testServiceSID[:33],
		"35 characters":           testServiceSID + "a",
		"slash":                   "IS" + hex[:15] + "/" + hex[16:],
		"dot dot":                 "IS../../../Accounts/" + hex[:14],
		"escaped slash":           "IS%2F" + hex[3:],
		"question mark":           "IS" + hex[:31] + "?",
		"hash":                    "IS" + hex[:31] + "#",
		"space":                   "IS " + hex[1:],
		"trailing newline":        "IS" + hex[:31] + "\n",
		"NUL":                     "IS" + hex[:31] + "\x00",
		"Cyrillic I":              "\u0406S" + hex,
		"Cyrillic a in the hex":   "IS" + hex[:31] + "\u0430",
		"fullwidth digit":         "IS" + hex[:31] + "\uff11",
		"lower-case prefix":       "is" + hex,
		"role SID":                "RL" + hex,
		"non-hex letter":          "IS" + hex[:31] + "g",
		"invalid UTF-8":           "IS" + hex[:31] + "\xff",
		"percent-encoded Service": url.PathEscape("IS/" + hex[:31]),
	}
	rec := newRecorder(t, respondJSON(http.StatusOK, string(serviceJSON(t))))
	c := rec.client(t)
	for name, sid := range sids {
		t.Run(name, func(t *testing.T) {
			for _, err := range []error{
				ValidateSID(ServiceSID, sid),
				func() error { _, err := c.Services.Update(context.Background(), sid, nil); return err }(),
			} {
				var valErr *ValidationError
				require.ErrorAs(t, err, &valErr)
				assert.Equal(t, "Sid", valErr.Field)
			}
		})
	}
	t.Run("role SID fields", func(t *testing.T) {
		bad := "RL" + hex[:15] + "/" + hex[16:]
		_, err := c.Services.Update(context.Background(), testServiceSID, &UpdateServiceParams{DefaultChannelRoleSID: &bad})
		var valErr *ValidationError
		require.ErrorAs(t, err, &valErr)
		assert.Equal(t, "DefaultChannelRoleSid", valErr.Field)
	})
	// Subtests above are not parallel, so every call has returned.
	assert.Zero(t, rec.hits(), "no request for a bad SID")
}

func TestFormValuesGoVerbatim(t *testing.T) {
	t.Parallel()
	params := &UpdateServiceParams{
		FriendlyName:  Ptr("a&b=c&FriendlyName=evil"),
		WebhookMethod: Ptr(WebhookMethodPost),
		WebhookFilters: []string{
			"onMessageSent&WebhookMethod=GET",
			"naïve ☃ 😀",
		},
		Notifications: &NotificationsParams{
			NewMessage: &NewMessageNotificationParams{
				Template: Ptr("${USER}:\n${MESSAGE}\r\n= 100% + more"),
				Sound:    Ptr("%2F..%2Fetc/passwd?x=1#frag"),
			},
		},
		Media: &MediaParams{CompatibilityMessage: Ptr("\u0406S \u200b zero-width; tab\there")},
	}
	want := url.Values{
		"FriendlyName":                      {"a&b=c&FriendlyName=evil"},
		"WebhookMethod":                     {"POST"},
		"WebhookFilters":                    {"onMessageSent&WebhookMethod=GET", "naïve ☃ 😀"},
		"Notifications.NewMessage.Template": {"${USER}:\n${MESSAGE}\r\n= 100% + more"},
		"Notifications.NewMessage.Sound":    {"%2F..%2Fetc/passwd?x=1#frag"},
		"Media.CompatibilityMessage":        {"\u0406S \u200b zero-width; tab\there"},
	}
	rec := newRecorder(t, respondJSON(http.StatusOK, string(serviceJSON(t))))
	_, err := rec.client(t).Services.Update(context.Background(), testServiceSID, params)
	require.NoError(t, err)

	body := rec.onlyRequest(t).Body
	got, err := url.ParseQuery(body)
	require.NoError(t, err)
	assert.Equal(t, want, got, "the server decodes exactly what was set")

	const golden = "testdata/update_injection.form"
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(body), 0o644))
	}
	wantBody, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(wantBody), body)
}

// TestSecretsNeverPrinted drives every path by which a credential could
// reach a text a caller sees, each with the auth token and with API keys
// (one with characters that Go, JSON, HTML and URLs escape), against a
// server that echoes the credentials back wherever an answer can hold them:
// error answers (JSON, HTML, a redirect, a body that does not decode, text
// cut at the excerpt's length), answers net/http cannot parse, a
// next_page_url, the request ID. It looks for every spelling of every
// secret (secretSpellings, and the push credentials' testSecretTexts) in
// all a caller can print: the error in each fmt verb, down its chain and in
// what errors.As finds (errorTexts), as JSON and through slog; the Client
// the same ways; the lines WithLogger wrote; the ResponseRecorder.
func TestSecretsNeverPrinted(t *testing.T) {
	t.Parallel()
	// answer writes the server's answer, given the request's Authorization
	// header and password.
	type answer func(w http.ResponseWriter, r *http.Request, auth, pass string)
	service := string(serviceJSON(t))
	created, updated := string(mustRead(t, "testdata/credential_create.json")), string(mustRead(t, "testdata/credential_update.json"))
	fetch := func(ctx context.Context, c *Client, _ string) error {
		_, err := c.Services.Fetch(ctx, testServiceSID)
		return err
	}
	tests := []struct {
		name   string
		answer answer
		// call makes the calls, given the client's secret; Services.Fetch
		// when nil.
		call func(ctx context.Context, c *Client, secret string) error
		opts []Option
		// wantRedacted: the echo reached the error, blanked out.
		wantRedacted bool
		// check checks what is the row's own.
		check func(t *testing.T, err error, rr ResponseInfo, log string)
	}{
		{name: "JSON error echoing everywhere, retried", wantRedacted: true,
			answer: func(w http.ResponseWriter, r *http.Request, auth, pass string) {
				user, _, _ := r.BasicAuth()
				w.Header().Set("Retry-After", "0")
				answerWithID(w, http.StatusServiceUnavailable, "RQ "+pass, fmt.Sprintf(
					`{"code":20503,"message":"you sent %s (%s:%s)","more_info":"https://x/%s","details":{"auth":%q,"list":[%q,{"deep":%q}]}}`,
					auth, user, pass, pass, auth, pass, auth))
			},
			check: func(t *testing.T, err error, _ ResponseInfo, _ string) {
				var retryErr *RetryError
				require.ErrorAs(t, err, &retryErr)
				assert.Equal(t, 3, retryErr.Attempts)
			}},
		{name: "HTML error", wantRedacted: true, answer: func(w http.ResponseWriter, _ *http.Request, auth, pass string) {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, "<html><pre>Authorization: %s\npassword=%s</pre></html>", auth, pass)
		}},
		{name: "redirect", wantRedacted: true, answer: func(w http.ResponseWriter, _ *http.Request, auth, pass string) {
			w.Header().Set("Location", "https://evil.example/?token="+pass+"&auth="+url.QueryEscape(auth))
			w.WriteHeader(http.StatusFound)
		}},
		{name: "undecodable answer", answer: func(w http.ResponseWriter, _ *http.Request, _, pass string) {
			_, _ = io.WriteString(w, `{"sid": "`+pass+`"}`)
		}},
		{name: "details at every depth", answer: func(w http.ResponseWriter, _ *http.Request, auth, pass string) {
			writeJSON(w, http.StatusBadRequest, fmt.Sprintf(
				`{"code":20001,"message":"bad","details":{%q:"a",%q:{%q:[{%q:%q}]},"n":1}}`, pass, "param", auth, "k-"+pass, pass))
		}, check: func(t *testing.T, err error, _ ResponseInfo, _ string) {
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, map[string]any{
				redacted: "a",
				"param":  map[string]any{"Basic " + redacted: []any{map[string]any{"k-" + redacted: redacted}}},
				"n":      float64(1),
			}, apiErr.Details)
		}},
		// Text cut short (the 256-byte excerpt of a body, a Location or a
		// Twilio-Request-Id, the read cap of a body) keeps no prefix of a
		// secret where the cut falls.
		{name: "cut: HTML body", wantRedacted: true, opts: []Option{WithMaxRetries(0)}, check: checkCut,
			answer: func(w http.ResponseWriter, _ *http.Request, _, pass string) {
				w.WriteHeader(http.StatusBadGateway)
				_, _ = w.Write([]byte("<p>" + strings.Repeat("x", 240) + pass + "</p>"))
			}},
		{name: "cut: text body echoing Authorization", wantRedacted: true, opts: []Option{WithMaxRetries(0)}, check: checkCut,
			answer: func(w http.ResponseWriter, _ *http.Request, auth, _ string) {
				w.WriteHeader(http.StatusUnauthorized)
				_, _ = w.Write([]byte(strings.Repeat("y ", 110) + auth))
			}},
		{name: "cut: Location", wantRedacted: true, opts: []Option{WithMaxRetries(0)}, check: checkCut,
			answer: func(w http.ResponseWriter, _ *http.Request, _, pass string) {
				w.Header().Set("Location", "https://elsewhere.example/"+strings.Repeat("z", 220)+url.QueryEscape(pass))
				w.WriteHeader(http.StatusFound)
			}},
		{name: "cut: Twilio-Request-Id", wantRedacted: true, opts: []Option{WithMaxRetries(0)}, check: checkCut,
			answer: func(w http.ResponseWriter, _ *http.Request, _, pass string) {
				w.Header().Set("Twilio-Request-Id", "RQ"+strings.Repeat("0", 238)+pass)
				w.WriteHeader(http.StatusInternalServerError)
			}},
		{name: "cut: body cut by the read cap", wantRedacted: true, opts: []Option{WithMaxRetries(0)}, check: checkCut,
			answer: func(w http.ResponseWriter, _ *http.Request, _, pass string) {
				w.WriteHeader(http.StatusServiceUnavailable)
				// The cap keeps the first 12 bytes of the secret, which white
				// space collapsing brings to the front of the excerpt.
				_, _ = w.Write([]byte(strings.Repeat(" ", MaxResponseBytes-11) + pass))
			}},
		{name: "cut: JSON message", wantRedacted: true, opts: []Option{WithMaxRetries(0)}, check: checkCut,
			answer: func(w http.ResponseWriter, _ *http.Request, _, pass string) {
				writeJSON(w, http.StatusBadRequest, twilioErrorBody(400, 20001, strings.Repeat("m", 240)+pass))
			}},
		// Answers net/http cannot parse: Go quotes what it could not parse
		// in the error, and errors.Is and errors.As still find what the
		// error wraps once it is blanked out.
		{name: "transport: header line without a colon, echoing Authorization", wantRedacted: true, check: checkTransport(true, nil),
			answer: rawAnswer(func(auth, _ string) string { return "HTTP/1.1 200 OK\r\nEcho " + auth + "\r\n\r\n" })},
		{name: "transport: bad Content-Length", wantRedacted: true, check: checkTransport(false, nil),
			answer: rawAnswer(func(_, pass string) string { return "HTTP/1.1 200 OK\r\nContent-Length: " + pass + "\r\n\r\n" })},
		{name: "transport: status code", wantRedacted: true, check: checkTransport(false, nil),
			answer: rawAnswer(func(_, pass string) string { return "HTTP/1.1 " + pass + " OK\r\n\r\n" })},
		{name: "transport: not HTTP at all", wantRedacted: true, check: checkTransport(false, nil),
			answer: rawAnswer(func(_, pass string) string { return strings.ReplaceAll(pass, " ", "") + "\r\n\r\n" })},
		{name: "transport: Transfer-Encoding in base64", wantRedacted: true, check: checkTransport(false, nil),
			answer: rawAnswer(func(_, pass string) string {
				return "HTTP/1.1 200 OK\r\nTransfer-Encoding: " + base64.StdEncoding.EncodeToString([]byte(pass)) + "\r\n\r\n"
			})},
		{name: "transport: second Content-Length in URL base64", wantRedacted: true, check: checkTransport(false, nil),
			answer: rawAnswer(func(_, pass string) string {
				return "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: " + base64.URLEncoding.EncodeToString([]byte(pass)) + "\r\n\r\n"
			})},
		{name: "transport: control byte then the percent-escaped secret", wantRedacted: true, check: checkTransport(true, nil),
			answer: rawAnswer(func(_, pass string) string { return "HTTP/1.1 200 OK\r\nX: \x01" + url.QueryEscape(pass) + "\r\n\r\n" })},
		{name: "transport: continuation line with the Go-quoted secret", wantRedacted: true, check: checkTransport(true, nil),
			answer: rawAnswer(func(_, pass string) string { return "HTTP/1.1 200 OK\r\n " + strconv.Quote(pass) + "\r\n\r\n" })},
		{name: "transport: connection closed on a next_page_url that holds the secret", wantRedacted: true, check: checkTransport(false, io.EOF),
			answer: rawAnswer(func(string, string) string { return "" }),
			call: func(ctx context.Context, c *Client, secret string) error {
				_, err := c.Services.NextPage(ctx, &ServicePage{Meta: PageMeta{NextPageURL: "/v2/Services?PageToken=" + url.QueryEscape(secret)}})
				return err
			}},
		{name: "dial error, retried", opts: []Option{WithBaseURL(closedURL(t))},
			call: func(ctx context.Context, c *Client, _ string) error {
				_, err := c.Services.Update(ctx, testServiceSID, &UpdateServiceParams{FriendlyName: Ptr(testServiceSID)})
				return err
			},
			check: func(t *testing.T, err error, _ ResponseInfo, _ string) {
				var retryErr *RetryError
				require.ErrorAs(t, err, &retryErr)
				assert.Equal(t, 3, retryErr.Attempts)
			}},
		{name: "canceled",
			call: func(ctx context.Context, c *Client, _ string) error {
				ctx, cancel := context.WithCancel(ctx)
				cancel()
				_, err := c.Services.Update(ctx, testServiceSID, nil)
				return err
			}},
		// The pager quotes a next_page_url it refuses, cut short; it does
		// not quote one that repeats a page.
		{name: "pager: NextPage to itself",
			call: func(ctx context.Context, c *Client, secret string) error {
				loop := "/v2/Services?PageToken=" + secret + "&Page=3"
				_, err := c.Services.NextPage(ctx, &ServicePage{Meta: PageMeta{URL: loop, NextPageURL: loop}})
				return err
			},
			check: func(t *testing.T, err error, _ ResponseInfo, _ string) { assert.ErrorIs(t, err, ErrPageLoop) }},
		{name: "pager: NextPage off the host", wantRedacted: true,
			call: func(ctx context.Context, c *Client, secret string) error {
				_, err := c.Services.NextPage(ctx, &ServicePage{Meta: PageMeta{NextPageURL: "https://e.example/?PageToken=" + secret}})
				return err
			},
			check: func(t *testing.T, err error, _ ResponseInfo, _ string) { assert.ErrorIs(t, err, ErrUntrustedURL) }},
		{name: "pager: List off the host", wantRedacted: true,
			answer: func(w http.ResponseWriter, _ *http.Request, _, pass string) {
				writeJSON(w, http.StatusOK, `{"roles":[{"sid":"`+testRoleSID+`"}],"meta":{"key":"roles","next_page_url":"https://e.example/?PageToken=`+url.QueryEscape(pass)+`"}}`)
			},
			call: func(ctx context.Context, c *Client, _ string) error {
				for _, err := range c.Roles.List(ctx, testServiceSID, nil) {
					if err != nil {
						return err
					}
				}
				return nil
			},
			check: func(t *testing.T, err error, _ ResponseInfo, _ string) { assert.ErrorIs(t, err, ErrUntrustedURL) }},
		// The log holds no form value, no query and no userinfo, and the
		// request IDs with the echo blanked out.
		{name: "logged: form values echoed back, retried",
			answer: func(w http.ResponseWriter, r *http.Request, auth, pass string) {
				_ = r.ParseForm()
				w.Header().Set("Retry-After", "0")
				answerWithID(w, http.StatusServiceUnavailable, pass+" "+auth, twilioErrorBody(503, 20503, fmt.Sprintf("%s %s %s %s", auth, pass, r.Form.Encode(), r.URL)))
			},
			call: func(ctx context.Context, c *Client, _ string) error {
				_, err1 := c.Services.Update(ctx, testServiceSID, &UpdateServiceParams{
					FriendlyName:   Ptr(testFormSecret),
					PreWebhookURL:  Ptr("https://user:" + testUserinfo + "@example.com/hook?token=" + testQuerySecret),
					WebhookMethod:  Ptr(WebhookMethodPost),
					WebhookFilters: []string{testFormSecret},
				})
				_, err2 := c.Services.Create(ctx, &CreateServiceParams{FriendlyName: Ptr(testFormSecret)})
				_, err3 := c.Roles.Create(ctx, testServiceSID, &CreateRoleParams{FriendlyName: Ptr("r"), Type: Ptr(RoleTypeChannel), Permission: []string{testFormSecret}})
				return errors.Join(err1, err2, err3)
			},
			check: func(t *testing.T, _ error, _ ResponseInfo, log string) {
				for _, s := range []string{testFormSecret, testUserinfo, testQuerySecret, "PreWebhookUrl", "example.com", "Authorization"} {
					assert.NotContains(t, log, s)
				}
				assert.Contains(t, log, `"request_id":"[redacted] Basic [redacted]"`, "an echoed secret is blanked out")
			}},
		{name: "logged: a next_page_url whose query holds a secret",
			answer: func(w http.ResponseWriter, r *http.Request, auth, _ string) {
				w.Header().Set("Twilio-Request-Id", auth)
				if r.URL.Query().Get("PageToken") == "" {
					next := fmt.Sprintf("http://%s/v2/Services?PageSize=1&Page=1&PageToken=%s", r.Host, testQuerySecret)
					_, _ = fmt.Fprintf(w, `{"services":[{"sid":%q}],"meta":{"next_page_url":%q,"page_size":1}}`, testServiceSID, next)
					return
				}
				w.WriteHeader(http.StatusServiceUnavailable)
			},
			call: func(ctx context.Context, c *Client, _ string) error {
				for _, err := range c.Services.List(ctx, &ListServicesParams{PageSize: Ptr(1)}) {
					if err != nil {
						return err
					}
				}
				return nil
			},
			check: func(t *testing.T, err error, _ ResponseInfo, log string) {
				require.Error(t, err)
				assert.NotContains(t, log, testQuerySecret)
				assert.Contains(t, log, `"request_id":"Basic [redacted]"`, "an echoed header is blanked out")
			}},
		// A push credential's secrets, quoted back by an error answer, whole
		// or a line of them; and the log of a success, which holds no form
		// value.
		{name: "push credentials: Create answered 400 quoting them",
			answer: credentialsEcho(http.StatusBadRequest),
			call: func(ctx context.Context, c *Client, _ string) error {
				_, err := c.Credentials.Create(ctx, allSecretsCreate())
				return err
			},
			check: checkCredentialsEcho},
		{name: "push credentials: Update answered 503 quoting them, retried",
			answer: credentialsEcho(http.StatusServiceUnavailable),
			call: func(ctx context.Context, c *Client, _ string) error {
				_, err := c.Credentials.Update(ctx, testCredentialSID, allSecretsUpdate())
				return err
			},
			check: checkCredentialsEcho},
		{name: "push credentials: refused before sending",
			call: func(ctx context.Context, c *Client, _ string) error {
				bad := allSecretsCreate()
				bad.Type, bad.FriendlyName = Ptr(PushService("voip")), Ptr(strings.Repeat("x", 100))
				_, err1 := c.Credentials.Create(ctx, bad)
				_, err2 := c.Credentials.Update(ctx, testServiceSID, allSecretsUpdate())
				return errors.Join(err1, err2)
			},
			check: func(t *testing.T, err error, _ ResponseInfo, _ string) {
				require.Len(t, validationErrors(err), 3)
				for _, v := range validationErrors(err) {
					assertNoSecret(t, fmt.Sprintf("%+v", *v), "a *ValidationError")
				}
			}},
		{name: "push credentials: Create and Update succeed",
			answer: func(w http.ResponseWriter, r *http.Request, _, _ string) {
				if r.URL.Path == credentialsPath {
					writeJSON(w, http.StatusCreated, created)
					return
				}
				writeJSON(w, http.StatusOK, updated)
			},
			call: func(ctx context.Context, c *Client, _ string) error {
				_, err1 := c.Credentials.Create(ctx, allSecretsCreate())
				_, err2 := c.Credentials.Update(ctx, testCredentialSID, allSecretsUpdate())
				return errors.Join(err1, err2)
			},
			check: func(t *testing.T, err error, _ ResponseInfo, log string) {
				require.NoError(t, err)
				assert.NotContains(t, log, "apn", "no form value is logged")
			}},
		{name: "response recorder: request ID of a success",
			answer: func(w http.ResponseWriter, _ *http.Request, _, pass string) {
				answerWithID(w, http.StatusOK, "RQ-"+pass, service)
			},
			check: func(t *testing.T, err error, rr ResponseInfo, _ string) {
				require.NoError(t, err)
				assert.Equal(t, ResponseInfo{Status: http.StatusOK, RequestID: "RQ-[redacted]", Attempt: 1}, rr)
			}},
	}
	for _, tc := range tests {
		for _, secret := range []string{testAuthToken, testKeySecret, testOddSecret} {
			t.Run(tc.name+"/"+secret[:4], func(t *testing.T) {
				t.Parallel()
				rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
					auth := r.Header.Get("Authorization")
					_, pass, _ := r.BasicAuth()
					if tc.answer != nil {
						tc.answer(w, r, auth, pass)
						return
					}
					t.Errorf("an unexpected request: %s %s", r.Method, r.URL)
				})
				log := newRecordingHandler()
				opts := []Option{WithLogger(slog.New(log))}
				if secret != testAuthToken {
					opts = append(opts, WithAPIKey(testKeySID, secret))
				}
				c := rec.client(t, append(opts, tc.opts...)...)
				call := tc.call
				if call == nil {
					call = fetch
				}
				var rr ResponseRecorder

				err := call(WithResponseRecorder(context.Background(), &rr), c, secret)

				texts := append(errorTexts(err), printed(err)...)
				texts = append(texts, printed(c)...)
				texts = append(texts, log.Text(), fmt.Sprintf("%#v", rr.Last()))
				assertNoLeak(t, texts...)
				for _, text := range texts {
					assertNoSecret(t, text, tc.name)
				}
				if tc.wantRedacted {
					require.Error(t, err)
					assert.Contains(t, err.Error(), redacted, "the echo was there and is blanked out")
				}
				if tc.check != nil {
					tc.check(t, err, rr.Last(), log.Text())
				}
			})
		}
	}
	t.Run("constructors", func(t *testing.T) {
		t.Parallel()
		errs := map[string]error{}
		_, errs["NewClient with swapped arguments"] = NewClient(testAuthToken, testAccountSID)
		_, errs["WithAPIKey with swapped arguments"] = NewClient(testAccountSID, testAuthToken, WithAPIKey(testKeySecret, testKeySID))
		// WithBaseURL's URL with a password, failing for every reason a
		// base URL can.
		for _, base := range []string{
			"https://user:" + testAuthToken + "@chat.example.com",
			"https://user:" + testAuthToken + " x@chat.example.com", // unparsable userinfo
			"https://user:" + testAuthToken + "/x@chat.example.com", // a "/" makes the password a port
			"ftp://user:" + testAuthToken + "@chat.example.com",
			"https:user:" + testAuthToken + "@chat.example.com",
			"//user:" + testAuthToken + "@chat.example.com",
			"user:" + testAuthToken + "@chat.example.com",
			"https://user:" + testAuthToken + "@chat.example.com/?q=1",
			"https://user:" + testAuthToken + "@[::1",
		} {
			c, err := NewClient(testAccountSID, testAuthToken, WithBaseURL(base))
			assert.Nil(t, c)
			assert.EqualError(t, err, "twiliochat: invalid WithBaseURL: the URL must not carry credentials", base)
			errs["WithBaseURL "+base] = err
		}
		for name, err := range errs {
			require.Error(t, err, name)
			assertNoLeak(t, append(errorTexts(err), printed(err)...)...)
		}
	})
	t.Run("the Client", func(t *testing.T) {
		t.Parallel()
		withToken, err := NewClient(testAccountSID, testAuthToken)
		require.NoError(t, err)
		withKey, err := NewClient(testAccountSID, testAuthToken, WithAPIKey(testKeySID, testOddSecret))
		require.NoError(t, err)
		type holder struct{ Client *Client }
		for _, c := range []*Client{withToken, withKey} {
			for _, v := range []any{c, *c, c.Services, *c.Services, holder{c}, &holder{c}} {
				texts := printed(v)
				assertNoLeak(t, texts...)
			}
			assert.Contains(t, fmt.Sprintf("%v", c), testAccountSID, "a Client prints its account")
		}
		// testify prints a diff of two values that differ with go-spew,
		// which reads unexported fields.
		var diff diffRecorder
		assert.Equal(&diff, holder{withToken}, holder{withKey})
		require.Contains(t, diff.String(), "Diff:")
		assertNoLeak(t, diff.String())
	})
}

// printed returns what a caller gets printing v: in each fmt verb, as JSON
// (when it encodes), and logged by slog's text and JSON handlers.
func printed(v any) []string {
	var texts []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		texts = append(texts, fmt.Sprintf(verb, v))
	}
	if b, err := json.Marshal(v); err == nil {
		texts = append(texts, string(b))
	}
	var text, js bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("printed", "v", v)
	slog.New(slog.NewJSONHandler(&js, nil)).Info("printed", "v", v)
	return append(texts, text.String(), js.String())
}

// diffRecorder is an assert.TestingT that keeps what testify reports.
type diffRecorder struct{ strings.Builder }

func (d *diffRecorder) Errorf(format string, args ...any) { fmt.Fprintf(d, format, args...) }

// Form values, a URL's userinfo and query, that no log line may hold.
const (
	testFormSecret  = "f0rmS3cretValueDoNotLog"
	testUserinfo    = "us3rInf0DoNotLog"
	testQuerySecret = "qu3ryS3cretDoNotLog"
)

// rawAnswer returns an answer that writes, on the bare connection, what
// text returns.
func rawAnswer(text func(auth, pass string) string) func(w http.ResponseWriter, r *http.Request, auth, pass string) {
	return func(w http.ResponseWriter, r *http.Request, auth, pass string) {
		conn, rw, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		defer conn.Close()
		_, _ = rw.WriteString(text(auth, pass))
		_ = rw.Flush()
	}
}

// checkTransport checks the error of an answer net/http could not parse:
// retried, a *url.Error of a GET around a net.Error that is no timeout,
// around a textproto.ProtocolError when protoErr, and around cause.
func checkTransport(protoErr bool, cause error) func(t *testing.T, err error, _ ResponseInfo, _ string) {
	return func(t *testing.T, err error, _ ResponseInfo, _ string) {
		var retryErr *RetryError
		require.ErrorAs(t, err, &retryErr)
		assert.Equal(t, 3, retryErr.Attempts)
		var urlErr *url.Error
		require.ErrorAs(t, err, &urlErr)
		assert.Equal(t, "Get", urlErr.Op)
		var pe textproto.ProtocolError
		assert.Equal(t, protoErr, errors.As(err, &pe))
		if protoErr {
			assert.Contains(t, string(pe), redacted)
		}
		if cause != nil {
			assert.ErrorIs(t, err, cause)
		}
		var netErr net.Error
		require.ErrorAs(t, err, &netErr)
		assert.False(t, netErr.Timeout())
	}
}

// checkCut checks that the *APIError's excerpts, cut at their length, show
// the echo blanked out.
func checkCut(t *testing.T, err error, _ ResponseInfo, _ string) {
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Contains(t, apiErr.Message+apiErr.RequestID, redacted, "the echo was there and is blanked out")
	assert.LessOrEqual(t, len(apiErr.Message), maxErrorExcerpt+2*len("…")+len("redirect to  not followed "))
	assert.LessOrEqual(t, len(apiErr.RequestID), maxErrorExcerpt+len("…"))
}

// credentialsEcho answers with status and a Twilio error that quotes the
// push credential's secrets, whole, a line of one, and percent-escaped.
func credentialsEcho(status int) func(w http.ResponseWriter, _ *http.Request, _, _ string) {
	quoted := "Invalid certificate " + testCertificate + "; key line " + strings.Split(testPrivateKey, "\n")[1] +
		"; api key " + testGCMAPIKey + "; secret " + url.QueryEscape(testFCMSecret)
	body, err := json.Marshal(map[string]any{"code": 20001, "message": quoted, "more_info": "https://www.twilio.com/docs/errors/20001",
		"status": 400, "details": map[string]any{"Certificate": testCertificate, testGCMAPIKey: "key"}})
	if err != nil {
		panic(err)
	}
	return func(w http.ResponseWriter, _ *http.Request, _, _ string) { writeJSON(w, status, string(body)) }
}

// checkCredentialsEcho checks the error of a credentialsEcho answer.
func checkCredentialsEcho(t *testing.T, err error, _ ResponseInfo, _ string) {
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 20001, apiErr.Code)
	assert.Contains(t, apiErr.RawMessage, "Invalid certificate [redacted]")
}

// closedURL returns the URL of a local port nothing listens on.
func closedURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	require.NoError(t, l.Close())
	return "http://" + l.Addr().String()
}

// TestAuthorizationStaysOnBaseHost points the client at server A, which
// redirects to server B: B must get nothing, whatever the http.Client would
// do on its own.
func TestAuthorizationStaysOnBaseHost(t *testing.T) {
	t.Parallel()
	follow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return nil }}
	for _, code := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		for _, hc := range []*http.Client{nil, follow} {
			name := fmt.Sprintf("%d own client %v", code, hc != nil)
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				serverB := newRecorder(t, respondJSON(http.StatusOK, string(serviceJSON(t))))
				serverA := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
					http.Redirect(w, r, serverB.srv.URL+r.URL.Path, code)
				})
				var opts []Option
				if hc != nil {
					opts = append(opts, WithHTTPClient(hc))
				}
				c := serverA.client(t, opts...)
				_, err := c.Services.Update(context.Background(), testServiceSID, &UpdateServiceParams{FriendlyName: Ptr("x")})
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, code, apiErr.Status)
				assert.EqualValues(t, 1, serverA.hits())
				assert.Zero(t, serverB.hits(), "the other host got nothing")
			})
		}
	}
	t.Run("the caller's client keeps its own redirect policy", func(t *testing.T) {
		t.Parallel()
		_, err := NewClient(testAccountSID, testAuthToken, WithHTTPClient(follow))
		require.NoError(t, err)
		assert.NoError(t, follow.CheckRedirect(nil, nil))
	})
}
