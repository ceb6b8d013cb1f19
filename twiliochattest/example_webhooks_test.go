package twiliochattest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
	"github.com/e3f0929f/twiliochat/webhook"
)

// Example_webhooks tests a backend's webhook handler end to end: the fake
// calls it as Twilio would when a user sends messages, and stores what it
// decides. A message with a banned word is rejected and not stored, one the
// handler rewrites is stored rewritten, and the post-event reaches the
// handler after.
func Example_webhooks() {
	ctx := context.Background()
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()

	// The backend's handler, checking signatures with the account's token.
	h, err := webhook.NewHandler(srv.AuthToken())
	if err != nil {
		fmt.Println(err)
		return
	}
	h.OnMessageSend(func(_ context.Context, e *webhook.MessageSendEvent) (webhook.Decision, error) {
		switch {
		case strings.Contains(e.Body, "spam"):
			return webhook.Reject(), nil
		case strings.Contains(e.Body, "darn"):
			return webhook.Modify(webhook.MessageChanges{Body: twiliochat.Ptr(strings.ReplaceAll(e.Body, "darn", "d**n"))}), nil
		}
		return webhook.Allow(), nil
	})
	h.OnMessageSent(func(_ context.Context, e *webhook.MessageSentEvent) error {
		fmt.Printf("archived #%d from %s: %s\n", e.Index, e.From, e.Body)
		return nil
	})
	backend := httptest.NewServer(h)
	defer backend.Close()

	// The Service calls the backend before and after each message.
	client := srv.NewClient()
	serviceSID, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = client.Services.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{
		PreWebhookURL:  twiliochat.Ptr(backend.URL + "/chat"),
		PostWebhookURL: twiliochat.Ptr(backend.URL + "/chat"),
		WebhookFilters: []string{"onMessageSend", "onMessageSent"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := srv.SeedChannel(serviceSID, "general"); err != nil {
		fmt.Println(err)
		return
	}
	if _, err := srv.SeedMember(serviceSID, "general", "alice"); err != nil {
		fmt.Println(err)
		return
	}

	// alice sends messages with a Chat SDK.
	alice, err := srv.ConnectAs(serviceSID, "alice")
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = alice.SendMessage(ctx, "general", "buy spam here", "")
	var rejected *twiliochattest.RejectedError
	fmt.Println("rejected:", errors.As(err, &rejected), rejected.Status)
	msg, err := alice.SendMessage(ctx, "general", "darn it", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := srv.WaitDeliveries(ctx); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("sent:", msg.Body)

	for m, err := range client.Messages.List(ctx, serviceSID, "general", nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("stored #%d from %s: %s\n", m.Index, m.From, m.Body)
	}
	for _, d := range srv.Deliveries() {
		fmt.Println(d.EventType, d.Params.Get("Body"), d.Status)
	}
	// Output:
	// rejected: true 403
	// archived #0 from alice: d**n it
	// sent: d**n it
	// stored #0 from alice: d**n it
	// onMessageSend buy spam here 403
	// onMessageSend darn it 200
	// onMessageSent d**n it 200
}

// chat is the setup of the examples below: a fake whose Service "support"
// sends the events filters names to handler, a Channel "general", and alice,
// a member of it, connected. Setup errors panic, as they cannot happen.
type chat struct {
	srv     *twiliochattest.Server
	backend *httptest.Server
	service string
	alice   *twiliochattest.SDKClient
}

func newChatExample(handler http.Handler, filters ...string) *chat {
	c := &chat{srv: twiliochattest.NewServer(twiliochattest.WithSeed(1))}
	c.backend = httptest.NewServer(handler)
	var err error
	c.service, err = c.srv.SeedService("support")
	if err == nil {
		_, err = c.srv.NewClient().Services.Update(context.Background(), c.service, &twiliochat.UpdateServiceParams{
			PreWebhookURL: twiliochat.Ptr(c.backend.URL), PostWebhookURL: twiliochat.Ptr(c.backend.URL), WebhookFilters: filters,
		})
	}
	if err == nil {
		_, err = c.srv.SeedChannel(c.service, "general")
	}
	if err == nil {
		_, err = c.srv.SeedMember(c.service, "general", "alice")
	}
	if err == nil {
		c.alice, err = c.srv.ConnectAs(c.service, "alice")
	}
	if err != nil {
		panic(err)
	}
	return c
}

func (c *chat) Close() {
	c.srv.Close()
	c.backend.Close()
}

// handler returns a webhook.Handler on the fake's token with register's
// functions.
func handler(register func(h *webhook.Handler)) *webhook.Handler {
	h, err := webhook.NewHandler(twiliochattest.DefaultAuthToken)
	if err != nil {
		panic(err)
	}
	register(h)
	return h
}

// noHandler answers every webhook 200.
var noHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})

// ConnectAs acts as a user of a Chat SDK; the user is created on the first
// connection, as Twilio creates it.
func ExampleServer_ConnectAs() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1))
	defer srv.Close()
	serviceSID, err := srv.SeedService("support")
	if err != nil {
		fmt.Println(err)
		return
	}

	bob, err := srv.ConnectAs(serviceSID, "bob")
	if err != nil {
		fmt.Println(err)
		return
	}
	user, err := srv.NewClient().Users.Fetch(context.Background(), serviceSID, bob.Identity())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(user.Identity, user.SID[:2])
	// Output: bob US
}

