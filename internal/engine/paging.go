package engine

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"iter"
	"strconv"
	"strings"
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
// next_page_url points back to a page already read, or leads to a page that
// holds the same items, in any order, as a page already read (the same page
// under a new URL): either would repeat items for ever.
var ErrPageLoop = errors.New("twiliochat: next_page_url repeats a page already read")

// next returns the target of the page after m, or "" when m is the last page.
// It fails with ErrPageLoop when the next page is m itself.
func (m *PageMeta) next() (string, error) {
	if m.NextPageURL != "" && m.NextPageURL == m.URL {
		return "", fmt.Errorf("%w: the page's next_page_url is its own url", ErrPageLoop)
	}
	return m.NextPageURL, nil
}

// fetchPageFunc reads the list page at target (a path under the base URL or
// a next_page_url) and returns its items and meta.
type fetchPageFunc[T any] func(ctx context.Context, target string) ([]T, *PageMeta, error)

// Paginate returns an iterator over the items of a list, starting with the
// page at first and following next_page_url. It sends no request until it is
// ranged over, and a request for the next page only when the caller asks for
// the item after the last one of a page. It stops after limit items when limit
// is above 0, at the last page, at the first empty page, and at the first
// error, which it yields once as the last pair: a failed request, a
// next_page_url that is not on the base URL's host (refused before any
// request), ErrPageLoop for a next_page_url that repeats a page's URL
// (before any request) or a page that repeats the items of one read before
// (before yielding them), or ctx's error once ctx is done, checked before
// each page and each item.
func Paginate[T any, C Checker[T]](ctx context.Context, first string, limit int, fetch fetchPageFunc[T]) iter.Seq2[*T, error] {
	if ctx == nil {
		return ErrorSeq[T](ErrNilContext)
	}
	return func(yield func(*T, error) bool) {
		seen := newPageMemory[T, C]()
		count := 0
		for target, page := first, 1; target != ""; page++ {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if earlier, ok := seen.url(target, page); ok {
				yield(nil, fmt.Errorf("%w: the next_page_url of page %d is the url of page %d (pages counted from 1)", ErrPageLoop, page-1, earlier))
				return
			}
			items, meta, err := fetch(ctx, target)
			if err != nil {
				if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
					err = ctxErr
				}
				yield(nil, err)
				return
			}
			seen.url(meta.URL, page)
			if len(items) == 0 {
				return
			}
			if earlier, ok := seen.items(items, page); ok {
				yield(nil, fmt.Errorf("%w: page %d holds the same items as page %d (pages counted from 1)", ErrPageLoop, page, earlier))
				return
			}
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
			if target, err = meta.next(); err != nil {
				yield(nil, err)
				return
			}
		}
	}
}

// pageMemory is what Paginate remembers of the pages it read: for each, an
// 8-byte hash of its URL and one of its items, each with the page's number,
// rather than the URLs or the items themselves. The hashes are seeded at
// random for each list, so a server cannot make two pages collide on
// purpose.
type pageMemory[T any] struct {
	seed  maphash.Seed
	pages map[uint64]int
	// identity writes what tells an item apart to h (see itemIdentity).
	identity func(h *maphash.Hash, item *T)
}

// newPageMemory returns an empty pageMemory for a list of T.
func newPageMemory[T any, C Checker[T]]() *pageMemory[T] {
	return &pageMemory[T]{seed: maphash.MakeSeed(), pages: make(map[uint64]int), identity: itemIdentity[T, C]()}
}

// url remembers target as the URL of page and reports the page it was the
// URL of already, if any. An empty target is not remembered.
func (m *pageMemory[T]) url(target string, page int) (int, bool) {
	if target == "" {
		return 0, false
	}
	var h maphash.Hash
	h.SetSeed(m.seed)
	h.WriteByte('u')
	h.WriteString(target)
	return m.remember(h.Sum64(), page)
}

// items remembers items as those of page and reports the page that held the
// same items already, in any order, if any. The items' hashes are added up,
// so that a server cannot go on for ever by shuffling one page.
func (m *pageMemory[T]) items(items []T, page int) (int, bool) {
	var h maphash.Hash
	h.SetSeed(m.seed)
	var sum uint64
	for i := range items {
		h.Reset()
		m.identity(&h, &items[i])
		sum += h.Sum64()
	}
	var key [17]byte
	key[0] = 'i'
	binary.LittleEndian.PutUint64(key[1:], sum)
	binary.LittleEndian.PutUint64(key[9:], uint64(len(items)))
	h.Reset()
	h.Write(key[:])
	return m.remember(h.Sum64(), page)
}

// remember records key for page unless it is there already, and then
// reports the page it was recorded for.
func (m *pageMemory[T]) remember(key uint64, page int) (int, bool) {
	if earlier, ok := m.pages[key]; ok {
		return earlier, true
	}
	m.pages[key] = page
	return 0, false
}

