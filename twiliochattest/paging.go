package twiliochattest

import (
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// pageTokenPrefix starts the PageToken of the fake's next and previous page
// URLs.
const pageTokenPrefix = "PT"

// listMeta is the "meta" object of a list page.
type listMeta struct {
	FirstPageURL    string  `json:"first_page_url"`
	Key             string  `json:"key"`
	NextPageURL     *string `json:"next_page_url"`
	Page            int     `json:"page"`
	PageSize        int     `json:"page_size"`
	PreviousPageURL *string `json:"previous_page_url"`
	URL             string  `json:"url"`
}

// pageRequest is a validated PageSize/Page/PageToken query.
type pageRequest struct {
	size, page, offset int
	token              string
}

// parsePage validates the paging query. PageToken, when given, is the one the
// fake put in a next/previous URL ("PT" + the offset of the page's first
// item) and wins over Page for choosing the items. It returns a message
// naming the bad parameter, or "".
func parsePage(q url.Values, maxPageSize int) (pageRequest, string) {
	p := pageRequest{size: min(spec.DefaultPageSize, maxPageSize)}
	if v, ok := q[spec.KeyPageSize]; ok {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 1 || n > maxPageSize {
			return p, "Invalid PageSize " + strconv.Quote(v[0]) + ": must be an integer from 1 to " + strconv.Itoa(maxPageSize)
		}
		p.size = n
	}
	if v, ok := q[spec.KeyPage]; ok {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 0 {
			return p, "Invalid Page " + strconv.Quote(v[0]) + ": must be an integer of 0 or more"
		}
		p.page = n
	}
	p.offset = math.MaxInt // a page so far out that it starts past any list
	if p.page <= math.MaxInt/p.size {
		p.offset = p.page * p.size
	}
	if v, ok := q[spec.KeyPageToken]; ok {
		n, err := strconv.Atoi(strings.TrimPrefix(v[0], pageTokenPrefix))
		if !strings.HasPrefix(v[0], pageTokenPrefix) || err != nil || n < 0 {
			return p, "Invalid PageToken " + strconv.Quote(v[0])
		}
		p.token = v[0]
		p.offset = n
	}
	return p, ""
}

// pageURL is an absolute list URL on the fake's host; filter is the
// list's encoded filter keys ("Order=desc"), which come first, as in
// Twilio's URLs, or "".
func pageURL(base, filter string, size, page int, token string) string {
	u := base + "?"
	if filter != "" {
		u += filter + "&"
	}
	u += "PageSize=" + strconv.Itoa(size) + "&Page=" + strconv.Itoa(page)
	if token != "" {
		u += "&PageToken=" + url.QueryEscape(token)
	}
	return u
}

// listFilter returns the keys of query other than the paging ones, encoded:
// the filters (Order, Identity, Type …) a list's page URLs carry on.
func listFilter(query url.Values) string {
	filter := url.Values{}
	for k, vs := range query {
		if k != spec.KeyPageSize && k != spec.KeyPage && k != spec.KeyPageToken {
			filter[k] = vs
		}
	}
	return filter.Encode()
}

// filterBy keeps the items whose key is one of the values of the query key
// name, or every item when the query has none: a list's filter, such as
// Identity.
func filterBy[T any](items []T, query url.Values, name string, key func(T) string) []T {
	values := query[name]
	if len(values) == 0 {
		return items
	}
	return slices.DeleteFunc(items, func(item T) bool { return !slices.Contains(values, key(item)) })
}

// enumFilter refuses, with 400, a value of the query key name that is not
// one of allowed, the spec's enum of a list's filter (such as Type).
func enumFilter(query url.Values, name string, allowed []string) (response, bool) {
	for _, v := range query[name] {
		if !slices.Contains(allowed, v) {
			return invalidf("Invalid parameter %s: must be %s, got %q", name, strings.Join(allowed, " or "), v), true
		}
	}
	return response{}, false
}

// pageOf answers the list request c with the page of items that its query
// selects, under the list's key, with meta URLs built on listURL and the
// request's filter keys. The page size is checked against the list's
// maximum in the spec.
func pageOf[T any](c *call, listURL string, items []T) response {
	key := c.op.ListKey
	p, msg := parsePage(c.query, c.op.MaxPageSize)
	if msg != "" {
		return invalidf("%s", msg)
	}
	start := min(p.offset, len(items))
	end := min(start+p.size, len(items))
	filter := listFilter(c.query)
	meta := listMeta{
		FirstPageURL: pageURL(listURL, filter, p.size, 0, ""),
		Key:          key,
		Page:         p.page,
		PageSize:     p.size,
		URL:          pageURL(listURL, filter, p.size, p.page, p.token),
	}
	if end < len(items) {
		// The page number stops at the largest int instead of wrapping to a
		// negative one the fake would refuse: the PageToken says where the
		// next page starts.
		next := pageURL(listURL, filter, p.size, min(p.page, math.MaxInt-1)+1, pageTokenPrefix+strconv.Itoa(end))
		meta.NextPageURL = &next
	}
	if p.page > 0 && p.offset > 0 {
		prev := pageURL(listURL, filter, p.size, p.page-1, pageTokenPrefix+strconv.Itoa(max(p.offset-p.size, 0)))
		meta.PreviousPageURL = &prev
	}
	page := items[start:end]
	if page == nil {
		page = []T{}
	}
	return answer(http.StatusOK, map[string]any{key: page, "meta": meta})
}
