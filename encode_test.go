package twiliochat

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-querystring/query"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// queryStringForm is the reference the encoder is checked against:
// go-querystring's form of params, its nested keys Notifications[NewMessage]
// respelt with dots as Notifications.NewMessage.
func queryStringForm(t *testing.T, params any) url.Values {
	t.Helper()
	ref, err := query.Values(params)
	require.NoError(t, err)
	dotted := strings.NewReplacer("][", ".", "[", ".", "]", "")
	form := url.Values{}
	for key, values := range ref {
		form[dotted.Replace(key)] = values
	}
	return form
}

// encodeForm returns the keys and values encodeBody sends for params, for
// tests that compare forms key by key.
func encodeForm(params any) (url.Values, error) {
	body, err := encodeBody(params)
	if err != nil {
		return nil, err
	}
	return url.ParseQuery(string(body))
}

// checkAgainstQueryString checks that encodeBody and appendForm give
// go-querystring's form, byte for byte what url.Values.Encode makes of it.
func checkAgainstQueryString(t *testing.T, params any) {
	t.Helper()
	want := queryStringForm(t, params)

	body, err := encodeBody(params)
	require.NoError(t, err)
	assert.Equal(t, want.Encode(), string(body))
	assert.Equal(t, len(body), cap(body), "the body is a slice of its own")
	assert.NotNil(t, body, "a body is sent even when empty")

	prefixed, err := appendForm([]byte("x"), params)
	require.NoError(t, err)
	assert.Equal(t, "x"+want.Encode(), string(prefixed), "appendForm keeps what dst held")
}

// randText returns a short string that may need escaping, may be empty and
// may hold multi-byte characters.
func randText(r *rand.Rand) string {
	const alphabet = "aZ09-_.~ &=+%/?#[];:,'\"\n\t\x00é€📎"
	runes := []rune(alphabet)
	n := r.IntN(12)
	var b strings.Builder
	for range n {
		b.WriteRune(runes[r.IntN(len(runes))])
	}
	return b.String()
}

// maybe returns a pointer to v half the time, nil otherwise.
func maybe[T any](r *rand.Rand, v T) *T {
	if r.IntN(2) == 0 {
		return nil
	}
	return &v
}

// randUpdateParams returns UpdateServiceParams with a random set of fields,
// holding random values, valid or not.
func randUpdateParams(r *rand.Rand) *UpdateServiceParams {
	notification := func() *NotificationParams {
		return maybe(r, NotificationParams{
			Enabled: maybe(r, r.IntN(2) == 0), Template: maybe(r, randText(r)), Sound: maybe(r, randText(r)),
		})
	}
	var filters []string
	switch r.IntN(3) {
	case 1:
		filters = []string{}
	case 2:
		for range 1 + r.IntN(3) {
			filters = append(filters, randText(r))
		}
	}
	return &UpdateServiceParams{
		FriendlyName:                 maybe(r, randText(r)),
		DefaultServiceRoleSID:        maybe(r, randText(r)),
		DefaultChannelRoleSID:        maybe(r, randText(r)),
		DefaultChannelCreatorRoleSID: maybe(r, randText(r)),
		ReadStatusEnabled:            maybe(r, r.IntN(2) == 0),
		ReachabilityEnabled:          maybe(r, r.IntN(2) == 0),
		TypingIndicatorTimeout:       maybe(r, r.IntN(2000)-1000),
		ConsumptionReportInterval:    maybe(r, r.Int()),
		Notifications: maybe(r, NotificationsParams{
			NewMessage: maybe(r, NewMessageNotificationParams{
				Enabled: maybe(r, r.IntN(2) == 0), Template: maybe(r, randText(r)),
				Sound: maybe(r, randText(r)), BadgeCountEnabled: maybe(r, r.IntN(2) == 0),
			}),
			AddedToChannel:     notification(),
			RemovedFromChannel: notification(),
			InvitedToChannel:   notification(),
			LogEnabled:         maybe(r, r.IntN(2) == 0),
		}),
		PreWebhookURL:         maybe(r, randText(r)),
		PostWebhookURL:        maybe(r, randText(r)),
		WebhookMethod:         maybe(r, randText(r)),
		WebhookFilters:        filters,
		Limits:                maybe(r, LimitsParams{ChannelMembers: maybe(r, r.IntN(1001)), UserChannels: maybe(r, -r.IntN(5))}),
		Media:                 maybe(r, MediaParams{CompatibilityMessage: maybe(r, randText(r))}),
		PreWebhookRetryCount:  maybe(r, r.IntN(10)),
		PostWebhookRetryCount: maybe(r, r.IntN(10)),
	}
}

