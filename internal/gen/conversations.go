package main

// Package conversations: the Conversations v1 client, written whole from
// the spec but for its hand-written rules (client.go, ops.go, checks.go).
// An operation on a named Service (CreateServiceConversationMessage) and
// its twin on the account's default Service (CreateConversationMessage)
// are one method of one resource type, taking one params type: the
// resource knows which Service it addresses.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// convDir is package conversations' directory, relative to internal/spec.
const convDir = rootDir + "conversations/"

// servicePrefix starts the path of every operation on a named Service.
const servicePrefix = "/v1/Services/{ChatServiceSid}/"

// convTarget is package conversations.
func convTarget() *target {
	return &target{pkg: "conversations", dir: convDir, specPkg: "convspec",
		groupNames: convGroupNames, typeDocs: convTypeDocs, resultTypes: map[string]string{},
		resultDocs: convResultDocs, resultFields: convResultFields, keyChecks: convKeyChecks}
}

// convResource is one resource type of package conversations and its
// operations.
type convResource struct {
	convResourceDoc
	ops    []*convOp
	scope  string // "both" (default and named Service), "account" or "service"
	result *resultType
	file   string
	types  []*paramsType
}

// convOp is an operation of a resource: on the default Service or the
// account (def), on a named Service (svc), or both.
type convOp struct {
	verb     string // Create, Fetch, Update, Delete, List
	method   string // the Go method: Create, CreateWithParticipants, List
	def, svc *op
	params   *paramsType // nil when it takes none
	suffix   string      // the method's suffix after the verb
}

// first is the operation's description: its default-Service one, or its
// named-Service one when it has no other.
func (c *convOp) first() *op {
	if c.def != nil {
		return c.def
	}
	return c.svc
}

// generateConversations returns the files of package conversations, by
// name relative to internal/spec.
func generateConversations(sources []source) (map[string][]byte, error) {
	s, collections, err := parse(sources)
	if err != nil {
		return nil, err
	}
	s.tg = convTarget()
	s.colls = collections
	resources, err := s.convResources()
	if err != nil {
		return nil, err
	}
	writers := map[string]func(*bytes.Buffer){
		convDir + "enums_gen.go":  s.writeConvEnums,
		convDir + "client_gen.go": func(b *bytes.Buffer) { s.writeConvClient(b, resources) },
	}
	for _, r := range resources {
		writers[convDir+r.file] = func(b *bytes.Buffer) { s.writeConvResource(b, r) }
	}
	return formatAll(writers)
}

// twinOf returns the default-Service twin's operationId and path of the
// named-Service operation o, or "" when o has none by its name.
func twinOf(o *op) (id, path string) {
	rest, ok := strings.CutPrefix(o.path, servicePrefix)
	if !ok {
		return "", ""
	}
	for _, v := range verbs {
		if noun, ok := strings.CutPrefix(o.id, v+"Service"); ok {
			return v + noun, "/v1/" + rest
		}
	}
	return "", ""
}

// sameKeys reports how the keys of twins a and b differ, "" when they do
// not: the same keys of the same kinds (the spec's form order may differ;
// the params type's fields follow a's).
func sameKeys(a, b *op) string {
	desc := func(o *op) []string {
		var out []string
		for _, k := range o.keys {
			row := fmt.Sprintf("%s %s %s req=%v null=%v enum=%s prefix=%s pattern=%s", k.name, k.in, k.typ, k.required, k.nullable, k.enumType, k.prefix, k.pattern)
			if k.min != nil {
				row += fmt.Sprintf(" min=%d", *k.min)
			}
			if k.max != nil {
				row += fmt.Sprintf(" max=%d", *k.max)
			}
			out = append(out, row)
		}
		return append(out, fmt.Sprintf("list %s %d webhook %v", o.listKey, o.maxPageSize, o.webhookHeader))
	}
	da, db := desc(a), desc(b)
	if slices.Equal(da, db) {
		return ""
	}
	return fmt.Sprintf("%s has %q, %s has %q", a.id, da, b.id, db)
}

