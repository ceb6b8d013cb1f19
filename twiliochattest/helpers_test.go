package twiliochattest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/twiliochattest"
)

var requestIDPattern = regexp.MustCompile(`^RQ[0-9a-f]{32}$`)

// t0 is the time the test clock starts at.
var t0 = time.Date(2015, 7, 30, 20, 0, 0, 0, time.UTC)

// testClock is a clock tests move by hand.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// newServer starts a Server with a clock fixed at t0 (unless opts override
// it) and closes it when the test ends.
func newServer(t *testing.T, opts ...twiliochattest.Option) *twiliochattest.Server {
	t.Helper()
	srv, _ := newServerWithClock(t, opts...)
	return srv
}

// newServerWithClock is newServer that also returns its clock, for tests
// that move time.
func newServerWithClock(t *testing.T, opts ...twiliochattest.Option) (*twiliochattest.Server, *testClock) {
	t.Helper()
	clock := &testClock{now: t0}
	srv := twiliochattest.NewServer(append([]twiliochattest.Option{twiliochattest.WithClock(clock.Now)}, opts...)...)
	t.Cleanup(srv.Close)
	return srv, clock
}

// response is a read HTTP answer.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into a generic map.
func (r response) JSON(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(r.Body, &m), "body: %s", r.Body)
	return m
}

// call sends method path with form as body, authenticated as the server's
// account, and reads the answer.
func call(t *testing.T, srv *twiliochattest.Server, method, path string, form url.Values) response {
	t.Helper()
	return callAs(t, srv, srv.AccountSID(), srv.AuthToken(), method, path, form)
}

// callAs is call with explicit basic-auth credentials; an empty user sends
// no Authorization header.
func callAs(t *testing.T, srv *twiliochattest.Server, user, pass, method, path string, form url.Values) response {
	t.Helper()
	r, err := send(srv, user, pass, method, path, form)
	require.NoError(t, err)
	return r
}

// send is callAs without a *testing.T, for use off the test goroutine.
func send(srv *twiliochattest.Server, user, pass, method, path string, form url.Values) (response, error) {
	target := path
	if !strings.HasPrefix(path, "http") {
		target = srv.URL + path
	}
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, target, body)
	if err != nil {
		return response{}, err
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if user != "" {
		req.SetBasicAuth(user, pass)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return response{}, err
	}
	return readAll(resp)
}

// readResponse reads and closes resp.
func readResponse(t *testing.T, resp *http.Response) response {
	t.Helper()
	r, err := readAll(resp)
	require.NoError(t, err)
	return r
}

func readAll(resp *http.Response) (response, error) {
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return response{Status: resp.StatusCode, Header: resp.Header, Body: b}, err
}

// assertTwilioError checks a Twilio-shaped JSON error and returns its message.
func assertTwilioError(t *testing.T, r response, status, code int) string {
	t.Helper()
	require.Equal(t, status, r.Status, "body: %s", r.Body)
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	assert.Regexp(t, requestIDPattern, r.Header.Get("Twilio-Request-Id"))
	var e struct {
		Code     int    `json:"code"`
		Message  string `json:"message"`
		MoreInfo string `json:"more_info"`
		Status   int    `json:"status"`
	}
	require.NoError(t, json.Unmarshal(r.Body, &e), "body: %s", r.Body)
	assert.Equal(t, code, e.Code)
	assert.Equal(t, status, e.Status)
	assert.Equal(t, "https://www.twilio.com/docs/errors/"+strconv.Itoa(code), e.MoreInfo)
	assert.NotEmpty(t, e.Message)
	return e.Message
}

// form builds url.Values from key, value pairs.
func form(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

// createService creates a service over HTTP and returns its JSON.
func createService(t *testing.T, srv *twiliochattest.Server, name string) map[string]any {
	t.Helper()
	r := call(t, srv, http.MethodPost, "/v2/Services", form("FriendlyName", name))
	require.Equal(t, http.StatusCreated, r.Status, "body: %s", r.Body)
	return r.JSON(t)
}

// rolesByName lists a service's roles and indexes them by friendly_name.
func rolesByName(t *testing.T, srv *twiliochattest.Server, serviceSID string) map[string]map[string]any {
	t.Helper()
	r := call(t, srv, http.MethodGet, "/v2/Services/"+serviceSID+"/Roles", nil)
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	out := map[string]map[string]any{}
	for _, x := range r.JSON(t)["roles"].([]any) {
		role := x.(map[string]any)
		out[role["friendly_name"].(string)] = role
	}
	return out
}

// assertRejected sends method path form, checks it answers 400 (20001) with
// a message containing wantInMsg, and checks that GET watch answers the same
// before and after: a rejected request changes nothing.
func assertRejected(t *testing.T, srv *twiliochattest.Server, method, path string, f url.Values, wantInMsg, watch string) {
	t.Helper()
	before := call(t, srv, http.MethodGet, watch, nil).JSON(t)
	msg := assertTwilioError(t, call(t, srv, method, path, f), http.StatusBadRequest, 20001)
	assert.Contains(t, msg, wantInMsg)
	assert.Equal(t, before, call(t, srv, http.MethodGet, watch, nil).JSON(t), "a rejected request changes nothing")
}

// seedService seeds a service named name and returns its SID, failing t
// when it cannot.
func seedService(t testing.TB, srv *twiliochattest.Server, name string) string {
	t.Helper()
	sid, err := srv.SeedService(name)
	require.NoError(t, err)
	return sid
}