// TestEncodeMatchesQueryString checks the encoder against go-querystring on
// many generated UpdateServiceParams.
func TestEncodeMatchesQueryString(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(7, 11))
	for i := range 2000 {
		params := randUpdateParams(r)
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			checkAgainstQueryString(t, params)
		})
		if t.Failed() {
			break
		}
	}
}

// kitchenSink has a field of every kind the encoder supports.
type kitchenSink struct {
	Untagged    string
	Skipped     string `url:"-"`
	unexported  string
	NilNotOmit  *string `url:"NilNotOmit"`
	ZeroNotOmit int     `url:"ZeroNotOmit"`
	FalseOmit   bool    `url:"FalseOmit,omitempty"`
	Int8        *int8   `url:"Int8,omitempty"`
	Int64       int64   `url:"Int64"`
	Uint        *uint   `url:"Uint,omitempty"`
	Uint16      uint16  `url:"Uint16"`
	Float32     float32 `url:"Float32"`
	Float64     *float64
	Named       namedText         `url:"Named"`
	Stringer    *stringerText     `url:"Stringer,omitempty"`
	Time        time.Time         `url:"Time,omitempty"`
	TimePtr     *time.Time        `url:"TimePtr,omitempty"`
	Ints        []int             `url:"Ints"`
	Array       [2]string         `url:"Array"`
	PtrSlice    *[]string         `url:"PtrSlice,omitempty"`
	NilPtrSlice *[]string         `url:"NilPtrSlice"`
	PtrItems    []*string         `url:"PtrItems"`
	Same1       *string           `url:"Same,omitempty"`
	Same2       *string           `url:"Same,omitempty"`
	Inner       kitchenInner      `url:"Inner"`
	InnerPtr    *kitchenInner     `url:"InnerPtr,omitempty"`
	Deep        *kitchenDeepOuter `url:"Deep,omitempty"`
	Escaped     *string           `url:"Key With Space&,omitempty"`
}

type kitchenInner struct {
	A *string `url:"A,omitempty"`
	B int     `url:"B"`
}

type kitchenDeepOuter struct {
	Mid *kitchenInner `url:"Mid,omitempty"`
}

type namedText string

type stringerText int

func (s stringerText) String() string { return "<" + strconv.Itoa(int(s)) + ">" }

