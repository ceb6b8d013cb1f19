package twiliochat

import (
	"time"

	"github.com/e3f0929f/twiliochat/internal/engine"
)

// The checks that many operations share are in internal/engine, each
// written once; these are the ones only Chat has.

// checkHistoryDates checks the DateCreated and DateUpdated keys that a
// Create or Update sets when importing history (Channels, Members,
// Messages).
func checkHistoryDates(created, updated *time.Time) error {
	return engine.JoinErrors(engine.CheckDate(keyDateCreated, created), engine.CheckDate(keyDateUpdated, updated))
}

// identified is a resource type that names its identity: the SID that
// identifies it, which Fetch checks and the pager tells items apart by.
type identified interface {
	identity() engine.Identity
}

// identity is a resource's identity, as each resource type spells it.
type identity = engine.Identity

// identityOf is the engine's Checker of this package's types: R's identity
// when R names one.
type identityOf[R any] struct{}

// Identity returns r's identity, and false for a type without one.
func (identityOf[R]) Identity(r *R) (engine.Identity, bool) {
	if id, ok := any(r).(identified); ok {
		return id.identity(), true
	}
	return engine.Identity{}, false
}
