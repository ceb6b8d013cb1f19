package engine

import (
	"errors"
	"math"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ptr[T any](v T) *T { return &v }

func TestChecks(t *testing.T) {
	t.Parallel()
	type color string
	colors := []string{"red", "green", "blue"}
	long := strings.Repeat("x", 60)
	tests := []struct {
		name string
		err  error
		want []string // "Field: Reason"
	}{
		{"required set", CheckRequired("FriendlyName", true), nil},
		{"required unset", CheckRequired("FriendlyName", false), []string{"FriendlyName: is required"}},

		{"not empty unset", CheckNotEmpty("FriendlyName", nil), nil},
		{"not empty set", CheckNotEmpty("FriendlyName", ptr("a")), nil},
		{"not empty but empty", CheckNotEmpty("FriendlyName", ptr("")), []string{"FriendlyName: is empty"}},

		{"runes unset", CheckMaxRunes("FriendlyName", nil, 0), nil},
		{"runes at the most", CheckMaxRunes("FriendlyName", ptr("éé"), 2), nil},
		{"runes counted, not bytes", CheckMaxRunes("FriendlyName", ptr("ééé"), 3), nil},
		{"runes one too many", CheckMaxRunes("FriendlyName", ptr("ééé"), 2), []string{"FriendlyName: is 3 characters (runes) long, the most is 2"}},

		{"items none", CheckMaxItems("Triggers", nil, 0), nil},
		{"items at the most", CheckMaxItems("Triggers", []string{"a", "b"}, 2), nil},
		{"items one too many", CheckMaxItems("Triggers", []string{"a", "b", "c"}, 2), []string{"Triggers: has 3 items, the most is 2"}},

		{"optional SID unset", CheckOptionalSID("RoleSid", spec.RoleSIDPrefix, nil), nil},
		{"optional SID good", CheckOptionalSID("RoleSid", spec.RoleSIDPrefix, ptr(roleSID)), nil},
		{"optional SID bad", CheckOptionalSID("RoleSid", spec.RoleSIDPrefix, ptr(serviceSID)), []string{`RoleSid: "` + serviceSID + `" is not RL followed by 32 hex digits`}},
		{"optional SID empty", CheckOptionalSID("RoleSid", spec.RoleSIDPrefix, ptr("")), []string{"RoleSid: is empty, want RL followed by 32 hex digits"}},

		{"SID good", CheckSID("Sid", spec.RoleSIDPrefix, roleSID), nil},
		{"SID empty", CheckSID("Sid", spec.RoleSIDPrefix, ""), []string{"Sid: is empty, want RL followed by 32 hex digits"}},
		{"SID not hex", CheckSID("Sid", spec.RoleSIDPrefix, "RL0123456789abcdef0123456789abcdeg"), []string{`Sid: "RL0123456789abcdef0123456789abcdeg" is not RL followed by 32 hex digits`}},
		{"SID too long, quoted short", CheckSID("Sid", spec.RoleSIDPrefix, long), []string{`Sid: "` + long[:48] + `"… is not RL followed by 32 hex digits`}},

		{"range unset", InRange("Limits.UserChannels", nil, 1000), nil},
		{"range 0", InRange("Limits.UserChannels", ptr(0), 1000), nil},
		{"range at the maximum", InRange("Limits.UserChannels", ptr(1000), 1000), nil},
		{"range above", InRange("Limits.UserChannels", ptr(1001), 1000), []string{"Limits.UserChannels: 1001 is above the maximum of 1000"}},
		{"range negative", InRange("Limits.UserChannels", ptr(-1), 1000), []string{"Limits.UserChannels: -1 is negative"}},
		{"range unbounded", InRange("Interval", ptr(math.MaxInt), math.MaxInt), nil},

		{"URL unset", CheckURL("PreWebhookUrl", nil), nil},
		{"URL cleared", CheckURL("PreWebhookUrl", ptr("")), nil},
		{"URL https", CheckURL("PreWebhookUrl", ptr("https://example.com/hook")), nil},
		{"URL http", CheckURL("PreWebhookUrl", ptr("http://example.com")), nil},
		{"URL relative", CheckURL("PreWebhookUrl", ptr("/hook")), []string{`PreWebhookUrl: "/hook" is not an absolute http or https URL`}},
		{"URL without a host", CheckURL("PreWebhookUrl", ptr("https:///hook")), []string{`PreWebhookUrl: "https:///hook" is not an absolute http or https URL`}},
		{"URL of another scheme", CheckURL("PreWebhookUrl", ptr("ftp://example.com")), []string{`PreWebhookUrl: "ftp://example.com" is not an absolute http or https URL`}},
		{"URL that does not parse", CheckURL("PreWebhookUrl", ptr("http://%zz")), []string{`PreWebhookUrl: "http://%zz" is not an absolute http or https URL`}},

		{"JSON unset", CheckJSON("Attributes", nil), nil},
		{"JSON object", CheckJSON("Attributes", ptr(`{"a": [1, "b"]}`)), nil},
		{"JSON string", CheckJSON("Attributes", ptr(`"x"`)), nil},
		{"JSON bad", CheckJSON("Attributes", ptr(`{"a":`)), []string{`Attributes: "{\"a\":" is not valid JSON`}},
		{"JSON empty", CheckJSON("Attributes", ptr("")), []string{`Attributes: "" is not valid JSON`}},
		{"JSON with invalid UTF-8", CheckJSON("Attributes", ptr("\"\xff\"")), []string{`Attributes: "\"\xff\"" is not valid JSON`}},

		{"enum unset", CheckEnum[color]("Type", nil, colors), nil},
		{"enum good", CheckEnum("Type", ptr(color("blue")), colors), nil},
		{"enum bad", CheckEnum("Type", ptr(color("Blue")), colors), []string{`Type: "Blue" is not "red", "green" or "blue"`}},
		{"enum of two", CheckEnum("Type", ptr(color("")), colors[:2]), []string{`Type: "" is not "red" or "green"`}},

		{"required enum unset", CheckRequiredEnum[color]("Type", nil, colors), []string{"Type: is required"}},
		{"required enum good", CheckRequiredEnum("Type", ptr(color("red")), colors), nil},
		{"required enum bad", CheckRequiredEnum("Type", ptr(color("pink")), colors), []string{`Type: "pink" is not "red", "green" or "blue"`}},

		{"enums none", CheckEnums[color]("Type", nil, colors), nil},
		{"enums good", CheckEnums("Type", []color{"red", "blue"}, colors), nil},
		{"enums one bad", CheckEnums("Type", []color{"red", "pink"}, colors), []string{`Type: item 1: "pink" is not "red", "green" or "blue"`}},
		{"enums two bad", CheckEnums("Type", []color{"pink", "red", "Red"}, colors), []string{
			`Type: item 0: "pink" is not "red", "green" or "blue"`, `Type: item 2: "Red" is not "red", "green" or "blue"`,
		}},

		{"date unset", CheckDate("DateCreated", nil), nil},
		{"date set", CheckDate("DateCreated", ptr(time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC))), nil},
		{"date zero", CheckDate("DateCreated", &time.Time{}), []string{"DateCreated: is the zero time"}},
		{"date in year 0", CheckDate("DateCreated", ptr(time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC))), nil},
		{"date in year 9999", CheckDate("DateCreated", ptr(time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))), nil},
		{"date in year -1", CheckDate("DateCreated", ptr(time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC))), []string{"DateCreated: year -1 is outside 0 to 9999, which RFC 3339 cannot carry"}},
		{"date in year 10000", CheckDate("DateCreated", ptr(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))), []string{"DateCreated: year 10000 is outside 0 to 9999, which RFC 3339 cannot carry"}},
		{"date in a zone of whole minutes", CheckDate("DateCreated", ptr(time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", -(3*3600+30*60))))), nil},
		{"date in a zone just under +24h", CheckDate("DateCreated", ptr(time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600-60)))), nil},
		{"date in a zone just under -24h", CheckDate("DateCreated", ptr(time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", -24*3600+60)))), nil},
		{"date in a zone of +24h", CheckDate("DateCreated", ptr(time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600)))), []string{
			"DateCreated: zone offset of 86400 seconds is not whole minutes under 24 hours, which RFC 3339 cannot carry; use UTC",
		}},
		{"date in a zone of -24h", CheckDate("DateCreated", ptr(time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", -24*3600)))), []string{
			"DateCreated: zone offset of -86400 seconds is not whole minutes under 24 hours, which RFC 3339 cannot carry; use UTC",
		}},
		{"date in a zone with seconds", CheckDate("DateCreated", ptr(time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", 3600+1)))), []string{
			"DateCreated: zone offset of 3601 seconds is not whole minutes under 24 hours, which RFC 3339 cannot carry; use UTC",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, fieldReasons(tt.err))
			if len(tt.want) == 1 {
				assert.IsType(t, &ValidationError{}, tt.err, "one bad value is its *ValidationError, not a join of one")
			}
			if tt.want == nil {
				assert.NoError(t, tt.err)
			}
		})
	}
}

func TestIsAbsoluteHTTP(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url  string
		want bool
	}{
		{"https://example.com", true},
		{"http://example.com/x", true},
		{"HTTPS://example.com", true}, // url.Parse lowers the scheme
		{"https://", false},
		{"ftp://example.com", false},
		{"/relative", false},
		{"example.com", false},
		{"", false},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.url)
		require.NoError(t, err)
		assert.Equal(t, tt.want, IsAbsoluteHTTP(u), tt.url)
	}
}

