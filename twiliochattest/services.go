package twiliochattest

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// Defaults of a new service, from the spec's descriptions.
const (
	defaultTypingIndicatorTimeout    = 5
	defaultConsumptionReportInterval = 10
	defaultChannelMembers            = 250
	defaultUserChannels              = 100
	defaultMediaSizeLimitMB          = 150
)

// service is the chat.v2.service JSON resource. Pointer and slice fields are
// replaced, never modified in place, so a shallow copy is a safe snapshot.
type service struct {
	SID                          string               `json:"sid"`
	AccountSID                   string               `json:"account_sid"`
	FriendlyName                 string               `json:"friendly_name"`
	DateCreated                  string               `json:"date_created"`
	DateUpdated                  string               `json:"date_updated"`
	DefaultServiceRoleSID        string               `json:"default_service_role_sid"`
	DefaultChannelRoleSID        string               `json:"default_channel_role_sid"`
	DefaultChannelCreatorRoleSID string               `json:"default_channel_creator_role_sid"`
	ReadStatusEnabled            bool                 `json:"read_status_enabled"`
	ReachabilityEnabled          bool                 `json:"reachability_enabled"`
	TypingIndicatorTimeout       int                  `json:"typing_indicator_timeout"`
	ConsumptionReportInterval    int                  `json:"consumption_report_interval"`
	Limits                       serviceLimits        `json:"limits"`
	PreWebhookURL                *string              `json:"pre_webhook_url"`
	PostWebhookURL               *string              `json:"post_webhook_url"`
	WebhookMethod                string               `json:"webhook_method"`
	WebhookFilters               []string             `json:"webhook_filters"`
	PreWebhookRetryCount         int                  `json:"pre_webhook_retry_count"`
	PostWebhookRetryCount        int                  `json:"post_webhook_retry_count"`
	Notifications                serviceNotifications `json:"notifications"`
	Media                        serviceMedia         `json:"media"`
	URL                          string               `json:"url"`
	Links                        serviceLinks         `json:"links"`
	// withMedia is the new-message notification of a message with media,
	// which only Conversations has.
	withMedia newMessageWithMedia
}

func (sv service) sid() string { return sv.SID }

// serviceLimits is the service's "limits" object.
type serviceLimits struct {
	ChannelMembers int `json:"channel_members"`
	UserChannels   int `json:"user_channels"`
}

// serviceNotifications is the service's "notifications" object. template and
// sound appear once set, as in the spec's Update example.
type serviceNotifications struct {
	LogEnabled         bool                `json:"log_enabled"`
	NewMessage         newMessageNotice    `json:"new_message"`
	AddedToChannel     channelNotification `json:"added_to_channel"`
	InvitedToChannel   channelNotification `json:"invited_to_channel"`
	RemovedFromChannel channelNotification `json:"removed_from_channel"`
}

// newMessageNotice is notifications.new_message.
type newMessageNotice struct {
	Enabled           bool    `json:"enabled"`
	Template          *string `json:"template,omitempty"`
	Sound             *string `json:"sound,omitempty"`
	BadgeCountEnabled bool    `json:"badge_count_enabled"`
}

// channelNotification is notifications.added_to_channel,
// invited_to_channel and removed_from_channel.
type channelNotification struct {
	Enabled  bool    `json:"enabled"`
	Template *string `json:"template,omitempty"`
	Sound    *string `json:"sound,omitempty"`
}

// serviceMedia is the service's "media" object.
type serviceMedia struct {
	SizeLimitMB          int     `json:"size_limit_mb"`
	CompatibilityMessage *string `json:"compatibility_message"`
}

// serviceLinks is the service's "links" object.
type serviceLinks struct {
	Channels string `json:"channels"`
	Users    string `json:"users"`
	Roles    string `json:"roles"`
	Bindings string `json:"bindings"`
}

// timestamp is the current time as Twilio writes it.
func (s *Server) timestamp() string {
	return formatTime(s.now())
}

// SeedService creates a service named friendlyName with the defaults and
// default roles that a Create Service request would give it, and returns
// its SID. It returns an error when friendlyName is empty, which Create
// Service refuses.
func (s *Server) SeedService(friendlyName string) (string, error) {
	return s.seedSID("CreateService", nil, url.Values{spec.KeyFriendlyName: {friendlyName}})
}

func (s *Server) listServices(c *call) response {
	return pageOf(c, s.server.URL+"/v2/Services", s.services.list(""))
}

