package twiliochat

import (
	"net/url"
	"strconv"

	"github.com/google/go-querystring/query"
)

// Ptr returns a pointer to a copy of v. Params use pointers so that an unset
// field (nil) is told apart from a zero value that must be sent:
//
//	params := &twiliochat.UpdateServiceParams{ReachabilityEnabled: twiliochat.Ptr(false)}
func Ptr[T any](v T) *T { return &v }

// encodeForm flattens a params struct into form values. Fields carry `url`
// tags for go-querystring; nested params types implement query.Encoder
// through encodeNested, which spells their keys with a dot
// ("Notifications.NewMessage.Enabled").
func encodeForm(params any) (url.Values, error) {
	return query.Values(params)
}

// encodeNested adds the fields of the nested params struct v to form, each
// key prefixed with prefix and a dot.
func encodeNested(prefix string, v any, form *url.Values) error {
	inner, err := query.Values(v)
	if err != nil {
		return err
	}
	for key, values := range inner {
		(*form)[prefix+"."+key] = values
	}
	return nil
}

// quoteShort quotes s for an error message, cut to a length that keeps
// messages readable whatever the caller passed.
func quoteShort(s string) string {
	const max = 48
	if len(s) > max {
		return strconv.Quote(s[:max]) + "…"
	}
	return strconv.Quote(s)
}
