package twiliochattest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/e3f0929f/twiliochat/webhook"
)

// maxAnswerBytes bounds the part of a webhook's answer the Server reads and
// records.
const maxAnswerBytes = 64 << 10

// Delivery is one webhook request the Server sent, or tried to send, as
// Deliveries returns it: each retry is a Delivery of its own.
type Delivery struct {
	// URL is the URL called and signed: the configured one, with "/" as
	// its path when it has none, and for GET with the parameters added to
	// its query. User and password in the configured URL are sent as
	// basic auth and left out of it.
	URL string
	// Method is "POST" or "GET", the Service's WebhookMethod or the channel
	// webhook's method.
	Method string
	// EventType is the event, such as "onMessageSend" or "onMessageSent".
	EventType string
	// Params are the parameters sent (the form body of a POST, the query of
	// a GET), as webhook.Parse takes them.
	Params url.Values
	// Signature is the X-Twilio-Signature header sent.
	Signature string
	// Attempt counts the tries of this event at this URL from 0: the
	// RetryCount parameter sent.
	Attempt int
	// Status is the answer's HTTP status, 0 when there was none.
	Status int
	// Answer is the start (up to 64 KiB) of the answer's body.
	Answer string
	// Err says why there was no answer (a timeout, a refused connection, a
	// host the Server does not send to), "" when there was one.
	Err string
	// WebhookSID is the channel webhook ("WH…") this was sent for, "" for
	// the Service's pre- or post-event URL.
	WebhookSID string
}

// TimedOut reports whether the attempt got no answer within the timeout.
func (d Delivery) TimedOut() bool { return d.Status == 0 && strings.HasPrefix(d.Err, errTimeout) }

// errTimeout starts the Err of a Delivery that timed out.
const errTimeout = "timeout"

// errStudio is the Err of a Delivery to a Studio Flow, which the Server
// records but does not send.
const errStudio = "not sent: a Studio Flow, which the Server does not run"

// job is one event to deliver to one target.
type job struct {
	typ    string
	target target
	// params are the parameters of every attempt but RetryCount.
	params url.Values
}

// hooksConfig holds the webhook options of NewServer.
type hooksConfig struct {
	timeout   time.Duration
	client    *http.Client
	badClient bool
}

// deliverer sends a Server's webhooks: pre-events at once in the caller's
// goroutine, post-events in order on a goroutine that runs while there are
// some queued. It records every attempt. Close stops it and cancels what is
// in flight.
type deliverer struct {
	token   string
	timeout time.Duration
	client  *http.Client
	// own is the transport of the default client, closed by Close.
	own *http.Transport

	ctx    context.Context // done on Close
	cancel context.CancelFunc
	wg     sync.WaitGroup // the queue's goroutine

	mu      sync.Mutex
	closed  bool
	queue   []*job
	busy    bool // the queue's goroutine runs
	log     []Delivery
	changed chan struct{} // closed and replaced when log or busy change
}

// newDeliverer returns the deliverer of a Server that signs with token.
func newDeliverer(token string, c hooksConfig) *deliverer {
	if c.badClient {
		panic("twiliochattest: WithWebhookClient(nil)")
	}
	if c.timeout <= 0 {
		panic(fmt.Sprintf("twiliochattest: WithWebhookTimeout(%v): must be positive", c.timeout))
	}
	d := &deliverer{token: token, timeout: c.timeout, client: c.client, changed: make(chan struct{})}
	if d.client == nil {
		d.own = http.DefaultTransport.(*http.Transport).Clone()
		d.client = &http.Client{Transport: loopbackOnly{next: d.own}}
	}
	d.ctx, d.cancel = context.WithCancel(context.Background())
	return d
}

// loopbackOnly is the default webhook transport: it sends only to loopback
// hosts.
type loopbackOnly struct{ next http.RoundTripper }

