// Command gen writes internal/spec/operations_gen.go from the vendored
// OpenAPI description: the operations, their keys, the SID prefixes, the
// kind of each path value and the enums; and internal/engine's
// pages_gen.go, the decoding target of every list's pages. internal/spec
// runs it from its go generate directive; what the spec cannot say is in
// overlay.go.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// specFiles are the vendored specs, read in this order, relative to
// internal/spec.
var specFiles = []string{"testdata/twilio_chat_v2.json", "testdata/twilio_chat_v3.json"}

// conversationsFiles are the Conversations v1 spec, relative to
// internal/spec. Its operationIds repeat Chat's (CreateRole), so its table
// is a package of its own, internal/convspec, of the same types.
var conversationsFiles = []string{"testdata/twilio_conversations_v1.json"}

// The files the generator writes, relative to internal/spec.
const (
	outFile   = "operations_gen.go"
	convFile  = "../convspec/operations_gen.go"
	rootDir   = "../../"
	pagesFile = "../engine/pages_gen.go"
	enumsFile = rootDir + "enums_gen.go"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	files, err := generate(readSpecs("", specFiles), readSpecs("", conversationsFiles))
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range sortedKeys(files) {
		if err := os.WriteFile(name, files[name], 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// source is one spec file and its contents.
type source struct {
	name string // the file's base name
	data []byte
}

// readSpecs reads files from the directory dir ("" for the current one).
func readSpecs(dir string, files []string) []source {
	var out []source
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			log.Fatal(err)
		}
		out = append(out, source{name: filepath.Base(f), data: data})
	}
	return out
}

// The parts of an OpenAPI 3 document the generator reads.
type (
	document struct {
		name       string
		order      map[string][]string                   // each schema's properties in the document's order
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]*schema `json:"schemas"`
		} `json:"components"`
	}
	schema struct {
		Ref         string             `json:"$ref"`
		Description string             `json:"description"`
		Type        string             `json:"type"`
		Format      string             `json:"format"`
		Enum        []string           `json:"enum"`
		Pattern     string             `json:"pattern"`
		Minimum     *int               `json:"minimum"`
		Maximum     *int               `json:"maximum"`
		Nullable    bool               `json:"nullable"`
		Items       *schema            `json:"items"`
		Properties  map[string]*schema `json:"properties"`
		Required    []string           `json:"required"`
	}
	parameter struct {
		Name        string `json:"name"`
		In          string `json:"in"`
		Description string `json:"description"`
		Required    bool   `json:"required"`
		Schema      schema `json:"schema"`
	}
	content   map[string]struct{ Schema schema }
	operation struct {
		formOrder   []string
		OperationID string      `json:"operationId"`
		Summary     string      `json:"summary"`
		Parameters  []parameter `json:"parameters"`
		RequestBody *struct {
			Content content `json:"content"`
		} `json:"requestBody"`
		Responses map[string]struct {
			Content content `json:"content"`
		} `json:"responses"`
	}
)

// sidPattern matches the spec's pattern of a SID and captures its prefix.
var sidPattern = regexp.MustCompile(`^\^([A-Z]{2})\[0-9a-fA-F\]\{32\}\$$`)

// spec is what the generator works out of the documents.
type spec struct {
	tg    *target // the package the generated code is written into
	files []string
	// collections are what each collection segment says about its path
	// values.
	colls    map[string]collection
	docs     []*document
	prefixes map[string]string // Go name → prefix
	byPrefix map[string]string // prefix → Go name
	enums    map[string]*enum  // by schema name
	ops      []*op
}

type enum struct {
	schema string
	goName string
	values []string
}

type op struct {
	id, method, path string
	summary          string
	listKey          string
	maxPageSize      int
	webhookHeader    bool
	keys             []key
	formOrder        []string // the form keys in the spec's order
}

type key struct {
	name, in, typ string
	required      bool
	nullable      bool
	enum          string // Go name of the value list
	enumType      string // Go name of the enum
	desc          string // the spec's description
	prefix        string // Go name of the SID prefix
	pattern       string
	min, max      *int
}

