package twiliochat

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// faultCase is one misbehaving server and what the client must make of it.
type faultCase struct {
	name string
	// handler answers request number n (from 1).
	handler func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64)
	// opts are extra client options.
	opts func(t *testing.T) []Option
	// setup adjusts the client and its fake sleeper before the call; cancel
	// ends the call's context.
	setup func(c *Client, sl *fakeSleeper, cancel context.CancelFunc)
	// timeout, when set, is the call's context deadline.
	timeout time.Duration
	// create sends Create, which is not idempotent, instead of Update.
	create bool
	// minElapsed and maxElapsed, when set, bound how long the call takes.
	minElapsed, maxElapsed time.Duration
	wantHits               int64
	wantWaits              []time.Duration
	check                  func(t *testing.T, svc *Service, err error)
}

// runFaults runs each case one after the other against a real loopback
// server and checks, after closing everything, that no goroutine is left.
func runFaults(t *testing.T, cases []faultCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := newRecorder(t, numbered(func(w http.ResponseWriter, r *http.Request, n int64) {
				tc.handler(t, w, r, n)
			}))
			var opts []Option
			if tc.opts != nil {
				opts = tc.opts(t)
			}
			c, sl := newTestClient(t, rec.srv.URL, opts...)
			start := time.Now()
			ctx, cancel := context.WithCancel(context.Background())
			if tc.timeout > 0 {
				ctx, cancel = context.WithTimeout(context.Background(), tc.timeout)
			}
			if tc.setup != nil {
				tc.setup(c, sl, cancel)
			}
			svc, err := callFault(ctx, c, tc.create)
			elapsed := time.Since(start)
			cancel()
			c.CloseIdleConnections()
			rec.close()

			tc.check(t, svc, err)
			if err != nil {
				assert.Nil(t, svc, "no result with an error")
			}
			assert.Equal(t, tc.wantHits, rec.hits(), "requests that reached the server")
			assert.Equal(t, tc.wantWaits, sl.Waits(), "waits between tries")
			if tc.minElapsed > 0 {
				assert.GreaterOrEqual(t, elapsed, tc.minElapsed)
			}
			if tc.maxElapsed > 0 {
				assert.Less(t, elapsed, tc.maxElapsed)
			}
			goleak.VerifyNone(t)
		})
	}
}

// callFault sends Update, or Create.
func callFault(ctx context.Context, c *Client, create bool) (*Service, error) {
	if create {
		return c.Services.Create(ctx, &CreateServiceParams{FriendlyName: Ptr("support")})
	}
	return c.Services.Update(ctx, testServiceSID, &UpdateServiceParams{FriendlyName: Ptr("support")})
}

// hijack takes the connection over from the server.
func hijack(t *testing.T, w http.ResponseWriter) (net.Conn, *bufio.ReadWriter) {
	conn, rw, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		panic(http.ErrAbortHandler)
	}
	return conn, rw
}

// waitForClient blocks until the client is gone. It reads the body first:
// the server notices a closed connection only once the body is read.
func waitForClient(r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	<-r.Context().Done()
}

// reset closes conn with a TCP RST instead of a FIN.
func reset(conn net.Conn) {
	_ = conn.(*net.TCPConn).SetLinger(0)
	_ = conn.Close()
}

// Checks shared by the cases.

func wantService(t *testing.T, svc *Service, err error) {
	require.NoError(t, err)
	require.NotNil(t, svc)
	assert.Equal(t, testServiceSID, svc.SID)
	assert.Equal(t, "friendly_name", svc.FriendlyName)
}

// wantAPIError wants an *APIError with status, plain after one attempt and
// inside a *RetryError after more.
func wantAPIError(status, attempts int) func(*testing.T, *Service, error) {
	return func(t *testing.T, _ *Service, err error) {
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, status, apiErr.Status)
		if attempts == 1 {
			assert.IsType(t, &APIError{}, err)
			return
		}
		var retryErr *RetryError
		require.ErrorAs(t, err, &retryErr)
		assert.Equal(t, attempts, retryErr.Attempts)
		assert.NoError(t, retryErr.ContextErr)
		assert.Same(t, apiErr, retryErr.Err)
	}
}

