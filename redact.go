package twiliochat

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"html"
	"net/textproto"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minSecret is the shortest run of a secret's spelling that redactor blanks
// out: a shorter one cannot be told from ordinary text. A secret shorter than
// this is blanked out only inside the encoded Authorization header.
const minSecret = 8

// redacted stands in for a credential a server echoed back.
const redacted = "[redacted]"

// redactor blanks a Client's credentials out of text that came from a server
// or from the standard library, and out of errors. It looks for each
// spelling of a secret a server or net/http may produce (raw, Go-quoted,
// JSON-, HTML- or percent-escaped, base64 at any alignment, the encoded
// Authorization header) without regard to ASCII case, and blanks out every
// run of 8 or more characters that begins a spelling: the whole secret, and
// what is left of it where a text was cut short (by a server, a read limit
// or a proxy).
type redactor struct {
	// spellings returns the lower-cased spellings. They live in a closure so
	// that no reflection-based dumper (go-spew in testify's diffs, say)
	// reaches them: it prints a func as an address.
	spellings func() []string
}

// newRedactor returns a redactor for the Authorization header built from
// username and password, and for each of secrets (the password among them).
func newRedactor(username, password string, secrets ...string) redactor {
	header := base64.StdEncoding.EncodeToString([]byte(username + ":" + password))
	// An echo without the padding, or with it escaped, is found too: it
	// begins the same.
	set := []string{header}
	for _, secret := range secrets {
		if len(secret) >= minSecret {
			set = append(set, spellingsOf(secret)...)
		}
	}
	for i, s := range set {
		set[i] = lowerASCII(s)
	}
	slices.Sort(set)
	set = slices.Compact(set)
	set = slices.DeleteFunc(set, func(s string) bool { return len(s) < minSecret })
	return redactor{spellings: func() []string { return set }}
}

// spellingsOf returns the ways secret may appear in an error: as it is, as
// the one-line excerpt of a body writes it, escaped as Go's %q (net/http
// quotes what it could not parse), JSON, HTML and URLs escape it, quoted
// again after escaping, and encoded in base64.
func spellingsOf(secret string) []string {
	escaped := []string{
		secret,
		oneLine(secret),
		goQuoted(secret),
		goQuoted(strconv.QuoteToASCII(secret)),
		jsonEscaped(secret),
		html.EscapeString(secret),
		url.QueryEscape(secret),
		url.PathEscape(secret),
	}
	out := slices.Clone(escaped)
	for _, s := range escaped {
		out = append(out, goQuoted(s))
	}
	return append(out, base64Cores(secret)...)
}

// goQuoted is s as strconv.Quote writes it, without the quotes.
func goQuoted(s string) string {
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// jsonEscaped is s as encoding/json writes it in a string, without the
// quotes.
func jsonEscaped(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b[1 : len(b)-1])
}

// base64Cores returns, for the standard and the URL alphabets, the part of
// secret's base64 encoding that is the same wherever the secret starts in
// the encoded bytes: one core for each of the three alignments, without the
// characters that also encode the bytes before or after it.
func base64Cores(secret string) []string {
	var out []string
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
		for lead := 0; lead < 3; lead++ {
			e := enc.EncodeToString(append(make([]byte, lead), secret...))
			// Character i holds bits [6i, 6i+6): keep those within the
			// secret's bits [8·lead, 8·(lead+len)).
			first := (8*lead + 5) / 6
			last := 8 * (lead + len(secret)) / 6
			out = append(out, e[first:last])
		}
	}
	return out
}

// lowerASCII lower-cases the ASCII letters of s, keeping every byte where it
// is, so that offsets into the result are offsets into s.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// spans returns the byte ranges of s to blank out, sorted and merged.
func (r redactor) spans(s string) [][2]int {
	if r.spellings == nil || len(s) < minSecret {
		return nil
	}
	lower := lowerASCII(s)
	var spans [][2]int
	for _, sp := range r.spellings() {
		head := sp[:minSecret]
		// The whole spelling, or what is left of it where s was cut.
		for from := 0; ; {
			i := strings.Index(lower[from:], head)
			if i < 0 {
				break
			}
			start := from + i
			n := minSecret
			for n < len(sp) && start+n < len(lower) && lower[start+n] == sp[n] {
				n++
			}
			spans = append(spans, [2]int{start, start + n})
			from = start + 1
		}
	}
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	merged := spans[:1]
	for _, sp := range spans[1:] {
		if last := &merged[len(merged)-1]; sp[0] <= last[1] {
			last[1] = max(last[1], sp[1])
		} else {
			merged = append(merged, sp)
		}
	}
	return merged
}

// redact returns s with every run of a secret's spelling replaced by
// "[redacted]".
func (r redactor) redact(s string) string {
	spans := r.spans(s)
	if spans == nil {
		return s
	}
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		b.WriteString(s[at:sp[0]])
		b.WriteString(redacted)
		at = sp[1]
	}
	b.WriteString(s[at:])
	return b.String()
}

