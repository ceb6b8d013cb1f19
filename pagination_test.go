package twiliochat

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/e3f0929f/twiliochat/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// itemSID is the SID of the n-th item of a fakeList whose SIDs start with
// prefix.
func itemSID(prefix string, n int) string { return fmt.Sprintf("%s%032x", prefix, n) }

// walkPages follows first, as ListPage returned it with err, through next
// to the last page and returns every page, in order; an error stops the
// test.
func walkPages[T any](t *testing.T, first *Page[T], err error, next func(*Page[T]) (*Page[T], error)) []*Page[T] {
	t.Helper()
	var pages []*Page[T]
	for page := first; page != nil; page, err = next(page) {
		require.NoError(t, err)
		pages = append(pages, page)
	}
	require.NoError(t, err)
	return pages
}

// sidsOfPages returns the SIDs of the items of pages, in order.
func sidsOfPages[T any](pages []*Page[T]) []string {
	var sids []string
	for _, page := range pages {
		sids = append(sids, sidsOfItems(page.Items)...)
	}
	return sids
}

// sidsOfItems returns the SID field of each item, in order: every
// resource type has one.
func sidsOfItems[T any](items []T) []string {
	sids := make([]string, len(items))
	for i := range items {
		sids[i] = reflect.ValueOf(items[i]).FieldByName("SID").String()
	}
	return sids
}

// itemSIDs returns the SIDs of the items from to to (excluded) of a
// fakeList whose SIDs start with prefix.
func itemSIDs(prefix string, from, to int) []string {
	var sids []string
	for i := from; i < to; i++ {
		sids = append(sids, itemSID(prefix, i))
	}
	return sids
}

// sidsN returns the SIDs of the Services from to to (excluded) of a fakeList.
func sidsN(from, to int) []string { return itemSIDs("IS", from, to) }

// fakeList answers GET /v2/Services with total Services, in pages of the
// requested PageSize (50 by default), each linking to the next the way Twilio
// does.
type fakeList struct {
	total int
	// next, when set, replaces the next_page_url of a page: it gets the URL
	// of page p of the list.
	next func(pageURL func(p int) string, page int) any
	// pageHandler, when set for a page, answers that page instead.
	pageHandler map[int]http.HandlerFunc
	// path, key and prefix make it another list: its path, its items' JSON
	// key and SID prefix. They default to /v2/Services, "services" and IS.
	path, key, prefix string
}

// ServeHTTP implements http.Handler.
func (f *fakeList) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	size := 50
	if v := q.Get("PageSize"); v != "" {
		size, _ = strconv.Atoi(v)
	}
	page, _ := strconv.Atoi(q.Get("Page"))
	if h := f.pageHandler[page]; h != nil {
		h(w, r)
		return
	}
	path, key, prefix := cmp.Or(f.path, "/v2/Services"), cmp.Or(f.key, "services"), cmp.Or(f.prefix, "IS")
	pageURL := func(p int) string {
		return fmt.Sprintf("http://%s%s?PageSize=%d&Page=%d&PageToken=PT%d", r.Host, path, size, p, p)
	}
	items := []map[string]any{}
	for i := page * size; i < min((page+1)*size, f.total); i++ {
		items = append(items, map[string]any{"sid": itemSID(prefix, i), "friendly_name": "item " + strconv.Itoa(i)})
	}
	var next any
	if (page+1)*size < f.total {
		next = pageURL(page + 1)
	}
	if f.next != nil {
		next = f.next(pageURL, page)
	}
	var prev any
	if page > 0 {
		prev = pageURL(page - 1)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		key: items,
		"meta": map[string]any{
			"first_page_url": pageURL(0), "next_page_url": next, "previous_page_url": prev,
			"url": pageURL(page), "page": page, "page_size": size, "key": key,
		},
	})
}

