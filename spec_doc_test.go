package twiliochat

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// Reading the vendored OpenAPI description (twilio-oai 2.6.7, unchanged)
// into the facts TestSpec holds the SDK to. Nothing here is written by hand:
// every operation, key, type, enum, pattern, required flag and answer
// property comes from the JSON.

// specFiles are the vendored specs, the one copy in the module, which
// internal/spec's own test reads too; LICENSE-twilio-oai next to them is
// their licence.
var specFiles = []string{"internal/spec/testdata/twilio_chat_v2.json", "internal/spec/testdata/twilio_chat_v3.json"}

// apiSchema is an OpenAPI schema object, as much of it as the test reads.
type apiSchema struct {
	Ref        string                `json:"$ref"`
	Type       string                `json:"type"`
	Format     string                `json:"format"`
	Pattern    string                `json:"pattern"`
	Enum       []string              `json:"enum"`
	Nullable   bool                  `json:"nullable"`
	Minimum    *int64                `json:"minimum"`
	Maximum    *int64                `json:"maximum"`
	Items      *apiSchema            `json:"items"`
	Properties map[string]*apiSchema `json:"properties"`
	Required   []string              `json:"required"`
}

// apiMedia is one content type of a request body or response.
type apiMedia struct {
	Schema   *apiSchema `json:"schema"`
	Examples map[string]struct {
		Value json.RawMessage `json:"value"`
	} `json:"examples"`
}

// apiOperation is an OpenAPI operation object.
type apiOperation struct {
	OperationID string `json:"operationId"`
	Parameters  []struct {
		Name     string     `json:"name"`
		In       string     `json:"in"`
		Required bool       `json:"required"`
		Schema   *apiSchema `json:"schema"`
	} `json:"parameters"`
	RequestBody *struct {
		Content map[string]apiMedia `json:"content"`
	} `json:"requestBody"`
	Responses map[string]struct {
		Content map[string]apiMedia `json:"content"`
	} `json:"responses"`
}

// specParam is one parameter of an operation.
type specParam struct {
	// Key is the form key, query key, header name or path parameter name.
	Key string
	// In is "path", "query", "header" or "body" (a form key).
	In       string
	Required bool
	// Schema has its $ref followed, so an enum's values are at hand.
	Schema *apiSchema
}

// specOp is one operation of the spec, as TestSpec uses it.
type specOp struct {
	ID, Method, Path string
	// Verb is Fetch, Create, Update, Delete or List; Noun the rest of the
	// operationId ("ChannelWebhook").
	Verb, Noun string
	// PathParams are in the order the path template names them.
	PathParams []*specParam
	// Params are the body, query and header parameters.
	Params []*specParam
	// Status is the success status the spec gives.
	Status int
	// Schema names the component schema of the answer (of its items, for a
	// list), "" when there is no body (a Delete).
	Schema string
	// ListKey is a list page's JSON key of its items; Meta is the schema of
	// its "meta" object.
	ListKey string
	Meta    *apiSchema
}

// specDoc is the whole spec as the test uses it.
type specDoc struct {
	Ops     []*specOp
	Schemas map[string]*apiSchema
	// Examples holds every example object of each component schema, from
	// every response example (a list's items included), for the properties
	// the spec gives no schema of their own (Service.notifications,
	// ChannelWebhook.configuration, Message.media …).
	Examples map[string][]map[string]any
}

// param returns op's body, query or header parameter key, or nil.
func (op *specOp) param(key string) *specParam {
	for _, p := range op.Params {
		if p.Key == key {
			return p
		}
	}
	return nil
}

// hasParams reports whether the spec gives op a parameter outside its
// path: exactly then its method takes a params pointer.
func (op *specOp) hasParams() bool { return len(op.Params) > 0 }

// schemaRefPrefix starts every $ref of the spec.
const schemaRefPrefix = "#/components/schemas/"

var (
	loadSpecOnce sync.Once
	loadedSpec   *specDoc
	loadSpecErr  error
)

// loadSpec reads and indexes the vendored spec once for every test.
func loadSpec(t *testing.T) *specDoc {
	t.Helper()
	loadSpecOnce.Do(func() { loadedSpec, loadSpecErr = readSpecDoc(specFiles...) })
	if loadSpecErr != nil {
		t.Fatalf("read %v: %v", specFiles, loadSpecErr)
	}
	return loadedSpec
}

