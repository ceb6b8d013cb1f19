package twiliochat

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answerWithID writes a JSON answer of status and body whose
// Twilio-Request-Id is id.
func answerWithID(w http.ResponseWriter, status int, id, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Twilio-Request-Id", id)
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// TestResponseRecorder checks what a ResponseRecorder holds after a call: the
// status and request ID of the last try's answer, for a success, an error
// answer and a retried call alike, and a zero status when no answer came.
func TestResponseRecorder(t *testing.T) {
	t.Parallel()
	service := string(serviceJSON(t))
	tests := []struct {
		name    string
		answers []int // the status of each try; its request ID is RQ{try}
		wantErr bool
		want    ResponseInfo
	}{
		{name: "success", answers: []int{200}, want: ResponseInfo{Status: 200, RequestID: "RQ1", Attempt: 1}},
		{name: "error answer", answers: []int{404}, wantErr: true, want: ResponseInfo{Status: 404, RequestID: "RQ1", Attempt: 1}},
		{name: "retried, then served", answers: []int{503, 429, 200}, want: ResponseInfo{Status: 200, RequestID: "RQ3", Attempt: 3}},
		{name: "retried, then refused", answers: []int{503, 503, 503}, wantErr: true, want: ResponseInfo{Status: 503, RequestID: "RQ3", Attempt: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, numbered(func(w http.ResponseWriter, _ *http.Request, n int64) {
				status := tt.answers[n-1]
				body := service
				if status != http.StatusOK {
					body = twilioErrorBody(status, 20000+status, http.StatusText(status))
				}
				answerWithID(w, status, "RQ"+strconv.FormatInt(n, 10), body)
			}))
			var rr ResponseRecorder
			ctx := WithResponseRecorder(context.Background(), &rr)

			_, err := rec.client(t).Services.Fetch(ctx, testServiceSID)

			assert.Equal(t, tt.wantErr, err != nil, "%v", err)
			assert.Equal(t, tt.want, rr.Last())
			assert.EqualValues(t, len(tt.answers), rec.hits())
		})
	}

	t.Run("no answer", func(t *testing.T) {
		t.Parallel()
		rec := newRecorder(t, respondJSON(http.StatusOK, service))
		c := rec.client(t, WithMaxRetries(0))
		rec.close() // nothing listens any more
		var rr ResponseRecorder
		rr.last = ResponseInfo{Status: 200, RequestID: "RQ-earlier", Attempt: 1}

		_, err := c.Services.Fetch(WithResponseRecorder(context.Background(), &rr), testServiceSID)

		require.Error(t, err)
		assert.Equal(t, ResponseInfo{Attempt: 1}, rr.Last(), "an earlier answer is not left standing")
	})
	t.Run("unused", func(t *testing.T) {
		t.Parallel()
		var rr ResponseRecorder
		assert.Equal(t, ResponseInfo{}, rr.Last())
	})
	t.Run("not given", func(t *testing.T) {
		t.Parallel()
		ctx := context.Background()
		assert.Equal(t, ctx, WithResponseRecorder(ctx, nil))
		var nilCtx context.Context
		assert.Nil(t, WithResponseRecorder(nilCtx, &ResponseRecorder{}))
	})
	t.Run("a derived context", func(t *testing.T) {
		t.Parallel()
		rec := newRecorder(t, respondJSON(http.StatusOK, service))
		var rr ResponseRecorder
		ctx, cancel := context.WithCancel(WithResponseRecorder(context.Background(), &rr))
		defer cancel()

		_, err := rec.client(t).Services.Fetch(ctx, testServiceSID)

		require.NoError(t, err)
		assert.Equal(t, ResponseInfo{Status: 200, RequestID: testRequestID, Attempt: 1}, rr.Last())
	})
}

// TestResponseRecorderListPages checks that a List records each page's
// answer as it fetches it: every item is read with its own page's request
// ID.
func TestResponseRecorderListPages(t *testing.T) {
	t.Parallel()
	var rec *recorder
	rec = newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("Page")
		next := ""
		if page == "" {
			next = rec.srv.URL + "/v2/Services?Page=1"
		}
		sid := fmt.Sprintf("IS%032d", len(page))
		answerWithID(w, http.StatusOK, "RQpage"+page, `{"services": [{"sid": "`+sid+`"}], "meta": {"key": "services", "next_page_url": "`+next+`"}}`)
	})
	var rr ResponseRecorder
	ctx := WithResponseRecorder(context.Background(), &rr)

	var got []string
	for svc, err := range rec.client(t).Services.List(ctx, nil) {
		require.NoError(t, err)
		got = append(got, svc.SID+" "+rr.Last().RequestID)
	}

	assert.Equal(t, []string{
		"IS00000000000000000000000000000000 RQpage",
		"IS00000000000000000000000000000001 RQpage1",
	}, got)
}

// TestResponseRecorderConcurrent checks that calls sharing a context record
// into one ResponseRecorder without a race (go test -race): it holds the
// answer of one of them, whole.
func TestResponseRecorderConcurrent(t *testing.T) {
	t.Parallel()
	service := string(serviceJSON(t))
	rec := newRecorder(t, numbered(func(w http.ResponseWriter, _ *http.Request, n int64) {
		answerWithID(w, http.StatusOK, "RQ"+strconv.FormatInt(n, 10), service)
	}))
	c := rec.client(t)
	var rr ResponseRecorder
	ctx := WithResponseRecorder(context.Background(), &rr)
	const calls = 8
	var wg sync.WaitGroup
	errs := make(chan error, calls)
	for range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Services.Fetch(ctx, testServiceSID)
			errs <- err
			_ = rr.Last()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	last := rr.Last()
	assert.Equal(t, http.StatusOK, last.Status)
	assert.Equal(t, 1, last.Attempt)
	digits, ok := strings.CutPrefix(last.RequestID, "RQ")
	require.True(t, ok, last.RequestID)
	n, err := strconv.Atoi(digits)
	require.NoError(t, err, last.RequestID)
	assert.True(t, n >= 1 && n <= calls, last.RequestID)
}
