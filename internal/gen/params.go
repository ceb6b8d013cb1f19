package main

// The root package's params types: one per operation with a key that is
// not in its path, in one file per resource (roles_gen.go), with their
// form encoding, header, paging and, for a type without checks of its
// own, an empty validate.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// orderedKeys are the keys of a JSON object in the document's order.
type orderedKeys []string

// UnmarshalJSON reads the keys of the object b.
func (o *orderedKeys) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		*o = append(*o, t.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return err
		}
	}
	return nil
}

// resource is one generated file of the root package.
type resource struct {
	file    string
	results []*resultType
	types   []*paramsType
}

// paramsType is a params type, of an operation or a group of its dotted
// keys.
type paramsType struct {
	tg       *target // the package it is written into
	twin     *op     // the named-Service twin of op, which takes the same type
	name     string
	op       *op      // nil for a group
	prefixes []string // a group's key prefixes ("Notifications.AddedToChannel")
	owner    string   // the operation and prefix whose keys make a group's fields
	fields   []*field
}

// field is one field of a params type.
type field struct {
	name, goType, tag, doc string
	seg                    string      // the key's segment: its name, or the part after its group's
	prefix                 string      // an answer's SID field: the Go name of its prefix
	key                    *key        // a leaf: its key, dotted in full
	group                  *paramsType // a group
	header                 bool
}

// pagingKeys are the query keys of a list the list steps send themselves,
// or, for Page and PageToken, that Twilio puts in next_page_url.
var pagingKeys = []string{"PageSize", "Page", "PageToken"}

// paramsTypes works out the params types of the operations, by resource.
func (s *spec) paramsTypes() ([]*resource, error) {
	byFile := map[string]*resource{}
	groups := map[string]*paramsType{}
	var files []string
	for _, o := range s.ops {
		if len(o.keys) == 0 {
			continue
		}
		t, err := s.newParamsType(paramsTypeName(o.id), o, o.id, groups)
		if err != nil {
			return nil, err
		}
		file := resourceFile(o.id)
		r := byFile[file]
		if r == nil {
			r = &resource{file: file}
			byFile[file] = r
			files = append(files, file)
		}
		r.types = append(r.types, t)
		for _, g := range t.groupsOf() {
			if !g.placed() {
				r.types = append(r.types, g)
			}
		}
	}
	out := make([]*resource, 0, len(files))
	for _, f := range files {
		out = append(out, byFile[f])
	}
	return out, nil
}