func TestValidationError(t *testing.T) {
	t.Parallel()
	err := Invalid("Limits.UserChannels", "%d is above %s", 5, "four")
	var v *ValidationError
	require.ErrorAs(t, err, &v)
	assert.Equal(t, &ValidationError{Field: "Limits.UserChannels", Reason: "5 is above four"}, v)
	assert.EqualError(t, err, "twiliochat: invalid Limits.UserChannels: 5 is above four")
	assert.EqualError(t, Invalid("Sid", "is %s", "100% bad"), "twiliochat: invalid Sid: is 100% bad", "an argument is not read as a format")
}

// TestJoinErrors checks the joining of the checks' results: nothing for no
// error, the error itself for one, so that a single bad parameter is a
// *ValidationError and not a join of one, and errors.Join of the errors
// alone for more.
func TestJoinErrors(t *testing.T) {
	t.Parallel()
	a, b, c := Invalid("A", "bad"), Invalid("B", "bad"), errors.New("c")
	tests := []struct {
		name string
		errs []error
		want []error // nil for no error; the one error itself when alone
	}{
		{"none", nil, nil},
		{"all nil", []error{nil, nil}, nil},
		{"one", []error{a}, []error{a}},
		{"one among nils", []error{nil, a, nil}, []error{a}},
		{"two", []error{a, nil, b}, []error{a, b}},
		{"three", []error{nil, a, b, c}, []error{a, b, c}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := JoinErrors(tt.errs...)
			switch len(tt.want) {
			case 0:
				assert.NoError(t, got)
			case 1:
				assert.Same(t, tt.want[0], got)
			default:
				joined, ok := got.(interface{ Unwrap() []error })
				require.True(t, ok, "%T", got)
				assert.Equal(t, tt.want, joined.Unwrap())
				assert.Equal(t, errors.Join(tt.want...).Error(), got.Error())
			}
		})
	}
}

func TestIdentityCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		sid  string
		want string // "" for no error
	}{
		{"a SID of its kind", roleSID, ""},
		{"no SID", "", "the User Channel has no channel_sid"},
		{"another kind's SID", serviceSID, "the User Channel's channel_sid is not RL followed by 32 hex digits"},
		{"not a SID", "\"x\"", "the User Channel's channel_sid is not RL followed by 32 hex digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Identity{Kind: "User Channel", Key: "channel_sid", Prefix: spec.RoleSIDPrefix, SID: tt.sid}.Check()
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestHasIdentity(t *testing.T) {
	t.Parallel()
	assert.True(t, hasIdentity[role, roleChecker]())
	assert.False(t, hasIdentity[item, none[item]]())
}
