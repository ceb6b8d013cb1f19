package main

import (
	"bytes"
	"io"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/webhook"
)

// TestSelfTest runs the example as a newcomer would, with no flags: the
// fake calls the handler for each message, and stores only the allowed one.
func TestSelfTest(t *testing.T) {
	var out, logs bytes.Buffer
	require.NoError(t, selfTest(&out, slog.New(slog.NewTextHandler(&logs, nil))))
	assert.Equal(t, ""+
		"onMessageSend  alice: Hello everyone            -> 200 allowed\n"+
		"onMessageSent  alice: Hello everyone            -> 200 acknowledged\n"+
		"onMessageSend  mallory: This is FORBIDDEN talk  -> 403 rejected\n"+
		"stored: alice: Hello everyone\n", out.String())
	assert.Contains(t, logs.String(), "rejecting message")
	assert.Contains(t, logs.String(), `msg="message sent"`)
	assert.NotContains(t, logs.String(), "signature rejected")
	assert.NotContains(t, logs.String(), dummyToken)
}

// TestServeChecksItsSetup checks that serve refuses a missing token or a bad
// public URL, and returns (rather than waits for a signal) when it cannot
// listen.
func TestServeChecksItsSetup(t *testing.T) {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))

	t.Setenv("TWILIO_AUTH_TOKEN", "")
	assert.ErrorContains(t, serve("127.0.0.1:0", "", logger), "TWILIO_AUTH_TOKEN is not set")

	t.Setenv("TWILIO_AUTH_TOKEN", "token")
	err := serve("127.0.0.1:0", "example.com", logger)
	assert.ErrorIs(t, err, webhook.ErrBadOption)
	assert.NotContains(t, err.Error(), "TWILIO_AUTH_TOKEN", "the error is about the URL")

	assert.Error(t, serve("127.0.0.1:-1", "", logger))
}
