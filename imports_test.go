package twiliochat

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestImports holds the module to what go.mod says: the twiliochat package
// uses only the standard library, and golang-jwt/jwt is imported by the
// accesstoken package alone (its tests included).
func TestImports(t *testing.T) {
	t.Parallel()
	const jwtPath = "github.com/golang-jwt/jwt/v5"
	var rootFiles, jwtFiles int
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (path == "benchmarks" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != "."):
			return filepath.SkipDir // benchmarks is its own module
		case d.IsDir() || !strings.HasSuffix(path, ".go"):
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		inRoot := filepath.Dir(path) == "." && !strings.HasSuffix(path, "_test.go")
		if inRoot {
			rootFiles++
		}
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			require.NoError(t, err)
			if inRoot {
				first, _, _ := strings.Cut(imp, "/")
				assert.NotContains(t, first, ".", "%s imports %s: the twiliochat package uses only the standard library", path, imp)
			}
			if imp == jwtPath {
				jwtFiles++
				assert.Equal(t, "accesstoken", filepath.Dir(path), "%s imports %s: only accesstoken may", path, imp)
			}
		}
		return nil
	})
	require.NoError(t, err)
	assert.NotZero(t, rootFiles, "the walk saw the package's files")
	assert.NotZero(t, jwtFiles, "the walk saw accesstoken's import")
}
