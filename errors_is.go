package twiliochat

import (
	"errors"
	"net/http"
)

// The helpers below answer the questions callers ask of an error most often.
// Each looks through wrapping, errors.Join and a *RetryError, so it gives the
// same answer for a request that failed on its first try and for one that
// was retried and still failed.

// IsNotFound reports whether err is, or wraps, an *APIError for a resource
// that does not exist (HTTP 404 or Twilio code 20404).
func IsNotFound(err error) bool {
	return isAPIError(err, http.StatusNotFound, ErrCodeNotFound)
}

// IsRateLimited reports whether err is, or wraps, an *APIError for a request
// Twilio refused as too many (HTTP 429 or Twilio code 20429). The Client
// retries a 429 on its own, so this error means the retries were spent, the
// answer's Retry-After asked for a longer wait than the RetryPolicy allows,
// or the context ended during the wait: slow down, or queue the work.
func IsRateLimited(err error) bool {
	return isAPIError(err, http.StatusTooManyRequests, ErrCodeTooManyRequests)
}

// IsAlreadyExists reports whether err is, or wraps, an *APIError for a
// resource that exists already: Twilio's 409 Conflict with one of the codes
// ErrCodeUserExists (50201, a User's identity taken),
// ErrCodeUserAlreadyInvited (50212, an identity invited to the Channel
// already), ErrCodeChannelUniqueNameExists (50307, a Channel's unique name
// taken) or ErrCodeMemberExists (50404, an identity a Member of the Channel
// already). It reads the code, not the status alone: another 409 is not a
// duplicate. Use it to find or create, fetching what exists by the name
// you tried to create it with.
func IsAlreadyExists(err error) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	switch apiErr.Code {
	case ErrCodeUserExists, ErrCodeUserAlreadyInvited, ErrCodeChannelUniqueNameExists, ErrCodeMemberExists:
		return true
	}
	return false
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
