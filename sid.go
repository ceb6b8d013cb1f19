package twiliochat

import "github.com/e3f0929f/twiliochat/internal/spec"

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

// ValidateServiceSID reports whether sid is a Chat Service SID
// (^IS[0-9a-fA-F]{32}$). It returns nil or a *ValidationError for field "Sid".
func ValidateServiceSID(sid string) error { return checkSID("Sid", serviceSIDPrefix, sid) }

// ValidateRoleSID reports whether sid is a Chat Role SID
// (^RL[0-9a-fA-F]{32}$). It returns nil or a *ValidationError for field "Sid".
func ValidateRoleSID(sid string) error { return checkSID("Sid", roleSIDPrefix, sid) }

// ValidateAccountSID reports whether sid is a Twilio Account SID
// (^AC[0-9a-fA-F]{32}$). It returns nil or a *ValidationError for field
// "AccountSid".
func ValidateAccountSID(sid string) error { return checkSID("AccountSid", accountSIDPrefix, sid) }

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
