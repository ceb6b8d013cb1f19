package engine

import (
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// The checks that many operations share, each written once. Each takes the
// form key it checks, as the spec spells it, and returns nil or a
// *ValidationError naming that key. A nil pointer is a key that is not sent
// and passes every check but the required ones.

// CheckRequired refuses a required key that is not set.
func CheckRequired(field string, set bool) error {
	if !set {
		return Invalid(field, "is required")
	}
	return nil
}

// CheckNotEmpty refuses a set name key (a required FriendlyName or
// Identity) that is empty, which Twilio refuses too.
func CheckNotEmpty(field string, v *string) error {
	if v != nil && *v == "" {
		return Invalid(field, "is empty")
	}
	return nil
}

// CheckMaxRunes checks that a set name key (a FriendlyName) is at most max
// characters long, counted as runes ("é" is one).
func CheckMaxRunes(field string, v *string, max int) error {
	if v == nil {
		return nil
	}
	if n := utf8.RuneCountInString(*v); n > max {
		return Invalid(field, "is %d characters (runes) long, the most is %d", n, max)
	}
	return nil
}

// CheckMaxItems checks that a list key holds at most max items.
func CheckMaxItems(field string, items []string, max int) error {
	if len(items) > max {
		return Invalid(field, "has %d items, the most is %d", len(items), max)
	}
	return nil
}

// CheckOptionalSID checks a SID key (RoleSid, MediaSid,
// Configuration.FlowSid) when it is set: prefix followed by 32 hex digits.
func CheckOptionalSID(field, prefix string, sid *string) error {
	if sid == nil {
		return nil
	}
	return CheckSID(field, prefix, *sid)
}

// InRange checks that a set integer is between 0 and max; math.MaxInt
// bounds it only from below.
func InRange(field string, v *int, max int) error {
	switch {
	case v == nil:
		return nil
	case *v < 0:
		return Invalid(field, "%d is negative", *v)
	case *v > max:
		return Invalid(field, "%d is above the maximum of %d", *v, max)
	}
	return nil
}

// CheckURL checks that a set URL key is empty (which clears it) or an
// absolute http or https URL.
func CheckURL(field string, v *string) error {
	if v == nil || *v == "" {
		return nil
	}
	if u, err := url.Parse(*v); err != nil || !IsAbsoluteHTTP(u) {
		return Invalid(field, "%s is not an absolute http or https URL", QuoteShort(*v))
	}
	return nil
}

// CheckJSON checks that a set Attributes key holds one valid JSON value, in
// UTF-8 as JSON text must be (json.Valid lets invalid bytes inside a string
// through, which Twilio would store as something else).
func CheckJSON(field string, v *string) error {
	if v == nil || (json.Valid([]byte(*v)) && utf8.ValidString(*v)) {
		return nil
	}
	return Invalid(field, "%s is not valid JSON", QuoteShort(*v))
}

// CheckEnum checks that a set enum key holds one of the spec's values
// (internal/spec), such as spec.RoleTypes.
func CheckEnum[E ~string](field string, v *E, allowed []string) error {
	if v == nil || slices.Contains(allowed, string(*v)) {
		return nil
	}
	return Invalid(field, "%s", notOneOf(string(*v), allowed))
}

// CheckRequiredEnum is CheckEnum for a required key (the Type of a Create):
// a nil v is refused as missing.
func CheckRequiredEnum[E ~string](field string, v *E, allowed []string) error {
	if v == nil {
		return Invalid(field, "is required")
	}
	return CheckEnum(field, v, allowed)
}

// CheckEnums checks that every item of a list of enum values (a list
// filter, sent as one key per item) is one of the spec's values, and names
// each bad item by its index.
func CheckEnums[E ~string](field string, vs []E, allowed []string) error {
	var errs []error
	for i, v := range vs {
		if !slices.Contains(allowed, string(v)) {
			errs = append(errs, Invalid(field, "item %d: %s", i, notOneOf(string(v), allowed)))
		}
	}
	return JoinErrors(errs...)
}

// notOneOf says that v is none of allowed.
func notOneOf(v string, allowed []string) string {
	quoted := make([]string, len(allowed))
	for i, a := range allowed {
		quoted[i] = strconv.Quote(a)
	}
	last := len(quoted) - 1
	return QuoteShort(v) + " is not " + strings.Join(quoted[:last], ", ") + " or " + quoted[last]
}

// CheckDate checks that a set date key is not the zero time, which a caller
// means as no date but which would be sent as the year 1, and that RFC 3339
// can carry it as it is sent (in its own zone, as twilio-go sends it): a
// year from 0 to 9999, and a zone offset of whole minutes under 24 hours
// (the format would drop an offset's seconds and send another instant).
func CheckDate(field string, v *time.Time) error {
	if v == nil {
		return nil
	}
	if v.IsZero() {
		return Invalid(field, "is the zero time")
	}
	if y := v.Year(); y < 0 || y > 9999 {
		return Invalid(field, "year %d is outside 0 to 9999, which RFC 3339 cannot carry", y)
	}
	if _, offset := v.Zone(); offset%60 != 0 || offset <= -24*3600 || offset >= 24*3600 {
		return Invalid(field, "zone offset of %d seconds is not whole minutes under 24 hours, which RFC 3339 cannot carry; use UTC", offset)
	}
	return nil
}

// IsAbsoluteHTTP reports whether u is an absolute http or https URL, with a
// host: what WithBaseURL and the webhook URLs of Update accept.
func IsAbsoluteHTTP(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// CheckSID returns a *ValidationError naming field unless sid is prefix
// followed by exactly 32 hex digits.
func CheckSID(field, prefix, sid string) error {
	if spec.IsSID(prefix, sid) {
		return nil
	}
	if sid == "" {
		return Invalid(field, "is empty, want %s followed by 32 hex digits", prefix)
	}
	return Invalid(field, "%s is not %s followed by 32 hex digits", QuoteShort(sid), prefix)
}
