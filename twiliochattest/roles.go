package twiliochattest

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"unicode/utf8"
)

// Role types (the spec's role_enum_role_type).
const (
	roleTypeChannel    = "channel"
	roleTypeDeployment = "deployment"
)

// maxRoleNameLength is the FriendlyName limit from the Create Role docs.
const maxRoleNameLength = 64

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

// SeedRole creates a role in the service serviceSID without an HTTP request
// and returns its SID. roleType is "channel" or "deployment". It returns an
// error when the service does not exist or an argument would make Create
// Role answer 400.
func (s *Server) SeedRole(serviceSID, friendlyName, roleType string, permissions ...string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.findService(serviceSID)
	if e == nil {
		return "", fmt.Errorf("twiliochattest: service %q not found", serviceSID)
	}
	if msg := checkRole(friendlyName, roleType, permissions); msg != "" {
		return "", fmt.Errorf("twiliochattest: %s", msg)
	}
	return s.addRole(e, friendlyName, roleType, permissions).SID, nil
}

// checkRole validates Create Role values and returns why they are invalid,
// or "".
func checkRole(friendlyName, roleType string, permissions []string) string {
	switch {
	case friendlyName == "":
		return "Missing required parameter FriendlyName in the post body"
	case utf8.RuneCountInString(friendlyName) > maxRoleNameLength:
		return fmt.Sprintf("Invalid parameter FriendlyName: must be at most %d characters", maxRoleNameLength)
	case roleType == "":
		return "Missing required parameter Type in the post body"
	case roleType != roleTypeChannel && roleType != roleTypeDeployment:
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

// addRole stores a new role in e. The caller holds s.mu.
func (s *Server) addRole(e *serviceEntry, friendlyName, roleType string, permissions []string) *role {
	now := s.timestamp()
	sid := s.ids.next("RL")
	r := &role{
		SID:          sid,
		AccountSID:   s.account,
		ServiceSID:   e.svc.SID,
		FriendlyName: friendlyName,
		Type:         roleType,
		Permissions:  slices.Clone(permissions),
		DateCreated:  now,
		DateUpdated:  now,
		URL:          e.svc.URL + "/Roles/" + sid,
	}
	e.roles[sid] = r
	e.roleOrder = append(e.roleOrder, sid)
	return r
}

// findRole returns the service and role, or nils when either SID is
// malformed or unknown. The caller holds s.mu.
func (s *Server) findRole(serviceSID, sid string) (*serviceEntry, *role) {
	e := s.findService(serviceSID)
	if e == nil || !roleSIDPattern.MatchString(sid) || e.roles[sid] == nil {
		return nil, nil
	}
	return e, e.roles[sid]
}

func (s *Server) listRoles(w http.ResponseWriter, r *http.Request, serviceSID string) {
	s.mu.Lock()
	e := s.findService(serviceSID)
	if e == nil {
		s.mu.Unlock()
		errNotFound(w, r.URL.Path)
		return
	}
	items := make([]role, 0, len(e.roleOrder))
	for _, sid := range e.roleOrder {
		items = append(items, *e.roles[sid])
	}
	listURL := e.svc.URL + "/Roles"
	s.mu.Unlock()
	writePage(w, r, listURL, "roles", items)
}

func (s *Server) createRole(w http.ResponseWriter, r *http.Request, serviceSID string, form url.Values) {
	s.withLock(w, func() reply {
		e := s.findService(serviceSID)
		if e == nil {
			return replyNotFound(r.URL.Path)
		}
		if k := unknownKey(form, map[string]bool{"FriendlyName": true, "Type": true, "Permission": true}); k != "" {
			return replyInvalid("Unknown parameter %s", k)
		}
		name, nameMsg := single(form, "FriendlyName")
		roleType, typeMsg := single(form, "Type")
		for _, msg := range []string{nameMsg, typeMsg, checkRole(name, roleType, form["Permission"])} {
			if msg != "" {
				return replyInvalid("%s", msg)
			}
		}
		return replyJSON(http.StatusCreated, *s.addRole(e, name, roleType, form["Permission"]))
	})
}

func (s *Server) fetchRole(w http.ResponseWriter, r *http.Request, serviceSID, sid string) {
	s.withLock(w, func() reply {
		_, ro := s.findRole(serviceSID, sid)
		if ro == nil {
			return replyNotFound(r.URL.Path)
		}
		return replyJSON(http.StatusOK, *ro)
	})
}

func (s *Server) updateRole(w http.ResponseWriter, r *http.Request, serviceSID, sid string, form url.Values) {
	s.withLock(w, func() reply {
		_, ro := s.findRole(serviceSID, sid)
		if ro == nil {
			return replyNotFound(r.URL.Path)
		}
		if k := unknownKey(form, map[string]bool{"Permission": true}); k != "" {
			return replyInvalid("Unknown parameter %s", k)
		}
		if msg := checkPermissions(form["Permission"]); msg != "" {
			return replyInvalid("%s", msg)
		}
		ro.Permissions = slices.Clone(form["Permission"])
		ro.DateUpdated = s.timestamp()
		return replyJSON(http.StatusOK, *ro)
	})
}

// deleteRole refuses to delete a role that is one of its service's defaults,
// since the service would then point at a missing role.
func (s *Server) deleteRole(w http.ResponseWriter, r *http.Request, serviceSID, sid string) {
	s.withLock(w, func() reply {
		e, ro := s.findRole(serviceSID, sid)
		if ro == nil {
			return replyNotFound(r.URL.Path)
		}
		if sid == e.svc.DefaultServiceRoleSID || sid == e.svc.DefaultChannelRoleSID || sid == e.svc.DefaultChannelCreatorRoleSID {
			return replyInvalid("Role %s is a default role of service %s and cannot be deleted", sid, e.svc.SID)
		}
		delete(e.roles, sid)
		e.roleOrder = slices.DeleteFunc(e.roleOrder, func(x string) bool { return x == sid })
		return replyNoContent()
	})
}