// assertListRefused checks that a list refused bad input before any
// request: ListPage gave no page and err, and List yielded one error alone,
// each the *ValidationErrors want ("Field: Reason").
func assertListRefused[T any](t *testing.T, rec *recorder, page *Page[T], err error, seq iter.Seq2[*T, error], want []string) {
	t.Helper()
	assert.Nil(t, page)
	assert.Equal(t, want, fieldReasons(err))
	got := testkit.RangeAll(seq, nil)
	assert.Empty(t, got.Items)
	require.Len(t, got.Errs, 1)
	assert.Equal(t, want, fieldReasons(got.Errs[0]))
	assert.Empty(t, rec.requests())
}

// listed is what ranging over a Services list gave.
type listed struct {
	sids    []string
	errs    []error
	errLast bool
}

// collect ranges over seq to its end, as testkit.RangeAll does, and keeps
// the SIDs.
func collect(seq iter.Seq2[*Service, error], each func(n int)) listed {
	r := testkit.RangeAll(seq, each)
	l := listed{errs: r.Errs, errLast: r.ErrLast}
	for _, svc := range r.Items {
		l.sids = append(l.sids, svc.SID)
	}
	return l
}

// listQueries checks that every request rec received was a plain GET of
// the list at path, and returns their queries in order, keys sorted.
func listQueries(t *testing.T, rec *recorder, path string) []string {
	t.Helper()
	var queries []string
	for _, r := range rec.requests() {
		assertRequest(t, r, http.MethodGet, path, r.Query.Encode())
		assert.Empty(t, r.Body)
		queries = append(queries, r.Query.Encode())
	}
	return queries
}

func TestServicesListPages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		total       int
		params      *ListServicesParams
		wantSIDs    []string
		wantQueries []string
	}{
		{
			name: "nil params, one page", total: 3, params: nil,
			wantSIDs: sidsN(0, 3), wantQueries: []string{""},
		},
		{
			name: "no services", total: 0, params: &ListServicesParams{},
			wantSIDs: nil, wantQueries: []string{""},
		},
		{
			name: "three pages", total: 7, params: &ListServicesParams{PageSize: Ptr(3)},
			wantSIDs:    sidsN(0, 7),
			wantQueries: []string{"PageSize=3", "Page=1&PageSize=3&PageToken=PT1", "Page=2&PageSize=3&PageToken=PT2"},
		},
		{
			name: "full last page", total: 6, params: &ListServicesParams{PageSize: Ptr(3)},
			wantSIDs:    sidsN(0, 6),
			wantQueries: []string{"PageSize=3", "Page=1&PageSize=3&PageToken=PT1"},
		},
		{
			name: "limit inside the second page", total: 7, params: &ListServicesParams{PageSize: Ptr(3), Limit: 4},
			wantSIDs:    sidsN(0, 4),
			wantQueries: []string{"PageSize=3", "Page=1&PageSize=3&PageToken=PT1"},
		},
		{
			name: "limit at the end of a page fetches no more", total: 7, params: &ListServicesParams{PageSize: Ptr(3), Limit: 3},
			wantSIDs:    sidsN(0, 3),
			wantQueries: []string{"PageSize=3"},
		},
		{
			name: "limit sets the page size", total: 7, params: &ListServicesParams{Limit: 2},
			wantSIDs:    sidsN(0, 2),
			wantQueries: []string{"PageSize=2"},
		},
		{
			name: "limit above the maximum page size", total: 120, params: &ListServicesParams{Limit: 101},
			wantSIDs:    sidsN(0, 101),
			wantQueries: []string{"PageSize=100", "Page=1&PageSize=100&PageToken=PT1"},
		},
		{
			name: "limit above the total", total: 5, params: &ListServicesParams{PageSize: Ptr(2), Limit: 50},
			wantSIDs:    sidsN(0, 5),
			wantQueries: []string{"PageSize=2", "Page=1&PageSize=2&PageToken=PT1", "Page=2&PageSize=2&PageToken=PT2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, (&fakeList{total: tt.total}).ServeHTTP)
			var before ListServicesParams
			if tt.params != nil {
				before = *tt.params
			}

			seq := services.List(context.Background(), tt.params)
			assert.Empty(t, rec.requests(), "List sent a request before the iteration")
			got := collect(seq, nil)

			assert.Empty(t, got.errs)
			assert.Equal(t, tt.wantSIDs, got.sids)
			assert.Equal(t, tt.wantQueries, listQueries(t, rec, "/v2/Services"))
			if tt.params != nil {
				assert.Equal(t, before, *tt.params, "List changed its params")
			}
		})
	}
}

