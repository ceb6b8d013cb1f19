// Package spec holds the facts of the Twilio Chat v2 OpenAPI description
// (testdata/twilio_chat_v2.json, twilio-oai 2.6.7) that the client, the fake
// in package twiliochattest and the tests share: SID prefixes, which path
// values accept a unique name or identity, every operation's method, path
// template, list key and page-size maximum, and the enums. Each fact is
// written here once; spec_test.go checks the whole table against the JSON.
package spec

import (
	"net/http"
	"strings"
)

// SID prefixes: every SID is one of these followed by 32 hex digits.
const (
	AccountSIDPrefix        = "AC"
	APIKeySIDPrefix         = "SK"
	ServiceSIDPrefix        = "IS"
	RoleSIDPrefix           = "RL"
	ChannelSIDPrefix        = "CH"
	UserSIDPrefix           = "US"
	MemberSIDPrefix         = "MB"
	MessageSIDPrefix        = "IM"
	InviteSIDPrefix         = "IN"
	ChannelWebhookSIDPrefix = "WH"
	BindingSIDPrefix        = "BS"
	CredentialSIDPrefix     = "CR"
	// MediaSIDPrefix is the prefix of a Media SID, which CreateMessage's
	// MediaSid key takes (no collection of the spec holds Media).
	MediaSIDPrefix = "ME"
	// FlowSIDPrefix starts the SID of a Studio Flow, which a channel
	// webhook's Configuration.FlowSid names.
	FlowSIDPrefix = "FW"
)

// SIDLen is the length of every SID: a two-letter prefix and 32 hex digits.
const SIDLen = 34

