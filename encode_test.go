package twiliochat

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat/internal/testkit"
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
	// A header field is not a form key; go-querystring sends it under its
	// Go name.
	t0 := reflect.TypeOf(params)
	for t0.Kind() == reflect.Pointer {
		t0 = t0.Elem()
	}
	for i := range t0.NumField() {
		if _, ok := t0.Field(i).Tag.Lookup("header"); ok {
			delete(form, t0.Field(i).Name)
		}
	}
	return form
}

// encodeForm returns the keys and values encodeBody sends for p, for
// tests that compare forms key by key.
func encodeForm[P params](p P) (url.Values, error) {
	return url.ParseQuery(string(encodeBody(p)))
}

// checkAgainstQueryString checks that encodeBody and appendForm give
// go-querystring's form, byte for byte what url.Values.Encode makes of it.
func checkAgainstQueryString(t *testing.T, p params) {
	t.Helper()
	want := queryStringForm(t, p)

	body := encodeBody(p)
	assert.Equal(t, want.Encode(), string(body))
	assert.Equal(t, len(body), cap(body), "the body is a slice of its own")
	assert.NotNil(t, body, "a body is sent even when empty")

	assert.Equal(t, "x"+want.Encode(), string(p.appendForm([]byte("x"))), "appendForm keeps what dst held")
}