func TestServicesListDecodesEveryField(t *testing.T) {
	t.Parallel()
	services, _ := newTestServices(t, serveFile(t, http.StatusOK, "testdata/services_page_full.json"))

	var got []Service
	for svc, err := range services.List(context.Background(), nil) {
		require.NoError(t, err)
		got = append(got, *svc)
	}
	assert.Equal(t, []Service{specService()}, got)
}

func TestServicesListBreak(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		breakAfter   int
		wantRequests int
	}{
		{name: "after the first service", breakAfter: 1, wantRequests: 1},
		{name: "after the last service of a page", breakAfter: 3, wantRequests: 1},
		{name: "after the first service of the second page", breakAfter: 4, wantRequests: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, (&fakeList{total: 9}).ServeHTTP)

			var sids []string
			for svc, err := range services.List(context.Background(), &ListServicesParams{PageSize: Ptr(3)}) {
				require.NoError(t, err)
				sids = append(sids, svc.SID)
				if len(sids) == tt.breakAfter {
					break
				}
			}
			assert.Equal(t, sidsN(0, tt.breakAfter), sids)
			assert.Len(t, rec.requests(), tt.wantRequests)
		})
	}
}

func TestServicesListRangesAgain(t *testing.T) {
	t.Parallel()
	services, rec := newTestServices(t, (&fakeList{total: 4}).ServeHTTP)
	seq := services.List(context.Background(), &ListServicesParams{PageSize: Ptr(3)})

	first, second := collect(seq, nil), collect(seq, nil)
	assert.Equal(t, sidsN(0, 4), first.sids)
	assert.Equal(t, first, second)
	assert.Len(t, rec.requests(), 4)
}

func TestServicesListValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		params     *ListServicesParams
		wantFields []string
	}{
		{name: "page size 0", params: &ListServicesParams{PageSize: Ptr(0)}, wantFields: []string{"PageSize"}},
		{name: "page size negative", params: &ListServicesParams{PageSize: Ptr(-1)}, wantFields: []string{"PageSize"}},
		{name: "page size 101", params: &ListServicesParams{PageSize: Ptr(101)}, wantFields: []string{"PageSize"}},
		{name: "negative limit", params: &ListServicesParams{Limit: -1}, wantFields: []string{"Limit"}},
		{name: "both", params: &ListServicesParams{PageSize: Ptr(1000), Limit: -5}, wantFields: []string{"PageSize", "Limit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, (&fakeList{total: 3}).ServeHTTP)
			page, err := services.ListPage(context.Background(), tt.params)
			assert.Nil(t, page)
			assert.Equal(t, tt.wantFields, validationFields(err))

			got := collect(services.List(context.Background(), tt.params), nil)
			assert.Empty(t, got.sids)
			require.Len(t, got.errs, 1)
			assert.Equal(t, tt.wantFields, validationFields(got.errs[0]))
			assert.Empty(t, rec.requests())
		})
	}
}

