package engine

import (
	"errors"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// serviceSIDPattern is the spec's pattern for a Service SID, the oracle
// CheckSID (which does not use regexp) is held against.
var serviceSIDPattern = regexp.MustCompile(`^` + spec.ServiceSIDPrefix + `[0-9a-fA-F]{32}$`)

func FuzzCheckSID(f *testing.F) {
	for _, s := range []string{
		serviceSID, "IS0123456789ABCDEFabcdef0123456789", "", "IS", serviceSID[:33], serviceSID + "0",
		"IS" + "/" + serviceSID[3:], "IS%2F" + serviceSID[5:], "\u0406S" + serviceSID[2:], "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xff",
	} {
		f.Add(s)
	}
	fetchService := spec.Lookup("FetchService")
	f.Fuzz(func(t *testing.T, sid string) {
		err := CheckSID("Sid", spec.ServiceSIDPrefix, sid)
		if serviceSIDPattern.MatchString(sid) {
			if err != nil {
				t.Fatalf("CheckSID(%q) = %v, want nil", sid, err)
			}
			if got, err := BuildPath(fetchService, []string{sid}); err != nil || got != "/v2/Services/"+sid {
				t.Fatalf("BuildPath(FetchService, %q) = %q, %v, want no escaping", sid, got, err)
			}
			return
		}
		var valErr *ValidationError
		if !errors.As(err, &valErr) || valErr.Field != "Sid" {
			t.Fatalf("CheckSID(%q) = %v, want a *ValidationError for Sid", sid, err)
		}
		if msg := err.Error(); !utf8.ValidString(msg) || len(msg) > 512 {
			t.Fatalf("CheckSID(%q) message %q: want short valid UTF-8", sid, msg)
		}
	})
}

// nameOps returns the operations of both specs that take a path value that
// may be a name.
func nameOps() []*spec.Operation {
	var ops []*spec.Operation
	for _, op := range allOperations() {
		if slices.ContainsFunc(op.Params, func(p spec.PathParam) bool { return p.Names }) {
			ops = append(ops, op)
		}
	}
	return ops
}

// FuzzBuildPathName builds the path of every operation that takes names with
// an arbitrary name at a name place: it is refused with a *ValidationError
// naming that path parameter ("", "." and ".." only), or it is one segment
// of the path, in the template's place, that decodes back to the name, and
// the path reads back unchanged as a URL path.
func FuzzBuildPathName(f *testing.F) {
	for _, s := range []string{"general", "", ".", "..", "...", "a/b", "..%2f", "%2e%2e", "?x=1#y", "\\..\\", "\x00", "\xff\xfe",
		"\uff0e\uff0e", "café ☕", "a;b", " ", "\r\n"} {
		f.Add(uint8(0), s)
	}
	ops := nameOps()
	if len(ops) == 0 {
		f.Fatal("no operation takes names")
	}
	f.Fuzz(func(t *testing.T, which uint8, name string) {
		op := ops[int(which)%len(ops)]
		for i, p := range op.Params {
			if !p.Names {
				continue
			}
			values := make([]string, len(op.Params))
			for j, q := range op.Params {
				values[j] = sidOf(q.Prefix)
			}
			values[i] = name
			path, err := BuildPath(op, values)
			if name == "" || name == "." || name == ".." {
				var valErr *ValidationError
				if !errors.As(err, &valErr) || valErr.Field != p.Name {
					t.Fatalf("%s %q: %v, want a *ValidationError for %s", op.ID, name, err, p.Name)
				}
				if msg := err.Error(); !utf8.ValidString(msg) {
					t.Fatalf("%s %q: message %q is not valid UTF-8", op.ID, name, msg)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s %q: %v", op.ID, name, err)
			}
			segs := strings.Split(path, "/")
			if want := strings.Count(op.Path, "/") + 1; len(segs) != want {
				t.Fatalf("%s %q: %q has %d segments, want %d", op.ID, name, path, len(segs), want)
			}
			got, err := url.PathUnescape(segs[strings.Count(strings.Join(op.Parts[:i+1], "x"), "/")])
			if err != nil || got != name {
				t.Fatalf("%s %q: the segment decodes to %q, %v", op.ID, name, got, err)
			}
			u, err := url.Parse("https://chat.twilio.com" + path)
			if err != nil || u.EscapedPath() != path || u.RawQuery != "" || u.Fragment != "" {
				t.Fatalf("%s %q: %q does not read back as the same path: %v", op.ID, name, path, err)
			}
		}
	})
}
