package webhook_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"time"

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

// A POST whose body is not a form, such as JSON, is signed over its URL,
// whose bodySHA256 parameter is the hex SHA-256 of the body. The token, URL,
// body and signature are the request-validator test vector of Twilio's
// libraries (twilio-python tests/unit/test_request_validator.py).
func ExampleVerify_jsonBody() {
	const target = "https://mycompany.com/myapp.php?foo=1&bar=2" +
		"&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
	post := func(body string) *http.Request {
		r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set(webhook.SignatureHeader, "a9nBmqA0ju/hNViExpshrM61xv4=")
		return r
	}

	r := post(`{"property": "value", "boolean": true}`)
	fmt.Println(webhook.Verify("12345", r))
	body, _ := io.ReadAll(r.Body) // still there for the next handler
	fmt.Println(string(body))

	// The same signed URL with another body is refused.
	fmt.Println(webhook.Verify("12345", post(`{"property": "forged", "boolean": true}`)))
	// Output:
	// <nil>
	// {"property": "value", "boolean": true}
	// webhook: invalid X-Twilio-Signature signature for URL "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620": bodySHA256 does not match the body
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
	// webhook: invalid X-Twilio-Signature signature for URL "http://10.0.0.7:8080/twilio/chat"
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

// newHandler returns a Handler for the auth token "token", used to sign the
// requests deliver sends.
func newHandler(opts ...webhook.Option) *webhook.Handler {
	h, err := webhook.NewHandler("token", opts...)
	if err != nil {
		log.Fatal(err)
	}
	return h
}

// deliver makes the request Twilio would: a POST of form to
// https://example.com/chat, signed with the auth token "token". It serves
// the request with h and returns the answer's status and body.
func deliver(h http.Handler, form url.Values) string {
	r := httptest.NewRequest(http.MethodPost, "https://example.com/chat", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(webhook.SignatureHeader, webhook.Sign("token", "https://example.com/chat", form))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return strings.TrimSpace(fmt.Sprint(w.Code, " ", w.Body.String()))
}

// OnMessageSend decides on a message before Twilio stores it, for text and
// media messages alike; here links are refused.
func ExampleHandler_OnMessageSend() {
	h := newHandler()
	h.OnMessageSend(func(ctx context.Context, e *webhook.MessageSendEvent) (webhook.Decision, error) {
		if e.Media != nil {
			fmt.Println("media:", e.Media.Filename, e.Media.ContentType, e.Media.Size)
		}
		if strings.Contains(e.Body, "http://") || strings.Contains(e.Body, "https://") {
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageSend"}, "From": {"alice"}, "Body": {"see https://spam.example"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageSend"}, "From": {"alice"}, "Body": {"hello"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onMediaMessageSend"}, "From": {"alice"},
		"MediaSid": {"ME0123"}, "MediaFilename": {"cat.png"}, "MediaContentType": {"image/png"}, "MediaSize": {"48213"}}))
	// Output:
	// 403 rejected
	// 200
	// media: cat.png image/png 48213
	// 200
}

// OnMessageSent is told of each message after it was sent. A function that
// returns an error makes the Handler answer 500, which Twilio may retry
// (RetryCount counts the retries).
func ExampleHandler_OnMessageSent() {
	h := newHandler()
	h.OnMessageSent(func(ctx context.Context, e *webhook.MessageSentEvent) error {
		if e.ChannelSID == "" {
			return errors.New("no channel")
		}
		fmt.Printf("#%d in %s from %s: %s (retry %d)\n", e.Index, e.ChannelSID, e.From, e.Body, e.RetryCount)
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageSent"}, "ChannelSid": {"CH0123"}, "Index": {"42"},
		"From": {"alice"}, "Body": {"hello"}, "RetryCount": {"0"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageSent"}, "Index": {"43"}}))
	// Output:
	// #42 in CH0123 from alice: hello (retry 0)
	// 200
	// 500 internal error
}

// OnMessageUpdate decides on an edit before Twilio stores it; Modify can
// change the new text.
func ExampleHandler_OnMessageUpdate() {
	h := newHandler()
	h.OnMessageUpdate(func(ctx context.Context, e *webhook.MessageUpdateEvent) (webhook.Decision, error) {
		if e.ModifiedBy != e.From {
			return webhook.Reject(), nil // only the author may edit
		}
		body := e.Body + " (edited)"
		return webhook.Modify(webhook.MessageChanges{Body: &body}), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageUpdate"}, "From": {"alice"}, "ModifiedBy": {"bob"}, "Body": {"hi all"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageUpdate"}, "From": {"alice"}, "ModifiedBy": {"alice"}, "Body": {"hi all"}}))
	// Output:
	// 403 rejected
	// 200 {"body":"hi all (edited)"}
}

// OnMessageUpdated is told of each edit after it was made.
func ExampleHandler_OnMessageUpdated() {
	h := newHandler()
	h.OnMessageUpdated(func(ctx context.Context, e *webhook.MessageUpdatedEvent) error {
		fmt.Println(e.MessageSID, "edited by", e.ModifiedBy, "at", e.DateUpdated.Format(time.RFC3339), "now reads:", e.Body)
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageUpdated"}, "MessageSid": {"IM0123"},
		"ModifiedBy": {"alice"}, "Body": {"hi all (edited)"}, "DateUpdated": {"2024-05-06T08:00:00.000Z"}}))
	// Output:
	// IM0123 edited by alice at 2024-05-06T08:00:00Z now reads: hi all (edited)
	// 200
}

// OnMessageRemove decides on a deletion before it happens; here pinned
// messages, marked in their JSON attributes, stay.
func ExampleHandler_OnMessageRemove() {
	h := newHandler()
	h.OnMessageRemove(func(ctx context.Context, e *webhook.MessageRemoveEvent) (webhook.Decision, error) {
		var attrs struct {
			Pinned bool `json:"pinned"`
		}
		if len(e.Attributes) > 0 {
			if err := json.Unmarshal(e.Attributes, &attrs); err != nil {
				return webhook.Decision{}, err
			}
		}
		if attrs.Pinned {
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageRemove"}, "RemovedBy": {"bob"}, "Attributes": {`{"pinned":true}`}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageRemove"}, "RemovedBy": {"bob"}}))
	// Output:
	// 403 rejected
	// 200
}

// OnMessageRemoved is told of each deletion after it happened.
func ExampleHandler_OnMessageRemoved() {
	h := newHandler()
	h.OnMessageRemoved(func(ctx context.Context, e *webhook.MessageRemovedEvent) error {
		fmt.Printf("%s #%d by %s removed by %s at %s\n", e.MessageSID, e.Index, e.From, e.RemovedBy, e.DateRemoved.Format(time.RFC3339))
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageRemoved"}, "MessageSid": {"IM0123"}, "Index": {"42"},
		"From": {"alice"}, "RemovedBy": {"bob"}, "DateRemoved": {"2024-05-06T09:30:00.000Z"}}))
	// Output:
	// IM0123 #42 by alice removed by bob at 2024-05-06T09:30:00Z
	// 200
}