// convResources pairs the twins, checks their keys are the same, and sorts
// the operations into resources with their params and result types.
func (s *spec) convResources() ([]*convResource, error) {
	byID := map[string]*op{}
	for _, o := range s.ops {
		byID[o.id] = o
	}
	twins := map[*op]*op{} // default → named
	isTwin := map[*op]bool{}
	for _, o := range s.ops {
		id, path := twinOf(o)
		if d := byID[id]; d != nil && !convNotTwins[o.id] {
			if d.path != path || d.method != o.method {
				return nil, fmt.Errorf("%s and %s: paths %s %s and %s %s", d.id, o.id, d.method, d.path, o.method, o.path)
			}
			if diff := sameKeys(d, o); diff != "" {
				return nil, fmt.Errorf("twins that take different keys: %s", diff)
			}
			twins[d] = o
			isTwin[o] = true
		}
	}
	byNoun := map[string]*convResource{}
	var out []*convResource
	for _, o := range s.ops {
		if isTwin[o] {
			continue
		}
		verb, noun := splitID(o.id)
		n, ok := convNouns[noun]
		if !ok {
			return nil, fmt.Errorf("%s: the noun %s has no resource in the overlay", o.id, noun)
		}
		c := &convOp{verb: verb, method: verb + n.method, params: nil}
		c.suffix = n.method
		scope := "account"
		switch {
		case twins[o] != nil:
			c.def, c.svc, scope = o, twins[o], "both"
		case strings.HasPrefix(o.path, servicePrefix):
			c.svc, scope = o, "service"
		default:
			c.def = o
		}
		r := byNoun[n.resource]
		if r == nil {
			i := slices.IndexFunc(convResourceDocs, func(d convResourceDoc) bool { return d.resource == n.resource })
			if i < 0 {
				return nil, fmt.Errorf("%s: resource %s has no entry in the overlay", o.id, n.resource)
			}
			info := convResourceDocs[i]
			r = &convResource{convResourceDoc: info, scope: scope, file: snake(info.field) + "_gen.go"}
			if info.typ != "" {
				r.file = snake(strings.TrimSuffix(info.typ, "Resource")) + "_gen.go"
			}
			byNoun[n.resource] = r
			out = append(out, r)
		}
		if r.scope != scope {
			return nil, fmt.Errorf("%s: resource %s is %s and %s", o.id, n.resource, r.scope, scope)
		}
		r.ops = append(r.ops, c)
	}
	groups := map[string]*paramsType{}
	results := map[string]*resultType{}
	for _, r := range out {
		for _, c := range r.ops {
			o := c.first()
			if len(o.keys) > 0 {
				name := c.verb + convNouns[splitNoun(o.id)].params + "Params"
				if c.verb == "List" {
					name = "List" + r.plural + "Params"
				}
				t, err := s.newParamsType(name, o, name, groups)
				if err != nil {
					return nil, err
				}
				t.twin = c.svc
				if c.def == nil {
					t.twin = nil
				}
				c.params = t
				r.types = append(r.types, t)
				for _, g := range t.groupsOf() {
					if !g.placed() {
						r.types = append(r.types, g)
					}
				}
			}
			for _, x := range []*op{c.def, c.svc} {
				if x == nil {
					continue
				}
				for _, doc := range s.docs {
					schemaName := doc.answerSchema(x)
					if x.listKey != "" {
						schemaName = doc.itemSchema(x)
					}
					if schemaName == "" {
						continue
					}
					t := results[r.resource]
					if t == nil {
						t = &resultType{name: r.resource}
						results[r.resource] = t
						r.result = t
					}
					if err := s.addResultFields(t, doc, schemaName); err != nil {
						return nil, err
					}
				}
			}
		}
		if r.result == nil {
			r.result = results[r.resource]
		}
	}
	for _, r := range out {
		if r.result == nil {
			return nil, fmt.Errorf("resource %s answers with nothing", r.resource)
		}
	}
	order := func(r *convResource) int {
		return slices.IndexFunc(convResourceDocs, func(d convResourceDoc) bool { return d.resource == r.resource })
	}
	sort.Slice(out, func(i, j int) bool { return order(out[i]) < order(out[j]) })
	return out, nil
}

// splitID splits an operationId into its verb and noun.
func splitID(id string) (verb, noun string) {
	for _, v := range verbs {
		if n, ok := strings.CutPrefix(id, v); ok {
			return v, n
		}
	}
	return "", id
}

// splitNoun is the noun of an operationId.
func splitNoun(id string) string {
	_, n := splitID(id)
	return n
}

