package twiliochattest

import (
	"net/http"
	"strconv"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// channelWebhook is the chat.v2.service.channel.channel_webhook JSON
// resource, stored under its channel (s.webhooks) and deleted with it. Its
// Configuration is kept typed: the webhook delivery (channelTargets, in
// webhooks.go) reads, through webhooksOf, which URL to call with which
// method on which events, which words trigger it, which Studio Flow it
// starts, and how often to retry.
type channelWebhook struct {
	SID           string               `json:"sid"`
	AccountSID    string               `json:"account_sid"`
	ServiceSID    string               `json:"service_sid"`
	ChannelSID    string               `json:"channel_sid"`
	Type          string               `json:"type"`
	URL           string               `json:"url"`
	Configuration webhookConfiguration `json:"configuration"`
	DateCreated   string               `json:"date_created"`
	DateUpdated   string               `json:"date_updated"`
	// viaConversations is set for a webhook made through Conversations,
	// whose trigger words are looked for in onMessageAdded rather than
	// Chat's onMessageSent.
	viaConversations bool
}

func (w channelWebhook) sid() string { return w.SID }

// webhookConfiguration is a channel webhook's "configuration": the
// Configuration.* keys its Create and Update set. A key never set is left
// out of the JSON, as in the spec's examples (a studio webhook shows only
// its flow_sid). Its slices and pointers are replaced, never modified in
// place.
type webhookConfiguration struct {
	// URL is Configuration.Url, called by webhook and trigger webhooks.
	URL *string `json:"url,omitempty"`
	// Method is Configuration.Method, GET or POST.
	Method *string `json:"method,omitempty"`
	// Filters are the events (onMessageSent, …) a webhook is called on.
	Filters []string `json:"filters,omitempty"`
	// Triggers are the words that call a trigger webhook, at most 5.
	Triggers []string `json:"triggers,omitempty"`
	// FlowSID is the Studio Flow (FW…) a studio webhook starts.
	FlowSID *string `json:"flow_sid,omitempty"`
	// RetryCount is how often a failed call is retried, 0 to 3; nil (left
	// out, Twilio's default of 0) until set.
	RetryCount *int `json:"retry_count,omitempty"`
	// replayAfter is Conversations' Configuration.ReplayAfter, which only
	// Conversations shows.
	replayAfter *int
}

// webhooksOf returns copies of the webhooks of the channel channelSID, in
// creation order. The caller holds s.mu.
func (s *Server) webhooksOf(channelSID string) []channelWebhook {
	return s.webhooks.list(channelSID)
}

// createChannelWebhook adds a webhook to a channel. The spec states no rule
// between the type and the configuration keys, so none is enforced.
func (s *Server) createChannelWebhook(c *call) response {
	ch := s.channelOf(c)
	if ch == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	webhookType := f.enum(spec.KeyType, spec.ChannelWebhookTypes)
	if webhookType == nil {
		f.failf("Missing required parameter Type in the post body")
	}
	var config webhookConfiguration
	f.webhookConfiguration(&config)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	// A channel has "up to five" webhooks
	// (https://www.twilio.com/docs/chat/rest/channel-webhook-resource); a
	// sixth is refused with code 50321, "Programmable Chat: Too many
	// channel webhooks", "Webhooks limit exceeded for given channel"
	// (https://www.twilio.com/docs/api/errors/50321). That page gives no
	// HTTP status; 400 is the one of Twilio's other Chat validation errors.
	if len(s.webhooksOf(ch.SID)) >= spec.MaxChannelWebhooks {
		return twilioError(http.StatusBadRequest, twiliochat.ErrCodeTooManyChannelWebhooks, "Too many channel webhooks: a channel has at most "+strconv.Itoa(spec.MaxChannelWebhooks))
	}
	now := s.timestamp()
	sid := s.ids.next(spec.ChannelWebhookSIDPrefix)
	w := s.webhooks.add(ch.SID, sid, "", channelWebhook{
		SID:           sid,
		AccountSID:    s.account,
		ServiceSID:    ch.ServiceSID,
		ChannelSID:    ch.SID,
		Type:          *webhookType,
		URL:           ch.URL + "/Webhooks/" + sid,
		Configuration: config,
		DateCreated:   now,
		DateUpdated:   now,
	})
	return answer(http.StatusCreated, *w)
}

// webhookConfiguration reads the Configuration.* keys that were sent into
// config: Url an absolute http(s) URL ("" clears it), Method GET or POST,
// Filters and Triggers (at most 5) as lists (an empty value clears one),
// FlowSid a Flow SID, RetryCount from 0 to 3.
func (f *fields) webhookConfiguration(config *webhookConfiguration) {
	if u := f.text(spec.KeyConfigurationURL); u != nil {
		config.URL = u
		if *u == "" {
			config.URL = nil
		} else if !isAbsoluteHTTP(*u) {
			f.failf("Invalid parameter Configuration.Url: must be an absolute http or https URL, got %s", strconv.Quote(*u))
		}
	}
	if m := f.enum(spec.KeyConfigurationMethod, spec.WebhookMethods); m != nil {
		config.Method = m
	}
	if vs, ok := f.form[spec.KeyConfigurationFilters]; ok {
		config.Filters = nonEmpty(vs)
	}
	if vs, ok := f.form[spec.KeyConfigurationTriggers]; ok {
		config.Triggers = nonEmpty(vs)
		if len(config.Triggers) > spec.MaxChannelWebhookTriggers {
			f.failf("Invalid parameter Configuration.Triggers: at most %d, got %d", spec.MaxChannelWebhookTriggers, len(config.Triggers))
		}
	}
	if flow := f.text(spec.KeyConfigurationFlowSID); flow != nil {
		config.FlowSID = flow
		if !spec.IsSID(spec.FlowSIDPrefix, *flow) {
			f.failf("Invalid parameter Configuration.FlowSid: must match ^FW[0-9a-fA-F]{32}$, got %s", strconv.Quote(*flow))
		}
	}
	if n, set := f.integer(spec.KeyConfigurationRetryCount); set {
		if n == nil || *n < 0 || *n > spec.MaxChannelWebhookRetryCount {
			f.failf("Invalid parameter Configuration.RetryCount: must be an integer from 0 to %d", spec.MaxChannelWebhookRetryCount)
		}
		config.RetryCount = n
	}
}

func (s *Server) fetchChannelWebhook(c *call) response {
	_, w := inChannel(s, c, s.webhooks)
	return found(c, w)
}

// updateChannelWebhook merges the Configuration.* keys sent, all or
// nothing; a webhook's Type cannot change.
func (s *Server) updateChannelWebhook(c *call) response {
	_, w := inChannel(s, c, s.webhooks)
	if w == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	config := w.Configuration
	f.webhookConfiguration(&config)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	w.Configuration = config
	w.DateUpdated = s.timestamp()
	return answer(http.StatusOK, *w)
}

func (s *Server) deleteChannelWebhook(c *call) response {
	ch, w := inChannel(s, c, s.webhooks)
	if w == nil {
		return notFound(c.path)
	}
	s.webhooks.remove(ch.SID, w.SID)
	return noContent()
}

// listChannelWebhooks lists the channel's webhooks in pages of up to 5, the
// spec's maximum and default.
func (s *Server) listChannelWebhooks(c *call) response {
	ch := s.channelOf(c)
	if ch == nil {
		return notFound(c.path)
	}
	return pageOf(c, ch.URL+"/Webhooks", s.webhooksOf(ch.SID))
}
