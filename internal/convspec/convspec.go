// Package convspec holds the facts of the Twilio Conversations v1 OpenAPI
// description (internal/spec/testdata/twilio_conversations_v1.json,
// twilio-oai 2.6.7) as package spec holds Chat's, in spec's types: SID
// prefixes, which path values accept a name, every operation's method, path
// template, list key, page-size maximum and keys, and the enums.
//
// Its operationIds repeat some of Chat's (CreateRole, FetchUser), so the
// table is a package of its own. internal/gen writes operations_gen.go
// from internal/spec's go generate directive.
package convspec

import "github.com/e3f0929f/twiliochat/internal/spec"

// byID indexes Operations by ID.
var byID = spec.Index(Operations, keys, Collections)

// Lookup returns the operation whose operationId is id. It panics for an id
// the spec does not have, so that a misspelt one fails every test.
func Lookup(id string) *spec.Operation {
	return spec.LookupIn(byID, id)
}

// bound returns a pointer to n, for the generated table.
func bound(n int) *int { return &n }
