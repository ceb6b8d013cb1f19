// Package testkit holds what the module's tests share across packages:
// ranging over a list's iterator to its end, and random form values. Only
// tests import it.
package testkit

import (
	"context"
	"iter"
	"math/rand/v2"
	"strings"
)

// Ranged is what ranging over a list gave: the items in order, then the
// errors.
type Ranged[T any] struct {
	Items []T
	Errs  []error
	// ErrLast reports whether no item came after the first error.
	ErrLast bool
}

// RangeAll ranges over seq to its end, going on after an error to show that
// the iterator stops by itself. It calls each, when not nil, after taking
// the n-th item.
func RangeAll[T any](seq iter.Seq2[*T, error], each func(n int)) Ranged[T] {
	r := Ranged[T]{ErrLast: true}
	for item, err := range seq {
		if err != nil {
			r.Errs = append(r.Errs, err)
			continue
		}
		if len(r.Errs) > 0 {
			r.ErrLast = false
		}
		r.Items = append(r.Items, *item)
		if each != nil {
			each(len(r.Items))
		}
	}
	return r
}

// CancelAt returns a RangeAll callback that calls cancel after the n-th
// item.
func CancelAt(n int, cancel context.CancelFunc) func(int) {
	return func(taken int) {
		if taken == n {
			cancel()
		}
	}
}

// RandText returns a short string that may need escaping, may be empty and
// may hold multi-byte characters.
func RandText(r *rand.Rand) string {
	const alphabet = "aZ09-_.~ &=+%/?#[];:,'\"\n\t\x00é€📎"
	runes := []rune(alphabet)
	n := r.IntN(12)
	var b strings.Builder
	for range n {
		b.WriteRune(runes[r.IntN(len(runes))])
	}
	return b.String()
}

// Maybe returns a pointer to v half the time, nil otherwise.
func Maybe[T any](r *rand.Rand, v T) *T {
	if r.IntN(2) == 0 {
		return nil
	}
	return &v
}