// newParamsType returns the params type name of the operation o: paging
// fields for a list, a field (or a group) for each form key in the spec's
// order and each query key, then the header's. owner names o's groups in
// groups, which holds every group type met so far.
func (s *spec) newParamsType(name string, o *op, owner string, groups map[string]*paramsType) (*paramsType, error) {
	t := &paramsType{tg: s.tg, name: name, op: o}
	if o.listKey != "" {
		t.fields = append(t.fields,
			&field{name: "PageSize", seg: "PageSize", goType: "*int", tag: `url:"PageSize,omitempty"`, key: o.find("query", "PageSize"),
				doc: "PageSize is how many items each page holds, from 1 to the list's maximum. When it is nil and Limit is set, pages hold Limit items, as many as a page can."},
			&field{name: "Limit", goType: "int", tag: `url:"-"`,
				doc: "Limit makes List stop after this many items; 0 lists them all. It must not be negative. It is not sent to Twilio."})
	}
	var keys []*key
	for _, name := range o.formOrder {
		keys = append(keys, o.find("form", name))
	}
	for i := range o.keys {
		k := &o.keys[i]
		if k.in == "query" && !slices.Contains(pagingKeys, k.name) {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if err := s.addField(t, k, strings.Split(k.name, "."), owner, groups); err != nil {
			return nil, fmt.Errorf("%s: %v", o.id, err)
		}
	}
	for i := range o.keys {
		if k := &o.keys[i]; k.in == "header" {
			name := headerFields[k.name]
			if name == "" {
				return nil, fmt.Errorf("%s: header %s has no field name in the overlay", o.id, k.name)
			}
			t.fields = append(t.fields, &field{name: name, goType: "*bool", tag: fmt.Sprintf("header:%q", k.name), key: k, header: true, doc: headerDocs[k.name]})
		}
	}
	return t, nil
}

// find returns o's key name in in.
func (o *op) find(in, name string) *key {
	for i := range o.keys {
		if o.keys[i].in == in && o.keys[i].name == name {
			return &o.keys[i]
		}
	}
	panic(o.id + ": no " + in + " key " + name)
}

// addField adds the key k, whose segments below t are segs, to t.
func (s *spec) addField(t *paramsType, k *key, segs []string, owner string, groups map[string]*paramsType) error {
	name := goFieldName(segs[0])
	if len(segs) == 1 {
		f := &field{name: name, seg: segs[0], goType: goType(k), key: k, doc: fieldDoc(name, k)}
		f.tag = fmt.Sprintf(`url:"%s,omitempty"`, segs[0])
		if secretKeys[k.name] {
			f.tag += ` redact:"true"`
			f.doc += " A secret: every fmt verb, slog and encoding/json print it as [redacted]."
		}
		t.fields = append(t.fields, f)
		return nil
	}
	prefix := strings.TrimSuffix(k.name, "."+strings.Join(segs[1:], "."))
	var f *field
	for _, have := range t.fields {
		if have.name == name && have.group != nil {
			f = have
		}
	}
	if f == nil {
		gname := s.tg.groupNames[owner+" "+prefix] // a group of one type's own
		if gname == "" {
			gname = s.tg.groupNames[prefix]
		}
		if gname == "" {
			return fmt.Errorf("the keys %s.* have no group name in the overlay", prefix)
		}
		g := groups[gname]
		if g == nil {
			g = &paramsType{tg: s.tg, name: gname, owner: owner + " " + prefix}
			groups[gname] = g
		}
		if !slices.Contains(g.prefixes, prefix) {
			g.prefixes = append(g.prefixes, prefix)
		}
		f = &field{name: name, seg: segs[0], goType: "*" + gname, tag: fmt.Sprintf(`url:"%s,omitempty"`, segs[0]), group: g,
			doc: fmt.Sprintf("%s holds the %s.* keys.", name, prefix)}
		t.fields = append(t.fields, f)
	}
	if f.group.owner != owner+" "+prefix {
		// A group type another place fills: the key must be its field.
		return f.group.has(segs[1:], k)
	}
	return s.addField(f.group, k, segs[1:], owner, groups)
}

// has checks that a group type met before has the field the key's segments
// name.
func (g *paramsType) has(segs []string, k *key) error {
	for _, f := range g.fields {
		if f.name != goFieldName(segs[0]) {
			continue
		}
		if len(segs) == 1 {
			if f.group == nil && f.goType == goType(k) {
				return nil
			}
		} else if f.group != nil {
			return f.group.has(segs[1:], k)
		}
	}
	return fmt.Errorf("%s: group %s has no field for it", k.name, g.name)
}

// groupsOf returns the group types under t, depth first.
func (t *paramsType) groupsOf() []*paramsType {
	var out []*paramsType
	for _, f := range t.fields {
		if f.group != nil && !slices.Contains(out, f.group) {
			out = append(out, f.group)
			for _, g := range f.group.groupsOf() {
				if !slices.Contains(out, g) {
					out = append(out, g)
				}
			}
		}
	}
	return out
}

// placedGroups are the group types already written in a file.
var placedGroups = map[*paramsType]bool{}

// placed reports whether g has its file, and gives it one if not.
func (g *paramsType) placed() bool {
	if placedGroups[g] {
		return true
	}
	placedGroups[g] = true
	return false
}

// paramsTypeName is the Go name of the params type of the operation id:
// CreateRoleParams, ListRolesParams.
func paramsTypeName(id string) string {
	if noun, ok := strings.CutPrefix(id, "List"); ok {
		return "List" + noun + "sParams"
	}
	return id + "Params"
}

// verbs are the first words of operationIds.
var verbs = []string{"Create", "Fetch", "Update", "Delete", "List", "Migrate"}

// resourceFile is the generated file of the resource of the operation id:
// roles_gen.go, user_channels_gen.go.
func resourceFile(id string) string {
	noun := id
	for _, v := range verbs {
		noun = strings.TrimPrefix(noun, v)
	}
	var b strings.Builder
	for i, r := range noun {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String() + "s_gen.go"
}

// initialisms are the words of a key that Go spells in capitals.
var initialisms = map[string]string{"Sid": "SID", "Url": "URL", "Api": "API", "Id": "ID"}

// wordPattern splits a key into its words.
var wordPattern = regexp.MustCompile(`[A-Z][a-z0-9]*`)

// goFieldName is the Go name of a key segment: PreWebhookUrl is
// PreWebhookURL, ApiKey APIKey.
func goFieldName(seg string) string {
	return wordPattern.ReplaceAllStringFunc(seg, func(w string) string {
		if i, ok := initialisms[w]; ok {
			return i
		}
		return w
	})
}

// goType is the Go type of a leaf key's field.
func goType(k *key) string {
	elem := map[string]string{"string": "string", "integer": "int", "boolean": "bool", "date-time": "time.Time", "array": "string"}[k.typ]
	if k.enumType != "" {
		elem = k.enumType
	}
	if k.typ == "array" {
		return "[]" + elem
	}
	return "*" + elem
}

// markdownLink matches a Markdown link of a description.
var markdownLink = regexp.MustCompile(`\[([^\]]*)\]\(([^)]*)\)`)

// fieldDoc turns the spec's description of k into the doc of the field
// name, which starts with the name.
func fieldDoc(name string, k *key) string {
	d := strings.Join(strings.Fields(k.desc), " ")
	d = markdownLink.ReplaceAllString(d, "$1 ($2)")
	d = strings.ReplaceAll(d, "`", "")
	for _, article := range []string{"The ", "A ", "An "} {
		if rest, ok := strings.CutPrefix(d, article); ok {
			return name + " is " + strings.ToLower(article) + rest
		}
	}
	if rest, ok := strings.CutPrefix(d, "Whether "); ok {
		return name + " says whether " + rest
	}
	switch {
	case d == "" && k.enumType != "" && k.typ == "array":
		return name + " holds " + k.enumType + " values, one key each."
	case d == "" && k.enumType != "":
		return name + " is one of the " + k.enumType + " constants."
	case d == "":
		return name + " is sent as the " + k.name + " key."
	}
	return name + ": " + d
}

// ownChecks returns the params types of the root package, in dir, that
// have a check method written by hand: the checks the spec cannot state.
func ownChecks(dir string) (map[string]bool, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, "_gen.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || fn.Name.Name != "check" {
				continue
			}
			if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok {
				if id, ok := star.X.(*ast.Ident); ok {
					out[id.Name] = true
				}
			}
		}
	}
	return out, nil
}

