package twiliochat

import (
	"context"
	"iter"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// ServicesAPI is the set of operations on Chat Services. *ServicesService
// implements it; downstream code can depend on ServicesAPI and substitute a
// fake in its own unit tests. Methods may be added to ServicesAPI in minor
// releases, as Twilio adds operations: a fake that embeds ServicesAPI keeps
// compiling.
type ServicesAPI interface {
	// Create creates a Service and returns it as Twilio stored it.
	Create(ctx context.Context, params *CreateServiceParams) (*Service, error)
	// Fetch returns the Service serviceSID.
	Fetch(ctx context.Context, serviceSID string) (*Service, error)
	// Update changes the Service serviceSID and returns it as Twilio stored it.
	Update(ctx context.Context, serviceSID string, params *UpdateServiceParams) (*Service, error)
	// Delete deletes the Service serviceSID.
	Delete(ctx context.Context, serviceSID string) error
	// ListPage returns the first page of the Services list.
	ListPage(ctx context.Context, params *ListServicesParams) (*ServicePage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *ServicePage) (*ServicePage, error)
	// List returns an iterator over every Service, page by page.
	List(ctx context.Context, params *ListServicesParams) iter.Seq2[*Service, error]
}

var _ ServicesAPI = (*ServicesService)(nil)

// ServicesService calls the Chat v2 Services resource (/v2/Services). Use it
// through Client.Services; it is safe for concurrent use.
type ServicesService struct {
	client *Client
}

// identity names the SID that identifies a Service: a decoded one
// without it, such as one decoded from "{}", fails the call.
func (s *Service) identity() identity {
	return identity{Kind: "Service", Key: "sid", Prefix: serviceSIDPrefix, SID: s.SID}
}

// ServiceLimits holds the limits of a Service.
type ServiceLimits struct {
	// ChannelMembers is the most Members a Channel can have.
	ChannelMembers int `json:"channel_members"`
	// UserChannels is the most Channels a User can be a Member of.
	UserChannels int `json:"user_channels"`
}

// ServiceNotifications is the push notification configuration of a Service.
type ServiceNotifications struct {
	// LogEnabled reports whether notifications are logged.
	LogEnabled bool `json:"log_enabled"`
	// NewMessage configures the notification for a new message.
	NewMessage NewMessageNotification `json:"new_message"`
	// AddedToChannel configures the notification for a member added to a
	// channel.
	AddedToChannel Notification `json:"added_to_channel"`
	// RemovedFromChannel configures the notification for a user removed from
	// a channel.
	RemovedFromChannel Notification `json:"removed_from_channel"`
	// InvitedToChannel configures the notification for a user invited to a
	// channel.
	InvitedToChannel Notification `json:"invited_to_channel"`
}

// Notification configures the push notification for one kind of event.
type Notification struct {
	// Enabled reports whether the notification is sent.
	Enabled bool `json:"enabled"`
	// Template is the text of the notification.
	Template string `json:"template"`
	// Sound is the name of the sound the notification plays.
	Sound string `json:"sound"`
}

// NewMessageNotification configures the push notification for a new message.
type NewMessageNotification struct {
	// Enabled reports whether the notification is sent.
	Enabled bool `json:"enabled"`
	// Template is the text of the notification.
	Template string `json:"template"`
	// Sound is the name of the sound the notification plays.
	Sound string `json:"sound"`
	// BadgeCountEnabled reports whether the new-message badge is on.
	BadgeCountEnabled bool `json:"badge_count_enabled"`
}

// ServiceMedia describes the media messages a Service supports.
type ServiceMedia struct {
	// SizeLimitMB is the size of the largest media file, in megabytes.
	SizeLimitMB int `json:"size_limit_mb"`
	// CompatibilityMessage is the text sent for a media message without
	// text.
	CompatibilityMessage string `json:"compatibility_message"`
}

// check makes the check the spec cannot state: FriendlyName is not empty.
func (p *CreateServiceParams) check() error {
	return engine.CheckNotEmpty(keyFriendlyName, p.FriendlyName)
}

// opCreateService describes the CreateService operation (see internal/spec).
var opCreateService = sendOp[*CreateServiceParams, Service]{spec.Lookup("CreateService")}

// Create creates a Service named params.FriendlyName, which is required, and
// returns it as Twilio stored it, with Twilio's defaults; configure it with
// Update.
func (s *ServicesService) Create(ctx context.Context, params *CreateServiceParams) (*Service, error) {
	return opCreateService.call(ctx, s.client, params)
}

// opFetchService describes the FetchService operation (see internal/spec).
var opFetchService = fetchOp[Service]{spec.Lookup("FetchService")}

// Fetch returns the Service serviceSID.
func (s *ServicesService) Fetch(ctx context.Context, serviceSID string) (*Service, error) {
	return opFetchService.call(ctx, s.client, serviceSID)
}

// opDeleteService describes the DeleteService operation (see internal/spec).
var opDeleteService = deleteOp[*noParams]{spec.Lookup("DeleteService")}

// Delete deletes the Service serviceSID and everything in it: its Channels, Users,
// Roles and the rest.
func (s *ServicesService) Delete(ctx context.Context, serviceSID string) error {
	return opDeleteService.call(ctx, s.client, nil, serviceSID)
}

// ServicePage is one page of the Services list.
type ServicePage = Page[Service]

// opListService describes the ListService operation (see internal/spec).
var opListService = listOp[*ListServicesParams, Service]{spec.Lookup("ListService")}

// ListPage returns the first page of the account's Services.
func (s *ServicesService) ListPage(ctx context.Context, params *ListServicesParams) (*ServicePage, error) {
	return opListService.page(ctx, s.client, params)
}

// NextPage returns the Services page after page, or nil after the last page.
func (s *ServicesService) NextPage(ctx context.Context, page *ServicePage) (*ServicePage, error) {
	return opListService.next(ctx, s.client, page)
}

// List returns an iterator over every Service of the account.
//
//	for svc, err := range client.Services.List(ctx, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(svc.SID, svc.FriendlyName)
//	}
func (s *ServicesService) List(ctx context.Context, params *ListServicesParams) iter.Seq2[*Service, error] {
	return opListService.items(ctx, s.client, params)
}
