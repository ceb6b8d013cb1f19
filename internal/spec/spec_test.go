package spec

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// document is the part of the OpenAPI description the table is checked
// against.
type document struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]struct {
			Enum       []string `json:"enum"`
			Properties map[string]struct {
				Pattern string `json:"pattern"`
			} `json:"properties"`
		} `json:"schemas"`
	} `json:"components"`
}

type specOperation struct {
	OperationID string `json:"operationId"`
	Parameters  []struct {
		Name   string `json:"name"`
		In     string `json:"in"`
		Schema struct {
			Pattern string `json:"pattern"`
			Maximum *int   `json:"maximum"`
		} `json:"schema"`
	} `json:"parameters"`
	RequestBody *struct {
		Content map[string]struct {
			Schema struct {
				Properties map[string]json.RawMessage `json:"properties"`
				Required   []string                   `json:"required"`
			} `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
	Responses map[string]struct {
		Content map[string]struct {
			Schema struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

// specFiles are the vendored specs the table is generated from.
var specFiles = []string{"testdata/twilio_chat_v2.json", "testdata/twilio_chat_v3.json"}

func readSpec(t *testing.T, name string) document {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var doc document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestOperationsMatchSpec reads every operation of the specs and checks
// that Operations describes it: the same operations, methods and paths,
// each path value's SID pattern or its lack of one (a name), the list key,
// the PageSize maximum, the webhook header, and every key. An operation
// has the spec's operationId unless an earlier spec took it.
func TestOperationsMatchSpec(t *testing.T) {
	t.Parallel()
	byRoute := map[string]*Operation{}
	for _, op := range Operations {
		byRoute[op.Method+" "+op.Path] = op
	}
	seen := map[string]bool{}
	for _, name := range specFiles {
		checkOperations(t, readSpec(t, name), byRoute, byID, seen)
	}
	if len(seen) != len(Operations) {
		t.Errorf("the specs have %d operations, Operations %d", len(seen), len(Operations))
	}
}

// CheckTable runs TestOperationsMatchSpec's checks on another table: ops,
// indexed as index, against the spec files, for internal/convspec.
func CheckTable(t *testing.T, ops []*Operation, index map[string]*Operation, files ...string) {
	byRoute := map[string]*Operation{}
	for _, op := range ops {
		byRoute[op.Method+" "+op.Path] = op
	}
	seen := map[string]bool{}
	for _, name := range files {
		checkOperations(t, readSpec(t, name), byRoute, index, seen)
	}
	if len(seen) != len(ops) {
		t.Errorf("the specs have %d operations, the table %d", len(seen), len(ops))
	}
}

// checkOperations checks the operations of doc against a table, by method
// and path, and adds them to seen; index is the table by ID.
func checkOperations(t *testing.T, doc document, byRoute map[string]*Operation, index map[string]*Operation, seen map[string]bool) {
	t.Helper()
	for path, methods := range doc.Paths {
		for method, raw := range methods {
			if method != "get" && method != "post" && method != "delete" {
				continue
			}
			var so specOperation
			if err := json.Unmarshal(raw, &so); err != nil {
				t.Fatal(err)
			}
			route := strings.ToUpper(method) + " " + path
			seen[route] = true
			op := byRoute[route]
			if op == nil {
				t.Errorf("%s (%s) is not in Operations", so.OperationID, route)
				continue
			}
			if op.ID != so.OperationID && index[so.OperationID] == nil {
				t.Errorf("%s: operationId %s, spec says %s, which no other operation has", route, op.ID, so.OperationID)
			}
			var pathParams []PathParam
			maxPage, header, nonPath := 0, false, so.RequestBody != nil
			declared := 0
			if so.RequestBody != nil {
				body := so.RequestBody.Content["application/x-www-form-urlencoded"].Schema
				for name := range body.Properties {
					declared++
					if !op.Accepts(InForm, name) {
						t.Errorf("%s: form key %s is not in Keys", op.ID, name)
					}
				}
				for _, name := range body.Required {
					if i := slices.IndexFunc(op.Keys, func(k Key) bool { return k.Name == name }); i < 0 || !op.Keys[i].Required {
						t.Errorf("%s: %s is required by the spec, not by Keys", op.ID, name)
					}
				}
			}
			for _, p := range so.Parameters {
				if p.In != "path" {
					declared++
					if !op.Accepts(In(p.In), p.Name) {
						t.Errorf("%s: %s key %s is not in Keys", op.ID, p.In, p.Name)
					}
				}
				switch p.In {
				case "path":
					pp := PathParam{Name: p.Name, Names: p.Schema.Pattern == ""}
					if !pp.Names {
						pp.Prefix = strings.TrimPrefix(p.Schema.Pattern, "^")[:2]
					}
					pathParams = append(pathParams, pp)
					continue
				case "header":
					header = header || p.Name == WebhookEnabledHeader
				case "query":
					if p.Name == "PageSize" && p.Schema.Maximum != nil {
						maxPage = *p.Schema.Maximum
					}
				}
				nonPath = true
			}
			if len(pathParams) != len(op.Params) {
				t.Errorf("%s: path values %+v, spec says %+v", op.ID, op.Params, pathParams)
			} else {
				for i, want := range pathParams {
					got := op.Params[i]
					if got.Name != want.Name || got.Names != want.Names || !want.Names && got.Prefix != want.Prefix {
						t.Errorf("%s: path value %+v, spec says %+v", op.ID, got, want)
					}
				}
			}
			if op.MaxPageSize != maxPage {
				t.Errorf("%s: MaxPageSize %d, spec says %d", op.ID, op.MaxPageSize, maxPage)
			}
			if op.WebhookHeader != header {
				t.Errorf("%s: WebhookHeader %v, spec says %v", op.ID, op.WebhookHeader, header)
			}
			if len(op.Keys) != declared {
				t.Errorf("%s: %d Keys, spec says %d", op.ID, len(op.Keys), declared)
			}
			if op.HasParams != nonPath {
				t.Errorf("%s: HasParams %v, spec says %v", op.ID, op.HasParams, nonPath)
			}
			listKey := ""
			if strings.HasPrefix(op.ID, "List") {
				for key := range so.Responses["200"].Content["application/json"].Schema.Properties {
					if key != "meta" {
						listKey = key
					}
				}
			}
			if op.ListKey != listKey {
				t.Errorf("%s: ListKey %q, spec says %q", op.ID, op.ListKey, listKey)
			}
			if wantCreates := strings.HasPrefix(op.ID, "Create"); op.Creates != wantCreates {
				t.Errorf("%s: Creates %v, want %v", op.ID, op.Creates, wantCreates)
			}
		}
	}
}

// TestCollectionPrefixes checks each collection's SID prefix against the sid
// pattern of the resource its Fetch returns.
func TestCollectionPrefixes(t *testing.T) {
	t.Parallel()
	doc := readSpec(t, specFiles[0])
	schemas := map[string]string{
		"Services": "chat.v2.service", "Roles": "chat.v2.service.role", "Channels": "chat.v2.service.channel",
		"Users": "chat.v2.service.user", "Members": "chat.v2.service.channel.member",
		"Messages": "chat.v2.service.channel.message", "Invites": "chat.v2.service.channel.invite",
		"Webhooks": "chat.v2.service.channel.channel_webhook", "Bindings": "chat.v2.service.binding",
		"Credentials": "chat.v2.credential",
	}
	if len(schemas) != len(Collections) {
		t.Fatalf("%d collections, %d checked", len(Collections), len(schemas))
	}
	for name, schema := range schemas {
		pattern := doc.Components.Schemas[schema].Properties["sid"].Pattern
		if want := "^" + Collections[name].Prefix + "[0-9a-fA-F]{32}$"; pattern != want {
			t.Errorf("%s: sid pattern %q, want %q", name, pattern, want)
		}
	}
}

// TestEnums checks Enums against every enum schema of the specs.
func TestEnums(t *testing.T) {
	t.Parallel()
	names := map[string]bool{}
	for _, file := range specFiles {
		for name, schema := range readSpec(t, file).Components.Schemas {
			if schema.Enum == nil {
				continue
			}
			names[name] = true
			if got := Enums[name]; strings.Join(got, ",") != strings.Join(schema.Enum, ",") {
				t.Errorf("%s: %s: %v, spec says %v", file, name, got, schema.Enum)
			}
		}
	}
	if len(names) != len(Enums) {
		t.Errorf("the specs have %d enums, Enums %d", len(names), len(Enums))
	}
}

func TestIsSID(t *testing.T) {
	t.Parallel()
	for sid, want := range map[string]bool{
		"IS0123456789abcdef0123456789ABCDEF":  true,
		"IS0123456789abcdef0123456789abcdeg":  false,
		"RL0123456789abcdef0123456789abcdef":  false,
		"IS0123456789abcdef0123456789abcde":   false,
		"IS0123456789abcdef0123456789abcdef0": false,
		"":                                    false,
	} {
		if got := IsSID(ServiceSIDPrefix, sid); got != want {
			t.Errorf("IsSID(IS, %q) = %v", sid, got)
		}
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	op := Lookup("FetchRole")
	if op.Parts[0] != "/v2/Services/" || op.Parts[1] != "/Roles/" || op.Parts[2] != "" {
		t.Errorf("Parts %q", op.Parts)
	}
	defer func() {
		if recover() == nil {
			t.Error("Lookup of an unknown id did not panic")
		}
	}()
	Lookup("FetchNothing")
}
