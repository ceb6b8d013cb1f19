package twiliochat_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// setenv sets the environment variable key to value, or unsets it when value
// is "", and returns a function that puts back what was there before, so an
// example's output does not depend on the machine it runs on.
func setenv(key, value string) (restore func()) {
	old, had := os.LookupEnv(key)
	if value == "" {
		os.Unsetenv(key)
	} else {
		os.Setenv(key, value)
	}
	return func() {
		if had {
			os.Setenv(key, old)
		} else {
			os.Unsetenv(key)
		}
	}
}

// NewClientFromEnv reads the credentials from TWILIO_ACCOUNT_SID and
// TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET), and the
// location from TWILIO_EDGE and TWILIO_REGION. Options given to it apply
// after the environment. A deployment sets these variables; the example sets
// them itself, and restores them, so that its output is the same everywhere.
func ExampleNewClientFromEnv() {
	defer setenv("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef")()
	defer setenv("TWILIO_AUTH_TOKEN", "auth-token")()
	defer setenv("TWILIO_API_KEY", "")()
	defer setenv("TWILIO_API_SECRET", "")()
	defer setenv("TWILIO_EDGE", "dublin")()
	defer setenv("TWILIO_REGION", "ie1")()

	client, err := twiliochat.NewClientFromEnv(twiliochat.WithMaxRetries(4))
	fmt.Println(client, err)

	// Without an account SID in the environment there is no Client.
	os.Unsetenv("TWILIO_ACCOUNT_SID")
	client, err = twiliochat.NewClientFromEnv()
	fmt.Println(client == nil, err)
	// Output:
	// twiliochat.Client{AccountSID: AC0123456789abcdef0123456789abcdef, BaseURL: https://chat.dublin.ie1.twilio.com, Credentials: [redacted]} <nil>
	// true twiliochat: invalid TWILIO_ACCOUNT_SID: is not set
}

// WithAPIKey signs requests with an API key and its secret instead of the
// account's auth token, which can then be left empty. The requests still
// address the account given to NewClient.
func ExampleWithAPIKey() {
	const keySID, secret = "SK0123456789abcdef0123456789abcdef", "api-key-secret"
	srv := twiliochattest.NewServer(twiliochattest.WithAPIKey(keySID, secret),
		twiliochattest.WithSeed(1), twiliochattest.WithClock(fixedClock))
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))

	client, err := twiliochat.NewClient(srv.AccountSID(), "", twiliochat.WithAPIKey(keySID, secret),
		twiliochat.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	svc, err := client.Services.Fetch(context.Background(), sid)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(svc.FriendlyName, svc.AccountSID == srv.AccountSID())
	// The key SID is the basic-auth user name; the secret its password.
	sent := http.Request{Header: srv.Requests()[0].Header}
	user, _, _ := sent.BasicAuth()
	fmt.Println("user:", user)

	// A malformed key or an empty secret is refused, and never printed.
	_, err = twiliochat.NewClient(srv.AccountSID(), "", twiliochat.WithAPIKey("AC0123456789abcdef0123456789abcdef", secret))
	fmt.Println(err)
	_, err = twiliochat.NewClient(srv.AccountSID(), "", twiliochat.WithAPIKey(keySID, ""))
	fmt.Println(err)
	// Output:
	// support true
	// user: SK0123456789abcdef0123456789abcdef
	// twiliochat: invalid WithAPIKey: key SID is not SK followed by 32 hex digits
	// twiliochat: invalid WithAPIKey: empty secret
}

// WithBaseURL sends requests to another host than https://chat.twilio.com:
// a fake such as twiliochattest in tests, or a proxy, which may add a path
// prefix. Operations add their own path, /v2/Services/…, after it.
func ExampleWithBaseURL() {
	srv, client := startFake()
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))

	if _, err := client.Services.Fetch(context.Background(), sid); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(srv.Requests()[0].Method, srv.Requests()[0].Path)

	proxied, err := twiliochat.NewClient(exampleAccountSID, "auth-token",
		twiliochat.WithBaseURL("https://egress.example.com/twilio-chat"))
	fmt.Println(proxied, err)

	for _, base := range []string{"chat.twilio.com", "https://chat.twilio.com?debug=1", "https://user:pass@chat.twilio.com"} {
		_, err = twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithBaseURL(base))
		fmt.Println(err)
	}
	// Output:
	// GET /v2/Services/IS38c86ea8cfb5aefce5328519c066a043
	// twiliochat.Client{AccountSID: AC0123456789abcdef0123456789abcdef, BaseURL: https://egress.example.com/twilio-chat, Credentials: [redacted]} <nil>
	// twiliochat: invalid WithBaseURL: "chat.twilio.com" is not an absolute http or https URL
	// twiliochat: invalid WithBaseURL: the URL must not have a query or fragment
	// twiliochat: invalid WithBaseURL: the URL must not carry credentials
}

