package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunAgainstFake runs the example as a newcomer would, with no account
// configured, and checks what it prints.
func TestRunAgainstFake(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	var out bytes.Buffer
	require.NoError(t, run(&out, "", "support"))
	got := out.String()
	for _, want := range []string{
		"TWILIO_ACCOUNT_SID is not set: using the in-process twiliochattest fake at http://127.0.0.1:",
		"Friendly name:    support\n",
		"Reachability:     true\n",
		"Typing timeout:   10 s\n",
		`New message push: true ("${USER}: ${MESSAGE}", badge true)`,
		"Limits:           500 members a channel, 200 channels a user\n",
		`Media:            150 MB, "[media]"`,
		"Webhook filters:  (none)\n",
	} {
		assert.Contains(t, got, want)
	}
}

// TestRunNeedsSIDWithAccount checks that a real account without -sid is an
// error before any request.
func TestRunNeedsSIDWithAccount(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef")
	t.Setenv("TWILIO_AUTH_TOKEN", "token")
	var out bytes.Buffer
	err := run(&out, "", "support")
	require.EqualError(t, err, "-sid is required with a real account")
	assert.Empty(t, out.String())
}
