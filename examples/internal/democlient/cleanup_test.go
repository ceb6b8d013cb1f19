package democlient

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTag(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "demo", Tag("demo"))
	a, b := Tag(""), Tag("")
	assert.Regexp(t, `^[0-9a-f]{6}$`, a)
	assert.Regexp(t, `^[0-9a-f]{6}$`, b)
	assert.NotEqual(t, a, b)
}

// TestCleanupRun checks that Run runs every delete, last added first, even
// after one fails and after ctx has ended, prints each outcome, and returns
// the failures naming what they delete.
func TestCleanupRun(t *testing.T) {
	t.Parallel()
	failed := errors.New("answered 500")
	tests := []struct {
		name    string
		fail    string // the step whose delete fails
		wantOut string
		wantErr string
	}{
		{name: "all deleted",
			wantOut: "   deleted channel support\n   deleted user bob\n   deleted user alice\n"},
		{name: "one fails", fail: "user bob",
			wantOut: "   deleted channel support\n   could not delete user bob: answered 500\n   deleted user alice\n",
			wantErr: "delete user bob: answered 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithCancel(context.Background())
			cancel() // a failed step may have ended it
			var out bytes.Buffer
			c := NewCleanup(&out)
			var ran []string
			for _, what := range []string{"user alice", "user bob", "channel support"} {
				c.Add(what, func(ctx context.Context) error {
					require.NoError(t, ctx.Err(), "each delete gets its own time")
					_, ok := ctx.Deadline()
					assert.True(t, ok)
					ran = append(ran, what)
					if what == tt.fail {
						return failed
					}
					return nil
				})
			}
			err := c.Run(ctx)
			assert.Equal(t, []string{"channel support", "user bob", "user alice"}, ran)
			assert.Equal(t, tt.wantOut, out.String())
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tt.wantErr)
			assert.ErrorIs(t, err, failed)
		})
	}
}

// TestZeroCleanupPrintsNothing checks that a zero Cleanup runs its deletes
// without a writer.
func TestZeroCleanupPrintsNothing(t *testing.T) {
	t.Parallel()
	var c Cleanup
	ran := false
	c.Add("user alice", func(context.Context) error { ran = true; return nil })
	assert.NoError(t, c.Run(context.Background()))
	assert.True(t, ran)
}
