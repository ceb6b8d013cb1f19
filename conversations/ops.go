package conversations

import (
	"context"
	"iter"
	"net/http"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// The typed operations, as the root package's: each holds its description
// on the default Service or the account (def) and on a named Service
// (svc), either nil where the operation has no such form; its type says
// what its method sends and what it answers with. The steps are
// internal/engine's, shared with package twiliochat.

// params is a params type as the generated code writes it.
type params interface {
	validate() error
	appendForm(dst []byte) []byte
	setHeader(http.Header)
	secrets() []string
}

// listParams is a list's params type: it gives its PageSize and Limit.
type listParams interface {
	params
	paging() (pageSize *int, limit int)
}

// noParams is the params type of an operation that takes none.
type noParams struct{}

func (*noParams) validate() error              { return nil }
func (*noParams) appendForm(dst []byte) []byte { return dst }
func (*noParams) setHeader(http.Header)        {}
func (*noParams) secrets() []string            { return nil }

// fetchOp GETs one R: a Fetch.
type fetchOp[R any] struct{ def, svc *spec.Operation }

// call fetches the R the values address.
func (o fetchOp[R]) call(ctx context.Context, s scope, values ...string) (*R, error) {
	op, values := s.pick(o.def, o.svc, values)
	return engine.Fetch[R, identityOf[R]](ctx, s.caller, op, values...)
}

// sendOp POSTs P and answers with an R: a Create or an Update.
type sendOp[P params, R any] struct{ def, svc *spec.Operation }

// call sends params and returns the R Twilio answers with.
func (o sendOp[P, R]) call(ctx context.Context, s scope, params P, values ...string) (*R, error) {
	op, values := s.pick(o.def, o.svc, values)
	return engine.Send[wire[P], R, identityOf[R]](ctx, s.caller, op, wire[P]{params}, values...)
}

// deleteOp is a DELETE that takes P, whose answer body is discarded.
type deleteOp[P params] struct{ def, svc *spec.Operation }

// call deletes the resource the values address.
func (o deleteOp[P]) call(ctx context.Context, s scope, params P, values ...string) error {
	op, values := s.pick(o.def, o.svc, values)
	return engine.Delete(ctx, s.caller, op, wire[P]{params}, values...)
}

// listOp is a list of R, filtered by P.
type listOp[P listParams, R any] struct{ def, svc *spec.Operation }

// page checks params and returns the first page of the list: ListPage.
func (o listOp[P, R]) page(ctx context.Context, s scope, params P, values ...string) (*twiliochat.Page[R], error) {
	op, values := s.pick(o.def, o.svc, values)
	page := new(twiliochat.Page[R])
	if err := engine.ListPage[listWire[P], R, identityOf[R]](ctx, s.caller, op, listWire[P]{wire[P]{params}}, &page.Items, &page.Meta, values...); err != nil {
		return nil, err
	}
	return page, nil
}

// next fetches the page after page, following its NextPageURL: NextPage.
// It returns nil and no error for a nil page or the last page.
func (o listOp[P, R]) next(ctx context.Context, s scope, page *twiliochat.Page[R]) (*twiliochat.Page[R], error) {
	if page == nil {
		return nil, nil
	}
	op, _ := s.pick(o.def, o.svc, nil)
	next := new(twiliochat.Page[R])
	if ok, err := engine.NextPage[R, identityOf[R]](ctx, s.caller, op, &page.Meta, &next.Items, &next.Meta); !ok || err != nil {
		return nil, err
	}
	return next, nil
}

// items checks params and returns the iterator over the items of the list,
// page by page: List. Bad input makes an iterator that yields the error
// alone.
func (o listOp[P, R]) items(ctx context.Context, s scope, params P, values ...string) iter.Seq2[*R, error] {
	op, values := s.pick(o.def, o.svc, values)
	return engine.Items[listWire[P], R, identityOf[R]](ctx, s.caller, op, listWire[P]{wire[P]{params}}, values...)
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

// identified is a resource type that names the SID that identifies it,
// which Fetch checks and the pager tells items apart by. Every result type
// of the package is one (the generator writes its identity method).
type identified interface {
	identity() engine.Identity
}

// identityOf is the engine's Checker of this package's types.
type identityOf[R any] struct{}

// Identity returns r's identity, and false for a type without one.
func (identityOf[R]) Identity(r *R) (engine.Identity, bool) {
	if id, ok := any(r).(identified); ok {
		return id.identity(), true
	}
	return engine.Identity{}, false
}