func TestServicesListContextCanceled(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		cancelAfter  int // cancel after this many Services were taken
		wantSIDs     []string
		wantRequests int
	}{
		{name: "before the iteration", cancelAfter: 0, wantSIDs: nil, wantRequests: 0},
		{name: "inside a page", cancelAfter: 1, wantSIDs: sidsN(0, 1), wantRequests: 1},
		{name: "between pages", cancelAfter: 3, wantSIDs: sidsN(0, 3), wantRequests: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, (&fakeList{total: 9}).ServeHTTP)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancelAfter == 0 {
				cancel()
			}

			got := collect(services.List(ctx, &ListServicesParams{PageSize: Ptr(3)}), testkit.CancelAt(tt.cancelAfter, cancel))

			assert.Equal(t, tt.wantSIDs, got.sids)
			assert.Equal(t, []error{context.Canceled}, got.errs)
			assert.Len(t, rec.requests(), tt.wantRequests)
		})
	}
}

func TestServicesListContextCanceledInFlight(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	services, rec := newTestServices(t, (&fakeList{total: 9, pageHandler: map[int]http.HandlerFunc{
		1: func(_ http.ResponseWriter, r *http.Request) {
			cancel()
			<-r.Context().Done()
		},
	}}).ServeHTTP)

	got := collect(services.List(ctx, &ListServicesParams{PageSize: Ptr(3)}), nil)

	assert.Equal(t, sidsN(0, 3), got.sids)
	assert.Equal(t, []error{context.Canceled}, got.errs)
	assert.Len(t, rec.requests(), 2)
}

func TestServicesListPageError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		handler http.HandlerFunc
		check   func(t *testing.T, err error)
	}{
		{
			name: "API error",
			// A 400, which no retry policy repeats, so that the page fails once.
			handler: respondJSON(http.StatusBadRequest, `{"code": 20001, "message": "Invalid PageToken", "status": 400}`),
			check: func(t *testing.T, err error) {
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, http.StatusBadRequest, apiErr.Status)
				assert.Equal(t, 20001, apiErr.Code)
				assert.Equal(t, "Invalid PageToken", apiErr.Message)
			},
		},
		{
			name:    "bad JSON",
			handler: respondJSON(http.StatusOK, `{"services": [{"sid": 1}]`),
			check: func(t *testing.T, err error) {
				var decErr *DecodeError
				require.ErrorAs(t, err, &decErr)
				assert.Equal(t, http.StatusOK, decErr.Status)
			},
		},
		{
			name: "redirect",
			handler: func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, "https://example.com/", http.StatusFound)
			},
			check: func(t *testing.T, err error) {
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, http.StatusFound, apiErr.Status)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, (&fakeList{total: 9, pageHandler: map[int]http.HandlerFunc{1: tt.handler}}).ServeHTTP)

			got := collect(services.List(context.Background(), &ListServicesParams{PageSize: Ptr(3)}), nil)

			assert.Equal(t, sidsN(0, 3), got.sids)
			require.Len(t, got.errs, 1)
			assert.True(t, got.errLast)
			tt.check(t, got.errs[0])
			assert.Len(t, rec.requests(), 2)
		})
	}
}