// parse reads sources into a spec and works out its collections.
func parse(sources []source) (*spec, map[string]collection, error) {
	s := &spec{prefixes: map[string]string{}, byPrefix: map[string]string{}, enums: map[string]*enum{}}
	var raws []any
	for _, src := range sources {
		doc := &document{name: src.name, order: map[string][]string{}}
		if err := json.Unmarshal(src.data, doc); err != nil {
			return nil, nil, fmt.Errorf("%s: %v", src.name, err)
		}
		var order struct {
			Components struct {
				Schemas map[string]struct {
					Properties orderedKeys `json:"properties"`
				} `json:"schemas"`
			} `json:"components"`
		}
		if err := json.Unmarshal(src.data, &order); err != nil {
			return nil, nil, fmt.Errorf("%s: %v", src.name, err)
		}
		for name, sc := range order.Components.Schemas {
			doc.order[name] = sc.Properties
		}
		var raw any
		if err := json.Unmarshal(src.data, &raw); err != nil {
			return nil, nil, err
		}
		s.files = append(s.files, src.name)
		s.docs = append(s.docs, doc)
		raws = append(raws, raw)
	}
	if err := s.findPrefixes(raws); err != nil {
		return nil, nil, err
	}
	if err := s.findEnums(); err != nil {
		return nil, nil, err
	}
	if err := s.findOperations(); err != nil {
		return nil, nil, err
	}
	collections, err := s.collections()
	if err != nil {
		return nil, nil, err
	}
	return s, collections, nil
}

// generateTable returns the operations table of sources alone, as package
// pkg: the table of an API whose client lives outside the root package.
func generateTable(sources []source, pkg string) ([]byte, error) {
	s, collections, err := parse(sources)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	s.write(&b, collections, pkg)
	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the %s table: %v\n%s", pkg, err, b.Bytes())
	}
	return out, nil
}

// generate returns the files the generator writes, by name relative to
// internal/spec: those of Chat, from sources, and those of Conversations,
// from conv.
func generate(sources, conv []source) (map[string][]byte, error) {
	s, collections, err := parse(sources)
	if err != nil {
		return nil, err
	}
	s.tg = rootTarget()
	cs, _, err := parse(conv)
	if err != nil {
		return nil, err
	}
	writers := map[string]func(*bytes.Buffer){
		outFile:   func(b *bytes.Buffer) { s.write(b, collections, "spec") },
		pagesFile: func(b *bytes.Buffer) { s.writePages(b, cs) },
		enumsFile: s.writeEnums,
	}
	resources, err := s.paramsTypes()
	if err != nil {
		return nil, err
	}
	if resources, err = s.addResults(resources); err != nil {
		return nil, err
	}
	for _, r := range resources {
		writers[rootDir+r.file] = func(b *bytes.Buffer) { s.writeResource(b, r) }
	}
	files, err := formatAll(writers)
	if err != nil {
		return nil, err
	}
	table, err := generateTable(conv, "convspec")
	if err != nil {
		return nil, err
	}
	files[convFile] = table
	convFiles, err := generateConversations(conv)
	if err != nil {
		return nil, err
	}
	for name, src := range convFiles {
		files[name] = src
	}
	return files, nil
}

// formatAll runs each writer and returns its output, gofmt'ed, by name.
func formatAll(writers map[string]func(*bytes.Buffer)) (map[string][]byte, error) {
	files := map[string][]byte{}
	for name, write := range writers {
		var b bytes.Buffer
		write(&b)
		out, err := format.Source(b.Bytes())
		if err != nil {
			return nil, fmt.Errorf("formatting %s: %v\n%s", name, err, b.Bytes())
		}
		files[name] = out
	}
	return files, nil
}

// target is a package the generator writes params and result types into,
// with its part of the overlay.
type target struct {
	pkg     string // its name
	dir     string // its directory, relative to internal/spec
	specPkg string // the package of its spec's table: spec or convspec
	// The overlay's names and docs (see overlay.go).
	groupNames, typeDocs, resultTypes, resultDocs, resultFields map[string]string
	// keyChecks names the check of a key the spec cannot state, by key, made
	// wherever the key is sent: a function of the key's name and field.
	keyChecks map[string]string
	checked   map[string]bool // the params types with a hand-written check
}

