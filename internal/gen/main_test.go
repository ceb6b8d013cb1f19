package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedFileIsCurrent regenerates every generated file (internal/spec's
// and internal/convspec's tables, internal/engine's pages_gen.go, the root
// package's and package conversations' _gen.go files) from the vendored
// specs, twice, and compares both with the checked-in files: the output is
// deterministic and nobody edited it by hand.
func TestGeneratedFileIsCurrent(t *testing.T) {
	t.Parallel()
	sources, conv := readSpecs("../spec", specFiles), readSpecs("../spec", conversationsFiles)
	first, err := generate(sources, conv)
	require.NoError(t, err)
	second, err := generate(sources, conv)
	require.NoError(t, err)
	assert.Equal(t, first, second, "the output depends on map order")
	for name, src := range first {
		current, err := os.ReadFile("../spec/" + name)
		require.NoError(t, err)
		assert.Equal(t, string(current), string(src), "run go generate ./internal/spec")
	}
}

func TestPrefixName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ key, schema, want string }{
		{"sid", "chat.v2.service.channel.channel_webhook", "ChannelWebhook"},
		{"sid", "", ""},
		{"default_channel_role_sid", "chat.v2.service", "DefaultChannelRole"},
		{"Configuration.FlowSid", "", "Flow"},
		{"ServiceSid", "", "Service"},
		{"Sid", "", ""},
		{"to", "chat.v2.service.channel.message", ""},
	} {
		assert.Equal(t, tc.want, prefixName(tc.key, tc.schema), "%s in %s", tc.key, tc.schema)
	}
}
