package twiliochat

import "context"

// Fetch returns the Role roleSID of the Service serviceSID. A serviceSID
// that is not IS followed by 32 hex digits, or a roleSID that is not RL
// followed by 32 hex digits, returns a *ValidationError (field ServiceSid or
// Sid) before any request is sent; a non-2xx answer returns an *APIError,
// for which IsNotFound reports whether the Role does not exist.
func (s *RolesService) Fetch(ctx context.Context, serviceSID, roleSID string) (*Role, error) {
	return getResource[Role](ctx, s.client, rolePath(serviceSID, roleSID), checkRoleSIDs(serviceSID, roleSID))
}
