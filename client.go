package twiliochat

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/e3f0929f/twiliochat/internal/engine"
)

// Version is the version of this module, sent in the User-Agent header.
const Version = "0.1.0"

// DefaultBaseURL is where requests go unless WithBaseURL, WithEdge or
// WithRegion says otherwise.
const DefaultBaseURL = "https://chat.twilio.com"

// MaxResponseBytes is the most of a response body the client reads. A larger
// success body fails the call with a *DecodeError wrapping
// ErrResponseTooLarge; a larger error body gives an *APIError made from the
// part that was read.
const MaxResponseBytes = 2 << 20

// maxErrorExcerpt is how many bytes of an error's message, or of a non-JSON
// error body, go into APIError.Message.
const maxErrorExcerpt = 256

// defaultTimeout bounds each request of the default HTTP client.
const defaultTimeout = 30 * time.Second

// Client calls the Twilio Chat v2 API. Create one with NewClient or
// NewClientFromEnv and share it: it is safe for concurrent use, keeps no
// per-request state and reuses connections. The zero Client has no
// credentials and no resource fields: it is not usable.
//
// Formatting a Client with fmt (any verb) prints its account SID and base
// URL, never its credentials.
type Client struct {
	// Services calls the Chat Services resource.
	Services *ServicesService
	// Roles calls the Roles resource of a Chat Service.
	Roles *RolesService
	// Users calls the Users resource of a Chat Service.
	Users *UsersService
	// UserChannels calls the Channels resource of a User.
	UserChannels *UserChannelsService
	// UserBindings calls the Bindings resource of a User.
	UserBindings *UserBindingsService
	// Channels calls the Channels resource of a Chat Service.
	Channels *ChannelsService
	// Members calls the Members resource of a Chat Channel.
	Members *MembersService
	// Messages calls the Messages resource of a Chat Channel.
	Messages *MessagesService
	// Invites calls the Invites resource of a Chat Channel.
	Invites *InvitesService
	// ChannelWebhooks calls the Webhooks resource of a Chat Channel.
	ChannelWebhooks *ChannelWebhooksService
	// Bindings calls the push notification Bindings resource of a Chat
	// Service.
	Bindings *BindingsService
	// Credentials calls the push Credentials resource of the account.
	Credentials *CredentialsService

	accountSID string
	creds      *credentials
	baseURL    *url.URL
	base       string // baseURL without a trailing slash
	userAgent  string
	// httpClient is the Client's own, used unless callerClient, from
	// WithHTTPClient, is set.
	httpClient   *http.Client
	callerClient *http.Client
	retry        retrier
	// logger receives the log of WithLogger, or is nil.
	logger *slog.Logger
	// product is the first label of the API's host: "chat", or
	// "conversations" for the Client that package conversations uses.
	product string
	// customBase is set when WithBaseURL chose the base URL, which every
	// API then shares.
	customBase bool
}

func init() {
	engine.ClientCaller = func(client any, product string) (engine.Caller, error) {
		c, ok := client.(*Client)
		if !ok || c == nil {
			return nil, errors.New("twiliochat: a nil *twiliochat.Client")
		}
		return chatCaller{c.forProduct(product)}, nil
	}
}

// forProduct returns a Client that sends as c does (the same transport,
// credentials, retries and logger) to the API whose host begins with
// product ("conversations.twilio.com", with c's edge and region), or to c's
// base URL when WithBaseURL set it. It has no resource fields: package
// conversations declares its own.
func (c *Client) forProduct(product string) *Client {
	p := &Client{
		accountSID:   c.accountSID,
		creds:        c.creds,
		baseURL:      c.baseURL,
		base:         c.base,
		userAgent:    c.userAgent,
		httpClient:   c.httpClient,
		callerClient: c.callerClient,
		retry:        c.retry,
		logger:       c.logger,
		product:      product,
		customBase:   c.customBase,
	}
	if !c.customBase {
		u := *c.baseURL
		u.Host = product + strings.TrimPrefix(u.Host, c.product)
		p.baseURL = &u
		p.base = strings.TrimSuffix(u.String(), "/")
	}
	return p
}

