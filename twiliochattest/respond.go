package twiliochattest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
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
	writeJSON(w, status, apiError{Code: code, Message: message, MoreInfo: moreInfo(code), Status: status})
}

// errInvalid writes a 400 with Twilio's code 20001 and message.
func errInvalid(w http.ResponseWriter, format string, args ...any) {
	writeError(w, http.StatusBadRequest, 20001, fmt.Sprintf(format, args...))
}

// errNotFound writes Twilio's 404 for path.
func errNotFound(w http.ResponseWriter, path string) {
	writeError(w, http.StatusNotFound, 20404, "The requested resource "+path+" was not found")
}

// errMethod writes a 405 listing the allowed methods.
func errMethod(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	writeError(w, http.StatusMethodNotAllowed, 20004, "Method not allowed")
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

// reply is a response computed while holding the Server's lock and written
// after releasing it, so a client that reads slowly cannot stall other
// requests.
type reply func(w http.ResponseWriter)

// withLock runs fn under the Server's lock and writes the reply it returns.
func (s *Server) withLock(w http.ResponseWriter, fn func() reply) {
	s.mu.Lock()
	rep := fn()
	s.mu.Unlock()
	rep(w)
}

// replyJSON answers status with v encoded as JSON. v must not share mutable
// state with the Server.
func replyJSON(status int, v any) reply {
	return func(w http.ResponseWriter) { writeJSON(w, status, v) }
}

// replyNoContent answers 204 with an empty body.
func replyNoContent() reply {
	return func(w http.ResponseWriter) { w.WriteHeader(http.StatusNoContent) }
}

// replyInvalid answers 400 (20001) with the formatted message.
func replyInvalid(format string, args ...any) reply {
	return func(w http.ResponseWriter) { errInvalid(w, format, args...) }
}

// replyNotFound answers 404 (20404) for path.
func replyNotFound(path string) reply {
	return func(w http.ResponseWriter) { errNotFound(w, path) }
}