// writeResource writes one resource's params types.
func (s *spec) writeResource(b *bytes.Buffer, r *resource) {
	s.tg.readChecks()
	p := lineWriter(b)
	s.header(b, "twiliochat")
	var body bytes.Buffer
	for _, t := range r.results {
		t.write(&body, s.tg)
	}
	for _, t := range r.types {
		t.write(&body)
	}
	imports := []string{"net/http"}
	if bytes.Contains(body.Bytes(), []byte("time.Time")) {
		imports = append(imports, "time")
	}
	if bytes.Contains(body.Bytes(), []byte("strconv.")) {
		imports = append(imports, "strconv")
	}
	sort.Strings(imports)
	p("import (")
	for _, imp := range imports {
		p("%q", imp)
	}
	if bytes.Contains(body.Bytes(), []byte("engine.")) || bytes.Contains(body.Bytes(), []byte("spec.")) {
		p("")
	}
	if bytes.Contains(body.Bytes(), []byte("engine.")) {
		p("%q", "github.com/e3f0929f/twiliochat/internal/engine")
	}
	if bytes.Contains(body.Bytes(), []byte("spec.")) {
		p("%q", "github.com/e3f0929f/twiliochat/internal/spec")
	}
	p(")")
	p("")
	b.Write(body.Bytes())
}