// OnChannelAdd decides on a new channel before Twilio creates it; here
// private channels need a unique name of the form "team-…".
func ExampleHandler_OnChannelAdd() {
	h := newHandler()
	h.OnChannelAdd(func(ctx context.Context, e *webhook.ChannelAddEvent) (webhook.Decision, error) {
		if e.ChannelType == "private" && !strings.HasPrefix(e.UniqueName, "team-") {
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onChannelAdd"}, "ChannelType": {"private"}, "UniqueName": {"secret"}, "CreatedBy": {"bob"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onChannelAdd"}, "ChannelType": {"private"}, "UniqueName": {"team-support"}, "CreatedBy": {"bob"}}))
	// Output:
	// 403 rejected
	// 200
}

// OnChannelAdded is told of each new channel after it was created.
func ExampleHandler_OnChannelAdded() {
	h := newHandler()
	h.OnChannelAdded(func(ctx context.Context, e *webhook.ChannelAddedEvent) error {
		fmt.Println(e.ChannelSID, e.ChannelType, e.FriendlyName, "created by", e.CreatedBy)
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onChannelAdded"}, "ChannelSid": {"CH0123"}, "ChannelType": {"public"},
		"FriendlyName": {"Support"}, "CreatedBy": {"alice"}, "DateCreated": {"2024-05-06T07:08:09.000Z"}}))
	// Output:
	// CH0123 public Support created by alice
	// 200
}

