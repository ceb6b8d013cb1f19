package twiliochat

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strconv"
)

// PageMeta is the "meta" object of every list page Twilio returns: where this
// page is, where the pages around it are, and under which JSON key the page
// holds its items.
type PageMeta struct {
	// FirstPageURL is the absolute URL of the first page of the list.
	FirstPageURL string `json:"first_page_url"`
	// NextPageURL is the absolute URL of the next page, or "" on the last
	// page.
	NextPageURL string `json:"next_page_url"`
	// PreviousPageURL is the absolute URL of the previous page, or "" on the
	// first page.
	PreviousPageURL string `json:"previous_page_url"`
	// URL is the absolute URL of this page.
	URL string `json:"url"`
	// Page is the index of this page, counted from 0.
	Page int `json:"page"`
	// PageSize is the most items a page of this list holds.
	PageSize int `json:"page_size"`
	// Key is the JSON key of the page's items ("services", "roles").
	Key string `json:"key"`
}

// ErrPageLoop is the cause of the error a list returns when Twilio's
// next_page_url points back to a page already read, which would otherwise
// repeat items for ever.
var ErrPageLoop = errors.New("twiliochat: next_page_url repeats a page already read")

// next returns the target of the page after m, or "" when m is the last page.
// It fails with ErrPageLoop when the next page is m itself.
func (m *PageMeta) next() (string, error) {
	if m.NextPageURL != "" && m.NextPageURL == m.URL {
		return "", fmt.Errorf("%w: %s", ErrPageLoop, quoteShort(m.NextPageURL))
	}
	return m.NextPageURL, nil
}

// fetchPageFunc reads the list page at target (a path under the base URL or
// a next_page_url) and returns its items and meta.
type fetchPageFunc[T any] func(ctx context.Context, target string) ([]T, *PageMeta, error)

// paginate returns an iterator over the items of a list, starting with the
// page at first and following next_page_url. It sends no request until it is
// ranged over, and a request for the next page only when the caller asks for
// the item after the last one of a page. It stops after limit items when limit
// is above 0, at the last page, at the first empty page, and at the first
// error, which it yields once as the last pair: a failed request, a
// next_page_url that repeats a page (ErrPageLoop) or that is not on the base
// URL's scheme and host (refused before any request), or ctx's error once ctx
// is done, checked before each page and each item.
func paginate[T any](ctx context.Context, first string, limit int, fetch fetchPageFunc[T]) iter.Seq2[*T, error] {
	if ctx == nil {
		return errorSeq[T](errNilContext)
	}
	return func(yield func(*T, error) bool) {
		seen := make(map[string]bool)
		count := 0
		for target := first; target != ""; {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if seen[target] {
				yield(nil, fmt.Errorf("%w: %s", ErrPageLoop, quoteShort(target)))
				return
			}
			seen[target] = true
			items, meta, err := fetch(ctx, target)
			if err != nil {
				if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
					err = ctxErr
				}
				yield(nil, err)
				return
			}
			seen[meta.URL] = true
			for i := range items {
				if err := ctx.Err(); err != nil {
					yield(nil, err)
					return
				}
				if !yield(&items[i], nil) {
					return
				}
				if count++; count == limit {
					return
				}
			}
			if len(items) == 0 {
				return
			}
			if target, err = meta.next(); err != nil {
				yield(nil, err)
				return
			}
		}
	}
}

// errorSeq returns an iterator that yields err once, for a list whose
// parameters are invalid.
func errorSeq[T any](err error) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		yield(nil, err)
	}
}

// maxPageSize is the largest PageSize Twilio accepts for a list page.
const maxPageSize = 100

// ListParams holds the options of a ListPage or List call. ListServicesParams
// and ListRolesParams are this type. The zero value (or a nil *ListParams)
// lists every item in pages of Twilio's default size (50).
//
// There is no Page or PageToken: Twilio issues them inside each page's
// Meta.NextPageURL, which NextPage and List follow.
type ListParams struct {
	// PageSize is how many items each page holds, from 1 to 100. When it is
	// nil and Limit is set, pages hold Limit items (at most 100).
	PageSize *int
	// Limit makes List stop after this many items; 0 lists them all. It
	// must not be negative. It is not sent to Twilio: ListPage uses it only
	// to choose the page size, as above.
	Limit int
}

// target checks p and returns the target of the first page of the list at
// path: path with the PageSize query. sidErr, the result of checking the
// SIDs in path, is joined with p's own errors. When PageSize is nil and
// Limit is above 0, it asks for pages of Limit items, at most maxPageSize,
// so that a small Limit is served by one small page.
func (p *ListParams) target(path string, sidErr error) (string, error) {
	var pageSize *int
	limit := p.limit()
	if p != nil {
		pageSize = p.PageSize
	}
	errs := []error{sidErr}
	if pageSize != nil && (*pageSize < 1 || *pageSize > maxPageSize) {
		errs = append(errs, invalid("PageSize", "%d is not between 1 and %d", *pageSize, maxPageSize))
	}
	if limit < 0 {
		errs = append(errs, invalid("Limit", "%d is negative", limit))
	}
	if err := errors.Join(errs...); err != nil {
		return "", err
	}
	switch {
	case pageSize != nil:
		return path + "?PageSize=" + strconv.Itoa(*pageSize), nil
	case limit > 0:
		return path + "?PageSize=" + strconv.Itoa(min(limit, maxPageSize)), nil
	}
	return path, nil
}

// limit is the Limit of p, 0 for a nil p.
func (p *ListParams) limit() int {
	if p == nil {
		return 0
	}
	return p.Limit
}

// pageOf is the constraint of the page types (*ServicePage, *RolePage): a
// pointer to a page struct P that gives its items of type T and its meta.
type pageOf[T, P any] interface {
	*P
	contents() ([]T, *PageMeta)
}

// firstPage checks params and sidErr, as ListParams.target does, and fetches
// the first page of the list at path: the body of every ListPage.
func firstPage[P any](ctx context.Context, c *Client, path string, sidErr error, params *ListParams) (*P, error) {
	target, err := params.target(path, sidErr)
	return getResource[P](ctx, c, target, err)
}

// nextPage fetches the page after page, following its NextPageURL: the body
// of every NextPage. It returns nil and no error for a nil page or the last
// page, and an error wrapping ErrPageLoop for a page whose next page is
// itself.
func nextPage[T, P any, PP pageOf[T, P]](ctx context.Context, c *Client, page PP) (*P, error) {
	if page == nil {
		return nil, nil
	}
	_, meta := page.contents()
	target, err := meta.next()
	if err != nil || target == "" {
		return nil, err
	}
	return getResource[P](ctx, c, target, nil)
}

// listItems checks params and sidErr and returns the iterator over the items
// of the list at path, page by page (see paginate): the body of every List.
// Bad params make an iterator that yields the error alone.
func listItems[T, P any, PP pageOf[T, P]](ctx context.Context, c *Client, path string, sidErr error, params *ListParams) iter.Seq2[*T, error] {
	target, err := params.target(path, sidErr)
	if err != nil {
		return errorSeq[T](err)
	}
	return paginate(ctx, target, params.limit(), func(ctx context.Context, target string) ([]T, *PageMeta, error) {
		page, err := getResource[P](ctx, c, target, nil)
		if err != nil {
			return nil, nil, err
		}
		items, meta := PP(page).contents()
		return items, meta, nil
	})
}