// write writes the type t and its methods.
func (t *paramsType) write(b *bytes.Buffer) {
	p := lineWriter(b)
	writeStruct(b, t.doc(), t.name, t.fields)
	if t.op == nil {
		return
	}
	t.writeForm(b)
	t.writeHeader(b)
	if t.op.listKey != "" {
		comment(b, "", "paging gives the list steps p's PageSize and Limit.")
		p("func (p *%s) paging() (*int, int) {", t.name)
		p("if p == nil {\nreturn nil, 0\n}")
		p("return p.PageSize, p.Limit\n}\n")
	}
	t.writeValidate(b, t.tg.checked[t.name])
	t.writeSecrets(b)
}

// writeSecrets writes t's secrets: the values of its secret keys that are
// set, which the call path blanks out of its errors.
func (t *paramsType) writeSecrets(b *bytes.Buffer) {
	p := lineWriter(b)
	var secret []string
	for _, f := range t.fields {
		if f.key != nil && secretKeys[f.key.name] {
			secret = append(secret, f.name)
		}
	}
	comment(b, "", "secrets returns the values of p's secret keys that are set.")
	if len(secret) == 0 {
		p("func (p *%s) secrets() []string { return nil }\n", t.name)
		return
	}
	p("func (p *%s) secrets() []string {", t.name)
	p("if p == nil {\nreturn nil\n}")
	p("var out []string")
	for _, name := range secret {
		p("if p.%s != nil {\nout = append(out, *p.%s)\n}", name, name)
	}
	p("return out\n}\n")
}

// writeValidate writes t's validate: the checks the spec states (required
// keys, enums, SID forms), key by key in field order, then t's own check
// when it has one.
func (t *paramsType) writeValidate(b *bytes.Buffer, own bool) {
	p := lineWriter(b)
	var top []string
	var guards []string
	grouped := map[string][]string{}
	for _, l := range t.leaves("", "p", nil) {
		checks := t.tg.leafChecks(l)
		if len(checks) == 0 {
			continue
		}
		if len(l.guards) == 0 {
			top = append(top, checks...)
			continue
		}
		g := strings.Join(l.guards, " && ")
		if _, ok := grouped[g]; !ok {
			guards = append(guards, g)
		}
		grouped[g] = append(grouped[g], checks...)
	}
	if len(top) == 0 && len(guards) == 0 && !own {
		comment(b, "", "validate checks nothing: the spec gives "+t.name+" no check beyond the path values and the page size.")
		p("func (p *%s) validate() error { return nil }\n", t.name)
		return
	}
	d := "validate checks p against the spec: its required keys, enums and SID forms"
	if own {
		d += ", then with its own check"
	}
	comment(b, "", d+". A nil p is the zero value.")
	p("func (p *%s) validate() error {", t.name)
	p("if p == nil {\np = new(%s)\n}", t.name)
	for i, g := range guards {
		p("var group%d error", i)
		p("if %s {", g)
		p("group%d = engine.JoinErrors(%s)", i, strings.Join(grouped[g], ", "))
		p("}")
		top = append(top, fmt.Sprintf("group%d", i))
	}
	if own {
		top = append(top, "p.check()")
	}
	if len(top) == 1 {
		p("return %s\n}\n", top[0])
		return
	}
	p("return engine.JoinErrors(\n%s,\n)\n}\n", strings.Join(top, ",\n"))
}

