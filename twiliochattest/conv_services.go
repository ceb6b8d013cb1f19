package twiliochattest

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// convService is the conversations.v1.service JSON resource: a Chat
// Service as Conversations shows it.
type convService struct {
	AccountSID   string            `json:"account_sid"`
	SID          string            `json:"sid"`
	FriendlyName string            `json:"friendly_name"`
	DateCreated  string            `json:"date_created"`
	DateUpdated  string            `json:"date_updated"`
	URL          string            `json:"url"`
	Links        map[string]string `json:"links"`
}

func (s *Server) convServiceView(svc *service) convService {
	u := s.v1() + "/Services/" + svc.SID
	links := map[string]string{}
	for key, path := range map[string]string{
		"conversations": "Conversations", "users": "Users", "roles": "Roles", "bindings": "Bindings",
		"configuration": "Configuration", "participant_conversations": "ParticipantConversations",
		"conversation_with_participants": "ConversationWithParticipants",
	} {
		links[key] = u + "/" + path
	}
	return convService{AccountSID: s.account, SID: svc.SID, FriendlyName: svc.FriendlyName,
		DateCreated: svc.DateCreated, DateUpdated: svc.DateUpdated, URL: u, Links: links}
}

// createConvService creates a Chat Service through Chat's Create Service,
// with its default roles.
func (s *Server) createConvService(c *call) response {
	resp := s.seed("CreateService", nil, c.form)
	if _, failed := resp.failed(); failed {
		return resp
	}
	sv := resp.body.(service)
	return answer(http.StatusCreated, s.convServiceView(&sv))
}

func (s *Server) fetchConvService(c *call) response {
	svc := s.services.get("", c.values["Sid"])
	if svc == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.convServiceView(svc))
}

// deleteConvService deletes a Service and everything in it, but not the
// account's default one, which Configuration names.
func (s *Server) deleteConvService(c *call) response {
	svc := s.services.get("", c.values["Sid"])
	if svc == nil {
		return notFound(c.path)
	}
	if svc.SID == s.accountDefaults().defaultService {
		return invalidf("Service %s is the account's default Conversation Service and cannot be deleted", svc.SID)
	}
	s.services.remove("", svc.SID)
	return noContent()
}

func (s *Server) listConvServices(c *call) response {
	s.accountDefaults()
	return pageOf(c, s.v1()+"/Services", viewsOf(s.services.list(""), s.convServiceView))
}

// convRole is the conversations.v1.role JSON resource: a Chat role, its
// type in Conversations' words (a channel role is a conversation role, a
// deployment role a service role).
type convRole struct {
	SID            string   `json:"sid"`
	AccountSID     string   `json:"account_sid"`
	ChatServiceSID string   `json:"chat_service_sid"`
	FriendlyName   string   `json:"friendly_name"`
	Type           string   `json:"type"`
	Permissions    []string `json:"permissions"`
	DateCreated    string   `json:"date_created"`
	DateUpdated    string   `json:"date_updated"`
	URL            string   `json:"url"`
}

// chatRoleTypes maps Conversations' role types to Chat's.
var chatRoleTypes = map[string]string{
	convspec.RoleTypeConversation: roleTypeChannel,
	convspec.RoleTypeService:      roleTypeDeployment,
}

func (s *Server) convRoleView(c *call, svc *service, r role) convRole {
	t := convspec.RoleTypeService
	if r.Type == roleTypeChannel {
		t = convspec.RoleTypeConversation
	}
	return convRole{SID: r.SID, AccountSID: s.account, ChatServiceSID: r.ServiceSID, FriendlyName: r.FriendlyName,
		Type: t, Permissions: r.Permissions, DateCreated: r.DateCreated, DateUpdated: r.DateUpdated,
		URL: s.convBase(c, svc) + "/Roles/" + r.SID}
}

// convRoleResult is the answer of a role request served through Chat.
func (s *Server) convRoleResult(c *call, svc *service, status int, resp response) response {
	if r, ok := resp.body.(role); ok {
		return answer(status, s.convRoleView(c, svc, r))
	}
	return resp
}

