package webhook

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Errors returned by Verify, VerifyRequest and NewHandler. Test for them with
// errors.Is. None of them ever contains an auth token.
var (
	// ErrMissingToken means no auth token, or an empty one, was given.
	ErrMissingToken = errors.New("webhook: auth token is empty")
	// ErrMissingSignature means the request has no X-Twilio-Signature header.
	ErrMissingSignature = errors.New("webhook: missing " + SignatureHeader + " header")
	// ErrInvalidSignature means the signature does not match the request for
	// any of the auth tokens and URL forms tried, or the body of a POST that
	// is not a form does not match the URL's bodySHA256. Verify returns it
	// as a *SignatureError naming the URL that was checked.
	ErrInvalidSignature = errors.New("webhook: invalid " + SignatureHeader + " signature")
	// ErrBodyTooLarge means the request body is larger than the limit set
	// with WithMaxBodyBytes (1 MiB by default).
	ErrBodyTooLarge = errors.New("webhook: request body too large")
	// ErrMethodNotAllowed means the request method is neither GET nor POST,
	// the only methods Twilio uses for webhooks.
	ErrMethodNotAllowed = errors.New("webhook: method not allowed")
	// ErrBadOption means an Option was given an unusable value.
	ErrBadOption = errors.New("webhook: bad option")
)

// SignatureError is the error Verify and VerifyRequest return, and a Handler
// logs, when a request's X-Twilio-Signature does not match it. It names the
// URL the signature was checked against, so that a proxy setup that changes
// the URL Twilio called shows at once. errors.Is(err, ErrInvalidSignature)
// reports true for it. It never holds an auth token.
type SignatureError struct {
	// URL is the URL the signature was checked against (it was also tried
	// with the default port added or its port removed). A password in it
	// shows as "xxxxx", and an auth token of 8 characters or more as
	// "[redacted]".
	URL string
	// Reason says why a POST whose body is not a form was refused: the URL
	// has no bodySHA256 parameter, or it does not match the body. When it
	// is empty, the signature itself does not match.
	Reason string
}

// Error returns a message naming the URL and, if set, the Reason.
func (e *SignatureError) Error() string {
	msg := fmt.Sprintf("webhook: invalid %s signature for URL %q", SignatureHeader, e.URL)
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// Unwrap returns ErrInvalidSignature.
func (e *SignatureError) Unwrap() error { return ErrInvalidSignature }

// redactURL returns fullURL fit for an error or a log line: the password of
// its userinfo blanked out, and every token of 8 characters or more, as the
// client's redactor does.
func redactURL(fullURL string, tokens []string) string {
	const minSecret = 8
	s := fullURL
	if u, err := url.Parse(fullURL); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			s = u.Redacted()
		}
	}
	for _, token := range tokens {
		if len(token) >= minSecret {
			s = strings.ReplaceAll(s, token, "[redacted]")
		}
	}
	return s
}

// DefaultMaxBodyBytes is the largest request body Verify reads unless
// WithMaxBodyBytes says otherwise.
const DefaultMaxBodyBytes = 1 << 20

// DefaultTimeout is how long a Handler lets a registered function run before
// its context is cancelled, unless WithTimeout says otherwise. Twilio waits a
// few seconds for a pre-event answer before it gives up.
const DefaultTimeout = 5 * time.Second

// Option configures Verify and NewHandler. Options that only make sense for a
// Handler (WithTimeout, WithLogger) are ignored by Verify.
type Option func(*config) error

type config struct {
	secondary []string
	publicURL string // as given to WithPublicURL, without a final slash
	urlFunc   func(*http.Request) string
	maxBody   int64
	timeout   time.Duration
	logger    *slog.Logger
}

func newConfig(opts []Option) (*config, error) {
	c := &config{maxBody: DefaultMaxBodyBytes, timeout: DefaultTimeout}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// WithSecondaryToken adds an auth token that is also accepted, for rotating
// credentials: Twilio signs with the account's primary auth token, so during
// a rotation accept both the old and the new one. It may be given more than
// once. An empty token is an ErrBadOption error.
func WithSecondaryToken(authToken string) Option {
	return func(c *config) error {
		if authToken == "" {
			return fmt.Errorf("%w: secondary token is empty", ErrBadOption)
		}
		c.secondary = append(c.secondary, authToken)
		return nil
	}
}

// WithPublicURL sets the public base URL Twilio calls, such as
// "https://example.com" or "https://example.com/api", for servers behind a
// proxy or load balancer where r.Host and the scheme differ from what Twilio
// signed. The URL checked is the base followed by the request URI as the
// server received it (path and query). The base must be an absolute http or
// https URL without query or fragment, or WithPublicURL is an ErrBadOption
// error.
func WithPublicURL(base string) Option {
	return func(c *config) error {
		u, err := url.Parse(strings.TrimSuffix(base, "/"))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			u.RawQuery != "" || u.Fragment != "" {
			return fmt.Errorf("%w: public URL %q must be an absolute http(s) URL without query", ErrBadOption, base)
		}
		c.publicURL = u.String()
		return nil
	}
}

// WithURLFunc sets a function that returns the full URL (with query) Twilio
// called for r. It takes precedence over WithPublicURL. A nil fn is an
// ErrBadOption error.
func WithURLFunc(fn func(r *http.Request) string) Option {
	return func(c *config) error {
		if fn == nil {
			return fmt.Errorf("%w: URL func is nil", ErrBadOption)
		}
		c.urlFunc = fn
		return nil
	}
}

// WithMaxBodyBytes sets the largest request body that is read; a larger one
// fails with ErrBodyTooLarge. n must be positive: Verify, VerifyRequest and
// NewHandler return an ErrBadOption error otherwise.
func WithMaxBodyBytes(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("%w: max body bytes must be positive", ErrBadOption)
		}
		c.maxBody = n
		return nil
	}
}

