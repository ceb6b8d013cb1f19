package twiliochat

import (
	"context"
	"errors"
	"net/http"
)

// The steps every operation on a single resource walks, after its own
// checks: invalid is the joined result of those checks (nil when the input
// is good), and a non-nil invalid returns before any request is built. An
// operation file only names its path, its checks and its result type.

// getResource GETs the resource, or list page, at target and returns it as
// a T.
func getResource[T any](ctx context.Context, c *Client, target string, invalid error) (*T, error) {
	if invalid != nil {
		return nil, invalid
	}
	return doJSON[T](ctx, c, &request{method: http.MethodGet, target: target})
}

// postForm POSTs params, encoded as a form, to target and returns the T
// Twilio answers with. A POST to a collection path (a Create) is retried
// only when it surely did not reach the server; one to an instance path (an
// Update) like any other request (see request.repeatable).
func postForm[T any](ctx context.Context, c *Client, target string, invalid error, params any) (*T, error) {
	if invalid != nil {
		return nil, invalid
	}
	form, err := encodeBody(params)
	if err != nil {
		return nil, err
	}
	return doJSON[T](ctx, c, &request{method: http.MethodPost, target: target, form: form})
}

// deleteResource DELETEs the resource at target, discarding any body.
func deleteResource(ctx context.Context, c *Client, target string, invalid error) error {
	if invalid != nil {
		return invalid
	}
	return c.do(ctx, &request{method: http.MethodDelete, target: target})
}

// checkDecodedSID rejects a decoded resource whose sid is missing or is not
// prefix followed by 32 hex digits: the caller could not address it. It is
// the body of each resource's checkDecoded.
func checkDecodedSID(resource, prefix, sid string) error {
	if sid == "" {
		return errors.New("the " + resource + " has no sid")
	}
	if !isSID(prefix, sid) {
		// The value is not quoted: it is whatever the server sent.
		return errors.New("the " + resource + "'s sid is not " + prefix + " followed by 32 hex digits")
	}
	return nil
}
