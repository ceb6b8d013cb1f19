package engine

import (
	"context"
	"iter"
	"net/http"
	"sync"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// Params is what an operation sends, as the engine sees it. Each package
// declares its params types with unexported methods and hands them to the
// engine in a pointer-shaped wrapper with these methods, which adds no
// allocation.
type Params interface {
	// Validate makes the checks of the spec and the type's own.
	Validate() error
	// AppendForm appends the form (or query) keys that are set to dst,
	// sorted by key as url.Values.Encode sorts them, each value escaped
	// as url.QueryEscape escapes it.
	AppendForm(dst []byte) []byte
	HeaderSetter
	// Secrets returns the values of its secret keys that are set, which
	// the Caller blanks out of every error.
	Secrets() []string
}

// ListParams is a list's Params: it gives its PageSize and Limit.
type ListParams interface {
	Params
	Paging() (pageSize *int, limit int)
}

// HeaderSetter sets the header params of a request, such as
// X-Twilio-Webhook-Enabled.
type HeaderSetter interface {
	SetHeader(h http.Header)
}

// Request is one call of an API: what to send and where the answer goes.
type Request struct {
	Method string
	// Target is an escaped path under the API's base URL, with its query
	// if any ("/v2/Services?PageSize=50"), or an absolute URL such as a
	// list page's next_page_url, which the Caller checks and sends to the
	// base host.
	Target string
	// Form is the encoded form, sent as the request body when not nil.
	Form []byte
	// Header sets the request's header params when not nil.
	Header HeaderSetter
	// Creates is set for an operation that makes a new resource each time
	// it arrives (a Create): it is sent again only after a failure that
	// shows it was not served. Every other request is safe to repeat.
	Creates bool
	// Out receives the decoded JSON of a 2xx answer; nil discards the
	// body. An Out that is a Target decodes through its JSONTarget, and
	// one that is a Decoded is checked after decoding.
	Out any
}

// Target is an answer that decodes its JSON through another value, such
// as a list page (see pageBody).
type Target interface {
	JSONTarget() any
}

// Decoded is an answer that can tell whether the JSON it was decoded from
// describes something the caller can use, such as a resource with its SID
// or a list page holding its list; its error becomes a DecodeError.
type Decoded interface {
	CheckDecoded() error
}

// Caller sends requests for a client of one API: package twiliochat's
// Client, which owns the transport, credentials, retries, logging and
// errors, implements it for Chat and, through ClientCaller, for
// Conversations.
type Caller interface {
	// Do sends r, retrying as the client's policy says, and decodes the
	// answer into r.Out. Its errors are the root package's and hold no
	// credential. r is passed by value so that, through the interface,
	// the caller's copy stays on its stack.
	Do(ctx context.Context, r Request) error
	// Scrub blanks the client's credentials and secrets out of err.
	Scrub(err error, secrets []string) error
}

// ClientCaller returns the Caller of a *twiliochat.Client for the API
// whose host's first label is product ("conversations"): the Client's
// transport, credentials, retries and logger, on that API's host, or on
// the Client's base URL when WithBaseURL set one. Package twiliochat sets
// it when it is initialised; the engine cannot import it.
var ClientCaller func(client any, product string) (Caller, error)

// formBuffers holds scratch buffers for EncodeBody.
var formBuffers = sync.Pool{New: func() any { return new([]byte) }}

// EncodeBody returns the form of p, in a new slice of exactly its length,
// to be sent as a request body. A nil p gives an empty, non-nil body.
func EncodeBody[P Params](p P) []byte {
	buf := formBuffers.Get().(*[]byte)
	defer formBuffers.Put(buf)
	*buf = p.AppendForm((*buf)[:0])
	return append(make([]byte, 0, len(*buf)), *buf...)
}

// checkParams checks the path values, p and more, and returns op's path.
func checkParams[P Params](op *spec.Operation, p P, values []string, more ...error) (string, error) {
	path, err := BuildPath(op, values)
	own := p.Validate()
	if err == nil && own == nil && len(more) == 0 {
		return path, nil
	}
	return path, JoinErrors(append([]error{err, own}, more...)...)
}

// Prepare checks the path values and params and returns the request for
// op: its path, params encoded as a form for a POST, its header params, and
// whether it creates. The request is returned by value, so that it stays on
// the caller's stack.
func Prepare[P Params](op *spec.Operation, p P, values []string) (Request, error) {
	path, err := checkParams(op, p, values)
	if err != nil {
		return Request{}, err
	}
	r := Request{Method: op.Method, Target: path, Creates: op.Creates, Header: p}
	if op.Method == http.MethodPost {
		r.Form = EncodeBody(p)
	}
	return r, nil
}

// decoded is the decoding target of one resource: R itself, checked by
// its identity. It is pointer-shaped, so that holding it in Request.Out
// allocates nothing.
type decoded[R any, C Checker[R]] struct{ r *R }

// DecodeInto returns the decoding target of one R, as Send decodes it: r,
// checked by its identity.
func DecodeInto[R any, C Checker[R]](r *R) any { return decoded[R, C]{r} }

// JSONTarget returns R.
func (d decoded[R, C]) JSONTarget() any { return d.r }

// CheckDecoded checks R's identity, when it has one.
func (d decoded[R, C]) CheckDecoded() error {
	var c C
	if id, ok := c.Identity(d.r); ok {
		return id.Check()
	}
	return nil
}

// The typed operations. values are the path values in the order of the
// path template. Bad values or params return before any request is built,
// and every error leaves through Caller.Scrub.

// Fetch GETs the resource the values address.
func Fetch[R any, C Checker[R]](ctx context.Context, c Caller, op *spec.Operation, values ...string) (*R, error) {
	return Send[NoParams, R, C](ctx, c, op, NoParams{}, values...)
}

// Send POSTs p (a Create or an Update) and returns the R the API answers
// with. A Create is retried only when it surely did not reach the server.
func Send[P Params, R any, C Checker[R]](ctx context.Context, c Caller, op *spec.Operation, p P, values ...string) (*R, error) {
	r, err := Prepare(op, p, values)
	if err != nil {
		return nil, c.Scrub(err, p.Secrets())
	}
	out := new(R)
	r.Out = DecodeInto[R, C](out)
	if err := c.Do(ctx, r); err != nil {
		return nil, c.Scrub(err, p.Secrets())
	}
	return out, nil
}

// Delete DELETEs the resource the values address; the answer body is
// discarded.
func Delete[P Params](ctx context.Context, c Caller, op *spec.Operation, p P, values ...string) error {
	r, err := Prepare(op, p, values)
	if err != nil {
		return c.Scrub(err, p.Secrets())
	}
	return c.Scrub(c.Do(ctx, r), p.Secrets())
}

// NoParams is the params of an operation that takes none.
type NoParams struct{}

// Validate accepts.
func (NoParams) Validate() error { return nil }

// AppendForm appends nothing.
func (NoParams) AppendForm(dst []byte) []byte { return dst }

// SetHeader sets nothing.
func (NoParams) SetHeader(http.Header) {}

// Secrets returns none.
func (NoParams) Secrets() []string { return nil }

// ListPage checks p and reads the first page of op's list into items and
// meta.
func ListPage[P ListParams, T any, C Checker[T]](ctx context.Context, c Caller, op *spec.Operation, p P, items *[]T, meta *PageMeta, values ...string) error {
	r, _, err := PrepareList(op, p, values)
	if err != nil {
		return c.Scrub(err, nil)
	}
	return getPage[T, C](ctx, c, op, r, items, meta)
}

// NextPage reads the page after current, following its NextPageURL, into
// items and meta. It reports false and no error for the last page, and an
// error wrapping ErrPageLoop for a page whose next page is itself.
func NextPage[T any, C Checker[T]](ctx context.Context, c Caller, op *spec.Operation, current *PageMeta, items *[]T, meta *PageMeta) (bool, error) {
	target, err := current.next()
	if err != nil || target == "" {
		return false, c.Scrub(err, nil)
	}
	if err := getPage[T, C](ctx, c, op, &Request{Method: http.MethodGet, Target: target}, items, meta); err != nil {
		return false, err
	}
	return true, nil
}

// Items checks p and returns the iterator over the items of op's list,
// page by page (see Paginate). Bad input makes an iterator that yields the
// error alone.
func Items[P ListParams, T any, C Checker[T]](ctx context.Context, c Caller, op *spec.Operation, p P, values ...string) iter.Seq2[*T, error] {
	r, limit, err := PrepareList(op, p, values)
	if err != nil {
		return ErrorSeq[T](c.Scrub(err, nil))
	}
	items := Paginate[T, C](ctx, r.Target, limit, func(ctx context.Context, target string) ([]T, *PageMeta, error) {
		var items []T
		meta := new(PageMeta)
		if err := getPage[T, C](ctx, c, op, &Request{Method: http.MethodGet, Target: target, Header: r.Header}, &items, meta); err != nil {
			return nil, nil, err
		}
		return items, meta, nil
	})
	// The pager's own errors hold no server text; its fetch's are scrubbed
	// already. Scrubbing again keeps the rule simple: no error leaves
	// unscrubbed.
	return func(yield func(*T, error) bool) {
		for item, err := range items {
			if !yield(item, c.Scrub(err, nil)) {
				return
			}
		}
	}
}

// getPage sends r, a GET of one of op's pages, and decodes the page into
// items and meta.
func getPage[T any, C Checker[T]](ctx context.Context, c Caller, op *spec.Operation, r *Request, items *[]T, meta *PageMeta) error {
	r.Out = NewPageDecoder[T, C](op.ListKey, items, meta, PageSizeOf(r.Target, op.MaxPageSize))
	return c.Do(ctx, *r)
}

// PrepareList checks the path values and params and returns the request
// for the first page of op's list and the Limit. PageSize must be between 1
// and op's MaxPageSize and Limit not negative. When PageSize is nil and
// Limit is above 0, the page asks for Limit items, at most MaxPageSize, so
// that a small Limit is served by one small page.
func PrepareList[P ListParams](op *spec.Operation, params P, values []string) (*Request, int, error) {
	pageSize, limit := params.Paging()
	var errs []error
	if pageSize != nil && (*pageSize < 1 || *pageSize > op.MaxPageSize) {
		errs = append(errs, Invalid(keyPageSize, "%d is not between 1 and %d", *pageSize, op.MaxPageSize))
	}
	if limit < 0 {
		errs = append(errs, Invalid("Limit", "%d is negative", limit))
	}
	path, err := checkParams(op, params, values, errs...)
	if err != nil {
		return nil, 0, err
	}
	start := len(path) + 1
	target := params.AppendForm([]byte(path + "?"))
	if pageSize == nil && limit > 0 {
		target = InsertPair(target, start, keyPageSize, min(limit, op.MaxPageSize))
	}
	if len(target) == start {
		target = target[:len(path)]
	}
	return &Request{Method: http.MethodGet, Target: string(target), Header: headerOf(params)}, limit, nil
}

// keyPageSize is the query key of a list's page size.
const keyPageSize = "PageSize"

// headerOf returns the header params of p as they are now, for the pages
// of a List read after the caller may have changed p; nil when none is
// set.
func headerOf(p HeaderSetter) HeaderSetter {
	h := http.Header{}
	p.SetHeader(h)
	if len(h) == 0 {
		return nil
	}
	return fixedHeader(h)
}

// fixedHeader is header params set once.
type fixedHeader http.Header

// SetHeader sets f in h.
func (f fixedHeader) SetHeader(h http.Header) {
	for k, v := range f {
		h[k] = v
	}
}
