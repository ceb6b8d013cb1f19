package engine

import (
	"net/url"
	"strings"
	"testing"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildPath(t *testing.T) {
	t.Parallel()
	fetchChannel, fetchRole, listService := spec.Lookup("FetchChannel"), spec.Lookup("FetchRole"), spec.Lookup("ListService")
	channels := "/v2/Services/" + serviceSID + "/Channels/"
	tests := []struct {
		name    string
		op      *spec.Operation
		values  []string
		want    string   // escaped path
		reasons []string // "Field: Reason" of each *ValidationError
	}{
		{"no values", listService, nil, "/v2/Services", nil},
		{"SIDs", fetchRole, []string{serviceSID, roleSID}, "/v2/Services/" + serviceSID + "/Roles/" + roleSID, nil},
		{"upper-case hex", fetchRole, []string{serviceSID, "RL0123456789ABCDEF0123456789ABCDEF"}, "/v2/Services/" + serviceSID + "/Roles/RL0123456789ABCDEF0123456789ABCDEF", nil},
		{"a name", fetchChannel, []string{serviceSID, "support"}, channels + "support", nil},
		{"a SID where a name may be", fetchChannel, []string{serviceSID, channelSID}, channels + channelSID, nil},
		{"another kind's SID where a name may be", fetchChannel, []string{serviceSID, roleSID}, channels + roleSID, nil},
		{"a slash", fetchChannel, []string{serviceSID, "a/b"}, channels + "a%2Fb", nil},
		{"a question mark", fetchChannel, []string{serviceSID, "x?y"}, channels + "x%3Fy", nil},
		{"a hash", fetchChannel, []string{serviceSID, "x#y"}, channels + "x%23y", nil},
		{"a percent sign", fetchChannel, []string{serviceSID, "100%"}, channels + "100%25", nil},
		{"a space", fetchChannel, []string{serviceSID, "help desk"}, channels + "help%20desk", nil},
		{"a plus", fetchChannel, []string{serviceSID, "a+b"}, channels + "a+b", nil},
		{"a backslash", fetchChannel, []string{serviceSID, `a\b`}, channels + "a%5Cb", nil},
		{"unicode", fetchChannel, []string{serviceSID, "café ☕"}, channels + "caf%C3%A9%20%E2%98%95", nil},
		{"invalid UTF-8", fetchChannel, []string{serviceSID, "\xff"}, channels + "%FF", nil},
		{"dots inside a name", fetchChannel, []string{serviceSID, "../x"}, channels + "..%2Fx", nil},
		{"three dots", fetchChannel, []string{serviceSID, "..."}, channels + "...", nil},
		{"dot dot", fetchChannel, []string{serviceSID, ".."}, "", []string{`Sid: ".." is a dot segment, which cannot name a resource`}},
		{"dot", fetchChannel, []string{serviceSID, "."}, "", []string{`Sid: "." is a dot segment, which cannot name a resource`}},
		{"empty name", fetchChannel, []string{serviceSID, ""}, "", []string{"Sid: is empty, want a SID (CH followed by 32 hex digits) or a unique name"}},
		{"empty SID", fetchRole, []string{serviceSID, ""}, "", []string{"Sid: is empty, want RL followed by 32 hex digits"}},
		{"a name where a SID must be", fetchRole, []string{serviceSID, "support"}, "", []string{`Sid: "support" is not RL followed by 32 hex digits`}},
		{"a SID one digit short", fetchRole, []string{serviceSID, roleSID[:33]}, "", []string{`Sid: "` + roleSID[:33] + `" is not RL followed by 32 hex digits`}},
		{"every value bad", fetchRole, []string{"..", "a/b"}, "", []string{
			`ServiceSid: ".." is not IS followed by 32 hex digits`, `Sid: "a/b" is not RL followed by 32 hex digits`,
		}},
		{"the first value bad", fetchRole, []string{roleSID, roleSID}, "", []string{`ServiceSid: "` + roleSID + `" is not IS followed by 32 hex digits`}},
		{"another SID's prefix", fetchRole, []string{roleSID, serviceSID}, "", []string{
			`ServiceSid: "` + roleSID + `" is not IS followed by 32 hex digits`, `Sid: "` + serviceSID + `" is not RL followed by 32 hex digits`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := BuildPath(tt.op, tt.values)
			assert.Equal(t, tt.reasons, fieldReasons(err))
			assert.Equal(t, tt.want, got)
			if len(tt.reasons) == 1 {
				assert.IsType(t, &ValidationError{}, err, "one bad value is its *ValidationError, not a join of one")
			}
			if err != nil {
				return
			}
			// Whatever the value, it comes back as exactly one segment.
			u, err := url.Parse("https://chat.twilio.com" + got)
			require.NoError(t, err)
			assert.Equal(t, strings.Count(tt.op.Path, "/"), strings.Count(u.EscapedPath(), "/"))
			want := tt.op.Parts[0]
			for i, v := range tt.values {
				want += v + tt.op.Parts[i+1]
			}
			assert.Equal(t, want, u.Path)
			assert.Empty(t, u.RawQuery)
			assert.Empty(t, u.Fragment)
		})
	}
}

// TestBuildPathEveryByte builds a path with a name made of each byte and
// of all of them: it is escaped as url.PathEscape escapes it.
func TestBuildPathEveryByte(t *testing.T) {
	t.Parallel()
	op := spec.Lookup("FetchChannel")
	prefix := "/v2/Services/" + serviceSID + "/Channels/"
	all := make([]byte, 0, 256)
	for c := range 256 {
		all = append(all, byte(c))
		name := string([]byte{byte(c), 'x'})
		got, err := BuildPath(op, []string{serviceSID, name})
		require.NoError(t, err, "byte %#x", c)
		assert.Equal(t, prefix+url.PathEscape(name), got, "byte %#x", c)
	}
	got, err := BuildPath(op, []string{serviceSID, string(all)})
	require.NoError(t, err)
	assert.Equal(t, prefix+url.PathEscape(string(all)), got)
}

// TestBuildPathWrongCount checks that a count of values other than the
// template's is a bug of the calling package, which panics naming it.
func TestBuildPathWrongCount(t *testing.T) {
	t.Parallel()
	op := spec.Lookup("FetchRole")
	for _, values := range [][]string{nil, {serviceSID}, {serviceSID, roleSID, roleSID}} {
		assert.PanicsWithValue(t, "twiliochat: FetchRole takes 2 path values, got "+string(rune('0'+len(values))), func() {
			_, _ = BuildPath(op, values)
		})
	}
}

// TestBuildPathEveryOperation builds the path of every operation of both
// specs with SIDs, and with a name at each place that takes one.
func TestBuildPathEveryOperation(t *testing.T) {
	t.Parallel()
	for _, op := range allOperations() {
		values := make([]string, len(op.Params))
		for i, p := range op.Params {
			values[i] = sidOf(p.Prefix)
			if p.Names {
				values[i] = "a name/" + p.Name
			}
		}
		got, err := BuildPath(op, values)
		require.NoError(t, err, op.ID)
		want := op.Parts[0]
		for i, v := range values {
			want += url.PathEscape(v) + op.Parts[i+1]
		}
		assert.Equal(t, want, got, op.ID)
	}
}
