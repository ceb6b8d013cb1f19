package twiliochat

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"testing"
)

// BenchmarkDecodeBody measures decodeBody on the seed's Service JSON.
func BenchmarkDecodeBody(b *testing.B) {
	body, err := os.ReadFile("testdata/service.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for range b.N {
		resp := &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(bytes.NewReader(body))}
		var svc Service
		if err := decodeBody(resp, &svc, redactor{}); err != nil || svc.SID == "" {
			b.Fatal(err)
		}
	}
}
