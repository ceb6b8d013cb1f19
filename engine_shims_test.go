package twiliochat

import (
	"context"
	"iter"

	"github.com/e3f0929f/twiliochat/internal/engine"
)

// The tests below call the engine's steps on this package's types, as its
// operations do.

func encodeBody[P params](p P) []byte { return engine.EncodeBody(wire[P]{p}) }

func newPageBody[T any](key string, page *Page[T], capacity int) any {
	return engine.NewPageDecoder[T, identityOf[T]](key, &page.Items, &page.Meta, capacity)
}

func pageSizeOf(target string, max int) int { return engine.PageSizeOf(target, max) }

func paginate[T any](ctx context.Context, first string, limit int, fetch func(context.Context, string) ([]T, *PageMeta, error)) iter.Seq2[*T, error] {
	return engine.Paginate[T, identityOf[T]](ctx, first, limit, fetch)
}

func prepare[P params](op *operation, p P, values []string) (engine.Request, error) {
	return engine.Prepare(op, wire[P]{p}, values)
}

func prepareList[P listParams](op *operation, p P, values []string) (*engine.Request, int, error) {
	return engine.PrepareList(op, listWire[P]{wire[P]{p}}, values)
}
