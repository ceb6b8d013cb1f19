package accesstoken

// SID prefixes of the resources a token names.
const (
	accountSIDPrefix        = "AC"
	apiKeySIDPrefix         = "SK"
	serviceSIDPrefix        = "IS"
	roleSIDPrefix           = "RL"
	pushCredentialSIDPrefix = "CR"
)

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

// checkCredentialSID is checkSID for the Account and API key SIDs, given
// beside the secret: the value is not quoted, in case it is the secret
// passed in the wrong place.
func checkCredentialSID(field, prefix, sid string) error {
	if isSID(prefix, sid) {
		return nil
	}
	if sid == "" {
		return invalid(field, "is empty, want %s followed by 32 hex digits", prefix)
	}
	return invalid(field, "is not %s followed by 32 hex digits (a value of %d bytes, not shown in case it is the secret)", prefix, len(sid))
}

// checkOptionalSID is checkSID for a SID that may be left out ("").
func checkOptionalSID(field, prefix, sid string) error {
	if sid == "" {
		return nil
	}
	return checkSID(field, prefix, sid)
}

// isSID reports whether sid is prefix followed by exactly 32 hex digits.
func isSID(prefix, sid string) bool {
	if len(sid) != 34 || sid[:2] != prefix {
		return false
	}
	for i := 2; i < len(sid); i++ {
		c := sid[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
