package spec

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// literalDirs are the packages whose hand-written code must take the spec's
// facts from this package, relative to this directory.
var literalDirs = []string{"../..", "../../twiliochattest", "../../webhook", "../../accesstoken"}

// allowedLiterals are the literals that may stay, by "file: value", with
// the reason.
var allowedLiterals = map[string]string{
	"user_channels.go: channel": "twiliochattest: the key of a user channel's links, not a role type",
}

// notFacts are enum values that are not checked, with the reason.
var notFacts = map[string]string{
	"true":  "every boolean key is sent as true or false; X-Twilio-Webhook-Enabled's enum only spells those",
	"false": "every boolean key is sent as true or false; X-Twilio-Webhook-Enabled's enum only spells those",
}

// specLiterals are the spec's facts that hand-written code must not repeat:
// every SID prefix, enum value and header name, each mapped to what it is.
func specLiterals() map[string]string {
	facts := map[string]string{WebhookEnabledHeader: "a header of the spec"}
	for name, prefix := range SIDPrefixes {
		facts[prefix] = name + " SID prefix"
	}
	schemas := make([]string, 0, len(Enums))
	for schema := range Enums {
		schemas = append(schemas, schema)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(schemas))) // the first schema of a value wins
	for _, schema := range schemas {
		for _, v := range Enums[schema] {
			if _, skip := notFacts[v]; !skip {
				facts[v] = "a value of " + schema
			}
		}
	}
	return facts
}

// TestNoSpecLiterals fails when a SID prefix, an enum value or a header
// name of the spec appears as a string literal in the hand-written non-test
// code of the root package, twiliochattest, webhook or accesstoken: it must
// come from the generated constants, so that the spec states it once.
// Generated files and struct tags are skipped.
//
// Form and query keys are checked by TestNoKeyLiterals.
func TestNoSpecLiterals(t *testing.T) {
	t.Parallel()
	failOnLiterals(t, literalDirs, specLiterals(), nil)
}

// failOnLiterals fails for each string literal in facts in the hand-written
// non-test code of dirs, but in the scopes of skip: "file: name" is a
// top-level declaration of that name or the value of a composite literal's
// field of that name. It fails too for a scope of skip that is in none of
// the files, so that the list does not outlive the code.
func failOnLiterals(t *testing.T, dirs []string, facts, skip map[string]string) {
	t.Helper()
	var found []string
	used := map[string]bool{}
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if !strings.HasSuffix(path, "_test.go") {
				found = append(found, literalsIn(t, path, facts, skip, used)...)
			}
		}
	}
	for scope := range skip {
		if !used[scope] {
			found = append(found, scope+": no such scope to skip")
		}
	}
	sort.Strings(found)
	for _, f := range found {
		t.Error(f)
	}
}

// literalsIn returns the string literals of the Go file path that are in
// facts, and neither allowed nor in a scope of skip, as "file:line: value
// is what". It records the scopes of skip it meets in used.
func literalsIn(t *testing.T, path string, facts, skip map[string]string, used map[string]bool) []string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if ast.IsGenerated(f) {
		return nil
	}
	name := filepath.Base(path)
	skipped := func(scope string) bool {
		_, ok := skip[name+": "+scope]
		if ok {
			used[name+": "+scope] = true
		}
		return ok
	}
	tags := map[*ast.BasicLit]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if field, ok := n.(*ast.Field); ok && field.Tag != nil {
			tags[field.Tag] = true
		}
		return true
	})
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			return !skipped(n.Name.Name)
		case *ast.ValueSpec:
			return !slices.ContainsFunc(n.Names, func(id *ast.Ident) bool { return skipped(id.Name) })
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && skipped(id.Name) {
				return false
			}
		}
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING || tags[lit] {
			return true
		}
		v, err := strconv.Unquote(lit.Value)
		if err != nil {
			return true
		}
		what, ok := facts[v]
		if !ok {
			return true
		}
		if _, ok := allowedLiterals[name+": "+v]; ok {
			return true
		}
		out = append(out, fset.Position(lit.Pos()).String()+": "+strconv.Quote(v)+" is "+what)
		return true
	})
	return out
}

// keyDirs are the packages whose hand-written code must take the spec's
// form and query keys from generated code: the root package, which sends
// them, and twiliochattest, which reads them from the requests it serves
// and writes them in the forms of the requests it makes to itself (seeds,
// SDK clients). webhook is not checked: the parameters Twilio posts are
// not the keys of the requests the client sends, though many share a name.
var keyDirs = []string{"../..", "../../twiliochattest"}

// webhookParams are the scopes, as failOnLiterals takes them, where
// twiliochattest builds or reads the parameters of the webhooks it sends
// rather than the keys of a request, each with what it does there.
var webhookParams = map[string]string{
	"webhook_events.go: messageParams":          "builds a message event's webhook parameters",
	"webhook_events.go: messageEvent":           "adds DateUpdated to a message event's webhook parameters",
	"webhook_events.go: channelEvent":           "builds a channel event's webhook parameters",
	"webhook_events.go: memberEvent":            "builds a member event's webhook parameters",
	"webhook_events.go: userEvent":              "builds a user event's webhook parameters",
	"webhooks.go: channelTargets":               "reads an onMessageSent's Body to match a trigger webhook's words",
	"webhooks.go: dateParams":                   "names the webhook parameters that hold a date",
	"sdk_client.go: prepare":                    "an SDK action's prepare builds the parameters of its event",
	"conv_deliveries.go: convMessageEvent":      "builds a Conversations message event's webhook parameters",
	"conv_deliveries.go: convConversationEvent": "builds a Conversations conversation event's webhook parameters",
	"conv_deliveries.go: convParticipantEvent":  "builds a Conversations participant event's webhook parameters",
	"conv_deliveries.go: convStateEvent":        "builds onConversationStateUpdated's webhook parameters",
	"conv_receipts.go: deliveryEvent":           "builds onDeliveryUpdated's webhook parameters",
	"conv_sdk_client.go: convPreEvent":          "reads a Chat pre-event's parameters into the Conversations one's",
}

// keyLiterals are the spec's form and query keys, each mapped to what it
// is.
func keyLiterals() map[string]string {
	facts := map[string]string{}
	for _, op := range Operations {
		for _, k := range op.Keys {
			if k.In != InHeader {
				facts[k.Name] = "a " + string(k.In) + " key of " + op.ID
			}
		}
	}
	return facts
}

// TestNoKeyLiterals fails when a form or query key of the spec appears as
// a string literal in the hand-written non-test code of keyDirs: the root
// package names a key through its key constants (keyAttributes) and
// twiliochattest through this package's (KeyAttributes), both generated,
// so that the spec states each key once. The rule is by role, not by
// spelling: a literal that names a webhook parameter the fake sends
// ("Body" of an onMessageSend) is the webhook's vocabulary even where a
// request key has the same name, and is left where webhookParams says.
func TestNoKeyLiterals(t *testing.T) {
	t.Parallel()
	failOnLiterals(t, keyDirs, keyLiterals(), webhookParams)
}