// WithEdge routes requests through a Twilio edge location near the caller.
// Without WithRegion the region is us1; an edge is one lowercase host name
// label.
func ExampleWithEdge() {
	client, err := twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithEdge("sydney"))
	fmt.Println(client, err)
	client, err = twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithEdge("sydney"), twiliochat.WithRegion("au1"))
	fmt.Println(client, err)

	_, err = twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithEdge("Sydney.AU"))
	fmt.Println(err)
	// Output:
	// twiliochat.Client{AccountSID: AC0123456789abcdef0123456789abcdef, BaseURL: https://chat.sydney.us1.twilio.com, Credentials: [redacted]} <nil>
	// twiliochat.Client{AccountSID: AC0123456789abcdef0123456789abcdef, BaseURL: https://chat.sydney.au1.twilio.com, Credentials: [redacted]} <nil>
	// twiliochat: invalid WithEdge: "Sydney.AU" is not a host name label
}

// WithRegion sends requests to the Twilio region that processes and stores
// the data. It sets the host, so it cannot be combined with WithBaseURL.
func ExampleWithRegion() {
	client, err := twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithRegion("ie1"))
	fmt.Println(client, err)

	_, err = twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithRegion("ie1"),
		twiliochat.WithBaseURL("https://chat.example.com"))
	fmt.Println(err)
	// Output:
	// twiliochat.Client{AccountSID: AC0123456789abcdef0123456789abcdef, BaseURL: https://chat.ie1.twilio.com, Credentials: [redacted]} <nil>
	// twiliochat: invalid WithBaseURL: cannot be combined with WithEdge or WithRegion
}

// loggingTransport prints each request it sends, as a transport that adds
// tracing or metrics would observe it.
type loggingTransport struct{ next http.RoundTripper }

func (t loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err == nil {
		fmt.Println("sent", req.Method, req.URL.Path, "->", resp.StatusCode)
	}
	return resp, err
}

// WithHTTPClient hands the Client an *http.Client of your own, for its
// transport (tracing, proxies, TLS settings) and timeout. The Client never
// follows a redirect through it, so the credentials stay on the configured
// host.
func ExampleWithHTTPClient() {
	srv, _ := startFake()
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))

	hc := &http.Client{Transport: loggingTransport{next: http.DefaultTransport}, Timeout: 10 * time.Second}
	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(),
		twiliochat.WithBaseURL(srv.URL), twiliochat.WithHTTPClient(hc))
	if err != nil {
		fmt.Println(err)
		return
	}
	svc, err := client.Services.Update(context.Background(), sid, &twiliochat.UpdateServiceParams{
		FriendlyName: twiliochat.Ptr("help desk"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(svc.FriendlyName)
	_, err = client.Services.Fetch(context.Background(), "IS00000000000000000000000000000000")
	fmt.Println(twiliochat.IsNotFound(err))
	// Output:
	// sent POST /v2/Services/IS38c86ea8cfb5aefce5328519c066a043 -> 200
	// help desk
	// sent GET /v2/Services/IS00000000000000000000000000000000 -> 404
	// true
}

// WithUserAgent appends your application's name and version to the
// User-Agent header, after the SDK's own, so that your requests can be told
// apart in logs: "twiliochat/0.1.0 (linux amd64) go/1.26.0 support-bot/1.2".
func ExampleWithUserAgent() {
	srv := twiliochattest.NewServer(twiliochattest.WithSeed(1), twiliochattest.WithClock(fixedClock))
	defer srv.Close()
	sid := mustSeed(srv.SeedService("support"))
	client, err := twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(),
		twiliochat.WithBaseURL(srv.URL), twiliochat.WithUserAgent("support-bot/1.2"))
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := client.Services.Fetch(context.Background(), sid); err != nil {
		fmt.Println(err)
		return
	}
	ua := srv.Requests()[0].Header.Get("User-Agent")
	fmt.Println(strings.HasPrefix(ua, "twiliochat/"+twiliochat.Version+" "), strings.HasSuffix(ua, " support-bot/1.2"))

	// A control character (a line break could start a new header) is refused.
	_, err = twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithUserAgent("bot\r\nX-Injected: 1"))
	fmt.Println(err)
	// Output:
	// true true
	// twiliochat: invalid WithUserAgent: control character U+000D in the user agent
}

// A Client prints as its account and base URL, never its credentials, so it
// is safe to log.
func ExampleClient_String() {
	client, err := twiliochat.NewClient(exampleAccountSID, "auth-token", twiliochat.WithRegion("ie1"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("using " + client.String())
	// Output: using twiliochat.Client{AccountSID: AC0123456789abcdef0123456789abcdef, BaseURL: https://chat.ie1.twilio.com, Credentials: [redacted]}
}

// Every fmt verb prints a Client the same way, without its auth token or API
// key secret, even the verbs that print a struct's fields.
func ExampleClient_Format() {
	client, err := twiliochat.NewClient(exampleAccountSID, "",
		twiliochat.WithAPIKey("SK0123456789abcdef0123456789abcdef", "api-key-secret"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		out := fmt.Sprintf(verb, client)
		fmt.Println(verb, strings.Contains(out, "api-key-secret"), out == client.String())
	}
	fmt.Printf("%+v\n", *client)
	// Output:
	// %v false true
	// %+v false true
	// %#v false true
	// %s false true
	// %q false true
	// twiliochat.Client{AccountSID: AC0123456789abcdef0123456789abcdef, BaseURL: https://chat.twilio.com, Credentials: [redacted]}
}
