package twiliochattest_test

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
)

// sids returns the "sid" of each item under key.
func sids(page map[string]any, key string) []string {
	var out []string
	for _, x := range page[key].([]any) {
		out = append(out, x.(map[string]any)["sid"].(string))
	}
	return out
}

func TestListServicesPaging(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	var want []string
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		want = append(want, seedService(t, srv, name))
	}
	base := srv.URL + "/v2/Services"

	first := call(t, srv, http.MethodGet, "/v2/Services?PageSize=2", nil)
	require.Equal(t, http.StatusOK, first.Status, "body: %s", first.Body)
	p0 := first.JSON(t)
	meta0 := p0["meta"].(map[string]any)
	assert.Equal(t, want[:2], sids(p0, "services"))
	assert.Equal(t, "services", meta0["key"])
	assert.Equal(t, float64(0), meta0["page"])
	assert.Equal(t, float64(2), meta0["page_size"])
	assert.Equal(t, base+"?PageSize=2&Page=0", meta0["first_page_url"])
	assert.Equal(t, base+"?PageSize=2&Page=0", meta0["url"])
	assert.Nil(t, meta0["previous_page_url"])
	require.Contains(t, meta0, "previous_page_url", "null, not absent")
	next, ok := meta0["next_page_url"].(string)
	require.True(t, ok)
	assert.True(t, strings.HasPrefix(next, base+"?PageSize=2&Page=1&PageToken=PT"), next)

	p1 := call(t, srv, http.MethodGet, next, nil).JSON(t)
	meta1 := p1["meta"].(map[string]any)
	assert.Equal(t, want[2:4], sids(p1, "services"))
	assert.Equal(t, float64(1), meta1["page"])
	assert.Equal(t, next, meta1["url"])
	assert.Equal(t, base+"?PageSize=2&Page=0", meta1["first_page_url"])
	prev, ok := meta1["previous_page_url"].(string)
	require.True(t, ok)
	assert.True(t, strings.HasPrefix(prev, base+"?PageSize=2&Page=0"), prev)
	assert.Equal(t, want[:2], sids(call(t, srv, http.MethodGet, prev, nil).JSON(t), "services"), "previous_page_url goes back")

	p2 := call(t, srv, http.MethodGet, meta1["next_page_url"].(string), nil).JSON(t)
	meta2 := p2["meta"].(map[string]any)
	assert.Equal(t, want[4:], sids(p2, "services"))
	assert.Equal(t, float64(2), meta2["page"])
	assert.Nil(t, meta2["next_page_url"])
	require.Contains(t, meta2, "next_page_url", "null, not absent")
	assert.NotNil(t, meta2["previous_page_url"])

	all := call(t, srv, http.MethodGet, "/v2/Services", nil).JSON(t)
	assert.Equal(t, want, sids(all, "services"), "default page size holds all, in creation order")
	assert.Equal(t, float64(50), all["meta"].(map[string]any)["page_size"])
	assert.Nil(t, all["meta"].(map[string]any)["next_page_url"])

	byPage := call(t, srv, http.MethodGet, "/v2/Services?PageSize=2&Page=1", nil).JSON(t)
	assert.Equal(t, want[2:4], sids(byPage, "services"), "Page without PageToken")
}

func TestListEmptyPage(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	r := call(t, srv, http.MethodGet, "/v2/Services", nil)
	require.Equal(t, http.StatusOK, r.Status)
	base := srv.URL + "/v2/Services?PageSize=50&Page=0"
	assert.JSONEq(t, `{"services":[],"meta":{"first_page_url":"`+base+`","key":"services","next_page_url":null,"page":0,"page_size":50,"previous_page_url":null,"url":"`+base+`"}}`, string(r.Body))

	beyond := call(t, srv, http.MethodGet, "/v2/Services?Page=7", nil).JSON(t)
	assert.Empty(t, beyond["services"])
	assert.Nil(t, beyond["meta"].(map[string]any)["next_page_url"])

	// Page × PageSize overflows an int: still a page past the end, not a panic.
	sid := seedService(t, srv, "s")
	for _, path := range []string{"/v2/Services", "/v2/Services/" + sid + "/Roles"} {
		for _, q := range []string{"Page=9223372036854775807", "Page=92233720368547759&PageSize=100"} {
			r := call(t, srv, http.MethodGet, path+"?"+q, nil)
			require.Equal(t, http.StatusOK, r.Status, "%s?%s: %s", path, q, r.Body)
			page := r.JSON(t)
			assert.Empty(t, page[page["meta"].(map[string]any)["key"].(string)], "%s?%s", path, q)
			assert.Nil(t, page["meta"].(map[string]any)["next_page_url"], "%s?%s", path, q)
		}
	}
}

