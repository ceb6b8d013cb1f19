package conversations

import (
	"fmt"
	"log/slog"

	"github.com/e3f0929f/twiliochat/internal/engine"
)

// A Credential's params hold its secrets (Certificate, PrivateKey, ApiKey,
// Secret), which go to Twilio in the request and nowhere else: these
// methods print them as [redacted] with every fmt verb, in slog and in
// JSON, and every error of the call has their values blanked out.

// Format prints p for every fmt verb (%v, %+v, %#v, %s, …) as its type and
// the fields that are set, each secret as [redacted].
func (p CreateCredentialParams) Format(f fmt.State, _ rune) { engine.FormatParams(f, p) }

// GoString returns what Format prints, each secret as [redacted].
func (p CreateCredentialParams) GoString() string { return engine.DescribeParams(p) }

// LogValue makes slog log p as a group of the fields that are set, each
// secret as [redacted].
func (p CreateCredentialParams) LogValue() slog.Value { return engine.LogParams(p) }

// MarshalJSON encodes p as an object of the fields that are set, by Go
// name, each secret as "[redacted]".
func (p CreateCredentialParams) MarshalJSON() ([]byte, error) { return engine.MarshalParams(p) }

// Format prints p for every fmt verb (%v, %+v, %#v, %s, …) as its type and
// the fields that are set, each secret as [redacted].
func (p UpdateCredentialParams) Format(f fmt.State, _ rune) { engine.FormatParams(f, p) }

// GoString returns what Format prints, each secret as [redacted].
func (p UpdateCredentialParams) GoString() string { return engine.DescribeParams(p) }

// LogValue makes slog log p as a group of the fields that are set, each
// secret as [redacted].
func (p UpdateCredentialParams) LogValue() slog.Value { return engine.LogParams(p) }

// MarshalJSON encodes p as an object of the fields that are set, by Go
// name, each secret as "[redacted]".
func (p UpdateCredentialParams) MarshalJSON() ([]byte, error) { return engine.MarshalParams(p) }
