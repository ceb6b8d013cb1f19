package twiliochat

import "context"

// Fetch returns the Service sid. A sid that is not IS followed by 32 hex
// digits returns a *ValidationError before any request is sent; a non-2xx
// answer returns an *APIError, for which IsNotFound reports whether the
// Service does not exist.
func (s *ServicesService) Fetch(ctx context.Context, sid string) (*Service, error) {
	return getResource[Service](ctx, s.client, servicePath(sid), ValidateServiceSID(sid))
}
