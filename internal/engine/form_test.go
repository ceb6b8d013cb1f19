package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat/internal/testkit"
	"github.com/google/go-querystring/query"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAppendPairs checks each Append… function: the pair it appends, the
// "&" before every pair but the first past start, and what dst held kept.
func TestAppendPairs(t *testing.T) {
	t.Parallel()
	when := time.Date(2024, 5, 6, 7, 8, 9, 123, time.FixedZone("", -(3*3600+30*60)))
	tests := []struct {
		name   string
		dst    string
		start  int
		append func(dst []byte, start int) []byte
		want   string
	}{
		{"string, first", "", 0, func(d []byte, s int) []byte { return AppendString(d, s, "FriendlyName", "a b&c=d") }, "FriendlyName=a+b%26c%3Dd"},
		{"string, empty", "", 0, func(d []byte, s int) []byte { return AppendString(d, s, "FriendlyName", "") }, "FriendlyName="},
		{"string, after a pair", "A=1", 0, func(d []byte, s int) []byte { return AppendString(d, s, "B", "é") }, "A=1&B=%C3%A9"},
		{"string, first after a path", "/v2/Services?", 13, func(d []byte, s int) []byte { return AppendString(d, s, "Type", "public") }, "/v2/Services?Type=public"},
		{"string, second after a path", "/v2/Services?A=1", 13, func(d []byte, s int) []byte { return AppendString(d, s, "Type", "public") }, "/v2/Services?A=1&Type=public"},
		{"int", "", 0, func(d []byte, s int) []byte { return AppendInt(d, s, "Limit", 500) }, "Limit=500"},
		{"int, zero", "x", 1, func(d []byte, s int) []byte { return AppendInt(d, s, "Limit", 0) }, "xLimit=0"},
		{"int, negative, after a pair", "x", 0, func(d []byte, s int) []byte { return AppendInt(d, s, "Limit", -7) }, "x&Limit=-7"},
		{"int, smallest", "", 0, func(d []byte, s int) []byte { return AppendInt(d, s, "N", math.MinInt) }, fmt.Sprintf("N=%d", math.MinInt)},
		{"bool, true", "", 0, func(d []byte, s int) []byte { return AppendBool(d, s, "Enabled", true) }, "Enabled=true"},
		{"bool, false, after a pair", "A=1", 0, func(d []byte, s int) []byte { return AppendBool(d, s, "Enabled", false) }, "A=1&Enabled=false"},
		{"time, in its own zone, escaped", "", 0, func(d []byte, s int) []byte { return AppendTime(d, s, "DateCreated", when) }, "DateCreated=2024-05-06T07%3A08%3A09-03%3A30"},
		{"time, UTC, after a pair", "A=1", 0, func(d []byte, s int) []byte { return AppendTime(d, s, "DateCreated", when.UTC()) }, "A=1&DateCreated=2024-05-06T10%3A38%3A09Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, string(tt.append([]byte(tt.dst), tt.start)))
		})
	}
}

// oracleForm is what the reference encoder, go-querystring, is given: one
// key of each kind the form encoder appends, in key order.
type oracleForm struct {
	Bool   *bool      `url:"Bool,omitempty"`
	Int    *int       `url:"Int,omitempty"`
	String *string    `url:"String,omitempty"`
	Time   *time.Time `url:"Time,omitempty"`
	Zlist  []string   `url:"Zlist,omitempty"`
}

// appendOracleForm appends f's set keys as a generated AppendForm does.
func appendOracleForm(dst []byte, f *oracleForm) []byte {
	start := len(dst)
	if f.Bool != nil {
		dst = AppendBool(dst, start, "Bool", *f.Bool)
	}
	if f.Int != nil {
		dst = AppendInt(dst, start, "Int", *f.Int)
	}
	if f.String != nil {
		dst = AppendString(dst, start, "String", *f.String)
	}
	if f.Time != nil {
		dst = AppendTime(dst, start, "Time", *f.Time)
	}
	for _, v := range f.Zlist {
		dst = AppendString(dst, start, "Zlist", v)
	}
	return dst
}

// TestAppendMatchesQueryString checks the form encoder against
// go-querystring, the project's reference, on random forms, byte for byte
// what url.Values.Encode makes of its values.
func TestAppendMatchesQueryString(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	zones := []*time.Location{time.UTC, time.FixedZone("", 5*3600+45*60), time.FixedZone("", -(9 * 3600))}
	for i := range 3000 {
		f := &oracleForm{
			Bool:   testkit.Maybe(r, r.IntN(2) == 0),
			Int:    testkit.Maybe(r, r.IntN(1<<20)-1<<19),
			String: testkit.Maybe(r, testkit.RandText(r)),
			Time:   testkit.Maybe(r, time.Date(r.IntN(10000), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60), r.IntN(1e9), zones[r.IntN(len(zones))])),
		}
		for range r.IntN(3) {
			f.Zlist = append(f.Zlist, testkit.RandText(r))
		}
		ref, err := query.Values(f)
		require.NoError(t, err)
		got := appendOracleForm([]byte("prefix?"), f)
		if !assert.Equal(t, "prefix?"+ref.Encode(), string(got), "form %d", i) {
			return
		}
	}
}

// TestQuoteShort checks how a value is quoted in an error message: whole up
// to 48 bytes, cut to its first 48 and marked with "…" beyond.
func TestQuoteShort(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", `""`},
		{"47 bytes", strings.Repeat("a", 47), `"` + strings.Repeat("a", 47) + `"`},
		{"48 bytes", strings.Repeat("a", 47) + "b", `"` + strings.Repeat("a", 47) + `b"`},
		{"49 bytes", strings.Repeat("a", 48) + "b", `"` + strings.Repeat("a", 48) + `"…`},
		{"escaped", "a\nb", `"a\nb"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, QuoteShort(tt.in))
		})
	}
}

// TestAppendQueryEscapeEveryByte checks the form's escaping against
// url.QueryEscape for every byte, alone and in a run of all of them, and
// that what dst held is kept.
func TestAppendQueryEscapeEveryByte(t *testing.T) {
	t.Parallel()
	all := make([]byte, 0, 256)
	for c := range 256 {
		s := string([]byte{byte(c)})
		assert.Equal(t, url.QueryEscape(s), string(AppendQueryEscape(nil, s)), "byte %#x", c)
		all = append(all, byte(c))
	}
	assert.Equal(t, "k="+url.QueryEscape(string(all)), string(AppendQueryEscape([]byte("k="), string(all))))
}