// OnChannelUpdate decides on a change to a channel before it is made; the
// event carries the channel's new values.
func ExampleHandler_OnChannelUpdate() {
	h := newHandler()
	h.OnChannelUpdate(func(ctx context.Context, e *webhook.ChannelUpdateEvent) (webhook.Decision, error) {
		if strings.TrimSpace(e.FriendlyName) == "" {
			return webhook.Reject(), nil // every channel keeps a name
		}
		return webhook.Allow(), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onChannelUpdate"}, "ChannelSid": {"CH0123"}, "FriendlyName": {" "}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onChannelUpdate"}, "ChannelSid": {"CH0123"}, "FriendlyName": {"Help desk"}}))
	// Output:
	// 403 rejected
	// 200
}

// OnChannelUpdated is told of each change to a channel after it was made.
func ExampleHandler_OnChannelUpdated() {
	h := newHandler()
	h.OnChannelUpdated(func(ctx context.Context, e *webhook.ChannelUpdatedEvent) error {
		fmt.Println(e.ChannelSID, "is now", e.FriendlyName, string(e.Attributes))
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onChannelUpdated"}, "ChannelSid": {"CH0123"},
		"FriendlyName": {"Help desk"}, "Attributes": {`{"topic":"billing"}`}}))
	// Output:
	// CH0123 is now Help desk {"topic":"billing"}
	// 200
}

// OnChannelDestroy decides on a channel's deletion before it happens; here
// the "general" channel stays.
func ExampleHandler_OnChannelDestroy() {
	h := newHandler()
	h.OnChannelDestroy(func(ctx context.Context, e *webhook.ChannelDestroyEvent) (webhook.Decision, error) {
		if e.UniqueName == "general" {
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onChannelDestroy"}, "ChannelSid": {"CH0001"}, "UniqueName": {"general"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onChannelDestroy"}, "ChannelSid": {"CH0002"}, "UniqueName": {"old-project"}}))
	// Output:
	// 403 rejected
	// 200
}

// OnChannelDestroyed is told of each deleted channel, for example to clean
// up what the application stored about it.
func ExampleHandler_OnChannelDestroyed() {
	h := newHandler()
	h.OnChannelDestroyed(func(ctx context.Context, e *webhook.ChannelDestroyedEvent) error {
		fmt.Println("forget", e.ChannelSID, e.UniqueName)
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onChannelDestroyed"}, "ChannelSid": {"CH0002"}, "UniqueName": {"old-project"}}))
	// Output:
	// forget CH0002 old-project
	// 200
}

// OnMemberAdd decides whether a user may join, or be added to, a channel.
func ExampleHandler_OnMemberAdd() {
	banned := map[string]bool{"mallory": true}
	h := newHandler()
	h.OnMemberAdd(func(ctx context.Context, e *webhook.MemberAddEvent) (webhook.Decision, error) {
		if banned[e.Identity] {
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMemberAdd"}, "ChannelSid": {"CH0123"}, "Identity": {"mallory"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onMemberAdd"}, "ChannelSid": {"CH0123"}, "Identity": {"carol"}}))
	// Output:
	// 403 rejected
	// 200
}

// OnMemberAdded is told of each new member; Reason says how they came in.
func ExampleHandler_OnMemberAdded() {
	h := newHandler()
	h.OnMemberAdded(func(ctx context.Context, e *webhook.MemberAddedEvent) error {
		fmt.Println(e.Identity, "in", e.ChannelSID, "as", e.MemberSID, e.Reason)
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMemberAdded"}, "ChannelSid": {"CH0123"}, "MemberSid": {"MB0123"},
		"Identity": {"carol"}, "Reason": {"JOINED"}}))
	// Output:
	// carol in CH0123 as MB0123 JOINED
	// 200
}

