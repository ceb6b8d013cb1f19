package twiliochat

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNewClientRejects checks every credential and option error: each is a
// *ValidationError naming the argument or option, and none quotes the token.
func TestNewClientRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		account string
		token   string
		opts    []Option
		field   string
		want    string
	}{
		{"empty account", "", testAuthToken, nil, "AccountSid", "is not AC followed by 32 hex digits"},
		{"bad account prefix", testServiceSID, testAuthToken, nil, "AccountSid", "is not AC followed by 32 hex digits"},
		{"short account", testAccountSID[:20], testAuthToken, nil, "AccountSid", "is not AC followed by 32 hex digits"},
		{"empty token", testAccountSID, "", nil, "AuthToken", "is empty"},
		{"bad key sid", testAccountSID, testAuthToken, []Option{WithAPIKey("SK123", "secret")}, "WithAPIKey", "key SID is not SK followed by 32 hex digits"},
		{"empty key secret", testAccountSID, testAuthToken, []Option{WithAPIKey(testKeySID, "")}, "WithAPIKey", "empty secret"},
		{"nil http client", testAccountSID, testAuthToken, []Option{WithHTTPClient(nil)}, "WithHTTPClient", "nil *http.Client"},
		{"nil option", testAccountSID, testAuthToken, []Option{WithMaxRetries(1), nil}, "opts[1]", "is nil"},
		{"negative max retries", testAccountSID, testAuthToken, []Option{WithMaxRetries(-1)}, "MaxRetries", "-1 is negative"},
		{"relative base", testAccountSID, testAuthToken, []Option{WithBaseURL("/v2")}, "WithBaseURL", `"/v2" is not an absolute http or https URL`},
		{"base without scheme", testAccountSID, testAuthToken, []Option{WithBaseURL("chat.twilio.com")}, "WithBaseURL", `"chat.twilio.com" is not an absolute http or https URL`},
		{"ftp base", testAccountSID, testAuthToken, []Option{WithBaseURL("ftp://chat.twilio.com")}, "WithBaseURL", `"ftp://chat.twilio.com" is not an absolute http or https URL`},
		{"base with credentials", testAccountSID, testAuthToken, []Option{WithBaseURL("https://u:p@chat.twilio.com")}, "WithBaseURL", "the URL must not carry credentials"},
		{"base with query", testAccountSID, testAuthToken, []Option{WithBaseURL("https://chat.twilio.com/?x=1")}, "WithBaseURL", "the URL must not have a query or fragment"},
		{"unparsable base", testAccountSID, testAuthToken, []Option{WithBaseURL("http://[::1")}, "WithBaseURL", `parse "http://[::1": missing ']' in host`},
		{"base and edge", testAccountSID, testAuthToken, []Option{WithBaseURL("https://example.com"), WithEdge("dublin")}, "WithBaseURL", "cannot be combined with WithEdge or WithRegion"},
		{"edge with dot", testAccountSID, testAuthToken, []Option{WithEdge("evil.com/")}, "WithEdge", `"evil.com/" is not a host name label`},
		{"region upper case", testAccountSID, testAuthToken, []Option{WithRegion("IE1")}, "WithRegion", `"IE1" is not a host name label`},
		{"user agent newline", testAccountSID, testAuthToken, []Option{WithUserAgent("x\r\nX-Evil: 1")}, "WithUserAgent", "control character U+000D in the user agent"},
		{"user agent NUL", testAccountSID, testAuthToken, []Option{WithUserAgent("bot\x00")}, "WithUserAgent", "control character U+0000 in the user agent"},
		{"user agent DEL", testAccountSID, testAuthToken, []Option{WithUserAgent("bot\x7f")}, "WithUserAgent", "control character U+007F in the user agent"},
		{"user agent ESC", testAccountSID, testAuthToken, []Option{WithUserAgent("bot \x1b[31mred")}, "WithUserAgent", "control character U+001B in the user agent"},
		{"user agent tab", testAccountSID, testAuthToken, []Option{WithUserAgent("bot\t1")}, "WithUserAgent", "control character U+0009 in the user agent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := NewClient(tt.account, tt.token, tt.opts...)
			assert.Nil(t, c)
			var valErr *ValidationError
			require.True(t, errors.As(err, &valErr), "%T %v", err, err)
			assert.Equal(t, tt.field, valErr.Field)
			assert.Equal(t, tt.want, valErr.Reason)
			assert.Equal(t, "twiliochat: invalid "+tt.field+": "+tt.want, err.Error())
		})
	}
}

