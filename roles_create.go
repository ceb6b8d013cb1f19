package twiliochat

import (
	"context"
	"errors"
	"unicode/utf8"
)

// maxRoleNameRunes is the longest FriendlyName Twilio accepts for a Role,
// in characters (runes, not bytes).
const maxRoleNameRunes = 64

// CreateRoleParams holds the form keys of a Create Role request. Every field
// is required.
type CreateRoleParams struct {
	// FriendlyName is a descriptive name for the new Role: not empty and at
	// most 64 characters, counted as runes ("é" is one).
	FriendlyName *string `url:"FriendlyName,omitempty"`
	// Type is RoleTypeChannel or RoleTypeDeployment.
	Type *RoleType `url:"Type,omitempty"`
	// Permission lists the permissions the Role grants, at least one, none
	// empty; each is sent as its own Permission key. Which permissions
	// Twilio accepts depends on Type.
	Permission []string `url:"Permission,omitempty"`
}

// validate checks every field and returns all the problems it finds,
// joined, or nil.
func (p *CreateRoleParams) validate() error {
	if p == nil {
		return errors.Join(
			checkRoleName(nil),
			invalid("Type", "is required"),
			invalid("Permission", "is required"),
		)
	}
	errs := []error{checkRoleName(p.FriendlyName)}
	switch t := p.Type; {
	case t == nil:
		errs = append(errs, invalid("Type", "is required"))
	case *t != RoleTypeChannel && *t != RoleTypeDeployment:
		errs = append(errs, invalid("Type", "%s is not %q or %q", quoteShort(string(*t)), RoleTypeChannel, RoleTypeDeployment))
	}
	errs = append(errs, checkPermissions(p.Permission))
	return errors.Join(errs...)
}

// checkRoleName checks the FriendlyName of a new Role: set, not empty, and
// at most maxRoleNameRunes runes long.
func checkRoleName(name *string) error {
	if err := checkFriendlyName(name); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(*name); n > maxRoleNameRunes {
		return invalid("FriendlyName", "is %d characters (runes) long, the most is %d", n, maxRoleNameRunes)
	}
	return nil
}

// Create creates a Role in the Service serviceSID and returns it as Twilio
// stored it. A serviceSID that is not IS followed by 32 hex digits, or a
// missing or bad FriendlyName, Type or Permission, returns a
// *ValidationError for each bad key, joined, before any request is sent; a
// non-2xx answer returns an *APIError. Make the new Role a default role of
// the Service with Services.Update.
func (s *RolesService) Create(ctx context.Context, serviceSID string, params *CreateRoleParams) (*Role, error) {
	return postForm[Role](ctx, s.client, rolesPath(serviceSID), errors.Join(checkServiceSID(serviceSID), params.validate()), params)
}
