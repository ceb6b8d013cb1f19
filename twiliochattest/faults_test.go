package twiliochattest_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/twiliochattest"
)

func TestRequestsRecorded(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid := seedService(t, srv, "s")
	call(t, srv, http.MethodPost, "/v2/Services/"+sid, form("FriendlyName", "x", "WebhookFilters", "a", "WebhookFilters", "b"))
	call(t, srv, http.MethodGet, "/v2/Services?PageSize=5", nil)
	callAs(t, srv, "", "", http.MethodDelete, "/v2/Services/"+sid, nil)

	reqs := srv.Requests()
	require.Len(t, reqs, 3)
	assert.Equal(t, http.MethodPost, reqs[0].Method)
	assert.Equal(t, "/v2/Services/"+sid, reqs[0].Path)
	assert.Equal(t, url.Values{"FriendlyName": {"x"}, "WebhookFilters": {"a", "b"}}, reqs[0].Form)
	assert.Empty(t, reqs[0].Query)
	assert.Equal(t, "application/x-www-form-urlencoded", reqs[0].Header.Get("Content-Type"))
	user, pass, ok := (&http.Request{Header: reqs[0].Header}).BasicAuth()
	require.True(t, ok)
	assert.Equal(t, srv.AccountSID(), user)
	assert.Equal(t, srv.AuthToken(), pass)

	assert.Equal(t, http.MethodGet, reqs[1].Method)
	assert.Equal(t, url.Values{"PageSize": {"5"}}, reqs[1].Query)
	assert.NotNil(t, reqs[1].Form)
	assert.Empty(t, reqs[1].Form)

	assert.Equal(t, http.MethodDelete, reqs[2].Method, "unauthorized requests are recorded too")
	assert.Empty(t, reqs[2].Header.Get("Authorization"))

	reqs[0].Form.Set("FriendlyName", "mutated")
	reqs[0].Header.Set("X-Mutated", "1")
	again := srv.Requests()
	assert.Equal(t, "x", again[0].Form.Get("FriendlyName"), "Requests returns copies")
	assert.Empty(t, again[0].Header.Get("X-Mutated"))

	srv.ResetRequests()
	assert.Empty(t, srv.Requests())
	call(t, srv, http.MethodGet, "/v2/Services", nil)
	assert.Len(t, srv.Requests(), 1)
}

func TestOversizedBodyRecorded(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	r := call(t, srv, http.MethodPost, "/v2/Services", form("FriendlyName", strings.Repeat("x", 1<<20)))
	assertTwilioError(t, r, http.StatusRequestEntityTooLarge, 20001)
	reqs := srv.Requests()
	require.Len(t, reqs, 1, "a request refused for its size is recorded too")
	assert.Equal(t, http.MethodPost, reqs[0].Method)
	assert.Equal(t, "/v2/Services", reqs[0].Path)
	assert.NotNil(t, reqs[0].Form)
	assert.Empty(t, reqs[0].Form, "the body was not read in full")
	assert.Empty(t, call(t, srv, http.MethodGet, "/v2/Services", nil).JSON(t)["services"])
}

func TestFailNext(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name            string
		failure         twiliochattest.Failure
		wantStatus      int
		wantContentType string
		wantBody        string
		wantRetryAfter  string
	}{
		{
			name:            "default body for 429 with Retry-After",
			failure:         twiliochattest.Failure{Status: http.StatusTooManyRequests, RetryAfter: "2"},
			wantStatus:      http.StatusTooManyRequests,
			wantContentType: "application/json",
			wantBody:        `{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}`,
			wantRetryAfter:  "2",
		},
		{
			name:            "zero status is 500",
			failure:         twiliochattest.Failure{},
			wantStatus:      http.StatusInternalServerError,
			wantContentType: "application/json",
			wantBody:        `{"code":20500,"message":"Internal Server Error","more_info":"https://www.twilio.com/docs/errors/20500","status":500}`,
		},
		{
			name:            "custom HTML body",
			failure:         twiliochattest.Failure{Status: http.StatusBadGateway, Body: "<html><body>Bad Gateway</body></html>"},
			wantStatus:      http.StatusBadGateway,
			wantContentType: "text/html; charset=utf-8",
			wantBody:        "<html><body>Bad Gateway</body></html>",
		},
		{
			name:            "custom JSON body",
			failure:         twiliochattest.Failure{Status: http.StatusBadRequest, Body: `{"code":21211,"message":"x","more_info":"y","status":400}`},
			wantStatus:      http.StatusBadRequest,
			wantContentType: "application/json",
			wantBody:        `{"code":21211,"message":"x","more_info":"y","status":400}`,
		},
		{
			name: "custom headers override",
			failure: twiliochattest.Failure{Status: http.StatusServiceUnavailable, Body: "down", RetryAfter: "Wed, 21 Oct 2015 07:28:00 GMT",
				Header: http.Header{"Content-Type": {"text/plain"}, "X-Extra": {"1"}}},
			wantStatus:      http.StatusServiceUnavailable,
			wantContentType: "text/plain",
			wantBody:        "down",
			wantRetryAfter:  "Wed, 21 Oct 2015 07:28:00 GMT",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			srv.FailNext(2, tt.failure)
			for i := 0; i < 2; i++ {
				r := call(t, srv, http.MethodPost, "/v2/Services", form("FriendlyName", "s"))
				assert.Equal(t, tt.wantStatus, r.Status)
				assert.Equal(t, tt.wantContentType, r.Header.Get("Content-Type"))
				assert.Equal(t, tt.wantBody, strings.TrimSpace(string(r.Body)))
				assert.Equal(t, tt.wantRetryAfter, r.Header.Get("Retry-After"))
				assert.Regexp(t, requestIDPattern, r.Header.Get("Twilio-Request-Id"))
				if tt.failure.Header != nil {
					assert.Equal(t, "1", r.Header.Get("X-Extra"))
				}
			}
			assert.Empty(t, call(t, srv, http.MethodGet, "/v2/Services", nil).JSON(t)["services"], "failed creates did nothing")
			assert.Equal(t, http.StatusCreated, call(t, srv, http.MethodPost, "/v2/Services", form("FriendlyName", "s")).Status, "the third request is served")
			assert.Len(t, srv.Requests(), 4, "failed requests are recorded")
		})
	}
}

