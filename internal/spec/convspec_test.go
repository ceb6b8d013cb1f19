package spec_test

import (
	"testing"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// TestConversationsTable holds internal/convspec's table to the
// Conversations v1 spec with the checks of TestOperationsMatchSpec.
func TestConversationsTable(t *testing.T) {
	t.Parallel()
	index := map[string]*spec.Operation{}
	for _, op := range convspec.Operations {
		index[op.ID] = convspec.Lookup(op.ID)
	}
	spec.CheckTable(t, convspec.Operations, index, "testdata/twilio_conversations_v1.json")
	if n := len(convspec.Operations); n != 103 {
		t.Errorf("%d operations, want the spec's 103", n)
	}
	addr := convspec.Lookup("FetchConfigurationAddress").Params[0]
	if addr.Prefix != convspec.ConfigurationAddressSIDPrefix || !addr.Names {
		t.Errorf("an Address Configuration's Sid is %+v, want its SID or its address", addr)
	}
}
