package twiliochat

import (
	"net/http"
	"reflect"
	"strconv"
	"sync"
	"time"
)

// Ptr returns a pointer to a copy of v. Params use pointers so that an unset
// field (nil) is told apart from a zero value that must be sent:
//
//	params := &twiliochat.UpdateServiceParams{ReachabilityEnabled: twiliochat.Ptr(false)}
func Ptr[T any](v T) *T { return &v }

// params is what every params type has. internal/gen writes each
// operation's params type with its appendForm and header (and a list's
// paging) from the spec; validate is the type's own checks, written by
// hand next to its methods, or generated empty for a type with none.
type params interface {
	validate() error
	// appendForm appends the form (or query) keys of the params that are
	// set to dst, sorted by key as url.Values.Encode sorts them, each value
	// escaped as url.QueryEscape escapes it: a set pointer is sent even
	// when it holds the zero value, a nil one is not, a slice sends one key
	// per item, a date RFC 3339.
	appendForm(dst []byte) []byte
	// secrets returns the values of its secret keys that are set, which
	// the call path blanks out of every error.
	secrets() []string
	headerSetter
}

// headerSetter sets the header params of a request's params that are set.
type headerSetter interface {
	setHeader(h http.Header)
}

// formBuffers holds scratch buffers for encodeBody.
var formBuffers = sync.Pool{New: func() any { return new([]byte) }}

// encodeBody returns the form of p, in a new slice of exactly its length,
// to be sent as a request body. A nil p gives an empty, non-nil body.
func encodeBody[P params](p P) []byte {
	buf := formBuffers.Get().(*[]byte)
	defer formBuffers.Put(buf)
	*buf = p.appendForm((*buf)[:0])
	return append(make([]byte, 0, len(*buf)), *buf...)
}

// appendKey appends "&key=" to dst, without the "&" when dst holds nothing
// past start. Keys are the spec's, which need no escaping.
func appendKey(dst []byte, start int, key string) []byte {
	if len(dst) > start {
		dst = append(dst, '&')
	}
	dst = append(dst, key...)
	return append(dst, '=')
}

// appendString appends the pair key=v, v escaped.
func appendString(dst []byte, start int, key, v string) []byte {
	return appendQueryEscape(appendKey(dst, start, key), v)
}

// appendInt appends the pair key=v.
func appendInt(dst []byte, start int, key string, v int) []byte {
	return strconv.AppendInt(appendKey(dst, start, key), int64(v), 10)
}

// appendBool appends the pair key=true or key=false.
func appendBool(dst []byte, start int, key string, v bool) []byte {
	return strconv.AppendBool(appendKey(dst, start, key), v)
}

// appendTime appends the pair key=v, v in RFC 3339, escaped.
func appendTime(dst []byte, start int, key string, v time.Time) []byte {
	var b [64]byte
	return appendQueryEscape(appendKey(dst, start, key), string(v.AppendFormat(b[:0], time.RFC3339)))
}

// deref follows pointers; a nil pointer stays as it is.
func deref(v reflect.Value) reflect.Value {
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v
}

// appendQueryEscape appends s escaped as url.QueryEscape escapes it.
func appendQueryEscape(dst []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
			dst = append(dst, c)
		case c == ' ':
			dst = append(dst, '+')
		default:
			dst = append(dst, '%', hex[c>>4], hex[c&15])
		}
	}
	return dst
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