func TestServicesListStopsOnLoops(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		total        int
		next         func(pageURL func(int) string, page int) any
		pageHandler  map[int]http.HandlerFunc
		wantSIDs     []string
		wantLoop     bool
		wantRequests int
	}{
		{
			name: "next page is this page", total: 9,
			next:     func(pageURL func(int) string, page int) any { return pageURL(page) },
			wantSIDs: sidsN(0, 3), wantLoop: true, wantRequests: 1,
		},
		{
			name: "next page of the second page is the first", total: 9,
			next:     func(pageURL func(int) string, page int) any { return pageURL((page + 1) % 2) },
			wantSIDs: sidsN(0, 6), wantLoop: true, wantRequests: 2,
		},
		{
			name: "empty pages that go on", total: 3,
			next:     func(pageURL func(int) string, page int) any { return pageURL(page + 1) },
			wantSIDs: sidsN(0, 3), wantRequests: 2,
		},
		{
			name: "the first page again under a new URL each time", total: 9,
			next:     renamed(func(int) int { return 0 }),
			wantSIDs: sidsN(0, 3), wantLoop: true, wantRequests: 2,
		},
		{
			name: "a cycle of two pages under new URLs", total: 9,
			next:     renamed(func(page int) int { return 1 - page }),
			wantSIDs: sidsN(0, 6), wantLoop: true, wantRequests: 3,
		},
		{
			name: "the second page again under a new URL each time", total: 9,
			next:     renamed(func(int) int { return 1 }),
			wantSIDs: sidsN(0, 6), wantLoop: true, wantRequests: 3,
		},
		{
			name: "new items under new URLs go on", total: 12,
			next:     renamed(func(page int) int { return page + 1 }),
			wantSIDs: sidsN(0, 12), wantRequests: 5,
		},
		{
			name: "a page that repeats an item of the page before goes on", total: 9,
			pageHandler: map[int]http.HandlerFunc{1: func(w http.ResponseWriter, r *http.Request) {
				// Items 2, 3 and 4: the list moved by one between the pages.
				writeJSON(w, http.StatusOK, `{"services":[{"sid":"`+itemSID("IS", 2)+`"},{"sid":"`+itemSID("IS", 3)+`"},{"sid":"`+itemSID("IS", 4)+`"}],`+
					`"meta":{"key":"services","next_page_url":"http://`+r.Host+`/v2/Services?PageSize=3&Page=2&PageToken=PT2"}}`)
			}},
			wantSIDs: append(append(sidsN(0, 3), sidsN(2, 5)...), sidsN(6, 9)...), wantRequests: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, (&fakeList{total: tt.total, next: tt.next, pageHandler: tt.pageHandler}).ServeHTTP)

			// Limit bounds a list that would otherwise go on for ever.
			got := collect(services.List(context.Background(), &ListServicesParams{PageSize: Ptr(3), Limit: 100}), nil)

			assert.Equal(t, tt.wantSIDs, got.sids)
			if tt.wantLoop {
				require.Len(t, got.errs, 1)
				assert.ErrorIs(t, got.errs[0], ErrPageLoop)
			} else {
				assert.Empty(t, got.errs)
			}
			assert.Len(t, rec.requests(), tt.wantRequests)
		})
	}
}

// renamed returns a fakeList next that leads from page p to page pageFor(p)
// under a URL that no page had before.
func renamed(pageFor func(page int) int) func(func(int) string, int) any {
	var n atomic.Int64
	return func(pageURL func(int) string, page int) any {
		return pageURL(pageFor(page)) + "&Again=" + strconv.FormatInt(n.Add(1), 10)
	}
}