// credentials is what authenticates a Client. The Client holds it behind a
// pointer: fmt prints a pointer inside a struct as an address, so no verb
// applied to a value that holds a Client, such as a ServicesService, can
// print it. The secrets themselves are held only by closures, which
// reflection cannot look into, so that a dumper that follows pointers and
// ignores String methods (go-spew in a testify diff) cannot print them
// either.
type credentials struct {
	// authorization returns the Authorization header, "Basic …".
	authorization func() string
	// redactor blanks the credentials out of text a server sent back, in
	// case it echoes the request's Authorization header, and out of every
	// error the Client returns.
	redactor redactor
}

// Option configures a Client in NewClient and NewClientFromEnv.
type Option func(*config) error

// config collects the options before NewClient checks them together.
type config struct {
	baseURL    string
	edge       string
	region     string
	keySID     string
	keySecret  string
	httpClient *http.Client
	userAgent  string
	retry      RetryPolicy
	logger     *slog.Logger
}

// WithHTTPClient makes the Client send its requests through hc, for its
// transport, timeouts, cookie jar and proxies. hc is read at each request,
// so a transport set on it later (httpmock.ActivateNonDefault, say) is used,
// and it is never modified: each request goes through a copy of hc that does
// not follow redirects, whatever hc's CheckRedirect says, so a 3xx answer is
// returned as an *APIError and the credentials never go to another host.
// NewClient returns an error for a nil hc.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return engine.Invalid("WithHTTPClient", "nil *http.Client")
		}
		c.httpClient = hc
		return nil
	}
}

// WithBaseURL sends requests to base instead of https://chat.twilio.com, for
// a proxy or a fake such as package twiliochattest. base must be an absolute
// http or https URL without credentials, query or fragment; it may have a
// path prefix. It cannot be combined with WithEdge or WithRegion. NewClient
// returns an error for a base that breaks these rules.
func WithBaseURL(base string) Option {
	return func(c *config) error {
		c.baseURL = base
		return nil
	}
}

// WithEdge sends requests through a Twilio edge location, such as "dublin":
// the host becomes chat.{edge}.{region}.twilio.com, with region "us1" unless
// WithRegion sets another. NewClient returns an error for an edge that is
// not a host name label (lower-case letters, digits and inner hyphens), or
// with WithBaseURL.
func WithEdge(edge string) Option {
	return func(c *config) error {
		c.edge = edge
		return nil
	}
}

// WithRegion sends requests to a Twilio processing region, such as "ie1":
// the host becomes chat.{edge}.{region}.twilio.com, or chat.{region}.twilio.com
// without an edge. NewClient returns an error for a region that is not a
// host name label (lower-case letters, digits and inner hyphens), or with
// WithBaseURL.
func WithRegion(region string) Option {
	return func(c *config) error {
		c.region = region
		return nil
	}
}

// WithAPIKey authenticates with an API key (SK followed by 32 hex digits) and
// its secret instead of the account's auth token. Requests still address the
// account given to NewClient, whose auth token may then be empty. NewClient
// returns an error for a keySID that is not SK followed by 32 hex digits or
// an empty secret.
func WithAPIKey(keySID, secret string) Option {
	return func(c *config) error {
		if !isSID(apiKeySIDPrefix, keySID) {
			return engine.Invalid("WithAPIKey", "key SID is not %s followed by 32 hex digits", apiKeySIDPrefix)
		}
		if secret == "" {
			return engine.Invalid("WithAPIKey", "empty secret")
		}
		c.keySID, c.keySecret = keySID, secret
		return nil
	}
}

// WithUserAgent appends product to the User-Agent header the Client sends,
// after its own "twiliochat/{version} ({GOOS} {GOARCH}) go/{go version}".
// NewClient returns an error for a product holding a control character
// (below U+0020, tab and line breaks included, or DEL), which no request
// could carry.
func WithUserAgent(product string) Option {
	return func(c *config) error {
		if i := strings.IndexFunc(product, func(r rune) bool { return r < ' ' || r == 0x7f }); i >= 0 {
			return engine.Invalid("WithUserAgent", "control character %U in the user agent", product[i])
		}
		c.userAgent = product
		return nil
	}
}