// createConvRole creates a role through Chat's Create Role, its Type in
// Chat's words.
func (s *Server) createConvRole(c *call) response {
	svc := s.convServiceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	t := f.enum(convspec.KeyType, convspec.RoleTypes)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	form := cloneValues(c.form)
	if t != nil {
		form.Set(convspec.KeyType, chatRoleTypes[*t])
	}
	return s.convRoleResult(c, svc, http.StatusCreated, s.seed("CreateRole", map[string]string{"ServiceSid": svc.SID}, form))
}

// roleAt returns the Service c acts on and its role c's Sid names.
func (s *Server) roleAt(c *call) (*service, *role) {
	svc := s.convServiceOf(c)
	if svc == nil {
		return nil, nil
	}
	return svc, s.roles.get(svc.SID, c.values["Sid"])
}

func (s *Server) fetchConvRole(c *call) response {
	svc, r := s.roleAt(c)
	if r == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.convRoleView(c, svc, *r))
}

func (s *Server) updateConvRole(c *call) response {
	svc, r := s.roleAt(c)
	if r == nil {
		return notFound(c.path)
	}
	return s.convRoleResult(c, svc, http.StatusOK, s.seed("UpdateRole", map[string]string{"ServiceSid": svc.SID, "Sid": r.SID}, c.form))
}

// deleteConvRole deletes a role through Chat's Delete Role, which keeps a
// Service's default roles.
func (s *Server) deleteConvRole(c *call) response {
	svc, r := s.roleAt(c)
	if r == nil {
		return notFound(c.path)
	}
	return s.seed("DeleteRole", map[string]string{"ServiceSid": svc.SID, "Sid": r.SID}, nil)
}

func (s *Server) listConvRoles(c *call) response {
	svc := s.convServiceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	out := viewsOf(s.roles.list(svc.SID), func(r *role) convRole { return s.convRoleView(c, svc, *r) })
	return pageOf(c, s.convBase(c, svc)+"/Roles", out)
}

// convCredentialView is cr, the same Credential as Chat's, at its
// Conversations URL.
func (s *Server) convCredentialView(cr credential) credential {
	cr.URL = s.v1() + "/Credentials/" + cr.SID
	return cr
}

// convCredentialResult is the answer of a Credential request served
// through Chat.
func (s *Server) convCredentialResult(status int, resp response) response {
	if cr, ok := resp.body.(credential); ok {
		return answer(status, s.convCredentialView(cr))
	}
	return resp
}

func (s *Server) createConvCredential(c *call) response {
	return s.convCredentialResult(http.StatusCreated, s.seed("CreateCredential", nil, c.form))
}

func (s *Server) fetchConvCredential(c *call) response {
	cr := s.credentials.get("", c.values["Sid"])
	if cr == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.convCredentialView(*cr))
}

// updateConvCredential changes a Credential through Chat's Update
// Credential. Conversations' spec lets an Update send Type; a Credential's
// push service cannot change, so only its own Type is taken.
func (s *Server) updateConvCredential(c *call) response {
	cr := s.credentials.get("", c.values["Sid"])
	if cr == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	if t := f.enum(convspec.KeyType, convspec.PushServices); t != nil && *t != cr.Type {
		f.failf("Invalid parameter Type: the Credential is of type %s, which cannot change", cr.Type)
	}
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	form := cloneValues(c.form)
	form.Del(convspec.KeyType)
	return s.convCredentialResult(http.StatusOK, s.seed("UpdateCredential", map[string]string{"Sid": cr.SID}, form))
}

func (s *Server) deleteConvCredential(c *call) response {
	return s.seed("DeleteCredential", map[string]string{"Sid": c.values["Sid"]}, nil)
}

func (s *Server) listConvCredentials(c *call) response {
	creds := viewsOf(s.credentials.list(""), func(cr *credential) credential { return s.convCredentialView(*cr) })
	return pageOf(c, s.v1()+"/Credentials", creds)
}