func TestListRolesPaging(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid := seedService(t, srv, "s")
	_, err := srv.SeedRole(sid, "extra", twiliochat.RoleTypeChannel, "sendMessage")
	require.NoError(t, err)
	base := srv.URL + "/v2/Services/" + sid + "/Roles"

	var got []string
	pages := 0
	for url := base + "?PageSize=2"; url != ""; pages++ {
		page := call(t, srv, http.MethodGet, url, nil).JSON(t)
		meta := page["meta"].(map[string]any)
		assert.Equal(t, "roles", meta["key"])
		assert.Equal(t, base+"?PageSize=2&Page=0", meta["first_page_url"])
		for _, x := range page["roles"].([]any) {
			got = append(got, x.(map[string]any)["friendly_name"].(string))
		}
		url, _ = meta["next_page_url"].(string)
	}
	assert.Equal(t, 3, pages)
	assert.Equal(t, []string{"service admin", "service user", "channel admin", "channel user", "extra"}, got)
}

func TestListPagingRejections(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid := seedService(t, srv, "s")
	for _, q := range []struct{ query, key string }{
		{"PageSize=0", "PageSize"},
		{"PageSize=101", "PageSize"},
		{"PageSize=-1", "PageSize"},
		{"PageSize=ten", "PageSize"},
		{"Page=-1", "Page"},
		{"Page=x", "Page"},
		{"PageToken=abc", "PageToken"},
		{"PageToken=PT-2", "PageToken"},
	} {
		for _, path := range []string{"/v2/Services", "/v2/Services/" + sid + "/Roles"} {
			msg := assertTwilioError(t, call(t, srv, http.MethodGet, path+"?"+q.query, nil), http.StatusBadRequest, 20001)
			assert.Contains(t, msg, q.key, q.query)
		}
	}
	assert.Equal(t, http.StatusOK, call(t, srv, http.MethodGet, "/v2/Services?PageSize=100", nil).Status)
	assert.Equal(t, http.StatusOK, call(t, srv, http.MethodGet, "/v2/Services?PageSize=1", nil).Status)
}

// TestListPageNearMaxInt asks for a page whose number is at or near the
// largest int, with a PageToken that still selects items: the page's own
// next_page_url must be one the fake accepts, with a Page of 0 or more.
func TestListPageNearMaxInt(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid := seedService(t, srv, "a")
	seedService(t, srv, "b")
	seedService(t, srv, "c")
	for _, page := range []int{math.MaxInt, math.MaxInt - 1, math.MaxInt/2 + 1} {
		for _, path := range []string{"/v2/Services", "/v2/Services/" + sid + "/Roles"} {
			t.Run(fmt.Sprintf("%s Page=%d", path, page), func(t *testing.T) {
				t.Parallel()
				query := fmt.Sprintf("?PageSize=1&Page=%d&PageToken=PT1", page)
				r := call(t, srv, http.MethodGet, path+query, nil)
				require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
				meta := r.JSON(t)["meta"].(map[string]any)
				next, ok := meta["next_page_url"].(string)
				require.True(t, ok, "items remain after the second")
				u, err := url.Parse(next)
				require.NoError(t, err)
				n, err := strconv.Atoi(u.Query().Get("Page"))
				require.NoError(t, err)
				assert.GreaterOrEqual(t, n, page, "the next page does not wrap around")
				assert.Equal(t, "PT2", u.Query().Get("PageToken"))

				nextPage := call(t, srv, http.MethodGet, next, nil)
				require.Equal(t, http.StatusOK, nextPage.Status, "the fake accepts its own next_page_url: %s", nextPage.Body)
				key := meta["key"].(string)
				assert.Len(t, nextPage.JSON(t)[key], 1)
			})
		}
	}
}