// NewClient returns a Client for the account accountSID (AC followed by 32
// hex digits) that authenticates with authToken, or with the API key of
// WithAPIKey. It returns a *ValidationError, and no Client, when a
// credential is missing or malformed or an option is invalid or nil.
func NewClient(accountSID, authToken string, opts ...Option) (*Client, error) {
	cfg := config{retry: DefaultRetryPolicy()}
	if err := cfg.apply(opts); err != nil {
		return nil, err
	}
	if !isSID(accountSIDPrefix, accountSID) {
		// The value is not quoted: with the arguments swapped it would be
		// the auth token.
		return nil, engine.Invalid("AccountSid", "is not %s followed by 32 hex digits", accountSIDPrefix)
	}
	username, password := accountSID, authToken
	if cfg.keySID != "" {
		username, password = cfg.keySID, cfg.keySecret
	} else if authToken == "" {
		return nil, engine.Invalid("AuthToken", "is empty")
	}
	// Both secrets the caller gave, whichever authenticates: an option's
	// error may quote either by mistake.
	red := newRedactor(username, password, authToken, cfg.keySecret)
	base, err := cfg.base()
	if err != nil {
		return nil, red.scrub(err)
	}
	policy, err := cfg.retry.withDefaults()
	if err != nil {
		return nil, err
	}
	authorization := "Basic " + base64.StdEncoding.EncodeToString([]byte(username+":"+password))
	c := &Client{
		accountSID:   accountSID,
		creds:        &credentials{authorization: func() string { return authorization }, redactor: red},
		baseURL:      base,
		base:         strings.TrimSuffix(base.String(), "/"),
		userAgent:    userAgent(cfg.userAgent),
		callerClient: cfg.httpClient,
		retry:        newRetrier(policy),
		logger:       cfg.logger,
		product:      "chat",
		customBase:   cfg.baseURL != "",
	}
	if c.callerClient == nil {
		c.httpClient = defaultHTTPClient()
	}
	c.Services = &ServicesService{client: c}
	c.Roles = &RolesService{client: c}
	c.Bindings = &BindingsService{client: c}
	c.UserBindings = &UserBindingsService{client: c}
	c.UserChannels = &UserChannelsService{client: c}
	c.Messages = &MessagesService{client: c}
	c.Invites = &InvitesService{client: c}
	c.Users = &UsersService{client: c}
	c.Channels = &ChannelsService{client: c}
	c.Members = &MembersService{client: c}
	c.ChannelWebhooks = &ChannelWebhooksService{client: c}
	c.Credentials = &CredentialsService{client: c}
	return c, nil
}

// apply applies opts in order and returns the first error, or an error for
// the first nil option (which calling would panic on).
func (cfg *config) apply(opts []Option) error {
	for i, opt := range opts {
		if opt == nil {
			return engine.Invalid(fmt.Sprintf("opts[%d]", i), "is nil")
		}
		if err := opt(cfg); err != nil {
			return err
		}
	}
	return nil
}

// base resolves the base URL from WithBaseURL, WithEdge and WithRegion.
func (cfg *config) base() (*url.URL, error) {
	if cfg.edge != "" || cfg.region != "" {
		if cfg.baseURL != "" {
			return nil, engine.Invalid("WithBaseURL", "cannot be combined with WithEdge or WithRegion")
		}
		region := cfg.region
		if region == "" {
			region = "us1"
		}
		host := "chat."
		for _, o := range []struct{ option, label string }{{"WithEdge", cfg.edge}, {"WithRegion", region}} {
			if o.label == "" {
				continue
			}
			if !isHostLabel(o.label) {
				return nil, engine.Invalid(o.option, "%s is not a host name label", engine.QuoteShort(o.label))
			}
			host += o.label + "."
		}
		return &url.URL{Scheme: "https", Host: host + "twilio.com"}, nil
	}
	if cfg.baseURL == "" {
		return url.Parse(DefaultBaseURL)
	}
	u, err := url.Parse(cfg.baseURL)
	// Where an "@" may begin credentials the URL is not repeated: a
	// password could be in it, whole or in part.
	if strings.Contains(cfg.baseURL, "@") && (err != nil || u.User != nil || u.Opaque != "" || u.Host == "") {
		return nil, engine.Invalid("WithBaseURL", "the URL must not carry credentials")
	}
	switch {
	case err != nil:
		return nil, engine.Invalid("WithBaseURL", "%v", err)
	case !engine.IsAbsoluteHTTP(u):
		return nil, engine.Invalid("WithBaseURL", "%s is not an absolute http or https URL", engine.QuoteShort(cfg.baseURL))
	case u.User != nil:
		return nil, engine.Invalid("WithBaseURL", "the URL must not carry credentials")
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return nil, engine.Invalid("WithBaseURL", "the URL must not have a query or fragment")
	}
	return u, nil
}