// TestNewClientBaseURL checks where requests go for each option.
func TestNewClientBaseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts []Option
		want string
	}{
		{"default", nil, "https://chat.twilio.com"},
		{"base url", []Option{WithBaseURL("http://127.0.0.1:8080")}, "http://127.0.0.1:8080"},
		{"base url with prefix", []Option{WithBaseURL("https://proxy.example.com/twilio/")}, "https://proxy.example.com/twilio"},
		{"edge only", []Option{WithEdge("dublin")}, "https://chat.dublin.us1.twilio.com"},
		{"edge and region", []Option{WithEdge("dublin"), WithRegion("ie1")}, "https://chat.dublin.ie1.twilio.com"},
		{"region only", []Option{WithRegion("au1")}, "https://chat.au1.twilio.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := NewClient(testAccountSID, testAuthToken, tt.opts...)
			require.NoError(t, err)
			assert.Equal(t, tt.want, c.base)
		})
	}
}

// TestAPIKeyAuth checks that an API key authenticates while requests stay
// addressed to the account.
func TestAPIKeyAuth(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/service.json"))
	c, err := NewClient(testAccountSID, "", WithBaseURL(rec.srv.URL), WithAPIKey(testKeySID, testKeySecret))
	require.NoError(t, err)
	_, err = c.Services.Update(context.Background(), testServiceSID, nil)
	require.NoError(t, err)
	req := rec.onlyRequest(t)
	user, pass, ok := (&http.Request{Header: req.Header}).BasicAuth()
	require.True(t, ok)
	assert.Equal(t, testKeySID, user)
	assert.Equal(t, testKeySecret, pass)
}

// TestErrorShapes checks the *APIError built from each kind of failure body.
func TestErrorShapes(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 5000)
	tests := []struct {
		name        string
		status      int
		contentType string
		header      map[string]string
		body        string
		want        APIError
		notFound    bool
	}{
		{
			name: "json 404", status: 404, contentType: "application/json",
			body:     `{"code":20404,"message":"The requested resource /v2/Services/IS… was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}`,
			want:     APIError{Status: 404, Code: 20404, Message: "The requested resource /v2/Services/IS… was not found", RawMessage: "The requested resource /v2/Services/IS… was not found", MoreInfo: "https://www.twilio.com/docs/errors/20404", RequestID: "RQ1"},
			notFound: true,
		},
		{
			name: "json 400 with details", status: 400, contentType: "application/json",
			body: `{"code":20001,"message":"Invalid parameter","more_info":"https://www.twilio.com/docs/errors/20001","status":400,"details":{"param":"WebhookMethod"}}`,
			want: APIError{Status: 400, Code: 20001, Message: "Invalid parameter", RawMessage: "Invalid parameter", MoreInfo: "https://www.twilio.com/docs/errors/20001", Details: map[string]any{"param": "WebhookMethod"}, RequestID: "RQ1"},
		},
		{
			name: "json 401", status: 401, contentType: "application/json",
			body: `{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}`,
			want: APIError{Status: 401, Code: 20003, Message: "Authenticate", RawMessage: "Authenticate", MoreInfo: "https://www.twilio.com/docs/errors/20003", RequestID: "RQ1"},
		},
		{
			name: "html 502", status: 502, contentType: "text/html",
			body: "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>",
			want: APIError{Status: 502, Message: "<html> <head><title>502 Bad Gateway</title></head> <body>nginx</body></html>", RequestID: "RQ1"},
		},
		{
			name: "empty 500", status: 500,
			want: APIError{Status: 500, RequestID: "RQ1"},
		},
		{
			name: "plain 404 without code", status: 404, contentType: "text/plain", body: "not here",
			want: APIError{Status: 404, Message: "not here", RequestID: "RQ1"}, notFound: true,
		},
		{
			name: "long text is cut", status: 503, contentType: "text/plain", body: long,
			want: APIError{Status: 503, Message: long[:maxErrorExcerpt] + "…", RequestID: "RQ1"},
		},
		{
			name: "text over the read cap is cut", status: 500, contentType: "text/plain", body: strings.Repeat("y", MaxResponseBytes+10),
			want: APIError{Status: 500, Message: strings.Repeat("y", maxErrorExcerpt) + "…", RequestID: "RQ1"},
		},
		{
			name: "redirect", status: 301, header: map[string]string{"Location": "https://elsewhere.example.com/v2/Services"},
			want: APIError{Status: 301, Message: "redirect to https://elsewhere.example.com/v2/Services not followed", RequestID: "RQ1"},
		},
		{
			name: "304", status: 304,
			want: APIError{Status: 304, RequestID: "RQ1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Twilio-Request-Id", "RQ1")
				if tt.contentType != "" {
					w.Header().Set("Content-Type", tt.contentType)
				}
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(tt.body))
			})
			// One try: this test is about the error's shape, not retries.
			svc, err := rec.client(t, WithMaxRetries(0)).Services.Update(context.Background(), testServiceSID, nil)
			assert.Nil(t, svc)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.want, *apiErr)
			assert.Equal(t, tt.notFound, IsNotFound(err))
			assert.Equal(t, tt.notFound, IsNotFound(fmt.Errorf("wrapped: %w", err)))
			assert.Len(t, rec.requests(), 1, "3xx is not followed")
		})
	}
}

