package engine

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"slices"
	"strconv"
	"testing"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// numbered is a list of the numbers from 1 to total in pages of size,
// each page's URL "/p<n>" (from 1) and its next_page_url the next page's,
// as Paginate's fetch. It counts the pages it is asked for.
type numbered struct {
	total, size int
	calls       int
	targets     []string
}

func (l *numbered) fetch(_ context.Context, target string) ([]int, *PageMeta, error) {
	l.calls++
	l.targets = append(l.targets, target)
	page, err := strconv.Atoi(target[2:])
	if err != nil {
		return nil, nil, err
	}
	var items []int
	for n := (page-1)*l.size + 1; n <= min(page*l.size, l.total); n++ {
		items = append(items, n)
	}
	meta := &PageMeta{URL: target}
	if page*l.size < l.total {
		meta.NextPageURL = "/p" + strconv.Itoa(page+1)
	}
	return items, meta, nil
}

// upTo returns the numbers from 1 to n.
func upTo(n int) []int {
	var out []int
	for i := 1; i <= n; i++ {
		out = append(out, i)
	}
	return out
}

func TestPaginateLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		total, size  int
		limit        int
		wantItems    []int
		wantRequests int
	}{
		{name: "no items", total: 0, size: 3, wantRequests: 1},
		{name: "one page", total: 2, size: 3, wantItems: upTo(2), wantRequests: 1},
		{name: "a full last page", total: 6, size: 3, wantItems: upTo(6), wantRequests: 2},
		{name: "three pages", total: 7, size: 3, wantItems: upTo(7), wantRequests: 3},
		{name: "limit inside the second page", total: 7, size: 3, limit: 4, wantItems: upTo(4), wantRequests: 2},
		{name: "limit at the end of a page fetches no more", total: 7, size: 3, limit: 3, wantItems: upTo(3), wantRequests: 1},
		{name: "limit 1", total: 7, size: 3, limit: 1, wantItems: upTo(1), wantRequests: 1},
		{name: "limit above the total", total: 5, size: 2, limit: 50, wantItems: upTo(5), wantRequests: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := &numbered{total: tt.total, size: tt.size}
			seq := Paginate[int, none[int]](context.Background(), "/p1", tt.limit, l.fetch)
			assert.Zero(t, l.calls, "a request before the iteration")
			got := testkit.RangeAll(seq, nil)
			assert.Equal(t, tt.wantItems, got.Items)
			assert.Empty(t, got.Errs)
			assert.Equal(t, tt.wantRequests, l.calls)

			again := testkit.RangeAll(seq, nil)
			assert.Equal(t, got, again, "ranging again reads the list again")
			assert.Equal(t, 2*tt.wantRequests, l.calls)
		})
	}
}

func TestPaginateStopsAtAnEmptyPage(t *testing.T) {
	t.Parallel()
	calls := 0
	seq := Paginate[int, none[int]](context.Background(), "/p1", 0, func(_ context.Context, target string) ([]int, *PageMeta, error) {
		calls++
		if target == "/p1" {
			return []int{1}, &PageMeta{URL: target, NextPageURL: "/p2"}, nil
		}
		return []int{}, &PageMeta{URL: target, NextPageURL: "/p3"}, nil
	})
	got := testkit.RangeAll(seq, nil)
	assert.Equal(t, []int{1}, got.Items)
	assert.Empty(t, got.Errs)
	assert.Equal(t, 2, calls)
}

func TestPaginateNoFirstPage(t *testing.T) {
	t.Parallel()
	got := testkit.RangeAll(Paginate[int, none[int]](context.Background(), "", 0, func(context.Context, string) ([]int, *PageMeta, error) {
		panic("fetched")
	}), nil)
	assert.Empty(t, got.Items)
	assert.Empty(t, got.Errs)
}

func TestPaginateBreak(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		breakAfter   int
		wantRequests int
	}{
		{name: "after the first item", breakAfter: 1, wantRequests: 1},
		{name: "after the last item of a page", breakAfter: 3, wantRequests: 1},
		{name: "after the first item of the second page", breakAfter: 4, wantRequests: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := &numbered{total: 9, size: 3}
			var got []int
			for n, err := range Paginate[int, none[int]](context.Background(), "/p1", 0, l.fetch) {
				require.NoError(t, err)
				got = append(got, *n)
				if len(got) == tt.breakAfter {
					break
				}
			}
			assert.Equal(t, upTo(tt.breakAfter), got)
			assert.Equal(t, tt.wantRequests, l.calls)
		})
	}
}