// IsSID reports whether sid is prefix followed by exactly 32 hex digits.
func IsSID(prefix, sid string) bool {
	if len(sid) != SIDLen || sid[:2] != prefix {
		return false
	}
	for i := 2; i < len(sid); i++ {
		c := sid[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// Collection is what the path segment before a path value says about that
// value: the SID prefix of the resources in the collection, and whether the
// value may instead be the resource's unique name (Channels) or identity
// (Users, Members). The spec gives such a path parameter no pattern.
type Collection struct {
	Prefix string
	Names  bool
}

// Collections maps each collection segment of a path template to what its
// path values are.
var Collections = map[string]Collection{
	"Services":    {Prefix: ServiceSIDPrefix},
	"Roles":       {Prefix: RoleSIDPrefix},
	"Channels":    {Prefix: ChannelSIDPrefix, Names: true},
	"Users":       {Prefix: UserSIDPrefix, Names: true},
	"Members":     {Prefix: MemberSIDPrefix, Names: true},
	"Messages":    {Prefix: MessageSIDPrefix},
	"Invites":     {Prefix: InviteSIDPrefix},
	"Webhooks":    {Prefix: ChannelWebhookSIDPrefix},
	"Bindings":    {Prefix: BindingSIDPrefix},
	"Credentials": {Prefix: CredentialSIDPrefix},
}

// PathParam is one path value of an operation.
type PathParam struct {
	// Name is the spec's name of the value: "ServiceSid", "ChannelSid",
	// "UserSid" or "Sid".
	Name string
	// Prefix is the SID prefix the value has when it is a SID.
	Prefix string
	// Names is set when the value may also be a unique name or identity,
	// which can hold any character.
	Names bool
}

// Operation is one operation of the spec, as data.
type Operation struct {
	// ID is the spec's operationId, such as "FetchRole".
	ID string
	// Method is the HTTP method.
	Method string
	// Path is the spec's path template, such as
	// "/v2/Services/{ServiceSid}/Roles/{Sid}".
	Path string
	// ListKey is the JSON key of a list page's items ("roles"), "" when the
	// operation is not a list.
	ListKey string
	// MaxPageSize is the spec's maximum PageSize of a list.
	MaxPageSize int
	// WebhookHeader is set when the operation takes the
	// X-Twilio-Webhook-Enabled header.
	WebhookHeader bool

	// Worked out from the fields above by init:

	// Params are the path values, in the order they appear in Path.
	Params []PathParam
	// Parts are the literal pieces of Path around its values: Path is
	// Parts[0] {Params[0]} Parts[1] … {Params[n-1]} Parts[n].
	Parts []string
	// Creates is set for a POST to a collection, which makes a new resource
	// each time it arrives: it is not safe to send again.
	Creates bool
	// HasParams is set when the spec gives the operation a parameter that
	// is not in its path (a form key, a query key or a header).
	HasParams bool
}

// WebhookEnabledHeader is the header through which a request turns the
// Service's webhooks off for itself.
const WebhookEnabledHeader = "X-Twilio-Webhook-Enabled"

// Page sizes of the lists.
const (
	// DefaultPageSize is the page size of a list request without PageSize.
	DefaultPageSize = 50
)

// Limits given by the spec's descriptions only.
const (
	// MaxServiceLimit bounds Limits.ChannelMembers and Limits.UserChannels.
	MaxServiceLimit = 1000
	// MaxRoleNameRunes is the longest Role FriendlyName, in characters.
	MaxRoleNameRunes = 64
	// MaxCredentialNameRunes is the longest Credential FriendlyName, in
	// characters.
	MaxCredentialNameRunes = 64
	// MaxChannelWebhookRetryCount bounds a channel webhook's
	// Configuration.RetryCount (from 0).
	MaxChannelWebhookRetryCount = 3
	// MaxChannelWebhookTriggers is the most Configuration.Triggers a
	// channel webhook takes.
	MaxChannelWebhookTriggers = 5
	// MaxChannelWebhooks is the most webhooks a channel has: "up to five"
	// (https://www.twilio.com/docs/chat/rest/channel-webhook-resource).
	MaxChannelWebhooks = 5
)

// Operations are the spec's 54 operations.
var Operations = []*Operation{
	{ID: "ListCredential", Method: http.MethodGet, Path: "/v2/Credentials", ListKey: "credentials", MaxPageSize: 1000},
	{ID: "CreateCredential", Method: http.MethodPost, Path: "/v2/Credentials"},
	{ID: "FetchCredential", Method: http.MethodGet, Path: "/v2/Credentials/{Sid}"},
	{ID: "UpdateCredential", Method: http.MethodPost, Path: "/v2/Credentials/{Sid}"},
	{ID: "DeleteCredential", Method: http.MethodDelete, Path: "/v2/Credentials/{Sid}"},

	{ID: "ListService", Method: http.MethodGet, Path: "/v2/Services", ListKey: "services", MaxPageSize: 100},
	{ID: "CreateService", Method: http.MethodPost, Path: "/v2/Services"},
	{ID: "FetchService", Method: http.MethodGet, Path: "/v2/Services/{Sid}"},
	{ID: "UpdateService", Method: http.MethodPost, Path: "/v2/Services/{Sid}"},
	{ID: "DeleteService", Method: http.MethodDelete, Path: "/v2/Services/{Sid}"},

	{ID: "ListBinding", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Bindings", ListKey: "bindings", MaxPageSize: 50},
	{ID: "FetchBinding", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Bindings/{Sid}"},
	{ID: "DeleteBinding", Method: http.MethodDelete, Path: "/v2/Services/{ServiceSid}/Bindings/{Sid}"},

	{ID: "ListChannel", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Channels", ListKey: "channels", MaxPageSize: 100},
	{ID: "CreateChannel", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Channels", WebhookHeader: true},
	{ID: "FetchChannel", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Channels/{Sid}"},
	{ID: "UpdateChannel", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Channels/{Sid}", WebhookHeader: true},
	{ID: "DeleteChannel", Method: http.MethodDelete, Path: "/v2/Services/{ServiceSid}/Channels/{Sid}", WebhookHeader: true},

	{ID: "ListInvite", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Invites", ListKey: "invites", MaxPageSize: 100},
	{ID: "CreateInvite", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Invites"},
	{ID: "FetchInvite", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Invites/{Sid}"},
	{ID: "DeleteInvite", Method: http.MethodDelete, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Invites/{Sid}"},

	{ID: "ListMember", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members", ListKey: "members", MaxPageSize: 100},
	{ID: "CreateMember", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members", WebhookHeader: true},
	{ID: "FetchMember", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members/{Sid}"},
	{ID: "UpdateMember", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members/{Sid}", WebhookHeader: true},
	{ID: "DeleteMember", Method: http.MethodDelete, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members/{Sid}", WebhookHeader: true},

	{ID: "ListMessage", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages", ListKey: "messages", MaxPageSize: 100},
	{ID: "CreateMessage", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages", WebhookHeader: true},
	{ID: "FetchMessage", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages/{Sid}"},
	{ID: "UpdateMessage", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages/{Sid}", WebhookHeader: true},
	{ID: "DeleteMessage", Method: http.MethodDelete, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages/{Sid}", WebhookHeader: true},

	{ID: "ListChannelWebhook", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Webhooks", ListKey: "webhooks", MaxPageSize: 5},
	{ID: "CreateChannelWebhook", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Webhooks"},
	{ID: "FetchChannelWebhook", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Webhooks/{Sid}"},
	{ID: "UpdateChannelWebhook", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Webhooks/{Sid}"},
	{ID: "DeleteChannelWebhook", Method: http.MethodDelete, Path: "/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Webhooks/{Sid}"},

	{ID: "ListRole", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Roles", ListKey: "roles", MaxPageSize: 100},
	{ID: "CreateRole", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Roles"},
	{ID: "FetchRole", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Roles/{Sid}"},
	{ID: "UpdateRole", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Roles/{Sid}"},
	{ID: "DeleteRole", Method: http.MethodDelete, Path: "/v2/Services/{ServiceSid}/Roles/{Sid}"},

	{ID: "ListUser", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Users", ListKey: "users", MaxPageSize: 100},
	{ID: "CreateUser", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Users", WebhookHeader: true},
	{ID: "FetchUser", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Users/{Sid}"},
	{ID: "UpdateUser", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Users/{Sid}", WebhookHeader: true},
	{ID: "DeleteUser", Method: http.MethodDelete, Path: "/v2/Services/{ServiceSid}/Users/{Sid}"},

	{ID: "ListUserBinding", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Users/{UserSid}/Bindings", ListKey: "bindings", MaxPageSize: 50},
	{ID: "FetchUserBinding", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Users/{UserSid}/Bindings/{Sid}"},
	{ID: "DeleteUserBinding", Method: http.MethodDelete, Path: "/v2/Services/{ServiceSid}/Users/{UserSid}/Bindings/{Sid}"},

	{ID: "ListUserChannel", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Users/{UserSid}/Channels", ListKey: "channels", MaxPageSize: 50},
	{ID: "FetchUserChannel", Method: http.MethodGet, Path: "/v2/Services/{ServiceSid}/Users/{UserSid}/Channels/{ChannelSid}"},
	{ID: "UpdateUserChannel", Method: http.MethodPost, Path: "/v2/Services/{ServiceSid}/Users/{UserSid}/Channels/{ChannelSid}"},
	{ID: "DeleteUserChannel", Method: http.MethodDelete, Path: "/v2/Services/{ServiceSid}/Users/{UserSid}/Channels/{ChannelSid}", WebhookHeader: true},
}

// byID indexes Operations by ID.
var byID = map[string]*Operation{}

func init() {
	for _, op := range Operations {
		op.derive()
		if byID[op.ID] != nil {
			panic("spec: operation " + op.ID + " listed twice")
		}
		byID[op.ID] = op
	}
}

// Lookup returns the operation whose operationId is id. It panics for an id
// the spec does not have, so that a misspelt one fails every test.
func Lookup(id string) *Operation {
	op := byID[id]
	if op == nil {
		panic("spec: no operation " + id)
	}
	return op
}

// derive works out Params, Parts, Creates and HasParams from the other
// fields.
func (op *Operation) derive() {
	rest := op.Path
	collection := ""
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			op.Parts = append(op.Parts, rest)
			break
		}
		end := strings.IndexByte(rest, '}')
		lit := rest[:open]
		if segs := strings.Split(strings.Trim(lit, "/"), "/"); segs[len(segs)-1] != "" {
			collection = segs[len(segs)-1]
		}
		c, ok := Collections[collection]
		if !ok {
			panic("spec: " + op.ID + ": no collection before a path value")
		}
		op.Parts = append(op.Parts, lit)
		op.Params = append(op.Params, PathParam{Name: rest[open+1 : end], Prefix: c.Prefix, Names: c.Names})
		rest = rest[end+1:]
	}
	op.Creates = op.Method == http.MethodPost && !strings.HasSuffix(op.Path, "}")
	// Every POST of the spec has a form body.
	op.HasParams = op.Method == http.MethodPost || op.ListKey != "" || op.WebhookHeader
}

// Enum values, by the spec's schema name.
var (
	RoleTypes            = []string{"channel", "deployment"}                 // role_enum_role_type
	ChannelTypes         = []string{"public", "private"}                     // channel_enum_channel_type
	BindingTypes         = []string{"gcm", "apn", "fcm"}                     // binding_enum_binding_type, user_binding_enum_binding_type
	PushServices         = []string{"gcm", "apn", "fcm"}                     // credential_enum_push_service
	ChannelWebhookTypes  = []string{"webhook", "trigger", "studio"}          // channel_webhook_enum_type
	WebhookMethods       = []string{"GET", "POST"}                           // channel_webhook_enum_method, UpdateService's WebhookMethod
	MessageOrders        = []string{"asc", "desc"}                           // message_enum_order_type
	ChannelStatuses      = []string{"joined", "invited", "notParticipating"} // user_channel_enum_channel_status
	NotificationLevels   = []string{"default", "muted"}                      // user_channel_enum_notification_level
	WebhookEnabledValues = []string{"true", "false"}                         // *_enum_webhook_enabled_type
)

// Enums maps every enum schema of the spec to its values.
var Enums = map[string][]string{
	"role_enum_role_type":                    RoleTypes,
	"channel_enum_channel_type":              ChannelTypes,
	"binding_enum_binding_type":              BindingTypes,
	"user_binding_enum_binding_type":         BindingTypes,
	"credential_enum_push_service":           PushServices,
	"channel_webhook_enum_type":              ChannelWebhookTypes,
	"channel_webhook_enum_method":            WebhookMethods,
	"message_enum_order_type":                MessageOrders,
	"user_channel_enum_channel_status":       ChannelStatuses,
	"user_channel_enum_notification_level":   NotificationLevels,
	"channel_enum_webhook_enabled_type":      WebhookEnabledValues,
	"member_enum_webhook_enabled_type":       WebhookEnabledValues,
	"message_enum_webhook_enabled_type":      WebhookEnabledValues,
	"user_enum_webhook_enabled_type":         WebhookEnabledValues,
	"user_channel_enum_webhook_enabled_type": WebhookEnabledValues,
}
