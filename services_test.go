package twiliochat

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// form parses the body of r as a form.
func (r seenRequest) form(t *testing.T) url.Values {
	t.Helper()
	form, err := url.ParseQuery(r.Body)
	require.NoError(t, err)
	return form
}

// newTestServices starts a recorder answering with handler and returns the
// Services of a client pointed at it.
func newTestServices(t *testing.T, handler http.HandlerFunc) (*ServicesService, *recorder) {
	t.Helper()
	rec := newRecorder(t, handler)
	return rec.client(t).Services, rec
}

// assertRequest checks the method, path and query of r, and its headers as
// assertHeaders does.
func assertRequest(t *testing.T, r seenRequest, method, path, query string) {
	t.Helper()
	assert.Equal(t, method, r.Method)
	assert.Equal(t, path, r.Path)
	assert.Equal(t, query, r.Query.Encode())
	assertHeaders(t, r)
}

// assertHeaders checks the headers every request carries, and that
// Content-Type is the form type exactly for a POST, whose body is a form
// even when it is empty (an Update that changes nothing).
func assertHeaders(t *testing.T, r seenRequest) {
	t.Helper()
	user, pass, ok := (&http.Request{Header: r.Header}).BasicAuth()
	assert.True(t, ok, "no basic auth")
	assert.Equal(t, testAccountSID, user)
	assert.Equal(t, testAuthToken, pass)
	assert.Equal(t, "application/json", r.Header.Get("Accept"))
	assert.True(t, strings.HasPrefix(r.Header.Get("User-Agent"), "twiliochat/"+Version+" "), r.Header.Get("User-Agent"))
	if r.Method != http.MethodPost {
		assert.Empty(t, r.Body)
		assert.Empty(t, r.Header.Values("Content-Type"))
	} else {
		assert.Equal(t, "application/x-www-form-urlencoded", r.Header.Get("Content-Type"))
	}
}

// specService is the Service of the spec's Create, Fetch and List examples,
// field by field.
func specService() Service {
	date := time.Date(2015, 7, 30, 20, 0, 0, 0, time.UTC)
	base := "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	return Service{
		SID:                          "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		AccountSID:                   "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		FriendlyName:                 "friendly_name",
		DateCreated:                  date,
		DateUpdated:                  date,
		DefaultServiceRoleSID:        "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		DefaultChannelRoleSID:        "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		DefaultChannelCreatorRoleSID: "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ReadStatusEnabled:            Ptr(false),
		ReachabilityEnabled:          Ptr(false),
		TypingIndicatorTimeout:       100,
		ConsumptionReportInterval:    100,
		Limits:                       ServiceLimits{ChannelMembers: 100, UserChannels: 250},
		PreWebhookURL:                "pre_webhook_url",
		PostWebhookURL:               "post_webhook_url",
		WebhookMethod:                "webhook_method",
		WebhookFilters:               []string{"webhook_filters"},
		PreWebhookRetryCount:         2,
		PostWebhookRetryCount:        3,
		Notifications:                ServiceNotifications{},
		Media:                        ServiceMedia{SizeLimitMB: 150, CompatibilityMessage: "media compatibility message"},
		URL:                          base,
		Links: map[string]string{
			"channels": base + "/Channels",
			"users":    base + "/Users",
			"roles":    base + "/Roles",
			"bindings": base + "/Bindings",
		},
	}
}

func TestServicesCreateWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		friendly string
		wantBody string
	}{
		{name: "spec example", friendly: "friendly_name", wantBody: "FriendlyName=friendly_name"},
		{name: "reserved characters", friendly: "support & sales = 100%", wantBody: "FriendlyName=support+%26+sales+%3D+100%25"},
		{name: "unicode", friendly: "Zürich ✓", wantBody: "FriendlyName=Z%C3%BCrich+%E2%9C%93"},
	}
	cases := make([]wireCase, len(tests))
	for i, tt := range tests {
		cases[i] = wireCase{name: tt.name, method: http.MethodPost, path: "/v2/Services", body: tt.wantBody, form: url.Values{"FriendlyName": {tt.friendly}},
			call: func(c *Client) (any, error) {
				return valueOf(c.Services.Create(context.Background(), &CreateServiceParams{FriendlyName: Ptr(tt.friendly)}))
			},
			answer: "testdata/service_create.json", status: http.StatusCreated, want: Ptr(specService())}
	}
	runWireCases(t, cases)
}

func TestServicesCreateValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		params     *CreateServiceParams
		wantReason string
	}{
		{name: "nil params", params: nil, wantReason: "is required"},
		{name: "nil FriendlyName", params: &CreateServiceParams{}, wantReason: "is required"},
		{name: "empty FriendlyName", params: &CreateServiceParams{FriendlyName: Ptr("")}, wantReason: "is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			services, rec := newTestServices(t, serveFile(t, http.StatusCreated, "testdata/service_create.json"))

			svc, err := services.Create(context.Background(), tt.params)
			assert.Nil(t, svc)
			var vErr *ValidationError
			require.ErrorAs(t, err, &vErr)
			assert.Equal(t, "FriendlyName", vErr.Field)
			assert.Equal(t, tt.wantReason, vErr.Reason)
			assert.Empty(t, rec.requests())
		})
	}
}

func TestServicesCreateAPIError(t *testing.T) {
	t.Parallel()
	services, rec := newTestServices(t, respondJSON(http.StatusBadRequest,
		`{"code": 20001, "message": "Missing required parameter FriendlyName", "more_info": "https://www.twilio.com/docs/errors/20001", "status": 400}`))

	svc, err := services.Create(context.Background(), &CreateServiceParams{FriendlyName: Ptr("x")})
	assert.Nil(t, svc)
	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	assert.Equal(t, &APIError{
		Status:     http.StatusBadRequest,
		Code:       20001,
		Message:    "Missing required parameter FriendlyName",
		RawMessage: "Missing required parameter FriendlyName",
		MoreInfo:   "https://www.twilio.com/docs/errors/20001",
		RequestID:  testRequestID,
	}, apiErr)
	assert.Len(t, rec.requests(), 1)
}

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

	page, err := services.ListPage(ctx, &ListServicesParams{PageSize: Ptr(2)})
	pages := walkPages(t, page, err, func(p *ServicePage) (*ServicePage, error) { return services.NextPage(ctx, p) })
	var metas []PageMeta
	for _, page := range pages {
		metas = append(metas, page.Meta)
	}

	assert.Equal(t, sidsN(0, 5), sidsOfPages(pages))
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
	tests := []struct {
		name    string
		page    *ServicePage
		wantErr error
	}{
		{name: "nil page", page: nil},
		{name: "last page", page: &ServicePage{Meta: PageMeta{URL: "/v2/Services?Page=3"}}},
		{name: "next is this page", page: &ServicePage{Meta: PageMeta{URL: "/v2/Services?Page=3", NextPageURL: "/v2/Services?Page=3"}}, wantErr: ErrPageLoop},
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
}
