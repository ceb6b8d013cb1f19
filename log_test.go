package twiliochat

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// logLine is one record a recordingHandler received: its level, message and
// attributes, with durations made zero (except that they must be set) so
// that tests can compare whole lines.
type logLine struct {
	Level slog.Level
	Msg   string
	Attrs map[string]any
}

// recordingHandler is a slog.Handler that keeps every record, at every
// level, and also writes it as JSON to out, for searching the text a real
// handler would print.
type recordingHandler struct {
	mu    sync.Mutex
	lines []logLine
	out   bytes.Buffer
	level slog.Level
}

func newRecordingHandler() *recordingHandler { return &recordingHandler{level: slog.LevelDebug} }

func (h *recordingHandler) Enabled(_ context.Context, level slog.Level) bool {
	return level >= h.level
}

func (h *recordingHandler) Handle(ctx context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	line := logLine{Level: r.Level, Msg: r.Message, Attrs: map[string]any{}}
	r.Attrs(func(a slog.Attr) bool {
		v := a.Value.Any()
		if d, ok := v.(time.Duration); ok && a.Key == "duration" {
			if d <= 0 {
				v = "unset duration"
			} else {
				v = time.Duration(0)
			}
		}
		line.Attrs[a.Key] = v
		return true
	})
	h.lines = append(h.lines, line)
	return slog.NewJSONHandler(&h.out, &slog.HandlerOptions{Level: slog.LevelDebug}).Handle(ctx, r)
}

func (h *recordingHandler) WithAttrs([]slog.Attr) slog.Handler { panic("not used by the Client") }
func (h *recordingHandler) WithGroup(string) slog.Handler      { panic("not used by the Client") }

// Lines returns the records so far.
func (h *recordingHandler) Lines() []logLine {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]logLine(nil), h.lines...)
}

// Text returns every record so far as the JSON a slog.JSONHandler prints.
func (h *recordingHandler) Text() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.out.String()
}

// attrs builds the attributes of a logLine.
func attrs(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		v := kv[i+1]
		if n, ok := v.(int); ok {
			v = int64(n) // slog keeps every int as an int64
		}
		m[kv[i].(string)] = v
	}
	return m
}

// TestLogger checks the lines WithLogger writes for each way a request ends.
func TestLogger(t *testing.T) {
	t.Parallel()
	path := "/v2/Services/" + testServiceSID
	busy := twilioErrorBody(503, 20503, "busy")
	debug := func(attempt, status int, extra ...any) logLine {
		return logLine{slog.LevelDebug, "twiliochat: request", attrs(append([]any{"method", "GET", "path", path, "attempt", attempt, "status", status, "duration", time.Duration(0)}, extra...)...)}
	}
	retry := func(attempt int, wait time.Duration, extra ...any) logLine {
		return logLine{slog.LevelInfo, "twiliochat: retrying request", attrs(append([]any{"method", "GET", "path", path, "attempt", attempt, "wait", wait}, extra...)...)}
	}
	gaveUp := func(attempts int, extra ...any) logLine {
		return logLine{slog.LevelWarn, "twiliochat: giving up on request", attrs(append([]any{"method", "GET", "path", path, "attempts", attempts}, extra...)...)}
	}
	tests := []struct {
		name   string
		answer func(w http.ResponseWriter, n int64)
		sleep  func(ctx context.Context, d time.Duration) error
		// infoOnly sets the handler's level to Info instead of Debug.
		infoOnly bool
		want     []logLine
	}{
		{
			name:   "success",
			answer: func(w http.ResponseWriter, _ int64) { writeJSON(w, 200, string(serviceJSON(t))) },
			want:   []logLine{debug(1, 200, "request_id", testRequestID)},
		},
		{
			name: "two retries, then success",
			answer: func(w http.ResponseWriter, n int64) {
				if n < 3 {
					writeJSON(w, 503, busy)
					return
				}
				writeJSON(w, 200, string(serviceJSON(t)))
			},
			want: []logLine{
				debug(1, 503, "request_id", testRequestID, "code", 20503),
				retry(1, 500*time.Millisecond, "status", 503, "code", 20503),
				debug(2, 503, "request_id", testRequestID, "code", 20503),
				retry(2, time.Second, "status", 503, "code", 20503),
				debug(3, 200, "request_id", testRequestID),
			},
		},
		{
			name:   "retries spent",
			answer: func(w http.ResponseWriter, _ int64) { writeJSON(w, 503, busy) },
			want: []logLine{
				debug(1, 503, "request_id", testRequestID, "code", 20503),
				retry(1, 500*time.Millisecond, "status", 503, "code", 20503),
				debug(2, 503, "request_id", testRequestID, "code", 20503),
				retry(2, time.Second, "status", 503, "code", 20503),
				debug(3, 503, "request_id", testRequestID, "code", 20503),
				gaveUp(3, "status", 503, "code", 20503),
			},
		},
		{
			name:     "only Info and above",
			answer:   func(w http.ResponseWriter, _ int64) { writeJSON(w, 503, busy) },
			infoOnly: true,
			want: []logLine{
				retry(1, 500*time.Millisecond, "status", 503, "code", 20503),
				retry(2, time.Second, "status", 503, "code", 20503),
				gaveUp(3, "status", 503, "code", 20503),
			},
		},
		{
			name:   "not retried",
			answer: func(w http.ResponseWriter, _ int64) { writeJSON(w, 404, twilioErrorBody(404, 20404, "not found")) },
			want:   []logLine{debug(1, 404, "request_id", testRequestID, "code", 20404)},
		},
		{
			name: "no request ID, not JSON",
			answer: func(w http.ResponseWriter, _ int64) {
				w.WriteHeader(200)
				_, _ = w.Write([]byte("<html>"))
			},
			want: []logLine{debug(1, 200, "error", "response body is not the expected JSON")},
		},
		{
			name:   "context ends the wait",
			answer: func(w http.ResponseWriter, _ int64) { writeJSON(w, 429, twilioErrorBody(429, 20429, "slow down")) },
			sleep:  func(context.Context, time.Duration) error { return context.Canceled },
			want: []logLine{
				debug(1, 429, "request_id", testRequestID, "code", 20429),
				retry(1, 500*time.Millisecond, "status", 429, "code", 20429),
				gaveUp(1, "status", 429, "code", 20429, "context", "context canceled"),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, numbered(func(w http.ResponseWriter, _ *http.Request, n int64) { tt.answer(w, n) }))
			h := newRecordingHandler()
			if tt.infoOnly {
				h.level = slog.LevelInfo
			}
			c, sl := newTestClient(t, rec.srv.URL, WithLogger(slog.New(h)))
			sl.hook = tt.sleep
			_, _ = c.Services.Fetch(context.Background(), testServiceSID)
			assert.Equal(t, tt.want, h.Lines())
		})
	}
}

