package webhook_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"

	"github.com/e3f0929f/twiliochat/webhook"
)

// Twilio's own documented example: the auth token 12345 and a request to
// https://mycompany.com/myapp.php?foo=1&bar=2 with five POST parameters.
func ExampleSign() {
	params := url.Values{
		"CallSid": {"CA1234567890ABCDE"},
		"Caller":  {"+12349013030"},
		"Digits":  {"1234"},
		"From":    {"+12349013030"},
		"To":      {"+18005551212"},
	}
	fmt.Println(webhook.Sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
	// Output: 0/KCTR6DLpKmkAf8muzZqo1nDgQ=
}

func ExampleValidSignature() {
	params := url.Values{"EventType": {"onMessageSent"}, "Body": {"hi"}}
	sig := webhook.Sign("token", "https://example.com/chat", params)

	fmt.Println(webhook.ValidSignature("token", "https://example.com/chat", params, sig))
	fmt.Println(webhook.ValidSignature("token", "https://example.com:443/chat", params, sig))
	fmt.Println(webhook.ValidSignature("other", "https://example.com/chat", params, sig))
	// Output:
	// true
	// true
	// false
}

func ExampleVerify() {
	form := url.Values{"EventType": {"onMessageSent"}, "Body": {"hi"}}
	r := httptest.NewRequest(http.MethodPost, "https://example.com/chat", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(webhook.SignatureHeader, webhook.Sign("token", "https://example.com/chat", form))

	fmt.Println(webhook.Verify("token", r))
	fmt.Println(errors.Is(webhook.Verify("wrong", r), webhook.ErrInvalidSignature))

	r.Header.Del(webhook.SignatureHeader)
	fmt.Println(errors.Is(webhook.Verify("token", r), webhook.ErrMissingSignature))
	// Output:
	// <nil>
	// true
	// true
}

// Behind a load balancer the server sees its own host and scheme; tell
// Verify the public URL Twilio calls.
func ExampleWithPublicURL() {
	form := url.Values{"EventType": {"onMessageSent"}}
	r := httptest.NewRequest(http.MethodPost, "http://10.0.0.7:8080/twilio/chat", strings.NewReader(form.Encode()))
	r.Header.Set(webhook.SignatureHeader, webhook.Sign("token", "https://chat.example.com/twilio/chat", form))

	fmt.Println(webhook.Verify("token", r))
	fmt.Println(webhook.Verify("token", r, webhook.WithPublicURL("https://chat.example.com")))
	// Output:
	// webhook: invalid X-Twilio-Signature signature
	// <nil>
}

func ExampleParse() {
	form, _ := url.ParseQuery("EventType=onMessageSent&InstanceSid=IS123&MessageSid=IM456" +
		"&Index=7&ChannelSid=CH789&Body=hello&From=alice&Attributes=%7B%22pinned%22%3Atrue%7D" +
		"&DateCreated=2024-05-06T07%3A08%3A09.000Z")
	payload, err := webhook.Parse(form)
	if err != nil {
		fmt.Println(err)
		return
	}
	switch e := payload.(type) {
	case *webhook.MessageSentEvent:
		fmt.Println(e.EventType, e.InstanceSID, e.Index, e.From, e.Body, string(e.Attributes), e.DateCreated.Format("2006-01-02"))
	case *webhook.Event:
		fmt.Println("other event", e.EventType)
	}

	_, err = webhook.Parse(url.Values{"EventType": {"onMessageSent"}, "Index": {"seven"}})
	fmt.Println(err)
	// Output:
	// onMessageSent IS123 7 alice hello {"pinned":true} 2024-05-06
	// webhook: parameter Index: not an integer
}

func ExampleNewHandler() {
	h, err := webhook.NewHandler("your-auth-token")
	if err != nil {
		log.Fatal(err)
	}
	h.OnMessageSend(func(ctx context.Context, e *webhook.MessageSendEvent) (webhook.Decision, error) {
		if strings.Contains(strings.ToLower(e.Body), "spam") {
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})
	h.OnMessageSent(func(ctx context.Context, e *webhook.MessageSentEvent) error {
		log.Printf("message %s #%d from %s", e.MessageSID, e.Index, e.From)
		return nil
	})
	http.Handle("/twilio/chat", h)
	// http.ListenAndServe(":8080", nil)
}

func ExampleModify() {
	h, err := webhook.NewHandler("token")
	if err != nil {
		log.Fatal(err)
	}
	h.OnMessageSend(func(ctx context.Context, e *webhook.MessageSendEvent) (webhook.Decision, error) {
		clean := strings.ReplaceAll(e.Body, "darn", "d**n")
		return webhook.Modify(webhook.MessageChanges{Body: &clean}), nil
	})

	form := url.Values{"EventType": {"onMessageSend"}, "Body": {"darn it"}}
	r := httptest.NewRequest(http.MethodPost, "https://example.com/chat", strings.NewReader(form.Encode()))
	r.Header.Set(webhook.SignatureHeader, webhook.Sign("token", "https://example.com/chat", form))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Header().Get("Content-Type"), w.Body.String())
	// Output: 200 application/json {"body":"d**n it"}
}
