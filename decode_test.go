package twiliochat

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadCapped checks the read cap of decodeBody at its edges, on readers
// that return little at a time, and with a buffer that already holds data.
func TestReadCapped(t *testing.T) {
	t.Parallel()
	readFail := errors.New("connection reset")
	tests := []struct {
		name    string
		r       io.Reader
		dst     []byte
		wantLen int
		wantErr error
	}{
		{"empty", strings.NewReader(""), nil, 0, nil},
		{"small", strings.NewReader("{}"), nil, 2, nil},
		{"one byte at a time", iotest.OneByteReader(strings.NewReader(`{"sid":"IS"}`)), nil, 12, nil},
		{"exactly the cap", bytes.NewReader(make([]byte, MaxResponseBytes)), nil, MaxResponseBytes, nil},
		{"one byte over the cap", bytes.NewReader(make([]byte, MaxResponseBytes+1)), nil, -1, ErrResponseTooLarge},
		{"far over the cap", io.LimitReader(zeros{}, 3*MaxResponseBytes), nil, -1, ErrResponseTooLarge},
		{"cap counts from dst's length", bytes.NewReader(make([]byte, MaxResponseBytes)), make([]byte, 10, 64), 10 + MaxResponseBytes, nil},
		{"read error", iotest.ErrReader(readFail), nil, -1, readFail},
		{"data then error", io.MultiReader(strings.NewReader("{"), iotest.ErrReader(readFail)), nil, -1, readFail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := readCapped(tt.r, tt.dst)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.LessOrEqual(t, len(got), len(tt.dst)+MaxResponseBytes+1, "reads stop one byte past the cap")
				return
			}
			require.NoError(t, err)
			assert.Len(t, got, tt.wantLen)
		})
	}
}

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestDecodeBodyContentLength checks that decodeBody decodes the same
// whatever the answer's Content-Length says: exact, unknown, too small, too
// large, or over the read cap; it only sizes the read buffer.
func TestDecodeBodyContentLength(t *testing.T) {
	t.Parallel()
	const body = `{"sid":"ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","friendly_name":"support"}`
	tests := []struct {
		name          string
		contentLength int64
	}{
		{"exact", int64(len(body))},
		{"unknown", -1},
		{"zero", 0},
		{"too small", 5},
		{"too large", 10 * int64(len(body))},
		{"over the cap", MaxResponseBytes + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp := &http.Response{StatusCode: http.StatusOK, ContentLength: tt.contentLength, Body: io.NopCloser(strings.NewReader(body))}
			var svc Service
			require.NoError(t, decodeBody(resp, &svc, redactor{}))
			assert.Equal(t, "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", svc.SID)
			assert.Equal(t, "support", svc.FriendlyName)
		})
	}
}

// TestPageSizeOf checks the page size read from a list page's path or URL,
// which sizes the slice its items are decoded into.
func TestPageSizeOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, target string
		want         int
	}{
		{"a first page's path", "/v2/Services?PageSize=100", 100},
		{"a next_page_url", "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/general/Messages?PageSize=100&Page=1&PageToken=PT99", 100},
		{"after other keys", "/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels?Type=public&PageSize=20", 20},
		{"the first PageSize counts", "/v2/Services?PageSize=5&PageSize=6", 5},
		{"no query", "/v2/Services", 0},
		{"no PageSize", "/v2/Services?Page=2", 0},
		{"a key that ends in PageSize", "/v2/Services?MaxPageSize=5", 0},
		{"above the maximum", "/v2/Services?PageSize=101", 0},
		{"zero", "/v2/Services?PageSize=0", 0},
		{"negative", "/v2/Services?PageSize=-1", 0},
		{"not a number", "/v2/Services?PageSize=ten", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, pageSizeOf(tt.target, 100))
		})
	}
}

// TestPageBodyCapacity checks that a page's items are decoded into a slice
// made for the page size: a full page fills it without growing it, a longer
// one still decodes whole, an empty list gives no items, and a page without
// its list (null or no key) is still refused, slice made or not.
func TestPageBodyCapacity(t *testing.T) {
	t.Parallel()
	item := `{"sid":"ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}`
	tests := []struct {
		name     string
		items    string // the JSON after "services":, or "" for no key
		capacity int
		wantLen  int
		wantCap  int  // 0: not checked
		wantErr  bool // the page has no list
	}{
		{"a full page", "[" + item + "," + item + "," + item + "]", 3, 3, 3, false},
		{"a short page", "[" + item + "]", 3, 1, 3, false},
		{"more items than the page size", "[" + item + "," + item + "," + item + "]", 2, 3, 0, false},
		{"no capacity", "[" + item + "," + item + "]", 0, 2, 0, false},
		{"empty", "[]", 3, 0, 0, false},
		{"null", "null", 3, 0, 0, true},
		{"no key", "", 3, 0, 0, true},
		{"null, no capacity", "null", 0, 0, 0, true},
		{"no key, no capacity", "", 0, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body := `{"meta":{"key":"services","page_size":3}}`
			if tt.items != "" {
				body = `{"services":` + tt.items + `,"meta":{"key":"services","page_size":3}}`
			}
			resp := &http.Response{StatusCode: http.StatusOK, ContentLength: -1, Body: io.NopCloser(strings.NewReader(body))}
			page := new(Page[Service])
			err := decodeBody(resp, newPageBody("services", page, tt.capacity), redactor{})
			if tt.wantErr {
				var decodeErr *DecodeError
				assert.ErrorAs(t, err, &decodeErr)
				assert.Nil(t, page.Items)
				return
			}
			require.NoError(t, err)
			assert.Len(t, page.Items, tt.wantLen)
			if tt.wantCap > 0 {
				assert.Equal(t, tt.wantCap, cap(page.Items))
			}
			for _, s := range page.Items {
				assert.Equal(t, "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", s.SID)
			}
			assert.Equal(t, 3, page.Meta.PageSize)
		})
	}
}

// TestDrain checks that drain reads a body to its end, or to the limit and
// no further, and stops at a read error.
func TestDrain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		size     int
		limit    int
		fail     bool
		wantRead int
	}{
		{"empty", 0, 100, false, 0},
		{"smaller than the limit", 10_000, 20_000, false, 10_000},
		{"larger than the limit", 10_000, 5_000, false, 5_000},
		{"exactly the limit", drainChunk, drainChunk, false, drainChunk},
		{"a read error", 10_000, 20_000, true, 10_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var r io.Reader = bytes.NewReader(make([]byte, tt.size))
			if tt.fail {
				r = io.MultiReader(r, iotest.ErrReader(errors.New("connection reset")), strings.NewReader("never read"))
			}
			counted := &countingReader{r: r}
			drain(counted, tt.limit)
			assert.Equal(t, tt.wantRead, counted.n)
		})
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}
