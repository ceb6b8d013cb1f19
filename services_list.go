package twiliochat

import (
	"context"
	"iter"
)

// servicesPath is the path of the Services list.
const servicesPath = "/v2/Services"

// ListServicesParams holds the options of Services.ListPage and
// Services.List: PageSize and Limit (see ListParams).
type ListServicesParams = ListParams

// ServicePage is one page of the Services list.
type ServicePage struct {
	// Services are the Services on this page.
	Services []Service `json:"services"`
	// Meta says where this page and its neighbours are.
	Meta PageMeta `json:"meta"`
}

// contents returns the items and meta of p, for the shared pager.
func (p *ServicePage) contents() ([]Service, *PageMeta) { return p.Services, &p.Meta }

// ListPage returns the first page of the Services list. A bad PageSize or
// Limit returns a *ValidationError before any request is sent; a non-2xx
// answer returns an *APIError. Use NextPage for the pages after it, or List
// to range over every Service.
func (s *ServicesService) ListPage(ctx context.Context, params *ListServicesParams) (*ServicePage, error) {
	return firstPage[ServicePage](ctx, s.client, servicesPath, nil, params)
}

// NextPage returns the page after page, following page.Meta.NextPageURL. It
// returns nil and no error when page is nil or the last page. It returns an
// error wrapping ErrPageLoop when the next page is page itself, and an error
// wrapping ErrUntrustedURL, without sending a request, when the URL is not on
// the client's base scheme and host; a non-2xx answer returns an *APIError.
func (s *ServicesService) NextPage(ctx context.Context, page *ServicePage) (*ServicePage, error) {
	return nextPage[Service](ctx, s.client, page)
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
	return listItems[Service, ServicePage](ctx, s.client, servicesPath, nil, params)
}
