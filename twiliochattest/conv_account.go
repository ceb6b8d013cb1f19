package twiliochattest

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"time"

	"github.com/e3f0929f/twiliochat/internal/convspec"
)

// The fake serves Conversations v1 over the store of Chat v2, as Twilio
// does ("Migrating to Conversations from Programmable Chat",
// https://www.twilio.com/docs/conversations/migrating-chat-conversations):
// a Chat Service is a Conversation Service, a Channel a Conversation, a
// Member a Participant, and Users, Messages, Roles, Credentials and
// Bindings are the same resources under both APIs. What only Conversations
// has is kept on the Chat resources in unexported fields, so that it
// survives a round trip through Chat. The conv_*.go files hold the
// Conversations handlers and the JSON each of its resources is answered
// with.

// defaultServiceName is the friendly name of the account's default
// Conversation Service.
const defaultServiceName = "Default Conversations Service"

// accountConfiguration is the account's Conversations Configuration
// (https://www.twilio.com/docs/conversations/api/configuration-resource)
// and its Configuration Webhooks, kept for the Conversations webhooks the
// fake does not send yet.
type accountConfiguration struct {
	defaultService, defaultMessagingService string
	inactiveTimer, closedTimer              *string
	webhook                                 configurationWebhook
}

// configuration is the conversations.v1.configuration JSON resource.
type configuration struct {
	AccountSID                 string             `json:"account_sid"`
	DefaultChatServiceSID      string             `json:"default_chat_service_sid"`
	DefaultMessagingServiceSID string             `json:"default_messaging_service_sid"`
	DefaultInactiveTimer       *string            `json:"default_inactive_timer"`
	DefaultClosedTimer         *string            `json:"default_closed_timer"`
	URL                        string             `json:"url"`
	Links                      configurationLinks `json:"links"`
}

// configurationLinks is the Configuration's "links" object.
type configurationLinks struct {
	Service  string `json:"service"`
	Webhooks string `json:"webhooks"`
}

// configurationWebhook is the
// conversations.v1.configuration.configuration_webhook JSON resource: the
// account's webhook targets for the Conversations of every Service. Its
// slice is replaced, never modified in place.
type configurationWebhook struct {
	AccountSID     string   `json:"account_sid"`
	Method         string   `json:"method"`
	Filters        []string `json:"filters"`
	PreWebhookURL  *string  `json:"pre_webhook_url"`
	PostWebhookURL *string  `json:"post_webhook_url"`
	Target         string   `json:"target"`
	URL            string   `json:"url"`
}

// v1 is the base URL of the Conversations API on the fake's host.
func (s *Server) v1() string { return s.server.URL + "/v1" }

// accountDefaults returns the account's Conversations configuration,
// creating the default Conversation Service (and the default Messaging
// Service's SID) on first use: every account has one, but a Server that is
// only asked Chat v2 questions never makes it, so that it shows no service
// it was not asked for and seeded SIDs stay as they were. A default
// Service deleted through Chat is made anew. The caller holds s.mu.
func (s *Server) accountDefaults() *accountConfiguration {
	cfg := &s.convConfig
	if cfg.defaultMessagingService == "" {
		cfg.defaultMessagingService = s.ids.next(convspec.MessagingServiceSIDPrefix)
		cfg.webhook = configurationWebhook{Method: http.MethodPost, Filters: []string{}, Target: convspec.WebhookTargetWebhook}
	}
	if s.services.get("", cfg.defaultService) == nil {
		resp := s.seed("CreateService", nil, url.Values{convspec.KeyFriendlyName: {defaultServiceName}})
		cfg.defaultService = resp.body.(service).SID
	}
	return cfg
}

// viewsOf returns view of each of items, the page of a list.
func viewsOf[T, V any](items []T, view func(*T) V) []V {
	out := make([]V, len(items))
	for i := range items {
		out[i] = view(&items[i])
	}
	return out
}

// scoped reports whether c names its Conversation Service in its path
// (/v1/Services/{ChatServiceSid}/…) rather than acting on the account's
// default one.
func scoped(c *call) bool {
	_, ok := c.values["ChatServiceSid"]
	return ok
}

// convServiceOf returns the Conversation Service c acts on: the one its
// path names, or the account's default one; nil when the named one does
// not exist.
func (s *Server) convServiceOf(c *call) *service {
	if scoped(c) {
		return s.services.get("", c.values["ChatServiceSid"])
	}
	return s.services.get("", s.accountDefaults().defaultService)
}

// convBase is the URL c's resources are under: /v1 for the default
// Service's, /v1/Services/{sid} for a named one's, as Twilio answers each
// by the path it was asked on.
func (s *Server) convBase(c *call, svc *service) string {
	if scoped(c) {
		return s.v1() + "/Services/" + svc.SID
	}
	return s.v1()
}

// serviceIn is the chat_service_sid of a resource that shows it under a
// named Service only (a Message, a Participant): svc's SID when c is
// scoped, "" (left out) otherwise.
func serviceIn(c *call, svc *service) string {
	if scoped(c) {
		return svc.SID
	}
	return ""
}

func (s *Server) configurationView() configuration {
	cfg := s.accountDefaults()
	return configuration{
		AccountSID:                 s.account,
		DefaultChatServiceSID:      cfg.defaultService,
		DefaultMessagingServiceSID: cfg.defaultMessagingService,
		DefaultInactiveTimer:       cfg.inactiveTimer,
		DefaultClosedTimer:         cfg.closedTimer,
		URL:                        s.v1() + "/Configuration",
		Links: configurationLinks{
			Service:  s.v1() + "/Services/" + cfg.defaultService + "/Configuration",
			Webhooks: s.v1() + "/Configuration/Webhooks",
		},
	}
}

