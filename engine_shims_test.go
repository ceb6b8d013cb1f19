package twiliochat

import (
	"github.com/e3f0929f/twiliochat/internal/engine"
)

// The tests below call the engine's steps on this package's types, as its
// operations do.

func encodeBody[P params](p P) []byte { return engine.EncodeBody(wire[P]{p}) }

func newPageBody[T any](key string, page *Page[T], capacity int) any {
	return engine.NewPageDecoder[T, identityOf[T]](key, &page.Items, &page.Meta, capacity)
}