// OnMemberUpdate decides on a change to a membership, such as its read
// horizon; LastConsumedMessageIndex is nil when Twilio did not send it.
func ExampleHandler_OnMemberUpdate() {
	h := newHandler()
	h.OnMemberUpdate(func(ctx context.Context, e *webhook.MemberUpdateEvent) (webhook.Decision, error) {
		if e.LastConsumedMessageIndex != nil {
			fmt.Println(e.Identity, "read up to", *e.LastConsumedMessageIndex)
		} else {
			fmt.Println(e.Identity, "changes role to", e.RoleSID)
		}
		return webhook.Allow(), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMemberUpdate"}, "Identity": {"carol"}, "LastConsumedMessageIndex": {"41"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onMemberUpdate"}, "Identity": {"carol"}, "RoleSid": {"RL0123"}}))
	// Output:
	// carol read up to 41
	// 200
	// carol changes role to RL0123
	// 200
}

// OnMemberUpdated is told of each change to a membership after it was made.
func ExampleHandler_OnMemberUpdated() {
	h := newHandler()
	h.OnMemberUpdated(func(ctx context.Context, e *webhook.MemberUpdatedEvent) error {
		fmt.Println(e.MemberSID, e.Identity, "updated at", e.DateUpdated.Format(time.RFC3339))
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMemberUpdated"}, "MemberSid": {"MB0123"}, "Identity": {"carol"},
		"DateUpdated": {"2024-05-06T08:00:00.000Z"}}))
	// Output:
	// MB0123 carol updated at 2024-05-06T08:00:00Z
	// 200
}

// OnMemberRemove decides whether a member may leave, or be removed from, a
// channel; here the channel's owner stays.
func ExampleHandler_OnMemberRemove() {
	h := newHandler()
	h.OnMemberRemove(func(ctx context.Context, e *webhook.MemberRemoveEvent) (webhook.Decision, error) {
		if e.Identity == "owner" {
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMemberRemove"}, "Identity": {"owner"}, "Reason": {"REMOVED"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onMemberRemove"}, "Identity": {"carol"}, "Reason": {"LEFT"}}))
	// Output:
	// 403 rejected
	// 200
}

// OnMemberRemoved is told of each member who left a channel, with the
// member's attributes as they were.
func ExampleHandler_OnMemberRemoved() {
	h := newHandler()
	h.OnMemberRemoved(func(ctx context.Context, e *webhook.MemberRemovedEvent) error {
		fmt.Println(e.Identity, "left", e.ChannelSID, "at", e.DateRemoved.Format(time.RFC3339), e.Reason, string(e.Attributes))
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMemberRemoved"}, "ChannelSid": {"CH0123"}, "Identity": {"carol"},
		"Reason": {"LEFT"}, "DateRemoved": {"2024-05-06T09:30:00.000Z"}, "Attributes": {`{"team":"support"}`}}))
	// Output:
	// carol left CH0123 at 2024-05-06T09:30:00Z LEFT {"team":"support"}
	// 200
}

// OnUserAdded is told of each new user, such as one created over REST with
// X-Twilio-Webhook-Enabled: true.
func ExampleHandler_OnUserAdded() {
	h := newHandler()
	h.OnUserAdded(func(ctx context.Context, e *webhook.UserAddedEvent) error {
		fmt.Println("welcome", e.Identity, e.DateCreated.Format(time.RFC3339Nano))
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onUserAdded"}, "Identity": {"alice"}, "DateCreated": {"2021-04-17T12:52:31.295Z"}}))
	// Output:
	// welcome alice 2021-04-17T12:52:31.295Z
	// 200
}

// OnUserUpdate decides on a change to a user before it is made; here no one
// may take a name that poses as staff.
func ExampleHandler_OnUserUpdate() {
	h := newHandler()
	h.OnUserUpdate(func(ctx context.Context, e *webhook.UserUpdateEvent) (webhook.Decision, error) {
		if strings.Contains(strings.ToLower(e.FriendlyName), "admin") {
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onUserUpdate"}, "Identity": {"mallory"}, "FriendlyName": {"Admin Team"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onUserUpdate"}, "Identity": {"alice"}, "FriendlyName": {"Alice A."}}))
	// Output:
	// 403 rejected
	// 200
}

// OnUserUpdated is told of each change to a user; IsOnline and IsNotifiable
// are nil unless Twilio sent them.
func ExampleHandler_OnUserUpdated() {
	h := newHandler()
	h.OnUserUpdated(func(ctx context.Context, e *webhook.UserUpdatedEvent) error {
		if e.IsOnline != nil {
			fmt.Println(e.Identity, "online:", *e.IsOnline)
		}
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onUserUpdated"}, "Identity": {"alice"}, "IsOnline": {"true"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onUserUpdated"}, "Identity": {"alice"}, "FriendlyName": {"Alice A."}}))
	// Output:
	// alice online: true
	// 200
	// 200
}

