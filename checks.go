package twiliochat

import (
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The checks that many operations share, each written once. Each takes the
// form key it checks, as the spec spells it, and returns nil or a
// *ValidationError naming that key. A nil pointer is a key that is not sent
// and passes every check but the required ones.

// checkRequired refuses a required key that is not set.
func checkRequired(field string, set bool) error {
	if !set {
		return invalid(field, "is required")
	}
	return nil
}

// checkNotEmpty refuses a set name key (a required FriendlyName or
// Identity) that is empty, which Twilio refuses too.
func checkNotEmpty(field string, v *string) error {
	if v != nil && *v == "" {
		return invalid(field, "is empty")
	}
	return nil
}

// checkMaxRunes checks that a set name key (a FriendlyName) is at most max
// characters long, counted as runes ("é" is one).
func checkMaxRunes(field string, v *string, max int) error {
	if v == nil {
		return nil
	}
	if n := utf8.RuneCountInString(*v); n > max {
		return invalid(field, "is %d characters (runes) long, the most is %d", n, max)
	}
	return nil
}

// checkMaxItems checks that a list key holds at most max items.
func checkMaxItems(field string, items []string, max int) error {
	if len(items) > max {
		return invalid(field, "has %d items, the most is %d", len(items), max)
	}
	return nil
}

// checkOptionalSID checks a SID key (RoleSid, MediaSid,
// Configuration.FlowSid) when it is set: prefix followed by 32 hex digits.
func checkOptionalSID(field, prefix string, sid *string) error {
	if sid == nil {
		return nil
	}
	return checkSID(field, prefix, *sid)
}

// inRange checks that a set integer is between 0 and max; math.MaxInt
// bounds it only from below.
func inRange(field string, v *int, max int) error {
	switch {
	case v == nil:
		return nil
	case *v < 0:
		return invalid(field, "%d is negative", *v)
	case *v > max:
		return invalid(field, "%d is above the maximum of %d", *v, max)
	}
	return nil
}

// checkURL checks that a set URL key is empty (which clears it) or an
// absolute http or https URL.
func checkURL(field string, v *string) error {
	if v == nil || *v == "" {
		return nil
	}
	if u, err := url.Parse(*v); err != nil || !isAbsoluteHTTP(u) {
		return invalid(field, "%s is not an absolute http or https URL", quoteShort(*v))
	}
	return nil
}

// checkJSON checks that a set Attributes key holds one valid JSON value, in
// UTF-8 as JSON text must be (json.Valid lets invalid bytes inside a string
// through, which Twilio would store as something else).
func checkJSON(field string, v *string) error {
	if v == nil || (json.Valid([]byte(*v)) && utf8.ValidString(*v)) {
		return nil
	}
	return invalid(field, "%s is not valid JSON", quoteShort(*v))
}

// checkEnum checks that a set enum key holds one of the spec's values
// (internal/spec), such as spec.RoleTypes.
func checkEnum[E ~string](field string, v *E, allowed []string) error {
	if v == nil || slices.Contains(allowed, string(*v)) {
		return nil
	}
	return invalid(field, "%s", notOneOf(string(*v), allowed))
}

// checkRequiredEnum is checkEnum for a required key (the Type of a Create):
// a nil v is refused as missing.
func checkRequiredEnum[E ~string](field string, v *E, allowed []string) error {
	if v == nil {
		return invalid(field, "is required")
	}
	return checkEnum(field, v, allowed)
}

// checkEnums checks that every item of a list of enum values (a list
// filter, sent as one key per item) is one of the spec's values, and names
// each bad item by its index.
func checkEnums[E ~string](field string, vs []E, allowed []string) error {
	var errs []error
	for i, v := range vs {
		if !slices.Contains(allowed, string(v)) {
			errs = append(errs, invalid(field, "item %d: %s", i, notOneOf(string(v), allowed)))
		}
	}
	return joinErrors(errs...)
}

// notOneOf says that v is none of allowed.
func notOneOf(v string, allowed []string) string {
	quoted := make([]string, len(allowed))
	for i, a := range allowed {
		quoted[i] = strconv.Quote(a)
	}
	last := len(quoted) - 1
	return quoteShort(v) + " is not " + strings.Join(quoted[:last], ", ") + " or " + quoted[last]
}

// checkDate checks that a set date key is not the zero time, which a caller
// means as no date but which would be sent as the year 1, and that RFC 3339
// can carry it as it is sent (in its own zone, as twilio-go sends it): a
// year from 0 to 9999, and a zone offset of whole minutes under 24 hours
// (the format would drop an offset's seconds and send another instant).
func checkDate(field string, v *time.Time) error {
	if v == nil {
		return nil
	}
	if v.IsZero() {
		return invalid(field, "is the zero time")
	}
	if y := v.Year(); y < 0 || y > 9999 {
		return invalid(field, "year %d is outside 0 to 9999, which RFC 3339 cannot carry", y)
	}
	if _, offset := v.Zone(); offset%60 != 0 || offset <= -24*3600 || offset >= 24*3600 {
		return invalid(field, "zone offset of %d seconds is not whole minutes under 24 hours, which RFC 3339 cannot carry; use UTC", offset)
	}
	return nil
}

// checkHistoryDates checks the DateCreated and DateUpdated keys that a
// Create or Update sets when importing history (Channels, Members,
// Messages).
func checkHistoryDates(created, updated *time.Time) error {
	return joinErrors(checkDate(keyDateCreated, created), checkDate(keyDateUpdated, updated))
}

// identity is the SID that identifies a decoded resource: its sid, or
// another SID for a resource that has none of its own (a User Channel by
// its channel_sid). The pager tells a list's items apart by it.
type identity struct {
	resource, key, prefix, sid string
}

// identified is a resource type that names its identity.
type identified interface {
	identity() identity
}

// check rejects a decoded resource whose SID is missing or is not a SID of
// its kind: the caller could neither fetch, update nor delete it.
func (id identity) check() error {
	if id.sid == "" {
		return errors.New("the " + id.resource + " has no " + id.key)
	}
	if !isSID(id.prefix, id.sid) {
		// The value is not quoted: it is whatever the server sent.
		return errors.New("the " + id.resource + "'s " + id.key + " is not " + id.prefix + " followed by 32 hex digits")
	}
	return nil
}
