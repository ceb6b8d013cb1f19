package twiliochat

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAttributesDecode(t *testing.T) {
	t.Parallel()
	type tier struct {
		Tier  string `json:"tier"`
		Level int    `json:"level"`
	}
	tests := []struct {
		name    string
		attrs   Attributes
		start   tier
		want    tier
		wantErr string
	}{
		{name: "object", attrs: `{"tier":"gold","level":3,"other":[1]}`, want: tier{Tier: "gold", Level: 3}},
		{name: "empty leaves v alone", attrs: "", start: tier{Tier: "kept"}, want: tier{Tier: "kept"}},
		{name: "empty object", attrs: "{}", start: tier{Tier: "kept"}, want: tier{Tier: "kept"}},
		{name: "not JSON", attrs: `{"tier":`, wantErr: "twiliochat: decode Attributes: not valid JSON"},
		{name: "wrong type", attrs: `{"level":"high"}`,
			wantErr: "twiliochat: decode Attributes: json: cannot unmarshal string into Go struct field tier.level of type int"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.start
			err := tt.attrs.Decode(&got)
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestAttributesFromJSON checks that Attributes decode from Twilio's JSON
// string, and null to "".
func TestAttributesFromJSON(t *testing.T) {
	t.Parallel()
	var v struct {
		A Attributes `json:"a"`
		B Attributes `json:"b"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"a": "{\"x\":1}", "b": null}`), &v))
	assert.Equal(t, Attributes(`{"x":1}`), v.A)
	assert.Equal(t, Attributes(""), v.B)
}
