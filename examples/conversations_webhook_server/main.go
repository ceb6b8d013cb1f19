// Command conversations_webhook_server runs a Twilio Conversations webhook
// backend against the in-process twiliochattest fake, with no account and
// no network beyond 127.0.0.1. Its handler moderates messages before they
// are added (onMessageAdd: it rejects one holding a banned word and
// rewrites one holding a word it softens) and records the messages added
// (onMessageAdded), as a backend that syncs its own records would. Two
// users of a Conversations SDK send a message each; it prints each webhook
// with the handler's answer, the messages the backend recorded and those
// the fake stored, and exits 0.
//
//	go run ./examples/conversations_webhook_server
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
	"github.com/e3f0929f/twiliochat/webhook"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "conversations_webhook_server:", err)
		os.Exit(1)
	}
}

// backend is the webhook side of the application: its moderation rules
// and the messages it recorded.
type backend struct {
	mu       sync.Mutex
	recorded []string
}

// handler returns the webhook.Handler that serves b, checking signatures
// with token.
func (b *backend) handler(token string) (*webhook.Handler, error) {
	h, err := webhook.NewHandler(token)
	if err != nil {
		return nil, err
	}
	h.OnConversationMessageAdd(func(_ context.Context, e *webhook.ConversationMessageAddEvent) (webhook.Decision, error) {
		switch {
		case strings.Contains(strings.ToLower(e.Body), "forbidden"):
			return webhook.Reject(), nil
		case strings.Contains(e.Body, "darn"):
			return webhook.Modify(webhook.MessageChanges{Body: twiliochat.Ptr(strings.ReplaceAll(e.Body, "darn", "d**n"))}), nil
		}
		return webhook.Allow(), nil
	})
	h.OnConversationMessageAdded(func(_ context.Context, e *webhook.ConversationMessageAddedEvent) error {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.recorded = append(b.recorded, fmt.Sprintf("#%d %s: %s", e.Index, e.Author, e.Body))
		return nil
	})
	return h, nil
}

// run sets up the fake, a Conversation Service whose webhooks go to the
// backend, and the conversation "support" with two participants, then
// sends their messages and prints what happened.
func run(out io.Writer) error {
	srv := twiliochattest.NewServer()
	defer srv.Close()
	b := &backend{}
	h, err := b.handler(srv.AuthToken())
	if err != nil {
		return err
	}
	hooks := httptest.NewServer(h)
	defer hooks.Close()

	service, err := srv.SeedService("support")
	if err != nil {
		return err
	}
	// The Service-level webhook configuration, as
	// POST /v1/Services/{IS}/Configuration/Webhooks sets it.
	_, err = srv.NewClient().Services.Update(context.Background(), service, &twiliochat.UpdateServiceParams{
		PreWebhookURL: twiliochat.Ptr(hooks.URL), PostWebhookURL: twiliochat.Ptr(hooks.URL),
		WebhookFilters: []string{webhook.EventMessageAdd, webhook.EventMessageAdded},
	})
	if err != nil {
		return err
	}
	if _, err := srv.SeedChannel(service, "support"); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, m := range []struct{ who, body string }{
		{"alice", "Hello everyone"},
		{"mallory", "This is FORBIDDEN talk"},
		{"bob", "darn, my order is late"},
	} {
		if _, err := srv.SeedMember(service, "support", m.who); err != nil {
			return err
		}
		user, err := srv.ConnectConversationsAs(service, m.who)
		if err != nil {
			return err
		}
		_, err = user.SendMessage(ctx, "support", m.body, "")
		var rejected *twiliochattest.RejectedError
		if err != nil && !errors.As(err, &rejected) {
			return err
		}
		// Wait for the post-action of this message, so that the output's
		// order does not depend on the background deliveries.
		if _, err := srv.WaitDeliveries(ctx); err != nil {
			return err
		}
	}
	for _, d := range srv.Deliveries() {
		line := fmt.Sprintf("%-15s %-30q -> %d %s", d.EventType, d.Params.Get("Body"), d.Status, strings.TrimSpace(d.Answer))
		fmt.Fprintln(out, strings.TrimRight(line, " "))
	}
	b.mu.Lock()
	for _, r := range b.recorded {
		fmt.Fprintln(out, "recorded:", r)
	}
	b.mu.Unlock()
	for m, err := range srv.NewClient().Messages.List(ctx, service, "support", nil) {
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "stored: #%d %s: %s\n", m.Index, m.From, m.Body)
	}
	return nil
}