// leaks reports whether s holds a run of a secret's spelling.
func (r redactor) leaks(s string) bool { return r.spans(s) != nil }

// excerpt returns text as one printable line, with the credentials blanked
// out and then cut to maxErrorExcerpt bytes: redacting before the cut
// leaves no prefix of a secret where the cut falls.
func (r redactor) excerpt(text string) string {
	s := r.redact(oneLine(text))
	if len(s) > maxErrorExcerpt {
		cut := maxErrorExcerpt
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// oneLine returns s on one line of printable text: each run of white space
// becomes one space, and invalid UTF-8, control and format characters
// (escape, NUL, bidirectional overrides…) are dropped.
func oneLine(s string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case c == utf8.RuneError && size == 1:
		case unicode.IsSpace(c):
			space = b.Len() > 0
		case unicode.IsPrint(c):
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(c)
		}
	}
	return b.String()
}

// scrub returns err with the credentials blanked out of its text and out of
// the text of every error errors.As can find in it, while errors.Is and
// errors.As still find what it wraps. An err that holds no credential comes
// back as it is.
func (r redactor) scrub(err error) error {
	if err == nil || !r.leaks(err.Error()) {
		return err
	}
	switch e := err.(type) {
	case *APIError:
		clean := *e
		clean.Message, clean.RawMessage = r.redact(e.Message), r.redact(e.RawMessage)
		clean.MoreInfo, clean.RequestID = r.redact(e.MoreInfo), r.redact(e.RequestID)
		clean.Details = r.details(e.Details)
		return &clean
	case *DecodeError:
		clean := *e
		clean.RequestID, clean.Err = r.redact(e.RequestID), r.scrub(e.Err)
		return &clean
	case *RetryError:
		clean := *e
		clean.Err = r.scrub(e.Err)
		return &clean
	case *ValidationError:
		return &ValidationError{Field: r.redact(e.Field), Reason: r.redact(e.Reason)}
	case *url.Error:
		return &url.Error{Op: e.Op, URL: r.redact(e.URL), Err: r.scrub(e.Err)}
	case textproto.ProtocolError:
		return textproto.ProtocolError(r.redact(string(e)))
	case interface{ Unwrap() []error }:
		// errors.Join's, when its text is its parts' text.
		parts := e.Unwrap()
		if joined := errors.Join(parts...); joined != nil && joined.Error() == err.Error() {
			clean := make([]error, len(parts))
			for i, p := range parts {
				clean[i] = r.scrub(p)
			}
			return errors.Join(clean...)
		}
	}
	return &redactedError{text: r.redact(err.Error()), cause: err, r: r}
}

// details returns a copy of an APIError's Details with the credentials
// blanked out of every key and every string in it.
func (r redactor) details(details map[string]any) map[string]any {
	if details == nil {
		return nil
	}
	return r.redactJSON(details).(map[string]any)
}

// redactJSON returns v, a decoded JSON value, with every string in it, keys
// included, redacted; maps and slices are copied, not changed in place.
func (r redactor) redactJSON(v any) any {
	switch v := v.(type) {
	case string:
		return r.redact(v)
	case []any:
		out := make([]any, len(v))
		for i := range v {
			out[i] = r.redactJSON(v[i])
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, val := range v {
			out[r.redact(k)] = r.redactJSON(val)
		}
		return out
	}
	return v
}

// redactedError stands for an error whose text held a credential: it
// reports the text with the credential blanked out. errors.Is looks into the
// original; errors.As does too, and hands out what it finds with the same
// redaction, or nothing when what it finds cannot be redacted. It has no
// Unwrap, so that walking the chain by hand cannot reach the original text.
type redactedError struct {
	text  string
	cause error
	r     redactor
}

func (e *redactedError) Error() string { return e.text }

// Is reports whether the original error is, or wraps, target.
func (e *redactedError) Is(target error) bool { return errors.Is(e.cause, target) }

// As finds the first error in the original's chain that matches target, and
// sets target to it once the credentials are blanked out of it.
func (e *redactedError) As(target any) bool {
	want := reflect.ValueOf(target).Elem()
	found := reflect.New(want.Type())
	if !errors.As(e.cause, found.Interface()) {
		return false
	}
	v := found.Elem()
	if err, ok := v.Interface().(error); ok {
		clean := reflect.ValueOf(e.r.scrub(err))
		if !clean.Type().AssignableTo(want.Type()) {
			return false
		}
		v = clean
	}
	want.Set(v)
	return true
}

// Timeout reports whether the original error is a timeout, as the
// *url.Error around it asks of it.
func (e *redactedError) Timeout() bool {
	t, ok := e.cause.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// Temporary reports what the original error does, as the *url.Error around
// it asks of it.
func (e *redactedError) Temporary() bool {
	t, ok := e.cause.(interface{ Temporary() bool })
	return ok && t.Temporary()
}