// leafChecks returns the checks the spec states for a leaf key, then the
// target's own check of the key, when it has one.
func (tg *target) leafChecks(l leaf) []string {
	k := l.k
	var out []string

	switch {
	case k.in == "header":
	case k.enum != "" && k.typ == "array":
		out = append(out, fmt.Sprintf("engine.CheckEnums(%q, %s, %s.%s)", l.name, l.expr, tg.specPkg, k.enum))
		if k.required {
			out = append(out, fmt.Sprintf("engine.CheckRequired(%q, len(%s) > 0)", l.name, l.expr))
		}
	case k.enum != "" && k.required:
		out = append(out, fmt.Sprintf("engine.CheckRequiredEnum(%q, %s, %s.%s)", l.name, l.expr, tg.specPkg, k.enum))
	case k.enum != "":
		out = append(out, fmt.Sprintf("engine.CheckEnum(%q, %s, %s.%s)", l.name, l.expr, tg.specPkg, k.enum))
	case k.required && k.typ == "array":
		out = append(out, fmt.Sprintf("engine.CheckRequired(%q, len(%s) > 0)", l.name, l.expr))
	case k.required:
		out = append(out, fmt.Sprintf("engine.CheckRequired(%q, %s != nil)", l.name, l.expr))
	}
	if k.prefix != "" {
		out = append(out, fmt.Sprintf("engine.CheckOptionalSID(%q, %s.%s, %s)", l.name, tg.specPkg, k.prefix, l.expr))
	}
	check := tg.keyChecks[k.name]
	if check == "" {
		check = tg.keyChecks["type "+k.typ]
	}
	if check != "" {
		out = append(out, fmt.Sprintf("%s(%q, %s)", check, l.name, l.expr))
	}
	return out
}

// doc is the doc comment of t.
func (t *paramsType) doc() string {
	if t.op == nil {
		return strings.TrimSpace(fmt.Sprintf("%s holds the keys %s.*. %s", t.name, strings.Join(t.prefixes, ".*, "), t.tg.typeDocs[t.name]))
	}
	words := wordPattern.FindAllString(t.op.id, -1)
	article := "a"
	if strings.ContainsRune("AEIOU", rune(t.op.id[0])) {
		article = "an"
	}
	d := fmt.Sprintf("%s holds the params of %s %s request (%s %s).", t.name, article, strings.Join(words, " "), t.op.method, t.op.path)
	if t.twin != nil {
		d = fmt.Sprintf("%s holds the params of %s %s request (%s %s), and of its twin on a named Service (%s).", t.name, article, strings.Join(words, " "), t.op.method, t.op.path, t.twin.path)
	}
	var required []string
	for _, k := range t.op.keys {
		if k.required {
			required = append(required, k.name)
		}
	}
	switch len(required) {
	case 0:
	case 1:
		d += " " + required[0] + " is required."
	default:
		d += " " + strings.Join(required[:len(required)-1], ", ") + " and " + required[len(required)-1] + " are required."
	}
	if extra := t.tg.typeDocs[t.name]; extra != "" {
		d += " " + extra
	}
	return d
}

// leaf is a key of an operation's form or query, and the Go expressions
// that reach it.
type leaf struct {
	name   string // the key, dotted
	k      *key
	guards []string // the group pointers on the way, each not nil
	expr   string
	typ    string
}

// leaves returns the keys under t, their names under prefix, reached from
// expr.
func (t *paramsType) leaves(prefix, expr string, guards []string) []leaf {
	var out []leaf
	for _, f := range t.fields {
		e := expr + "." + f.name
		switch {
		case f.header || f.key == nil && f.group == nil:
		case f.group != nil:
			out = append(out, f.group.leaves(prefix+f.seg+".", e, append(slices.Clip(guards), e+" != nil"))...)
		default:
			out = append(out, leaf{name: prefix + f.seg, k: f.key, guards: guards, expr: e, typ: f.goType})
		}
	}
	return out
}

