package twiliochat

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSendAllocations counts the allocations of one Messages.Create (From,
// Body, Attributes and the X-Twilio-Webhook-Enabled header) and one
// Messages.Fetch through a RoundTripper that answers from memory: the
// request, its headers, the answer's decoding and the RoundTripper's own
// response. The request is built on the caller's stack and the four
// headers newRequest sets share one array of values; without either,
// each call takes more. It is not parallel, and not run under the race
// detector, whose sync.Pool drops buffers at random: it reads the
// process's allocation count.
func TestSendAllocations(t *testing.T) {
	if raceDetector {
		t.Skip("the race detector changes what is allocated")
	}
	body := mustRead(t, "testdata/message_create.json")
	transport := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusCreated, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: r}, nil
	})
	c, err := NewClient(testAccountSID, testAuthToken, WithHTTPClient(&http.Client{Transport: transport}))
	require.NoError(t, err)
	ctx := context.Background()
	params := &CreateMessageParams{From: Ptr("alice"), Body: Ptr("hello"), Attributes: Ptr(`{"a":1}`), WebhookEnabled: Ptr(true)}

	tests := []struct {
		name string
		call func() (*Message, error)
		max  float64
	}{
		{"Create", func() (*Message, error) { return c.Messages.Create(ctx, testServiceSID, testChannelSID, params) }, 41},
		{"Fetch", func() (*Message, error) { return c.Messages.Fetch(ctx, testServiceSID, testChannelSID, testMessageSID) }, 36},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, err := tt.call()
			require.NoError(t, err)
			require.NotNil(t, msg)
			got := testing.AllocsPerRun(50, func() {
				if _, err := tt.call(); err != nil {
					panic(err)
				}
			})
			assert.LessOrEqual(t, got, tt.max, "allocations per %s", tt.name)
		})
	}
}

// TestRequestHeaderValuesStandApart checks that the headers newRequest sets
// hold their own values although they share one array: a RoundTripper that
// writes over the value of one header, or appends a value to it, leaves every
// other header as it was sent.
func TestRequestHeaderValuesStandApart(t *testing.T) {
	t.Parallel()
	keys := []string{"Authorization", "Accept", "User-Agent", "Content-Type"}
	for _, key := range keys {
		t.Run(key, func(t *testing.T) {
			t.Parallel()
			c, err := NewClient(testAccountSID, testAuthToken)
			require.NoError(t, err)
			req, err := c.newRequest(context.Background(), &engine.Request{Method: http.MethodPost, Target: "/v2/Services", Form: []byte("A=1")})
			require.NoError(t, err)
			want := req.Header.Clone()
			assert.Equal(t, http.Header{
				"Authorization": {c.creds.authorization()},
				"Accept":        {"application/json"},
				"User-Agent":    {c.userAgent},
				"Content-Type":  {"application/x-www-form-urlencoded"},
			}, want)

			req.Header[key][0] = "overwritten"
			req.Header.Add(key, "added")
			for _, other := range keys {
				if other == key {
					assert.Equal(t, []string{"overwritten", "added"}, req.Header[key])
					continue
				}
				assert.Equal(t, want[other], req.Header[other], other)
			}
		})
	}
}