// isHostLabel reports whether s can stand as one label of a host name.
func isHostLabel(s string) bool {
	if len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// defaultHTTPClient returns the HTTP client a Client makes for itself: a
// 30 s timeout, a transport of its own that keeps enough idle connections
// for concurrent callers, and no redirects.
func defaultHTTPClient() *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConns = 100
	transport.MaxIdleConnsPerHost = 100
	return &http.Client{Transport: transport, Timeout: defaultTimeout, CheckRedirect: refuseRedirect}
}

// refuseRedirect makes an http.Client return a 3xx answer instead of
// following it.
func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// sender returns the HTTP client for one request: the Client's own, or a
// copy of the caller's as it is now, made not to follow redirects.
func (c *Client) sender() *http.Client {
	if c.callerClient == nil {
		return c.httpClient
	}
	hc := *c.callerClient
	hc.CheckRedirect = refuseRedirect
	return &hc
}

// userAgent is the User-Agent header, with extra appended when not empty.
func userAgent(extra string) string {
	ua := "twiliochat/" + Version + " (" + runtime.GOOS + " " + runtime.GOARCH + ") go/" + strings.TrimPrefix(runtime.Version(), "go")
	if extra != "" {
		ua += " " + extra
	}
	return ua
}

// CloseIdleConnections closes the keep-alive connections the Client holds
// open but is not using. Call it when you are done with a Client whose
// connections should not wait for their idle timeout; the Client stays
// usable and opens new connections as needed. With WithHTTPClient, these are
// the idle connections of that *http.Client's transport, which its other
// users share.
func (c *Client) CloseIdleConnections() {
	c.sender().CloseIdleConnections()
}

// String describes the Client by its account and base URL, without
// credentials.
func (c Client) String() string {
	return "twiliochat.Client{AccountSID: " + c.accountSID + ", BaseURL: " + c.base + ", Credentials: [redacted]}"
}

// Format prints the Client as String does, for every verb, so that no fmt
// call can print its credentials.
func (c Client) Format(f fmt.State, _ rune) {
	io.WriteString(f, c.String())
}

// do sends r, retrying as the Client's RetryPolicy says, and decodes the
// answer into r.Out. A non-2xx answer returns an *APIError, a body that is
// not the expected JSON a *DecodeError; a request sent more than once that
// still failed returns a *RetryError wrapping the last of those.
func (c *Client) do(ctx context.Context, r *engine.Request) error {
	if ctx == nil {
		return errNilContext
	}
	req, err := c.newRequest(ctx, r)
	if err != nil {
		return c.scrub(err)
	}
	log := c.newCallLog(req)
	rec := responseRecorderFrom(ctx)
	// The first try sends req itself; each later one a copy with a fresh
	// body, as req's has been read.
	tries := 0
	// acted is set once a try may have reached Twilio and been acted on:
	// any answer but a 429, which Twilio sends without acting, or none.
	acted := false
	err = c.retry.run(ctx, !r.Creates, log, func() (http.Header, error) {
		try := req
		if tries++; tries > 1 {
			if try, err = resendable(req); err != nil {
				return nil, err
			}
		}
		start := log.now()
		resp, err := c.send(try, r.Out)
		log.attempt(ctx, tries, start, resp, err)
		rec.record(tries, resp, c.creds.redactor)
		if resp == nil {
			acted = true
			return nil, err
		}
		if goneOnRetry(r.Method, acted, resp) {
			return resp.Header, nil
		}
		acted = acted || resp.StatusCode != http.StatusTooManyRequests
		return resp.Header, err
	})
	return c.scrub(err)
}

