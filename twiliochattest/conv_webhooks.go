package twiliochattest

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// scopedWebhook is the
// conversations.v1.conversation.conversation_scoped_webhook JSON resource
// (WH…): a Chat channel webhook as Conversations shows it, its type as
// target. A conversation's webhooks are its channel's, so Chat's limit of
// five holds for both together.
type scopedWebhook struct {
	SID             string                     `json:"sid"`
	AccountSID      string                     `json:"account_sid"`
	ChatServiceSID  string                     `json:"chat_service_sid,omitempty"`
	ConversationSID string                     `json:"conversation_sid"`
	Target          string                     `json:"target"`
	URL             string                     `json:"url"`
	Configuration   scopedWebhookConfiguration `json:"configuration"`
	DateCreated     string                     `json:"date_created"`
	DateUpdated     string                     `json:"date_updated"`
}

// scopedWebhookConfiguration is a scoped webhook's "configuration", its
// method in lower case as Conversations' enum has it.
type scopedWebhookConfiguration struct {
	URL         *string  `json:"url,omitempty"`
	Method      *string  `json:"method,omitempty"`
	Filters     []string `json:"filters,omitempty"`
	Triggers    []string `json:"triggers,omitempty"`
	FlowSID     *string  `json:"flow_sid,omitempty"`
	ReplayAfter *int     `json:"replay_after,omitempty"`
}

func (s *Server) scopedWebhookView(c *call, svc *service, w channelWebhook) scopedWebhook {
	cfg := w.Configuration
	out := scopedWebhook{
		SID: w.SID, AccountSID: s.account, ChatServiceSID: serviceIn(c, svc), ConversationSID: w.ChannelSID,
		Target: w.Type, URL: s.convBase(c, svc) + "/Conversations/" + w.ChannelSID + "/Webhooks/" + w.SID,
		Configuration: scopedWebhookConfiguration{URL: cfg.URL, Filters: cfg.Filters, Triggers: cfg.Triggers,
			FlowSID: cfg.FlowSID, ReplayAfter: cfg.replayAfter},
		DateCreated: w.DateCreated, DateUpdated: w.DateUpdated,
	}
	if cfg.Method != nil {
		out.Configuration.Method = ptr(strings.ToLower(*cfg.Method))
	}
	return out
}

// scopedWebhookForm reads the keys of a Create or Update Conversation
// Webhook and returns the Chat form that sets them (Target is Chat's Type,
// the method in upper case) and Configuration.ReplayAfter, which only
// Conversations has.
func scopedWebhookForm(c *call, f *fields) (url.Values, *int, bool) {
	target := f.enum(convspec.KeyTarget, convspec.ScopedWebhookTargets)
	if target == nil && c.op.Accepts(spec.InForm, convspec.KeyTarget) && f.why == "" {
		f.failf("Missing required parameter Target in the post body")
	}
	method := f.enum(convspec.KeyConfigurationMethod, convspec.ScopedWebhookMethods)
	replay, replaySet := f.integer(convspec.KeyConfigurationReplayAfter)
	if replaySet && (replay == nil || *replay < 0) {
		f.failf("Invalid parameter Configuration.ReplayAfter: must be a message index of 0 or more")
	}
	chat := cloneValues(c.form)
	chat.Del(convspec.KeyTarget)
	chat.Del(convspec.KeyConfigurationReplayAfter)
	if target != nil {
		chat.Set(spec.KeyType, *target)
	}
	if method != nil {
		chat.Set(convspec.KeyConfigurationMethod, strings.ToUpper(*method))
	}
	return chat, replay, replaySet
}

// createScopedWebhook adds a webhook through Chat's Create Channel Webhook.
func (s *Server) createScopedWebhook(c *call) response {
	svc, ch := s.conversationAt(c, "ConversationSid")
	if ch == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	chat, replay, _ := scopedWebhookForm(c, f)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	resp := s.seed("CreateChannelWebhook", map[string]string{"ServiceSid": svc.SID, "ChannelSid": ch.SID}, chat)
	if _, failed := resp.failed(); failed {
		return resp
	}
	w := s.webhooks.get(ch.SID, resp.body.(channelWebhook).SID)
	w.Configuration.replayAfter = replay
	w.viaConversations = true
	return answer(http.StatusCreated, s.scopedWebhookView(c, svc, *w))
}

