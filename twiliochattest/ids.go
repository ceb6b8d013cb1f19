package twiliochattest

import (
	"crypto/rand"
	"encoding/hex"
	randv2 "math/rand/v2"
	"sync"
)

// idSource generates Twilio-style IDs: a two-letter prefix and 32 lowercase
// hex digits. Seeded sources keep one stream for request ids and one for
// resource SIDs, so a resource's SID does not depend on how many requests
// came before it.
type idSource struct {
	mu       sync.Mutex
	requests *randv2.Rand // nil: crypto/rand
	sids     *randv2.Rand
}

func newIDSource(seed *uint64) *idSource {
	if seed == nil {
		return &idSource{}
	}
	return &idSource{
		requests: randv2.New(randv2.NewPCG(*seed, 0x5251)), // "RQ"
		sids:     randv2.New(randv2.NewPCG(*seed, 0x5349)), // "SI"
	}
}

// next returns prefix followed by 32 hex digits.
func (g *idSource) next(prefix string) string {
	var b [16]byte
	g.mu.Lock()
	src := g.sids
	if prefix == "RQ" {
		src = g.requests
	}
	if src == nil {
		g.mu.Unlock()
		_, _ = rand.Read(b[:]) // never fails: see crypto/rand.Read
	} else {
		for i := range b {
			b[i] = byte(src.Uint32())
		}
		g.mu.Unlock()
	}
	return prefix + hex.EncodeToString(b[:])
}
