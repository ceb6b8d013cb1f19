package democlient

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"
)

// Tag returns tag, or six random hex digits when it is empty: the suffix of
// the names an example creates, so that a run does not collide with what a
// Service holds.
func Tag(tag string) string {
	if tag != "" {
		return tag
	}
	var b [3]byte
	_, _ = rand.Read(b[:]) // never fails: see crypto/rand.Read
	return hex.EncodeToString(b[:])
}

// Cleanup holds the deletes of what an example created, to run last first
// whatever step failed. The zero Cleanup prints nothing; NewCleanup's
// prints each outcome.
type Cleanup struct {
	w     io.Writer
	steps []cleanupStep
}

// cleanupStep is one delete and what it deletes.
type cleanupStep struct {
	what string
	del  func(ctx context.Context) error
}

// NewCleanup returns an empty Cleanup that prints the outcome of each
// delete to w.
func NewCleanup(w io.Writer) *Cleanup { return &Cleanup{w: w} }

// Add adds the delete of what (a phrase such as "user alice") done by del.
func (c *Cleanup) Add(what string, del func(ctx context.Context) error) {
	c.steps = append(c.steps, cleanupStep{what: what, del: del})
}

// Run runs every delete, the last added first, each given its own 30 s even
// when ctx has ended, prints "deleted what" or "could not delete what: err"
// for each, and returns the errors, each naming what, joined.
func (c *Cleanup) Run(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	w := c.w
	if w == nil {
		w = io.Discard
	}
	var errs []error
	for i := len(c.steps) - 1; i >= 0; i-- {
		s := c.steps[i]
		if err := s.del(ctx); err != nil {
			fmt.Fprintf(w, "   could not delete %s: %v\n", s.what, err)
			errs = append(errs, fmt.Errorf("delete %s: %w", s.what, err))
			continue
		}
		fmt.Fprintf(w, "   deleted %s\n", s.what)
	}
	return errors.Join(errs...)
}
