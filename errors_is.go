package twiliochat

import (
	"errors"
	"net/http"
)

// The helpers below answer the questions callers ask of an error most often.
// Each looks through wrapping, errors.Join and a *RetryError, so it gives the
// same answer for a request that failed on its first try and for one that
// was retried and still failed.

// Twilio's error codes that the helpers recognise alongside the HTTP status.
const (
	codeNotFound    = 20404
	codeRateLimited = 20429
)

// IsNotFound reports whether err is, or wraps, an *APIError for a resource
// that does not exist (HTTP 404 or Twilio code 20404).
func IsNotFound(err error) bool {
	return isAPIError(err, http.StatusNotFound, codeNotFound)
}

// IsRateLimited reports whether err is, or wraps, an *APIError for a request
// Twilio refused as too many (HTTP 429 or Twilio code 20429). The Client
// retries a 429 on its own, so this error means the retries were spent, the
// answer's Retry-After asked for a longer wait than the RetryPolicy allows,
// or the context ended during the wait: slow down, or queue the work.
func IsRateLimited(err error) bool {
	return isAPIError(err, http.StatusTooManyRequests, codeRateLimited)
}

// IsValidation reports whether err is, or wraps, a *ValidationError: a
// parameter the Client rejected before sending anything. Such a call fails
// the same way every time it is made with the same input; errors.As gives the
// *ValidationError whose Field names the key.
func IsValidation(err error) bool {
	var valErr *ValidationError
	return errors.As(err, &valErr)
}

// isAPIError reports whether err wraps an *APIError with the HTTP status or
// the Twilio code.
func isAPIError(err error, status, code int) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.Status == status || apiErr.Code == code)
}