// writeForm writes t's appendForm: its keys sorted, as url.Values.Encode
// sorts them.
func (t *paramsType) writeForm(b *bytes.Buffer) {
	p := lineWriter(b)
	leaves := t.leaves("", "p", nil)
	sort.SliceStable(leaves, func(i, j int) bool { return leaves[i].name < leaves[j].name })
	comment(b, "", "appendForm appends the form (or query) keys of p that are set to dst, sorted by key.")
	p("func (p *%s) appendForm(dst []byte) []byte {", t.name)
	if len(leaves) == 0 {
		p("return dst\n}\n")
		return
	}
	p("if p == nil {\nreturn dst\n}")
	p("start := len(dst)")
	for _, l := range leaves {
		if strings.ContainsFunc(l.name, func(r rune) bool {
			return !(r == '.' || r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)))
		}) {
			panic(l.name + " needs escaping")
		}
		elem := strings.TrimLeft(l.typ, "*[]")
		fn, conv := map[string]string{"string": "engine.AppendString", "int": "engine.AppendInt", "bool": "engine.AppendBool", "time.Time": "engine.AppendTime"}[elem], ""
		if fn == "" {
			fn, conv = "engine.AppendString", "string"
		}
		guards := slices.Clone(l.guards)
		if strings.HasPrefix(l.typ, "[]") {
			if len(guards) > 0 {
				p("if %s {", strings.Join(guards, " && "))
			}
			p("for _, v := range %s {", l.expr)
			if conv != "" {
				p("dst = %s(dst, start, %q, %s(v))", fn, l.name, conv)
			} else {
				p("dst = %s(dst, start, %q, v)", fn, l.name)
			}
			p("}")
			if len(guards) > 0 {
				p("}")
			}
			continue
		}
		guards = append(guards, l.expr+" != nil")
		p("if %s {", strings.Join(guards, " && "))
		if conv != "" {
			p("dst = %s(dst, start, %q, %s(*%s))", fn, l.name, conv, l.expr)
		} else {
			p("dst = %s(dst, start, %q, *%s)", fn, l.name, l.expr)
		}
		p("}")
	}
	p("return dst\n}\n")
}

// writeHeader writes t's header: its header params that are set, nil when
// none is.
func (t *paramsType) writeHeader(b *bytes.Buffer) {
	p := lineWriter(b)
	comment(b, "", "setHeader sets the header params of p that are set in h.")
	var headers []*field
	for _, f := range t.fields {
		if f.header {
			headers = append(headers, f)
		}
	}
	if len(headers) == 0 {
		p("func (p *%s) setHeader(http.Header) {}\n", t.name)
		return
	}
	p("func (p *%s) setHeader(h http.Header) {", t.name)
	if len(headers) > 1 {
		panic(t.name + ": more than one header")
	}
	f := headers[0]
	p("if p != nil && p.%s != nil {", f.name)
	p("h[spec.%s] = []string{strconv.FormatBool(*p.%s)}\n}\n}\n", headerNames[f.key.name], f.name)
}