// scopedWebhookAt returns the Service, conversation and webhook c
// addresses.
func (s *Server) scopedWebhookAt(c *call) (*service, *channel, *channelWebhook) {
	svc, ch := s.conversationAt(c, "ConversationSid")
	if ch == nil {
		return nil, nil, nil
	}
	w := s.webhooks.get(ch.SID, c.values["Sid"])
	if w == nil {
		return nil, nil, nil
	}
	return svc, ch, w
}

func (s *Server) fetchScopedWebhook(c *call) response {
	svc, _, w := s.scopedWebhookAt(c)
	if w == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.scopedWebhookView(c, svc, *w))
}

// updateScopedWebhook changes a webhook through Chat's Update Channel
// Webhook.
func (s *Server) updateScopedWebhook(c *call) response {
	svc, ch, w := s.scopedWebhookAt(c)
	if w == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	chat, _, _ := scopedWebhookForm(c, f)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	resp := s.seed("UpdateChannelWebhook", map[string]string{"ServiceSid": svc.SID, "ChannelSid": ch.SID, "Sid": w.SID}, chat)
	if _, failed := resp.failed(); failed {
		return resp
	}
	return answer(http.StatusOK, s.scopedWebhookView(c, svc, *w))
}

func (s *Server) deleteScopedWebhook(c *call) response {
	svc, ch, w := s.scopedWebhookAt(c)
	if w == nil {
		return notFound(c.path)
	}
	return s.seed("DeleteChannelWebhook", map[string]string{"ServiceSid": svc.SID, "ChannelSid": ch.SID, "Sid": w.SID}, nil)
}

func (s *Server) listScopedWebhooks(c *call) response {
	svc, ch := s.conversationAt(c, "ConversationSid")
	if ch == nil {
		return notFound(c.path)
	}
	out := viewsOf(s.webhooksOf(ch.SID), func(w *channelWebhook) scopedWebhook { return s.scopedWebhookView(c, svc, *w) })
	return pageOf(c, s.convBase(c, svc)+"/Conversations/"+ch.SID+"/Webhooks", out)
}

// addressConfiguration is the conversations.v1.configuration_address JSON
// resource (IG…), stored under parent "" and indexed by its address, which
// names it in a path as its SID does. Its pointers and slices are
// replaced, never modified in place.
type addressConfiguration struct {
	SID            string       `json:"sid"`
	AccountSID     string       `json:"account_sid"`
	Type           string       `json:"type"`
	Address        string       `json:"address"`
	FriendlyName   *string      `json:"friendly_name"`
	AutoCreation   autoCreation `json:"auto_creation"`
	DateCreated    string       `json:"date_created"`
	DateUpdated    string       `json:"date_updated"`
	URL            string       `json:"url"`
	AddressCountry *string      `json:"address_country"`
}

// autoCreation is an address configuration's "auto_creation": whether an
// inbound message to the address makes a conversation, and which webhook
// or Studio Flow that conversation gets. A key never set is left out.
type autoCreation struct {
	Enabled                bool     `json:"enabled"`
	Type                   *string  `json:"type,omitempty"`
	ConversationServiceSID *string  `json:"conversation_service_sid,omitempty"`
	WebhookURL             *string  `json:"webhook_url,omitempty"`
	WebhookMethod          *string  `json:"webhook_method,omitempty"`
	WebhookFilters         []string `json:"webhook_filters,omitempty"`
	StudioFlowSID          *string  `json:"studio_flow_sid,omitempty"`
	StudioRetryCount       *int     `json:"studio_retry_count,omitempty"`
}

