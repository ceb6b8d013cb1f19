package twiliochattest

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// Role types (the spec's role_enum_role_type).
const (
	roleTypeChannel    = spec.RoleTypeChannel
	roleTypeDeployment = spec.RoleTypeDeployment
)

// role is the chat.v2.service.role JSON resource. Permissions is replaced,
// never modified in place, so a shallow copy is a safe snapshot.
type role struct {
	SID          string   `json:"sid"`
	AccountSID   string   `json:"account_sid"`
	ServiceSID   string   `json:"service_sid"`
	FriendlyName string   `json:"friendly_name"`
	Type         string   `json:"type"`
	Permissions  []string `json:"permissions"`
	DateCreated  string   `json:"date_created"`
	DateUpdated  string   `json:"date_updated"`
	URL          string   `json:"url"`
}

// defaultRoles are the roles every new service gets, in creation order. The
// permissions are those Twilio documents; see the package doc for the
// channel admin subset.
var defaultRoles = []struct {
	name, roleType string
	permissions    []string
}{
	{"service admin", roleTypeDeployment, []string{
		"addMember", "createChannel", "deleteAnyMessage", "destroyChannel",
		"editAnyMessage", "editAnyMessageAttributes", "editAnyUserInfo",
		"editChannelAttributes", "editChannelName", "inviteMember",
		"joinChannel", "removeMember",
	}},
	{"service user", roleTypeDeployment, []string{
		"createChannel", "editOwnUserInfo", "joinChannel",
	}},
	{"channel admin", roleTypeChannel, []string{
		"addMember", "deleteAnyMessage", "destroyChannel",
	}},
	{"channel user", roleTypeChannel, []string{
		"sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage",
	}},
}

// SeedRole creates a role named friendlyName of type roleType with
// permissions in the service serviceSID and returns its SID. It returns an
// error when the service does not exist or a Create Role request would
// answer 400.
func (s *Server) SeedRole(serviceSID, friendlyName string, roleType twiliochat.RoleType, permissions ...string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.services.get("", serviceSID) == nil {
		return "", fmt.Errorf("twiliochattest: service %q not found", serviceSID)
	}
	resp := s.seed("CreateRole", map[string]string{"ServiceSid": serviceSID},
		url.Values{spec.KeyFriendlyName: {friendlyName}, spec.KeyType: {string(roleType)}, spec.KeyPermission: permissions})
	if msg, failed := resp.failed(); failed {
		return "", fmt.Errorf("twiliochattest: %s", msg)
	}
	return resp.body.(role).SID, nil
}

// checkRole validates Create Role values and returns why they are invalid,
// or "".
func checkRole(friendlyName, roleType string, permissions []string) string {
	switch {
	case friendlyName == "":
		return "Missing required parameter FriendlyName in the post body"
	case utf8.RuneCountInString(friendlyName) > spec.MaxRoleNameRunes:
		return fmt.Sprintf("Invalid parameter FriendlyName: must be at most %d characters", spec.MaxRoleNameRunes)
	case roleType == "":
		return "Missing required parameter Type in the post body"
	case !slices.Contains(spec.RoleTypes, roleType):
		return fmt.Sprintf("Invalid parameter Type: must be channel or deployment, got %q", roleType)
	}
	return checkPermissions(permissions)
}

// checkPermissions requires at least one non-empty Permission.
func checkPermissions(permissions []string) string {
	if len(permissions) == 0 {
		return "Missing required parameter Permission in the post body"
	}
	if slices.Contains(permissions, "") {
		return "Invalid parameter Permission: must not be empty"
	}
	return ""
}

// checkRoleOf checks v, the value of a role SID key (DefaultChannelRoleSid,
// RoleSid), names a role of roleType in the service serviceSID, and returns
// why it does not, or "".
func (s *Server) checkRoleOf(serviceSID, v, roleType string) string {
	if !spec.IsSID(spec.RoleSIDPrefix, v) {
		return "must match ^RL[0-9a-fA-F]{32}$, got " + strconv.Quote(v)
	}
	r := s.roles.get(serviceSID, v)
	if r == nil {
		return "role " + v + " does not exist in service " + serviceSID
	}
	if r.Type != roleType {
		return "role " + v + " is a " + r.Type + " role, want a " + roleType + " role"
	}
	return ""
}

func (s *Server) listRoles(c *call) response {
	svc := s.serviceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	return pageOf(c, svc.URL+"/Roles", s.roles.list(svc.SID))
}

func (s *Server) createRole(c *call) response {
	svc := s.serviceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	name, nameMsg := single(c.form, spec.KeyFriendlyName)
	roleType, typeMsg := single(c.form, spec.KeyType)
	permissions := c.form[spec.KeyPermission]
	for _, msg := range []string{nameMsg, typeMsg, checkRole(name, roleType, permissions)} {
		if msg != "" {
			return invalidf("%s", msg)
		}
	}
	now := s.timestamp()
	sid := s.ids.next(spec.RoleSIDPrefix)
	r := s.roles.add(svc.SID, sid, "", role{
		SID:          sid,
		AccountSID:   s.account,
		ServiceSID:   svc.SID,
		FriendlyName: name,
		Type:         roleType,
		Permissions:  slices.Clone(permissions),
		DateCreated:  now,
		DateUpdated:  now,
		URL:          svc.URL + "/Roles/" + sid,
	})
	return answer(http.StatusCreated, *r)
}

func (s *Server) fetchRole(c *call) response {
	return found(c, s.roles.get(c.values["ServiceSid"], c.values["Sid"]))
}

func (s *Server) updateRole(c *call) response {
	r := s.roles.get(c.values["ServiceSid"], c.values["Sid"])
	if r == nil {
		return notFound(c.path)
	}
	if msg := checkPermissions(c.form[spec.KeyPermission]); msg != "" {
		return invalidf("%s", msg)
	}
	r.Permissions = slices.Clone(c.form[spec.KeyPermission])
	r.DateUpdated = s.timestamp()
	return answer(http.StatusOK, *r)
}

// deleteRole refuses to delete a role that is one of its service's defaults,
// since the service would then point at a missing role.
func (s *Server) deleteRole(c *call) response {
	serviceSID, sid := c.values["ServiceSid"], c.values["Sid"]
	if s.roles.get(serviceSID, sid) == nil {
		return notFound(c.path)
	}
	svc := s.services.get("", serviceSID)
	if sid == svc.DefaultServiceRoleSID || sid == svc.DefaultChannelRoleSID || sid == svc.DefaultChannelCreatorRoleSID {
		return invalidf("Role %s is a default role of service %s and cannot be deleted", sid, svc.SID)
	}
	s.roles.remove(serviceSID, sid)
	return noContent()
}