// TestPaginateBreakOnError checks that a caller that stops at the error
// stops the iterator, which must not yield again.
func TestPaginateBreakOnError(t *testing.T) {
	t.Parallel()
	errPage := errors.New("page failed")
	for _, seq := range []iter.Seq2[*int, error]{
		ErrorSeq[int](errPage),
		Paginate[int, none[int]](context.Background(), "/p1", 0, func(context.Context, string) ([]int, *PageMeta, error) {
			return nil, nil, errPage
		}),
	} {
		n := 0
		for v, err := range seq {
			n++
			assert.Nil(t, v)
			assert.Same(t, errPage, err)
			break
		}
		assert.Equal(t, 1, n)
	}
}

func TestPaginateNilContext(t *testing.T) {
	t.Parallel()
	var nilCtx context.Context
	got := testkit.RangeAll(Paginate[int, none[int]](nilCtx, "/p1", 0, func(context.Context, string) ([]int, *PageMeta, error) {
		panic("fetched")
	}), nil)
	assert.Empty(t, got.Items)
	assert.Equal(t, []error{ErrNilContext}, got.Errs)
}

func TestPaginateNeverCallsFetchAfterAnError(t *testing.T) {
	t.Parallel()
	errPage := errors.New("page failed")
	calls := 0
	seq := Paginate[int, none[int]](context.Background(), "/first", 0, func(_ context.Context, target string) ([]int, *PageMeta, error) {
		calls++
		if target == "/first" {
			return []int{1, 2}, &PageMeta{URL: "http://h/first", NextPageURL: "/second"}, nil
		}
		return nil, nil, errPage
	})

	got := testkit.RangeAll(seq, nil)
	assert.Equal(t, []int{1, 2}, got.Items)
	assert.Equal(t, []error{errPage}, got.Errs)
	assert.True(t, got.ErrLast)
	assert.Equal(t, 2, calls)
}

// TestPaginateChecksContext checks that a done ctx stops the list before
// the next page and before the next item, whatever fetch does with it.
func TestPaginateChecksContext(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		cancelAfter int // cancel after this many items; 0 cancels before ranging
		wantItems   []int
		wantCalls   int
	}{
		{name: "before the first page", cancelAfter: 0, wantItems: nil, wantCalls: 0},
		{name: "inside a page", cancelAfter: 1, wantItems: []int{1}, wantCalls: 1},
		{name: "after the last item of the first page", cancelAfter: 2, wantItems: []int{1, 2}, wantCalls: 1},
		{name: "inside the second page", cancelAfter: 3, wantItems: []int{1, 2, 3}, wantCalls: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			calls := 0
			// fetch ignores ctx, so only Paginate's own checks can stop it.
			seq := Paginate[int, none[int]](ctx, "/p1", 0, func(context.Context, string) ([]int, *PageMeta, error) {
				calls++
				return []int{2*calls - 1, 2 * calls}, &PageMeta{URL: "/p" + strconv.Itoa(calls), NextPageURL: "/p" + strconv.Itoa(calls+1)}, nil
			})
			if tt.cancelAfter == 0 {
				cancel()
			}

			got := testkit.RangeAll(seq, testkit.CancelAt(tt.cancelAfter, cancel))
			assert.Equal(t, tt.wantItems, got.Items)
			assert.Equal(t, []error{context.Canceled}, got.Errs)
			assert.Equal(t, tt.wantCalls, calls)
		})
	}
}

// TestPaginateContextDoneInFetch checks the error of a page whose request
// ended because ctx was done: ctx's own error, however fetch wrapped it,
// and fetch's error when ctx is not the cause.
func TestPaginateContextDoneInFetch(t *testing.T) {
	t.Parallel()
	errOther := errors.New("other")
	tests := []struct {
		name    string
		fetched func(ctx context.Context, cancel context.CancelFunc) error
		want    func(ctx context.Context) error
	}{
		{"a wrapped ctx error", func(ctx context.Context, cancel context.CancelFunc) error {
			cancel()
			return fmt.Errorf("request: %w", ctx.Err())
		}, func(ctx context.Context) error { return ctx.Err() }},
		{"another error after ctx is done", func(_ context.Context, cancel context.CancelFunc) error {
			cancel()
			return errOther
		}, func(context.Context) error { return errOther }},
		{"a ctx error while ctx is not done", func(context.Context, context.CancelFunc) error {
			return fmt.Errorf("request: %w", context.DeadlineExceeded)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var fetchErr error
			got := testkit.RangeAll(Paginate[int, none[int]](ctx, "/p1", 0, func(ctx context.Context, _ string) ([]int, *PageMeta, error) {
				fetchErr = tt.fetched(ctx, cancel)
				return nil, nil, fetchErr
			}), nil)
			require.Len(t, got.Errs, 1)
			want := fetchErr
			if tt.want != nil {
				want = tt.want(ctx)
			}
			assert.Same(t, want, got.Errs[0])
		})
	}
}