// RoundTrip sends r when its host is a loopback address or "localhost".
func (l loopbackOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	host := r.URL.Hostname()
	ip := net.ParseIP(host)
	if host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		if r.Body != nil {
			_ = r.Body.Close()
		}
		return nil, fmt.Errorf("not sent: %s is not a loopback host, and the Server sends webhooks only to those unless given WithWebhookClient", host)
	}
	return l.next.RoundTrip(r)
}

// enqueue queues post-event jobs and starts the queue's goroutine if it is
// not running. After Close it drops them.
func (d *deliverer) enqueue(jobs []*job) {
	if len(jobs) == 0 {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return
	}
	d.queue = append(d.queue, jobs...)
	if !d.busy {
		d.busy = true
		d.notify()
		d.wg.Add(1)
		go d.run()
	}
}

// run delivers the queued jobs in order until the queue is empty.
func (d *deliverer) run() {
	defer d.wg.Done()
	for {
		d.mu.Lock()
		if len(d.queue) == 0 || d.closed {
			d.queue = nil
			d.busy = false
			d.notify()
			d.mu.Unlock()
			return
		}
		j := d.queue[0]
		d.queue = d.queue[1:]
		d.mu.Unlock()
		_, _ = d.deliver(d.ctx, j)
	}
}

// notify wakes the waiters of WaitDeliveries. The caller holds d.mu.
func (d *deliverer) notify() {
	close(d.changed)
	d.changed = make(chan struct{})
}

// deliver sends j, retrying an attempt that times out or answers 429, 503
// or 504 as many times as its target allows, and returns the last
// attempt. It fails only when ctx ends or the Server closes.
func (d *deliverer) deliver(ctx context.Context, j *job) (Delivery, error) {
	var last Delivery
	for n := 0; n <= j.target.retries; n++ {
		if err := d.alive(ctx); err != nil {
			return last, err
		}
		last = d.attempt(ctx, j, n)
		if err := d.alive(ctx); err != nil {
			return last, err // the attempt was cut short, not answered
		}
		d.record(last)
		if !retried(last) {
			break
		}
	}
	return last, nil
}

// alive returns why deliveries must stop: ctx ended or the Server closed.
func (d *deliverer) alive(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d.ctx.Err() != nil {
		return errors.New("twiliochattest: the Server is closed")
	}
	return nil
}

