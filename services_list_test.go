package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServicesListPageWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		params    *ListServicesParams
		wantQuery string
	}{
		{name: "nil params", params: nil, wantQuery: ""},
		{name: "zero params", params: &ListServicesParams{}, wantQuery: ""},
		{name: "page size", params: &ListServicesParams{PageSize: Ptr(20)}, wantQuery: "PageSize=20"},
		{name: "page size 1", params: &ListServicesParams{PageSize: Ptr(1)}, wantQuery: "PageSize=1"},
		{name: "page size 100", params: &ListServicesParams{PageSize: Ptr(100)}, wantQuery: "PageSize=100"},
		{name: "limit picks the page size", params: &ListServicesParams{Limit: 5}, wantQuery: "PageSize=5"},
		{name: "limit above 100", params: &ListServicesParams{Limit: 500}, wantQuery: "PageSize=100"},
		{name: "page size wins over limit", params: &ListServicesParams{PageSize: Ptr(10), Limit: 3}, wantQuery: "PageSize=10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, serveFile(t, http.StatusOK, "testdata/services_page_full.json"))

			page, err := services.ListPage(context.Background(), tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodGet, "/v2/Services", tt.wantQuery)
			assert.Empty(t, req.Body)
			require.NotNil(t, page)
			assert.Equal(t, []Service{specService()}, page.Items)
		})
	}
}

func TestServicesListPageDecodesMeta(t *testing.T) {
	t.Parallel()
	const pageURL = "https://chat.twilio.com/v2/Services?PageSize=50&Page=0"
	tests := []struct {
		file         string
		wantServices []Service
	}{
		{file: "services_page_full.json", wantServices: []Service{specService()}},
		{file: "services_page_empty.json", wantServices: []Service{}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			services, _ := newTestServices(t, serveFile(t, http.StatusOK, "testdata/"+tt.file))

			page, err := services.ListPage(context.Background(), nil)
			require.NoError(t, err)

			assert.Equal(t, &ServicePage{
				Items: tt.wantServices,
				Meta: PageMeta{
					FirstPageURL:    pageURL,
					NextPageURL:     "",
					PreviousPageURL: "",
					URL:             pageURL,
					Page:            0,
					PageSize:        50,
					Key:             "services",
				},
			}, page)
		})
	}
}

func TestServicesNextPage(t *testing.T) {
	t.Parallel()
	services, rec := newTestServices(t, (&fakeList{total: 5}).ServeHTTP)
	ctx := context.Background()

	var sids []string
	var metas []PageMeta
	page, err := services.ListPage(ctx, &ListServicesParams{PageSize: Ptr(2)})
	for page != nil {
		require.NoError(t, err)
		for _, svc := range page.Items {
			sids = append(sids, svc.SID)
		}
		metas = append(metas, page.Meta)
		page, err = services.NextPage(ctx, page)
	}
	require.NoError(t, err)

	assert.Equal(t, sidsN(0, 5), sids)
	base := "http://" + rec.srv.Listener.Addr().String() + "/v2/Services?PageSize=2"
	assert.Equal(t, []PageMeta{
		{FirstPageURL: base + "&Page=0&PageToken=PT0", NextPageURL: base + "&Page=1&PageToken=PT1", URL: base + "&Page=0&PageToken=PT0", Page: 0, PageSize: 2, Key: "services"},
		{FirstPageURL: base + "&Page=0&PageToken=PT0", NextPageURL: base + "&Page=2&PageToken=PT2", PreviousPageURL: base + "&Page=0&PageToken=PT0", URL: base + "&Page=1&PageToken=PT1", Page: 1, PageSize: 2, Key: "services"},
		{FirstPageURL: base + "&Page=0&PageToken=PT0", PreviousPageURL: base + "&Page=1&PageToken=PT1", URL: base + "&Page=2&PageToken=PT2", Page: 2, PageSize: 2, Key: "services"},
	}, metas)
	assert.Equal(t, []string{"PageSize=2", "Page=1&PageSize=2&PageToken=PT1", "Page=2&PageSize=2&PageToken=PT2"}, listQueries(t, rec, "/v2/Services"))
}

func TestServicesNextPageSendsNothing(t *testing.T) {
	t.Parallel()
	other := newRecorder(t, (&fakeList{total: 5}).ServeHTTP)
	tests := []struct {
		name    string
		page    *ServicePage
		wantErr error
	}{
		{name: "nil page", page: nil},
		{name: "last page", page: &ServicePage{Meta: PageMeta{URL: "/v2/Services?Page=3"}}},
		{name: "next is this page", page: &ServicePage{Meta: PageMeta{URL: "/v2/Services?Page=3", NextPageURL: "/v2/Services?Page=3"}}, wantErr: ErrPageLoop},
		{name: "next on another host", page: &ServicePage{Meta: PageMeta{NextPageURL: other.srv.URL + "/v2/Services?Page=1"}}, wantErr: ErrUntrustedURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, (&fakeList{total: 5}).ServeHTTP)

			next, err := services.NextPage(context.Background(), tt.page)

			assert.Nil(t, next)
			if tt.wantErr == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			assert.Empty(t, rec.requests())
		})
	}
	t.Cleanup(func() { assert.Empty(t, other.requests(), "a request went to another host") })
}