// Identity is the user the SDKClient acts as.
func ExampleSDKClient_Identity() {
	c := newChatExample(noHandler)
	defer c.Close()
	fmt.Println(c.alice.Identity())
	// Output: alice
}

// SendMessage goes through the onMessageSend webhook, which may reject the
// message or change it, and the onMessageSent webhook follows.
func ExampleSDKClient_SendMessage() {
	c := newChatExample(handler(func(h *webhook.Handler) {
		h.OnMessageSend(func(_ context.Context, e *webhook.MessageSendEvent) (webhook.Decision, error) {
			if strings.Contains(e.Body, "spam") {
				return webhook.Reject(), nil
			}
			return webhook.Modify(webhook.MessageChanges{Attributes: []byte(`{"checked":true}`)}), nil
		})
	}), "onMessageSend", "onMessageSent")
	defer c.Close()
	ctx := context.Background()

	msg, err := c.alice.SendMessage(ctx, "general", "hello", `{"lang":"en"}`)
	fmt.Println(msg.Index, msg.From, msg.Body, msg.Attributes, err)
	_, _ = c.srv.WaitDeliveries(ctx) // the onMessageSent of hello
	_, err = c.alice.SendMessage(ctx, "general", "spam", "")
	fmt.Println(err != nil)
	ds, _ := c.srv.WaitDeliveries(ctx)
	for _, d := range ds {
		fmt.Println(d.EventType, d.Params.Get("Body"), d.Params.Get("Attributes"), d.Status)
	}
	// Output:
	// 0 alice hello {"checked":true} <nil>
	// true
	// onMessageSend hello {"lang":"en"} 200
	// onMessageSent hello {"checked":true} 200
	// onMessageSend spam {} 403
}

