// Package readmecheck type-checks the Go code blocks of a Markdown file, so
// that every snippet in the README compiles as it is shown. Its test runs it
// on the module's README.md.
//
// A block is one of three kinds, told apart by its first line and by
// whether it parses:
//
//   - a whole file, starting with a package clause, checked as it is;
//   - top-level declarations (functions, types, variables), checked as the
//     body of a file;
//   - statements, checked as the body of a function that returns an error,
//     so "return err" works.
//
// Blocks that are not whole files get the imports goimports would add, for
// the package names they use (fmt, http, twiliochat, webhook, httpmock, …),
// and may use a few common variables without declaring them: ctx
// (context.Context), client (*twiliochat.Client), and accountSID,
// authToken, serviceSID and roleSID (strings).
//
// A block preceded by the line "<!-- readme: runs in FILE -->" must also
// appear, verbatim, in FILE (relative to the Markdown file), a test that
// runs it.
package readmecheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Block is one ```go block of a Markdown file.
type Block struct {
	// Line is the line number, from 1, of the block's first line of code.
	Line int
	// Code is the block's text, without its fences.
	Code string
	// RunsIn is the file named by a "<!-- readme: runs in FILE -->" line
	// just before the block, or "".
	RunsIn string
}

// runsIn matches the marker line of a block that a test runs.
var runsIn = regexp.MustCompile(`^<!-- readme: runs in (\S+) -->$`)

// Blocks returns the ```go blocks of the Markdown text md, in order. A
// fence may be indented, as in a list item; the block's lines lose that
// indentation.
func Blocks(md string) ([]Block, error) {
	var (
		blocks []Block
		cur    *Block
		indent string
		marker string
		lines  []string
	)
	for i, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimSpace(line)
		if cur != nil {
			if trimmed == "```" {
				cur.Code = strings.Join(lines, "\n") + "\n"
				blocks = append(blocks, *cur)
				cur, lines = nil, nil
				continue
			}
			if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, indent) {
				return nil, fmt.Errorf("line %d: code less indented than its fence", i+1)
			}
			lines = append(lines, strings.TrimPrefix(line, indent))
			continue
		}
		// A block in another language is read as text: none of its lines
		// is a ```go fence.
		if trimmed == "```go" {
			indent = line[:strings.Index(line, "`")]
			cur = &Block{Line: i + 2, RunsIn: marker}
		}
		if m := runsIn.FindStringSubmatch(trimmed); m != nil {
			marker = m[1]
		} else if trimmed != "" {
			marker = ""
		}
	}
	if cur != nil {
		return nil, fmt.Errorf("line %d: ```go block not closed", cur.Line-1)
	}
	return blocks, nil
}

// autoImports are the packages a block may use without importing them, by
// the name it uses.
var autoImports = map[string]string{
	"accesstoken":    "github.com/e3f0929f/twiliochat/accesstoken",
	"assert":         "github.com/stretchr/testify/assert",
	"context":        "context",
	"conversations":  "github.com/e3f0929f/twiliochat/conversations",
	"errors":         "errors",
	"fmt":            "fmt",
	"http":           "net/http",
	"httpmock":       "github.com/jarcoal/httpmock",
	"httptest":       "net/http/httptest",
	"json":           "encoding/json",
	"log":            "log",
	"os":             "os",
	"require":        "github.com/stretchr/testify/require",
	"slog":           "log/slog",
	"strings":        "strings",
	"testing":        "testing",
	"time":           "time",
	"twiliochat":     "github.com/e3f0929f/twiliochat",
	"twiliochattest": "github.com/e3f0929f/twiliochat/twiliochattest",
	"url":            "net/url",
	"webhook":        "github.com/e3f0929f/twiliochat/webhook",
}

