// Command token_server hands Chat clients their Access Token: an HTTP
// endpoint that, for a user your own auth has identified, answers
// {"identity": …, "token": …} with a token that lets the browser or mobile
// Chat SDK connect to one Chat Service as that user.
//
// Without TWILIO_ACCOUNT_SID it needs no account: it uses dummy
// credentials, starts on 127.0.0.1, fetches a token from itself as a
// signed-in user, verifies the token's signature, prints its claims (never
// the secret) and exits 0:
//
//	go run ./examples/token_server
//
// With TWILIO_ACCOUNT_SID, TWILIO_API_KEY, TWILIO_API_SECRET and
// TWILIO_CHAT_SERVICE_SID set (TWILIO_REGION is optional) it does the same
// with your credentials, or with -listen serves until interrupted:
//
//	TWILIO_ACCOUNT_SID=AC… TWILIO_API_KEY=SK… TWILIO_API_SECRET=… TWILIO_CHAT_SERVICE_SID=IS… \
//		go run ./examples/token_server -listen :8080
//
// A Conversations client SDK takes the same token, a Chat grant with the
// Conversation Service SID (https://www.twilio.com/docs/conversations/create-tokens):
// set TWILIO_CHAT_SERVICE_SID to that Service's IS… SID, the default
// Conversation Service's included.
//
// Who the user is comes from your own auth; demoIdentify stands for it here,
// knowing two users by a bearer session token. Replace it with your session
// cookie or OAuth check.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat/accesstoken"
	"github.com/e3f0929f/twiliochat/examples/internal/democlient"
)

const tokenPath = "/token"

// The dummy credentials of the self-test.
const (
	dummyAccountSID = "AC00000000000000000000000000000000"
	dummyAPIKeySID  = "SK00000000000000000000000000000000"
	dummyAPISecret  = "self-test-dummy-api-secret"
	dummyServiceSID = "IS00000000000000000000000000000000"
)

// demoSessions are the signed-in users of demoIdentify: session token to
// identity.
var demoSessions = map[string]string{
	"demo-session-alice": "alice",
	"demo-session-bob":   "bob",
}

func main() {
	listen := flag.String("listen", "", "address to serve on, e.g. :8080 (default: run the self-test and exit)")
	flag.Parse()

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	cfg, err := configFromEnv()
	if err == nil {
		if *listen == "" {
			err = selfTest(os.Stdout, logger, cfg, time.Now)
		} else {
			err = serve(*listen, logger, cfg)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "token_server:", err)
		os.Exit(1)
	}
}

// tokenHandler answers a signed-in user's request for an Access Token with
// a Chat grant for one Service.
type tokenHandler struct {
	issuer     *accesstoken.Issuer
	serviceSID string
	// identify returns the identity of the request's user as your own auth
	// knows them, or an error when the request is not signed in.
	identify func(*http.Request) (string, error)
	logger   *slog.Logger
}

// tokenResponse is the JSON body of a successful answer.
type tokenResponse struct {
	Identity string `json:"identity"`
	Token    string `json:"token"`
}