// UpdateMessageBody edits a message through the onMessageUpdate webhook,
// here one that masks a word.
func ExampleSDKClient_UpdateMessageBody() {
	c := newChatExample(handler(func(h *webhook.Handler) {
		h.OnMessageUpdate(func(_ context.Context, e *webhook.MessageUpdateEvent) (webhook.Decision, error) {
			return webhook.Modify(webhook.MessageChanges{Body: twiliochat.Ptr(strings.ReplaceAll(e.Body, "secret", "******"))}), nil
		})
	}), "onMessageUpdate")
	defer c.Close()
	ctx := context.Background()

	msg, err := c.alice.SendMessage(ctx, "general", "hello", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	edited, err := c.alice.UpdateMessageBody(ctx, "general", msg.SID, "the secret is out")
	fmt.Println(edited.Body, err)
	// Output: the ****** is out <nil>
}

// UpdateMessageAttributes changes a message's attributes through the
// onMessageUpdate webhook.
func ExampleSDKClient_UpdateMessageAttributes() {
	c := newChatExample(noHandler, "onMessageUpdate")
	defer c.Close()
	ctx := context.Background()

	msg, err := c.alice.SendMessage(ctx, "general", "hello", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	edited, err := c.alice.UpdateMessageAttributes(ctx, "general", msg.SID, `{"pinned":true}`)
	fmt.Println(edited.Body, edited.Attributes, err)
	fmt.Println(c.srv.Deliveries()[0].EventType, c.srv.Deliveries()[0].Params.Get("Attributes"))
	// Output:
	// hello {"pinned":true} <nil>
	// onMessageUpdate {"pinned":true}
}

// RemoveMessage deletes a message unless the onMessageRemove webhook
// rejects it.
func ExampleSDKClient_RemoveMessage() {
	c := newChatExample(handler(func(h *webhook.Handler) {
		h.OnMessageRemove(func(_ context.Context, e *webhook.MessageRemoveEvent) (webhook.Decision, error) {
			if strings.HasPrefix(e.Body, "[pinned]") {
				return webhook.Reject(), nil
			}
			return webhook.Allow(), nil
		})
	}), "onMessageRemove")
	defer c.Close()
	ctx := context.Background()

	pinned, _ := c.alice.SendMessage(ctx, "general", "[pinned] rules", "")
	chatter, _ := c.alice.SendMessage(ctx, "general", "brb", "")
	fmt.Println(c.alice.RemoveMessage(ctx, "general", pinned.SID) != nil)
	fmt.Println(c.alice.RemoveMessage(ctx, "general", chatter.SID))
	for m, err := range c.srv.NewClient().Messages.List(ctx, c.service, "general", nil) {
		fmt.Println(m.Body, err)
	}
	// Output:
	// true
	// <nil>
	// [pinned] rules <nil>
}

// JoinChannel makes the user a member unless the onMemberAdd webhook
// rejects it; the onMemberAdded post-event says the user JOINED.
func ExampleSDKClient_JoinChannel() {
	c := newChatExample(handler(func(h *webhook.Handler) {
		h.OnMemberAdd(func(_ context.Context, e *webhook.MemberAddEvent) (webhook.Decision, error) {
			if e.Identity == "mallory" {
				return webhook.Reject(), nil
			}
			return webhook.Allow(), nil
		})
	}), "onMemberAdd", "onMemberAdded")
	defer c.Close()
	ctx := context.Background()

	for _, identity := range []string{"bob", "mallory"} {
		user, err := c.srv.ConnectAs(c.service, identity)
		if err != nil {
			fmt.Println(err)
			return
		}
		sid, err := user.JoinChannel(ctx, "general")
		fmt.Println(identity, sid != "", err != nil)
		_, _ = c.srv.WaitDeliveries(ctx) // before the next pre-event
	}
	ds, _ := c.srv.WaitDeliveries(ctx)
	for _, d := range ds {
		fmt.Println(d.EventType, d.Params.Get("Identity"), d.Params.Get("Reason"), d.Status)
	}
	// Output:
	// bob true false
	// mallory false true
	// onMemberAdd bob  200
	// onMemberAdded bob JOINED 200
	// onMemberAdd mallory  403
}

// LeaveChannel ends the user's membership through the onMemberRemove
// webhook; the onMemberRemoved post-event says the user LEFT.
func ExampleSDKClient_LeaveChannel() {
	c := newChatExample(noHandler, "onMemberRemove", "onMemberRemoved")
	defer c.Close()
	ctx := context.Background()

	fmt.Println(c.alice.LeaveChannel(ctx, "general"))
	ds, _ := c.srv.WaitDeliveries(ctx)
	for _, d := range ds {
		fmt.Println(d.EventType, d.Params.Get("Identity"), d.Params.Get("Reason"))
	}
	fmt.Println(c.alice.LeaveChannel(ctx, "general") != nil)
	// Output:
	// <nil>
	// onMemberRemove alice LEFT
	// onMemberRemoved alice LEFT
	// true
}

// A RejectedError says which pre-event webhook rejected the action, and
// how.
func ExampleRejectedError() {
	c := newChatExample(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "closed for maintenance", http.StatusServiceUnavailable)
	}), "onMessageSend")
	defer c.Close()

	_, err := c.alice.SendMessage(context.Background(), "general", "hello", "")
	var rejected *twiliochattest.RejectedError
	if errors.As(err, &rejected) {
		fmt.Println(rejected.EventType, rejected.Status)
	}
	fmt.Println(strings.Replace(err.Error(), c.backend.URL, "http://backend", 1))
	// Output:
	// onMessageSend 503
	// twiliochattest: the onMessageSend webhook at http://backend rejected the action: it answered 503
}

// Error names the webhook, its URL and its answer.
func ExampleRejectedError_Error() {
	err := &twiliochattest.RejectedError{EventType: "onMemberAdd", URL: "https://backend.example.com/chat", Status: 403}
	fmt.Println(err)
	// Output: twiliochattest: the onMemberAdd webhook at https://backend.example.com/chat rejected the action: it answered 403
}