// rootTarget is the root package, twiliochat.
func rootTarget() *target {
	return &target{pkg: "twiliochat", dir: rootDir, specPkg: "spec",
		groupNames: groupNames, typeDocs: typeDocs, resultTypes: resultTypes, resultDocs: resultDocs, resultFields: resultFields}
}

// readChecks finds the params types of tg with a check written by hand,
// once.
func (tg *target) readChecks() {
	if tg.checked != nil {
		return
	}
	var err error
	if tg.checked, err = ownChecks(tg.dir); err != nil {
		panic(err)
	}
}

// lineWriter returns a function that writes one line of generated code,
// formatted as fmt.Sprintf formats it, to b.
func lineWriter(b *bytes.Buffer) func(format string, args ...any) {
	return func(format string, args ...any) { fmt.Fprintf(b, format+"\n", args...) }
}

// header starts a generated file of package pkg with the line that marks
// it generated and names the specs it comes from.
func (s *spec) header(b *bytes.Buffer, pkg string) {
	fmt.Fprintf(b, "// Code generated by internal/gen from %s; DO NOT EDIT.\n\npackage %s\n\n", strings.Join(s.files, " and "), pkg)
}

// writePages writes the engine's pageBody: a field for each list key of
// the spec and of more, the other APIs' specs, so that a page of any list
// decodes without reflection.
func (s *spec) writePages(b *bytes.Buffer, more ...*spec) {
	all := &spec{files: s.files}
	for _, m := range more {
		all.files = append(all.files, m.files...)
	}
	all.header(b, "engine")
	var keys []string
	for _, x := range append([]*spec{s}, more...) {
		for _, o := range x.ops {
			if o.listKey != "" && !slices.Contains(keys, o.listKey) {
				keys = append(keys, o.listKey)
			}
		}
	}
	sort.Strings(keys)
	b.WriteString("// pageBody is what the JSON of a list page decodes into: its meta and a\n")
	b.WriteString("// field for each list key of the spec, of which a page fills one.\n")
	b.WriteString("type pageBody[T any] struct {\n\tMeta PageMeta `json:\"meta\"`\n")
	for _, k := range keys {
		fmt.Fprintf(b, "\t%s []T `json:%q`\n", camel(k), k)
	}
	b.WriteString("}\n\n")
	b.WriteString("// items returns the field of the list key, nil for a key the spec does\n// not have.\n")
	b.WriteString("func (b *pageBody[T]) items(key string) *[]T {\n\tswitch key {\n")
	for _, k := range keys {
		fmt.Fprintf(b, "\tcase %q:\n\t\treturn &b.%s\n", k, camel(k))
	}
	b.WriteString("\t}\n\treturn nil\n}\n")
}

// findPrefixes finds every SID pattern of the document and names its prefix
// after the shortest name the places it appears give: a "role_sid" or
// "RoleSid" key names it Role, the "sid" of the schema
// chat.v2.service.role too.
func (s *spec) findPrefixes(raws []any) error {
	names := map[string][]string{}
	var walk func(v any, key, schemaName string)
	walk = func(v any, key, schemaName string) {
		switch v := v.(type) {
		case map[string]any:
			if p, ok := v["pattern"].(string); ok {
				if m := sidPattern.FindStringSubmatch(p); m != nil {
					names[m[1]] = append(names[m[1]], prefixName(key, schemaName))
				}
			}
			for k, child := range v {
				switch {
				case key == "schemas": // v is the map of schemas, by name
					walk(child, "", k)
				case key == "properties": // v is the map of properties, by name
					walk(child, k, schemaName)
				case k == "properties" || k == "schemas":
					walk(child, k, schemaName)
				default: // "schema", "items" …: the same key
					walk(child, key, schemaName)
				}
			}
		case []any:
			for _, child := range v {
				walk(child, keyOf(child, key), schemaName)
			}
		}
	}
	for _, raw := range raws {
		walk(raw, "", "")
	}
	for prefix, candidates := range names {
		candidates = slices.DeleteFunc(candidates, func(n string) bool { return n == "" })
		if len(candidates) == 0 {
			return fmt.Errorf("no name for the SID prefix %s", prefix)
		}
		sort.Slice(candidates, func(i, j int) bool {
			a, b := candidates[i], candidates[j]
			return len(a) < len(b) || len(a) == len(b) && a < b
		})
		s.addPrefix(candidates[0], prefix)
	}
	for name, prefix := range extraPrefixes {
		s.addPrefix(name, prefix)
	}
	return nil
}

