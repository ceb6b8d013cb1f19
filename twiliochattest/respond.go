package twiliochattest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/e3f0929f/twiliochat"
)

// apiError is the error body Twilio's v0.1-standard APIs send.
type apiError struct {
	Code     int    `json:"code"`
	Message  string `json:"message"`
	MoreInfo string `json:"more_info"`
	Status   int    `json:"status"`
}

// moreInfo returns the documentation link Twilio puts in more_info.
func moreInfo(code int) string {
	return "https://www.twilio.com/docs/errors/" + strconv.Itoa(code)
}

// writeJSON writes v as JSON with status. It does not escape '&', '<' and
// '>' so URLs read as Twilio writes them.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("twiliochattest: encoding response: %v", err)) // a bug in this package
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// writeError writes a Twilio-shaped JSON error.
func writeError(w http.ResponseWriter, status, code int, message string) {
	twilioError(status, code, message).write(w)
}

// failureCode is the Twilio code a default Failure body carries for status.
func failureCode(status int) int {
	if status == http.StatusUnauthorized {
		return 20003
	}
	return 20000 + status
}

// writeFailure answers with an injected Failure.
func writeFailure(w http.ResponseWriter, f Failure) {
	status := f.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	h := w.Header()
	if f.RetryAfter != "" {
		h.Set("Retry-After", f.RetryAfter)
	}
	body := []byte(f.Body)
	if f.Body == "" {
		code := failureCode(status)
		text := http.StatusText(status)
		if text == "" {
			text = "Error"
		}
		b, _ := json.Marshal(apiError{Code: code, Message: text, MoreInfo: moreInfo(code), Status: status})
		body = b
		h.Set("Content-Type", "application/json")
	} else if json.Valid(body) {
		h.Set("Content-Type", "application/json")
	} else {
		h.Set("Content-Type", http.DetectContentType(body))
	}
	for k, vs := range f.Header {
		h[http.CanonicalHeaderKey(k)] = append([]string(nil), vs...)
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// response is a handler's answer, computed while holding the Server's lock
// and written after releasing it, so a client that reads slowly cannot stall
// other requests. body must not share mutable state with the Server.
type response struct {
	status int
	// body is encoded as JSON; nil sends no body.
	body any
	// allow is the Allow header of a 405.
	allow string
}

// write sends resp.
func (resp response) write(w http.ResponseWriter) {
	if resp.allow != "" {
		w.Header().Set("Allow", resp.allow)
	}
	if resp.body == nil {
		w.WriteHeader(resp.status)
		return
	}
	writeJSON(w, resp.status, resp.body)
}

// failed reports whether resp is an error answer, and its message.
func (resp response) failed() (string, bool) {
	if e, ok := resp.body.(apiError); ok {
		return e.Message, true
	}
	return "", false
}

// answer is a 200, or the status of a Create, with v as JSON.
func answer(status int, v any) response { return response{status: status, body: v} }

// found is the answer of a Fetch: 200 with v, or Twilio's 404 for c's path
// when v is nil (nothing is stored there).
func found[T any](c *call, v *T) response {
	if v == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, *v)
}

// noContent is the 204 of a Delete.
func noContent() response { return response{status: http.StatusNoContent} }

// invalidf is a 400 with Twilio's code 20001 and the formatted message.
func invalidf(format string, args ...any) response {
	return twilioError(http.StatusBadRequest, 20001, fmt.Sprintf(format, args...))
}

// notFound is Twilio's 404 for path.
func notFound(path string) response {
	return twilioError(http.StatusNotFound, twiliochat.ErrCodeNotFound, "The requested resource "+path+" was not found")
}

// twilioError is a Twilio-shaped JSON error.
func twilioError(status, code int, message string) response {
	return response{status: status, body: apiError{Code: code, Message: message, MoreInfo: moreInfo(code), Status: status}}
}
