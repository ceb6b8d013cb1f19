// Package spec holds the facts of the Twilio Chat v2 and v3 OpenAPI
// descriptions (testdata/twilio_chat_v2.json and twilio_chat_v3.json,
// twilio-oai 2.6.7) that the client, the fake in package twiliochattest and
// the tests share: SID prefixes, which path values accept a unique name or
// identity, every operation's method, path template, list key, page-size
// maximum and keys, and the enums.
//
// operations_gen.go holds those facts, written by internal/gen from the
// vendored JSON (go generate ./...); what the spec cannot say is in
// internal/gen/overlay.go. This file holds the types, what is worked out of
// the table, and the limits the spec gives only in its descriptions.
package spec

//go:generate go run ../gen

import (
	"net/http"
	"strings"
)

// SIDLen is the length of every SID: a two-letter prefix and 32 hex digits.
const SIDLen = 34

// IsSID reports whether sid is prefix followed by exactly 32 hex digits.
func IsSID(prefix, sid string) bool {
	if len(sid) != SIDLen || sid[:2] != prefix {
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

// Collection is what the path segment before a path value says about that
// value: the SID prefix of the resources in the collection, and whether the
// value may instead be the resource's unique name (Channels) or identity
// (Users, Members). The spec gives such a path parameter no pattern.
type Collection struct {
	Prefix string
	Names  bool
}

// PathParam is one path value of an operation.
type PathParam struct {
	// Name is the spec's name of the value: "ServiceSid", "ChannelSid",
	// "UserSid" or "Sid".
	Name string
	// Prefix is the SID prefix the value has when it is a SID.
	Prefix string
	// Names is set when the value may also be a unique name or identity,
	// which can hold any character.
	Names bool
}

// Operation is one operation of the spec, as data.
type Operation struct {
	// ID is the spec's operationId, such as "FetchRole", or the overlay's
	// name for one whose operationId an earlier spec has (Chat v3's
	// UpdateChannel is "MigrateChannel").
	ID string
	// Method is the HTTP method.
	Method string
	// Path is the spec's path template, such as
	// "/v2/Services/{ServiceSid}/Roles/{Sid}".
	Path string
	// ListKey is the JSON key of a list page's items ("roles"), "" when the
	// operation is not a list.
	ListKey string
	// MaxPageSize is the spec's maximum PageSize of a list.
	MaxPageSize int
	// WebhookHeader is set when the operation takes the
	// X-Twilio-Webhook-Enabled header.
	WebhookHeader bool

	// Worked out from the fields above by init:

	// Params are the path values, in the order they appear in Path.
	Params []PathParam
	// Parts are the literal pieces of Path around its values: Path is
	// Parts[0] {Params[0]} Parts[1] … {Params[n-1]} Parts[n].
	Parts []string
	// Creates is set for a POST to a collection, which makes a new resource
	// each time it arrives: it is not safe to send again.
	Creates bool
	// HasParams is set when the spec gives the operation a parameter that
	// is not in its path (a form key, a query key or a header).
	HasParams bool
	// Keys are the operation's params other than its path values: its form
	// keys by name, then its headers, then its query keys in the spec's
	// order.
	Keys []Key
}

// Key is one param of an operation that is not a path value.
type Key struct {
	// Name is the form key, query key or header name, such as "MediaSid".
	Name string
	In   In
	Type Type
	// Required is set when the spec requires the key.
	Required bool
	// Nullable is set when the spec lets the key be sent empty, as null.
	Nullable bool
	// Enum holds the values the key (or each item of an array) may take,
	// nil when any value may be sent.
	Enum []string
	// Prefix is the SID prefix of a key whose pattern is a SID's.
	Prefix string
	// Pattern is any other pattern the spec gives the key.
	Pattern string
	// Min and Max are the bounds of an integer, nil when the spec gives
	// none.
	Min, Max *int
}

// In is where a Key goes.
type In string

// Where a Key goes.
const (
	InForm   In = "form"
	InQuery  In = "query"
	InHeader In = "header"
)

// Type is the spec's type of a Key's value.
type Type string

// The types of the spec's keys. An array is of strings, sent as the key
// repeated.
const (
	TypeString   Type = "string"
	TypeInteger  Type = "integer"
	TypeBoolean  Type = "boolean"
	TypeDateTime Type = "date-time"
	TypeArray    Type = "array"
)

// bound returns a pointer to n, for the generated table.
func bound(n int) *int { return &n }

// Accepts reports whether op declares the key name where in says.
func (op *Operation) Accepts(in In, name string) bool {
	for _, k := range op.Keys {
		if k.In == in && k.Name == name {
			return true
		}
	}
	return false
}

// Page sizes of the lists.
const (
	// DefaultPageSize is the page size of a list request without PageSize.
	DefaultPageSize = 50
)

// Limits given by the spec's descriptions only.
const (
	// MaxServiceLimit bounds Limits.ChannelMembers and Limits.UserChannels.
	MaxServiceLimit = 1000
	// MaxRoleNameRunes is the longest Role FriendlyName, in characters.
	MaxRoleNameRunes = 64
	// MaxCredentialNameRunes is the longest Credential FriendlyName, in
	// characters.
	MaxCredentialNameRunes = 64
	// MaxChannelWebhookRetryCount bounds a channel webhook's
	// Configuration.RetryCount (from 0).
	MaxChannelWebhookRetryCount = 3
	// MaxChannelWebhookTriggers is the most Configuration.Triggers a
	// channel webhook takes.
	MaxChannelWebhookTriggers = 5
	// MaxChannelWebhooks is the most webhooks a channel has: "up to five"
	// (https://www.twilio.com/docs/chat/rest/channel-webhook-resource).
	MaxChannelWebhooks = 5
)

// byID indexes Operations by ID.
var byID = Index(Operations, keys, Collections)

// Index completes the operations of a generated table, giving each its
// keys (by operationId) and what Path says with collections, and returns
// them by ID. It panics for an operationId listed twice.
func Index(ops []*Operation, keys map[string][]Key, collections map[string]Collection) map[string]*Operation {
	byID := make(map[string]*Operation, len(ops))
	for _, op := range ops {
		op.Keys = keys[op.ID]
		op.derive(collections)
		if byID[op.ID] != nil {
			panic("spec: operation " + op.ID + " listed twice")
		}
		byID[op.ID] = op
	}
	return byID
}

// Lookup returns the operation whose operationId is id. It panics for an id
// the spec does not have, so that a misspelt one fails every test.
func Lookup(id string) *Operation {
	return LookupIn(byID, id)
}

// LookupIn returns the operation of index whose operationId is id, and
// panics as Lookup does.
func LookupIn(index map[string]*Operation, id string) *Operation {
	op := index[id]
	if op == nil {
		panic("spec: no operation " + id)
	}
	return op
}

// derive works out Params, Parts, Creates and HasParams from the other
// fields and collections.
func (op *Operation) derive(collections map[string]Collection) {
	rest := op.Path
	collection := ""
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			op.Parts = append(op.Parts, rest)
			break
		}
		end := strings.IndexByte(rest, '}')
		lit := rest[:open]
		if segs := strings.Split(strings.Trim(lit, "/"), "/"); segs[len(segs)-1] != "" {
			collection = segs[len(segs)-1]
		}
		c, ok := collections[collection]
		if !ok {
			panic("spec: " + op.ID + ": no collection before a path value")
		}
		op.Parts = append(op.Parts, lit)
		op.Params = append(op.Params, PathParam{Name: rest[open+1 : end], Prefix: c.Prefix, Names: c.Names})
		rest = rest[end+1:]
	}
	// A POST to a collection creates; a POST to a singleton
	// (/v1/Configuration) updates it, as its operationId says.
	op.Creates = op.Method == http.MethodPost && !strings.HasSuffix(op.Path, "}") && strings.HasPrefix(op.ID, "Create")
	op.HasParams = len(op.Keys) > 0
}
