package twiliochattest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// The fake sends a Chat Service's webhooks as Twilio does. The Service's
// settings say where and how: PreWebhookUrl and PostWebhookUrl, called by
// WebhookMethod (POST with a form body, or GET with the parameters as the
// query) for the events its WebhookFilters name, each retried
// PreWebhookRetryCount or PostWebhookRetryCount times when it times out or
// answers 429, 503 or 504. A channel's webhooks of type "webhook" receive
// the post-events of that channel their filters name.
//
// A post-event is sent after a REST Create, Update or Delete that came with
// X-Twilio-Webhook-Enabled: true, and after an action of an SDKClient; a
// handler names it with emit, and it is delivered, in order and in the
// background, once the Server's lock is released. A pre-event is sent only
// for an SDKClient's action, before it is applied, and its answer decides
// the action (see decide).

// Where an action came from, the webhook's Source parameter. Twilio's page
// (https://www.twilio.com/docs/chat/webhook-events, its opening section)
// names the two origins: pre-event webhooks "are fired only for actions
// from the Chat SDK", post-event webhooks "can also be triggered from the
// REST API" with the header. The values "SDK" and "API" are those the
// webhook package decodes (Event.Source); the stored copy of the page that
// could be read stops before its parameter table, so they are not confirmed
// there.
const (
	sourceAPI = "API"
	sourceSDK = "SDK"
)

// DefaultWebhookTimeout is how long the Server waits for a webhook's answer
// before counting the attempt as timed out, unless WithWebhookTimeout says
// otherwise: Twilio's 5 seconds.
const DefaultWebhookTimeout = 5 * time.Second

// WithWebhookTimeout makes the Server wait d instead of
// DefaultWebhookTimeout for each webhook attempt's answer. An attempt that
// takes longer counts as timed out: it is retried as the Service's retry
// count allows, and a pre-event that is never answered rejects its action.
// NewServer panics if d is not positive.
func WithWebhookTimeout(d time.Duration) Option {
	return func(c *config) {
		c.hooks.timeout = d
	}
}

// WithWebhookClient makes the Server send webhooks with hc. By default it
// uses a client of its own that sends only to loopback addresses (such as
// an httptest.Server's 127.0.0.1), and records a request for any other host
// as a failed Delivery without sending it, so that a test suite with a
// Service pointed at https://example.com makes no request to the Internet.
// Give a client to send anywhere, or one whose Transport fails or delays
// requests to test retries without a network. The Server never closes hc's
// connections. NewServer panics if hc is nil.
func WithWebhookClient(hc *http.Client) Option {
	return func(c *config) {
		if hc == nil {
			c.hooks.badClient = true
			return
		}
		c.hooks.client = hc
	}
}

// action is the webhook side of the action a handler serves: where it came
// from, who acted, and the post-event deliveries the handler queued for
// after the Server's lock is released. A call without one (a seed) sends
// no webhooks.
type action struct {
	// source is sourceAPI or sourceSDK, or "" for what Twilio sends of its
	// own accord (see emitOwn).
	source string
	// identity is the acting user's identity, for sourceSDK.
	identity string
	// jobs are the post-event deliveries emit queued.
	jobs []*job
	// upload is the media an SDKClient uploaded for the message it sends:
	// a client SDK stores a media file first and then sends the message
	// with its SID, and the fake keeps no media of its own.
	upload *messageMedia
	// later are the Conversations post-events emitConv queued, built by
	// finish once the handler is done.
	later []func()
	// viaConv is set for an action through Conversations (its REST API or
	// a ConversationsSDKClient): an event type both products name is sent
	// in Conversations' shape only, and otherwise in Chat's only (see
	// sharedEvent).
	viaConv bool
}

// restAction returns the action of a REST request for op with header h:
// one whose post-events are sent when op takes X-Twilio-Webhook-Enabled
// and h sets it to true, or nil.
func restAction(op *spec.Operation, h http.Header) *action {
	if !op.WebhookHeader || h.Get(spec.WebhookEnabledHeader) != spec.WebhookEnabledTrue {
		return nil
	}
	return &action{source: sourceAPI, viaConv: strings.HasPrefix(op.Path, "/v1/")}
}