// comment writes text as a comment wrapped at 77 columns, indented.
func comment(b *bytes.Buffer, indent, text string) {
	line := indent + "//"
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > 77 && line != indent+"//" {
			b.WriteString(line + "\n")
			line = indent + "//"
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
}

// writeEnums writes the root package's enum types, one per Go name of the
// spec's enums but those whose values are "true" and "false", which are
// bools.
func (s *spec) writeEnums(b *bytes.Buffer) {
	p := lineWriter(b)
	s.header(b, "twiliochat")
	p(`import "github.com/e3f0929f/twiliochat/internal/spec"`)
	p("")
	byGo := map[string]*enum{}
	for _, e := range s.enums {
		if !slices.Equal(e.values, []string{"true", "false"}) {
			byGo[e.goName] = e
		}
	}
	s.writeSIDKinds(b)
	s.writeKeys(b)
	for _, goName := range sortedKeys(byGo) {
		if enumDocs[goName] == "" {
			panic("enum " + goName + " has no doc in the overlay")
		}
	}
	writeEnumTypes(b, byGo, "spec", enumDocs, rootValueNames, func(name, _ string) string {
		if valueDocs[name] == "" {
			panic("enum value " + name + " has no doc in the overlay")
		}
		return valueDocs[name]
	})
}

// writeEnumTypes writes a string type for each enum of byGo, with its doc
// from docs, and a constant for each of its values: named as valueNames
// renames the spec's constant (of the package specPkg), documented by
// valueDoc.
func writeEnumTypes(b *bytes.Buffer, byGo map[string]*enum, specPkg string, docs, valueNames map[string]string, valueDoc func(name, value string) string) {
	p := lineWriter(b)
	for _, goName := range sortedKeys(byGo) {
		e := byGo[goName]
		comment(b, "", docs[goName]+" A value Twilio adds later decodes as its own string, without an error.")
		p("type %s string", goName)
		p("")
		comment(b, "", "The "+goName+" values the spec defines.")
		p("const (")
		for _, v := range e.values {
			specName := goName + valueName(v)
			name := specName
			if n := valueNames[specName]; n != "" {
				name = n
			}
			comment(b, "\t", valueDoc(name, v))
			p("%s %s = %s.%s", name, goName, specPkg, specName)
		}
		p(")")
		p("")
	}
}

// writeSIDKinds writes the root package's SIDKind constants, one for each
// SID prefix of the spec.
func (s *spec) writeSIDKinds(b *bytes.Buffer) {
	p := lineWriter(b)
	comment(b, "", "SIDKind is a kind of SID, the resource it names; its value is the SID's two-letter prefix. ValidateSID takes one.")
	p("type SIDKind string")
	p("")
	comment(b, "", "The kinds of SID of the spec.")
	p("const (")
	for _, name := range sortedKeys(s.prefixes) {
		article := "a"
		if strings.ContainsRune("AEIOU", rune(name[0])) {
			article = "an"
		}
		comment(b, "\t", fmt.Sprintf("%sSID is %s %s SID: %s followed by 32 hex digits.", name, article, name, s.prefixes[name]))
		p("%sSID SIDKind = spec.%sSIDPrefix", name, name)
	}
	p(")")
	p("")
}

// writeKeys writes a constant for each form and query key of the spec,
// which hand-written checks name keys by: each is internal/spec's, so that
// the spec states the key once.
func (s *spec) writeKeys(b *bytes.Buffer) {
	p := lineWriter(b)
	comment(b, "", "The form and query keys of the spec, which hand-written checks name keys by.")
	p("const (")
	for _, name := range s.requestKeys() {
		p("key%s = spec.Key%s", keyConstName(name), keyConstName(name))
	}
	p(")")
	p("")
}

// requestKeys returns the form and query keys of the spec's operations,
// sorted, each once.
func (s *spec) requestKeys() []string {
	keys := map[string]bool{}
	for _, o := range s.ops {
		for _, k := range o.keys {
			if k.in != "header" {
				keys[k.name] = true
			}
		}
	}
	return sortedKeys(keys)
}

// keyConstName is the Go name of a key after "key": Configuration.Url is
// ConfigurationURL.
func keyConstName(key string) string {
	var b strings.Builder
	for _, seg := range strings.Split(key, ".") {
		b.WriteString(goFieldName(seg))
	}
	return b.String()
}

// resultType is the Go type of the answer schemas of one name.
type resultType struct {
	name   string
	fields []*field
}

// addResults adds the answer types to the resources, each in the file of
// the first operation that answers with it.
func (s *spec) addResults(resources []*resource) ([]*resource, error) {
	byFile := map[string]*resource{}
	for _, r := range resources {
		byFile[r.file] = r
	}
	types := map[string]*resultType{}
	for _, o := range s.ops {
		for _, doc := range s.docs {
			schemaName := doc.answerSchema(o)
			if schemaName == "" {
				continue
			}
			name := s.tg.resultTypes[schemaName]
			if name == "" {
				return nil, fmt.Errorf("%s: answer schema %s has no Go name in the overlay", o.id, schemaName)
			}
			t := types[name]
			if t == nil {
				t = &resultType{name: name}
				types[name] = t
				file := resourceFile(o.id)
				if byFile[file] == nil {
					byFile[file] = &resource{file: file}
					resources = append(resources, byFile[file])
				}
				byFile[file].results = append(byFile[file].results, t)
			}
			if err := s.addResultFields(t, doc, schemaName); err != nil {
				return nil, err
			}
		}
	}
	return resources, nil
}

// answerSchema returns the schema o answers with when doc has o and o is
// not a list, or "".
func (doc *document) answerSchema(o *op) string {
	if o.listKey != "" {
		return ""
	}
	raw, ok := doc.Paths[o.path][strings.ToLower(o.method)]
	if !ok {
		return ""
	}
	var so operation
	if err := json.Unmarshal(raw, &so); err != nil {
		return ""
	}
	for _, code := range []string{"200", "201"} {
		if ref := so.Responses[code].Content["application/json"].Schema.Ref; ref != "" {
			return strings.TrimPrefix(ref, "#/components/schemas/")
		}
	}
	return ""
}

// addResultFields adds the properties of the schema to t, those t has not
// already, in the schema's order.
func (s *spec) addResultFields(t *resultType, doc *document, schemaName string) error {
	sc := doc.Components.Schemas[schemaName]
	for _, prop := range doc.order[schemaName] {
		name := goFieldName(camel(prop))
		if slices.ContainsFunc(t.fields, func(f *field) bool { return f.name == name }) {
			continue
		}
		goType, err := s.resultType(t.name, schemaName, prop, sc.Properties[prop])
		if err != nil {
			return err
		}
		f := &field{name: name, goType: goType, tag: fmt.Sprintf("json:%q", prop)}
		if m := sidPattern.FindStringSubmatch(sc.Properties[prop].Pattern); m != nil {
			f.prefix = s.byPrefix[m[1]]
		}
		f.doc = fieldDoc(name, &key{name: prop, desc: sc.Properties[prop].Description})
		if sc.Properties[prop].Description == "" {
			// An answer's field is read, not sent: say which enum it holds,
			// or which key of the answer it decodes.
			f.doc = name + " is the answer's " + prop + " key."
			if base := strings.TrimLeft(goType, "*[]"); s.isEnumType(base) {
				f.doc = name + " is one of the " + base + " constants."
			}
		}
		t.fields = append(t.fields, f)
	}
	return nil
}

// isEnumType reports whether name is the Go name of one of the spec's enums.
func (s *spec) isEnumType(name string) bool {
	for _, e := range s.enums {
		if e.goName == name {
			return true
		}
	}
	return false
}

// resultType is the Go type of an answer's property: the overlay's, or the
// spec's, a pointer where the property may be null and its zero value is
// also a real value (a count, an index, a boolean), as the package doc says.
func (s *spec) resultType(typeName, schemaName, key string, p *schema) (string, error) {
	if t := s.tg.resultFields[schemaName+"."+key]; t != "" {
		return t, nil
	}
	if t := s.tg.resultFields[typeName+"."+key]; t != "" {
		return t, nil
	}
	enumOf := func(ref string) string {
		if e := s.enums[strings.TrimPrefix(ref, "#/components/schemas/")]; e != nil {
			return e.goName
		}
		return ""
	}
	switch {
	case p.Ref != "" && enumOf(p.Ref) != "":
		return enumOf(p.Ref), nil
	case p.Type == "string" && p.Format == "date-time":
		return "time.Time", nil
	case p.Type == "string":
		return "string", nil
	case p.Type == "integer" && p.Nullable:
		return "*int", nil
	case p.Type == "integer":
		return "int", nil
	case p.Type == "boolean" && p.Nullable:
		return "*bool", nil
	case p.Type == "boolean":
		return "bool", nil
	case p.Type == "array" && p.Items != nil && p.Items.Ref != "" && enumOf(p.Items.Ref) != "":
		return "[]" + enumOf(p.Items.Ref), nil
	case p.Type == "array":
		return "[]string", nil
	case p.Type == "object" && p.Format == "uri-map":
		return "map[string]string", nil
	}
	return "", fmt.Errorf("%s.%s: no Go type for %+v; give one in the overlay's resultFields", schemaName, key, *p)
}

// write writes the answer type t.
func (t *resultType) write(b *bytes.Buffer, tg *target) {
	doc := tg.resultDocs[t.name]
	if doc == "" {
		panic("answer type " + t.name + " has no doc in the overlay")
	}
	writeStruct(b, doc, t.name, t.fields)
}

// writeStruct writes the struct type name with its doc and fields.
func writeStruct(b *bytes.Buffer, doc, name string, fields []*field) {
	comment(b, "", doc)
	fmt.Fprintf(b, "type %s struct {\n", name)
	for _, f := range fields {
		comment(b, "\t", f.doc)
		fmt.Fprintf(b, "\t%s %s `%s`\n", f.name, f.goType, f.tag)
	}
	b.WriteString("}\n\n")
}
