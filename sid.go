package twiliochat

import (
	"maps"
	"slices"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// SID prefixes of the resources this package addresses (see internal/spec).
const (
	accountSIDPrefix = spec.AccountSIDPrefix
	serviceSIDPrefix = spec.ServiceSIDPrefix
	roleSIDPrefix    = spec.RoleSIDPrefix
	apiKeySIDPrefix  = spec.APIKeySIDPrefix
	channelSIDPrefix = spec.ChannelSIDPrefix
	bindingSIDPrefix = spec.BindingSIDPrefix
	userSIDPrefix    = spec.UserSIDPrefix
	memberSIDPrefix  = spec.MemberSIDPrefix
)

// ValidateSID reports whether sid is a SID of kind: its two-letter prefix
// followed by exactly 32 hex digits. It returns nil or a *ValidationError
// for field "Sid"; an unknown kind is refused as field "SIDKind".
func ValidateSID(kind SIDKind, sid string) error {
	if !slices.Contains(slices.Collect(maps.Values(spec.SIDPrefixes)), string(kind)) {
		return invalid("SIDKind", "%s is not a kind of SID", quoteShort(string(kind)))
	}
	return checkSID("Sid", string(kind), sid)
}

// checkSID returns a *ValidationError naming field unless sid is prefix
// followed by exactly 32 hex digits.
func checkSID(field, prefix, sid string) error {
	if isSID(prefix, sid) {
		return nil
	}
	if sid == "" {
		return invalid(field, "is empty, want %s followed by 32 hex digits", prefix)
	}
	return invalid(field, "%s is not %s followed by 32 hex digits", quoteShort(sid), prefix)
}

// isSID reports whether sid is prefix followed by exactly 32 hex digits.
func isSID(prefix, sid string) bool { return spec.IsSID(prefix, sid) }