// OnOther receives the events this package does not decode, as a bare
// *Event with every parameter in Params. Known events with no registered
// function are answered 200 without a call.
func ExampleHandler_OnOther() {
	h := newHandler()
	h.OnOther(func(ctx context.Context, e *webhook.Event) error {
		fmt.Println("other:", e.EventType, e.Params.Get("ChannelSid"))
		return nil
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onChannelArchived"}, "ChannelSid": {"CH0123"}}))
	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageSent"}, "Body": {"hi"}}))
	// Output:
	// other: onChannelArchived CH0123
	// 200
	// 200
}

// ServeHTTP answers Twilio: 200 or 403 for a pre-event's Decision, and an
// error status when the request is not Twilio's or the function fails.
func ExampleHandler_ServeHTTP() {
	h := newHandler()
	h.OnMessageSent(func(ctx context.Context, e *webhook.MessageSentEvent) error {
		return errors.New("database unavailable")
	})
	serve := func(r *http.Request) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Println(w.Code, strings.TrimSpace(w.Body.String()))
	}

	form := url.Values{"EventType": {"onMessageSent"}, "Body": {"hi"}}
	unsigned := httptest.NewRequest(http.MethodPost, "https://example.com/chat", strings.NewReader(form.Encode()))
	unsigned.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	serve(unsigned)
	serve(httptest.NewRequest(http.MethodPut, "https://example.com/chat", nil))
	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageSent"}, "Index": {"seven"}}))
	fmt.Println(deliver(h, form))
	// Output:
	// 401 invalid signature
	// 405 method not allowed
	// 400 cannot decode event: parameter Index: not an integer
	// 500 internal error
}

// Allow lets the action go ahead as it is: 200 with an empty body.
func ExampleAllow() {
	h := newHandler()
	h.OnChannelAdd(func(ctx context.Context, e *webhook.ChannelAddEvent) (webhook.Decision, error) {
		return webhook.Allow(), nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onChannelAdd"}, "FriendlyName": {"Support"}})) // status 200, no body
	// Output:
	// 200
}

// Reject stops the action: the Handler answers 403, and Twilio does not
// carry the action out.
func ExampleReject() {
	h := newHandler()
	h.OnMemberAdd(func(ctx context.Context, e *webhook.MemberAddEvent) (webhook.Decision, error) {
		return webhook.Reject(), nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onMemberAdd"}, "Identity": {"mallory"}}))
	// Output:
	// 403 rejected
}

// moderate is a pre-event function as an application would write it; the
// Decision examples test it directly, without HTTP.
func moderate(_ context.Context, e *webhook.MessageSendEvent) (webhook.Decision, error) {
	switch {
	case strings.Contains(e.Body, "spam"):
		return webhook.Reject(), nil
	case strings.Contains(e.Body, "darn"):
		body := strings.ReplaceAll(e.Body, "darn", "d**n")
		return webhook.Modify(webhook.MessageChanges{Body: &body}), nil
	}
	return webhook.Allow(), nil
}

// Rejected lets a unit test check a pre-event function's Decision without
// an HTTP round trip.
func ExampleDecision_Rejected() {
	for _, body := range []string{"buy spam", "hello"} {
		d, err := moderate(context.Background(), &webhook.MessageSendEvent{MessageFields: webhook.MessageFields{Body: body}})
		fmt.Println(body, d.Rejected(), err)
	}
	// Output:
	// buy spam true <nil>
	// hello false <nil>
}

// Changes returns the message changes of a Modify decision, nil for Allow
// and Reject.
func ExampleDecision_Changes() {
	for _, body := range []string{"darn it", "hello"} {
		d, _ := moderate(context.Background(), &webhook.MessageSendEvent{MessageFields: webhook.MessageFields{Body: body}})
		if c := d.Changes(); c != nil {
			fmt.Println(body, "->", *c.Body)
		} else {
			fmt.Println(body, "unchanged")
		}
	}
	// Output:
	// darn it -> d**n it
	// hello unchanged
}

// MessageChanges encodes to the JSON Twilio expects, with Attributes as a
// JSON string; fields left nil are not sent.
func ExampleMessageChanges_MarshalJSON() {
	author := "moderator"
	b, err := json.Marshal(webhook.MessageChanges{Author: &author, Attributes: json.RawMessage(`{"flagged":true}`)})
	fmt.Println(string(b), err)

	_, err = json.Marshal(webhook.MessageChanges{Attributes: json.RawMessage(`{flagged}`)})
	fmt.Println(err)
	// Output:
	// {"author":"moderator","attributes":"{\"flagged\":true}"} <nil>
	// json: error calling MarshalJSON for type webhook.MessageChanges: webhook: MessageChanges.Attributes is not valid JSON
}

// Common gives the fields every event carries, whatever its type, for
// logging or routing by Service.
func ExampleEvent_Common() {
	for _, form := range []url.Values{
		{"EventType": {"onMessageSent"}, "InstanceSid": {"IS0001"}, "Source": {"SDK"}, "ClientIdentity": {"alice"}},
		{"EventType": {"onChannelAdded"}, "InstanceSid": {"IS0002"}, "Source": {"API"}},
	} {
		payload, err := webhook.Parse(form)
		if err != nil {
			fmt.Println(err)
			return
		}
		e := payload.Common()
		fmt.Printf("%T %s %s %s %q\n", payload, e.EventType, e.InstanceSID, e.Source, e.ClientIdentity)
	}
	// Output:
	// *webhook.MessageSentEvent onMessageSent IS0001 SDK "alice"
	// *webhook.ChannelAddedEvent onChannelAdded IS0002 API ""
}

// Parse reports a parameter it cannot decode as a *FieldError naming it.
func ExampleFieldError() {
	_, err := webhook.Parse(url.Values{"EventType": {"onMessageSent"}, "DateCreated": {"yesterday"}})
	var fe *webhook.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, "|", fe.Err)
	}
	fmt.Println(err)
	// Output:
	// DateCreated | not an ISO 8601 date
	// webhook: parameter DateCreated: not an ISO 8601 date
}

// A *SignatureError names the URL the signature was checked against: here
// the server's own address, so the proxy setup needs WithPublicURL. A
// password in the URL is blanked out, and so is the auth token.
func ExampleSignatureError() {
	form := url.Values{"EventType": {"onMessageSent"}}
	r := httptest.NewRequest(http.MethodPost, "http://10.0.0.7:8080/chat", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(webhook.SignatureHeader, webhook.Sign("token", "https://chat.example.com/chat", form))

	err := webhook.Verify("token", r)
	var se *webhook.SignatureError
	if errors.As(err, &se) {
		fmt.Println(se.URL)
	}
	fmt.Println(errors.Is(err, webhook.ErrInvalidSignature))

	err = webhook.Verify("token", r, webhook.WithPublicURL("https://twilio:secret@chat.example.com"))
	fmt.Println(err)
	// Output:
	// http://10.0.0.7:8080/chat
	// true
	// webhook: invalid X-Twilio-Signature signature for URL "https://twilio:xxxxx@chat.example.com/chat"
}

// During a rotation of the account's auth token, accept requests signed
// with either the new or the old token.
func ExampleWithSecondaryToken() {
	form := url.Values{"EventType": {"onMessageSent"}}
	signed := func(token string) *http.Request {
		r := httptest.NewRequest(http.MethodPost, "https://example.com/chat", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set(webhook.SignatureHeader, webhook.Sign(token, "https://example.com/chat", form))
		return r
	}
	for _, token := range []string{"new-token", "old-token", "other-token"} {
		fmt.Println(token, webhook.Verify("new-token", signed(token), webhook.WithSecondaryToken("old-token")))
	}
	// Output:
	// new-token <nil>
	// old-token <nil>
	// other-token webhook: invalid X-Twilio-Signature signature for URL "https://example.com/chat"
}

// WithURLFunc rebuilds the URL Twilio signed when the server sees another
// one, here from the headers a reverse proxy sets.
func ExampleWithURLFunc() {
	publicURL := func(r *http.Request) string {
		return r.Header.Get("X-Forwarded-Proto") + "://" + r.Header.Get("X-Forwarded-Host") + r.URL.RequestURI()
	}
	form := url.Values{"EventType": {"onMessageSent"}}
	r := httptest.NewRequest(http.MethodPost, "http://10.0.0.7:8080/chat?tenant=7", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("X-Forwarded-Proto", "https")
	r.Header.Set("X-Forwarded-Host", "hooks.example.com")
	r.Header.Set(webhook.SignatureHeader, webhook.Sign("token", "https://hooks.example.com/chat?tenant=7", form))

	fmt.Println(webhook.Verify("token", r))
	fmt.Println(webhook.Verify("token", r, webhook.WithURLFunc(publicURL)))
	// Output:
	// webhook: invalid X-Twilio-Signature signature for URL "http://10.0.0.7:8080/chat?tenant=7"
	// <nil>
}

// WithMaxBodyBytes bounds how much of a request is read; a larger body is
// refused with ErrBodyTooLarge, or 413 from a Handler.
func ExampleWithMaxBodyBytes() {
	form := url.Values{"EventType": {"onMessageSend"}, "Body": {strings.Repeat("a", 2000)}}
	r := httptest.NewRequest(http.MethodPost, "https://example.com/chat", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(webhook.SignatureHeader, webhook.Sign("token", "https://example.com/chat", form))

	err := webhook.Verify("token", r, webhook.WithMaxBodyBytes(1024))
	fmt.Println(errors.Is(err, webhook.ErrBodyTooLarge))

	fmt.Println(deliver(newHandler(webhook.WithMaxBodyBytes(1024)), form))
	// Output:
	// true
	// 413 request body too large
}

// WithTimeout sets the deadline of the context the Handler passes to the
// registered functions; pass that context on to the calls they make, so
// that they end before Twilio stops waiting.
func ExampleWithTimeout() {
	h := newHandler(webhook.WithTimeout(2 * time.Second))
	h.OnMessageSend(func(ctx context.Context, e *webhook.MessageSendEvent) (webhook.Decision, error) {
		deadline, ok := ctx.Deadline()
		fmt.Println(ok, time.Until(deadline) <= 2*time.Second)
		return webhook.Allow(), nil
	})
	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageSend"}, "Body": {"hi"}}))

	_, err := webhook.NewHandler("token", webhook.WithTimeout(0))
	fmt.Println(err)
	// Output:
	// true true
	// 200
	// webhook: bad option: timeout must be positive
}

// WithLogger makes the Handler log what it refused and what failed; it never
// logs an auth token.
func ExampleWithLogger() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{} // no time, so the output is repeatable
			}
			return a
		},
	}))
	h := newHandler(webhook.WithLogger(logger))
	h.OnMessageSent(func(ctx context.Context, e *webhook.MessageSentEvent) error {
		return errors.New("database unavailable")
	})

	fmt.Println(deliver(h, url.Values{"EventType": {"onMessageSent"}}))
	r := httptest.NewRequest(http.MethodPost, "https://example.com/chat", strings.NewReader("EventType=onMessageSent"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(webhook.SignatureHeader, "forged")
	h.ServeHTTP(httptest.NewRecorder(), r)
	// Output:
	// level=ERROR msg="twilio webhook: handler failed" event_type=onMessageSent error="database unavailable"
	// 500 internal error
	// level=WARN msg="twilio webhook: signature rejected" error="webhook: invalid X-Twilio-Signature signature for URL \"https://example.com/chat\""
}

// VerifyRequest checks the signature and returns the parameters, ready for
// Parse, in code that does not use Handler.
func ExampleVerifyRequest() {
	form := url.Values{"EventType": {"onMemberAdded"}, "Identity": {"carol"}, "ChannelSid": {"CH0123"}}
	r := httptest.NewRequest(http.MethodPost, "https://example.com/chat", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(webhook.SignatureHeader, webhook.Sign("token", "https://example.com/chat", form))

	params, err := webhook.VerifyRequest("token", r)
	if err != nil {
		fmt.Println(err)
		return
	}
	payload, err := webhook.Parse(params)
	if err != nil {
		fmt.Println(err)
		return
	}
	if e, ok := payload.(*webhook.MemberAddedEvent); ok {
		fmt.Println(e.Identity, "joined", e.ChannelSID)
	}
	// Output:
	// carol joined CH0123
}
