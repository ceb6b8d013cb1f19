package twiliochat_test

import (
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// TestReadmeResources holds the README's table of resources to the code:
// one row per resource field of Client, linked to the godoc of the field's
// type, whose methods, path, page maximum,
// path values that take names and operations that take WebhookEnabled are
// worked out from internal/spec and the field's method set. On a mismatch
// it prints the row or table the README should have.
func TestReadmeResources(t *testing.T) {
	t.Parallel()
	md, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	got := resourcesTable(string(md))
	if len(got) == 0 {
		t.Fatal("README.md has no table of resources under \"## Resources\"")
	}

	ops := map[string]*spec.Operation{}
	for _, op := range spec.Operations {
		ops[op.ID] = op
	}
	client := reflect.TypeFor[twiliochat.Client]()
	want := map[string]string{}
	for i := range client.NumField() {
		f := client.Field(i)
		if f.IsExported() {
			want["`"+f.Name+"`"] = resourceRow(t, f, ops)
		}
	}

	var seen []string
	for _, row := range got {
		field := strings.TrimSpace(strings.Split(strings.Trim(row, "|"), "|")[0])
		if text, _, ok := strings.Cut(strings.TrimPrefix(field, "["), "]("); ok {
			field = text // the field's name, linked to its godoc
		}
		w, ok := want[field]
		switch {
		case !ok:
			t.Errorf("README row for %s, which is no resource field of Client:\n%s", field, row)
		case slices.Contains(seen, field):
			t.Errorf("README has two rows for %s", field)
		case row != w:
			t.Errorf("README row for %s:\n%s\nwant\n%s", field, row, w)
		}
		seen = append(seen, field)
	}
	for field, w := range want {
		if !slices.Contains(seen, field) {
			t.Errorf("README has no row for %s; want\n%s", field, w)
		}
	}
}

// resourcesTable returns the body rows of the first table in the README's
// "## Resources" section.
func resourcesTable(md string) []string {
	_, section, ok := strings.Cut(md, "\n## Resources\n")
	if !ok {
		return nil
	}
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	var rows []string
	in := false
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "|") {
			if in {
				break
			}
			continue
		}
		in = true
		rows = append(rows, line)
	}
	if len(rows) < 2 {
		return nil
	}
	return rows[2:] // past the header and its separator
}

// resourceRow is the README row of the Client field f.
func resourceRow(t *testing.T, f reflect.StructField, ops map[string]*spec.Operation) string {
	t.Helper()
	resource := strings.TrimSuffix(f.Name, "s")
	var methods, webhook []string
	for _, verb := range []string{"Create", "Fetch", "Update", "Migrate", "Delete", "List"} {
		op := ops[verb+resource]
		if op == nil {
			continue
		}
		if verb == "List" {
			methods = append(methods, "ListPage", "NextPage", "List")
		} else {
			methods = append(methods, verb)
		}
		if op.WebhookHeader {
			webhook = append(webhook, verb)
		}
	}
	var has []string
	for i := range f.Type.NumMethod() {
		has = append(has, f.Type.Method(i).Name)
	}
	if !slices.Equal(slices.Sorted(slices.Values(methods)), has) {
		t.Errorf("Client.%s has the methods %v, want those of the spec's operations on %s: %v", f.Name, has, resource, methods)
	}
	fetch, list := ops["Fetch"+resource], ops["List"+resource]
	if fetch == nil || list == nil {
		t.Fatalf("the spec has no Fetch%s or List%s for Client.%s", resource, resource, f.Name)
	}
	var names []string
	for _, p := range fetch.Params {
		if p.Names {
			names = append(names, "`"+p.Name+"` ("+nameKinds[p.Prefix]+")")
		}
	}
	doc := "https://pkg.go.dev/github.com/e3f0929f/twiliochat#" + f.Type.Elem().Name()
	return "| [`" + f.Name + "`](" + doc + ") | " + strings.Join(methods, ", ") + " | `" + fetch.Path + "` | " +
		strconv.Itoa(list.MaxPageSize) + " | " + orDash(strings.Join(names, ", ")) + " | " + orDash(strings.Join(webhook, ", ")) + " |"
}

// nameKinds says what name a path value takes instead of a SID, by the
// SID's prefix.
var nameKinds = map[string]string{
	spec.ChannelSIDPrefix: "unique name",
	spec.UserSIDPrefix:    "identity",
	spec.MemberSIDPrefix:  "identity",
}

// orDash returns s, or "–" when s is empty.
func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
