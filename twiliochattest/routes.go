package twiliochattest

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// The fake routes a request by the spec's path templates (internal/spec):
// each template is a route, and each of its operations that handlers serves
// is a handler on it. A path that matches no served template answers 404
// (20404); a served template with another method 405 (20004) with an Allow
// header listing its served methods; a path value whose spec gives it a SID
// pattern and that does not match it answers 404, like an unknown SID. A value that may be a unique name or identity is
// handed to the handler decoded, whatever it holds.

// call is one request as a handler sees it.
type call struct {
	// op is the operation the request matched.
	op *spec.Operation
	// path is the request's decoded path, for error messages.
	path string
	// values are the path values by their spec names ("ServiceSid",
	// "ChannelSid", "Sid"), decoded.
	values map[string]string
	query  url.Values
	form   url.Values
	// act is the webhook side of the action, nil when it sends none.
	act *action
}

// handler serves one operation under the Server's lock and returns the
// answer, which is written after the lock is released.
type handler func(s *Server, c *call) response

// route is one path template of the spec.
type route struct {
	// segments are the template's segments: literals, and "" where a
	// value stands.
	segments []string
	params   []spec.PathParam
	ops      map[string]*spec.Operation // by method
	handlers map[string]handler         // by method, the served ones
}

// handlers holds the fake's handler of each operation, by operationId: the
// one table the router reads. TestHandlers holds it to the spec, an
// operation each.
var handlers map[string]handler

// conversationsHandlers is handlers for the Conversations v1 operations,
// by their operationId (internal/convspec), which repeats some of Chat's
// (CreateRole, FetchUser): the second table the router reads.
// TestConversationsHandlers holds it to convspec, an operation each.
var conversationsHandlers map[string]handler

// routes is the route table of the served operations.
var routes []*route

// init fills handlers, in the spec's order, and routes. A variable's
// initializer could not: a handler that seeds (createService seeds the
// default roles) reaches handlers again through serveAction.
func init() {
	handlers = map[string]handler{
		"ListCredential":       (*Server).listCredentials,
		"CreateCredential":     (*Server).createCredential,
		"FetchCredential":      (*Server).fetchCredential,
		"UpdateCredential":     (*Server).updateCredential,
		"DeleteCredential":     (*Server).deleteCredential,
		"ListService":          (*Server).listServices,
		"CreateService":        (*Server).createService,
		"ListBinding":          (*Server).listBindings,
		"FetchBinding":         (*Server).fetchBinding,
		"DeleteBinding":        (*Server).deleteBinding,
		"ListChannel":          (*Server).listChannels,
		"CreateChannel":        (*Server).createChannel,
		"ListInvite":           (*Server).listInvites,
		"CreateInvite":         (*Server).createInvite,
		"FetchInvite":          (*Server).fetchInvite,
		"DeleteInvite":         (*Server).deleteInvite,
		"ListMember":           (*Server).listMembers,
		"CreateMember":         (*Server).createMember,
		"FetchMember":          (*Server).fetchMember,
		"UpdateMember":         (*Server).updateMember,
		"DeleteMember":         (*Server).deleteMember,
		"ListMessage":          (*Server).listMessages,
		"CreateMessage":        (*Server).createMessage,
		"FetchMessage":         (*Server).fetchMessage,
		"UpdateMessage":        (*Server).updateMessage,
		"DeleteMessage":        (*Server).deleteMessage,
		"ListChannelWebhook":   (*Server).listChannelWebhooks,
		"CreateChannelWebhook": (*Server).createChannelWebhook,
		"FetchChannelWebhook":  (*Server).fetchChannelWebhook,
		"UpdateChannelWebhook": (*Server).updateChannelWebhook,
		"DeleteChannelWebhook": (*Server).deleteChannelWebhook,
		"FetchChannel":         (*Server).fetchChannel,
		"UpdateChannel":        (*Server).updateChannel,
		"DeleteChannel":        (*Server).deleteChannel,
		"ListRole":             (*Server).listRoles,
		"CreateRole":           (*Server).createRole,
		"FetchRole":            (*Server).fetchRole,
		"UpdateRole":           (*Server).updateRole,
		"DeleteRole":           (*Server).deleteRole,
		"ListUser":             (*Server).listUsers,
		"CreateUser":           (*Server).createUser,
		"FetchUser":            (*Server).fetchUser,
		"UpdateUser":           (*Server).updateUser,
		"DeleteUser":           (*Server).deleteUser,
		"ListUserBinding":      (*Server).listUserBindings,
		"FetchUserBinding":     (*Server).fetchUserBinding,
		"DeleteUserBinding":    (*Server).deleteUserBinding,
		"ListUserChannel":      (*Server).listUserChannels,
		"FetchUserChannel":     (*Server).fetchUserChannel,
		"UpdateUserChannel":    (*Server).updateUserChannel,
		"DeleteUserChannel":    (*Server).deleteUserChannel,
		"FetchService":         (*Server).fetchService,
		"UpdateService":        (*Server).updateService,
		"DeleteService":        (*Server).deleteService,
		"MigrateChannel":       (*Server).migrateChannel,
	}
	conversationsHandlers = conversationsTable()
	// Chat's paths start /v2/ and /v3/, Conversations' /v1/: no template
	// of one matches a path of the other.
	routes = append(newRoutes(handlers), newRoutesOf(convspec.Operations, conversationsHandlers)...)
}