// TestNextPageURL checks where every list's NextPage, and List, send each
// next_page_url: to the client's own host, whatever Twilio Chat host or
// spelling of that host it names, with the path and query it gives; every
// other URL is refused with ErrUntrustedURL before any request.
func TestNextPageURL(t *testing.T) {
	t.Parallel()
	const query = "/v2/Services?PageSize=50&Page=1&PageToken=PT50"
	clients := map[string][]Option{
		"global":          nil,
		"edge and region": {WithEdge("dublin"), WithRegion("ie1")},
		"region":          {WithRegion("au1")},
		"proxy":           {WithBaseURL("https://egress.example.com/twilio-chat")},
		"fake":            {WithBaseURL("http://127.0.0.1:8080")},
		"fake by name":    {WithBaseURL("http://LocalHost")},
	}
	tests := []struct {
		client, target, want string // want "" for ErrUntrustedURL
	}{
		// Twilio's own hosts go to the configured host, path and query kept.
		{"edge and region", "https://chat.twilio.com" + query, "https://chat.dublin.ie1.twilio.com" + query},
		{"edge and region", "https://chat.ie1.twilio.com" + query, "https://chat.dublin.ie1.twilio.com" + query},
		{"edge and region", "https://chat.sydney.au1.twilio.com" + query, "https://chat.dublin.ie1.twilio.com" + query},
		{"region", "https://chat.twilio.com" + query, "https://chat.au1.twilio.com" + query},
		{"region", "https://CHAT.Twilio.com:443" + query + "#frag", "https://chat.au1.twilio.com" + query},
		{"proxy", "https://chat.twilio.com" + query, "https://egress.example.com/twilio-chat" + query},
		{"fake", "https://chat.twilio.com" + query, "http://127.0.0.1:8080" + query},
		{"global", "https://chat.twilio.com" + query, "https://chat.twilio.com" + query},
		// The configured host, however spelled, keeps its path.
		{"global", "https://Chat.Twilio.com" + query, "https://chat.twilio.com" + query},
		{"global", "https://chat.twilio.com:443" + query, "https://chat.twilio.com" + query},
		{"global", "https://chat.twilio.com." + query, "https://chat.twilio.com" + query},
		{"proxy", "https://EGRESS.example.com:443/twilio-chat" + query, "https://egress.example.com/twilio-chat" + query},
		{"fake", "http://127.0.0.1:8080" + query, "http://127.0.0.1:8080" + query},
		{"fake by name", "http://localhost:80" + query, "http://LocalHost" + query},
		{"fake by name", "http://localhost" + query, "http://LocalHost" + query},
		{"global", "/v2/Services?Page=1", "https://chat.twilio.com/v2/Services?Page=1"},
		// Everything else is refused.
		{"fake", "http://127.0.0.1" + query, ""},
		{"fake", "http://127.0.0.1:8081" + query, ""},
		{"fake", "https://127.0.0.1:8080" + query, ""},
		{"fake", "http://user:pass@127.0.0.1:8080" + query, ""},
		{"proxy", "https://egress.example.com:8443/twilio-chat" + query, ""},
		{"edge and region", "http://chat.twilio.com" + query, ""},
		{"edge and region", "https://chat.twilio.com:8443" + query, ""},
		{"global", "https://api.twilio.com" + query, ""},
		{"global", "https://evilchat.twilio.com" + query, ""},
		{"global", "https://chat.twilio.com.evil.example" + query, ""},
		{"global", "https://chat.evil.example" + query, ""},
		{"global", "https://chat.a.b.c.twilio.com" + query, ""},
		{"global", "https://chat..twilio.com" + query, ""},
		{"global", "https://chat.du_blin.ie1.twilio.com" + query, ""},
		{"global", "https://chat.-x.twilio.com" + query, ""},
		{"global", "https://user@chat.twilio.com" + query, ""},
		{"global", "https://chat.twilio.com@evil.example" + query, ""},
		{"global", "https:chat.twilio.com" + query, ""},
		{"global", "ftp://chat.twilio.com" + query, ""},
		{"global", "//chat.twilio.com" + query, ""},
		{"global", "https://evil.example" + query, ""},
		{"global", "v2/Services?Page=1", ""},
		{"global", "http://%zz", ""},
	}
	// sends call every list's NextPage, and Services' List, with a page
	// whose next_page_url is next, and return the items List yielded; key
	// is the list's key in a page.
	type send struct {
		key  string
		list bool
		call func(c *Client, next string) (int, error)
	}
	sends := map[string]send{
		"ListService/List": {key: "services", list: true, call: func(c *Client, _ string) (int, error) {
			items := 0
			for _, err := range c.Services.List(context.Background(), nil) {
				if err != nil {
					return items, err
				}
				items++
			}
			return items, nil
		}},
	}
	for _, op := range registryOps(t) {
		if e := registry[op.ID]; e.next != nil {
			sends[op.ID+"/NextPage"] = send{key: op.ListKey, call: func(c *Client, next string) (int, error) {
				if err := e.next(context.Background(), c, next); err != assert.AnError {
					return 0, err
				}
				return 0, nil // the registry's way of saying a page came back
			}}
		}
	}
	for name, s := range sends {
		for _, tc := range tests {
			t.Run(name+"/"+tc.client+" "+tc.target, func(t *testing.T) {
				t.Parallel()
				var (
					mu   sync.Mutex
					sent []string
				)
				transport := roundTripFunc(func(r *http.Request) (*http.Response, error) {
					mu.Lock()
					defer mu.Unlock()
					sent = append(sent, r.URL.String())
					// List's first page, read from the base URL, links to
					// the target; any other page is the last one.
					body := fmt.Sprintf(`{%q:[],"meta":{"key":%[1]q,"next_page_url":null}}`, s.key)
					if s.list && len(sent) == 1 {
						body = fmt.Sprintf(`{%[1]q:[{"sid":%[2]q}],"meta":{"key":%[1]q,"next_page_url":%[3]q}}`, s.key, testServiceSID, tc.target)
					}
					return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
				})
				c, err := NewClient(testAccountSID, testAuthToken, append(clients[tc.client], WithHTTPClient(&http.Client{Transport: transport}))...)
				require.NoError(t, err)

				items, err := s.call(c, tc.target)

				mu.Lock()
				defer mu.Unlock()
				if s.list {
					require.NotEmpty(t, sent, "the first page")
					sent = sent[1:]
					assert.Equal(t, 1, items, "the first page's item comes before any error")
				}
				if tc.want == "" {
					assert.ErrorIs(t, err, ErrUntrustedURL)
					assert.Empty(t, sent)
					return
				}
				assert.NoError(t, err)
				assert.Equal(t, []string{tc.want}, sent)
			})
		}
	}
}