// snake turns CamelCase into snake_case.
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// writeConvEnums writes package conversations' enum types: one per Go name
// of the spec's enums but those whose values are "true" and "false", which
// are bools, and those no operation sends or answers with.
func (s *spec) writeConvEnums(b *bytes.Buffer) {
	p := lineWriter(b)
	s.header(b, "conversations")
	p(`import "github.com/e3f0929f/twiliochat/internal/convspec"`)
	p("")
	byGo := map[string]*enum{}
	for _, e := range s.enums {
		if !slices.Equal(e.values, []string{"true", "false"}) && convEnumDocs[e.goName] != "" {
			byGo[e.goName] = e
		}
	}
	writeEnumTypes(b, byGo, "convspec", convEnumDocs, convValueNames, func(name, v string) string {
		if doc := convValueDocs[name]; doc != "" {
			return doc
		}
		return fmt.Sprintf("%s is %q.", name, v)
	})
}

// writeConvClient writes Client and ServiceClient, each with a field for
// each resource it holds, and their constructors.
func (s *spec) writeConvClient(b *bytes.Buffer, resources []*convResource) {
	p := lineWriter(b)
	s.header(b, "conversations")
	p(`import "github.com/e3f0929f/twiliochat/internal/engine"`)
	p("")
	for _, c := range []struct {
		name, doc, ctor string
		scopes          []string
	}{
		{"Client", convClientDoc, "func newClient(caller engine.Caller) *Client {\ns := scope{caller: caller}", []string{"both", "account"}},
		{"ServiceClient", convServiceClientDoc, "func newServiceClient(caller engine.Caller, serviceSID string) *ServiceClient {\ns := scope{caller: caller, named: true, service: serviceSID}", []string{"both", "service"}},
	} {
		var mine []*convResource
		for _, sc := range c.scopes {
			for _, r := range resources {
				if r.scope == sc {
					mine = append(mine, r)
				}
			}
		}
		comment(b, "", c.doc)
		p("type %s struct {", c.name)
		for _, r := range mine {
			comment(b, "\t", fmt.Sprintf("%s calls %s", r.field, r.doc))
			p("%s *%s", r.field, r.typeName())
		}
		p("")
		p("s scope")
		p("}")
		p("")
		comment(b, "", fmt.Sprintf("new%s returns a %s whose resources share the scope s.", c.name, c.name))
		p("%s", c.ctor)
		p("return &%s{", c.name)
		p("s: s,")
		for _, r := range mine {
			p("%s: &%s{s},", r.field, r.typeName())
		}
		p("}\n}\n")
	}
}

// typeName is the Go type of r.
func (r *convResource) typeName() string {
	if r.typ != "" {
		return r.typ
	}
	return r.field + "Resource"
}

// writeConvResource writes one resource: its result type, its params types,
// its typed operations and its methods.
func (s *spec) writeConvResource(b *bytes.Buffer, r *convResource) {
	s.tg.readChecks()
	p := lineWriter(b)
	s.header(b, "conversations")
	var body bytes.Buffer
	r.result.write(&body, s.tg)
	s.writeIdentity(&body, r)
	for _, t := range r.types {
		t.write(&body)
	}
	s.writeConvMethods(&body, r)
	imports := []string{"context", "net/http"}
	for _, imp := range []struct{ use, path string }{
		{"time.", "time"}, {"strconv.", "strconv"}, {"iter.", "iter"}, {"json.", "encoding/json"},
	} {
		if bytes.Contains(body.Bytes(), []byte(imp.use)) {
			imports = append(imports, imp.path)
		}
	}
	sort.Strings(imports)
	p("import (")
	for _, imp := range imports {
		p("%q", imp)
	}
	p("")
	for _, imp := range []struct{ use, path string }{
		{"twiliochat.", "github.com/e3f0929f/twiliochat"},
		{"convspec.", "github.com/e3f0929f/twiliochat/internal/convspec"},
		{"engine.", "github.com/e3f0929f/twiliochat/internal/engine"},
		{" spec.", "github.com/e3f0929f/twiliochat/internal/spec"},
		{"[spec.", "github.com/e3f0929f/twiliochat/internal/spec"},
	} {
		if bytes.Contains(body.Bytes(), []byte(imp.use)) && !bytes.Contains(b.Bytes(), []byte(fmt.Sprintf("%q", imp.path))) {
			p("%q", imp.path)
		}
	}
	p(")")
	p("")
	b.Write(body.Bytes())
}