// createService stores a new service with Twilio's defaults and its four
// default roles.
func (s *Server) createService(c *call) response {
	name, msg := single(c.form, spec.KeyFriendlyName)
	if msg != "" {
		return invalidf("%s", msg)
	}
	if name == "" {
		return invalidf("Missing required parameter FriendlyName in the post body")
	}
	now := s.timestamp()
	sid := s.ids.next(spec.ServiceSIDPrefix)
	u := s.server.URL + "/v2/Services/" + sid
	svc := s.services.add("", sid, "", service{
		SID:                       sid,
		AccountSID:                s.account,
		FriendlyName:              name,
		DateCreated:               now,
		DateUpdated:               now,
		ReadStatusEnabled:         true,
		TypingIndicatorTimeout:    defaultTypingIndicatorTimeout,
		ConsumptionReportInterval: defaultConsumptionReportInterval,
		Limits:                    serviceLimits{ChannelMembers: defaultChannelMembers, UserChannels: defaultUserChannels},
		WebhookMethod:             http.MethodPost,
		WebhookFilters:            []string{},
		Media:                     serviceMedia{SizeLimitMB: defaultMediaSizeLimitMB},
		URL:                       u,
		Links: serviceLinks{
			Channels: u + "/Channels",
			Users:    u + "/Users",
			Roles:    u + "/Roles",
			Bindings: u + "/Bindings",
		},
	})
	for _, d := range defaultRoles {
		resp := s.seed("CreateRole", map[string]string{"ServiceSid": sid},
			url.Values{spec.KeyFriendlyName: {d.name}, spec.KeyType: {d.roleType}, spec.KeyPermission: d.permissions})
		r := resp.body.(role)
		switch d.name {
		case "service user":
			svc.DefaultServiceRoleSID = r.SID
		case "channel user":
			svc.DefaultChannelRoleSID = r.SID
		case "channel admin":
			svc.DefaultChannelCreatorRoleSID = r.SID
		}
	}
	return answer(http.StatusCreated, *svc)
}

// serviceOf returns the service whose resources c addresses (its
// ServiceSid), or nil.
func (s *Server) serviceOf(c *call) *service {
	return s.services.get("", c.values["ServiceSid"])
}

func (s *Server) fetchService(c *call) response {
	return found(c, s.services.get("", c.values["Sid"]))
}

// deleteService deletes the service and, with it, its roles.
func (s *Server) deleteService(c *call) response {
	if !s.services.remove("", c.values["Sid"]) {
		return notFound(c.path)
	}
	return noContent()
}

// updateService validates every key first and applies all or nothing.
func (s *Server) updateService(c *call) response {
	svc := s.services.get("", c.values["Sid"])
	if svc == nil {
		return notFound(c.path)
	}
	next := *svc
	for _, key := range slices.Sorted(maps.Keys(c.form)) {
		if key == spec.KeyWebhookFilters {
			next.WebhookFilters = nonEmpty(c.form[key])
			continue
		}
		v, msg := single(c.form, key)
		if msg != "" {
			return invalidf("%s", msg)
		}
		if why := serviceUpdaters[key](s, &next, v); why != "" {
			return invalidf("Invalid parameter %s: %s", key, why)
		}
	}
	next.DateUpdated = s.timestamp()
	*svc = next
	return answer(http.StatusOK, next)
}

// single returns the only value of key in form, or a message when it is
// given more than once.
func single(form url.Values, key string) (string, string) {
	vs := form[key]
	switch len(vs) {
	case 0:
		return "", ""
	case 1:
		return vs[0], ""
	default:
		return "", "Parameter " + key + " must be given at most once"
	}
}