// newRoutes returns a route for each path template of the Chat spec, with
// the handlers of its operations that handlers holds.
func newRoutes(handlers map[string]handler) []*route {
	return newRoutesOf(spec.Operations, handlers)
}

// newRoutesOf returns a route for each path template of ops, with the
// handlers of its operations that handlers holds.
func newRoutesOf(ops []*spec.Operation, handlers map[string]handler) []*route {
	byPath := map[string]*route{}
	var out []*route
	for _, op := range ops {
		rt := byPath[op.Path]
		if rt == nil {
			rt = &route{params: op.Params, ops: map[string]*spec.Operation{}, handlers: map[string]handler{}}
			for _, seg := range strings.Split(strings.TrimPrefix(op.Path, "/"), "/") {
				if strings.HasPrefix(seg, "{") {
					seg = ""
				}
				rt.segments = append(rt.segments, seg)
			}
			byPath[op.Path] = rt
			out = append(out, rt)
		}
		rt.ops[op.Method] = op
		if h := handlers[op.ID]; h != nil {
			rt.handlers[op.Method] = h
		}
	}
	return out
}

// allow is the Allow header of rt: its served methods.
func (rt *route) allow() string {
	var methods []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodDelete} {
		if rt.handlers[m] != nil {
			methods = append(methods, m)
		}
	}
	return strings.Join(methods, ", ")
}

// match returns the values of the escaped path segments segs when they
// match rt, by the spec's names.
func (rt *route) match(segs []string) (map[string]string, bool) {
	if len(segs) != len(rt.segments) || len(rt.handlers) == 0 {
		return nil, false
	}
	values := make(map[string]string, len(rt.params))
	n := 0
	for i, lit := range rt.segments {
		if lit != "" {
			if segs[i] != lit {
				return nil, false
			}
			continue
		}
		v, err := url.PathUnescape(segs[i])
		if err != nil || v == "" {
			return nil, false
		}
		values[rt.params[n].Name] = v
		n++
	}
	return values, true
}

// resolve finds the handler of r in rts and the call it gets, or the answer
// that refuses r: 404 for a path no served route matches or a SID value that
// does not match its pattern, 405 with Allow for a method the route does not
// serve.
func resolve(rts []*route, r *http.Request, form url.Values) (handler, *call, response) {
	segs := strings.Split(strings.TrimPrefix(r.URL.EscapedPath(), "/"), "/")
	for _, rt := range rts {
		values, ok := rt.match(segs)
		if !ok {
			continue
		}
		h := rt.handlers[r.Method]
		if h == nil {
			refusal := twilioError(http.StatusMethodNotAllowed, 20004, "Method not allowed")
			refusal.allow = rt.allow()
			return nil, nil, refusal
		}
		for _, p := range rt.params {
			if !p.Names && !spec.IsSID(p.Prefix, values[p.Name]) {
				return nil, nil, notFound(r.URL.Path)
			}
		}
		return h, &call{op: rt.ops[r.Method], path: r.URL.Path, values: values, query: r.URL.Query(), form: form,
			act: restAction(rt.ops[r.Method], r.Header)}, response{}
	}
	return nil, nil, notFound(r.URL.Path)
}

// route serves an authenticated request.
func (s *Server) route(w http.ResponseWriter, r *http.Request, form url.Values) {
	h, c, refusal := resolve(routes, r, form)
	if h == nil {
		refusal.write(w)
		return
	}
	if refusal, bad := checkWebhookHeader(c.op, r.Header); bad {
		refusal.write(w)
		return
	}
	if refusal, bad := undeclaredKey(c); bad {
		refusal.write(w)
		return
	}
	s.mu.Lock()
	resp := h(s, c)
	s.finish(c.act)
	s.unlockAndDeliver(nil)
	s.queue(c)
	resp.write(w)
}

// seed serves the operation id, a Create, with values and form as if it
// came over HTTP, without recording it: the Seed methods create through the
// same path as requests. The caller holds s.mu.
func (s *Server) seed(id string, values map[string]string, form url.Values) response {
	return s.serveAction(id, values, form, nil)
}

// serveAction is seed for an action that sends its post-event webhooks
// (see action), such as an SDKClient's. The caller holds s.mu.
func (s *Server) serveAction(id string, values map[string]string, form url.Values, act *action) response {
	op := spec.Lookup(id)
	h := handlers[id]
	if h == nil {
		panic("twiliochattest: no handler for " + id) // a bug in this package
	}
	// The path, for a not-found message, is the request's that would do
	// the same.
	path := op.Path
	for name, v := range values {
		path = strings.ReplaceAll(path, "{"+name+"}", url.PathEscape(v))
	}
	return h(s, &call{op: op, path: path, values: values, query: url.Values{}, form: form, act: act})
}
