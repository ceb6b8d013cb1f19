package twiliochat

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClientCallerHosts checks where the Caller that package conversations
// gets from a Client sends its requests: conversations.twilio.com, through
// the Client's edge and region, or the Client's own base URL when
// WithBaseURL set one; and which next_page_url hosts it follows.
func TestClientCallerHosts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		opts     []Option
		target   string
		wantURL  string
		untrusts bool
	}{
		{"default host", nil, "/v1/Conversations", "https://conversations.twilio.com/v1/Conversations", false},
		{"edge and region", []Option{WithEdge("dublin"), WithRegion("ie1")}, "/v1/Conversations", "https://conversations.dublin.ie1.twilio.com/v1/Conversations", false},
		{"base URL shared", []Option{WithBaseURL("http://127.0.0.1:8080")}, "/v1/Conversations", "http://127.0.0.1:8080/v1/Conversations", false},
		{"next page on the global host", []Option{WithEdge("dublin"), WithRegion("ie1")}, "https://conversations.twilio.com/v1/Conversations?Page=1", "https://conversations.dublin.ie1.twilio.com/v1/Conversations?Page=1", false},
		{"next page on the Chat host", nil, "https://chat.twilio.com/v1/Conversations?Page=1", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
				got = append(got, r.URL.String())
				body := []byte(`{}`)
				return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: r}, nil
			})}
			c, err := NewClient(testAccountSID, testAuthToken, append([]Option{WithHTTPClient(hc)}, tt.opts...)...)
			require.NoError(t, err)
			caller, err := engine.ClientCaller(c, "conversations")
			require.NoError(t, err)
			err = caller.Do(context.Background(), engine.Request{Method: http.MethodGet, Target: tt.target})
			if tt.untrusts {
				require.ErrorIs(t, err, ErrUntrustedURL)
				assert.Contains(t, err.Error(), "a Twilio Conversations host")
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, []string{tt.wantURL}, got)
			assert.Equal(t, "https://chat.twilio.com", DefaultBaseURL, "the Chat Client keeps its own host")
		})
	}
}

// TestClientCallerRefusesOtherClients checks that ClientCaller refuses
// what is not a *Client.
func TestClientCallerRefusesOtherClients(t *testing.T) {
	t.Parallel()
	for _, client := range []any{nil, (*Client)(nil), "client"} {
		caller, err := engine.ClientCaller(client, "conversations")
		assert.Nil(t, caller)
		assert.Error(t, err)
		assert.False(t, errors.Is(err, ErrUntrustedURL))
	}
}