// servePages returns a Paginate fetch that answers its n-th call (from 0)
// with pages[n], and with the last page for every call after, each page's
// url its target and its next_page_url one not asked for before.
func servePages[T any](pages [][]T) func(context.Context, string) ([]T, *PageMeta, error) {
	calls := 0
	return func(_ context.Context, target string) ([]T, *PageMeta, error) {
		page := pages[min(calls, len(pages)-1)]
		calls++
		return page, &PageMeta{URL: target, NextPageURL: "/p" + strconv.Itoa(calls)}, nil
	}
}

// page2RepeatsPage1 is the error of a list whose second page holds the
// items of its first.
const page2RepeatsPage1 = "twiliochat: next_page_url repeats a page already read: page 2 holds the same items as page 1 (pages counted from 1)"

// assertLoop checks the errors a list yielded: none when want is "", else
// one, wrapping ErrPageLoop, that reads want.
func assertLoop(t *testing.T, errs []error, want string) {
	t.Helper()
	if want == "" {
		assert.Empty(t, errs)
		return
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPageLoop)
	assert.EqualError(t, errs[0], want)
}

// TestPaginateRepeatedItemsWithoutSID lists items that have no SID: a page
// is told from another by the items' JSON.
func TestPaginateRepeatedItemsWithoutSID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		pages     [][]item // see servePages
		wantItems []item
		wantErr   string
	}{
		{name: "the same page again", pages: [][]item{{{"a", 1}, {"b", 2}}, {{"a", 1}, {"b", 2}}},
			wantItems: []item{{"a", 1}, {"b", 2}}, wantErr: page2RepeatsPage1},
		{name: "a page that differs in one field", pages: [][]item{{{"a", 1}, {"b", 2}}, {{"a", 1}, {"b", 3}}, {}},
			wantItems: []item{{"a", 1}, {"b", 2}, {"a", 1}, {"b", 3}}},
		{name: "the same items in another order", pages: [][]item{{{"a", 1}, {"b", 2}}, {{"b", 2}, {"a", 1}}},
			wantItems: []item{{"a", 1}, {"b", 2}}, wantErr: page2RepeatsPage1},
		{name: "one of the items twice", pages: [][]item{{{"a", 1}, {"b", 2}}, {{"a", 1}, {"a", 1}}, {{"b", 2}, {"b", 2}}, {}},
			wantItems: []item{{"a", 1}, {"b", 2}, {"a", 1}, {"a", 1}, {"b", 2}, {"b", 2}}},
		{name: "a page with one more item", pages: [][]item{{{"a", 1}}, {{"a", 1}, {"a", 1}}, {}},
			wantItems: []item{{"a", 1}, {"a", 1}, {"a", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			// A limit bounds a list that would otherwise go on for ever.
			got := testkit.RangeAll(Paginate[item, none[item]](context.Background(), "/p0", 100, servePages(tt.pages)), nil)
			assert.Equal(t, tt.wantItems, got.Items)
			assertLoop(t, got.Errs, tt.wantErr)
		})
	}
}

