package twiliochat

import (
	"context"
	"iter"
	"net/http"
)

// servicesPath is the path of the Services list.
const servicesPath = "/v2/Services"

// ListServicesParams holds the options of ListPage and List. The zero value
// (or a nil *ListServicesParams) lists every Service in pages of Twilio's
// default size (50).
//
// There is no Page or PageToken: Twilio issues them inside each page's
// Meta.NextPageURL, which NextPage and List follow.
type ListServicesParams struct {
	// PageSize is how many Services each page holds, from 1 to 100. When it
	// is nil and Limit is set, pages hold Limit Services (at most 100).
	PageSize *int
	// Limit makes List stop after this many Services; 0 lists them all. It
	// must not be negative. It is not sent to Twilio: ListPage uses it only
	// to choose the page size, as above.
	Limit int
}

// target validates p and returns the target of the first page.
func (p *ListServicesParams) target() (string, error) {
	if p == nil {
		return servicesPath, nil
	}
	return listTarget(servicesPath, p.PageSize, p.Limit)
}

// limit is the Limit of p, 0 for a nil p.
func (p *ListServicesParams) limit() int {
	if p == nil {
		return 0
	}
	return p.Limit
}

// ServicePage is one page of the Services list.
type ServicePage struct {
	// Services are the Services on this page.
	Services []Service `json:"services"`
	// Meta says where this page and its neighbours are.
	Meta PageMeta `json:"meta"`
}

// ListPage returns the first page of the Services list. A bad PageSize or
// Limit returns a *ValidationError before any request is sent; a non-2xx
// answer returns an *APIError. Use NextPage for the pages after it, or List
// to range over every Service.
func (s *ServicesService) ListPage(ctx context.Context, params *ListServicesParams) (*ServicePage, error) {
	target, err := params.target()
	if err != nil {
		return nil, err
	}
	return s.page(ctx, target)
}

// NextPage returns the page after page, following page.Meta.NextPageURL. It
// returns nil and no error when page is nil or the last page. It returns an
// error wrapping ErrPageLoop when the next page is page itself, and an error
// wrapping ErrUntrustedURL, without sending a request, when the URL is not on
// the client's base scheme and host; a non-2xx answer returns an *APIError.
func (s *ServicesService) NextPage(ctx context.Context, page *ServicePage) (*ServicePage, error) {
	if page == nil {
		return nil, nil
	}
	target, err := page.Meta.next()
	if err != nil || target == "" {
		return nil, err
	}
	return s.page(ctx, target)
}

// List returns an iterator over every Service, page by page. It sends no
// request until ranged over, and fetches the next page only when the caller
// has taken the last Service of a page; breaking out of the loop sends no
// further request. It stops after params.Limit Services when Limit is set.
//
// The iterator yields an error at most once, as its last pair, and then
// stops: a *ValidationError for bad params (before any request), an
// *APIError or transport error for a failed page, ctx's error once ctx is
// done (checked before each page and each Service), an error wrapping
// ErrPageLoop when a next_page_url repeats a page, and an error wrapping
// ErrUntrustedURL, without a request, for a next_page_url off the client's
// base scheme and host. A page without Services ends the list. List does not
// modify params.
//
//	for svc, err := range client.Services.List(ctx, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(svc.SID, svc.FriendlyName)
//	}
func (s *ServicesService) List(ctx context.Context, params *ListServicesParams) iter.Seq2[*Service, error] {
	target, err := params.target()
	if err != nil {
		return errorSeq[Service](err)
	}
	return paginate(ctx, target, params.limit(), func(ctx context.Context, target string) ([]Service, *PageMeta, error) {
		page, err := s.page(ctx, target)
		if err != nil {
			return nil, nil, err
		}
		return page.Services, &page.Meta, nil
	})
}

// page fetches the Services page at target.
func (s *ServicesService) page(ctx context.Context, target string) (*ServicePage, error) {
	return doJSON[ServicePage](ctx, s.client, &request{method: http.MethodGet, target: target})
}
