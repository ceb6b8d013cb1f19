// Command webhook_server receives Twilio Chat webhooks: it rejects messages
// containing a banned word (onMessageSend) and logs sent messages
// (onMessageSent).
//
// With -listen it serves until interrupted, checking signatures with the
// token in TWILIO_AUTH_TOKEN:
//
//	TWILIO_AUTH_TOKEN=… go run ./examples/webhook_server -listen :8080 -public-url https://example.com
//
// Without flags it needs no account or network: it starts on 127.0.0.1 with
// a dummy token and runs against the in-process twiliochattest fake, which
// calls it as Twilio would when two users of a Chat SDK send a message each
// (onMessageSend, then onMessageSent for the message it allows). It prints
// each webhook with the handler's answer and the messages the fake stored,
// shuts down and exits 0.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/examples/internal/democlient"
	"github.com/e3f0929f/twiliochat/twiliochattest"
	"github.com/e3f0929f/twiliochat/webhook"
)

const (
	bannedWord = "forbidden"
	dummyToken = "self-test-dummy-auth-token"
	hookPath   = "/twilio/chat"
)

func main() {
	listen := flag.String("listen", "", "address to serve on, e.g. :8080 (default: run the self-test and exit)")
	publicURL := flag.String("public-url", "", "public base URL Twilio calls, when behind a proxy")
	flag.Parse()

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	var err error
	if *listen == "" {
		err = selfTest(os.Stdout, logger)
	} else {
		err = serve(*listen, *publicURL, logger)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "webhook_server:", err)
		os.Exit(1)
	}
}

// newHandler builds the webhook handler shared by both modes.
func newHandler(token string, logger *slog.Logger, opts ...webhook.Option) (*webhook.Handler, error) {
	h, err := webhook.NewHandler(token, append(opts, webhook.WithLogger(logger))...)
	if err != nil {
		return nil, err
	}
	h.OnMessageSend(func(ctx context.Context, e *webhook.MessageSendEvent) (webhook.Decision, error) {
		if strings.Contains(strings.ToLower(e.Body), bannedWord) {
			logger.Info("rejecting message", "from", e.From, "channel", e.ChannelSID)
			return webhook.Reject(), nil
		}
		return webhook.Allow(), nil
	})
	h.OnMessageSent(func(ctx context.Context, e *webhook.MessageSentEvent) error {
		logger.Info("message sent", "sid", e.MessageSID, "index", e.Index, "from", e.From, "body", e.Body)
		return nil
	})
	return h, nil
}

// serve serves the webhook on addr until interrupted, then lets the requests
// in flight finish before it returns.
func serve(addr, publicURL string, logger *slog.Logger) error {
	token := os.Getenv("TWILIO_AUTH_TOKEN")
	if token == "" {
		return errors.New("TWILIO_AUTH_TOKEN is not set: it is the key Twilio signs webhooks with")
	}
	var opts []webhook.Option
	if publicURL != "" {
		opts = append(opts, webhook.WithPublicURL(publicURL))
	}
	h, err := newHandler(token, logger, opts...)
	if err != nil {
		return err
	}
	logger.Info("serving Twilio Chat webhooks", "addr", addr, "path", hookPath)
	return democlient.ServeUntilInterrupt(addr, hookPath, h)
}

// selfTest serves the handler on a loopback port and runs it against the
// in-process twiliochattest fake, as Twilio would call it: a Service whose
// webhooks point at the handler, and two users of a Chat SDK sending a
// message each, one with the banned word. It prints each webhook the fake
// sent with the handler's answer, then the messages the fake stored.
func selfTest(out io.Writer, logger *slog.Logger) error {
	h, err := newHandler(dummyToken, logger)
	if err != nil {
		return err
	}
	return democlient.ServeLoopback(hookPath, h, func(target string) error {
		fake := twiliochattest.NewServer(twiliochattest.WithCredentials(twiliochattest.DefaultAccountSID, dummyToken))
		defer fake.Close()
		return converse(out, fake, target)
	})
}

// converse points a Service of fake at target and has alice and mallory
// send a message each in its channel, as users of a Chat SDK.
func converse(out io.Writer, fake *twiliochattest.Server, target string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	client := fake.NewClient()
	serviceSID, err := fake.SeedService("webhook self-test")
	if err != nil {
		return err
	}
	_, err = client.Services.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{
		PreWebhookURL:  twiliochat.Ptr(target),
		PostWebhookURL: twiliochat.Ptr(target),
		WebhookFilters: []string{webhook.EventMessageSend, webhook.EventMessageSent},
	})
	if err != nil {
		return err
	}
	if _, err := fake.SeedChannel(serviceSID, "general"); err != nil {
		return err
	}
	messages := []struct {
		from, body string
		rejected   bool
	}{
		{"alice", "Hello everyone", false},
		{"mallory", "This is FORBIDDEN talk", true},
	}
	for _, m := range messages {
		if _, err := fake.SeedMember(serviceSID, "general", m.from); err != nil {
			return err
		}
		user, err := fake.ConnectAs(serviceSID, m.from)
		if err != nil {
			return err
		}
		_, err = user.SendMessage(ctx, "general", m.body, "")
		var rejected *twiliochattest.RejectedError
		if errors.As(err, &rejected) != m.rejected || (err != nil && !m.rejected) {
			return fmt.Errorf("%s's message: got %v, want rejected %t", m.from, err, m.rejected)
		}
		if _, err := fake.WaitDeliveries(ctx); err != nil { // the post-event, if any
			return err
		}
	}
	for _, d := range fake.Deliveries() {
		if d.Status == 0 {
			return fmt.Errorf("%s: %s", d.EventType, d.Err)
		}
		who := d.Params.Get("From") + ": " + d.Params.Get("Body")
		fmt.Fprintf(out, "%-14s %-32s -> %d %s\n", d.EventType, who, d.Status, describe(d.EventType, d.Status))
	}
	for m, err := range client.Messages.List(ctx, serviceSID, "general", nil) {
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "stored: %s: %s\n", m.From, m.Body)
	}
	return nil
}

// describe says what Twilio makes of an answer: a pre-event is allowed by
// any 2xx and rejected otherwise; a post-event is only acknowledged.
func describe(eventType string, status int) string {
	switch {
	case eventType == webhook.EventMessageSent:
		return "acknowledged"
	case status >= 200 && status < 300:
		return "allowed"
	default:
		return "rejected"
	}
}
