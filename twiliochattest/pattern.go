package twiliochattest

import (
	"fmt"
	"net/url"
	"strings"
)

// pattern is a parsed route pattern of FailOn and RequestsTo: an optional
// method and a path whose segments are literal or wildcards.
//
// A pattern matches the escaped path of a request, segment by segment, as
// the fake's routes do: a unique name or identity such as "support/emea" is
// one segment on the wire ("support%2Femea") and one {Name} wildcard
// matches it. Matched against the decoded path it would be two segments,
// and FailOn would miss the request it was armed for.
type pattern struct {
	// method is the HTTP method to match, or "" for any.
	method string
	// segments are the path's segments after its leading "/", unescaped: a
	// literal, or "" for a {Name} wildcard matching any one segment.
	segments []string
	// rest is set when the last segment is {Name...}, which matches the
	// rest of the path, nothing included.
	rest bool
}

// parsePattern parses "[METHOD ]PATH", such as "POST /v2/Services/{Sid}".
// It panics on a malformed pattern, a mistake in the test itself.
func parsePattern(s string) pattern {
	var p pattern
	path := s
	if method, rest, ok := strings.Cut(s, " "); ok {
		p.method, path = method, rest
		if method == "" || strings.ToUpper(method) != method || strings.ContainsAny(method, "/{}") {
			panic(fmt.Sprintf("twiliochattest: pattern %q: the method must be in capitals, such as POST", s))
		}
	}
	if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \t\r\n") {
		panic(fmt.Sprintf("twiliochattest: pattern %q: the path must start with / and hold no white space", s))
	}
	p.segments = strings.Split(path[1:], "/")
	for i, seg := range p.segments {
		if !strings.ContainsAny(seg, "{}") {
			p.segments[i] = unescapeSegment(seg)
			continue
		}
		name, ok := strings.CutPrefix(seg, "{")
		name, ok2 := strings.CutSuffix(name, "}")
		if !ok || !ok2 || name == "" || strings.ContainsAny(name, "{}") {
			panic(fmt.Sprintf("twiliochattest: pattern %q: segment %q is neither literal nor a {Name} wildcard", s, seg))
		}
		if strings.HasSuffix(name, "...") {
			if i != len(p.segments)-1 {
				panic(fmt.Sprintf("twiliochattest: pattern %q: %s must be the last segment", s, seg))
			}
			p.rest = true
			p.segments = p.segments[:i]
			break
		}
		p.segments[i] = ""
	}
	return p
}

// match reports whether a request of method for path, escaped as it was
// sent (http.Request.URL.EscapedPath), matches p. A wildcard matches any
// one segment that is not empty; a literal matches a segment that unescapes
// to it.
func (p pattern) match(method, path string) bool {
	if p.method != "" && p.method != method {
		return false
	}
	rest, ok := strings.CutPrefix(path, "/")
	if !ok {
		return false
	}
	segs := strings.Split(rest, "/")
	if len(segs) < len(p.segments) || !p.rest && len(segs) != len(p.segments) {
		return false
	}
	for i, want := range p.segments {
		if want == "" && segs[i] == "" || want != "" && unescapeSegment(segs[i]) != want {
			return false
		}
	}
	return true
}

// unescapeSegment returns the path segment seg unescaped, or seg itself
// when it is not a valid escape (a literal "100%" in a pattern).
func unescapeSegment(seg string) string {
	if v, err := url.PathUnescape(seg); err == nil {
		return v
	}
	return seg
}