// TestLoggerTransportError checks the lines of a request that gets no answer:
// status 0 and the cause, without the URL.
func TestLoggerTransportError(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close()) // nothing listens there now
	h := newRecordingHandler()
	c, _ := newTestClient(t, "http://"+addr, WithLogger(slog.New(h)), WithMaxRetries(1))
	_, err = c.Services.ListPage(context.Background(), &ListServicesParams{PageSize: Ptr(7)})
	require.Error(t, err)
	lines := h.Lines()
	require.Len(t, lines, 4, "%v", lines)
	for i, want := range []struct {
		level slog.Level
		msg   string
	}{
		{slog.LevelDebug, "twiliochat: request"},
		{slog.LevelInfo, "twiliochat: retrying request"},
		{slog.LevelDebug, "twiliochat: request"},
		{slog.LevelWarn, "twiliochat: giving up on request"},
	} {
		assert.Equal(t, want.level, lines[i].Level)
		assert.Equal(t, want.msg, lines[i].Msg)
		assert.Equal(t, "/v2/Services", lines[i].Attrs["path"], "the path, without the query")
		assert.Contains(t, lines[i].Attrs["error"], "connection refused")
	}
	assert.EqualValues(t, 0, lines[0].Attrs["status"], "no answer")
	assert.EqualValues(t, 2, lines[2].Attrs["attempt"])
	assert.EqualValues(t, 2, lines[3].Attrs["attempts"])
	assert.NotContains(t, h.Text(), "PageSize", "no query in the log")
	assert.NotContains(t, h.Text(), "http://", "no URL in the log")
}

// TestNoLogger checks that a Client logs nothing without WithLogger or with
// a nil logger: it has no logger to log to, whatever slog's default is.
func TestNoLogger(t *testing.T) {
	t.Parallel()
	for _, opts := range [][]Option{nil, {WithLogger(nil)}} {
		c, err := NewClient(testAccountSID, testAuthToken, opts...)
		require.NoError(t, err)
		assert.Nil(t, c.logger)
		req, err := c.newRequest(context.Background(), &engine.Request{Method: http.MethodGet, Target: "/v2/Services"})
		require.NoError(t, err)
		assert.Nil(t, c.newCallLog(req))
	}
}

// TestLoggerDurationIsTheAttempts checks that the duration of each attempt
// line is the time the attempt took: above zero and no longer than the whole
// call, tries and retries included.
func TestLoggerDurationIsTheAttempts(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, numbered(func(w http.ResponseWriter, _ *http.Request, n int64) {
		if n == 1 {
			writeJSON(w, http.StatusServiceUnavailable, twilioErrorBody(503, 20503, "busy"))
			return
		}
		writeJSON(w, http.StatusOK, string(serviceJSON(t)))
	}))
	h := newRecordingHandler()
	c, _ := newTestClient(t, rec.srv.URL, WithLogger(slog.New(h)))
	start := time.Now()
	_, err := c.Services.Fetch(context.Background(), testServiceSID)
	elapsed := time.Since(start)
	require.NoError(t, err)

	var durations []time.Duration
	for _, line := range strings.Split(strings.TrimSpace(h.Text()), "\n") {
		var record map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &record), line)
		if d, ok := record["duration"].(float64); ok {
			durations = append(durations, time.Duration(d))
		}
	}
	require.Len(t, durations, 2, "one line per attempt")
	for i, d := range durations {
		assert.Positive(t, d, "attempt %d", i+1)
		assert.LessOrEqual(t, d, elapsed, "attempt %d lasted no longer than the call", i+1)
	}
}