// TestPaginateRepeatedSIDs checks that items with a SID are told apart by it
// alone: a page whose items have the SIDs of a page read before, whatever
// their other fields now say, repeats that page.
func TestPaginateRepeatedSIDs(t *testing.T) {
	t.Parallel()
	a, b, c := nthSID("RL", 10), nthSID("RL", 11), nthSID("RL", 12)
	tests := []struct {
		name      string
		pages     [][]role
		wantItems []role
		wantErr   string
	}{
		{
			name: "the same SIDs renamed, in another order",
			pages: [][]role{
				{{SID: a, Name: "first"}, {SID: b, Name: "first"}},
				{{SID: b, Name: "renamed"}, {SID: a, Name: "renamed"}},
			},
			wantItems: []role{{SID: a, Name: "first"}, {SID: b, Name: "first"}},
			wantErr:   page2RepeatsPage1,
		},
		{
			name: "a page two before",
			pages: [][]role{
				{{SID: a}}, {{SID: b}}, {{SID: c}}, {{SID: b}},
			},
			wantItems: []role{{SID: a}, {SID: b}, {SID: c}},
			wantErr:   "twiliochat: next_page_url repeats a page already read: page 4 holds the same items as page 2 (pages counted from 1)",
		},
		{
			name:      "other SIDs",
			pages:     [][]role{{{SID: a, Name: "x"}}, {{SID: b, Name: "x"}}, {{SID: c, Name: "x"}}, {}},
			wantItems: []role{{SID: a, Name: "x"}, {SID: b, Name: "x"}, {SID: c, Name: "x"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := testkit.RangeAll(Paginate[role, roleChecker](context.Background(), "/p0", 100, servePages(tt.pages)), nil)
			assert.Equal(t, tt.wantItems, got.Items)
			assertLoop(t, got.Errs, tt.wantErr)
		})
	}
}

// TestPaginateRepeatedURL checks the loops a next_page_url makes: to the
// page itself, refused before any request, and to an earlier page, named
// by both pages; a page's own URL counts as well as the target it was read
// from.
func TestPaginateRepeatedURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		first     string
		next      map[string]string // next_page_url by target
		url       map[string]string // url by target, the target when not set
		wantItems []int
		wantCalls int
		wantErr   string
	}{
		{
			name: "to an earlier page", first: "/p1", next: map[string]string{"/p1": "/p2", "/p2": "/p3", "/p3": "/p2"},
			wantItems: []int{1, 2, 3}, wantCalls: 3,
			wantErr: "twiliochat: next_page_url repeats a page already read: the next_page_url of page 3 is the url of page 2 (pages counted from 1)",
		},
		{
			name: "to the first page", first: "/p1", next: map[string]string{"/p1": "/p2", "/p2": "/p1"},
			wantItems: []int{1, 2}, wantCalls: 2,
			wantErr: "twiliochat: next_page_url repeats a page already read: the next_page_url of page 2 is the url of page 1 (pages counted from 1)",
		},
		{
			name: "to itself", first: "/p1", next: map[string]string{"/p1": "/p2", "/p2": "/p2"},
			wantItems: []int{1, 2}, wantCalls: 2,
			wantErr: "twiliochat: next_page_url repeats a page already read: the page's next_page_url is its own url",
		},
		{
			name: "to the url a page gave itself", first: "/p1", next: map[string]string{"/p1": "/p2", "/p2": "/p9"},
			url:       map[string]string{"/p1": "/p9"},
			wantItems: []int{1, 2}, wantCalls: 2,
			wantErr: "twiliochat: next_page_url repeats a page already read: the next_page_url of page 2 is the url of page 1 (pages counted from 1)",
		},
		{
			name: "pages without a url", first: "/p1", next: map[string]string{"/p1": "/p2", "/p2": "/p3"},
			url:       map[string]string{"/p1": "", "/p2": "", "/p3": ""},
			wantItems: []int{1, 2, 3}, wantCalls: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			calls := 0
			seq := Paginate[int, none[int]](context.Background(), tt.first, 0, func(_ context.Context, target string) ([]int, *PageMeta, error) {
				calls++
				n, err := strconv.Atoi(target[2:])
				require.NoError(t, err)
				u, ok := tt.url[target]
				if !ok {
					u = target
				}
				return []int{n}, &PageMeta{URL: u, NextPageURL: tt.next[target]}, nil
			})
			got := testkit.RangeAll(seq, nil)
			assert.Equal(t, tt.wantItems, got.Items)
			assert.Equal(t, tt.wantCalls, calls)
			assertLoop(t, got.Errs, tt.wantErr)
		})
	}
}

// TestPageMemoryKinds checks that a URL and a page of items are remembered
// apart, even where their hashes' input could be the same bytes.
func TestPageMemoryKinds(t *testing.T) {
	t.Parallel()
	m := newPageMemory[item, none[item]]()
	_, seen := m.url("/p1", 1)
	assert.False(t, seen)
	_, seen = m.url("", 2)
	assert.False(t, seen)
	_, seen = m.url("", 3)
	assert.False(t, seen, "an empty URL is not remembered")
	_, seen = m.items(nil, 2)
	assert.False(t, seen)
	page, seen := m.items([]item{}, 3)
	assert.True(t, seen)
	assert.Equal(t, 2, page)
	page, seen = m.url("/p1", 4)
	assert.True(t, seen)
	assert.Equal(t, 1, page)
}