// event is one Chat webhook event: its type and the parameters of the
// resource it is about, in the service serviceSID and, for a channel's
// events, the channel channelSID, whose webhooks also receive it.
type event struct {
	typ string
	// conv is set for a Conversations event, which names its Service
	// ChatServiceSid rather than InstanceSid.
	conv       bool
	serviceSID string
	channelSID string
	params     url.Values
}

// target is one URL an event is delivered to, as its configuration says.
type target struct {
	url     string
	method  string
	retries int
	// webhookSID is the channel webhook's SID, "" for the Service's URL.
	webhookSID string
	// webhookType is the channel webhook's type (webhook, trigger or
	// studio), "" for the Service's URL.
	webhookType string
	// service is set for a Conversations event's Service-level URL, as
	// against the account's.
	service bool
}

// Channel webhook types (the spec's channel_webhook_enum_type).
const (
	// channelWebhookTypeWebhook calls a URL on the events its filters
	// name.
	channelWebhookTypeWebhook = spec.ChannelWebhookTypeWebhook
	// channelWebhookTypeTrigger calls a URL on a message whose body holds
	// one of its triggers.
	channelWebhookTypeTrigger = spec.ChannelWebhookTypeTrigger
	// channelWebhookTypeStudio starts a Studio Flow on the events its
	// filters name.
	channelWebhookTypeStudio = spec.ChannelWebhookTypeStudio
)

// channelTargets returns the webhooks of ev's channel that ev calls, in
// creation order, with their method (POST unless set) and retry count (0
// unless set):
//
//   - type webhook, with a URL, whose Configuration.Filters name ev;
//   - type trigger, with a URL, for onMessageSent whose Body holds one of
//     its Configuration.Triggers as it is written: the spec says a trigger
//     calls the webhook "when it is present in a message body"
//     (Configuration.Triggers of Create Channel Webhook,
//     https://www.twilio.com/docs/chat/rest/channel-webhook-resource); no
//     page says whether case or word boundaries matter, so the fake looks
//     for the exact text anywhere in the body;
//   - type studio whose Configuration.Filters name ev: the Flow "to call
//     when an event in configuration.filters occurs" (the spec's
//     Configuration.FlowSid), at the Flow's "Webhook URL"
//     (https://www.twilio.com/docs/studio/widget-library/trigger-start,
//     "Required configuration for Trigger (Start)"). The fake runs no
//     Flow: deliver records the call without sending it.
//
// The caller holds s.mu.
func (s *Server) channelTargets(ev event) []target {
	var out []target
	for _, w := range s.webhooksOf(ev.channelSID) {
		conf := w.Configuration
		u := orDefault(conf.URL, "")
		switch w.Type {
		case channelWebhookTypeWebhook:
			if u == "" || !slices.Contains(conf.Filters, ev.typ) {
				continue
			}
		case channelWebhookTypeTrigger:
			body := ev.params.Get("Body")
			if u == "" || ev.typ != scopedTriggerEvent(w) ||
				!slices.ContainsFunc(conf.Triggers, func(word string) bool { return strings.Contains(body, word) }) {
				continue
			}
		case channelWebhookTypeStudio:
			if conf.FlowSID == nil || !slices.Contains(conf.Filters, ev.typ) {
				continue
			}
			u = studioURL(s.account, *conf.FlowSID)
		default:
			continue
		}
		out = append(out, target{
			url:         u,
			method:      orDefault(conf.Method, http.MethodPost),
			retries:     orDefault(conf.RetryCount, 0),
			webhookSID:  w.SID,
			webhookType: w.Type,
		})
	}
	return out
}

// studioURL is the URL that starts the Studio Flow flowSID of the account.
func studioURL(account, flowSID string) string {
	return "https://webhooks.twilio.com/v1/Accounts/" + account + "/Flows/" + flowSID
}

// serviceTarget returns the Service's pre-event (pre) or post-event URL as a
// target when it is set and its filters name typ. The caller holds s.mu.
func (s *Server) serviceTarget(serviceSID, typ string, pre bool) (target, bool) {
	svc := s.services.get("", serviceSID)
	if svc == nil || !slices.Contains(svc.WebhookFilters, typ) {
		return target{}, false
	}
	u, retries := svc.PostWebhookURL, svc.PostWebhookRetryCount
	if pre {
		u, retries = svc.PreWebhookURL, svc.PreWebhookRetryCount
	}
	if u == nil {
		return target{}, false
	}
	return target{url: *u, method: svc.WebhookMethod, retries: retries}, true
}