// retried reports whether Twilio tries a delivery again after this attempt.
func retried(a Delivery) bool {
	switch a.Status {
	case 0:
		return a.TimedOut()
	case http.StatusTooManyRequests, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// attempt makes the n-th try of j and returns it as a Delivery.
func (d *deliverer) attempt(ctx context.Context, j *job, n int) Delivery {
	params := cloneValues(j.params)
	// Every attempt, of a pre-event as of a post-event, says how many times
	// it was retried, 0 on the first, in RetryCount, the name the webhook
	// package decodes (Event.RetryCount). Twilio's page
	// (https://www.twilio.com/docs/chat/webhook-events) lists the
	// parameters in its "Webhook Bodies by Event Type" tables; the stored
	// copy that could be read stops before them, so which events carry it
	// is taken from the issue (real pre-event bodies carry it), not
	// confirmed on the page.
	params.Set("RetryCount", strconv.Itoa(n))
	a := Delivery{
		URL:        j.target.url,
		Method:     j.target.method,
		EventType:  j.typ,
		Params:     params,
		Attempt:    n,
		WebhookSID: j.target.webhookSID,
	}
	var user *url.Userinfo
	if u, err := url.Parse(a.URL); err == nil {
		// Credentials in the URL go in the Authorization header, and the
		// signature covers the URL without them, which is what a receiver
		// sees; for no path, the request line says "/".
		user, u.User = u.User, nil
		if u.Path == "" && u.Opaque == "" {
			u.Path = "/"
		}
		a.URL = u.String()
	}
	var body io.Reader
	if a.Method == http.MethodGet {
		a.URL = withQuery(a.URL, params)
		a.Signature = webhook.Sign(d.token, a.URL, nil)
	} else {
		a.Method = http.MethodPost
		a.Signature = webhook.Sign(d.token, a.URL, params)
		body = strings.NewReader(params.Encode())
	}

	if j.target.webhookType == channelWebhookTypeStudio {
		a.Err = errStudio
		return a
	}

	ctx, cancel := context.WithTimeout(ctx, d.timeout)
	defer cancel()
	stop := context.AfterFunc(d.ctx, cancel)
	defer stop()
	req, err := http.NewRequestWithContext(ctx, a.Method, a.URL, body)
	if err != nil {
		a.Err = "bad URL: " + err.Error()
		return a
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if user != nil {
		password, _ := user.Password()
		req.SetBasicAuth(user.Username(), password)
	}
	req.Header.Set(webhook.SignatureHeader, a.Signature)
	req.Header.Set("User-Agent", "TwilioProxy/1.1")
	resp, err := d.client.Do(req)
	if err == nil {
		var answer []byte
		answer, err = io.ReadAll(io.LimitReader(resp.Body, maxAnswerBytes))
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		a.Status, a.Answer = resp.StatusCode, string(answer)
	}
	switch {
	case err == nil:
	case isTimeout(err) || ctx.Err() == context.DeadlineExceeded:
		a.Status, a.Answer = 0, ""
		a.Err = errTimeout + ": no answer within " + d.timeout.String()
	default:
		a.Status, a.Answer = 0, ""
		a.Err = err.Error()
	}
	return a
}

// isTimeout reports whether err is a timeout.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}

// withQuery returns rawURL with params added to its query.
func withQuery(rawURL string, params url.Values) string {
	sep := "?"
	if strings.Contains(rawURL, "?") {
		sep = "&"
	}
	return rawURL + sep + params.Encode()
}

// record adds a to the log.
func (d *deliverer) record(a Delivery) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.log = append(d.log, a)
	d.notify()
}

// deliveries returns a copy of the log.
func (d *deliverer) deliveries() []Delivery {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]Delivery, len(d.log))
	for i, a := range d.log {
		a.Params = cloneValues(a.Params)
		out[i] = a
	}
	return out
}

// wait returns once no post-event is queued or being delivered, or when
// ctx ends.
func (d *deliverer) wait(ctx context.Context) error {
	for {
		d.mu.Lock()
		idle, changed := !d.busy, d.changed
		d.mu.Unlock()
		if idle {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// close drops the queued post-events, cancels the attempts in flight and
// waits for the queue's goroutine to end.
func (d *deliverer) close() {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	d.cancel()
	d.wg.Wait()
	if d.own != nil {
		d.own.CloseIdleConnections()
	}
}

// Deliveries returns a copy of every webhook attempt the Server has made
// since it started or since the last ResetDeliveries, in the order they
// ended: pre-events as the SDKClient action that sends them waits, and
// post-events in the order of the actions that caused them.
func (s *Server) Deliveries() []Delivery { return s.hooks.deliveries() }

// ResetDeliveries forgets the recorded deliveries.
func (s *Server) ResetDeliveries() {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	s.hooks.log = nil
}

// WaitDeliveries waits until every post-event webhook queued so far has
// been delivered, its retries included, and returns Deliveries. A
// post-event is queued before the REST answer of the action that caused it
// is written, and before an SDKClient action returns, so after those
// return, WaitDeliveries sees their webhooks without sleeping. It returns
// ctx's error if ctx ends first.
func (s *Server) WaitDeliveries(ctx context.Context) ([]Delivery, error) {
	if err := s.hooks.wait(ctx); err != nil {
		return nil, err
	}
	return s.Deliveries(), nil
}

// Close shuts the Server down: it stops serving, waits for the requests in
// flight, drops the post-event webhooks still queued and cancels those
// being sent, and returns once none of its goroutines is left.
func (s *Server) Close() {
	s.server.Close()
	s.hooks.close()
}
