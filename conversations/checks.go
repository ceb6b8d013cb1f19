package conversations

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/engine"
)

// The checks the spec cannot state, which the generated validate methods
// make wherever their key is sent (internal/gen's convKeyChecks names
// them), next to the engine's (engine.CheckJSON, engine.CheckURL, …).

// durationPattern matches an ISO 8601 duration: P, then years, months,
// weeks and days, then T and hours, minutes and seconds, each optional.
var durationPattern = regexp.MustCompile(`^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$`)

// unitSeconds are the seconds of each part of an ISO 8601 duration, in
// durationPattern's order; a year and a month count as their shortest.
var unitSeconds = []float64{365 * 86400, 28 * 86400, 7 * 86400, 86400, 3600, 60, 1}

// The shortest timers Twilio takes, as the spec's descriptions say.
const (
	minInactiveTimer = 60      // seconds: a minute
	minClosedTimer   = 10 * 60 // seconds: ten minutes
)

// checkInactiveTimer checks a set inactive timer (Timers.Inactive,
// DefaultInactiveTimer): an ISO 8601 duration of at least a minute.
func checkInactiveTimer(field string, v *string) error {
	return checkTimer(field, v, minInactiveTimer, "a minute")
}

// checkClosedTimer checks a set closed timer (Timers.Closed,
// DefaultClosedTimer): an ISO 8601 duration of at least ten minutes.
func checkClosedTimer(field string, v *string) error {
	return checkTimer(field, v, minClosedTimer, "ten minutes")
}

// checkTimer checks a set timer key: an ISO 8601 duration (PT10M, P1D) of
// at least min seconds, which shortest says in words; an empty value is
// left to Twilio.
func checkTimer(field string, v *string, min float64, shortest string) error {
	if v == nil || *v == "" {
		return nil
	}
	m := durationPattern.FindStringSubmatch(*v)
	if m == nil || *v == "P" || strings.HasSuffix(*v, "T") {
		return engine.Invalid(field, "%s is not an ISO 8601 duration such as PT10M or P1D", engine.QuoteShort(*v))
	}
	var seconds float64
	for i, unit := range unitSeconds {
		if m[i+1] != "" {
			n, _ := strconv.ParseFloat(m[i+1], 64) // the pattern allows only numbers
			seconds += n * unit
		}
	}
	if seconds < min {
		return engine.Invalid(field, "%s is shorter than %s", engine.QuoteShort(*v), shortest)
	}
	return nil
}

// maxParticipants is the most participants one
// CreateWithParticipants request adds (the spec's Participant key).
const maxParticipants = 10

// checkParticipants checks the Participant key of CreateWithParticipants:
// at most maxParticipants items, each a JSON object of a Participant's
// params.
func checkParticipants(field string, items []string) error {
	errs := []error{engine.CheckMaxItems(field, items, maxParticipants)}
	for i := range items {
		errs = append(errs, engine.CheckJSON(fmt.Sprintf("%s[%d]", field, i), &items[i]))
	}
	return engine.JoinErrors(errs...)
}

// checkDay checks a set date filter (StartDate, EndDate of a Conversations
// list): a day (2006-01-02) or an RFC 3339 date and time, as the spec
// describes it.
func checkDay(field string, v *string) error {
	if v == nil {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, *v); err == nil {
		return nil
	}
	if _, err := time.Parse(time.RFC3339, *v); err == nil {
		return nil
	}
	return engine.Invalid(field, "%s is neither a day (2006-01-02) nor an RFC 3339 time", engine.QuoteShort(*v))
}

// The checks of params types that the spec cannot state, which their
// generated validate calls: a key of two that one of them needs, as
// Twilio answers 400 (code 20001) without either.

// check refuses a list of a participant's Conversations by neither
// Identity nor Address.
func (p *ListParticipantConversationsParams) check() error {
	if p.Identity == nil && p.Address == nil {
		return engine.Invalid(convspec.KeyIdentity, "is required, or Address")
	}
	return nil
}

// check refuses a Participant with neither an Identity (a chat
// participant) nor a MessagingBinding.Address (an SMS or WhatsApp one).
func (p *CreateParticipantParams) check() error {
	if p.Identity == nil && (p.MessagingBinding == nil || p.MessagingBinding.Address == nil) {
		return engine.Invalid(convspec.KeyIdentity, "is required, or MessagingBinding.Address")
	}
	return nil
}
