package twiliochat

import "context"

// Delete deletes the Service sid and everything in it. A sid that is not IS
// followed by 32 hex digits returns a *ValidationError before any request is
// sent; a non-2xx answer returns an *APIError, for which IsNotFound reports
// whether the Service does not exist.
func (s *ServicesService) Delete(ctx context.Context, sid string) error {
	return deleteResource(ctx, s.client, servicePath(sid), ValidateServiceSID(sid))
}
