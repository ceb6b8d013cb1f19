package twiliochat

import (
	"bytes"
	"encoding/json"
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

// BenchmarkDecodePage measures decoding a list page of 50 Services through
// the generic page (pageBody, with each item's check), against the floor of
// json.Unmarshal into a struct written for the page.
func BenchmarkDecodePage(b *testing.B) {
	one, err := os.ReadFile("testdata/service.json")
	if err != nil {
		b.Fatal(err)
	}
	items := bytes.Repeat(append(one, ','), 50)
	body := []byte(`{"services": [` + string(items[:len(items)-1]) + `], "meta": {"key": "services", "page_size": 50}}`)
	b.Run("Page", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for range b.N {
			resp := &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(bytes.NewReader(body))}
			page := new(Page[Service])
			if err := decodeBody(resp, newPageBody(opListService.op.ListKey, page, 0), redactor{}); err != nil || len(page.Items) != 50 {
				b.Fatal(err)
			}
		}
	})
	b.Run("struct", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for range b.N {
			resp := &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(bytes.NewReader(body))}
			var page struct {
				Services []Service `json:"services"`
				Meta     PageMeta  `json:"meta"`
			}
			if err := decodeBody(resp, &page, redactor{}); err != nil || len(page.Services) != 50 {
				b.Fatal(err)
			}
		}
	})
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for range b.N {
			var page struct {
				Services []Service `json:"services"`
				Meta     PageMeta  `json:"meta"`
			}
			if err := json.Unmarshal(body, &page); err != nil || len(page.Services) != 50 {
				b.Fatal(err)
			}
		}
	})
}
