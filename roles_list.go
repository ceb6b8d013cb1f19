package twiliochat

import (
	"context"
	"iter"
)

// ListRolesParams holds the options of Roles.ListPage and Roles.List:
// PageSize and Limit (see ListParams).
type ListRolesParams = ListParams

// RolePage is one page of a Service's Roles list.
type RolePage struct {
	// Roles are the Roles on this page.
	Roles []Role `json:"roles"`
	// Meta says where this page and its neighbours are.
	Meta PageMeta `json:"meta"`
}

// contents returns the items and meta of p, for the shared pager.
func (p *RolePage) contents() ([]Role, *PageMeta) { return p.Roles, &p.Meta }

// ListPage returns the first page of the Roles of the Service serviceSID. A
// bad serviceSID, PageSize or Limit returns a *ValidationError for each,
// joined, before any request is sent; a non-2xx answer returns an *APIError.
// Use NextPage for the pages after it, or List to range over every Role.
func (s *RolesService) ListPage(ctx context.Context, serviceSID string, params *ListRolesParams) (*RolePage, error) {
	return firstPage[RolePage](ctx, s.client, rolesPath(serviceSID), checkServiceSID(serviceSID), params)
}

// NextPage returns the Roles page after page, following
// page.Meta.NextPageURL, or nil and no error when page is nil or the last
// page. It refuses, without a request, a next page that is page itself
// (ErrPageLoop) or that is off the client's base scheme and host
// (ErrUntrustedURL); a non-2xx answer returns an *APIError.
func (s *RolesService) NextPage(ctx context.Context, page *RolePage) (*RolePage, error) {
	return nextPage[Role](ctx, s.client, page)
}

// List returns an iterator over every Role of the Service serviceSID. It
// walks the pages as ServicesService.List does: nothing is sent until the
// loop starts, a page is fetched only when the loop needs its first Role, a
// break or params.Limit stops it without another request, and ctx is
// checked before each page and each Role.
//
// An error comes at most once, as the last pair: a *ValidationError for a
// bad serviceSID or params (before any request), an *APIError or transport
// error for a failed page, ctx's error once ctx is done, or an error
// wrapping ErrPageLoop or ErrUntrustedURL (no request sent) for a
// next_page_url that repeats a page or leaves the client's host. List does
// not modify params.
//
//	for role, err := range client.Roles.List(ctx, serviceSID, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(role.SID, role.Type, role.FriendlyName)
//	}
func (s *RolesService) List(ctx context.Context, serviceSID string, params *ListRolesParams) iter.Seq2[*Role, error] {
	return listItems[Role, RolePage](ctx, s.client, rolesPath(serviceSID), checkServiceSID(serviceSID), params)
}