// wantDecodeError wants a *DecodeError of a 200 answer caused by cause
// (when not nil) or by an error of type like.
func wantDecodeError(cause error, like any) func(*testing.T, *Service, error) {
	return func(t *testing.T, _ *Service, err error) {
		var decErr *DecodeError
		require.ErrorAs(t, err, &decErr)
		assert.IsType(t, &DecodeError{}, err, "not retried: the plain *DecodeError")
		if cause != nil {
			assert.ErrorIs(t, err, cause)
		}
		if like != nil {
			assert.IsType(t, like, decErr.Err)
		}
	}
}

// answerStatus is a fault handler that answers every request with a Twilio
// error of status code, Twilio code 20000+code.
func answerStatus(code int) func(*testing.T, http.ResponseWriter, *http.Request, int64) {
	return func(_ *testing.T, w http.ResponseWriter, _ *http.Request, _ int64) {
		writeJSON(w, code, twilioErrorBody(code, 20000+code, "failure"))
	}
}

// rateLimitedOnce is a fault handler that answers the first request with 429
// and Retry-After: retryAfter, and the others with status and the golden
// Service.
func rateLimitedOnce(retryAfter string, status int) func(*testing.T, http.ResponseWriter, *http.Request, int64) {
	return func(t *testing.T, w http.ResponseWriter, _ *http.Request, n int64) {
		if n == 1 {
			w.Header().Set("Retry-After", retryAfter)
			writeJSON(w, http.StatusTooManyRequests, twilioErrorBody(429, 20429, "Too Many Requests"))
			return
		}
		writeJSON(w, status, string(serviceJSON(t)))
	}
}