// commonVars are the variables a block may use without declaring them, and
// how the generated file declares them.
var commonVars = map[string]string{
	"ctx":        "ctx = context.Background()",
	"client":     "client *twiliochat.Client",
	"accountSID": `accountSID = "AC0123456789abcdef0123456789abcdef"`,
	"authToken":  `authToken = "your_auth_token"`,
	"serviceSID": `serviceSID = "IS0123456789abcdef0123456789abcdef"`,
	"roleSID":    `roleSID = "RL0123456789abcdef0123456789abcdef"`,
}

// commonVarImports are the packages the declarations of commonVars use.
var commonVarImports = map[string][]string{"ctx": {"context"}, "client": {"twiliochat"}}

// kind is what a block holds.
type kind int

const (
	wholeFile kind = iota
	declarations
	statements
)

// source is the Go file a block is checked as.
type source struct {
	kind    kind
	text    string
	imports []string // import paths
}

// generate returns the file that block is checked as. name is the file name
// errors are reported in.
func generate(name string, b Block) source {
	directive := fmt.Sprintf("//line %s:%d\n", name, b.Line)
	if strings.HasPrefix(strings.TrimSpace(b.Code), "package ") {
		return source{kind: wholeFile, text: directive + b.Code, imports: fileImports(b.Code)}
	}
	k := statements
	declared := map[string]bool{}
	if f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+b.Code, parser.SkipObjectResolution); err == nil {
		k = declarations
		for _, d := range f.Decls {
			declared = topLevelNames(d, declared)
		}
	}
	own := fileImports("package p\n" + b.Code)
	pkgs, vars := uses(b.Code)
	for v := range vars {
		if declared[v] {
			delete(vars, v)
			continue
		}
		for _, name := range commonVarImports[v] {
			pkgs[name] = true
		}
	}
	var imports []string
	for name := range pkgs {
		path := autoImports[name]
		if path != "" && !slices.Contains(own, path) && !declared[name] {
			imports = append(imports, path)
		}
	}
	sort.Strings(imports)

	var buf strings.Builder
	buf.WriteString("package readme\n\n")
	for _, path := range imports {
		fmt.Fprintf(&buf, "import %q\n", path)
	}
	switch k {
	case declarations:
		buf.WriteString(directive)
		buf.WriteString(b.Code)
	case statements:
		buf.WriteString("func _() error {\n")
		buf.WriteString(directive)
		buf.WriteString(b.Code)
		buf.WriteString("return nil\n}\n")
	}
	// After the block, where its own imports cannot be: an import must come
	// before any other declaration.
	buf.WriteString("//line readmecheck-common.go:1\n")
	varNames := make([]string, 0, len(vars))
	for v := range vars {
		varNames = append(varNames, v)
	}
	sort.Strings(varNames)
	for _, v := range varNames {
		fmt.Fprintf(&buf, "var %s\n", commonVars[v])
	}
	return source{kind: k, text: buf.String(), imports: append(imports, own...)}
}

// topLevelNames adds the names d declares to names and returns it.
func topLevelNames(d ast.Decl, names map[string]bool) map[string]bool {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names[d.Name.Name] = true
		}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.ValueSpec:
				for _, n := range s.Names {
					names[n.Name] = true
				}
			case *ast.TypeSpec:
				names[s.Name.Name] = true
			}
		}
	}
	return names
}

// fileImports returns the import paths of a Go file's text, or nil when it
// does not parse.
func fileImports(text string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", text, parser.ImportsOnly)
	if err != nil {
		return nil
	}
	var paths []string
	for _, spec := range f.Imports {
		if path, err := strconv.Unquote(spec.Path.Value); err == nil {
			paths = append(paths, path)
		}
	}
	return paths
}

