package twiliochat

import (
	"context"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
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

// TestSecretsNeverPrinted collects every text the client produces on the
// way to failure, and every fmt rendering of the client, and looks for the
// secrets in each, raw and in their base64 Authorization form.
func TestSecretsNeverPrinted(t *testing.T) {
	t.Parallel()
	secrets := []string{
		testAuthToken,
		testKeySecret,
		// Without the padding, which an echo may have escaped.
		strings.TrimRight(base64.StdEncoding.EncodeToString([]byte(testAccountSID+":"+testAuthToken)), "="),
		strings.TrimRight(base64.StdEncoding.EncodeToString([]byte(testKeySID+":"+testKeySecret)), "="),
	}
	var texts []string
	verbs := []string{"%v", "%+v", "%#v", "%s", "%q", "%x"}
	addFmt := func(name string, v any) {
		for _, verb := range verbs {
			texts = append(texts, name+" "+verb+": "+fmt.Sprintf(verb, v))
		}
	}
	addErr := func(name string, err error) {
		require.Error(t, err, name)
		texts = append(texts, name+": "+err.Error())
		addFmt(name, err)
		for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
			texts = append(texts, name+" (cause): "+e.Error())
		}
	}

	// Options and constructors.
	_, err := NewClient(testAuthToken, testAccountSID)
	addErr("NewClient with swapped arguments", err)
	_, err = NewClient(testAccountSID, testAuthToken, WithAPIKey(testKeySecret, testKeySID))
	addErr("WithAPIKey with swapped arguments", err)
	_, err = NewClient(testAccountSID, testAuthToken, WithBaseURL("https://user:"+testAuthToken+"@example.com"))
	addErr("WithBaseURL with credentials", err)

	// A server that echoes the credentials back in every place it can.
	echo := func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		user, pass, _ := r.BasicAuth()
		w.Header().Set("Twilio-Request-Id", "RQ "+pass)
		switch r.URL.Path {
		case "/json":
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w,
				`{"code":20503,"message":"you sent %s (%s:%s)","more_info":"https://x/%s","details":{"auth":%q,"list":[%q,{"deep":%q}]}}`,
				auth, user, pass, pass, auth, pass, auth)
		case "/html":
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, "<html><pre>Authorization: %s\npassword=%s</pre></html>", auth, pass)
		case "/redirect":
			w.Header().Set("Location", "https://evil.example/?token="+pass+"&auth="+url.QueryEscape(auth))
			w.WriteHeader(http.StatusFound)
		case "/undecodable":
			io.WriteString(w, `{"sid": "`+pass+`"}`)
		}
	}
	rec := newRecorder(t, echo)
	for _, key := range []bool{false, true} {
		var opts []Option
		name := "auth token"
		if key {
			opts, name = []Option{WithAPIKey(testKeySID, testKeySecret)}, "API key"
		}
		c := rec.client(t, opts...)
		for _, path := range []string{"/json", "/html", "/redirect", "/undecodable"} {
			err := c.do(context.Background(), &request{method: http.MethodGet, target: path, out: new(Service)})
			addErr(name+" "+path, err)
			var apiErr *APIError
			if errors.As(err, &apiErr) && path != "/undecodable" {
				assert.Contains(t, apiErr.Message, redacted, "%s %s: the echo is blanked out", name, path)
			}
		}
		addFmt(name+" Client", *c)
		addFmt(name+" *Client", c)
		addFmt(name+" Services", c.Services)
		addFmt(name+" *Services", *c.Services)
	}

	// A transport error, which names the URL, after retries; and a deadline.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + l.Addr().String()
	require.NoError(t, l.Close())
	c, _ := newTestClient(t, closed)
	_, err = c.Services.Update(context.Background(), testServiceSID, &UpdateServiceParams{FriendlyName: Ptr(testServiceSID)})
	addErr("dial error", err)
	var retryErr *RetryError
	require.ErrorAs(t, err, &retryErr)
	assert.Equal(t, 3, retryErr.Attempts)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.Services.Update(ctx, testServiceSID, nil)
	addErr("canceled", err)

	require.NotEmpty(t, texts)
	for _, text := range texts {
		for _, secret := range secrets {
			assert.NotContains(t, text, secret)
		}
	}
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
	t.Run("absolute URL on another host", func(t *testing.T) {
		t.Parallel()
		other := newRecorder(t, respondJSON(http.StatusOK, "{}"))
		base := newRecorder(t, respondJSON(http.StatusOK, "{}"))
		err := base.client(t).do(context.Background(), &request{method: http.MethodGet, target: other.srv.URL + "/v2/Services?Page=1"})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "refusing to send credentials")
		assert.Zero(t, other.hits())
	})
}