// TestEncodeKitchenSink checks every supported kind, option and nesting
// against go-querystring.
func TestEncodeKitchenSink(t *testing.T) {
	t.Parallel()
	loc := time.FixedZone("X", -(3*3600 + 30*60))
	tests := []struct {
		name   string
		params any
	}{
		{"zero", &kitchenSink{}},
		{"nil params", (*kitchenSink)(nil)},
		{"nil interface", nil},
		{"value, not pointer", kitchenSink{Untagged: "v"}},
		{"everything set", &kitchenSink{
			Untagged: "a b", Skipped: "no", unexported: "no", ZeroNotOmit: 0, FalseOmit: true,
			Int8: Ptr(int8(-8)), Int64: -1 << 62, Uint: Ptr(uint(7)), Uint16: 65535,
			Float32: 0.1, Float64: Ptr(1e21), Named: "named & text", Stringer: Ptr(stringerText(5)),
			Time: time.Date(2015, 7, 30, 20, 0, 0, 0, time.UTC), TimePtr: Ptr(time.Date(2024, 2, 29, 1, 2, 3, 0, loc)),
			Ints: []int{3, -1, 3}, Array: [2]string{"x", ""}, PtrSlice: &[]string{"p", "q"},
			PtrItems: []*string{Ptr("i"), nil}, Same1: Ptr("first"), Same2: Ptr("second"),
			Inner: kitchenInner{A: Ptr("inner")}, InnerPtr: &kitchenInner{B: 2},
			Deep: &kitchenDeepOuter{Mid: &kitchenInner{A: Ptr("deep")}}, Escaped: Ptr("=&"),
		}},
		{"floats", &kitchenSink{Float32: -3.5e-7, Float64: Ptr(123456789.125)}},
		{"empty nested", &kitchenSink{InnerPtr: &kitchenInner{}, Deep: &kitchenDeepOuter{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkAgainstQueryString(t, tt.params)
		})
	}
}

// TestEncodeWireFormat spells out the keys that matter most on the wire:
// dotted nested keys and one WebhookFilters key per item, in key order.
func TestEncodeWireFormat(t *testing.T) {
	t.Parallel()
	body, err := encodeBody(&UpdateServiceParams{
		WebhookFilters: []string{"onMessageSent", "onChannelAdd"},
		Notifications: &NotificationsParams{
			NewMessage: &NewMessageNotificationParams{Enabled: Ptr(false), Template: Ptr("${USER}: hi")},
			LogEnabled: Ptr(true),
		},
		Limits:       &LimitsParams{UserChannels: Ptr(0)},
		FriendlyName: Ptr(""),
	})
	require.NoError(t, err)
	assert.Equal(t, "FriendlyName=&Limits.UserChannels=0&Notifications.LogEnabled=true"+
		"&Notifications.NewMessage.Enabled=false&Notifications.NewMessage.Template=%24%7BUSER%7D%3A+hi"+
		"&WebhookFilters=onMessageSent&WebhookFilters=onChannelAdd", string(body))
}

// TestEncodeRefusesUnsupportedTypes checks that a params type the encoder
// cannot send faithfully fails with an error naming the field, every time.
func TestEncodeRefusesUnsupportedTypes(t *testing.T) {
	t.Parallel()
	type embedded struct{ A string }
	tests := []struct {
		name   string
		params any
		want   string
	}{
		{"not a struct", Ptr("text"), "params must be a struct"},
		{"map", &struct{ M map[string]string }{}, "field M: map[string]string values cannot be sent"},
		{"interface", &struct{ I any }{}, "field I: interface {} values cannot be sent"},
		{"slice of structs", &struct{ S []kitchenInner }{}, "field S: twiliochat.kitchenInner values cannot be sent"},
		{"comma option", &struct {
			S []string `url:"S,comma"`
		}{}, `field S: url tag option "comma" is not supported`},
		{"int option", &struct {
			B bool `url:"B,int"`
		}{}, `field B: url tag option "int" is not supported`},
		{"del tag", &struct {
			S []string `url:"S" del:";"`
		}{}, "field S: del and layout tags are not supported"},
		{"embedded", &struct{ embedded }{}, "field embedded: embedded structs are not supported"},
		{"nested", &struct{ N *struct{ C chan int } }{}, "field C: chan int values cannot be sent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for range 2 { // the second time from the cache
				_, err := encodeBody(tt.params)
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.want)
			}
		})
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
			assert.Equal(t, tt.want, quoteShort(tt.in))
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
		assert.Equal(t, url.QueryEscape(s), string(appendQueryEscape(nil, s)), "byte %#x", c)
		all = append(all, byte(c))
	}
	assert.Equal(t, "k="+url.QueryEscape(string(all)), string(appendQueryEscape([]byte("k="), string(all))))
}
