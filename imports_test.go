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
// and the module's packages it imports use only the standard library, and
// golang-jwt/jwt is imported by the accesstoken package alone (its tests
// included).
func TestImports(t *testing.T) {
	t.Parallel()
	const (
		module  = "github.com/e3f0929f/twiliochat"
		jwtPath = "github.com/golang-jwt/jwt/v5"
	)
	imports := map[string][]string{} // package directory -> its non-test files' imports
	var jwtFiles int
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
		dir := filepath.ToSlash(filepath.Dir(path))
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			require.NoError(t, err)
			if !strings.HasSuffix(path, "_test.go") {
				imports[dir] = append(imports[dir], imp)
			}
			if imp == jwtPath {
				jwtFiles++
				assert.Equal(t, "accesstoken", dir, "%s imports %s: only accesstoken may", path, imp)
			}
		}
		return nil
	})
	require.NoError(t, err)
	assert.NotZero(t, jwtFiles, "the walk saw accesstoken's import")

	// Walk the twiliochat package's imports within the module.
	seen := map[string]bool{".": true}
	for queue := []string{"."}; len(queue) > 0; queue = queue[1:] {
		dir := queue[0]
		require.NotEmpty(t, imports[dir], "the walk saw package %s", dir)
		for _, imp := range imports[dir] {
			if rest, ok := strings.CutPrefix(imp, module+"/"); ok {
				if !seen[rest] {
					seen[rest] = true
					queue = append(queue, rest)
				}
				continue
			}
			first, _, _ := strings.Cut(imp, "/")
			assert.NotContains(t, first, ".", "package %s imports %s: the twiliochat package uses only the standard library", dir, imp)
		}
	}
}