func TestFaults(t *testing.T) {
	ok := func(t *testing.T, w http.ResponseWriter) {
		writeJSON(w, http.StatusOK, string(serviceJSON(t)))
	}
	runFaults(t, []faultCase{{
		name:      "429 with Retry-After 1 then 200",
		handler:   rateLimitedOnce("1", http.StatusOK),
		wantHits:  2,
		wantWaits: []time.Duration{time.Second},
		check:     wantService,
	}, {
		name:      "429 with a Retry-After date then 200",
		handler:   rateLimitedOnce(testNow.Add(4*time.Second).Format(http.TimeFormat), http.StatusOK),
		wantHits:  2,
		wantWaits: []time.Duration{4 * time.Second},
		check:     wantService,
	}, {
		name: "429 with Retry-After above the cap is returned at once",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			w.Header().Set("Retry-After", "31")
			writeJSON(w, http.StatusTooManyRequests, twilioErrorBody(429, 20429, "Too Many Requests"))
		},
		wantHits: 1,
		check:    wantAPIError(429, 1),
	}, {
		name: "429 with Retry-After above the cap on a retry",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			if n == 2 {
				w.Header().Set("Retry-After", "3600")
			}
			writeJSON(w, http.StatusTooManyRequests, twilioErrorBody(429, 20429, "Too Many Requests"))
		},
		wantHits:  2,
		wantWaits: []time.Duration{500 * time.Millisecond},
		check:     wantAPIError(429, 2),
	}, {
		name:      "503 three times",
		handler:   answerStatus(503),
		wantHits:  3,
		wantWaits: []time.Duration{500 * time.Millisecond, time.Second},
		check:     wantAPIError(503, 3),
	}, {
		name:      "504 three times",
		handler:   answerStatus(504),
		wantHits:  3,
		wantWaits: []time.Duration{500 * time.Millisecond, time.Second},
		check:     wantAPIError(504, 3),
	}, {
		name: "503 as an HTML page from a proxy, then 500",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			if n == 1 {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(http.StatusServiceUnavailable)
				io.WriteString(w, "<html><body><h1>503</h1> upstream down</body></html>")
				return
			}
			answerStatus(500)(t, w, r, n)
		},
		wantHits:  2,
		wantWaits: []time.Duration{500 * time.Millisecond},
		check:     wantAPIError(500, 2),
	}, {
		name:     "500 is not retried",
		handler:  answerStatus(500),
		wantHits: 1,
		check:    wantAPIError(500, 1),
	}, {
		name:     "no retries with WithMaxRetries(0)",
		handler:  answerStatus(503),
		opts:     func(*testing.T) []Option { return []Option{WithMaxRetries(0)} },
		wantHits: 1,
		check:    wantAPIError(503, 1),
	}, {
		name: "connection reset before the answer, then 200",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			if n == 1 {
				conn, _ := hijack(t, w)
				reset(conn)
				return
			}
			ok(t, w)
		},
		wantHits:  2,
		wantWaits: []time.Duration{500 * time.Millisecond},
		check:     wantService,
	}, {
		name: "connection closed before the answer every time",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			conn, _ := hijack(t, w)
			conn.Close()
		},
		wantHits:  3,
		wantWaits: []time.Duration{500 * time.Millisecond, time.Second},
		check: func(t *testing.T, _ *Service, err error) {
			var retryErr *RetryError
			require.ErrorAs(t, err, &retryErr)
			assert.Equal(t, 3, retryErr.Attempts)
			var urlErr *url.Error
			require.ErrorAs(t, err, &urlErr)
			assert.Equal(t, "Post", urlErr.Op)
			assert.ErrorIs(t, err, io.EOF)
		},
	}, {
		name: "connection reset mid-response",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			conn, rw := hijack(t, w)
			rw.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"sid\": \"IS")
			rw.Flush()
			reset(conn)
		},
		wantHits: 1,
		check:    wantDecodeError(nil, nil),
	}, {
		name: "server closes after the headers",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			conn, rw := hijack(t, w)
			rw.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n")
			rw.Flush()
			conn.Close()
		},
		wantHits: 1,
		check:    wantDecodeError(io.ErrUnexpectedEOF, nil),
	}, {
		name: "truncated JSON",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			writeJSON(w, http.StatusOK, string(serviceJSON(t)[:100]))
		},
		wantHits: 1,
		check:    wantDecodeError(io.ErrUnexpectedEOF, nil),
	}, {
		name: "200 with an HTML body",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<html><body>Welcome to nginx!</body></html>")
		},
		wantHits: 1,
		check:    wantDecodeError(nil, &json.SyntaxError{}),
	}, {
		name: "200 with {}",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			writeJSON(w, http.StatusOK, "{}")
		},
		wantHits: 1,
		check: func(t *testing.T, svc *Service, err error) {
			wantDecodeError(nil, nil)(t, svc, err)
			assert.EqualError(t, err, "twiliochat: decode 200 response (request "+testRequestID+"): the Service has no sid")
		},
	}, {
		name: "200 with a sid that is not a Service SID",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			writeJSON(w, http.StatusOK, `{"sid":"RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}`)
		},
		wantHits: 1,
		check: func(t *testing.T, svc *Service, err error) {
			wantDecodeError(nil, nil)(t, svc, err)
			assert.EqualError(t, err, "twiliochat: decode 200 response (request "+testRequestID+"): the Service's sid is not IS followed by 32 hex digits")
		},
	}, {
		name: "empty 204 where JSON is expected",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			w.WriteHeader(http.StatusNoContent)
		},
		wantHits: 1,
		check: func(t *testing.T, svc *Service, err error) {
			wantDecodeError(io.EOF, nil)(t, svc, err)
			var decErr *DecodeError
			require.ErrorAs(t, err, &decErr)
			assert.Equal(t, http.StatusNoContent, decErr.Status)
		},
	}, {
		name: "5 MiB body over the cap",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			writeJSON(w, http.StatusOK, `{"sid":"`+strings.Repeat("a", 5<<20)+`"}`)
		},
		wantHits: 1,
		check:    wantDecodeError(ErrResponseTooLarge, nil),
	}, {
		name: "302 is not followed",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			http.Redirect(w, r, "http://elsewhere.example/v2/Services", http.StatusFound)
		},
		wantHits: 1,
		check: func(t *testing.T, svc *Service, err error) {
			wantAPIError(302, 1)(t, svc, err)
			assert.ErrorContains(t, err, "redirect to http://elsewhere.example/v2/Services not followed")
		},
	}, {
		name: "server never answers: the deadline ends the call",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			waitForClient(r)
		},
		timeout:    100 * time.Millisecond,
		minElapsed: 100 * time.Millisecond,
		maxElapsed: time.Second,
		wantHits:   1,
		check: func(t *testing.T, _ *Service, err error) {
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			var retryErr *RetryError
			assert.False(t, errors.As(err, &retryErr), "one attempt, no RetryError")
		},
	}})
}

