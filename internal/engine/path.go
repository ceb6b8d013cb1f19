package engine

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// BuildPath checks values, one for each path value of op in the order of its
// path template, and returns op's path with each value escaped as exactly
// one path segment. A SID value must be its prefix followed by 32 hex
// digits; a value that may be a unique name or identity must not be "", "."
// or "..", which no segment can carry. Every bad value gives a
// *ValidationError naming the spec's path parameter, joined.
func BuildPath(op *spec.Operation, values []string) (string, error) {
	if len(values) != len(op.Params) {
		panic(fmt.Sprintf("twiliochat: %s takes %d path values, got %d", op.ID, len(op.Params), len(values)))
	}
	var errs []error
	n := len(op.Parts[0])
	for i, v := range values {
		if err := checkPathValue(op.Params[i], v); err != nil {
			errs = append(errs, err)
		}
		n += len(v) + len(op.Parts[i+1])
	}
	if err := JoinErrors(errs...); err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(op.Parts[0])
	for i, v := range values {
		b.WriteString(url.PathEscape(v))
		b.WriteString(op.Parts[i+1])
	}
	return b.String(), nil
}

// checkPathValue checks one path value against what its path parameter
// accepts.
func checkPathValue(p spec.PathParam, v string) error {
	if !p.Names {
		return CheckSID(p.Name, p.Prefix, v)
	}
	switch v {
	case "":
		return Invalid(p.Name, "is empty, want a SID (%s followed by 32 hex digits) or a unique name", p.Prefix)
	case ".", "..":
		// url.PathEscape leaves dots alone, and a hop that removes dot
		// segments would send the request to the parent resource.
		return Invalid(p.Name, "%q is a dot segment, which cannot name a resource", v)
	}
	return nil
}