// readAutoCreation reads the AutoCreation.* keys into a, and FriendlyName
// into name.
func (s *Server) readAutoCreation(f *fields, a *autoCreation, name **string) {
	if v := f.text(convspec.KeyFriendlyName); v != nil {
		*name = v
	}
	if v := f.boolean(convspec.KeyAutoCreationEnabled); v != nil {
		a.Enabled = *v == "true"
	}
	if v := f.enum(convspec.KeyAutoCreationType, convspec.AutoCreationTypes); v != nil {
		a.Type = v
	}
	if v := f.sid(convspec.KeyAutoCreationConversationServiceSID, convspec.ServiceSIDPrefix); v != nil {
		if s.services.get("", *v) == nil {
			f.failf("Invalid parameter %s: service %s does not exist", convspec.KeyAutoCreationConversationServiceSID, *v)
		}
		a.ConversationServiceSID = v
	}
	if v := f.webhookURL(convspec.KeyAutoCreationWebhookURL); v != nil {
		a.WebhookURL = nonEmptyPtr(*v)
	}
	if v := f.enum(convspec.KeyAutoCreationWebhookMethod, convspec.ScopedWebhookMethods); v != nil {
		a.WebhookMethod = v
	}
	if vs, ok := f.form[convspec.KeyAutoCreationWebhookFilters]; ok {
		a.WebhookFilters = nonEmpty(vs)
	}
	if v := f.sid(convspec.KeyAutoCreationStudioFlowSID, convspec.FlowSIDPrefix); v != nil {
		a.StudioFlowSID = v
	}
	if n, set := f.integer(convspec.KeyAutoCreationStudioRetryCount); set {
		if n == nil || *n < 0 || *n > spec.MaxChannelWebhookRetryCount {
			f.failf("Invalid parameter %s: must be an integer from 0 to %d", convspec.KeyAutoCreationStudioRetryCount, spec.MaxChannelWebhookRetryCount)
		}
		a.StudioRetryCount = n
	}
}

// createAddressConfiguration configures an address, one configuration per
// address. Twilio's pages name no error code for a second configuration of
// an address; the fake answers 409 with 20409, the code it gives any 409
// without one of its own (see Failure).
func (s *Server) createAddressConfiguration(c *call) response {
	f := readFields(c)
	addressType := f.enum(convspec.KeyType, convspec.AddressTypes)
	if addressType == nil {
		f.failf("Missing required parameter Type in the post body")
	}
	address := f.required(convspec.KeyAddress)
	next := addressConfiguration{AccountSID: s.account, Type: orDefault(addressType, ""), Address: address,
		AddressCountry: f.text(convspec.KeyAddressCountry)}
	s.readAutoCreation(f, &next.AutoCreation, &next.FriendlyName)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if s.addresses.get("", address) != nil {
		return conflict(failureCode(http.StatusConflict), "An address configuration for %s already exists", address)
	}
	next.SID = s.ids.next(convspec.ConfigurationAddressSIDPrefix)
	next.DateCreated = s.timestamp()
	next.DateUpdated = next.DateCreated
	next.URL = s.v1() + "/Configuration/Addresses/" + next.SID
	return answer(http.StatusCreated, *s.addresses.add("", next.SID, address, next))
}

func (s *Server) fetchAddressConfiguration(c *call) response {
	return found(c, s.addresses.get("", c.values["Sid"]))
}

// updateAddressConfiguration changes a configuration, all or nothing; its
// type and address cannot change.
func (s *Server) updateAddressConfiguration(c *call) response {
	a := s.addresses.get("", c.values["Sid"])
	if a == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	next := *a
	s.readAutoCreation(f, &next.AutoCreation, &next.FriendlyName)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	next.DateUpdated = s.timestamp()
	*a = next
	return answer(http.StatusOK, next)
}

func (s *Server) deleteAddressConfiguration(c *call) response {
	a := s.addresses.get("", c.values["Sid"])
	if a == nil {
		return notFound(c.path)
	}
	s.addresses.remove("", a.SID)
	return noContent()
}

// listAddressConfigurations lists the account's address configurations, of
// one Type only when it is given.
func (s *Server) listAddressConfigurations(c *call) response {
	if refusal, bad := enumFilter(c.query, convspec.KeyType, convspec.AddressTypes); bad {
		return refusal
	}
	list := filterBy(s.addresses.list(""), c.query, convspec.KeyType, func(a addressConfiguration) string { return a.Type })
	return pageOf(c, s.v1()+"/Configuration/Addresses", list)
}