// emit queues the Chat post-event ev of the action c serves for delivery,
// once the Server's lock is released, to the Service's post-event URL and
// to the channel's webhooks whose filters name it, with the parameters
// every Chat webhook carries. It does nothing for an action that sends no
// webhooks, nor for an action through Conversations whose event type
// Conversations sends too (emitConv sends that one).
// The caller holds s.mu.
func (s *Server) emit(c *call, ev event) {
	act := c.act
	if act == nil || act.viaConv && sharedEvent(ev.typ) {
		return
	}
	var targets []target
	if t, ok := s.serviceTarget(ev.serviceSID, ev.typ, false); ok {
		targets = append(targets, t)
	}
	if ev.channelSID != "" {
		targets = append(targets, s.channelTargets(ev)...)
	}
	for _, t := range targets {
		act.jobs = append(act.jobs, &job{typ: ev.typ, target: t, params: s.common(act, ev, t)})
	}
}

// common returns ev's parameters with those every Chat webhook carries
// (all but RetryCount, which each attempt adds), its dates with
// milliseconds.
func (s *Server) common(act *action, ev event, t target) url.Values {
	p := cloneValues(ev.params)
	for _, key := range dateParams {
		if v := p.Get(key); v != "" {
			p.Set(key, webhookTime(v))
		}
	}
	p.Set("EventType", ev.typ)
	p.Set("AccountSid", s.account)
	if ev.conv {
		p.Set("ChatServiceSid", ev.serviceSID)
	} else {
		p.Set("InstanceSid", ev.serviceSID)
	}
	if act.source != "" {
		p.Set("Source", act.source)
	}
	if act.source == sourceSDK {
		p.Set("ClientIdentity", act.identity)
	}
	if t.webhookSID != "" {
		p.Set("WebhookSid", t.webhookSID)
		p.Set("WebhookType", t.webhookType)
	}
	return p
}

// dateParams are the webhook parameters that hold a date.
var dateParams = []string{"DateCreated", "DateUpdated", "DateRemoved", "StateUpdated"}

// webhookTime returns the date v (ISO 8601, as stored) as Twilio's
// webhooks write dates, in UTC with milliseconds ("2021-04-17T12:52:31.295Z";
// the fake's own times are whole seconds, so ".000"), unlike the REST API's
// JSON, which has none. Twilio's documented event payloads write dates so,
// such as DateCreated "2025-01-01T00:00:00.000Z" in the User Added event
// (https://www.twilio.com/docs/events/event-types/conversations/user,
// "Added"). A v that does not parse is sent as it is.
func webhookTime(v string) string {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return v
	}
	return t.UTC().Format("2006-01-02T15:04:05.000Z07:00")
}

// RejectedError is the error an SDKClient's action returns when the
// Service's pre-event webhook refuses it: the webhook answered with a
// status outside 2xx, gave no answer within the timeout after every retry,
// could not be reached, or answered with changes the Server cannot apply.
// Nothing of the action is stored.
type RejectedError struct {
	// EventType is the pre-event, such as "onMessageSend".
	EventType string
	// URL is the PreWebhookUrl called, its password, if any, as "xxxxx".
	URL string
	// Status is the last answer's HTTP status; 0 when there was none.
	Status int
	// Reason says why the action was refused when Status does not.
	Reason string
}

// Error says which webhook refused the action, and how.
func (e *RejectedError) Error() string {
	why := e.Reason
	if e.Status != 0 && why == "" {
		why = "it answered " + strconv.Itoa(e.Status)
	}
	return fmt.Sprintf("twiliochattest: the %s webhook at %s rejected the action: %s", e.EventType, e.URL, why)
}

// redacted returns rawURL with the password of its user info, if any,
// blanked out.
func redacted(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil && u.User != nil {
		return u.Redacted()
	}
	return rawURL
}

// rewrite is the message rewrite a pre-event's 200 answer asks for, as
// Twilio reads them: {"body": …, "attributes": …, "author": …}. A nil field
// leaves the message's value as it is.
type rewrite struct {
	body, attributes, author *string
	// friendlyName is a conversation's new friendly_name, the change an
	// answer to onConversationAdd or onConversationUpdate may ask for.
	friendlyName *string
}