func TestPageMetaNext(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		meta    PageMeta
		want    string
		wantErr bool
	}{
		{"the last page", PageMeta{URL: "/p1"}, "", false},
		{"a next page", PageMeta{URL: "/p1", NextPageURL: "/p2"}, "/p2", false},
		{"no url", PageMeta{NextPageURL: "/p2"}, "/p2", false},
		{"itself", PageMeta{URL: "/p1", NextPageURL: "/p1"}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := tt.meta.next()
			assert.Equal(t, tt.want, got)
			if tt.wantErr {
				assert.ErrorIs(t, err, ErrPageLoop)
				assert.EqualError(t, err, "twiliochat: next_page_url repeats a page already read: the page's next_page_url is its own url")
			} else {
				assert.NoError(t, err)
			}
		})
	}
}

// TestPageSizeOf checks the page size read from a list page's path or URL,
// which sizes the slice its items are decoded into.
func TestPageSizeOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, target string
		want         int
	}{
		{"a first page's path", "/v2/Services?PageSize=100", 100},
		{"a next_page_url", "https://chat.twilio.com/v2/Services/" + serviceSID + "/Channels/general/Messages?PageSize=100&Page=1&PageToken=PT99", 100},
		{"after other keys", "/v2/Services/" + serviceSID + "/Channels?Type=public&PageSize=20", 20},
		{"the first PageSize counts", "/v2/Services?PageSize=5&PageSize=6", 5},
		{"a bad first PageSize counts", "/v2/Services?PageSize=x&PageSize=6", 0},
		{"1", "/v2/Services?PageSize=1", 1},
		{"no query", "/v2/Services", 0},
		{"an empty query", "/v2/Services?", 0},
		{"no PageSize", "/v2/Services?Page=2", 0},
		{"a key that ends in PageSize", "/v2/Services?MaxPageSize=5", 0},
		{"above the maximum", "/v2/Services?PageSize=101", 0},
		{"zero", "/v2/Services?PageSize=0", 0},
		{"negative", "/v2/Services?PageSize=-1", 0},
		{"not a number", "/v2/Services?PageSize=ten", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, PageSizeOf(tt.target, 100))
		})
	}
}

// decodePage decodes body as a page of T under key through the page
// decoder, with room made for capacity items, and checks it.
func decodePage[T any, C Checker[T]](t *testing.T, key, body string, capacity int) ([]T, PageMeta, error) {
	t.Helper()
	var (
		items []T
		meta  PageMeta
	)
	err := answering(body).Do(context.Background(), Request{Out: NewPageDecoder[T, C](key, &items, &meta, capacity)})
	return items, meta, err
}

// TestPageDecoder checks the decoding of one page: its list under its
// key, even empty, its meta, and each item's identity; a page without its
// list, or of another list, is an error, as is an item that cannot be
// told apart.
func TestPageDecoder(t *testing.T) {
	t.Parallel()
	r := func(sid string) string { return `{"sid":"` + sid + `"}` }
	meta := `"meta":{"first_page_url":"https://h/f","next_page_url":"https://h/n","previous_page_url":"https://h/p","url":"https://h/u","page":2,"page_size":3,"key":"roles"}`
	fullMeta := PageMeta{FirstPageURL: "https://h/f", NextPageURL: "https://h/n", PreviousPageURL: "https://h/p", URL: "https://h/u", Page: 2, PageSize: 3, Key: "roles"}
	tests := []struct {
		name     string
		body     string
		capacity int
		want     []role
		wantMeta PageMeta
		wantErr  string
	}{
		{name: "a full page", body: `{"roles":[` + r(roleSID) + `,` + r(roleSID) + `,` + r(roleSID) + `],` + meta + `}`, capacity: 3,
			want: []role{{SID: roleSID}, {SID: roleSID}, {SID: roleSID}}, wantMeta: fullMeta},
		{name: "a short page", body: `{"roles":[` + r(roleSID) + `],` + meta + `}`, capacity: 3,
			want: []role{{SID: roleSID}}, wantMeta: fullMeta},
		{name: "a longer page", body: `{"roles":[` + r(roleSID) + `,` + r(roleSID) + `],` + meta + `}`, capacity: 1,
			want: []role{{SID: roleSID}, {SID: roleSID}}, wantMeta: fullMeta},
		{name: "no room made", body: `{"roles":[` + r(roleSID) + `],` + meta + `}`,
			want: []role{{SID: roleSID}}, wantMeta: fullMeta},
		{name: "an empty list", body: `{"roles":[],` + meta + `}`, capacity: 3, want: []role{}, wantMeta: fullMeta},
		{name: "an empty list, no room made", body: `{"roles":[]}`, want: []role{}},
		{name: "no meta.key", body: `{"roles":[],"meta":{"page":1}}`, capacity: 3, want: []role{}, wantMeta: PageMeta{Page: 1}},
		{name: "no list", body: `{` + meta + `}`, capacity: 3, wantMeta: fullMeta, wantErr: `the page has no "roles" list`},
		{name: "no list, no room made", body: `{}`, wantErr: `the page has no "roles" list`},
		{name: "a null list", body: `{"roles":null}`, capacity: 3, wantErr: `the page has no "roles" list`},
		{name: "null", body: `null`, capacity: 3, wantErr: `the page has no "roles" list`},
		{name: "another list", body: `{"services":[` + r(serviceSID) + `],"meta":{"key":"services"}}`, capacity: 3,
			wantMeta: PageMeta{Key: "services"}, wantErr: `the page has no "roles" list`},
		{name: "another list's meta.key", body: `{"roles":[],"meta":{"key":"services"}}`, capacity: 3,
			want: []role{}, wantMeta: PageMeta{Key: "services"}, wantErr: `the page's meta.key is not "roles"`},
		{name: "an item without its SID", body: `{"roles":[` + r(roleSID) + `,{"friendly_name":"x"}]}`, capacity: 3,
			want: []role{{SID: roleSID}, {Name: "x"}}, wantErr: "item 1 of the page: the Role has no sid"},
		{name: "an item with another kind's SID", body: `{"roles":[` + r(serviceSID) + `]}`, capacity: 3,
			want: []role{{SID: serviceSID}}, wantErr: "item 0 of the page: the Role's sid is not RL followed by 32 hex digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			items, meta, err := decodePage[role, roleChecker](t, "roles", tt.body, tt.capacity)
			assert.Equal(t, tt.want, items)
			assert.Equal(t, tt.wantMeta, meta)
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, errDecode)
			assert.EqualError(t, err.(interface{ Unwrap() []error }).Unwrap()[1], tt.wantErr)
		})
	}
}