func (s *spec) addPrefix(name, prefix string) {
	s.prefixes[name] = prefix
	s.byPrefix[prefix] = name
}

// keyOf is the key a value stands under: a parameter's name, or key.
func keyOf(v any, key string) string {
	if m, ok := v.(map[string]any); ok {
		if name, ok := m["name"].(string); ok {
			return name
		}
	}
	return key
}

// prefixName is the name a SID's place gives its prefix, "" for none.
func prefixName(key, schemaName string) string {
	switch {
	case key == "sid":
		if schemaName == "" {
			return ""
		}
		return camel(schemaName[strings.LastIndexByte(schemaName, '.')+1:])
	case strings.HasSuffix(key, "_sid"):
		return camel(strings.TrimSuffix(key, "_sid"))
	case strings.HasSuffix(key, "Sid") && key != "Sid":
		return strings.TrimSuffix(key[strings.LastIndexByte(key, '.')+1:], "Sid")
	}
	return ""
}

// camel turns snake_case into CamelCase.
func camel(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func (s *spec) findEnums() error {
	for _, doc := range s.docs {
		if err := s.findEnumsOf(doc); err != nil {
			return err
		}
	}
	byGo := map[string]*enum{}
	for name, e := range s.enums {
		if other := byGo[e.goName]; other != nil && !sameValues(other.values, e.values) {
			return fmt.Errorf("enum %s: values %v, but another schema named %s has %v", name, e.values, e.goName, other.values)
		}
		if byGo[e.goName] == nil || name < byGo[e.goName].schema {
			byGo[e.goName] = e
		}
	}
	// Schemas of one Go name list their values in the order of the first
	// by schema name, so that the output does not depend on map order.
	for _, e := range s.enums {
		e.values = byGo[e.goName].values
	}
	return nil
}

// sameValues reports whether a and b hold the same values, in any order.
func sameValues(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// findEnumsOf adds the enum schemas of doc; a schema another spec has too
// must have the same values.
func (s *spec) findEnumsOf(doc *document) error {
	for name, sc := range doc.Components.Schemas {
		if sc.Enum == nil {
			continue
		}
		if e := s.enums[name]; e != nil {
			if !slices.Equal(e.values, sc.Enum) {
				return fmt.Errorf("%s: enum %s has values %v, and %v in another spec", doc.name, name, sc.Enum, e.values)
			}
			continue
		}
		goName := enumNames[name]
		if goName == "" {
			_, after, ok := strings.Cut(name, "_enum_")
			if !ok {
				return fmt.Errorf("enum schema %s: no _enum_ in its name", name)
			}
			goName = camel(after)
		}
		s.enums[name] = &enum{schema: name, goName: goName, values: sc.Enum}
	}
	return nil
}

var methodOrder = map[string]int{"get": 0, "post": 1, "delete": 2}

func (s *spec) findOperations() error {
	ids := map[string]bool{}
	for _, doc := range s.docs {
		for path, methods := range doc.Paths {
			for method, raw := range methods {
				if _, ok := methodOrder[method]; !ok {
					continue
				}
				var so operation
				if err := json.Unmarshal(raw, &so); err != nil {
					return fmt.Errorf("%s: %s %s: %v", doc.name, method, path, err)
				}
				var order struct {
					RequestBody struct {
						Content map[string]struct {
							Schema struct {
								Properties orderedKeys `json:"properties"`
							} `json:"schema"`
						} `json:"content"`
					} `json:"requestBody"`
				}
				if err := json.Unmarshal(raw, &order); err != nil {
					return fmt.Errorf("%s: %s %s: %v", doc.name, method, path, err)
				}
				for _, c := range order.RequestBody.Content {
					so.formOrder = c.Schema.Properties
				}
				if id := operationIDs[doc.name+" "+so.OperationID]; id != "" {
					so.OperationID = id
				}
				if ids[so.OperationID] {
					return fmt.Errorf("%s: operationId %s is taken: give it another in the overlay", doc.name, so.OperationID)
				}
				ids[so.OperationID] = true
				o, err := s.operation(path, method, &so)
				if err != nil {
					return fmt.Errorf("%s: %s: %v", doc.name, so.OperationID, err)
				}
				s.ops = append(s.ops, o)
			}
		}
	}
	sort.Slice(s.ops, func(i, j int) bool {
		a, b := s.ops[i], s.ops[j]
		if a.path != b.path {
			return a.path < b.path
		}
		return methodOrder[strings.ToLower(a.method)] < methodOrder[strings.ToLower(b.method)]
	})
	return nil
}

func (s *spec) operation(path, method string, so *operation) (*op, error) {
	o := &op{id: so.OperationID, method: strings.ToUpper(method), path: path, summary: so.Summary}
	for _, p := range so.Parameters {
		if p.In == "path" {
			continue
		}
		k, err := s.key(so.OperationID, p.Name, p.In, &p.Schema, p.Required)
		if err != nil {
			return nil, err
		}
		k.desc = p.Description
		switch p.In {
		case "header":
			if headerNames[p.Name] == "" {
				return nil, fmt.Errorf("header %s has no Go name in the overlay", p.Name)
			}
			o.webhookHeader = o.webhookHeader || headerNames[p.Name] == "WebhookEnabledHeader"
		case "query":
			if p.Name == "PageSize" && p.Schema.Maximum != nil {
				o.maxPageSize = *p.Schema.Maximum
			}
		}
		o.keys = append(o.keys, k)
	}
	if so.RequestBody != nil {
		body, ok := so.RequestBody.Content["application/x-www-form-urlencoded"]
		if !ok || len(so.RequestBody.Content) != 1 {
			return nil, fmt.Errorf("a request body that is not a form")
		}
		o.formOrder = so.formOrder
		for _, name := range sortedKeys(body.Schema.Properties) {
			k, err := s.key(so.OperationID, name, "form", body.Schema.Properties[name], slices.Contains(body.Schema.Required, name))
			if err != nil {
				return nil, err
			}
			k.desc = body.Schema.Properties[name].Description
			o.keys = append(o.keys, k)
		}
	}
	sort.SliceStable(o.keys, func(i, j int) bool { return o.keys[i].in < o.keys[j].in })
	if o.method == "GET" {
		props := so.Responses["200"].Content["application/json"].Schema.Properties
		if _, ok := props["meta"]; ok {
			for name := range props {
				if name != "meta" {
					o.listKey = name
				}
			}
			if len(props) != 2 || o.maxPageSize == 0 {
				return nil, fmt.Errorf("a list page with keys %v and page maximum %d", sortedKeys(props), o.maxPageSize)
			}
		}
	}
	return o, nil
}

func (s *spec) key(opID, name, in string, sc *schema, required bool) (key, error) {
	k := key{name: name, in: in, required: required, nullable: sc.Nullable, min: sc.Minimum, max: sc.Maximum}
	values := sc
	switch {
	case sc.Ref != "":
		k.typ = "string"
	case sc.Type == "array":
		if sc.Items == nil || sc.Items.Ref == "" && sc.Items.Type != "string" {
			return k, fmt.Errorf("%s: an array of something other than strings", name)
		}
		k.typ = "array"
		values = sc.Items
	case sc.Type == "string" && sc.Format == "date-time":
		k.typ = "date-time"
	case sc.Type == "string" || sc.Type == "integer" || sc.Type == "boolean":
		k.typ = sc.Type
	default:
		return k, fmt.Errorf("%s: type %q", name, sc.Type)
	}
	switch {
	case values.Ref != "":
		e := s.enums[strings.TrimPrefix(values.Ref, "#/components/schemas/")]
		if e == nil {
			return k, fmt.Errorf("%s: $ref %s is not an enum", name, values.Ref)
		}
		k.enum, k.enumType = e.plural(), e.goName
	case values.Enum != nil:
		schemaName := inlineEnums[opID+"."+name]
		e := s.enums[schemaName]
		if e == nil {
			return k, fmt.Errorf("%s: an inline enum the overlay does not name", name)
		}
		if !slices.Equal(e.values, values.Enum) {
			return k, fmt.Errorf("%s: inline enum %v, but %s has %v", name, values.Enum, schemaName, e.values)
		}
		k.enum, k.enumType = e.plural(), e.goName
	}
	if m := sidPattern.FindStringSubmatch(sc.Pattern); m != nil {
		k.prefix = s.byPrefix[m[1]] + "SIDPrefix"
	} else {
		k.pattern = sc.Pattern
	}
	return k, nil
}

func (e *enum) plural() string {
	if p := enumPlurals[e.goName]; p != "" {
		return p
	}
	if strings.HasSuffix(e.goName, "s") {
		return e.goName + "es"
	}
	return e.goName + "s"
}

// collection is what a collection segment says about the path values after
// it.
type collection struct {
	prefix string // Go name
	names  bool
}

// collections works out, for each collection segment of the paths, the SID
// prefix of its path values and whether they may be names instead: a path
// value without a pattern may, and its prefix is that of the resource the
// collection is named after (Channels, Channel).
func (s *spec) collections() (map[string]collection, error) {
	out := map[string]collection{}
	for _, doc := range s.docs {
		if err := s.collectionsOf(doc, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// collectionsOf adds the collections of doc to out.
func (s *spec) collectionsOf(doc *document, out map[string]collection) error {
	for path, methods := range doc.Paths {
		for _, raw := range methods {
			var so operation
			if json.Unmarshal(raw, &so) != nil || so.OperationID == "" {
				continue
			}
			segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
			for i, seg := range segs {
				if !strings.HasPrefix(seg, "{") {
					continue
				}
				name := strings.Trim(seg, "{}")
				coll := segs[i-1]
				var c collection
				for _, p := range so.Parameters {
					if p.In != "path" || p.Name != name {
						continue
					}
					if m := sidPattern.FindStringSubmatch(p.Schema.Pattern); m != nil {
						c.prefix = s.byPrefix[m[1]]
					} else if p.Schema.Pattern == "" {
						c.names = true
						c.prefix = strings.TrimSuffix(coll, "s")
						if name := collectionPrefixes[coll]; name != "" {
							c.prefix = name
						}
						if s.prefixes[c.prefix] == "" {
							return fmt.Errorf("%s: no SID prefix named after the collection %s", so.OperationID, coll)
						}
					} else {
						return fmt.Errorf("%s: path value %s has pattern %s", so.OperationID, name, p.Schema.Pattern)
					}
				}
				if c.prefix == "" {
					return fmt.Errorf("%s: path value %s is not a parameter", so.OperationID, name)
				}
				if prev, ok := out[coll]; ok && prev != c {
					return fmt.Errorf("%s: the values of %s are %+v here and %+v elsewhere", so.OperationID, coll, c, prev)
				}
				out[coll] = c
			}
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var (
	inNames   = map[string]string{"form": "InForm", "query": "InQuery", "header": "InHeader"}
	typeNames = map[string]string{"string": "TypeString", "integer": "TypeInteger", "boolean": "TypeBoolean", "date-time": "TypeDateTime", "array": "TypeArray"}
	methods   = map[string]string{"GET": "http.MethodGet", "POST": "http.MethodPost", "DELETE": "http.MethodDelete"}
)

func (s *spec) write(b *bytes.Buffer, collections map[string]collection, pkg string) {
	p := lineWriter(b)
	s.header(b, pkg)
	// q qualifies the names of package spec outside it.
	q := ""
	if pkg == "spec" {
		p(`import "net/http"`)
	} else {
		q = "spec."
		p(`import (`)
		p(`"net/http"`)
		p("")
		p(`"github.com/e3f0929f/twiliochat/internal/spec"`)
		p(`)`)
	}
	p("")
	p("// SID prefixes: every SID is one of these followed by 32 hex digits.")
	p("const (")
	for _, name := range sortedKeys(s.prefixes) {
		p("%sSIDPrefix = %q", name, s.prefixes[name])
	}
	p(")")
	p("")
	p("// SIDPrefixes maps the name of each kind of SID to its prefix.")
	p("var SIDPrefixes = map[string]string{")
	for _, name := range sortedKeys(s.prefixes) {
		p("%q: %sSIDPrefix,", name, name)
	}
	p("}")
	p("")
	if q == "" {
		p("// Header params.")
		p("const (")
		for _, name := range sortedKeys(headerNames) {
			p("%s = %q", headerNames[name], name)
		}
		p(")")
		p("")
	}
	p("// Form and query keys: every key a request of the spec sends in its form")
	p("// or query, KeyConfigurationURL for Configuration.Url.")
	p("const (")
	for _, name := range s.requestKeys() {
		p("Key%s = %q", keyConstName(name), name)
	}
	p(")")
	p("")

	byGo := map[string]*enum{}
	schemasOf := map[string][]string{}
	for name, e := range s.enums {
		byGo[e.goName] = e
		schemasOf[e.goName] = append(schemasOf[e.goName], name)
	}
	p("// Enum values.")
	p("const (")
	for _, goName := range sortedKeys(byGo) {
		for _, v := range byGo[goName].values {
			p("%s = %q", goName+valueName(v), v)
		}
	}
	p(")")
	p("")
	p("// Enum values in the spec's order, by Go name; the comment gives the schemas.")
	p("var (")
	for _, goName := range sortedKeys(byGo) {
		e := byGo[goName]
		consts := make([]string, len(e.values))
		for i, v := range e.values {
			consts[i] = goName + valueName(v)
		}
		names := schemasOf[goName]
		sort.Strings(names)
		p("%s = []string{%s} // %s", e.plural(), strings.Join(consts, ", "), strings.Join(names, ", "))
	}
	p(")")
	p("")
	p("// Enums maps every enum schema of the spec to its values.")
	p("var Enums = map[string][]string{")
	for _, name := range sortedKeys(s.enums) {
		p("%q: %s,", name, s.enums[name].plural())
	}
	p("}")
	p("")
	p("// Collections maps each collection segment of a path template to what its")
	p("// path values are.")
	p("var Collections = map[string]%sCollection{", q)
	for _, name := range sortedKeys(collections) {
		c := collections[name]
		if c.names {
			p("%q: {Prefix: %sSIDPrefix, Names: true},", name, c.prefix)
		} else {
			p("%q: {Prefix: %sSIDPrefix},", name, c.prefix)
		}
	}
	p("}")
	p("")
	p("// Operations are the %d operations of the specs.", len(s.ops))
	p("var Operations = []*%sOperation{", q)
	for _, o := range s.ops {
		row := fmt.Sprintf("{ID: %q, Method: %s, Path: %q", o.id, methods[o.method], o.path)
		if o.listKey != "" {
			row += fmt.Sprintf(", ListKey: %q, MaxPageSize: %d", o.listKey, o.maxPageSize)
		}
		if o.webhookHeader {
			row += ", WebhookHeader: true"
		}
		p("%s},", row)
	}
	p("}")
	p("")
	p("// keys are the non-path params of each operation, by operationId.")
	p("var keys = map[string][]%sKey{", q)
	for _, o := range s.ops {
		if len(o.keys) == 0 {
			continue
		}
		p("%q: {", o.id)
		for _, k := range o.keys {
			name := strconv.Quote(k.name)
			if k.in == "header" {
				name = q + headerNames[k.name]
			}
			row := fmt.Sprintf("{Name: %s, In: %s, Type: %s", name, q+inNames[k.in], q+typeNames[k.typ])
			if k.required {
				row += ", Required: true"
			}
			if k.nullable {
				row += ", Nullable: true"
			}
			if k.enum != "" {
				row += ", Enum: " + k.enum
			}
			if k.prefix != "" {
				row += ", Prefix: " + k.prefix
			}
			if k.pattern != "" {
				row += ", Pattern: " + strconv.Quote(k.pattern)
			}
			if k.min != nil {
				row += fmt.Sprintf(", Min: bound(%d)", *k.min)
			}
			if k.max != nil {
				row += fmt.Sprintf(", Max: bound(%d)", *k.max)
			}
			p("%s},", row)
		}
		p("},")
	}
	p("}")
}

// valueName is the Go spelling of an enum value in a constant's name.
func valueName(v string) string {
	if n := valueNames[v]; n != "" {
		return n
	}
	return strings.ToUpper(v[:1]) + v[1:]
}