// writeIdentity writes the identity method of r's result type: the key of
// the SID that identifies it, and that SID's prefix.
func (s *spec) writeIdentity(b *bytes.Buffer, r *convResource) {
	key := "sid"
	if k := convIdentityKeys[r.resource]; k != "" {
		key = k
	}
	var f *field
	for _, x := range r.result.fields {
		if x.tag == fmt.Sprintf("json:%q", key) {
			f = x
		}
	}
	if f == nil || f.prefix == "" {
		panic(fmt.Sprintf("%s: no SID %s to identify it by", r.resource, key))
	}
	comment(b, "", fmt.Sprintf("identity names the SID that identifies a %s, its %s: a decoded one without it, such as one decoded from \"{}\", fails the call.", r.resource, key))
	fmt.Fprintf(b, "func (r *%s) identity() engine.Identity {\n", r.resource)
	fmt.Fprintf(b, "return engine.Identity{Kind: %q, Key: %q, Prefix: convspec.%sSIDPrefix, SID: r.%s}\n}\n\n", r.resource, key, f.prefix, f.name)
}

// pathArgs returns the Go names of the path values of o that a method
// takes: all but the named Service's SID, which the resource holds. A
// value named after its collection is a SID (messageSID), or a SID or a
// name where the collection takes names too (conversation).
func (s *spec) pathArgs(o *op) []string {
	var out []string
	segs := strings.Split(o.path, "/")
	for i, seg := range segs {
		if !strings.HasPrefix(seg, "{") || seg == "{ChatServiceSid}" {
			continue
		}
		name := strings.TrimSuffix(segs[i-1], "s")
		if segs[i-1] == "Addresses" {
			name = "Address"
		}
		name = strings.ToLower(name[:1]) + name[1:]
		if !s.colls[segs[i-1]].names {
			name += "SID"
		}
		out = append(out, name)
	}
	return out
}

// opVar is the name of the typed operation of c.
func opVar(c *convOp) string {
	return "op" + c.verb + convNouns[splitNoun(c.first().id)].params
}

// writeConvMethods writes the typed operations of r and its methods.
func (s *spec) writeConvMethods(b *bytes.Buffer, r *convResource) {
	p := lineWriter(b)
	typ := r.typeName()
	comment(b, "", fmt.Sprintf("%s calls %s It is safe for concurrent use.", typ, r.doc))
	p("type %s struct{ s scope }", typ)
	p("")
	hasList := false
	for _, c := range r.ops {
		hasList = hasList || c.verb == "List"
	}
	if hasList {
		comment(b, "", fmt.Sprintf("%sPage is one page of a list of %s.", r.resource, r.plural))
		p("type %sPage = twiliochat.Page[%s]", r.resource, r.resource)
		p("")
	}
	for _, c := range r.ops {
		o := c.first()
		lookup := func(x *op) string {
			if x == nil {
				return "nil"
			}
			return fmt.Sprintf("convspec.Lookup(%q)", x.id)
		}
		params := "*noParams"
		if c.params != nil {
			params = "*" + c.params.name
		}
		v := opVar(c)
		var typed string
		switch c.verb {
		case "Fetch":
			typed = fmt.Sprintf("fetchOp[%s]", r.resource)
		case "Create", "Update":
			typed = fmt.Sprintf("sendOp[%s, %s]", params, r.resource)
		case "Delete":
			typed = fmt.Sprintf("deleteOp[%s]", params)
		case "List":
			typed = fmt.Sprintf("listOp[%s, %s]", params, r.resource)
		default:
			panic(o.id + ": verb " + c.verb)
		}
		ids := o.id
		if c.def != nil && c.svc != nil {
			ids = c.def.id + " and " + c.svc.id
		}
		comment(b, "", fmt.Sprintf("%s describes %s (see internal/convspec).", v, ids))
		p("var %s = %s{%s, %s}", v, typed, lookup(c.def), lookup(c.svc))
		p("")
		args := s.pathArgs(o)
		decl := ""
		if len(args) > 0 {
			decl = ", " + strings.Join(args, ", ") + " string"
		}
		call := ""
		if len(args) > 0 {
			call = ", " + strings.Join(args, ", ")
		}
		pdecl, parg := "", ", nil"
		if c.params != nil {
			pdecl, parg = ", params "+params, ", params"
		}
		where := s.convWhere(c)
		summary := conjugate(trimScope(o.summary))
		switch c.verb {
		case "Fetch":
			comment(b, "", fmt.Sprintf("%s %s. %s", c.method, summary, where))
			p("func (r *%s) %s(ctx context.Context%s) (*%s, error) {", typ, c.method, decl, r.resource)
			p("return %s.call(ctx, r.s%s)\n}\n", v, call)
		case "Create", "Update":
			comment(b, "", fmt.Sprintf("%s %s, and returns the %s as Twilio stored it. %s", c.method, summary, r.resource, where))
			p("func (r *%s) %s(ctx context.Context%s%s) (*%s, error) {", typ, c.method, decl, pdecl, r.resource)
			p("return %s.call(ctx, r.s%s%s)\n}\n", v, parg, call)
		case "Delete":
			comment(b, "", fmt.Sprintf("%s %s. %s", c.method, summary, where))
			p("func (r *%s) %s(ctx context.Context%s%s) error {", typ, c.method, decl, pdecl)
			p("return %s.call(ctx, r.s%s%s)\n}\n", v, parg, call)
		case "List":
			page := r.resource + "Page"
			comment(b, "", fmt.Sprintf("ListPage returns the first page of the list that List iterates over. %s", where))
			p("func (r *%s) ListPage(ctx context.Context%s%s) (*%s, error) {", typ, decl, pdecl, page)
			p("return %s.page(ctx, r.s%s%s)\n}\n", v, parg, call)
			comment(b, "", "NextPage returns the page after page, following its NextPageURL, or nil after the last page.")
			p("func (r *%s) NextPage(ctx context.Context, page *%s) (*%s, error) {", typ, page, page)
			p("return %s.next(ctx, r.s, page)\n}\n", v)
			comment(b, "", fmt.Sprintf("List %s, as an iterator that fetches page by page; the iterator yields a bad input's error alone. %s", summary, where))
			p("func (r *%s) List(ctx context.Context%s%s) iter.Seq2[*%s, error] {", typ, decl, pdecl, r.resource)
			p("return %s.items(ctx, r.s%s%s)\n}\n", v, parg, call)
		}
	}
}

