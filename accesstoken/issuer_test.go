package accesstoken_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/accesstoken"
)

// TestRegionNames checks which region names WithRegion takes, at the edges
// of what a host name label may hold, and that a taken one is the token's
// twr header as given.
func TestRegionNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		region string
		ok     bool
	}{
		{"letters at both ends of the alphabet", "az", true},
		{"digits at both ends", "z09", true},
		{"inner hyphen", "a-9", true},
		{"one character", "z", true},
		{"63 characters", strings.Repeat("a", 62) + "z", true},
		{"64 characters", strings.Repeat("a", 64), false},
		{"leading hyphen", "-us1", false},
		{"trailing hyphen", "us1-", false},
		{"character after z", "us{", false},
		{"character before a", "us`", false},
		{"character after 9", "us:", false},
		{"character before 0", "us/", false},
		{"upper case", "Us1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			iss, err := accesstoken.NewIssuer(testAccountSID, testKeySID, testSecret,
				accesstoken.WithClock(clockAt(testNow)), accesstoken.WithRegion(tt.region))
			if !tt.ok {
				require.Error(t, err)
				assert.Equal(t, []string{"Region"}, fields(err))
				return
			}
			require.NoError(t, err)
			token, err := iss.Issue("alice", fullChatGrant())
			require.NoError(t, err)
			header, _ := segments(t, token, testSecret)
			assert.Equal(t, tt.region, header["twr"])
		})
	}
}

// TestRegionErrorQuotesShortValues checks that the error for a bad region
// quotes a value of up to 48 bytes whole and cuts a longer one with "…".
func TestRegionErrorQuotesShortValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		region string
		want   string
	}{
		{"47 bytes", strings.Repeat("a", 46) + "A", strconv.Quote(strings.Repeat("a", 46)+"A") + " is not"},
		{"48 bytes", strings.Repeat("a", 47) + "A", strconv.Quote(strings.Repeat("a", 47)+"A") + " is not"},
		{"49 bytes", strings.Repeat("a", 48) + "A", strconv.Quote(strings.Repeat("a", 48)) + "… is not"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := accesstoken.NewIssuer(testAccountSID, testKeySID, testSecret, accesstoken.WithRegion(tt.region))
			var valErr *accesstoken.ValidationError
			require.True(t, errors.As(err, &valErr), "%v", err)
			assert.True(t, strings.HasPrefix(valErr.Reason, tt.want), "reason %q does not start with %q", valErr.Reason, tt.want)
		})
	}
}

// TestIssueAtTheFirstSecondAfter1970 checks that a clock one second after
// the Unix epoch, the earliest it accepts, issues a token dated then.
func TestIssueAtTheFirstSecondAfter1970(t *testing.T) {
	t.Parallel()
	iss := newTestIssuer(t, accesstoken.WithClock(clockAt(time.Unix(1, 0))))
	token, err := iss.Issue("alice", fullChatGrant())
	require.NoError(t, err)
	_, payload := segments(t, token, testSecret)
	assert.Equal(t, json.Number("1"), payload["iat"])
}