// TestFaultsNotIdempotent sends Create, which must not be repeated unless
// the request surely did not arrive.
func TestFaultsNotIdempotent(t *testing.T) {
	ok := func(t *testing.T, w http.ResponseWriter) {
		writeJSON(w, http.StatusCreated, string(serviceJSON(t)))
	}
	runFaults(t, []faultCase{{
		name:      "429 then 201 is retried",
		create:    true,
		handler:   rateLimitedOnce("2", http.StatusCreated),
		wantHits:  2,
		wantWaits: []time.Duration{2 * time.Second},
		check:     wantService,
	}, {
		name:     "503 is not retried",
		create:   true,
		handler:  answerStatus(503),
		wantHits: 1,
		check:    wantAPIError(503, 1),
	}, {
		name:     "504 is not retried",
		create:   true,
		handler:  answerStatus(504),
		wantHits: 1,
		check:    wantAPIError(504, 1),
	}, {
		name:   "connection reset after sending is not retried",
		create: true,
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			conn, _ := hijack(t, w)
			reset(conn)
		},
		wantHits: 1,
		check: func(t *testing.T, _ *Service, err error) {
			var urlErr *url.Error
			require.ErrorAs(t, err, &urlErr)
			var retryErr *RetryError
			assert.False(t, errors.As(err, &retryErr))
		},
	}, {
		name:   "dial error is retried",
		create: true,
		opts: func(t *testing.T) []Option {
			// The first dial goes to a port nobody listens on.
			l, err := net.Listen("tcp", "127.0.0.1:0")
			require.NoError(t, err)
			refused := l.Addr().String()
			require.NoError(t, l.Close())
			var dials atomic.Int64
			var d net.Dialer
			transport := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				if dials.Add(1) == 1 {
					return d.DialContext(ctx, network, refused)
				}
				return d.DialContext(ctx, network, addr)
			}}
			t.Cleanup(func() { assert.EqualValues(t, 2, dials.Load(), "dials") })
			return []Option{WithHTTPClient(&http.Client{Transport: transport})}
		},
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			ok(t, w)
		},
		wantHits:  1,
		wantWaits: []time.Duration{500 * time.Millisecond},
		check:     wantService,
	}})
}

