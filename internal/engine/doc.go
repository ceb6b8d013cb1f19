// Package engine is what every API client of the module shares: the typed
// operations (Fetch, Send, Delete, ListPage, NextPage, Items) over the
// operations tables of internal/spec and internal/convspec, the checks
// that validate params before any request, the form encoder, and the
// pager. Package twiliochat (Chat v2) and package conversations
// (Conversations v1) declare their params and resource types and call it;
// package twiliochat's Client sends the requests as a Caller.
//
// Its exported names are for those packages only. The root package
// re-exports the ones users see (ValidationError, PageMeta, ErrPageLoop)
// as aliases, so that errors.As and errors.Is work across both APIs.
package engine