// pre sends the pre-event ev of act to the Service's PreWebhookUrl when its
// filters name it (for a Conversations event, to the level convLevelTarget
// picks), waits for the answer, and returns the changes it asks for, or a
// *RejectedError. Without a URL for ev, the action goes ahead unchanged.
// Only the message events onMessageSend, onMessageAdd and onMessageUpdate
// and Conversations' onConversationAdd and onConversationUpdate take
// changes; the body of other events' answers is ignored. That a
// Conversations pre-event with no answer rejects the action, as Chat's
// does, is the fake's choice: the part of Twilio's page that could be read
// says only that "Conversations webhooks have a maximum timeout of 5
// seconds". The caller must not hold s.mu.
func (s *Server) pre(ctx context.Context, act *action, ev event) (rewrite, error) {
	s.mu.Lock()
	t, ok := s.serviceTarget(ev.serviceSID, ev.typ, true)
	if ev.conv {
		t, ok = s.convLevelTarget(ev.serviceSID, ev.typ, true)
	}
	s.mu.Unlock()
	if !ok {
		return rewrite{}, nil
	}
	j := &job{typ: ev.typ, target: t, params: s.common(act, ev, t)}
	last, err := s.hooks.deliver(ctx, j)
	if err != nil {
		return rewrite{}, err
	}
	// A pre-event blocks the action "until a response is received"
	// (https://www.twilio.com/docs/chat/webhook-events, opening section),
	// and Twilio counts an answer slower than 5 seconds as a failed webhook,
	// error 50076 "Webhook failed to execute successfully due to timeout"
	// (https://www.twilio.com/docs/api/errors/50076). That no answer, or one
	// outside 2xx, rejects the action is the fake's reading: the part of the
	// page that could be read does not say it in so many words.
	rejected := &RejectedError{EventType: ev.typ, URL: redacted(t.url), Status: last.Status}
	switch {
	case last.Status == 0:
		rejected.Reason = "no answer: " + last.Err
		return rewrite{}, rejected
	case last.Status < 200 || last.Status > 299:
		return rewrite{}, rejected
	}
	read := readChanges
	switch {
	case ev.conv && (ev.typ == webhook.EventConversationAdd || ev.typ == webhook.EventConversationUpdate):
		read = convRewrite
	case ev.typ != webhook.EventMessageSend && ev.typ != webhook.EventMessageUpdate && ev.typ != webhook.EventMessageAdd:
		return rewrite{}, nil
	}
	ch, why := read(last.Answer)
	if why != "" {
		rejected.Reason = why
		return rewrite{}, rejected
	}
	return ch, nil
}

// readChanges reads the changes of a 2xx answer to onMessageSend or
// onMessageUpdate: none for a body that is empty or not a JSON object, as
// when a handler writes "OK"; otherwise its body, attributes and author,
// each a JSON string, attributes holding JSON text (a JSON object is taken
// too). It returns why a JSON object cannot be applied.
func readChanges(answer string) (rewrite, string) {
	var fields map[string]json.RawMessage
	if json.Unmarshal([]byte(answer), &fields) != nil {
		return rewrite{}, ""
	}
	var ch rewrite
	for key, dst := range map[string]**string{"body": &ch.body, "author": &ch.author} {
		if raw, ok := fields[key]; ok {
			var v string
			if json.Unmarshal(raw, &v) != nil {
				return rewrite{}, "its answer's " + key + " is not a JSON string"
			}
			*dst = &v
		}
	}
	if raw, ok := fields["attributes"]; ok {
		var text string
		switch {
		case json.Unmarshal(raw, &text) == nil && json.Valid([]byte(text)):
			ch.attributes = &text
		case len(raw) > 0 && raw[0] == '{':
			text = string(raw)
			ch.attributes = &text
		default:
			return rewrite{}, "its answer's attributes are not JSON text"
		}
	}
	return ch, ""
}

// queue hands the post-events the handler of c emitted to the deliverer.
// The caller has released s.mu.
func (s *Server) queue(c *call) {
	if c.act != nil {
		s.hooks.enqueue(c.act.jobs)
		c.act.jobs = nil
	}
}