// TestFaultsContext checks that a context ends every wait and every try at
// once and that the error says both what failed and why retrying stopped.
func TestFaultsContext(t *testing.T) {
	unavailable := answerStatus(503)
	// wantStopped wants a *RetryError after attempts tries, wrapping the
	// 503 and ctxErr.
	wantStopped := func(attempts, status int, ctxErr error) func(*testing.T, *Service, error) {
		return func(t *testing.T, _ *Service, err error) {
			var retryErr *RetryError
			require.ErrorAs(t, err, &retryErr)
			assert.Equal(t, attempts, retryErr.Attempts)
			assert.ErrorIs(t, err, ctxErr)
			assert.ErrorIs(t, retryErr.ContextErr, ctxErr)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, status, apiErr.Status)
		}
	}
	// cancelSecond cancels the call of the case that is running.
	var cancelSecond context.CancelFunc
	runFaults(t, []faultCase{{
		name:    "cancel during the wait",
		handler: unavailable,
		setup: func(c *Client, sl *fakeSleeper, cancel context.CancelFunc) {
			sl.hook = func(ctx context.Context, _ time.Duration) error {
				cancel()
				<-ctx.Done()
				return ctx.Err()
			}
		},
		wantHits:  1,
		wantWaits: []time.Duration{500 * time.Millisecond},
		check:     wantStopped(1, 503, context.Canceled),
	}, {
		name: "deadline before Retry-After is over: no wait at all",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			w.Header().Set("Retry-After", "20")
			writeJSON(w, http.StatusTooManyRequests, twilioErrorBody(429, 20429, "Too Many Requests"))
		},
		timeout:    10 * time.Second,
		maxElapsed: time.Second,
		setup: func(c *Client, sl *fakeSleeper, _ context.CancelFunc) {
			sl.hook = sleepContext // the real wait, which must not wait
		},
		wantHits:  1,
		wantWaits: []time.Duration{20 * time.Second},
		check:     wantStopped(1, 429, context.DeadlineExceeded),
	}, {
		name: "cancel during the second try",
		handler: func(t *testing.T, w http.ResponseWriter, r *http.Request, n int64) {
			if n == 1 {
				unavailable(t, w, r, n)
				return
			}
			// The second request has arrived: the caller gives up.
			cancelSecond()
			waitForClient(r)
		},
		setup: func(_ *Client, _ *fakeSleeper, cancel context.CancelFunc) {
			cancelSecond = cancel
		},
		wantHits:  2,
		wantWaits: []time.Duration{500 * time.Millisecond},
		check:     wantStopped(2, 503, context.Canceled),
	}, {
		name:    "cancel while the second answer is handled",
		handler: unavailable,
		opts: func(*testing.T) []Option {
			// The caller gives up once the second answer's headers are in.
			return []Option{WithHTTPClient(&http.Client{Transport: &afterAnswer{
				Transport: &http.Transport{},
				n:         2,
				do:        func() { cancelSecond() },
			}})}
		},
		setup: func(_ *Client, _ *fakeSleeper, cancel context.CancelFunc) {
			cancelSecond = cancel
		},
		wantHits:  2,
		wantWaits: []time.Duration{500 * time.Millisecond},
		check:     wantStopped(2, 503, context.Canceled),
	}, {
		name:    "context done before the first try",
		handler: unavailable,
		setup: func(_ *Client, _ *fakeSleeper, cancel context.CancelFunc) {
			cancel()
		},
		wantHits: 0,
		check: func(t *testing.T, _ *Service, err error) {
			assert.ErrorIs(t, err, context.Canceled)
			var retryErr *RetryError
			assert.False(t, errors.As(err, &retryErr))
		},
	}})
}

// afterAnswer is a transport that calls do once the answer to request
// number n (from 1) has arrived, before the client reads its body.
type afterAnswer struct {
	*http.Transport
	n     int64
	do    func()
	count atomic.Int64
}

func (a *afterAnswer) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := a.Transport.RoundTrip(r)
	if a.count.Add(1) == a.n && err == nil {
		a.do()
	}
	return resp, err
}

// trackedBody records whether a response body was read to its end and
// closed.
type trackedBody struct {
	io.ReadCloser
	eof, closed atomic.Bool
}

func (b *trackedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF {
		b.eof.Store(true)
	}
	return n, err
}

func (b *trackedBody) Close() error {
	b.closed.Store(true)
	return b.ReadCloser.Close()
}

