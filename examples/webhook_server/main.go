// Command webhook_server receives Twilio Chat webhooks: it rejects messages
// containing a banned word (onMessageSend) and logs sent messages
// (onMessageSent).
//
// With -listen it serves until interrupted, checking signatures with the
// token in TWILIO_AUTH_TOKEN:
//
//	TWILIO_AUTH_TOKEN=… go run ./examples/webhook_server -listen :8080 -public-url https://example.com
//
// Without flags it needs no account: it starts on 127.0.0.1 with a dummy
// token, sends itself three signed sample webhooks (an allowed message, a
// message with the banned word, a post-event), prints each answer, shuts down
// and exits 0.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"time"

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
	mux := http.NewServeMux()
	mux.Handle(hookPath, h)
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()
	logger.Info("serving Twilio Chat webhooks", "addr", addr, "path", hookPath)
	select {
	case err := <-served:
		return err // it could not listen
	case <-ctx.Done():
	}
	// ListenAndServe returns as soon as Shutdown begins; Shutdown itself
	// returns once the requests in flight are answered.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}

// selfTest serves on a loopback port and sends itself signed webhooks, as
// Twilio would, printing each answer to out.
func selfTest(out io.Writer, logger *slog.Logger) error {
	h, err := newHandler(dummyToken, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle(hookPath, h)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()

	target := "http://" + ln.Addr().String() + hookPath
	samples := []struct {
		name string
		want int
		form url.Values
	}{
		{"allowed message", http.StatusOK, url.Values{
			"EventType": {webhook.EventMessageSend}, "ChannelSid": {"CH00000000000000000000000000000001"},
			"From": {"alice"}, "Body": {"Hello everyone"},
		}},
		{"banned word", http.StatusForbidden, url.Values{
			"EventType": {webhook.EventMessageSend}, "ChannelSid": {"CH00000000000000000000000000000001"},
			"From": {"mallory"}, "Body": {"This is FORBIDDEN talk"},
		}},
		{"post-event", http.StatusOK, url.Values{
			"EventType": {webhook.EventMessageSent}, "ChannelSid": {"CH00000000000000000000000000000001"},
			"MessageSid": {"IM00000000000000000000000000000001"}, "Index": {"0"},
			"From": {"alice"}, "Body": {"Hello everyone"}, "DateCreated": {time.Now().UTC().Format(time.RFC3339)},
		}},
	}
	client := &http.Client{Timeout: 10 * time.Second}
	var sendErr error
	for _, s := range samples {
		status, err := send(client, target, s.form)
		if err != nil {
			sendErr = fmt.Errorf("%s: %w", s.name, err)
			break
		}
		fmt.Fprintf(out, "%-16s %-14s -> %d %s\n", s.name, s.form.Get("EventType"), status, describe(s.form, status))
		if status != s.want {
			sendErr = fmt.Errorf("%s: got status %d, want %d", s.name, status, s.want)
			break
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return sendErr
}

// send posts form to target, signed as Twilio signs it, and returns the
// answer's status.
func send(client *http.Client, target string, form url.Values) (int, error) {
	req, err := http.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set(webhook.SignatureHeader, webhook.Sign(dummyToken, target, form))
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// describe says what Twilio makes of an answer: a pre-event is allowed by
// any 2xx and rejected otherwise; a post-event is only acknowledged.
func describe(form url.Values, status int) string {
	switch {
	case form.Get("EventType") == webhook.EventMessageSent:
		return "acknowledged"
	case status >= 200 && status < 300:
		return "allowed"
	default:
		return "rejected"
	}
}
