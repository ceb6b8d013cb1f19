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
//  1. Nothing for its params type, when the spec gives it a non-path
//     parameter: internal/gen writes it into the resource's _gen.go file
//     (roles_gen.go) with its form encoding, header, a list's paging and
//     its validate, which makes the checks the spec states (required keys,
//     enums, SID forms). Its result type is generated too, from its answer
//     schema (the overlay's resultTypes names it); write its identity
//     method, naming the SID that identifies it, by hand.
//  2. The checks the spec cannot state, as a check method on the params,
//     next to its methods, joining the shared checks of checks.go
//     (checkJSON, checkDate, checkMaxRunes, …), each given the form key;
//     validate calls it (run go generate after adding one).
//  3. Its typed description, right above its method, tying the operationId
//     to the params and result types, so that the compiler proves the
//     method sends its own params:
//
//	var opUpdateChannel = sendOp[*UpdateChannelParams, Channel]{spec.Lookup("UpdateChannel")}
//
//     fetchOp[R] for a Fetch, sendOp[P, R] for a Create or Update,
//     deleteOp[P] for a Delete (P is *noParams when it takes none),
//     listOp[P, R] for a list, and a `type ChannelPage = Page[Channel]`
//     alias.
//  4. A one-line method that passes the path values in the order the path
//     template names them; the path builder checks them (SID prefix, or
//     SID-or-name without "", "." and ".."), escapes them, and the
//     description decides retries:
//
//	func (s *ChannelsService) Update(ctx context.Context, serviceSID, channel string, params *UpdateChannelParams) (*Channel, error) {
//		return opUpdateChannel.call(ctx, s.client, params, serviceSID, channel)
//	}
//
//     A list's methods call opListChannel.page, .next and .items.
//  5. A row in the test registry (registry in operations_test.go) keyed by
//     the operationId, saying how to call it and which testdata file it
//     decodes: the shared tests (bad, dot-segment and special-character
//     path values, nil ctx, NotFound, retry counts, decode of "{}") then
//     run for it, and TestRegistryIsComplete, which reads the generated
//     table, fails until the row is there. The resource's own test file
//     (channels_test.go) tests only its own wire format, golden files and
//     checks.
//  6. In twiliochattest, its handler, registered in the handlers table
//     (routes.go) as `"UpdateChannel": (*Server).updateChannel`, storing
//     the resource in a table (store.go) and answering through pageOf,
//     notFound, invalidf and answer (respond.go). TestSpec then holds it
//     to the spec, key by key (go test -run 'TestSpec/UpdateChannel' .).

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

// noParams is the params type of an operation that takes none.
type noParams struct{}

func (*noParams) validate() error              { return nil }
func (*noParams) appendForm(dst []byte) []byte { return dst }
func (*noParams) setHeader(http.Header)        {}
func (*noParams) secrets() []string            { return nil }

// The typed operations. Each holds its description; its type says what
// its method sends and what it answers with. values are the path values in
// the order of the path template. Bad values or params return before any
// request is built, and every error leaves through Client.scrub.

// fetchOp is an operation that GETs one resource, an R: a Fetch.
type fetchOp[R any] struct{ op *operation }

// call fetches the resource the values address.
func (e fetchOp[R]) call(ctx context.Context, c *Client, values ...string) (*R, error) {
	return sendOp[*noParams, R](e).call(ctx, c, nil, values...)
}

// sendOp is an operation that POSTs P and answers with an R: a Create or
// an Update. A Create is retried only when it surely did not reach the
// server; see RetryPolicy.
type sendOp[P params, R any] struct{ op *operation }

// call sends params and returns the R Twilio answers with.
func (e sendOp[P, R]) call(ctx context.Context, c *Client, params P, values ...string) (*R, error) {
	r, err := prepare(e.op, params, values)
	if err != nil {
		return nil, scrubbed(c, params, err)
	}
	out := new(R)
	r.out = out
	if err := c.do(ctx, &r); err != nil {
		return nil, scrubbed(c, params, err)
	}
	return out, nil
}

// scrubbed returns err with the Client's credentials and p's secrets
// blanked out: the one place an operation's error leaves through.
func scrubbed[P params](c *Client, p P, err error) error {
	return scrubSecrets(c.scrub(err), p.secrets())
}

// deleteOp is a DELETE that takes P, whose answer body is discarded.
type deleteOp[P params] struct{ op *operation }

// call deletes the resource the values address.
func (e deleteOp[P]) call(ctx context.Context, c *Client, params P, values ...string) error {
	r, err := prepare(e.op, params, values)
	if err != nil {
		return scrubbed(c, params, err)
	}
	return scrubbed(c, params, c.do(ctx, &r))
}

// listParams is a list's params type: it gives its PageSize and Limit.
type listParams interface {
	params
	paging() (pageSize *int, limit int)
}

// listOp is a list of R, filtered by P.
type listOp[P listParams, R any] struct{ op *operation }

// page checks params and returns the first page of the list: ListPage.
func (e listOp[P, R]) page(ctx context.Context, c *Client, params P, values ...string) (*Page[R], error) {
	r, _, err := prepareList(e.op, params, values)
	if err != nil {
		return nil, c.scrub(err)
	}
	return getPage[R](ctx, c, e.op, r)
}

// next fetches the page after page, following its NextPageURL: NextPage.
// It returns nil and no error for a nil page or the last page, and an error
// wrapping ErrPageLoop for a page whose next page is itself.
func (e listOp[P, R]) next(ctx context.Context, c *Client, page *Page[R]) (*Page[R], error) {
	if page == nil {
		return nil, nil
	}
	target, err := page.Meta.next()
	if err != nil || target == "" {
		return nil, c.scrub(err)
	}
	return getPage[R](ctx, c, e.op, &request{method: http.MethodGet, target: target})
}

// items checks params and returns the iterator over the items of the list,
// page by page (see paginate): List. Bad input makes an iterator that
// yields the error alone.
func (e listOp[P, R]) items(ctx context.Context, c *Client, params P, values ...string) iter.Seq2[*R, error] {
	r, limit, err := prepareList(e.op, params, values)
	if err != nil {
		return errorSeq[R](c.scrub(err))
	}
	items := paginate(ctx, r.target, limit, func(ctx context.Context, target string) ([]R, *PageMeta, error) {
		page, err := getPage[R](ctx, c, e.op, &request{method: http.MethodGet, target: target, header: r.header})
		if err != nil {
			return nil, nil, err
		}
		return page.Items, &page.Meta, nil
	})
	// The pager's own errors hold no server text; its fetch's are scrubbed
	// already. Scrubbing again keeps the rule simple: no error leaves
	// unscrubbed.
	return func(yield func(*R, error) bool) {
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

// checkParams checks the path values, p and more, and returns op's path.
func checkParams[P params](op *operation, p P, values []string, more ...error) (string, error) {
	path, err := buildPath(op, values)
	own := p.validate()
	if err == nil && own == nil && len(more) == 0 {
		return path, nil
	}
	return path, joinErrors(append([]error{err, own}, more...)...)
}

// prepare checks the path values and params and returns the request for
// op: its path, params encoded as a form for a POST, its header params, and
// whether it creates. The request is returned by value, so that it stays on
// the caller's stack.
func prepare[P params](op *operation, p P, values []string) (request, error) {
	path, err := checkParams(op, p, values)
	if err != nil {
		return request{}, err
	}
	r := request{method: op.Method, target: path, creates: op.Creates, header: p}
	if op.Method == http.MethodPost {
		r.form = encodeBody(p)
	}
	return r, nil
}