// TestPageDecoderCapacity checks that a page's items are decoded into the
// slice made for them, of the capacity asked for, and that a page of
// another list leaves items as they were.
func TestPageDecoderCapacity(t *testing.T) {
	t.Parallel()
	body := `{"roles":[{"sid":"` + roleSID + `"}]}`
	for _, capacity := range []int{1, 5, 100} {
		items, _, err := decodePage[role, roleChecker](t, "roles", body, capacity)
		require.NoError(t, err)
		assert.Len(t, items, 1)
		assert.Equal(t, capacity, cap(items))
	}

	var (
		items []role
		meta  PageMeta
	)
	d := NewPageDecoder[role, roleChecker]("nosuchkey", &items, &meta, 5)
	assert.EqualError(t, d.CheckDecoded(), `the page has no "nosuchkey" list`)
	assert.Nil(t, items, "a key the spec does not have fills nothing")

	// Nor does it touch a slice the caller made, with no room made for
	// the page.
	made := make([]role, 0, 2)
	items = made
	d = NewPageDecoder[role, roleChecker]("nosuchkey", &items, &meta, 5)
	assert.NotPanics(t, func() { _ = d.CheckDecoded() })
	assert.Equal(t, made, items)
	assert.Equal(t, 2, cap(items))
}

// TestPageDecoderWithoutIdentity checks that the items of a type without
// an identity are not checked.
func TestPageDecoderWithoutIdentity(t *testing.T) {
	t.Parallel()
	items, _, err := decodePage[item, none[item]](t, "roles", `{"roles":[{"name":"a"},{}]}`, 2)
	require.NoError(t, err)
	assert.Equal(t, []item{{Name: "a"}, {}}, items)
}

// TestPageBodyKeys checks that every list key of the Chat and
// Conversations specs has its field in the page body.
func TestPageBodyKeys(t *testing.T) {
	t.Parallel()
	var b pageBody[int]
	keys := 0
	for _, op := range append(slices.Clone(spec.Operations), convspec.Operations...) {
		if op.ListKey == "" {
			continue
		}
		keys++
		items := b.items(op.ListKey)
		require.NotNil(t, items, op.ListKey)
		*items = []int{len(op.ListKey)}
		assert.Equal(t, []int{len(op.ListKey)}, *b.items(op.ListKey), "%s has a field of its own", op.ListKey)
		*items = nil
	}
	assert.Positive(t, keys)
	assert.Nil(t, b.items("meta"))
}