// goneOnRetry reports whether resp says that a retried Delete found its
// resource gone: a 404 to a retry after a try that may have acted. That try
// most likely deleted it, its answer lost (a 504 from a gateway, a
// connection cut), so the Delete has done what was asked. A 404 to the
// first try, or to a retry of tries answered only 429, is an error: nothing
// was deleted.
func goneOnRetry(method string, acted bool, resp *http.Response) bool {
	return method == http.MethodDelete && acted && resp.StatusCode == http.StatusNotFound
}

// scrub returns err with the Client's credentials blanked out of its text
// and of everything errors.As finds in it (see redactor.scrub). Every error
// a Client returns goes through it.
func (c *Client) scrub(err error) error { return c.creds.redactor.scrub(err) }

// resendable returns a copy of req with a fresh body, to send it again.
func resendable(req *http.Request) (*http.Request, error) {
	again := req.Clone(req.Context())
	if req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, fmt.Errorf("twiliochat: %w", err)
		}
		again.Body = body
	}
	return again, nil
}

// newRequest builds the HTTP request for r, with its credentials and
// headers. The form is encoded once; each try reads it afresh through
// GetBody.
func (c *Client) newRequest(ctx context.Context, r *engine.Request) (*http.Request, error) {
	target, err := c.resolve(r.Target)
	if err != nil {
		return nil, err
	}
	var body io.Reader
	if r.Form != nil {
		body = bytes.NewReader(r.Form)
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, target, body)
	if err != nil {
		return nil, fmt.Errorf("twiliochat: %w", err)
	}
	if r.Header != nil {
		r.Header.SetHeader(req.Header)
	}
	// The values of the headers set here share one array, one allocation
	// instead of one per header as Header.Set makes. Each slice has a
	// capacity of 1, so that a RoundTripper that appends a value to one
	// header copies it instead of writing over the next header's value.
	vals := &[4]string{c.creds.authorization(), "application/json", c.userAgent, "application/x-www-form-urlencoded"}
	// The keys are in canonical form, as Header.Set would make them.
	req.Header["Authorization"] = vals[0:1:1]
	req.Header["Accept"] = vals[1:2:2]
	req.Header["User-Agent"] = vals[2:3:3]
	if r.Form != nil {
		req.Header["Content-Type"] = vals[3:4:4]
	}
	return req, nil
}

// send makes one try of req: it sends it, checks the status and decodes the
// answer into out. It returns the response, its body closed, when an answer
// arrived and nil when the request failed before one.
func (c *Client) send(req *http.Request, out any) (*http.Response, error) {
	resp, err := c.sender().Do(req)
	if err != nil {
		return nil, fmt.Errorf("twiliochat: %w", err) // a *url.Error: method, URL and cause
	}
	defer closeBody(resp.Body)
	if err := checkResponse(resp, c.creds.redactor); err != nil {
		return resp, err
	}
	return resp, decodeBody(resp, out, c.creds.redactor)
}

// resolve turns a request target into the absolute URL it is sent to: a
// path under the base URL, or a URL a server gave, such as a list page's
// next_page_url. The credentials only ever go to the base URL's host:
//
//   - a URL on the base URL's scheme and host, however the host is spelled
//     (letter case, the scheme's default port, a final dot), is sent to the
//     base host as configured, with its own path and query;
//   - a URL on a Twilio Chat host (https://chat.twilio.com,
//     chat.{region}.twilio.com or chat.{edge}.{region}.twilio.com, port 443
//     or none) has its path and query sent to the base URL: Twilio names its
//     global host in the next_page_url of a list read through an edge or a
//     region, and the official libraries apply the client's own host again;
//   - anything else, and any URL with user info, fails with an error
//     wrapping ErrUntrustedURL, before any request.
func (c *Client) resolve(target string) (string, error) {
	// "//host/path" names another host, relative to the scheme: not a path.
	if strings.HasPrefix(target, "/") && !strings.HasPrefix(target, "//") {
		return c.base + target, nil
	}
	u, err := url.Parse(target)
	if err == nil && u.User == nil && u.Opaque == "" {
		rest := u.EscapedPath()
		if u.RawQuery != "" {
			rest += "?" + u.RawQuery
		}
		switch {
		case u.Scheme == c.baseURL.Scheme && sameHost(u, c.baseURL):
			return c.baseURL.Scheme + "://" + c.baseURL.Host + rest, nil
		case isTwilioHost(u, c.product):
			return c.base + rest, nil
		}
	}
	// Redacted before quoteShort cuts it: a server may have put the token
	// in the URL.
	return "", fmt.Errorf("%w: refusing to send credentials to %s, want %s://%s or a Twilio %s host", ErrUntrustedURL, engine.QuoteShort(c.creds.redactor.redact(target)), c.baseURL.Scheme, c.baseURL.Host, c.hostName())
}