// TestRetryRebuildsBodyAndDrainsAnswers checks every try on the wire: the
// same method, path, headers and form each time, each failed answer read to
// its end and closed before the wait, and so one connection for all tries.
func TestRetryRebuildsBodyAndDrainsAnswers(t *testing.T) {
	bigError := `{"code":20503,"message":"down","padding":"` + strings.Repeat("x", 64<<10) + `"}`
	rec := newRecorder(t, numbered(func(w http.ResponseWriter, _ *http.Request, n int64) {
		if n < 3 {
			writeJSON(w, http.StatusServiceUnavailable, bigError)
			return
		}
		writeJSON(w, http.StatusOK, string(serviceJSON(t)))
	}))
	var bodies []*trackedBody // written by the client's goroutine only
	transport := &http.Transport{}
	t.Cleanup(transport.CloseIdleConnections)
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := transport.RoundTrip(r)
		if err == nil {
			tb := &trackedBody{ReadCloser: resp.Body}
			bodies = append(bodies, tb)
			resp.Body = tb
		}
		return resp, err
	})}
	c, sl := newTestClient(t, rec.srv.URL, WithHTTPClient(hc))
	sl.hook = func(context.Context, time.Duration) error {
		for i, b := range bodies {
			assert.True(t, b.eof.Load(), "answer %d read to its end before the wait", i+1)
			assert.True(t, b.closed.Load(), "answer %d closed before the wait", i+1)
		}
		return nil
	}

	params := &UpdateServiceParams{FriendlyName: Ptr("a&b=c"), Limits: &LimitsParams{ChannelMembers: Ptr(500)}}
	svc, err := c.Services.Update(context.Background(), testServiceSID, params)
	require.NoError(t, err)
	assert.Equal(t, testServiceSID, svc.SID)
	assert.EqualValues(t, 3, rec.hits())
	assert.Equal(t, []time.Duration{500 * time.Millisecond, time.Second}, sl.Waits())
	require.Len(t, bodies, 3)
	assert.True(t, bodies[2].closed.Load())

	type seen struct {
		method, path, auth, contentType, accept, body, remote string
	}
	wantAuth := "Basic " + base64.StdEncoding.EncodeToString([]byte(testAccountSID+":"+testAuthToken))
	var reqs []seen
	for _, r := range rec.requests() {
		reqs = append(reqs, seen{r.Method, r.Path, r.Header.Get("Authorization"), r.Header.Get("Content-Type"), r.Header.Get("Accept"), r.Body, r.Remote})
	}
	require.Len(t, reqs, 3)
	for i, r := range reqs {
		assert.Equal(t, seen{
			method:      http.MethodPost,
			path:        "/v2/Services/" + testServiceSID,
			auth:        wantAuth,
			contentType: "application/x-www-form-urlencoded",
			accept:      "application/json",
			body:        "FriendlyName=a%26b%3Dc&Limits.ChannelMembers=500",
			remote:      reqs[0].remote,
		}, r, "try %d", i+1)
	}
}

// TestConcurrentUpdatesWithFailures runs 100 Updates at once against a
// server that fails every 5th request with 503.
func TestConcurrentUpdatesWithFailures(t *testing.T) {
	const calls = 100
	var unavailable, served atomic.Int64
	rec := newRecorder(t, numbered(func(w http.ResponseWriter, r *http.Request, n int64) {
		if n%5 == 0 {
			unavailable.Add(1)
			writeJSON(w, http.StatusServiceUnavailable, twilioErrorBody(503, 20503, "down"))
			return
		}
		if !assert.NoError(t, r.ParseForm()) || !assert.True(t, strings.HasPrefix(r.PostForm.Get("FriendlyName"), "svc-")) {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		served.Add(1)
		writeJSON(w, http.StatusOK, string(serviceJSON(t)))
	}))
	c := rec.client(t)

	type result struct {
		svc *Service
		err error
	}
	results := make([]result, calls)
	var wg sync.WaitGroup
	for i := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			svc, err := c.Services.Update(context.Background(), testServiceSID, &UpdateServiceParams{FriendlyName: Ptr(fmt.Sprintf("svc-%d", i))})
			results[i] = result{svc, err}
		}()
	}
	wg.Wait()
	c.CloseIdleConnections()
	rec.close()

	var succeeded, failed int64
	for i, r := range results {
		if r.err == nil {
			require.NotNil(t, r.svc, "call %d", i)
			assert.Equal(t, testServiceSID, r.svc.SID, "call %d", i)
			succeeded++
			continue
		}
		assert.Nil(t, r.svc, "call %d", i)
		var retryErr *RetryError
		require.ErrorAs(t, r.err, &retryErr, "call %d", i)
		assert.Equal(t, 3, retryErr.Attempts, "call %d", i)
		var apiErr *APIError
		require.ErrorAs(t, r.err, &apiErr, "call %d", i)
		assert.Equal(t, http.StatusServiceUnavailable, apiErr.Status, "call %d", i)
		failed++
	}
	assert.Equal(t, served.Load(), succeeded, "one 200 per success")
	assert.LessOrEqual(t, 3*failed, unavailable.Load(), "the server answered 503 to each try of a failed call")
	// Each 503 was either retried or ended a failed call.
	assert.Equal(t, calls+unavailable.Load()-failed, rec.hits())
	assert.GreaterOrEqual(t, unavailable.Load(), int64(calls/5))
	goleak.VerifyNone(t)
}

// roundTripFunc is an http.RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
