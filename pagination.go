package twiliochat

import "github.com/e3f0929f/twiliochat/internal/engine"

// PageMeta is the "meta" object of every list page Twilio returns: where
// this page is, where the pages around it are, and under which JSON key the
// page holds its items (see its fields). Package conversations' pages have
// the same.
type PageMeta = engine.PageMeta

// ErrPageLoop is the cause of the error a list returns when Twilio's
// next_page_url points back to a page already read, or leads to a page that
// holds the same items, in any order, as a page already read (the same page
// under a new URL): either would repeat items for ever.
var ErrPageLoop = engine.ErrPageLoop

// Page is one page of a list: its items and where it is. Every list's page
// type is a Page (ServicePage is Page[Service], RolePage is Page[Role]).
type Page[T any] struct {
	// Items are the items on this page, decoded from the JSON key that
	// Meta.Key names ("services", "roles").
	Items []T
	// Meta says where this page and its neighbours are.
	Meta PageMeta
}
