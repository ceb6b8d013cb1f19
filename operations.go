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
//     enums, SID forms) with internal/engine's shared checks. Its result type is generated too, from its answer
//     schema (the overlay's resultTypes names it); write its identity
//     method, naming the SID that identifies it, by hand.
//  2. The checks the spec cannot state, as a check method on the params,
//     next to its methods, joining the shared checks of internal/engine
//     (CheckJSON, CheckDate, CheckMaxRunes, …), each given the form key;
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
//     template names them; the path builder (internal/engine) checks them
//     (SID prefix, or SID-or-name without "", "." and ".."), escapes them,
//     and the description decides retries:
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
	"iter"
	"net/http"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// operation describes one operation of the spec (see internal/spec): its
// method, path template and path values, whether it creates, and a list's
// key and page maximum.
type operation = spec.Operation

// noParams is the params type of an operation that takes none.
type noParams struct{}

func (*noParams) validate() error              { return nil }
func (*noParams) appendForm(dst []byte) []byte { return dst }
func (*noParams) setHeader(http.Header)        {}
func (*noParams) secrets() []string            { return nil }

// The typed operations. Each holds its description; its type says what
// its method sends and what it answers with. values are the path values in
// the order of the path template. The steps every operation walks are
// internal/engine's, shared with package conversations: bad values or
// params return before any request is built, and every error leaves
// through the Client's scrubbing.

// fetchOp is an operation that GETs one resource, an R: a Fetch.
type fetchOp[R any] struct{ op *operation }

// call fetches the resource the values address.
func (e fetchOp[R]) call(ctx context.Context, c *Client, values ...string) (*R, error) {
	return engine.Fetch[R, identityOf[R]](ctx, chatCaller{c}, e.op, values...)
}

// sendOp is an operation that POSTs P and answers with an R: a Create or
// an Update. A Create is retried only when it surely did not reach the
// server; see RetryPolicy.
type sendOp[P params, R any] struct{ op *operation }

// call sends params and returns the R Twilio answers with.
func (e sendOp[P, R]) call(ctx context.Context, c *Client, params P, values ...string) (*R, error) {
	return engine.Send[wire[P], R, identityOf[R]](ctx, chatCaller{c}, e.op, wire[P]{params}, values...)
}

// deleteOp is a DELETE that takes P, whose answer body is discarded.
type deleteOp[P params] struct{ op *operation }

// call deletes the resource the values address.
func (e deleteOp[P]) call(ctx context.Context, c *Client, params P, values ...string) error {
	return engine.Delete(ctx, chatCaller{c}, e.op, wire[P]{params}, values...)
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
	page := new(Page[R])
	if err := engine.ListPage[listWire[P], R, identityOf[R]](ctx, chatCaller{c}, e.op, listWire[P]{wire[P]{params}}, &page.Items, &page.Meta, values...); err != nil {
		return nil, err
	}
	return page, nil
}

// next fetches the page after page, following its NextPageURL: NextPage.
// It returns nil and no error for a nil page or the last page, and an error
// wrapping ErrPageLoop for a page whose next page is itself.
func (e listOp[P, R]) next(ctx context.Context, c *Client, page *Page[R]) (*Page[R], error) {
	if page == nil {
		return nil, nil
	}
	next := new(Page[R])
	if ok, err := engine.NextPage[R, identityOf[R]](ctx, chatCaller{c}, e.op, &page.Meta, &next.Items, &next.Meta); !ok || err != nil {
		return nil, err
	}
	return next, nil
}

// items checks params and returns the iterator over the items of the list,
// page by page: List. Bad input makes an iterator that yields the error
// alone.
func (e listOp[P, R]) items(ctx context.Context, c *Client, params P, values ...string) iter.Seq2[*R, error] {
	return engine.Items[listWire[P], R, identityOf[R]](ctx, chatCaller{c}, e.op, listWire[P]{wire[P]{params}}, values...)
}

// wire hands a params value to the engine, whose interface has exported
// methods that the params types should not show their users. It holds one
// pointer, so that it is stored in an interface without an allocation.
type wire[P params] struct{ p P }

func (w wire[P]) Validate() error              { return w.p.validate() }
func (w wire[P]) AppendForm(dst []byte) []byte { return w.p.appendForm(dst) }
func (w wire[P]) SetHeader(h http.Header)      { w.p.setHeader(h) }
func (w wire[P]) Secrets() []string            { return w.p.secrets() }

// listWire is wire for a list's params.
type listWire[P listParams] struct{ wire[P] }

func (w listWire[P]) Paging() (*int, int) { return w.p.paging() }

// chatCaller is the Client as the engine's Caller of Chat requests. It
// holds one pointer, as wire does.
type chatCaller struct{ c *Client }

// Do sends r.
func (cc chatCaller) Do(ctx context.Context, r engine.Request) error { return cc.c.do(ctx, &r) }

// Scrub blanks the Client's credentials and secrets out of err.
func (cc chatCaller) Scrub(err error, secrets []string) error {
	return scrubSecrets(cc.c.scrub(err), secrets)
}
