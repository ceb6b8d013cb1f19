package twiliochat

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// UpdateRoleParams holds the form keys of an Update Role request.
type UpdateRoleParams struct {
	// Permission lists every permission the Role grants after the update,
	// at least one, none empty; it replaces the Role's permissions, so a
	// permission left out is taken away. Each is sent as its own Permission
	// key.
	Permission []string `url:"Permission,omitempty"`
}

// validate checks that p is set and has permissions.
func (p *UpdateRoleParams) validate() error {
	if p == nil {
		return invalid("Permission", "is required")
	}
	return checkPermissions(p.Permission)
}

// checkPermissions requires at least one permission and no empty one, and
// names every empty one by its index.
func checkPermissions(permissions []string) error {
	if len(permissions) == 0 {
		return invalid("Permission", "is required, with at least one permission")
	}
	var empty []string
	for i, p := range permissions {
		if p == "" {
			empty = append(empty, fmt.Sprint(i))
		}
	}
	switch len(empty) {
	case 0:
		return nil
	case 1:
		return invalid("Permission", "item %s is empty", empty[0])
	}
	return invalid("Permission", "items %s are empty", strings.Join(empty, ", "))
}

// Update replaces the permissions of the Role roleSID in the Service
// serviceSID with params.Permission and returns the Role as Twilio stored
// it. Bad SIDs or a missing or bad Permission return a *ValidationError for
// each bad key, joined, before any request is sent; a non-2xx answer returns
// an *APIError, for which IsNotFound reports whether the Role does not
// exist. A Role's name and type cannot be changed.
func (s *RolesService) Update(ctx context.Context, serviceSID, roleSID string, params *UpdateRoleParams) (*Role, error) {
	return postForm[Role](ctx, s.client, rolePath(serviceSID, roleSID), errors.Join(checkRoleSIDs(serviceSID, roleSID), params.validate()), params)
}