// FuzzResolveNextPageURL checks that any next_page_url a server sends is
// either refused or resolved to a URL on the client's scheme and host, the
// guarantee that keeps the credentials from reaching another host, keeping
// the URL's query.
func FuzzResolveNextPageURL(f *testing.F) {
	for _, seed := range []string{
		"https://chat.twilio.com/v2/Services?PageSize=50&Page=1&PageToken=PT50",
		"/v2/Services?Page=1",
		"//evil.example/v2/Services",
		"https://evil.example/v2/Services",
		"https://chat.twilio.com@evil.example/",
		"https://user:pass@chat.twilio.com/v2",
		"http://chat.twilio.com/v2/Services",
		"https://chat.twilio.com:443/v2/Services",
		"https://Chat.Dublin.IE1.twilio.com./v2/Services?Page=1",
		"https://chat.ie1.twilio.com:443/v2/Services?Page=1#x",
		"https://chat.twilio.com%2eevil.example/",
		"https:chat.twilio.com/v2",
		"/\\evil.example",
		"",
	} {
		f.Add(seed)
	}
	var clients []*Client
	for _, opts := range [][]Option{nil, {WithEdge("dublin"), WithRegion("ie1")}} {
		c, err := NewClient(testAccountSID, testAuthToken, opts...)
		require.NoError(f, err)
		clients = append(clients, c)
	}
	f.Fuzz(func(t *testing.T, target string) {
		for _, client := range clients {
			got, err := client.resolve(target)
			if err != nil {
				assert.ErrorIs(t, err, ErrUntrustedURL)
				assert.NotContains(t, err.Error(), testAuthToken)
				continue
			}
			u, err := url.Parse(got)
			if err != nil {
				// http.NewRequest refuses it too, before any connection.
				continue
			}
			assert.Equal(t, "https", u.Scheme, "resolved %q to %q", target, got)
			assert.Equal(t, client.baseURL.Host, u.Host, "resolved %q to %q", target, got)
			assert.Nil(t, u.User, "resolved %q to %q", target, got)
			if in, err := url.Parse(target); err == nil {
				assert.Equal(t, in.RawQuery, u.RawQuery, "resolved %q to %q", target, got)
			}
		}
	})
}
