package twiliochat_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocComments checks that every exported name of the module's public
// packages has a doc comment that starts with the name: types, functions,
// methods of exported types, and constants and variables (those declared
// in a group may share the group's comment, as net/http's Status codes do).
func TestDocComments(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{".", "twiliochattest", "webhook", "accesstoken", "conversations", "internal/engine"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				for _, p := range undocumented(d) {
					t.Errorf("%s: %s", fset.Position(p.pos), p.problem)
				}
			}
		}
	}
}

// docProblem is an exported name whose doc comment is missing or does not
// start with the name.
type docProblem struct {
	pos     token.Pos
	problem string
}

// undocumented returns the problems of the exported names d declares.
func undocumented(d ast.Decl) []docProblem {
	var out []docProblem
	check := func(id *ast.Ident, docs ...*ast.CommentGroup) {
		if !id.IsExported() {
			return
		}
		for _, doc := range docs {
			if doc == nil {
				continue
			}
			if first, _, _ := strings.Cut(doc.Text(), " "); first != id.Name {
				out = append(out, docProblem{id.Pos(), id.Name + "'s doc comment does not start with its name"})
			}
			return
		}
		out = append(out, docProblem{id.Pos(), id.Name + " has no doc comment"})
	}
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && !exportedReceiver(d.Recv.List[0].Type) {
			return nil
		}
		check(d.Name, d.Doc)
	case *ast.GenDecl:
		grouped := d.Lparen.IsValid()
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				if grouped {
					check(s.Name, s.Doc)
				} else {
					check(s.Name, d.Doc)
				}
			case *ast.ValueSpec:
				for _, id := range s.Names {
					switch {
					case !grouped:
						check(id, d.Doc)
					case s.Doc != nil || s.Comment != nil:
						// Its own comment; a trailing one need not repeat the name.
						if s.Doc != nil {
							check(id, s.Doc)
						}
					case d.Doc == nil && id.IsExported():
						out = append(out, docProblem{id.Pos(), id.Name + " has no doc comment, nor has its group"})
					}
				}
			}
		}
	}
	return out
}

// exportedReceiver reports whether a method's receiver type is exported.
func exportedReceiver(typ ast.Expr) bool {
	for {
		switch e := typ.(type) {
		case *ast.StarExpr:
			typ = e.X
		case *ast.IndexExpr:
			typ = e.X
		case *ast.IndexListExpr:
			typ = e.X
		case *ast.Ident:
			return e.IsExported()
		default:
			return true
		}
	}
}