// nonEmpty returns vs without empty strings, never nil: sending
// WebhookFilters= clears the list.
func nonEmpty(vs []string) []string {
	out := []string{}
	for _, v := range vs {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// updater checks one Update Service value and sets it on next. It returns
// why the value is invalid, or "".
type updater func(s *Server, next *service, v string) string

// serviceUpdaters holds the 30 scalar keys of Update Service (the 31st,
// WebhookFilters, is a list).
var serviceUpdaters = map[string]updater{
	spec.KeyFriendlyName: func(_ *Server, n *service, v string) string { n.FriendlyName = v; return "" },
	spec.KeyDefaultServiceRoleSID: roleField(roleTypeDeployment,
		func(n *service) *string { return &n.DefaultServiceRoleSID }),
	spec.KeyDefaultChannelRoleSID: roleField(roleTypeChannel,
		func(n *service) *string { return &n.DefaultChannelRoleSID }),
	spec.KeyDefaultChannelCreatorRoleSID: roleField(roleTypeChannel,
		func(n *service) *string { return &n.DefaultChannelCreatorRoleSID }),
	spec.KeyReadStatusEnabled:         boolField(func(n *service) *bool { return &n.ReadStatusEnabled }),
	spec.KeyReachabilityEnabled:       boolField(func(n *service) *bool { return &n.ReachabilityEnabled }),
	spec.KeyTypingIndicatorTimeout:    intField(noMax, func(n *service) *int { return &n.TypingIndicatorTimeout }),
	spec.KeyConsumptionReportInterval: intField(noMax, func(n *service) *int { return &n.ConsumptionReportInterval }),
	spec.KeyPreWebhookRetryCount:      intField(noMax, func(n *service) *int { return &n.PreWebhookRetryCount }),
	spec.KeyPostWebhookRetryCount:     intField(noMax, func(n *service) *int { return &n.PostWebhookRetryCount }),
	spec.KeyLimitsChannelMembers:      intField(spec.MaxServiceLimit, func(n *service) *int { return &n.Limits.ChannelMembers }),
	spec.KeyLimitsUserChannels:        intField(spec.MaxServiceLimit, func(n *service) *int { return &n.Limits.UserChannels }),
	spec.KeyPreWebhookURL:             urlField(func(n *service) **string { return &n.PreWebhookURL }),
	spec.KeyPostWebhookURL:            urlField(func(n *service) **string { return &n.PostWebhookURL }),
	spec.KeyWebhookMethod: func(_ *Server, n *service, v string) string {
		if v != http.MethodGet && v != http.MethodPost {
			return "must be GET or POST"
		}
		n.WebhookMethod = v
		return ""
	},
	spec.KeyMediaCompatibilityMessage: stringField(func(n *service) **string { return &n.Media.CompatibilityMessage }),
	spec.KeyNotificationsLogEnabled:   boolField(func(n *service) *bool { return &n.Notifications.LogEnabled }),

	spec.KeyNotificationsNewMessageEnabled:           boolField(func(n *service) *bool { return &n.Notifications.NewMessage.Enabled }),
	spec.KeyNotificationsNewMessageTemplate:          stringField(func(n *service) **string { return &n.Notifications.NewMessage.Template }),
	spec.KeyNotificationsNewMessageSound:             stringField(func(n *service) **string { return &n.Notifications.NewMessage.Sound }),
	spec.KeyNotificationsNewMessageBadgeCountEnabled: boolField(func(n *service) *bool { return &n.Notifications.NewMessage.BadgeCountEnabled }),

	spec.KeyNotificationsAddedToChannelEnabled:  boolField(func(n *service) *bool { return &n.Notifications.AddedToChannel.Enabled }),
	spec.KeyNotificationsAddedToChannelTemplate: stringField(func(n *service) **string { return &n.Notifications.AddedToChannel.Template }),
	spec.KeyNotificationsAddedToChannelSound:    stringField(func(n *service) **string { return &n.Notifications.AddedToChannel.Sound }),

	spec.KeyNotificationsRemovedFromChannelEnabled:  boolField(func(n *service) *bool { return &n.Notifications.RemovedFromChannel.Enabled }),
	spec.KeyNotificationsRemovedFromChannelTemplate: stringField(func(n *service) **string { return &n.Notifications.RemovedFromChannel.Template }),
	spec.KeyNotificationsRemovedFromChannelSound:    stringField(func(n *service) **string { return &n.Notifications.RemovedFromChannel.Sound }),

	spec.KeyNotificationsInvitedToChannelEnabled:  boolField(func(n *service) *bool { return &n.Notifications.InvitedToChannel.Enabled }),
	spec.KeyNotificationsInvitedToChannelTemplate: stringField(func(n *service) **string { return &n.Notifications.InvitedToChannel.Template }),
	spec.KeyNotificationsInvitedToChannelSound:    stringField(func(n *service) **string { return &n.Notifications.InvitedToChannel.Sound }),
}

// boolField accepts exactly "true" or "false".
func boolField(field func(*service) *bool) updater {
	return func(_ *Server, n *service, v string) string {
		switch v {
		case "true":
			*field(n) = true
		case "false":
			*field(n) = false
		default:
			return "must be true or false, got " + strconv.Quote(v)
		}
		return ""
	}
}

// noMax is the intField limit that means "no upper bound".
const noMax = -1

// intField accepts a decimal integer of 0 or more, and at most limit unless
// limit is noMax.
func intField(limit int, field func(*service) *int) updater {
	return func(_ *Server, n *service, v string) string {
		i, err := strconv.Atoi(v)
		switch {
		case err != nil:
			return "must be an integer, got " + strconv.Quote(v)
		case i < 0:
			return "must not be negative, got " + v
		case limit != noMax && i > limit:
			return "must be at most " + strconv.Itoa(limit) + ", got " + v
		}
		*field(n) = i
		return ""
	}
}

// stringField stores any string, the empty one included.
func stringField(field func(*service) **string) updater {
	return func(_ *Server, n *service, v string) string {
		*field(n) = &v
		return ""
	}
}

// urlField accepts an absolute http or https URL; "" clears it to null.
func urlField(field func(*service) **string) updater {
	return func(_ *Server, n *service, v string) string {
		if v == "" {
			*field(n) = nil
			return ""
		}
		if !isAbsoluteHTTP(v) {
			return "must be an absolute http or https URL, got " + strconv.Quote(v)
		}
		*field(n) = &v
		return ""
	}
}

// isAbsoluteHTTP reports whether v is an absolute http or https URL, with a
// host: what Twilio's webhook URL keys take.
func isAbsoluteHTTP(v string) bool {
	u, err := url.Parse(v)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// roleField accepts the SID of a role of roleType in the same service.
func roleField(roleType string, field func(*service) *string) updater {
	return func(s *Server, n *service, v string) string {
		if why := s.checkRoleOf(n.SID, v, roleType); why != "" {
			return why
		}
		*field(n) = v
		return ""
	}
}