// convBinding is the conversations.v1.service.service_binding JSON
// resource: a Chat push Binding as Conversations shows it.
type convBinding struct {
	SID            string   `json:"sid"`
	AccountSID     string   `json:"account_sid"`
	ChatServiceSID string   `json:"chat_service_sid"`
	CredentialSID  *string  `json:"credential_sid"`
	DateCreated    string   `json:"date_created"`
	DateUpdated    string   `json:"date_updated"`
	Endpoint       string   `json:"endpoint"`
	Identity       string   `json:"identity"`
	BindingType    string   `json:"binding_type"`
	MessageTypes   []string `json:"message_types"`
	URL            string   `json:"url"`
}

// convBindingView is b as Conversations shows it: its Chat push types in
// Conversations' words (removed_from_conversation for
// removed_from_channel), without invited_to_channel, since a conversation
// has no invites.
func (s *Server) convBindingView(b binding) convBinding {
	types := []string{}
	for _, t := range b.MessageTypes {
		if rest, ok := strings.CutSuffix(t, "_channel"); ok && rest != "invited_to" {
			types = append(types, rest+"_conversation")
		} else if !ok {
			types = append(types, t)
		}
	}
	return convBinding{SID: b.SID, AccountSID: s.account, ChatServiceSID: b.ServiceSID, CredentialSID: b.CredentialSID,
		DateCreated: b.DateCreated, DateUpdated: b.DateUpdated, Endpoint: b.Endpoint, Identity: b.Identity,
		BindingType: b.BindingType, MessageTypes: types, URL: s.v1() + "/Services/" + b.ServiceSID + "/Bindings/" + b.SID}
}

func (s *Server) fetchConvBinding(c *call) response {
	b := s.bindings.get(c.values["ChatServiceSid"], c.values["Sid"])
	if b == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, s.convBindingView(*b))
}

func (s *Server) deleteConvBinding(c *call) response {
	if !s.bindings.remove(c.values["ChatServiceSid"], c.values["Sid"]) {
		return notFound(c.path)
	}
	return noContent()
}

// listConvBindings lists the Service's bindings, filtered by any number of
// BindingType and Identity keys.
func (s *Server) listConvBindings(c *call) response {
	svc := s.convServiceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	if refusal, bad := enumFilter(c.query, convspec.KeyBindingType, convspec.BindingTypes); bad {
		return refusal
	}
	bindings := filterBy(s.bindings.list(svc.SID), c.query, convspec.KeyBindingType, func(b binding) string { return b.BindingType })
	bindings = filterBy(bindings, c.query, convspec.KeyIdentity, func(b binding) string { return b.Identity })
	out := viewsOf(bindings, func(b *binding) convBinding { return s.convBindingView(*b) })
	return pageOf(c, s.v1()+"/Services/"+svc.SID+"/Bindings", out)
}

// serviceConfiguration is the
// conversations.v1.service.service_configuration JSON resource: a Chat
// Service's default roles and Reachability Indicator.
type serviceConfiguration struct {
	ChatServiceSID                    string            `json:"chat_service_sid"`
	DefaultConversationCreatorRoleSID string            `json:"default_conversation_creator_role_sid"`
	DefaultConversationRoleSID        string            `json:"default_conversation_role_sid"`
	DefaultChatServiceRoleSID         string            `json:"default_chat_service_role_sid"`
	URL                               string            `json:"url"`
	Links                             map[string]string `json:"links"`
	ReachabilityEnabled               bool              `json:"reachability_enabled"`
}

// configurationURL is the URL of svc's Configuration.
func (s *Server) configurationURL(svc *service) string {
	return s.v1() + "/Services/" + svc.SID + "/Configuration"
}

func (s *Server) serviceConfigurationView(svc *service) serviceConfiguration {
	u := s.configurationURL(svc)
	return serviceConfiguration{
		ChatServiceSID: svc.SID, DefaultConversationCreatorRoleSID: svc.DefaultChannelCreatorRoleSID,
		DefaultConversationRoleSID: svc.DefaultChannelRoleSID, DefaultChatServiceRoleSID: svc.DefaultServiceRoleSID,
		URL: u, Links: map[string]string{"notifications": u + "/Notifications", "webhooks": u + "/Webhooks"},
		ReachabilityEnabled: svc.ReachabilityEnabled,
	}
}