// sameHost reports whether u and base, of the same scheme, name the same
// host and port: host names compare without regard to letter case or a
// final dot, and no port means the scheme's default.
func sameHost(u, base *url.URL) bool {
	return hostName(u) == hostName(base) && portOrDefault(u) == portOrDefault(base)
}

// hostName is u's host name, lower-cased, without its port or a final dot.
func hostName(u *url.URL) string {
	return strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
}

// portOrDefault is u's port, or its scheme's default port when it has none.
func portOrDefault(u *url.URL) string {
	if port := u.Port(); port != "" {
		return port
	}
	switch u.Scheme {
	case "http":
		return "80"
	case "https":
		return "443"
	}
	return ""
}

// isTwilioHost reports whether u is an https URL on a host of the Twilio
// API whose host begins with product: chat.twilio.com, with an optional
// region and edge (chat.ie1.twilio.com, chat.dublin.ie1.twilio.com), on
// port 443 or none; conversations.twilio.com and so on for Conversations.
func isTwilioHost(u *url.URL, product string) bool {
	if u.Scheme != "https" || portOrDefault(u) != "443" {
		return false
	}
	labels := strings.Split(hostName(u), ".")
	n := len(labels)
	if n < 3 || n > 5 || labels[0] != product || labels[n-2] != "twilio" || labels[n-1] != "com" {
		return false
	}
	for _, label := range labels[1 : n-2] {
		if label == "" || !isHostLabel(label) {
			return false
		}
	}
	return true
}

// decodeBody decodes the JSON body of a 2xx response into out, reading at
// most MaxResponseBytes. A nil out leaves the body to closeBody. red blanks
// the credentials out of the request ID of a *DecodeError.
func decodeBody(resp *http.Response, out any, red redactor) error {
	if out == nil {
		return nil
	}
	buf := bodyBuffers.Get().(*[]byte)
	defer putBodyBuffer(buf)
	dst := (*buf)[:0]
	if n := resp.ContentLength; n > int64(cap(dst)) && n <= MaxResponseBytes {
		// One allocation of the announced size, instead of a chain of ever
		// larger ones as append grows a buffer; the extra byte leaves room
		// for the read that meets the end of the body.
		dst = make([]byte, 0, n+1)
	}
	body, err := readCapped(resp.Body, dst)
	*buf = body
	if err == nil {
		target := out
		if t, ok := out.(engine.Target); ok {
			target = t.JSONTarget()
		}
		// json.Unmarshal copies what it keeps, so the buffer can be reused.
		if err = json.Unmarshal(body, target); err != nil {
			// Decode again as a stream, on this rare path only, for the
			// errors a stream gives: io.EOF for an empty body,
			// io.ErrUnexpectedEOF for a cut one, nil when only data after
			// the JSON value was wrong.
			err = json.NewDecoder(bytes.NewReader(body)).Decode(target)
		}
	}
	if err == nil {
		err = checkDecoded(out)
	}
	if err != nil {
		return &DecodeError{Status: resp.StatusCode, RequestID: requestID(resp, red), Err: err}
	}
	return nil
}

// checkDecoded checks out, a decoded response, when it can tell whether it
// is usable: a resource must have its SID, a list page its list.
func checkDecoded(out any) error {
	if d, ok := out.(engine.Decoded); ok {
		return d.CheckDecoded()
	}
	return nil
}