func (s *Server) fetchConfiguration(*call) response {
	return answer(http.StatusOK, s.configurationView())
}

// updateConfiguration changes the account's defaults, all or nothing: the
// default Service must exist, and the timers are ISO 8601 durations ("" for
// none).
func (s *Server) updateConfiguration(c *call) response {
	cfg := s.accountDefaults()
	f := readFields(c)
	svc := f.sid(convspec.KeyDefaultChatServiceSID, convspec.ServiceSIDPrefix)
	if svc != nil && f.why == "" && s.services.get("", *svc) == nil {
		f.failf("Invalid parameter %s: service %s does not exist", convspec.KeyDefaultChatServiceSID, *svc)
	}
	messaging := f.sid(convspec.KeyDefaultMessagingServiceSID, convspec.MessagingServiceSIDPrefix)
	inactive := f.timer(convspec.KeyDefaultInactiveTimer, minInactiveTimer)
	closed := f.timer(convspec.KeyDefaultClosedTimer, minClosedTimer)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	cfg.defaultService = orDefault(svc, cfg.defaultService)
	cfg.defaultMessagingService = orDefault(messaging, cfg.defaultMessagingService)
	if inactive != nil {
		cfg.inactiveTimer = nonEmptyPtr(inactive.text)
	}
	if closed != nil {
		cfg.closedTimer = nonEmptyPtr(closed.text)
	}
	return answer(http.StatusOK, s.configurationView())
}

func (s *Server) configurationWebhookView() configurationWebhook {
	w := s.accountDefaults().webhook
	w.AccountSID = s.account
	w.URL = s.v1() + "/Configuration/Webhooks"
	return w
}

func (s *Server) fetchConfigurationWebhook(*call) response {
	return answer(http.StatusOK, s.configurationWebhookView())
}

// updateConfigurationWebhook sets the account's webhook targets, all or
// nothing.
func (s *Server) updateConfigurationWebhook(c *call) response {
	cfg := s.accountDefaults()
	f := readFields(c)
	next := cfg.webhook
	f.webhookTargets(&next.Method, &next.Filters, &next.PreWebhookURL, &next.PostWebhookURL)
	next.Target = orDefault(f.enum(convspec.KeyTarget, convspec.WebhookTargets), next.Target)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	cfg.webhook = next
	return answer(http.StatusOK, s.configurationWebhookView())
}

// webhookTargets reads the Method, Filters, PreWebhookUrl and PostWebhookUrl
// keys the account's and a Service's webhook configuration share: Method
// GET or POST, the URLs absolute http(s) ones ("" clears one), Filters a
// list (an empty value clears it).
func (f *fields) webhookTargets(method *string, filters *[]string, pre, post **string) {
	*method = orDefault(f.enum(convspec.KeyMethod, convspec.WebhookMethods), *method)
	if vs, ok := f.form[convspec.KeyFilters]; ok {
		*filters = nonEmpty(vs)
	}
	if v := f.webhookURL(convspec.KeyPreWebhookURL); v != nil {
		*pre = nonEmptyPtr(*v)
	}
	if v := f.webhookURL(convspec.KeyPostWebhookURL); v != nil {
		*post = nonEmptyPtr(*v)
	}
}

// webhookURL returns the key, an absolute http or https URL or "".
func (f *fields) webhookURL(key string) *string {
	v := f.text(key)
	if v != nil && *v != "" && !isAbsoluteHTTP(*v) {
		f.failf("Invalid parameter %s: must be an absolute http or https URL, got %s", key, strconv.Quote(*v))
		return nil
	}
	return v
}

// Timer minimums, from the spec's descriptions of Timers.Inactive and
// Timers.Closed and Twilio's "States and Timers" guide
// (https://www.twilio.com/docs/conversations/states-timers).
const (
	minInactiveTimer = time.Minute
	minClosedTimer   = 10 * time.Minute
)

// isoDuration matches the ISO 8601 durations of a fixed length: weeks,
// days, hours, minutes and seconds. Years and months have no fixed length,
// so a timer cannot be worked out from them.
var isoDuration = regexp.MustCompile(`^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// parseDuration parses an ISO 8601 duration such as "PT10M" or "P1DT12H".
func parseDuration(v string) (time.Duration, bool) {
	m := isoDuration.FindStringSubmatch(v)
	if m == nil || v == "P" || v[len(v)-1] == 'T' {
		return 0, false
	}
	units := []time.Duration{7 * 24 * time.Hour, 24 * time.Hour, time.Hour, time.Minute, time.Second}
	var d time.Duration
	for i, unit := range units {
		if m[i+1] == "" {
			continue
		}
		n, err := strconv.ParseInt(m[i+1], 10, 64)
		if err != nil || n > int64(1<<62)/int64(unit) {
			return 0, false
		}
		d += time.Duration(n) * unit
	}
	return d, true
}

// timerValue is a timer key's value: its text as sent, "" to clear it,
// and its length.
type timerValue struct {
	text string
	d    time.Duration
}

// timer returns the key, an ISO 8601 duration of at least minimum, or ""
// which clears the timer.
func (f *fields) timer(key string, minimum time.Duration) *timerValue {
	v := f.text(key)
	if v == nil || *v == "" {
		if v == nil {
			return nil
		}
		return &timerValue{}
	}
	d, ok := parseDuration(*v)
	if !ok {
		f.failf("Invalid parameter %s: must be an ISO 8601 duration of weeks, days, hours, minutes or seconds such as PT10M, got %s", key, strconv.Quote(*v))
		return nil
	}
	if d < minimum {
		f.failf("Invalid parameter %s: must be at least %s, got %s", key, minimum, strconv.Quote(*v))
		return nil
	}
	return &timerValue{text: *v, d: d}
}