// uses returns the package names of autoImports that code uses as
// qualifiers (name followed by a dot, not itself after a dot), and the
// names of commonVars it mentions anywhere but after a dot.
func uses(code string) (pkgs, vars map[string]bool) {
	pkgs, vars = map[string]bool{}, map[string]bool{}
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(code))
	s.Init(file, []byte(code), nil, 0)
	prev := token.ILLEGAL
	var prevLit string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.PERIOD && prev == token.IDENT && autoImports[prevLit] != "" {
			pkgs[prevLit] = true
		}
		if tok == token.IDENT && prev != token.PERIOD && commonVars[lit] != "" {
			vars[lit] = true
		}
		if tok == token.IDENT && prev == token.PERIOD {
			// A selector's field is not a qualifier.
			tok = token.ILLEGAL
		}
		prev, prevLit = tok, lit
	}
	return pkgs, vars
}

// Check type-checks every ```go block of the Markdown file at path, using
// the packages of the module in moduleDir, and returns one error per
// problem, each starting with "path:line:".
func Check(path, moduleDir string) []error {
	md, err := os.ReadFile(path)
	if err != nil {
		return []error{err}
	}
	blocks, err := Blocks(string(md))
	if err != nil {
		return []error{fmt.Errorf("%s: %w", path, err)}
	}
	name := filepath.Base(path)
	sources := make([]source, len(blocks))
	need := map[string]bool{}
	for i, b := range blocks {
		sources[i] = generate(name, b)
		for _, p := range sources[i].imports {
			need[p] = true
		}
	}
	imp, err := newImporter(moduleDir, need)
	if err != nil {
		return []error{err}
	}
	var errs []error
	for i, b := range blocks {
		errs = append(errs, typeCheck(imp, sources[i])...)
		if b.RunsIn != "" {
			if err := checkRunsIn(filepath.Join(filepath.Dir(path), b.RunsIn), b); err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %w", name, b.Line, err))
			}
		}
	}
	return errs
}

// checkRunsIn reports whether the file at path holds b's code verbatim.
func checkRunsIn(path string, b Block) error {
	text, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("the block runs in %s: %w", filepath.Base(path), err)
	}
	if !bytes.Contains(text, []byte(b.Code)) {
		return fmt.Errorf("the block is not in %s, the test that runs it: copy it there again", filepath.Base(path))
	}
	return nil
}

// typeCheck type-checks one generated file and returns its errors, which
// carry the Markdown file's line numbers.
func typeCheck(imp types.Importer, src source) []error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "readme.go", src.text, parser.SkipObjectResolution)
	if err != nil {
		var list scanner.ErrorList
		if errors.As(err, &list) {
			errs := make([]error, len(list))
			for i, e := range list {
				errs[i] = errors.New(e.Error())
			}
			return errs
		}
		return []error{err}
	}
	var errs []error
	conf := types.Config{Importer: imp, Error: func(err error) { errs = append(errs, err) }}
	_, _ = conf.Check(f.Name.Name, fset, []*ast.File{f}, nil)
	return errs
}

// newImporter returns an importer that reads the export data that
// "go list -export" gives for the packages in need and their dependencies,
// built in moduleDir.
func newImporter(moduleDir string, need map[string]bool) (types.Importer, error) {
	paths := make([]string, 0, len(need))
	for p := range need {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	cmd := exec.Command("go", append([]string{"list", "-export", "-deps", "-json=ImportPath,Export,Error", "--"}, paths...)...)
	cmd.Dir = moduleDir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -export: %v: %s", err, stderr.Bytes())
	}
	exports := map[string]string{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var pkg struct {
			ImportPath, Export string
			Error              *struct{ Err string }
		}
		if err := dec.Decode(&pkg); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list -export: %w", err)
		}
		if pkg.Error != nil {
			return nil, fmt.Errorf("go list -export: %s: %s", pkg.ImportPath, pkg.Error.Err)
		}
		exports[pkg.ImportPath] = pkg.Export
	}
	lookup := func(path string) (io.ReadCloser, error) {
		file, ok := exports[path]
		if !ok || file == "" {
			return nil, fmt.Errorf("no export data for %q: a snippet imports a package the check does not know", path)
		}
		return os.Open(file)
	}
	return importer.ForCompiler(token.NewFileSet(), "gc", lookup), nil
}
