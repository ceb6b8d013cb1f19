package twiliochat

import (
	"context"
	"errors"
	"iter"
	"net/url"
	"time"
)

// RolesAPI is the set of operations on the Roles of a Chat Service.
// *RolesService implements it; downstream code can depend on RolesAPI and
// substitute a fake in its own unit tests.
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
// across the Service; channel roles apply to a member of a channel. A
// Service's default roles (Service.DefaultServiceRoleSID,
// DefaultChannelRoleSID and DefaultChannelCreatorRoleSID) are set with
// Services.Update.
type RolesService struct {
	client *Client
}

// RoleType is the type of a Role: RoleTypeChannel or RoleTypeDeployment. A
// type Twilio adds later decodes as its own string, without an error.
type RoleType string

// The Role types Twilio defines.
const (
	// RoleTypeChannel is a role a member holds in a channel.
	RoleTypeChannel RoleType = "channel"
	// RoleTypeDeployment is a role a user holds across the Service.
	RoleTypeDeployment RoleType = "deployment"
)

// Role is a Chat v2 Role resource: a named set of permissions in a Service.
// Fields that Twilio sends as JSON null decode to their zero value; fields
// Twilio adds later are ignored. An answer whose sid is missing or is not a
// Role SID fails the call with a *DecodeError.
type Role struct {
	// SID is the Role's unique ID (RL followed by 32 hex digits).
	SID string `json:"sid"`
	// AccountSID is the Account that created the Role.
	AccountSID string `json:"account_sid"`
	// ServiceSID is the Service the Role belongs to.
	ServiceSID string `json:"service_sid"`
	// FriendlyName is the name given to the Role.
	FriendlyName string `json:"friendly_name"`
	// Type says whether the Role is a channel or a deployment role.
	Type RoleType `json:"type"`
	// Permissions lists the permissions the Role grants, such as
	// "sendMessage".
	Permissions []string `json:"permissions"`
	// DateCreated is when the Role was created.
	DateCreated time.Time `json:"date_created"`
	// DateUpdated is when the Role was last updated.
	DateUpdated time.Time `json:"date_updated"`
	// URL is the absolute URL of the Role resource.
	URL string `json:"url"`
}

// checkDecoded rejects a decoded Role that has no usable SID, such as one
// decoded from "{}".
func (r *Role) checkDecoded() error {
	return checkDecodedSID("Role", roleSIDPrefix, r.SID)
}

// rolesPath is the path of the Roles list of the Service serviceSID,
// escaped.
func rolesPath(serviceSID string) string {
	return servicePath(serviceSID) + "/Roles"
}

// rolePath is the path of the Role roleSID, escaped.
func rolePath(serviceSID, roleSID string) string {
	return rolesPath(serviceSID) + "/" + url.PathEscape(roleSID)
}

// checkServiceSID checks the ServiceSid path parameter of a Roles call.
func checkServiceSID(serviceSID string) error {
	return checkSID("ServiceSid", serviceSIDPrefix, serviceSID)
}

// checkRoleSIDs checks both path parameters of a call on one Role and
// reports every bad one.
func checkRoleSIDs(serviceSID, roleSID string) error {
	return errors.Join(checkServiceSID(serviceSID), ValidateRoleSID(roleSID))
}
