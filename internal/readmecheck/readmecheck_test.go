package readmecheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// moduleDir is the module's root, from this package's directory.
const moduleDir = "../.."

// TestREADME checks every Go block of the module's README.md.
func TestREADME(t *testing.T) {
	t.Parallel()
	path := filepath.Join(moduleDir, "README.md")
	md, err := os.ReadFile(path)
	require.NoError(t, err)
	blocks, err := Blocks(string(md))
	require.NoError(t, err)
	require.Equal(t, strings.Count(string(md), "```go\n"), len(blocks), "every Go block is found")
	for _, err := range Check(path, moduleDir) {
		t.Error(err)
	}
}

// TestREADMETestClientsDoNotWait checks that every client a README test
// builds for itself retries without waiting, so that a reader who adds a
// 429 to it does not wait out a real backoff (srv.NewClient of
// twiliochattest does so on its own).
func TestREADMETestClientsDoNotWait(t *testing.T) {
	t.Parallel()
	md, err := os.ReadFile(filepath.Join(moduleDir, "README.md"))
	require.NoError(t, err)
	blocks, err := Blocks(string(md))
	require.NoError(t, err)
	built := 0
	for _, b := range blocks {
		if b.RunsIn == "" || !strings.Contains(b.Code, "twiliochat.NewClient(") {
			continue
		}
		built++
		assert.Equal(t, strings.Count(b.Code, "twiliochat.NewClient("), strings.Count(b.Code, "NoWait: true"),
			"the block at line %d builds a client without RetryPolicy.NoWait", b.Line)
	}
	assert.NotZero(t, built, "the README's tests build a client of their own")
}

func TestBlocks(t *testing.T) {
	t.Parallel()
	md := strings.Join([]string{
		"# Title",                            // 1
		"```sh",                              // 2
		"go test ./...",                      // 3
		"```",                                // 4
		"```go",                              // 5
		"x := 1",                             // 6
		"```",                                // 7
		"1. A list item:",                    // 8
		"",                                   // 9
		"   ```go",                           // 10
		"   func f() {",                      // 11
		"   \treturn",                        // 12
		"",                                   // 13
		"   }",                               // 14
		"   ```",                             // 15
		"<!-- readme: runs in x_test.go -->", // 16
		"```go",                              // 17
		"y := 2",                             // 18
		"```",                                // 19
		"<!-- readme: runs in x_test.go -->", // 20
		"text in between",                    // 21
		"```go",                              // 22
		"z := 3",                             // 23
		"```",                                // 24
	}, "\n")
	blocks, err := Blocks(md)
	require.NoError(t, err)
	assert.Equal(t, []Block{
		{Line: 6, Code: "x := 1\n"},
		{Line: 11, Code: "func f() {\n\treturn\n\n}\n"},
		{Line: 18, Code: "y := 2\n", RunsIn: "x_test.go"},
		{Line: 23, Code: "z := 3\n"},
	}, blocks)

	_, err = Blocks("```go\nx := 1\n")
	assert.EqualError(t, err, "line 1: ```go block not closed")
	_, err = Blocks("  ```go\n x := 1\n  ```\n")
	assert.EqualError(t, err, "line 2: code less indented than its fence")
}

// TestCheckFindsBrokenBlocks checks that the check fails each kind of
// broken block the README once had, at its line, and passes good ones.
func TestCheckFindsBrokenBlocks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	md := strings.Join([]string{
		"Good statements, with the common variables:", // 1
		"```go", // 2
		`svc, err := client.Services.Fetch(ctx, serviceSID)`, // 3
		"if err != nil {",               // 4
		"	return err",                   // 5
		"}",                             // 6
		"fmt.Println(svc.FriendlyName)", // 7
		"```",                           // 8
		"Unused variable:",              // 9
		"```go",                         // 10
		`svc, err := client.Services.Fetch(ctx, serviceSID)`, // 11
		"_ = err",         // 12
		"```",             // 13
		"Declared twice:", // 14
		"```go",           // 15
		"h, err := webhook.NewHandler(authToken)", // 16
		"h, err := webhook.NewHandler(authToken)", // 17
		"_, _ = h, err",               // 18
		"```",                         // 19
		"An import among statements:", // 20
		"```go",                       // 21
		"x := 1",                      // 22
		`import "github.com/e3f0929f/twiliochat/webhook"`, // 23
		"```",                // 24
		"Good declarations:", // 25
		"```go",              // 26
		"func rename(ctx context.Context, s twiliochat.ServicesAPI) error {",                                       // 27
		`	_, err := s.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{FriendlyName: twiliochat.Ptr("x")})`, // 28
		"	return err",                  // 29
		"}",                            // 30
		"```",                          // 31
		"An undefined name:",           // 32
		"```go",                        // 33
		"func f() { archiveOld(ctx) }", // 34
		"```",                          // 35
		"A whole file:",                // 36
		"```go",                        // 37
		"package main",                 // 38
		"",                             // 39
		`import "fmt"`,                 // 40
		"",                             // 41
		"func main() { fmt.Println(twiliochat.Version) }", // 42
		"```",                                   // 43
		"<!-- readme: runs in runs_test.go -->", // 44
		"```go",                                 // 45
		"func TestX(t *testing.T) {}",           // 46
		"```",                                   // 47
	}, "\n")
	path := filepath.Join(dir, "README.md")
	require.NoError(t, os.WriteFile(path, []byte(md), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "runs_test.go"), []byte("package x\n\nfunc TestY(t *testing.T) {}\n"), 0o600))

	errs := Check(path, moduleDir)
	want := []struct{ line, text string }{
		{"README.md:11:", "svc"},
		{"README.md:17:", "no new variables"},
		{"README.md:23:", "import"},
		{"README.md:34:", "undefined: archiveOld"},
		{"README.md:42:", "undefined: twiliochat"},
		{"README.md:46:", "the block is not in runs_test.go, the test that runs it: copy it there again"},
	}
	require.Len(t, errs, len(want), "%v", errs)
	for i, w := range want {
		assert.True(t, strings.HasPrefix(errs[i].Error(), w.line), "error %d: %v, want it at %s", i, errs[i], w.line)
		assert.Contains(t, errs[i].Error(), w.text)
	}
}
