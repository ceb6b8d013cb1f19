package twiliochattest_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// specPath is op's path with a well-formed SID for each path value.
func specPath(op *spec.Operation) string {
	var b strings.Builder
	b.WriteString(op.Parts[0])
	for i, p := range op.Params {
		b.WriteString(p.Prefix + strings.Repeat("0", 32) + op.Parts[i+1])
	}
	return b.String()
}

// TestUndeclaredKeys sends every operation of both specs (Chat's and
// Conversations') a key it does not
// declare: a POST as a form key and a list as a query key answer Twilio's
// 400 naming it, and the same request with every key the operation declares
// instead is not refused for its keys. A Fetch or Delete answers the same
// with a stray query key as without it.
func TestUndeclaredKeys(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	const stray = "Undeclared"
	for _, op := range slices.Concat(spec.Operations, convspec.Operations) {
		t.Run(op.Path+" "+op.ID, func(t *testing.T) {
			t.Parallel()
			path := specPath(op)
			in, declared := spec.InQuery, url.Values{}
			if op.Method == http.MethodPost {
				in = spec.InForm
			}
			for _, k := range op.Keys {
				if k.In == in {
					declared.Set(k.Name, "1")
				}
			}
			send := func(keys url.Values) response {
				if in == spec.InForm {
					return call(t, srv, op.Method, path, keys)
				}
				return call(t, srv, op.Method, path+"?"+keys.Encode(), nil)
			}

			if op.Method != http.MethodPost && op.ListKey == "" {
				plain := call(t, srv, op.Method, path, nil)
				withStray := send(url.Values{stray: {"1"}})
				assert.Equal(t, plain.Status, withStray.Status)
				assert.Equal(t, string(plain.Body), string(withStray.Body))
				return
			}

			refused := send(url.Values{stray: {"1"}})
			msg := assertTwilioError(t, refused, http.StatusBadRequest, 20001)
			assert.Equal(t, "Unknown parameter "+stray, msg)

			require.NotEmpty(t, declared, "every POST and list declares a key")
			accepted := send(declared)
			assert.NotContains(t, string(accepted.Body), "Unknown parameter", "a declared key is refused")
		})
	}
}
