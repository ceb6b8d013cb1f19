package webhook

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
)

// readBody reads the body once, capped at maxBody, and puts an identical
// reader back on r.
func (c *config) readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, c.maxBody+1))
	r.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("webhook: read body: %w", err)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if int64(len(body)) > c.maxBody {
		return nil, ErrBodyTooLarge
	}
	return body, nil
}

// isForm reports whether a POST body is signed as form parameters. Any
// other body is covered by the URL's bodySHA256 instead.
func isForm(contentType string) bool {
	if contentType == "" {
		return true // Twilio always sets it; be lenient with hand-made requests.
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	return err == nil && mediaType == "application/x-www-form-urlencoded"
}

// bodyMismatch checks a body that is not a form against the bodySHA256
// parameter of fullURL, the URL whose signature is checked, as Twilio's
// libraries do. It returns "" when the parameter is there once and equals
// the hex SHA-256 of body, and otherwise why not.
func bodyMismatch(fullURL string, body []byte) string {
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
		sum := sha256.Sum256(body)
		if subtle.ConstantTimeCompare([]byte(got[0]), []byte(hex.EncodeToString(sum[:]))) != 1 {
			return "bodySHA256 does not match the body"
		}
		return ""
	default:
		return "the URL has more than one bodySHA256 parameter"
	}
}
