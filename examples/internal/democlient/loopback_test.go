package democlient

import (
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServeLoopback(t *testing.T) {
	t.Parallel()
	hello := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "hello") })
	failed := errors.New("run failed")
	tests := []struct {
		name    string
		fail    bool
		wantErr error
	}{
		{name: "run succeeds", fail: false, wantErr: nil},
		{name: "run fails", fail: true, wantErr: failed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var served, target string
			err := ServeLoopback("/hello", hello, func(url string) error {
				target = url
				resp, err := http.Get(url)
				require.NoError(t, err)
				defer resp.Body.Close()
				body, err := io.ReadAll(resp.Body)
				require.NoError(t, err)
				served = string(body)
				if tt.fail {
					return failed
				}
				return nil
			})
			assert.Equal(t, tt.wantErr, err)
			assert.Equal(t, "hello", served)
			assert.Regexp(t, `^http://127\.0\.0\.1:\d+/hello$`, target)
			_, err = http.Get(target)
			assert.Error(t, err, "the server is shut down after run")
		})
	}
}
