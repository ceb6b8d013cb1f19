package webhook

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
)

// readBody reads the body once, capped at maxBody, and with restore puts
// an identical reader back on r. It reads into a pooled buffer, so the body
// costs one allocation, its string.
func (c *config) readBody(r *http.Request, restore bool) (string, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return "", nil
	}
	buf := bodyBuffers.Get().(*[]byte)
	defer putBodyBuffer(buf)
	// Reading one byte past the limit tells a body that is too large; min
	// keeps that byte from overflowing a limit of math.MaxInt64.
	b, err := readAtMost(r.Body, *buf, min(c.maxBody, math.MaxInt64-1)+1)
	*buf = b
	r.Body.Close()
	if err != nil {
		return "", fmt.Errorf("webhook: read body: %w", err)
	}
	body := string(b)
	if restore {
		r.Body = io.NopCloser(strings.NewReader(body))
	}
	if int64(len(body)) > c.maxBody {
		return "", ErrBodyTooLarge
	}
	return body, nil
}

// bodyBuffers holds the buffers readBody reads into.
var bodyBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBody is the largest buffer put back into bodyBuffers, so that one
// large body does not stay in memory.
const maxPooledBody = 64 << 10

// putBodyBuffer returns buf to bodyBuffers unless it grew too large.
func putBodyBuffer(buf *[]byte) {
	if cap(*buf) <= maxPooledBody {
		bodyBuffers.Put(buf)
	}
}

// readAtMost reads r into buf, from its start, until EOF or until it has
// read limit bytes, and returns what it read.
func readAtMost(r io.Reader, buf []byte, limit int64) ([]byte, error) {
	dst := buf[:0]
	for int64(len(dst)) < limit {
		if len(dst) == cap(dst) {
			dst = slices.Grow(dst, max(512, cap(dst)))
		}
		n, err := r.Read(dst[len(dst):min(int64(cap(dst)), limit)])
		dst = dst[:len(dst)+n]
		if err == io.EOF {
			return dst, nil
		}
		if err != nil {
			return dst, err
		}
	}
	return dst, nil
}

// isForm reports whether a POST body is signed as form parameters. Any
// other body is covered by the URL's bodySHA256 instead.
func isForm(contentType string) bool {
	const form = "application/x-www-form-urlencoded"
	switch contentType {
	case "":
		return true // Twilio always sets it; be lenient with hand-made requests.
	case form:
		return true // what Twilio sends, without parsing
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	return err == nil && mediaType == form
}

// bodyMismatch checks a body that is not a form against the bodySHA256
// parameter of fullURL, the URL whose signature is checked, as Twilio's
// libraries do. It returns "" when the parameter is there once and equals
// the hex SHA-256 of body, and otherwise why not.
func bodyMismatch(fullURL, body string) string {
	var query url.Values
	if u, err := url.Parse(fullURL); err == nil {
		// A malformed pair is dropped and the others kept; a bodySHA256
		// that does not parse counts as missing.
		query, _ = url.ParseQuery(u.RawQuery)
	}
	switch got := query["bodySHA256"]; len(got) {
	case 0:
		return "the body is not a form and the URL has no bodySHA256 parameter"
	case 1:
		sum := sha256.Sum256([]byte(body))
		if subtle.ConstantTimeCompare([]byte(got[0]), []byte(hex.EncodeToString(sum[:]))) != 1 {
			return "bodySHA256 does not match the body"
		}
		return ""
	default:
		return "the URL has more than one bodySHA256 parameter"
	}
}