// randUpdateParams returns UpdateServiceParams with a random set of fields,
// holding random values, valid or not.
func randUpdateParams(r *rand.Rand) *UpdateServiceParams {
	notification := func() *NotificationParams {
		return testkit.Maybe(r, NotificationParams{
			Enabled: testkit.Maybe(r, r.IntN(2) == 0), Template: testkit.Maybe(r, testkit.RandText(r)), Sound: testkit.Maybe(r, testkit.RandText(r)),
		})
	}
	var filters []string
	switch r.IntN(3) {
	case 1:
		filters = []string{}
	case 2:
		for range 1 + r.IntN(3) {
			filters = append(filters, testkit.RandText(r))
		}
	}
	return &UpdateServiceParams{
		FriendlyName:                 testkit.Maybe(r, testkit.RandText(r)),
		DefaultServiceRoleSID:        testkit.Maybe(r, testkit.RandText(r)),
		DefaultChannelRoleSID:        testkit.Maybe(r, testkit.RandText(r)),
		DefaultChannelCreatorRoleSID: testkit.Maybe(r, testkit.RandText(r)),
		ReadStatusEnabled:            testkit.Maybe(r, r.IntN(2) == 0),
		ReachabilityEnabled:          testkit.Maybe(r, r.IntN(2) == 0),
		TypingIndicatorTimeout:       testkit.Maybe(r, r.IntN(2000)-1000),
		ConsumptionReportInterval:    testkit.Maybe(r, r.Int()),
		Notifications: testkit.Maybe(r, NotificationsParams{
			NewMessage: testkit.Maybe(r, NewMessageNotificationParams{
				Enabled: testkit.Maybe(r, r.IntN(2) == 0), Template: testkit.Maybe(r, testkit.RandText(r)),
				Sound: testkit.Maybe(r, testkit.RandText(r)), BadgeCountEnabled: testkit.Maybe(r, r.IntN(2) == 0),
			}),
			AddedToChannel:     notification(),
			RemovedFromChannel: notification(),
			InvitedToChannel:   notification(),
			LogEnabled:         testkit.Maybe(r, r.IntN(2) == 0),
		}),
		PreWebhookURL:         testkit.Maybe(r, testkit.RandText(r)),
		PostWebhookURL:        testkit.Maybe(r, testkit.RandText(r)),
		WebhookMethod:         testkit.Maybe(r, WebhookMethod(testkit.RandText(r))),
		WebhookFilters:        filters,
		Limits:                testkit.Maybe(r, LimitsParams{ChannelMembers: testkit.Maybe(r, r.IntN(1001)), UserChannels: testkit.Maybe(r, -r.IntN(5))}),
		Media:                 testkit.Maybe(r, MediaParams{CompatibilityMessage: testkit.Maybe(r, testkit.RandText(r))}),
		PreWebhookRetryCount:  testkit.Maybe(r, r.IntN(10)),
		PostWebhookRetryCount: testkit.Maybe(r, r.IntN(10)),
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

// paramsTypes returns a zero value of the params type of every method of
// Client's services, found through their signatures.
func paramsTypes() []reflect.Type {
	var out []reflect.Type
	ct := reflect.TypeFor[Client]()
	for i := range ct.NumField() {
		st := ct.Field(i).Type
		if !ct.Field(i).IsExported() || st.Kind() != reflect.Pointer {
			continue
		}
		for j := range st.NumMethod() {
			mt := st.Method(j).Type
			for k := range mt.NumIn() {
				in := mt.In(k)
				if in.Kind() == reflect.Pointer && strings.HasSuffix(in.Elem().Name(), "Params") && !slices.Contains(out, in) {
					out = append(out, in)
				}
			}
		}
	}
	return out
}

// fillRandom sets every field of the struct v to a random value, or leaves
// it unset, nested structs included.
func fillRandom(r *rand.Rand, v reflect.Value) {
	loc := time.FixedZone("X", -(3*3600 + 30*60))
	for i := range v.NumField() {
		f := v.Field(i)
		if r.IntN(4) == 0 || !v.Type().Field(i).IsExported() {
			continue
		}
		t := f.Type()
		switch {
		case t.Kind() == reflect.Slice:
			n := r.IntN(3)
			s := reflect.MakeSlice(t, n, n)
			for j := range n {
				s.Index(j).SetString(testkit.RandText(r))
			}
			f.Set(s)
		case t.Kind() == reflect.Int:
			f.SetInt(int64(r.IntN(200) - 100))
		case t.Elem() == reflect.TypeFor[time.Time]():
			f.Set(reflect.ValueOf(Ptr(time.Date(2000+r.IntN(30), 1, 2, 3, 4, 5, 0, loc))))
		default:
			p := reflect.New(t.Elem())
			switch t.Elem().Kind() {
			case reflect.Struct:
				fillRandom(r, p.Elem())
			case reflect.String:
				p.Elem().SetString(testkit.RandText(r))
			case reflect.Int:
				p.Elem().SetInt(int64(r.IntN(2000) - 1000))
			case reflect.Bool:
				p.Elem().SetBool(r.IntN(2) == 0)
			default:
				panic(t.String())
			}
			f.Set(p)
		}
	}
}

// TestEncodeEveryParamsType checks the generated encoding of every params
// type the client sends against go-querystring's reading of its url tags,
// with random fields set, and that header fields are never form keys.
func TestEncodeEveryParamsType(t *testing.T) {
	t.Parallel()
	types := paramsTypes()
	require.Greater(t, len(types), 30)
	r := rand.New(rand.NewPCG(3, 5))
	for _, typ := range types {
		t.Run(typ.Elem().Name(), func(t *testing.T) {
			checkAgainstQueryString(t, reflect.Zero(typ).Interface().(params))
			for range 200 {
				v := reflect.New(typ.Elem())
				fillRandom(r, v.Elem())
				checkAgainstQueryString(t, v.Interface().(params))
				if t.Failed() {
					return
				}
			}
		})
	}
}

// TestEncodeWireFormat spells out the keys that matter most on the wire:
// dotted nested keys and one WebhookFilters key per item, in key order.
func TestEncodeWireFormat(t *testing.T) {
	t.Parallel()
	body := encodeBody(&UpdateServiceParams{
		WebhookFilters: []string{"onMessageSent", "onChannelAdd"},
		Notifications: &NotificationsParams{
			NewMessage: &NewMessageNotificationParams{Enabled: Ptr(false), Template: Ptr("${USER}: hi")},
			LogEnabled: Ptr(true),
		},
		Limits:       &LimitsParams{UserChannels: Ptr(0)},
		FriendlyName: Ptr(""),
	})
	assert.Equal(t, "FriendlyName=&Limits.UserChannels=0&Notifications.LogEnabled=true"+
		"&Notifications.NewMessage.Enabled=false&Notifications.NewMessage.Template=%24%7BUSER%7D%3A+hi"+
		"&WebhookFilters=onMessageSent&WebhookFilters=onChannelAdd", string(body))
}
