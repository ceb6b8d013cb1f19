package twiliochattest

import (
	"net/http"
	"net/url"
	"strings"
)

// route dispatches an authenticated request to its handler. Unknown paths
// answer 404 (20404), known paths with another method 405 (20004), and
// malformed or unknown SIDs 404 like Twilio.
func (s *Server) route(w http.ResponseWriter, r *http.Request, form url.Values) {
	seg := strings.Split(strings.TrimPrefix(r.URL.EscapedPath(), "/"), "/")
	if len(seg) < 2 || seg[0] != "v2" || seg[1] != "Services" || len(seg) > 5 || (len(seg) == 4 && seg[3] != "Roles") {
		errNotFound(w, r.URL.Path)
		return
	}
	switch len(seg) {
	case 2:
		switch r.Method {
		case http.MethodGet:
			s.listServices(w, r)
		case http.MethodPost:
			s.createService(w, form)
		default:
			errMethod(w, "GET, POST")
		}
	case 3:
		switch r.Method {
		case http.MethodGet:
			s.fetchService(w, r, seg[2])
		case http.MethodPost:
			s.updateService(w, r, seg[2], form)
		case http.MethodDelete:
			s.deleteService(w, r, seg[2])
		default:
			errMethod(w, "GET, POST, DELETE")
		}
	case 4:
		switch r.Method {
		case http.MethodGet:
			s.listRoles(w, r, seg[2])
		case http.MethodPost:
			s.createRole(w, r, seg[2], form)
		default:
			errMethod(w, "GET, POST")
		}
	case 5:
		switch r.Method {
		case http.MethodGet:
			s.fetchRole(w, r, seg[2], seg[4])
		case http.MethodPost:
			s.updateRole(w, r, seg[2], seg[4], form)
		case http.MethodDelete:
			s.deleteRole(w, r, seg[2], seg[4])
		default:
			errMethod(w, "GET, POST, DELETE")
		}
	}
}

// unknownKey returns the first key of form (in sorted order) that is not in
// allowed, or "".
func unknownKey(form url.Values, allowed map[string]bool) string {
	var bad string
	for k := range form {
		if !allowed[k] && (bad == "" || k < bad) {
			bad = k
		}
	}
	return bad
}
