package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun runs the example as a newcomer would: the fake calls the
// handler's pre-action for each message and its post-action for those it
// lets through, rewritten where it asked.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	assert.Equal(t, ""+
		`onMessageAdd    "Hello everyone"               -> 200`+"\n"+
		`onMessageAdded  "Hello everyone"               -> 200`+"\n"+
		`onMessageAdd    "This is FORBIDDEN talk"       -> 403 rejected`+"\n"+
		`onMessageAdd    "darn, my order is late"       -> 200 {"body":"d**n, my order is late"}`+"\n"+
		`onMessageAdded  "d**n, my order is late"       -> 200`+"\n"+
		"recorded: #0 alice: Hello everyone\n"+
		"recorded: #1 bob: d**n, my order is late\n"+
		"stored: #0 alice: Hello everyone\n"+
		"stored: #1 bob: d**n, my order is late\n", out.String())
}