// readSpecDoc parses the OpenAPI descriptions at names into one specDoc.
func readSpecDoc(names ...string) (*specDoc, error) {
	doc := &specDoc{Schemas: map[string]*apiSchema{}, Examples: map[string][]map[string]any{}}
	for _, name := range names {
		if err := doc.read(name); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	slices.SortFunc(doc.Ops, func(a, b *specOp) int { return strings.Compare(a.ID, b.ID) })
	return doc, nil
}

// read adds the operations and schemas of the OpenAPI description at name.
// An operation goes by its ID in internal/spec, which renames one whose
// operationId an earlier spec has (Chat v3's UpdateChannel is
// MigrateChannel).
func (doc *specDoc) read(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var raw struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]*apiSchema `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	for name, s := range raw.Components.Schemas {
		if doc.Schemas[name] == nil {
			doc.Schemas[name] = s
		}
	}
	for path, item := range raw.Paths {
		for method, body := range item {
			switch method {
			case "get", "post", "delete", "put", "patch":
			default:
				continue // servers, description, x-twilio
			}
			var ao apiOperation
			if err := json.Unmarshal(body, &ao); err != nil {
				return fmt.Errorf("%s %s: %w", method, path, err)
			}
			i := slices.IndexFunc(spec.Operations, func(op *spec.Operation) bool {
				return op.Method == strings.ToUpper(method) && op.Path == path
			})
			if i < 0 {
				return fmt.Errorf("%s %s is not in internal/spec", method, path)
			}
			ao.OperationID = spec.Operations[i].ID
			op, err := doc.operation(strings.ToUpper(method), path, &ao)
			if err != nil {
				return fmt.Errorf("%s: %w", ao.OperationID, err)
			}
			doc.Ops = append(doc.Ops, op)
		}
	}
	return nil
}

// verbs are the operationId prefixes of the spec, each the SDK method (a
// List is ListPage, NextPage and List).
var verbs = []string{"Fetch", "Create", "Update", "Migrate", "Delete", "List"}

// pathValueRE finds the path parameters of a path template.
var pathValueRE = regexp.MustCompile(`\{([^}]+)\}`)

// operation builds the specOp of one operation.
func (doc *specDoc) operation(method, path string, ao *apiOperation) (*specOp, error) {
	op := &specOp{ID: ao.OperationID, Method: method, Path: path}
	for _, v := range verbs {
		if noun, ok := strings.CutPrefix(op.ID, v); ok {
			op.Verb, op.Noun = v, noun
			break
		}
	}
	if op.Verb == "" {
		return nil, fmt.Errorf("operationId starts with none of %v", verbs)
	}
	byName := map[string]*specParam{}
	for _, p := range ao.Parameters {
		sp := &specParam{Key: p.Name, In: p.In, Required: p.Required, Schema: doc.resolve(p.Schema)}
		if p.In == "path" {
			byName[p.Name] = sp
		} else {
			op.Params = append(op.Params, sp)
		}
	}
	for _, m := range pathValueRE.FindAllStringSubmatch(path, -1) {
		p := byName[m[1]]
		if p == nil {
			return nil, fmt.Errorf("path value {%s} is not a parameter", m[1])
		}
		op.PathParams = append(op.PathParams, p)
	}
	if len(op.PathParams) != len(byName) {
		return nil, fmt.Errorf("a path parameter is not in the path %s", path)
	}
	if ao.RequestBody != nil {
		for ct, media := range ao.RequestBody.Content {
			if ct != "application/x-www-form-urlencoded" {
				return nil, fmt.Errorf("request body %s is not a form", ct)
			}
			for key, s := range media.Schema.Properties {
				op.Params = append(op.Params, &specParam{
					Key: key, In: "body", Required: slices.Contains(media.Schema.Required, key), Schema: doc.resolve(s),
				})
			}
		}
	}
	slices.SortFunc(op.Params, func(a, b *specParam) int { return strings.Compare(a.Key, b.Key) })
	return op, doc.response(op, ao)
}

// response reads op's success status and the schema of its answer, and
// collects the answer's examples.
func (doc *specDoc) response(op *specOp, ao *apiOperation) error {
	for code, resp := range ao.Responses {
		status, err := strconv.Atoi(code)
		if err != nil || status < 200 || status > 299 {
			continue
		}
		if op.Status != 0 {
			return fmt.Errorf("two success statuses")
		}
		op.Status = status
		media, ok := resp.Content["application/json"]
		if !ok {
			continue
		}
		s := media.Schema
		if op.Verb == "List" {
			for key, prop := range s.Properties {
				if key == "meta" {
					op.Meta = prop
				} else if prop.Type == "array" {
					op.ListKey, op.Schema = key, strings.TrimPrefix(prop.Items.Ref, schemaRefPrefix)
				}
			}
		} else {
			op.Schema = strings.TrimPrefix(s.Ref, schemaRefPrefix)
		}
		if doc.Schemas[op.Schema] == nil {
			return fmt.Errorf("answer schema %q is not a component", op.Schema)
		}
		for _, ex := range media.Examples {
			var value map[string]any
			if err := json.Unmarshal(ex.Value, &value); err != nil {
				return err
			}
			if op.ListKey == "" {
				doc.Examples[op.Schema] = append(doc.Examples[op.Schema], value)
				continue
			}
			items, _ := value[op.ListKey].([]any)
			for _, item := range items {
				if obj, ok := item.(map[string]any); ok {
					doc.Examples[op.Schema] = append(doc.Examples[op.Schema], obj)
				}
			}
		}
	}
	if op.Status == 0 {
		return fmt.Errorf("no success response")
	}
	if op.Method != http.MethodDelete && op.Schema == "" {
		return fmt.Errorf("no JSON answer")
	}
	return nil
}

// resolve follows s's $ref, if any. An array's items are resolved too.
func (doc *specDoc) resolve(s *apiSchema) *apiSchema {
	if s == nil {
		return &apiSchema{}
	}
	if s.Ref != "" {
		if target := doc.Schemas[strings.TrimPrefix(s.Ref, schemaRefPrefix)]; target != nil {
			return target
		}
	}
	if s.Items != nil {
		resolved := *s
		resolved.Items = doc.resolve(s.Items)
		return &resolved
	}
	return s
}
