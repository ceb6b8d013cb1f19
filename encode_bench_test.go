package twiliochat

import (
	"testing"

	"github.com/google/go-querystring/query"
)

// BenchmarkEncodeForm measures params to form body alone, for the seed's
// request example (27 keys): go-querystring
// with url.Values.Encode (what the SDK did before) and encodeBody (what
// Update sends).
func BenchmarkEncodeForm(b *testing.B) {
	params := seedParams()
	encoders := []struct {
		name   string
		encode func() (int, error)
	}{
		{"querystring", func() (int, error) {
			form, err := query.Values(params)
			return len(form.Encode()), err
		}},
		{"encodeBody", func() (int, error) {
			return len(encodeBody(params)), nil
		}},
	}
	for _, e := range encoders {
		b.Run(e.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if n, err := e.encode(); err != nil || n == 0 {
					b.Fatal(n, err)
				}
			}
		})
	}
}
