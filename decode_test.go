package twiliochat

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"runtime"
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

// TestListPageWithPageSize reads pages through ListPage with PageSize 3,
// whose items are decoded into a slice made for 3: every item of a full,
// short or longer page comes back, an empty list gives none, and a page
// without its list (null or no key) is a *DecodeError, as it is without a
// PageSize (TestListPageWithoutItsList).
func TestListPageWithPageSize(t *testing.T) {
	t.Parallel()
	item := `{"sid":"ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}`
	tests := []struct {
		name    string
		items   string // the JSON after "services":, or "" for no key
		wantLen int
		wantErr bool // the page has no list
	}{
		{"a full page", "[" + item + "," + item + "," + item + "]", 3, false},
		{"a short page", "[" + item + "]", 1, false},
		{"more items than the page size", "[" + item + "," + item + "," + item + "," + item + "]", 4, false},
		{"empty", "[]", 0, false},
		{"null", "null", 0, true},
		{"no key", "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body := `{"meta":{"key":"services","page_size":3}}`
			if tt.items != "" {
				body = `{"services":` + tt.items + `,"meta":{"key":"services","page_size":3}}`
			}
			services, rec := newTestServices(t, respondJSON(http.StatusOK, body))

			page, err := services.ListPage(context.Background(), &ListServicesParams{PageSize: Ptr(3)})

			assert.Equal(t, url.Values{"PageSize": {"3"}}, rec.onlyRequest(t).Query)
			if tt.wantErr {
				var decodeErr *DecodeError
				assert.ErrorAs(t, err, &decodeErr)
				assert.Nil(t, page)
				return
			}
			require.NoError(t, err)
			assert.Len(t, page.Items, tt.wantLen)
			for _, s := range page.Items {
				assert.Equal(t, "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", s.SID)
			}
			assert.Equal(t, 3, page.Meta.PageSize)
		})
	}
}

// TestListPageAllocations reads a full page of 50 Services with PageSize 50
// and checks the bytes it allocates against the floor, json.Unmarshal of the
// same body into a struct written for the page with room for 50 items: the
// request, the checks and the items' slice, made once for the page size
// rather than grown item by item, cost at most 16 KiB more. (Growing it
// would cost about 40 KiB.) It is not parallel, and not run under the race
// detector, whose sync.Pool drops buffers at random: it reads the process's
// allocation count.
func TestListPageAllocations(t *testing.T) {
	if raceDetector {
		t.Skip("the race detector changes what is allocated")
	}
	one := mustRead(t, "testdata/service.json")
	items := bytes.Repeat(append(one, ','), 50)
	body := []byte(`{"services": [` + string(items[:len(items)-1]) + `], "meta": {"key": "services", "page_size": 50}}`)
	transport := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body)), Request: r}, nil
	})
	c, err := NewClient(testAccountSID, testAuthToken, WithHTTPClient(&http.Client{Transport: transport}))
	require.NoError(t, err)

	floor := allocatedPerRun(20, func() {
		page := struct {
			Services []Service `json:"services"`
			Meta     PageMeta  `json:"meta"`
		}{Services: make([]Service, 0, 50)}
		require.NoError(t, json.Unmarshal(body, &page))
	})
	got := allocatedPerRun(20, func() {
		page, err := c.Services.ListPage(context.Background(), &ListServicesParams{PageSize: Ptr(50)})
		require.NoError(t, err)
		require.Len(t, page.Items, 50)
	})

	assert.LessOrEqual(t, got, floor+16<<10, "bytes allocated by ListPage, floor %d", floor)
}

// allocatedPerRun returns the bytes f allocates on average over runs, after
// a first run that fills what is cached, on one P.
func allocatedPerRun(runs int, f func()) uint64 {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	f()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		f()
	}
	runtime.ReadMemStats(&after)
	return (after.TotalAlloc - before.TotalAlloc) / uint64(runs)
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