// TestAPIErrorString checks the message users read in logs.
func TestAPIErrorString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  APIError
		want string
	}{
		{APIError{Status: 404, Code: 20404, Message: "not found", RequestID: "RQ9"}, "twiliochat: 404 Not Found: code 20404: not found (request RQ9)"},
		{APIError{Status: 500}, "twiliochat: 500 Internal Server Error"},
		{APIError{Status: 599, Message: "odd"}, "twiliochat: 599: odd"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.err.Error())
	}
	assert.False(t, IsNotFound(errors.New("404")))
	assert.False(t, IsNotFound(nil))
	assert.True(t, IsNotFound(&APIError{Status: 400, Code: 20404}))
}

// TestDecodeErrors checks the *DecodeError for success answers that are not
// the expected JSON, and the read cap.
func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		body   string
		target error
	}{
		{"html", "<html>maintenance</html>", nil},
		{"truncated", `{"sid":"IS`, nil},
		{"empty", "", nil},
		{"too large", `{"friendly_name":"` + strings.Repeat("a", MaxResponseBytes) + `"}`, ErrResponseTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Twilio-Request-Id", "RQ2")
				_, _ = w.Write([]byte(tt.body))
			})
			svc, err := rec.client(t).Services.Update(context.Background(), testServiceSID, nil)
			assert.Nil(t, svc)
			var decErr *DecodeError
			require.ErrorAs(t, err, &decErr)
			assert.Equal(t, http.StatusOK, decErr.Status)
			assert.Equal(t, "RQ2", decErr.RequestID)
			if tt.target != nil {
				assert.ErrorIs(t, err, tt.target)
			}
		})
	}
}

// TestContextEndsRequest checks that a canceled or expired context stops
// the call with an error that errors.Is recognises.
func TestContextEndsRequest(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	t.Cleanup(func() { close(release) })
	c := rec.client(t)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Services.Update(ctx, testServiceSID, nil)
	require.ErrorIs(t, err, context.Canceled)

	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = c.Services.Update(ctx, testServiceSID, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

// TestCallerHTTPClientNotChanged checks that WithHTTPClient uses a copy that
// does not follow redirects, leaving the caller's client as it was.
func TestCallerHTTPClientNotChanged(t *testing.T) {
	t.Parallel()
	other := newRecorder(t, serveFile(t, http.StatusOK, "testdata/service.json"))
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.srv.URL+r.URL.Path, http.StatusTemporaryRedirect)
	})
	hc := &http.Client{Timeout: 5 * time.Second}
	c := rec.client(t, WithHTTPClient(hc))
	_, err := c.Services.Update(context.Background(), testServiceSID, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusTemporaryRedirect, apiErr.Status)
	assert.Empty(t, other.requests(), "credentials must not follow a redirect")
	assert.Nil(t, hc.CheckRedirect, "the caller's client is not modified")
	assert.Equal(t, 5*time.Second, c.sender().Timeout)
}

// TestDefaultHTTPClient checks the client a Client makes for itself.
func TestDefaultHTTPClient(t *testing.T) {
	t.Parallel()
	c, err := NewClient(testAccountSID, testAuthToken)
	require.NoError(t, err)
	assert.NotSame(t, http.DefaultClient, c.httpClient)
	assert.Equal(t, defaultTimeout, c.httpClient.Timeout)
	transport, ok := c.httpClient.Transport.(*http.Transport)
	require.True(t, ok)
	assert.NotSame(t, http.DefaultTransport, transport)
	assert.GreaterOrEqual(t, transport.MaxIdleConnsPerHost, 32)
}

// TestCallerHTTPClientReadAtEachRequest checks that a transport set on the
// caller's client after NewClient, as httpmock.ActivateNonDefault does, is
// the one requests go through.
func TestCallerHTTPClientReadAtEachRequest(t *testing.T) {
	t.Parallel()
	hc := &http.Client{}
	c, err := NewClient(testAccountSID, testAuthToken, WithHTTPClient(hc))
	require.NoError(t, err)

	mock := httpmock.NewMockTransport()
	mock.RegisterResponder(http.MethodPost, "https://chat.twilio.com/v2/Services/"+testServiceSID,
		httpmock.NewStringResponder(http.StatusOK, `{"sid":"`+testServiceSID+`","friendly_name":"mocked"}`))
	hc.Transport = mock

	svc, err := c.Services.Update(context.Background(), testServiceSID, &UpdateServiceParams{FriendlyName: Ptr("mocked")})
	require.NoError(t, err)
	assert.Equal(t, "mocked", svc.FriendlyName)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}
