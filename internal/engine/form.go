package engine

import (
	"strconv"
	"time"
)

// appendKey appends "&key=" to dst, without the "&" when dst holds nothing
// past start. Keys are the spec's, which need no escaping.
func appendKey(dst []byte, start int, key string) []byte {
	if len(dst) > start {
		dst = append(dst, '&')
	}
	dst = append(dst, key...)
	return append(dst, '=')
}

// AppendString appends the pair key=v, v escaped.
func AppendString(dst []byte, start int, key, v string) []byte {
	return AppendQueryEscape(appendKey(dst, start, key), v)
}

// AppendInt appends the pair key=v.
func AppendInt(dst []byte, start int, key string, v int) []byte {
	return strconv.AppendInt(appendKey(dst, start, key), int64(v), 10)
}

// AppendBool appends the pair key=true or key=false.
func AppendBool(dst []byte, start int, key string, v bool) []byte {
	return strconv.AppendBool(appendKey(dst, start, key), v)
}

// AppendTime appends the pair key=v, v in RFC 3339, escaped.
func AppendTime(dst []byte, start int, key string, v time.Time) []byte {
	var b [64]byte
	return AppendQueryEscape(appendKey(dst, start, key), string(v.AppendFormat(b[:0], time.RFC3339)))
}

// AppendQueryEscape appends s escaped as url.QueryEscape escapes it.
func AppendQueryEscape(dst []byte, s string) []byte {
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

// QuoteShort quotes s for an error message, cut to a length that keeps
// messages readable whatever the caller passed.
func QuoteShort(s string) string {
	const max = 48
	if len(s) > max {
		return strconv.Quote(s[:max]) + "…"
	}
	return strconv.Quote(s)
}