func TestFailNextQueuesAndPrecedesAuth(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusInternalServerError})
	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusServiceUnavailable})
	srv.FailNext(0, twiliochattest.Failure{Status: http.StatusTeapot})
	srv.FailNext(-1, twiliochattest.Failure{Status: http.StatusTeapot})
	assert.Equal(t, http.StatusInternalServerError, callAs(t, srv, "", "", http.MethodGet, "/nowhere", nil).Status)
	assert.Equal(t, http.StatusServiceUnavailable, call(t, srv, http.MethodGet, "/v2/Services", nil).Status)
	assert.Equal(t, http.StatusOK, call(t, srv, http.MethodGet, "/v2/Services", nil).Status)
}

func TestFailWith(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	var seen atomic.Int32
	srv.FailWith(func(r *http.Request) *twiliochattest.Failure {
		// Fail every other request, and every DELETE.
		if seen.Add(1)%2 == 1 || r.Method == http.MethodDelete {
			return &twiliochattest.Failure{Status: http.StatusServiceUnavailable, RetryAfter: "1"}
		}
		return nil
	})
	var statuses []int
	for i := 0; i < 4; i++ {
		statuses = append(statuses, call(t, srv, http.MethodGet, "/v2/Services", nil).Status)
	}
	assert.Equal(t, []int{503, 200, 503, 200}, statuses)

	srv.FailNext(1, twiliochattest.Failure{Status: http.StatusTooManyRequests})
	assert.Equal(t, http.StatusTooManyRequests, call(t, srv, http.MethodGet, "/v2/Services", nil).Status, "FailNext comes first")
	assert.Equal(t, int32(4), seen.Load(), "the hook is not consulted for FailNext failures")

	srv.FailWith(nil)
	sid := seedService(t, srv, "s")
	assert.Equal(t, http.StatusNoContent, call(t, srv, http.MethodDelete, "/v2/Services/"+sid, nil).Status)
	assert.Len(t, srv.Requests(), 6)
}

func TestRequestIDsAndSeed(t *testing.T) {
	t.Parallel()
	run := func(opts ...twiliochattest.Option) (ids []string, sid string) {
		srv := newServer(t, opts...)
		sid = seedService(t, srv, "s")
		for i := 0; i < 3; i++ {
			ids = append(ids, call(t, srv, http.MethodGet, "/v2/Services", nil).Header.Get("Twilio-Request-Id"))
		}
		return ids, sid
	}
	a, sidA := run(twiliochattest.WithSeed(7))
	b, sidB := run(twiliochattest.WithSeed(7))
	c, sidC := run(twiliochattest.WithSeed(8))
	d, sidD := run()
	assert.Equal(t, a, b)
	assert.Equal(t, sidA, sidB)
	assert.NotEqual(t, a, c)
	assert.NotEqual(t, sidA, sidC)
	assert.NotEqual(t, sidA, sidD)
	for _, ids := range [][]string{a, c, d} {
		assert.Len(t, map[string]bool{ids[0]: true, ids[1]: true, ids[2]: true}, 3, "request ids differ")
		for _, id := range ids {
			assert.Regexp(t, requestIDPattern, id)
		}
	}
	assert.Regexp(t, `^IS[0-9a-f]{32}$`, sidD)
}