// serviceSingleton returns the Service whose singleton c addresses,
// answering 404 for none.
func (s *Server) serviceSingleton(c *call, view func(*service) any) response {
	svc := s.convServiceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, view(svc))
}

// serviceUpdate changes the Service c addresses, all or nothing: read
// checks c's keys and returns the Chat Update Service keys that set them
// and what to set that Chat does not have (nil for nothing), and the
// answer is view.
func (s *Server) serviceUpdate(c *call, read func(f *fields, svc *service) (url.Values, func(*service)), view func(*service) any) response {
	svc := s.convServiceOf(c)
	if svc == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	chat, apply := read(f, svc)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	if resp := s.seed("UpdateService", map[string]string{"Sid": svc.SID}, chat); resp.status != http.StatusOK {
		return resp
	}
	if apply != nil {
		apply(svc)
	}
	return answer(http.StatusOK, view(svc))
}

// serviceConfigurationKeys are the Service Configuration's keys with the
// Chat Service keys they set and, for a role, its Chat type.
var serviceConfigurationKeys = []struct{ key, chatKey, roleType string }{
	{convspec.KeyDefaultChatServiceRoleSID, spec.KeyDefaultServiceRoleSID, roleTypeDeployment},
	{convspec.KeyDefaultConversationCreatorRoleSID, spec.KeyDefaultChannelCreatorRoleSID, roleTypeChannel},
	{convspec.KeyDefaultConversationRoleSID, spec.KeyDefaultChannelRoleSID, roleTypeChannel},
	{convspec.KeyReachabilityEnabled, spec.KeyReachabilityEnabled, ""},
}

func (s *Server) fetchServiceConfiguration(c *call) response {
	return s.serviceSingleton(c, func(svc *service) any { return s.serviceConfigurationView(svc) })
}

// updateServiceConfiguration sets the Service's default roles and
// Reachability Indicator through Chat's Update Service.
func (s *Server) updateServiceConfiguration(c *call) response {
	return s.serviceUpdate(c, func(f *fields, svc *service) (url.Values, func(*service)) {
		chat := url.Values{}
		for _, k := range serviceConfigurationKeys {
			if k.roleType != "" {
				s.checkConvRole(f, k.key, svc, k.roleType)
			} else {
				f.boolean(k.key)
			}
			if v := f.text(k.key); v != nil {
				chat.Set(k.chatKey, *v)
			}
		}
		return chat, nil
	}, func(svc *service) any { return s.serviceConfigurationView(svc) })
}

// boolean returns the key, which must be true or false.
func (f *fields) boolean(key string) *string {
	return f.enum(key, []string{"true", "false"})
}

// serviceNotification is the
// conversations.v1.service.service_configuration.service_notification JSON
// resource: a Chat Service's push notifications, a conversation for a
// channel, and the template of a new message with media, which only
// Conversations has.
type serviceNotification struct {
	AccountSID              string              `json:"account_sid"`
	ChatServiceSID          string              `json:"chat_service_sid"`
	NewMessage              convNewMessage      `json:"new_message"`
	AddedToConversation     channelNotification `json:"added_to_conversation"`
	RemovedFromConversation channelNotification `json:"removed_from_conversation"`
	LogEnabled              bool                `json:"log_enabled"`
	URL                     string              `json:"url"`
}

// convNewMessage is notifications.new_message with its with_media.
type convNewMessage struct {
	newMessageNotice
	WithMedia newMessageWithMedia `json:"with_media"`
}

// newMessageWithMedia is notifications.new_message.with_media, kept on the
// Service (service.withMedia).
type newMessageWithMedia struct {
	Enabled  bool    `json:"enabled"`
	Template *string `json:"template,omitempty"`
}