// itemIdentity returns what tells one item of a list from another: the SID
// of a resource (see Identity), or, for a type without one, its JSON
// encoding.
func itemIdentity[T any, C Checker[T]]() func(h *maphash.Hash, item *T) {
	if hasIdentity[T, C]() {
		return func(h *maphash.Hash, item *T) {
			var c C
			id, _ := c.Identity(item)
			h.WriteString(id.SID)
		}
	}
	return func(h *maphash.Hash, item *T) {
		b, _ := json.Marshal(item) // it was decoded from JSON
		h.Write(b)
	}
}

// ErrorSeq returns an iterator that yields err once, for a list whose
// parameters are invalid.
func ErrorSeq[T any](err error) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		yield(nil, err)
	}
}

// pageDecoder is the decoding target of one list page: the page's JSON
// decodes into body, whose generated type has a field for each list key of
// the spec (pages_gen.go), so that encoding/json decodes the items straight
// into their slice, as fast as into a struct written for one list.
// CheckDecoded then moves them into the page and checks each item as
// Fetch checks one.
type pageDecoder[T any, C Checker[T]] struct {
	items *[]T
	meta  *PageMeta
	key   string
	body  pageBody[T]
	// made is the slice the items were to be decoded into, or nil; when
	// the body has no list, the items are still made, untouched.
	made []T
}

// NewPageDecoder returns the decoding target of a page of T under key, which
// fills items and meta, its items' slice made with room for capacity items
// (none when it is 0), so that decoding a full page does not grow the
// slice step by step.
func NewPageDecoder[T any, C Checker[T]](key string, items *[]T, meta *PageMeta, capacity int) *pageDecoder[T, C] {
	d := &pageDecoder[T, C]{items: items, meta: meta, key: key}
	if items := d.body.items(key); items != nil && capacity > 0 {
		d.made = make([]T, 0, capacity)
		*items = d.made
	}
	return d
}

// PageSizeOf returns the PageSize in the query of target, a list page's
// path or URL, when it is between 1 and max, and otherwise 0. Twilio's
// next_page_url carries the PageSize of the list, so every page of a List
// is sized from it.
func PageSizeOf(target string, max int) int {
	_, query, ok := strings.Cut(target, "?")
	for ok {
		var pair string
		pair, query, ok = strings.Cut(query, "&")
		if v, found := strings.CutPrefix(pair, "PageSize="); found {
			if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= max {
				return n
			}
			return 0
		}
	}
	return 0
}

// JSONTarget returns what the JSON body decodes into.
func (d *pageDecoder[T, C]) JSONTarget() any { return &d.body }

// checkDecoded moves the decoded items and meta into the page and checks
// it: a page must hold its list under its key, even when empty ([]), and a
// meta.key must name that key; each item that can tell whether it is
// usable is checked. An answer such as {} or null, or another list's page,
// would otherwise read as an empty last page and end the list silently.
func (d *pageDecoder[T, C]) CheckDecoded() error {
	b := d
	if items := b.body.items(b.key); items != nil {
		*b.items = *items
	}
	*b.meta = b.body.Meta
	if items := *b.items; len(items) == 0 && cap(items) > 0 && cap(b.made) > 0 && &items[:1][0] == &b.made[:1][0] {
		*b.items = nil // the body has no list: the slice made for it is untouched
	}
	if *b.items == nil {
		return fmt.Errorf("the page has no %q list", b.key)
	}
	if b.meta.Key != "" && b.meta.Key != b.key {
		return fmt.Errorf("the page's meta.key is not %q", b.key)
	}
	if !hasIdentity[T, C]() {
		return nil
	}
	var c C
	for i := range *b.items {
		id, _ := c.Identity(&(*b.items)[i])
		if err := id.Check(); err != nil {
			return fmt.Errorf("item %d of the page: %w", i, err)
		}
	}
	return nil
}

// InsertPair inserts key=n into the sorted query q[start:], before the
// first pair whose key sorts after key, as the form encoder would have
// placed it.
func InsertPair(q []byte, start int, key string, n int) []byte {
	pair := strconv.AppendInt([]byte(key+"="), int64(n), 10)
	at := len(q)
	for i := start; i < len(q); {
		end := bytes.IndexByte(q[i:], '&')
		if end < 0 {
			end = len(q) - i
		}
		k, _, _ := bytes.Cut(q[i:i+end], []byte("="))
		if string(k) > key {
			at = i
			break
		}
		i += end + 1
	}
	switch {
	case at == len(q) && len(q) > start:
		return append(append(q, '&'), pair...)
	case at == len(q):
		return append(q, pair...)
	}
	out := append(append(append([]byte{}, q[:at]...), pair...), '&')
	return append(out, q[at:]...)
}
