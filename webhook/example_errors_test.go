package webhook_test

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"

	"github.com/e3f0929f/twiliochat/webhook"
)

// Error names the parameter that did not decode and why, never its value.
func ExampleFieldError_Error() {
	_, err := webhook.Parse(url.Values{"EventType": {"onMessageSent"}, "Index": {"seven"}})
	fmt.Println(err)
	// Output: webhook: parameter Index: not an integer
}

// Unwrap gives what is wrong underneath, without the value.
func ExampleFieldError_Unwrap() {
	_, err := webhook.Parse(url.Values{"EventType": {"onMessageSent"}, "DateCreated": {"yesterday"}})
	var fieldErr *webhook.FieldError
	if errors.As(err, &fieldErr) {
		fmt.Println(fieldErr.Field+":", fieldErr.Unwrap())
	}
	// Output: DateCreated: not an ISO 8601 date
}

// Error names the URL the signature was checked against: compare it with
// the URL set on the Service when every request is refused.
func ExampleSignatureError_Error() {
	form := url.Values{"EventType": {"onMessageSent"}, "Body": {"hello"}}
	r := httptest.NewRequest("POST", "http://internal:8080/twilio/chat", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	// Signed by Twilio for the public URL, checked against the one the server sees.
	r.Header.Set(webhook.SignatureHeader, webhook.Sign("test-auth-token", "https://example.com/twilio/chat", form))

	err := webhook.Verify("test-auth-token", r)
	fmt.Println(err)
	// Output: webhook: invalid X-Twilio-Signature signature for URL "http://internal:8080/twilio/chat"
}

// Unwrap returns ErrInvalidSignature, so errors.Is tells a bad signature
// from a missing one.
func ExampleSignatureError_Unwrap() {
	form := url.Values{"EventType": {"onMessageSent"}}
	r := httptest.NewRequest("POST", "https://example.com/twilio/chat", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(webhook.SignatureHeader, webhook.Sign("old-auth-token", "https://example.com/twilio/chat", form))

	err := webhook.Verify("new-auth-token", r)
	var sigErr *webhook.SignatureError
	fmt.Println(errors.As(err, &sigErr) && sigErr.Unwrap() == webhook.ErrInvalidSignature)
	fmt.Println(errors.Is(err, webhook.ErrInvalidSignature), errors.Is(err, webhook.ErrMissingSignature))
	// Output:
	// true
	// true false
}
