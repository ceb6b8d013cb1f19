package twiliochat

import "context"

// Delete deletes the Role roleSID of the Service serviceSID. Bad SIDs return
// a *ValidationError (field ServiceSid or Sid) before any request is sent; a
// non-2xx answer returns an *APIError, for which IsNotFound reports whether
// the Role does not exist. Delete a Role only once the Service no longer
// names it as a default role (twiliochattest answers 400 otherwise): point
// the Service at another Role with Services.Update first.
func (s *RolesService) Delete(ctx context.Context, serviceSID, roleSID string) error {
	return deleteResource(ctx, s.client, rolePath(serviceSID, roleSID), checkRoleSIDs(serviceSID, roleSID))
}
