package twiliochat

// How to add an operation
//
// An operation is data: its description comes from internal/spec (method,
// path template, the kind of each path value, whether it creates, list key
// and page maximum, webhook header, keys), which internal/gen generates
// from the vendored specs (go generate ./...; a new spec file is listed in
// internal/gen's specFiles, and a name the spec cannot give goes in its
// overlay.go), and every operation walks the same steps below. To add one,
// in the resource's own file (channels.go, …):
//
//  1. Its description, right above its method (a block of them would read
//     as the same lines in every resource):
//
//	// opUpdateChannel describes the UpdateChannel operation (see internal/spec).
//	var opUpdateChannel = lookupOp("UpdateChannel") // the spec's operationId
//
//  2. Its params type, when the spec gives it a non-path parameter
//     (spec.Operation.HasParams), with a `url` tag per form or query key
//     and a `header` tag per header; the webhook header is
//     `WebhookEnabled *bool `header:"X-Twilio-Webhook-Enabled"``. A list's
//     params declare `PageSize *int `url:"PageSize,omitempty"`` and
//     `Limit int `url:"-"`` themselves, then its filters (`Identity
//     []string `url:"Identity,omitempty"``). Then its result type, with a
//     checkDecoded method calling checkDecodedSID.
//  3. Its own checks, as a validate method on the params that joins the
//     shared checks of checks.go (checkJSON, checkRoleSID, checkEnum, …),
//     each given the form key. A nil params is valid unless a key is
//     required.
//  4. A one-line method that passes the path values in the order the path
//     template names them; the path builder checks them (SID prefix, or
//     SID-or-name without "", "." and ".."), escapes them, and the
//     description decides retries:
//
//	func (s *ChannelsService) Update(ctx context.Context, serviceSID, channel string, params *UpdateChannelParams) (*Channel, error) {
//		return send[Channel](ctx, s.client, opUpdateChannel, params, params.validate(), serviceSID, channel)
//	}
//
//     Fetch is getOne[T](ctx, c, op, values...); Create and Update
//     send[T](ctx, c, op, params, own, values...); Delete remove(ctx, c,
//     op, params, own, values...); a list listPage[T], nextPage[T] and
//     listItems[T] with the same arguments, and a `type ChannelPage =
//     Page[Channel]` alias.
//  5. A row in the test registry (registry in operations_test.go) keyed by
//     the operationId, saying how to call it and which testdata file it
//     decodes: the shared tests (bad, dot-segment and special-character
//     path values, nil ctx, NotFound, retry counts, decode of "{}") then
//     run for it, and TestRegistryIsComplete fails until the row is there.
//     The resource's own test file (channels_test.go) tests only its own
//     wire format, golden files and checks. Tests name operations with
//     spec.Lookup, never lookupOp, which is for package-level vars only.
//  6. In twiliochattest, its handler, registered right above it with
//     `var _ = serve("UpdateChannel", (*Server).updateChannel)`, storing
//     the resource in a table (store.go) and answering through pageOf,
//     notFound, invalidf and answer (respond.go).
//  7. Its operationId deleted from notYetImplemented (spec_test.go):
//     TestSpec then holds it to the spec, key by key (go test -run
//     'TestSpec/UpdateChannel' .), and fails while it is still listed.

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// operation describes one operation of the spec (see internal/spec): its
// method, path template and path values, whether it creates, and a list's
// key and page maximum.
type operation = spec.Operation

// lookupOp returns the description of the operation whose operationId is
// id, for a package-level var. It panics, when the package is initialised,
// for an id the spec does not have.
func lookupOp(id string) *operation {
	op := spec.Lookup(id)
	implemented[id] = true
	return op
}

// implemented records the operations the package describes, for the test
// that checks each has its row in the test registry.
var implemented = map[string]bool{}

// buildPath checks values, one for each path value of op in the order of its
// path template, and returns op's path with each value escaped as exactly
// one path segment. A SID value must be its prefix followed by 32 hex
// digits; a value that may be a unique name or identity must not be "", "."
// or "..", which no segment can carry. Every bad value gives a
// *ValidationError naming the spec's path parameter, joined.
func buildPath(op *operation, values []string) (string, error) {
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
	if err := joinErrors(errs...); err != nil {
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
		return checkSID(p.Name, p.Prefix, v)
	}
	switch v {
	case "":
		return invalid(p.Name, "is empty, want a SID (%s followed by 32 hex digits) or a unique name", p.Prefix)
	case ".", "..":
		// url.PathEscape leaves dots alone, and a hop that removes dot
		// segments would send the request to the parent resource.
		return invalid(p.Name, "%q is a dot segment, which cannot name a resource", v)
	}
	return nil
}

