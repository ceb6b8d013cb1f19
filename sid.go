package twiliochat

import (
	"maps"
	"slices"

	"github.com/e3f0929f/twiliochat/internal/engine"
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
		return engine.Invalid("SIDKind", "%s is not a kind of SID", engine.QuoteShort(string(kind)))
	}
	return engine.CheckSID("Sid", string(kind), sid)
}

// isSID reports whether sid is prefix followed by exactly 32 hex digits.
func isSID(prefix, sid string) bool { return spec.IsSID(prefix, sid) }
