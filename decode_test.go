package twiliochat

import (
	"bytes"
	"errors"
	"io"
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
