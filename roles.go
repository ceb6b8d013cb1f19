package twiliochat

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// RolesAPI is the set of operations on the Roles of a Chat Service.
// *RolesService implements it; downstream code can depend on RolesAPI and
// substitute a fake in its own unit tests. Methods may be added to RolesAPI
// in minor releases, as Twilio adds operations: a fake that embeds RolesAPI
// keeps compiling.
type RolesAPI interface {
	// Create creates a Role in the Service serviceSID and returns it as
	// Twilio stored it.
	Create(ctx context.Context, serviceSID string, params *CreateRoleParams) (*Role, error)
	// Fetch returns the Role roleSID of the Service serviceSID.
	Fetch(ctx context.Context, serviceSID, roleSID string) (*Role, error)
	// Update replaces the permissions of the Role roleSID and returns it as
	// Twilio stored it.
	Update(ctx context.Context, serviceSID, roleSID string, params *UpdateRoleParams) (*Role, error)
	// Delete deletes the Role roleSID of the Service serviceSID.
	Delete(ctx context.Context, serviceSID, roleSID string) error
	// ListPage returns the first page of the Service's Roles.
	ListPage(ctx context.Context, serviceSID string, params *ListRolesParams) (*RolePage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *RolePage) (*RolePage, error)
	// List returns an iterator over every Role of the Service, page by page.
	List(ctx context.Context, serviceSID string, params *ListRolesParams) iter.Seq2[*Role, error]
}

var _ RolesAPI = (*RolesService)(nil)

// RolesService calls the Chat v2 Roles resource
// (/v2/Services/{ServiceSid}/Roles). Use it through Client.Roles; it is safe
// for concurrent use.
//
// A Role is a named set of permissions. Deployment roles apply to a user
// across the Service; channel roles apply to a member of a channel. Every
// new Service comes with four roles (service admin, service user, channel
// admin, channel user) and names three of them as its defaults
// (Service.DefaultServiceRoleSID, DefaultChannelRoleSID and
// DefaultChannelCreatorRoleSID), which Services.Update changes. The default
// service role must be a deployment role and the two channel defaults
// channel roles, all of the same Service: the client checks only the SIDs'
// form, and Twilio (as twiliochattest) answers 400 otherwise.
type RolesService struct {
	client *Client
}

// identity names the SID that identifies a Role: a decoded one
// without it, such as one decoded from "{}", fails the call.
func (r *Role) identity() identity {
	return identity{Kind: "Role", Key: "sid", Prefix: roleSIDPrefix, SID: r.SID}
}

// check makes the checks the spec cannot state: FriendlyName is not empty
// and at most spec.MaxRoleNameRunes long, no permission is empty.
func (p *CreateRoleParams) check() error {
	return engine.JoinErrors(engine.CheckNotEmpty(keyFriendlyName, p.FriendlyName),
		engine.CheckMaxRunes(keyFriendlyName, p.FriendlyName, spec.MaxRoleNameRunes), checkPermissions(p.Permission))
}

// opCreateRole describes the CreateRole operation (see internal/spec).
var opCreateRole = sendOp[*CreateRoleParams, Role]{spec.Lookup("CreateRole")}

// Create creates a Role in the Service serviceSID and returns it as Twilio
// stored it. FriendlyName, Type and Permission are all required. Make the new
// Role a default role of the Service with Services.Update.
func (s *RolesService) Create(ctx context.Context, serviceSID string, params *CreateRoleParams) (*Role, error) {
	return opCreateRole.call(ctx, s.client, params, serviceSID)
}

// opFetchRole describes the FetchRole operation (see internal/spec).
var opFetchRole = fetchOp[Role]{spec.Lookup("FetchRole")}

// Fetch returns the Role roleSID of the Service serviceSID.
func (s *RolesService) Fetch(ctx context.Context, serviceSID, roleSID string) (*Role, error) {
	return opFetchRole.call(ctx, s.client, serviceSID, roleSID)
}

// check makes the check the spec cannot state: no permission is empty.
func (p *UpdateRoleParams) check() error { return checkPermissions(p.Permission) }

// checkPermissions refuses empty permissions, and names each by its index.
func checkPermissions(permissions []string) error {
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
		return engine.Invalid(keyPermission, "item %s is empty", empty[0])
	}
	return engine.Invalid(keyPermission, "items %s are empty", strings.Join(empty, ", "))
}

// opUpdateRole describes the UpdateRole operation (see internal/spec).
var opUpdateRole = sendOp[*UpdateRoleParams, Role]{spec.Lookup("UpdateRole")}

// Update replaces the permissions of the Role roleSID in the Service
// serviceSID with params.Permission, which is required, and returns the Role
// as Twilio stored it. A Role's name and type cannot be changed.
func (s *RolesService) Update(ctx context.Context, serviceSID, roleSID string, params *UpdateRoleParams) (*Role, error) {
	return opUpdateRole.call(ctx, s.client, params, serviceSID, roleSID)
}

// opDeleteRole describes the DeleteRole operation (see internal/spec).
var opDeleteRole = deleteOp[*noParams]{spec.Lookup("DeleteRole")}

// Delete deletes the Role roleSID of the Service serviceSID. Delete a Role
// only once the Service no longer names it as a default role (twiliochattest
// answers 400 otherwise): point the Service at another Role with
// Services.Update first.
func (s *RolesService) Delete(ctx context.Context, serviceSID, roleSID string) error {
	return opDeleteRole.call(ctx, s.client, nil, serviceSID, roleSID)
}

// RolePage is one page of a Service's Roles list.
type RolePage = Page[Role]

// opListRole describes the ListRole operation (see internal/spec).
var opListRole = listOp[*ListRolesParams, Role]{spec.Lookup("ListRole")}

// ListPage returns the first page of the Roles of the Service serviceSID.
func (s *RolesService) ListPage(ctx context.Context, serviceSID string, params *ListRolesParams) (*RolePage, error) {
	return opListRole.page(ctx, s.client, params, serviceSID)
}

// NextPage returns the Roles page after page, or nil after the last page.
func (s *RolesService) NextPage(ctx context.Context, page *RolePage) (*RolePage, error) {
	return opListRole.next(ctx, s.client, page)
}

// List returns an iterator over every Role of the Service serviceSID.
//
//	for role, err := range client.Roles.List(ctx, serviceSID, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(role.SID, role.Type, role.FriendlyName)
//	}
func (s *RolesService) List(ctx context.Context, serviceSID string, params *ListRolesParams) iter.Seq2[*Role, error] {
	return opListRole.items(ctx, s.client, params, serviceSID)
}