// REST actions send post-event webhooks when they ask for them with
// X-Twilio-Webhook-Enabled (WebhookEnabled), as on Twilio.
func ExampleServer_Deliveries() {
	c := newChatExample(noHandler, "onMessageSent")
	defer c.Close()
	ctx := context.Background()
	client := c.srv.NewClient()

	for _, enabled := range []bool{false, true} {
		_, err := client.Messages.Create(ctx, c.service, "general", &twiliochat.CreateMessageParams{
			Body: twiliochat.Ptr(fmt.Sprint("webhooks ", enabled)), WebhookEnabled: twiliochat.Ptr(enabled),
		})
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	if _, err := c.srv.WaitDeliveries(ctx); err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range c.srv.Deliveries() {
		fmt.Println(d.Method, d.EventType, d.Params.Get("Source"), d.Params.Get("Body"), d.Attempt, d.Status)
	}
	// Output: POST onMessageSent API webhooks true 0 200
}

// WaitDeliveries returns once the post-events queued so far are delivered,
// retries included: here a 503 answered once, retried as the Service's
// PostWebhookRetryCount allows.
func ExampleServer_WaitDeliveries() {
	var failed atomic.Bool
	c := newChatExample(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !failed.Swap(true) {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}), "onMessageSent")
	defer c.Close()
	ctx := context.Background()
	client := c.srv.NewClient()
	_, err := client.Services.Update(ctx, c.service, &twiliochat.UpdateServiceParams{PostWebhookRetryCount: twiliochat.Ptr(1)})
	if err != nil {
		fmt.Println(err)
		return
	}

	if _, err := c.alice.SendMessage(ctx, "general", "hello", ""); err != nil {
		fmt.Println(err)
		return
	}
	ds, err := c.srv.WaitDeliveries(ctx)
	for _, d := range ds {
		fmt.Println(d.EventType, d.Params.Get("RetryCount"), d.Status)
	}
	fmt.Println(err)
	// Output:
	// onMessageSent 0 503
	// onMessageSent 1 200
	// <nil>
}

// ResetDeliveries forgets the deliveries recorded so far.
func ExampleServer_ResetDeliveries() {
	c := newChatExample(noHandler, "onMessageSend")
	defer c.Close()
	ctx := context.Background()

	_, _ = c.alice.SendMessage(ctx, "general", "one", "")
	c.srv.ResetDeliveries()
	_, _ = c.alice.SendMessage(ctx, "general", "two", "")
	for _, d := range c.srv.Deliveries() {
		fmt.Println(d.EventType, d.Params.Get("Body"))
	}
	// Output: onMessageSend two
}

// bobJoins has bob join the Channel "general" of a new Service of srv,
// whose onMemberAdd goes to preURL, and returns JoinChannel's error.
func bobJoins(srv *twiliochattest.Server, preURL string) error {
	ctx := context.Background()
	serviceSID, err := srv.SeedService("support")
	if err != nil {
		return err
	}
	_, err = srv.NewClient().Services.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{
		PreWebhookURL: twiliochat.Ptr(preURL), WebhookFilters: []string{"onMemberAdd"},
	})
	if err != nil {
		return err
	}
	if _, err := srv.SeedChannel(serviceSID, "general"); err != nil {
		return err
	}
	bob, err := srv.ConnectAs(serviceSID, "bob")
	if err != nil {
		return err
	}
	_, err = bob.JoinChannel(ctx, "general")
	return err
}

// WithWebhookTimeout shortens the wait for an answer; a pre-event webhook
// that never answers in time rejects the action.
func ExampleWithWebhookTimeout() {
	srv := twiliochattest.NewServer(twiliochattest.WithWebhookTimeout(50 * time.Millisecond))
	defer srv.Close()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // then the server sees the fake go
		<-r.Context().Done()
	}))
	defer slow.Close()

	err := bobJoins(srv, slow.URL)
	fmt.Println(strings.Replace(err.Error(), slow.URL, "http://slow", 1))
	// Output: twiliochattest: the onMemberAdd webhook at http://slow rejected the action: no answer: timeout: no answer within 50ms
}

// TimedOut tells an attempt that got no answer in time, which is retried.
func ExampleDelivery_TimedOut() {
	ds := []twiliochattest.Delivery{
		{EventType: "onMessageSent", Err: "timeout: no answer within 5s"},
		{EventType: "onMessageSent", Status: http.StatusOK, Attempt: 1},
	}
	for _, d := range ds {
		fmt.Println(d.Attempt, d.Status, d.TimedOut())
	}
	// Output:
	// 0 0 true
	// 1 200 false
}

// roundTripFunc is an http.RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// WithWebhookClient sends webhooks with a client of your own: here one that
// answers every webhook itself, for a Service pointed at a public URL,
// which the default client does not send to.
func ExampleWithWebhookClient() {
	answered := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusNoContent, Body: http.NoBody, Request: r}, nil
	})
	srv := twiliochattest.NewServer(twiliochattest.WithWebhookClient(&http.Client{Transport: answered}))
	defer srv.Close()

	err := bobJoins(srv, "https://backend.example.com/chat")
	d := srv.Deliveries()[0]
	fmt.Println(err, d.URL, d.Status)
	// Output: <nil> https://backend.example.com/chat 204
}

// Close stops the fake and the webhook deliveries still queued.
func ExampleServer_Close() {
	srv := twiliochattest.NewServer()
	srv.Close()
	ds, err := srv.WaitDeliveries(context.Background())
	fmt.Println(len(ds), err)
	// Output: 0 <nil>
}