// rolesPage returns the JSON of a page of roles with sids, its url the
// page's own and its next_page_url next.
func rolesPage(url, next string, sids ...string) string {
	items := ""
	for i, sid := range sids {
		if i > 0 {
			items += ","
		}
		items += `{"sid":"` + sid + `"}`
	}
	return `{"roles":[` + items + `],"meta":{"key":"roles","url":"` + url + `","next_page_url":"` + next + `"}}`
}

// TestListPageAndNextPage reads a list page by page as ListPage and
// NextPage do, with their requests and errors.
func TestListPageAndNextPage(t *testing.T) {
	t.Parallel()
	op := spec.Lookup("ListRole")
	r1, r2 := nthSID("RL", 1), nthSID("RL", 2)
	c := answering(
		rolesPage("https://h/p1", "https://h/p2?PageSize=2&Page=1", r1, r2),
		rolesPage("https://h/p2", "", r1),
	)
	p := &params{pageSize: ptr(2), form: "PageSize=2", header: http.Header{"X-H": {"v"}}}

	var (
		items []role
		meta  PageMeta
	)
	require.NoError(t, ListPage[*params, role, roleChecker](context.Background(), c, op, p, &items, &meta, serviceSID))
	assert.Equal(t, []role{{SID: r1}, {SID: r2}}, items)
	assert.Equal(t, PageMeta{Key: "roles", URL: "https://h/p1", NextPageURL: "https://h/p2?PageSize=2&Page=1"}, meta)
	assert.Equal(t, 2, cap(items), "the page is sized by its PageSize")

	var (
		next     []role
		nextMeta PageMeta
	)
	ok, err := NextPage[role, roleChecker](context.Background(), c, op, &meta, &next, &nextMeta)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, []role{{SID: r1}}, next)
	assert.Equal(t, 2, cap(next), "the next page is sized by its PageSize")
	assert.Equal(t, "", nextMeta.NextPageURL)

	ok, err = NextPage[role, roleChecker](context.Background(), c, op, &nextMeta, &next, &nextMeta)
	assert.NoError(t, err)
	assert.False(t, ok, "the last page has no next")

	reqs := c.sentRequests()
	require.Len(t, reqs, 2)
	assert.Equal(t, http.MethodGet, reqs[0].Method)
	assert.Equal(t, "/v2/Services/"+serviceSID+"/Roles?PageSize=2", reqs[0].Target)
	assert.Equal(t, http.Header{"X-H": {"v"}}, reqs[0].header)
	assert.Equal(t, http.MethodGet, reqs[1].Method)
	assert.Equal(t, "https://h/p2?PageSize=2&Page=1", reqs[1].Target)
	assert.Nil(t, reqs[1].Header, "a next page has no header params")
	for _, r := range reqs {
		assert.Nil(t, r.Form)
		assert.False(t, r.Creates)
	}
}

// TestListPageErrors checks that every error of ListPage and NextPage
// leaves through Scrub, and that bad input sends no request.
func TestListPageErrors(t *testing.T) {
	t.Parallel()
	op := spec.Lookup("ListRole")
	errFailed := errors.New("failed")
	tests := []struct {
		name     string
		caller   *caller
		call     func(c *caller) error
		wantErr  error
		reasons  []string
		requests int
	}{
		{"ListPage with bad params", answering(""), func(c *caller) error {
			var items []role
			return ListPage[*params, role, roleChecker](context.Background(), c, op, &params{limit: -1}, &items, new(PageMeta), serviceSID)
		}, nil, []string{"Limit: -1 is negative"}, 0},
		{"ListPage with a bad value", answering(""), func(c *caller) error {
			var items []role
			return ListPage[*params, role, roleChecker](context.Background(), c, op, &params{}, &items, new(PageMeta), "")
		}, nil, []string{"ServiceSid: is empty, want IS followed by 32 hex digits"}, 0},
		{"ListPage that fails", failing(errFailed), func(c *caller) error {
			var items []role
			return ListPage[*params, role, roleChecker](context.Background(), c, op, &params{}, &items, new(PageMeta), serviceSID)
		}, errFailed, nil, 1},
		{"ListPage of a page without its list", answering(`{}`), func(c *caller) error {
			var items []role
			return ListPage[*params, role, roleChecker](context.Background(), c, op, &params{}, &items, new(PageMeta), serviceSID)
		}, errDecode, nil, 1},
		{"NextPage of a page that is its own next", answering(""), func(c *caller) error {
			var items []role
			ok, err := NextPage[role, roleChecker](context.Background(), c, op, &PageMeta{URL: "/p", NextPageURL: "/p"}, &items, new(PageMeta))
			assert.False(t, ok)
			return err
		}, ErrPageLoop, nil, 0},
		{"NextPage that fails", failing(errFailed), func(c *caller) error {
			var items []role
			ok, err := NextPage[role, roleChecker](context.Background(), c, op, &PageMeta{NextPageURL: "/p"}, &items, new(PageMeta))
			assert.False(t, ok)
			return err
		}, errFailed, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.call(tt.caller)
			assert.Len(t, tt.caller.sentRequests(), tt.requests)
			var s *scrubbed
			if tt.wantErr == errFailed || tt.wantErr == errDecode {
				// The Caller's own errors are its to scrub, in Do.
				assert.False(t, errors.As(err, &s))
			} else {
				require.ErrorAs(t, err, &s, "every error leaves through Scrub")
				assert.Nil(t, s.secrets, "no list takes a secret")
			}
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			assert.Equal(t, tt.reasons, fieldReasons(err))
		})
	}
}