// bodyBuffers holds the buffers decodeBody reads bodies into.
var bodyBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBody is the largest buffer put back into bodyBuffers: a full list
// page (100 Messages are about 75 KiB) is read into a reused buffer, but one
// large answer does not stay in memory.
const maxPooledBody = 256 << 10

// putBodyBuffer returns buf to bodyBuffers unless it grew too large.
func putBodyBuffer(buf *[]byte) {
	if cap(*buf) <= maxPooledBody {
		bodyBuffers.Put(buf)
	}
}

// readCapped appends r to dst until EOF and fails with ErrResponseTooLarge
// when r holds more than MaxResponseBytes.
func readCapped(r io.Reader, dst []byte) ([]byte, error) {
	// One byte past the cap tells a body that ends at the cap from a
	// larger one.
	limit := len(dst) + MaxResponseBytes + 1
	for {
		if len(dst) == cap(dst) {
			dst = append(dst, 0)[:len(dst)]
		}
		n, err := r.Read(dst[len(dst):min(cap(dst), limit)])
		dst = dst[:len(dst)+n]
		if len(dst) == limit {
			return dst, ErrResponseTooLarge
		}
		if err == io.EOF {
			return dst, nil
		}
		if err != nil {
			return dst, err
		}
	}
}

// closeBody drains what is left of a body, up to the read cap, and closes it
// so the connection can be reused.
func closeBody(body io.ReadCloser) {
	drain(body, MaxResponseBytes)
	_ = body.Close()
}

// drain reads and discards r until EOF, an error or limit bytes, into a
// pooled buffer: usually decodeBody has read the body to its end already,
// and one read says so.
func drain(r io.Reader, limit int) {
	buf := bodyBuffers.Get().(*[]byte)
	defer putBodyBuffer(buf)
	if cap(*buf) < drainChunk {
		*buf = make([]byte, 0, drainChunk)
	}
	chunk := (*buf)[:cap(*buf)]
	for limit > 0 {
		n, err := r.Read(chunk[:min(len(chunk), limit)])
		limit -= n
		if err != nil {
			return
		}
	}
}

// drainChunk is the smallest buffer drain reads into.
const drainChunk = 4 << 10

// twilioError is the JSON error body Twilio sends.
type twilioError struct {
	Code     int            `json:"code"`
	Message  string         `json:"message"`
	MoreInfo string         `json:"more_info"`
	Details  map[string]any `json:"details"`
}

// checkResponse returns nil for a 2xx response and an *APIError for any
// other, read from Twilio's JSON error body when there is one. Every text in
// it is redacted by red before it is cut to length.
func checkResponse(resp *http.Response, red redactor) error {
	if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		return nil
	}
	apiErr := &APIError{Status: resp.StatusCode, RequestID: requestID(resp, red)}
	body, err := readCapped(resp.Body, make([]byte, 0, 512))
	var te twilioError
	if json.Unmarshal(body, &te) == nil && (te.Code != 0 || te.Message != "") {
		apiErr.Code, apiErr.MoreInfo, apiErr.Details = te.Code, red.redact(te.MoreInfo), red.details(te.Details)
		apiErr.RawMessage = red.redact(te.Message)
		apiErr.Message = red.excerpt(te.Message)
		return apiErr
	}
	apiErr.Message = red.excerpt(string(body))
	if err != nil && apiErr.Message == "" {
		apiErr.Message = red.excerpt(err.Error())
	}
	if loc := resp.Header.Get("Location"); loc != "" && resp.StatusCode >= 300 && resp.StatusCode <= 399 {
		apiErr.Message = strings.TrimSpace("redirect to " + red.excerpt(loc) + " not followed " + apiErr.Message)
	}
	return apiErr
}

// requestID is the Twilio-Request-Id header of resp, made fit for an error
// message whatever bytes the server put there.
func requestID(resp *http.Response, red redactor) string {
	return red.excerpt(resp.Header.Get("Twilio-Request-Id"))
}

// hostName names the hosts of c's API in messages: "Chat" for chat.
func (c *Client) hostName() string {
	return strings.ToUpper(c.product[:1]) + c.product[1:]
}
