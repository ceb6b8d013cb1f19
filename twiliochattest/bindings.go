package twiliochattest

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// binding is a push notification binding as the fake stores it, under its
// service: the chat.v2.service.binding JSON resource, which bindingView
// answers under the service and userBindingView under its user. MessageTypes
// is replaced, never modified in place, so a shallow copy is a safe
// snapshot.
type binding struct {
	SID           string        `json:"sid"`
	AccountSID    string        `json:"account_sid"`
	ServiceSID    string        `json:"service_sid"`
	DateCreated   string        `json:"date_created"`
	DateUpdated   string        `json:"date_updated"`
	Endpoint      string        `json:"endpoint"`
	Identity      string        `json:"identity"`
	UserSID       string        `json:"user_sid,omitempty"` // under the user only
	CredentialSID *string       `json:"credential_sid"`
	BindingType   string        `json:"binding_type"`
	MessageTypes  []string      `json:"message_types"`
	URL           string        `json:"url"`
	Links         *bindingLinks `json:"links,omitempty"` // under the service only
}

// bindingLinks is the "links" object of a binding answered under its
// service.
type bindingLinks struct {
	User string `json:"user"`
}

// defaultMessageTypes are the push types a seeded binding subscribes to:
// every notification a service sends.
var defaultMessageTypes = []string{"removed_from_channel", "new_message", "added_to_channel", "invited_to_channel"}

// SeedBinding registers the device endpoint of the user identity for push
// notifications of bindingType in the service serviceSID, as a Chat client
// SDK does when it logs in, and returns the binding's SID: there is no REST
// request that creates a binding. The binding subscribes to every push
// type, and has no credential_sid. The user is created when the service
// has none with identity, as Twilio creates it when a client logs in.
// SeedBinding returns an error when the service does not exist, bindingType
// is not one of the three, endpoint is empty or the user cannot be created.
func (s *Server) SeedBinding(serviceSID, identity, endpoint string, bindingType twiliochat.BindingType) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	svc := s.services.get("", serviceSID)
	switch {
	case svc == nil:
		return "", fmt.Errorf("twiliochattest: service %q not found", serviceSID)
	case !slices.Contains(spec.BindingTypes, string(bindingType)):
		return "", fmt.Errorf("twiliochattest: binding type %q is not one of %s", bindingType, strings.Join(spec.BindingTypes, ", "))
	case endpoint == "":
		return "", fmt.Errorf("twiliochattest: empty endpoint")
	}
	if u, refusal := s.userOrNew(svc, identity); u == nil {
		msg, _ := refusal.failed()
		return "", fmt.Errorf("twiliochattest: %s", msg)
	}
	now := s.timestamp()
	sid := s.ids.next(spec.BindingSIDPrefix)
	s.bindings.add(svc.SID, sid, "", binding{
		SID:          sid,
		AccountSID:   s.account,
		ServiceSID:   svc.SID,
		DateCreated:  now,
		DateUpdated:  now,
		Endpoint:     endpoint,
		Identity:     identity,
		BindingType:  string(bindingType),
		MessageTypes: defaultMessageTypes,
	})
	return sid, nil
}

// bindingView is b as it is answered under its service svc.
func bindingView(svc *service, b binding) binding {
	b.URL = svc.URL + "/Bindings/" + b.SID
	b.Links = &bindingLinks{User: svc.URL + "/Users/" + url.PathEscape(b.Identity)}
	return b
}

// userBindingView is b as it is answered under its user u.
func userBindingView(u *user, b binding) binding {
	b.UserSID = u.SID
	b.URL = u.URL + "/Bindings/" + b.SID
	return b
}

// userBindings returns the bindings of the user u, in creation order.
func (s *Server) userBindings(u *user) []binding {
	return slices.DeleteFunc(s.bindings.list(u.ServiceSID), func(b binding) bool { return b.Identity != u.Identity })
}

// removeBindings deletes the bindings of the user u: Delete User calls it.
func (s *Server) removeBindings(u *user) {
	for _, b := range s.userBindings(u) {
		s.bindings.remove(u.ServiceSID, b.SID)
	}
}

// filterBindings keeps the bindings of the types the BindingType keys of
// c's query name, or all of them; a type that is not one of the spec's
// answers 400.
func filterBindings(c *call, bindings []binding) ([]binding, response, bool) {
	if refusal, bad := enumFilter(c.query, spec.KeyBindingType, spec.BindingTypes); bad {
		return nil, refusal, true
	}
	return filterBy(bindings, c.query, spec.KeyBindingType, func(b binding) string { return b.BindingType }), response{}, false
}

func (s *Server) fetchBinding(c *call) response {
	b := s.bindings.get(c.values["ServiceSid"], c.values["Sid"])
	if b == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, bindingView(s.services.get("", b.ServiceSID), *b))
}

func (s *Server) deleteBinding(c *call) response {
	if !s.bindings.remove(c.values["ServiceSid"], c.values["Sid"]) {
		return notFound(c.path)
	}
	return noContent()
}

// listBindings lists the service's bindings, filtered by any number of
// BindingType and Identity keys.
func (s *Server) listBindings(c *call) response {
	svc := s.serviceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	bindings, refusal, bad := filterBindings(c, s.bindings.list(svc.SID))
	if bad {
		return refusal
	}
	bindings = filterBy(bindings, c.query, spec.KeyIdentity, func(b binding) string { return b.Identity })
	for i := range bindings {
		bindings[i] = bindingView(svc, bindings[i])
	}
	return pageOf(c, svc.URL+"/Bindings", bindings)
}

// userBindingOf returns the user c addresses, by SID or identity, and its
// binding c addresses, or nil when either does not exist.
func (s *Server) userBindingOf(c *call) (*user, *binding) {
	u := s.userOf(c)
	if u == nil {
		return nil, nil
	}
	b := s.bindings.get(u.ServiceSID, c.values["Sid"])
	if b == nil || b.Identity != u.Identity {
		return u, nil
	}
	return u, b
}

func (s *Server) fetchUserBinding(c *call) response {
	u, b := s.userBindingOf(c)
	if b == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, userBindingView(u, *b))
}

func (s *Server) deleteUserBinding(c *call) response {
	u, b := s.userBindingOf(c)
	if b == nil {
		return notFound(c.path)
	}
	s.bindings.remove(u.ServiceSID, b.SID)
	return noContent()
}

// listUserBindings lists the user's bindings, filtered by any number of
// BindingType keys.
func (s *Server) listUserBindings(c *call) response {
	u := s.userOf(c)
	if u == nil {
		return notFound(c.path)
	}
	bindings, refusal, bad := filterBindings(c, s.userBindings(u))
	if bad {
		return refusal
	}
	for i := range bindings {
		bindings[i] = userBindingView(u, bindings[i])
	}
	return pageOf(c, u.URL+"/Bindings", bindings)
}