// convWhere says where c sends its request.
func (s *spec) convWhere(c *convOp) string {
	switch {
	case c.def != nil && c.svc != nil:
		return fmt.Sprintf("It sends %s %s, or %s from a ServiceClient.", c.def.method, c.def.path, c.svc.path)
	case c.def != nil:
		return fmt.Sprintf("It sends %s %s.", c.def.method, c.def.path)
	}
	return fmt.Sprintf("It sends %s %s.", c.svc.method, c.svc.path)
}

// scopeWords are the words of an operation's summary that name the
// Service, which the resource's client decides.
var scopeWords = []string{" in your account's default service", " from your account's default service", " in your service", " from your service", " in a specific service"}

// trimScope returns the summary without the words that name its Service.
func trimScope(summary string) string {
	summary = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(summary), "."))
	for _, w := range scopeWords {
		summary = strings.Replace(summary, w, "", 1)
	}
	return summary
}

// conjugate turns a summary's leading imperative ("Add a new message")
// into the third person ("adds a new message").
func conjugate(summary string) string {
	if summary == "" {
		return "sends the request"
	}
	verb, rest, _ := strings.Cut(summary, " ")
	verb = strings.ToLower(verb)
	if strings.HasSuffix(verb, "ch") {
		verb += "es"
	} else {
		verb += "s"
	}
	return strings.TrimSpace(verb + " " + rest)
}

// itemSchema returns the schema of the items of the list o when doc has o,
// or "".
func (doc *document) itemSchema(o *op) string {
	raw, ok := doc.Paths[o.path]["get"]
	if !ok {
		return ""
	}
	var so struct {
		Responses map[string]struct {
			Content map[string]struct {
				Schema struct {
					Properties map[string]struct {
						Items struct {
							Ref string `json:"$ref"`
						} `json:"items"`
					} `json:"properties"`
				} `json:"schema"`
			} `json:"content"`
		} `json:"responses"`
	}
	if err := json.Unmarshal(raw, &so); err != nil {
		return ""
	}
	ref := so.Responses["200"].Content["application/json"].Schema.Properties[o.listKey].Items.Ref
	return strings.TrimPrefix(ref, "#/components/schemas/")
}
