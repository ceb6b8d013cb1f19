package accesstoken

import "github.com/e3f0929f/twiliochat/internal/spec"

// checkSID returns a *ValidationError naming field unless sid is prefix
// followed by exactly 32 hex digits (one of the spec.…SIDPrefix).
func checkSID(field, prefix, sid string) error {
	if spec.IsSID(prefix, sid) {
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
	if spec.IsSID(prefix, sid) {
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