func (s *Server) serviceNotificationView(svc *service) any {
	n := svc.Notifications
	return serviceNotification{
		AccountSID: s.account, ChatServiceSID: svc.SID,
		NewMessage:              convNewMessage{newMessageNotice: n.NewMessage, WithMedia: svc.withMedia},
		AddedToConversation:     n.AddedToChannel,
		RemovedFromConversation: n.RemovedFromChannel,
		LogEnabled:              n.LogEnabled,
		URL:                     s.configurationURL(svc) + "/Notifications",
	}
}

func (s *Server) fetchServiceNotification(c *call) response {
	return s.serviceSingleton(c, s.serviceNotificationView)
}

// updateServiceNotification sets the Service's push notifications through
// Chat's Update Service: a Conversations key is Chat's
// Notifications.{key}, a Conversation a Channel
// (AddedToConversation.Enabled is Notifications.AddedToChannel.Enabled).
// NewMessage.WithMedia is Conversations' own.
func (s *Server) updateServiceNotification(c *call) response {
	return s.serviceUpdate(c, func(f *fields, _ *service) (url.Values, func(*service)) {
		chat := url.Values{}
		var withMediaEnabled, withMediaTemplate *string
		for _, key := range c.op.Keys {
			var v *string
			if strings.HasSuffix(key.Name, "Enabled") {
				v = f.boolean(key.Name)
			} else {
				v = f.text(key.Name)
			}
			switch {
			case v == nil:
			case key.Name == convspec.KeyNewMessageWithMediaEnabled:
				withMediaEnabled = v
			case key.Name == convspec.KeyNewMessageWithMediaTemplate:
				withMediaTemplate = v
			default:
				chat.Set("Notifications."+strings.Replace(key.Name, "Conversation", "Channel", 1), *v)
			}
		}
		return chat, func(svc *service) {
			if withMediaEnabled != nil {
				svc.withMedia.Enabled = *withMediaEnabled == "true"
			}
			if withMediaTemplate != nil {
				svc.withMedia.Template = withMediaTemplate
			}
		}
	}, s.serviceNotificationView)
}

// serviceWebhookConfiguration is the
// conversations.v1.service.service_configuration.service_webhook_configuration
// JSON resource: a Chat Service's webhook settings, filters for
// webhook_filters.
type serviceWebhookConfiguration struct {
	AccountSID     string   `json:"account_sid"`
	ChatServiceSID string   `json:"chat_service_sid"`
	PreWebhookURL  *string  `json:"pre_webhook_url"`
	PostWebhookURL *string  `json:"post_webhook_url"`
	Filters        []string `json:"filters"`
	Method         string   `json:"method"`
	URL            string   `json:"url"`
}

func (s *Server) serviceWebhookView(svc *service) any {
	return serviceWebhookConfiguration{
		AccountSID: s.account, ChatServiceSID: svc.SID, PreWebhookURL: svc.PreWebhookURL, PostWebhookURL: svc.PostWebhookURL,
		Filters: svc.WebhookFilters, Method: svc.WebhookMethod, URL: s.configurationURL(svc) + "/Webhooks",
	}
}

func (s *Server) fetchServiceWebhookConfiguration(c *call) response {
	return s.serviceSingleton(c, s.serviceWebhookView)
}

// updateServiceWebhookConfiguration sets the Service's webhook settings,
// Chat's PreWebhookUrl, PostWebhookUrl, WebhookMethod and WebhookFilters.
func (s *Server) updateServiceWebhookConfiguration(c *call) response {
	return s.serviceUpdate(c, func(f *fields, svc *service) (url.Values, func(*service)) {
		method, filters, pre, post := svc.WebhookMethod, svc.WebhookFilters, svc.PreWebhookURL, svc.PostWebhookURL
		f.webhookTargets(&method, &filters, &pre, &post)
		chat := url.Values{spec.KeyWebhookMethod: {method}, spec.KeyPreWebhookURL: {orDefault(pre, "")},
			spec.KeyPostWebhookURL: {orDefault(post, "")}, spec.KeyWebhookFilters: filters}
		if len(filters) == 0 {
			chat[spec.KeyWebhookFilters] = []string{""}
		}
		return chat, nil
	}, s.serviceWebhookView)
}