// joinErrors returns nil when every err is nil, the one error that is not,
// or all of them joined with errors.Join.
func joinErrors(errs ...error) error {
	var first error
	n := 0
	for _, err := range errs {
		if err != nil {
			if n++; n == 1 {
				first = err
			}
		}
	}
	if n <= 1 {
		return first
	}
	return errors.Join(errs...)
}

// prepare checks the path values and own, the operation's own checks of
// its params, and returns the request for op: its path, params encoded as a
// form for a POST (a query for a list is added by the list steps), its
// header params, and whether it creates.
func prepare(op *operation, params any, own error, values []string) (*request, error) {
	path, err := buildPath(op, values)
	if err = joinErrors(err, own); err != nil {
		return nil, err
	}
	r := &request{method: op.Method, target: path, creates: op.Creates}
	if op.Method == http.MethodPost {
		if r.form, err = encodeBody(params); err != nil {
			return nil, err
		}
	}
	if r.header, err = encodeHeader(params); err != nil {
		return nil, err
	}
	return r, nil
}

// The steps each operation's one-line method calls. values are its path
// values in the order of the path template; own is the result of the
// operation's own checks (nil when its input is good); params is its params
// pointer, or nil for an operation without params. Bad values or params
// return before any request is built. Every error goes through c.scrub.

// getOne GETs the resource op addresses and returns it as a T: Fetch.
func getOne[T any](ctx context.Context, c *Client, op *operation, values ...string) (*T, error) {
	return send[T](ctx, c, op, nil, nil, values...)
}

// send sends op with params and returns the T Twilio answers with: Create
// and Update. A Create is retried only when it surely did not reach the
// server; see RetryPolicy.
func send[T any](ctx context.Context, c *Client, op *operation, params any, own error, values ...string) (*T, error) {
	r, err := prepare(op, params, own, values)
	if err != nil {
		return nil, c.scrub(err)
	}
	return doJSON[T](ctx, c, r)
}

// remove sends op, a DELETE, and discards any body.
func remove(ctx context.Context, c *Client, op *operation, params any, own error, values ...string) error {
	r, err := prepare(op, params, own, values)
	if err != nil {
		return c.scrub(err)
	}
	return c.do(ctx, r)
}

// listPage checks params, a list params pointer, and returns the first page
// of op's list: ListPage.
func listPage[T any](ctx context.Context, c *Client, op *operation, params any, own error, values ...string) (*Page[T], error) {
	r, _, err := prepareList(op, params, own, values)
	if err != nil {
		return nil, c.scrub(err)
	}
	return getPage[T](ctx, c, op, r)
}

// nextPage fetches the page after page, following its NextPageURL: NextPage.
// It returns nil and no error for a nil page or the last page, and an error
// wrapping ErrPageLoop for a page whose next page is itself.
func nextPage[T any](ctx context.Context, c *Client, op *operation, page *Page[T]) (*Page[T], error) {
	if page == nil {
		return nil, nil
	}
	target, err := page.Meta.next()
	if err != nil || target == "" {
		return nil, c.scrub(err)
	}
	return getPage[T](ctx, c, op, &request{method: http.MethodGet, target: target})
}

// listItems checks params and returns the iterator over the items of op's
// list, page by page (see paginate): List. Bad input makes an iterator that
// yields the error alone.
func listItems[T any](ctx context.Context, c *Client, op *operation, params any, own error, values ...string) iter.Seq2[*T, error] {
	r, limit, err := prepareList(op, params, own, values)
	if err != nil {
		return errorSeq[T](c.scrub(err))
	}
	items := paginate(ctx, r.target, limit, func(ctx context.Context, target string) ([]T, *PageMeta, error) {
		page, err := getPage[T](ctx, c, op, &request{method: http.MethodGet, target: target, header: r.header})
		if err != nil {
			return nil, nil, err
		}
		return page.Items, &page.Meta, nil
	})
	// The pager's own errors hold no server text; its fetch's are scrubbed
	// already. Scrubbing again keeps the rule simple: no error leaves
	// unscrubbed.
	return func(yield func(*T, error) bool) {
		for item, err := range items {
			if !yield(item, c.scrub(err)) {
				return
			}
		}
	}
}

// getPage sends r, a GET of one of op's pages, and returns the page.
func getPage[T any](ctx context.Context, c *Client, op *operation, r *request) (*Page[T], error) {
	page := new(Page[T])
	r.out = newPageBody(op.ListKey, page, pageSizeOf(r.target, op.MaxPageSize))
	if err := c.do(ctx, r); err != nil {
		return nil, err
	}
	return page, nil
}