// TestItems checks the iterator of a list's items: its requests, page
// after page with the list's header params, and its errors, each through
// Scrub.
func TestItems(t *testing.T) {
	t.Parallel()
	op := spec.Lookup("ListRole")
	r1, r2, r3 := nthSID("RL", 1), nthSID("RL", 2), nthSID("RL", 3)
	c := answering(
		rolesPage("https://h/p1", "https://h/p2?PageSize=2&Page=1", r1, r2),
		rolesPage("https://h/p2", "https://h/p3?PageSize=2&Page=2", r3),
		rolesPage("https://h/p3", "https://h/p1?PageSize=2&Page=2", r3),
	)
	p := &params{form: "Identity=a", limit: 5, header: http.Header{"X-H": {"v"}}}
	seq := Items[*params, role, roleChecker](context.Background(), c, op, p, serviceSID)
	assert.Empty(t, c.sentRequests(), "a request before the iteration")
	p.header["X-H"] = []string{"changed"}

	got := testkit.RangeAll(seq, nil)
	assert.Equal(t, []role{{SID: r1}, {SID: r2}, {SID: r3}}, got.Items)
	require.Len(t, got.Errs, 1)
	var s *scrubbed
	require.ErrorAs(t, got.Errs[0], &s, "the pager's errors leave through Scrub")
	assert.ErrorIs(t, got.Errs[0], ErrPageLoop)
	assert.Nil(t, s.secrets)

	reqs := c.sentRequests()
	require.Len(t, reqs, 3)
	wantTargets := []string{"/v2/Services/" + serviceSID + "/Roles?Identity=a&PageSize=5", "https://h/p2?PageSize=2&Page=1", "https://h/p3?PageSize=2&Page=2"}
	for i, r := range reqs {
		assert.Equal(t, http.MethodGet, r.Method)
		assert.Equal(t, wantTargets[i], r.Target)
		assert.Equal(t, http.Header{"X-H": {"v"}}, r.header, "every page has the header params the list was made with")
		assert.Nil(t, r.Form)
	}
}

func TestItemsErrors(t *testing.T) {
	t.Parallel()
	op := spec.Lookup("ListRole")
	errFailed := errors.New("failed")

	c := answering("")
	got := testkit.RangeAll(Items[*params, role, roleChecker](context.Background(), c, op, &params{pageSize: ptr(0)}, serviceSID), nil)
	assert.Empty(t, got.Items)
	require.Len(t, got.Errs, 1)
	var s *scrubbed
	require.ErrorAs(t, got.Errs[0], &s)
	assert.Nil(t, s.secrets)
	assert.Equal(t, []string{"PageSize: 0 is not between 1 and 100"}, fieldReasons(got.Errs[0]))
	assert.Empty(t, c.sentRequests())

	c = failing(errFailed)
	got = testkit.RangeAll(Items[*params, role, roleChecker](context.Background(), c, op, &params{}, serviceSID), nil)
	assert.Empty(t, got.Items)
	require.Len(t, got.Errs, 1)
	require.ErrorAs(t, got.Errs[0], &s)
	assert.ErrorIs(t, got.Errs[0], errFailed)
	assert.Len(t, c.sentRequests(), 1)

	c = answering(rolesPage("https://h/p1", "", roleSID))
	n := 0
	for r, err := range Items[*params, role, roleChecker](context.Background(), c, op, &params{}, serviceSID) {
		require.NoError(t, err)
		assert.Equal(t, &role{SID: roleSID}, r)
		n++
		break
	}
	assert.Equal(t, 1, n)
}