// WithTimeout sets the deadline a Handler puts on the context passed to the
// registered functions (DefaultTimeout if not set). d must be positive:
// NewHandler returns an ErrBadOption error otherwise.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("%w: timeout must be positive", ErrBadOption)
		}
		c.timeout = d
		return nil
	}
}

// WithLogger makes a Handler log rejected signatures and undecodable
// requests at Warn, and errors returned by the registered functions and
// recovered panics at Error (see Handler for the lines). Without it the
// Handler logs nothing.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = l
		return nil
	}
}

// Verify checks that r carries a valid X-Twilio-Signature for authToken (or
// for a token added with WithSecondaryToken). For a POST with a form body
// (application/x-www-form-urlencoded, or no Content-Type) it signs the URL
// and the form parameters; for GET, the URL with its query alone. A POST
// whose body is anything else (JSON, text, multipart) is checked as Twilio's
// libraries do: the URL's signature must match and the URL's bodySHA256
// parameter must be the hex SHA-256 of the body; without bodySHA256 such a
// request is refused. The body is read at most once, up to the
// WithMaxBodyBytes limit, and r.Body is replaced so the next handler reads
// the same bytes.
//
// Verify returns nil when the request is valid and otherwise an error
// matching ErrMissingToken, ErrMissingSignature, ErrInvalidSignature (a
// *SignatureError naming the URL checked), ErrBodyTooLarge,
// ErrMethodNotAllowed or ErrBadOption under errors.Is, or, when the body
// cannot be read or is not a valid form, an error that says so (the
// signature could not be checked).
func Verify(authToken string, r *http.Request, opts ...Option) error {
	_, err := VerifyRequest(authToken, r, opts...)
	return err
}

// VerifyRequest is Verify that also returns the webhook parameters: the form
// body for POST, the query for GET, none (an empty url.Values) for a POST
// whose body is not a form. Pass them to Parse to decode the event.
func VerifyRequest(authToken string, r *http.Request, opts ...Option) (url.Values, error) {
	c, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	return newVerifier(c, authToken).verify(r, true)
}

// verifier checks requests against an auth token and the secondary tokens
// of its config. A Handler keeps one, so that the HMACs keyed with its
// tokens, the buffers a signature is computed in and the URL variants of
// one request serve the next; Verify makes one per call.
type verifier struct {
	cfg     *config
	tokens  []string  // the auth token, then the secondary ones
	signers []*signer // one per token, in the same order
	urls    variantCache
}

// newVerifier returns a verifier for authToken and c's secondary tokens.
func newVerifier(c *config, authToken string) *verifier {
	v := &verifier{cfg: c, tokens: append([]string{authToken}, c.secondary...)}
	for _, token := range v.tokens {
		v.signers = append(v.signers, newSigner(token))
	}
	return v
}

// verify checks r and returns its webhook parameters. With restoreBody it
// replaces r.Body so that the next handler reads the same bytes; a Handler,
// after which nothing reads the body, does without.
func (v *verifier) verify(r *http.Request, restoreBody bool) (url.Values, error) {
	if v.tokens[0] == "" {
		return nil, ErrMissingToken
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		return nil, ErrMethodNotAllowed
	}
	signature := r.Header.Get(SignatureHeader)
	if signature == "" {
		return nil, ErrMissingSignature
	}
	c := v.cfg
	fullURL := c.fullURL(r)
	params, signed, mismatch, err := c.params(r, fullURL, restoreBody)
	if err != nil {
		return nil, err
	}
	urls := v.urls.variants(fullURL)
	valid := false
	for _, s := range v.signers {
		if s.valid(urls, signed, signature) {
			valid = true
			break
		}
	}
	if !valid || mismatch != "" {
		return nil, &SignatureError{URL: redactURL(fullURL, v.tokens), Reason: mismatch}
	}
	return params, nil
}

// params returns the webhook parameters and the ones covered by the
// signature: none for GET, whose parameters are in the signed URL, and none
// for a POST whose body is not a form, which the URL's bodySHA256 covers
// instead. For such a body, mismatch says why it does not match the URL, or
// is empty when it does. With restoreBody, r.Body is replaced by a reader of
// the same bytes.
func (c *config) params(r *http.Request, fullURL string, restoreBody bool) (params, signed url.Values, mismatch string, err error) {
	if r.Method == http.MethodGet {
		return r.URL.Query(), nil, "", nil
	}
	body, err := c.readBody(r, restoreBody)
	if err != nil {
		return nil, nil, "", err
	}
	if !isForm(r.Header.Get("Content-Type")) {
		return url.Values{}, nil, bodyMismatch(fullURL, body), nil
	}
	form, err := url.ParseQuery(body)
	if err != nil {
		return nil, nil, "", fmt.Errorf("webhook: decode form body: %w", err)
	}
	return form, form, "", nil
}

// fullURL returns the URL Twilio is assumed to have signed for r.
func (c *config) fullURL(r *http.Request) string {
	if c.urlFunc != nil {
		return c.urlFunc(r)
	}
	requestURI := receivedURI(r)
	if c.publicURL != "" {
		return c.publicURL + requestURI
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + requestURI
}

// receivedURI returns the path and query as the server received them, before
// any http.StripPrefix rewrote r.URL.
func receivedURI(r *http.Request) string {
	if strings.HasPrefix(r.RequestURI, "/") {
		return r.RequestURI
	}
	if u, err := url.ParseRequestURI(r.RequestURI); err == nil && u.IsAbs() {
		return u.RequestURI() // absolute-form request line
	}
	return r.URL.RequestURI()
}