func (h *tokenHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// A token is a credential: no cache, shared or private, may keep it.
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	identity, err := h.identify(r)
	if err != nil || identity == "" {
		http.Error(w, "not signed in", http.StatusUnauthorized)
		return
	}
	token, err := h.issuer.Issue(identity, &accesstoken.ChatGrant{ServiceSID: h.serviceSID})
	if err != nil {
		h.logger.Error("cannot issue an access token", "identity", identity, "err", err)
		http.Error(w, "cannot issue a token", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(tokenResponse{Identity: identity, Token: token}); err != nil {
		h.logger.Warn("cannot send the token", "identity", identity, "err", err)
	}
}

// demoIdentify stands for your own auth: it knows the users of sessions by
// the bearer token of the Authorization header.
func demoIdentify(sessions map[string]string) func(*http.Request) (string, error) {
	return func(r *http.Request) (string, error) {
		session, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if identity, known := sessions[session]; ok && known {
			return identity, nil
		}
		return "", errors.New("no session")
	}
}

// config is where the tokens come from.
type config struct {
	accountSID, apiKeySID, apiSecret, serviceSID, region string
	// dummy is true for the self-test's dummy credentials.
	dummy bool
}

// configFromEnv reads the credentials from the environment, or returns the
// dummy ones when TWILIO_ACCOUNT_SID is not set.
func configFromEnv() (config, error) {
	if os.Getenv("TWILIO_ACCOUNT_SID") == "" {
		return config{
			accountSID: dummyAccountSID, apiKeySID: dummyAPIKeySID, apiSecret: dummyAPISecret,
			serviceSID: dummyServiceSID, dummy: true,
		}, nil
	}
	cfg := config{
		accountSID: os.Getenv("TWILIO_ACCOUNT_SID"),
		apiKeySID:  os.Getenv("TWILIO_API_KEY"),
		apiSecret:  os.Getenv("TWILIO_API_SECRET"),
		serviceSID: os.Getenv("TWILIO_CHAT_SERVICE_SID"),
		region:     os.Getenv("TWILIO_REGION"),
	}
	var missing []string
	for _, v := range []struct{ name, value string }{
		{"TWILIO_API_KEY", cfg.apiKeySID},
		{"TWILIO_API_SECRET", cfg.apiSecret},
		{"TWILIO_CHAT_SERVICE_SID", cfg.serviceSID},
	} {
		if v.value == "" {
			missing = append(missing, v.name)
		}
	}
	if len(missing) > 0 {
		return config{}, fmt.Errorf("TWILIO_ACCOUNT_SID is set, but not %s: an Access Token is signed with an API key, for a Chat Service",
			strings.Join(missing, ", "))
	}
	return cfg, nil
}

// newHandler returns the token endpoint for cfg, reading the time from now.
func newHandler(cfg config, logger *slog.Logger, now func() time.Time) (*tokenHandler, error) {
	opts := []accesstoken.Option{accesstoken.WithClock(now)}
	if cfg.region != "" {
		opts = append(opts, accesstoken.WithRegion(cfg.region))
	}
	issuer, err := accesstoken.NewIssuer(cfg.accountSID, cfg.apiKeySID, cfg.apiSecret, opts...)
	if err != nil {
		return nil, err
	}
	return &tokenHandler{issuer: issuer, serviceSID: cfg.serviceSID, identify: demoIdentify(demoSessions), logger: logger}, nil
}

// serve serves the token endpoint on addr until interrupted, then lets the
// requests in flight finish before it returns.
func serve(addr string, logger *slog.Logger, cfg config) error {
	if cfg.dummy {
		return errors.New("TWILIO_ACCOUNT_SID is not set: tokens signed with the dummy credentials would be refused by Twilio")
	}
	h, err := newHandler(cfg, logger, time.Now)
	if err != nil {
		return err
	}
	logger.Info("serving Chat access tokens", "addr", addr, "path", tokenPath, "issuer", h.issuer)
	return democlient.ServeUntilInterrupt(addr, tokenPath, h)
}

// selfTest serves the endpoint on a loopback port, asks it for a token
// without a session and as alice, verifies alice's token and prints its
// claims to out.
func selfTest(out io.Writer, logger *slog.Logger, cfg config, now func() time.Time) error {
	h, err := newHandler(cfg, logger, now)
	if err != nil {
		return err
	}
	return democlient.ServeLoopback(tokenPath, h, func(target string) error {
		if cfg.dummy {
			fmt.Fprintln(out, "TWILIO_ACCOUNT_SID is not set: using dummy credentials")
		}
		fmt.Fprintln(out, "issuer:", h.issuer)
		return fetchAndVerify(out, target, h.issuer)
	})
}

// fetchAndVerify asks target for a token without a session, then as alice,
// and verifies alice's token with issuer.
func fetchAndVerify(out io.Writer, target string, issuer *accesstoken.Issuer) error {
	client := &http.Client{Timeout: 10 * time.Second}
	resp, _, err := get(client, target, "")
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "GET %s, not signed in -> %s\n", tokenPath, resp.Status)
	if resp.StatusCode != http.StatusUnauthorized {
		return fmt.Errorf("not signed in: got %s, want 401", resp.Status)
	}

	resp, body, err := get(client, target, "demo-session-alice")
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "GET %s as alice       -> %s, Cache-Control: %s\n", tokenPath, resp.Status, resp.Header.Get("Cache-Control"))
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-store" {
		return fmt.Errorf("as alice: got %s with Cache-Control %q, want 200 with no-store", resp.Status, resp.Header.Get("Cache-Control"))
	}
	var answer tokenResponse
	if err := json.Unmarshal(body, &answer); err != nil {
		return fmt.Errorf("as alice: %w", err)
	}
	claims, err := issuer.Parse(answer.Token)
	if err != nil {
		return fmt.Errorf("the token does not verify: %w", err)
	}
	if answer.Identity != "alice" || claims.Identity != "alice" || claims.Chat == nil {
		return fmt.Errorf("the answer is for %q, its token for %q, want alice with a Chat grant", answer.Identity, claims.Identity)
	}
	fmt.Fprintln(out, "the token's HS256 signature verifies with the API secret; its claims:")
	fmt.Fprintf(out, "  jti       %s\n", claims.ID)
	fmt.Fprintf(out, "  iss       %s (API key)\n", claims.APIKeySID)
	fmt.Fprintf(out, "  sub       %s (account)\n", claims.AccountSID)
	fmt.Fprintf(out, "  identity  %s\n", claims.Identity)
	fmt.Fprintf(out, "  chat      service_sid %s\n", claims.Chat.ServiceSID)
	if claims.Region != "" {
		fmt.Fprintf(out, "  twr       %s\n", claims.Region)
	}
	fmt.Fprintf(out, "  iat, nbf  %s, %s\n", claims.IssuedAt.Format(time.RFC3339), claims.NotBefore.Format(time.RFC3339))
	fmt.Fprintf(out, "  exp       %s (%v after iat)\n", claims.ExpiresAt.Format(time.RFC3339), claims.ExpiresAt.Sub(claims.IssuedAt))
	return nil
}

// get sends a GET to target, with session as its bearer token when not
// empty, and returns the answer with its body read.
func get(client *http.Client, target, session string) (*http.Response, []byte, error) {
	req, err := http.NewRequest(http.MethodGet, target, nil)
	if err != nil {
		return nil, nil, err
	}
	if session != "" {
		req.Header.Set("Authorization", "Bearer "+session)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp, body, err
}
