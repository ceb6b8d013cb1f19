package twiliochat

import (
	"context"
	"iter"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// ChannelsAPI is the set of operations on the Channels of a Chat Service.
// *ChannelsService implements it; downstream code can depend on ChannelsAPI
// and substitute a fake in its own unit tests. Methods may be added to
// ChannelsAPI in minor releases, as Twilio adds operations: a fake that
// embeds ChannelsAPI keeps compiling.
type ChannelsAPI interface {
	// Create creates a Channel in the Service serviceSID and returns it as
	// Twilio stored it.
	Create(ctx context.Context, serviceSID string, params *CreateChannelParams) (*Channel, error)
	// Fetch returns the Channel channel (its SID or unique name) of the
	// Service.
	Fetch(ctx context.Context, serviceSID, channel string) (*Channel, error)
	// Update changes the Channel channel and returns it as Twilio stored it.
	Update(ctx context.Context, serviceSID, channel string, params *UpdateChannelParams) (*Channel, error)
	// Migrate changes the type and Messaging Service of the Channel
	// channel, to move it to Conversations (Chat v3).
	Migrate(ctx context.Context, serviceSID, channel string, params *MigrateChannelParams) (*Channel, error)
	// Delete deletes the Channel channel, with its Members and Messages.
	Delete(ctx context.Context, serviceSID, channel string, params *DeleteChannelParams) error
	// ListPage returns the first page of the Service's Channels.
	ListPage(ctx context.Context, serviceSID string, params *ListChannelsParams) (*ChannelPage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *ChannelPage) (*ChannelPage, error)
	// List returns an iterator over every Channel of the Service, page by
	// page.
	List(ctx context.Context, serviceSID string, params *ListChannelsParams) iter.Seq2[*Channel, error]
}

var _ ChannelsAPI = (*ChannelsService)(nil)

// ChannelsService calls the Chat v2 Channels resource
// (/v2/Services/{ServiceSid}/Channels). Use it through Client.Channels; it
// is safe for concurrent use.
//
// A Channel is a chat room: Members join it and post Messages in it. Every
// method that takes a channel accepts its SID (CH…) or its unique name
// ("support/emea").
type ChannelsService struct {
	client *Client
}

// identity names the SID that identifies a Channel: a decoded one
// without it, such as one decoded from "{}", fails the call.
func (ch *Channel) identity() identity {
	return identity{Kind: "Channel", Key: "sid", Prefix: channelSIDPrefix, SID: ch.SID}
}

// check makes the checks the spec cannot state: Attributes is JSON, the
// dates are ones RFC 3339 carries.
func (p *CreateChannelParams) check() error {
	return engine.JoinErrors(engine.CheckJSON(keyAttributes, p.Attributes), checkHistoryDates(p.DateCreated, p.DateUpdated))
}

// opCreateChannel describes the CreateChannel operation (see internal/spec).
var opCreateChannel = sendOp[*CreateChannelParams, Channel]{spec.Lookup("CreateChannel")}

// Create creates a Channel in the Service serviceSID and returns it as Twilio
// stored it; params may be nil. IsAlreadyExists reports a unique name that is
// taken.
func (s *ChannelsService) Create(ctx context.Context, serviceSID string, params *CreateChannelParams) (*Channel, error) {
	return opCreateChannel.call(ctx, s.client, params, serviceSID)
}

// opFetchChannel describes the FetchChannel operation (see internal/spec).
var opFetchChannel = fetchOp[Channel]{spec.Lookup("FetchChannel")}

// Fetch returns the Channel channel, its SID or unique name, of the Service
// serviceSID.
func (s *ChannelsService) Fetch(ctx context.Context, serviceSID, channel string) (*Channel, error) {
	return opFetchChannel.call(ctx, s.client, serviceSID, channel)
}

// check makes the checks the spec cannot state: Attributes is JSON, the
// dates are ones RFC 3339 carries.
func (p *UpdateChannelParams) check() error {
	return engine.JoinErrors(engine.CheckJSON(keyAttributes, p.Attributes), checkHistoryDates(p.DateCreated, p.DateUpdated))
}

// opUpdateChannel describes the UpdateChannel operation (see internal/spec).
var opUpdateChannel = sendOp[*UpdateChannelParams, Channel]{spec.Lookup("UpdateChannel")}

// Update changes the Channel channel, its SID or unique name, and returns it
// as Twilio stored it; params may be nil.
func (s *ChannelsService) Update(ctx context.Context, serviceSID, channel string, params *UpdateChannelParams) (*Channel, error) {
	return opUpdateChannel.call(ctx, s.client, params, serviceSID, channel)
}

// opMigrateChannel describes Chat v3's UpdateChannel operation (see
// internal/spec).
var opMigrateChannel = sendOp[*MigrateChannelParams, Channel]{spec.Lookup("MigrateChannel")}

// Migrate changes the type and Messaging Service of the Channel channel,
// its SID or unique name, through Chat v3's one operation, and returns it
// as Twilio stored it; params may be nil. Twilio moves only private
// Channels to Conversations, so a public one is migrated with Type
// ChannelTypePrivate (https://www.twilio.com/docs/chat/rest/channel-migration-resource).
func (s *ChannelsService) Migrate(ctx context.Context, serviceSID, channel string, params *MigrateChannelParams) (*Channel, error) {
	return opMigrateChannel.call(ctx, s.client, params, serviceSID, channel)
}

// opDeleteChannel describes the DeleteChannel operation (see internal/spec).
var opDeleteChannel = deleteOp[*DeleteChannelParams]{spec.Lookup("DeleteChannel")}

// Delete deletes the Channel channel, its SID or unique name, of the Service
// serviceSID, and with it its Members and Messages; params may be nil.
func (s *ChannelsService) Delete(ctx context.Context, serviceSID, channel string, params *DeleteChannelParams) error {
	return opDeleteChannel.call(ctx, s.client, params, serviceSID, channel)
}

// ChannelPage is one page of a Service's Channels list.
type ChannelPage = Page[Channel]

// opListChannel describes the ListChannel operation (see internal/spec).
var opListChannel = listOp[*ListChannelsParams, Channel]{spec.Lookup("ListChannel")}

// ListPage returns the first page of the Channels of the Service serviceSID,
// of the types params.Type names (every type when it names none).
func (s *ChannelsService) ListPage(ctx context.Context, serviceSID string, params *ListChannelsParams) (*ChannelPage, error) {
	return opListChannel.page(ctx, s.client, params, serviceSID)
}

// NextPage returns the Channels page after page, or nil after the last page.
func (s *ChannelsService) NextPage(ctx context.Context, page *ChannelPage) (*ChannelPage, error) {
	return opListChannel.next(ctx, s.client, page)
}

// List returns an iterator over every Channel of the Service serviceSID of
// the types params.Type names.
//
//	params := &twiliochat.ListChannelsParams{Type: []twiliochat.ChannelType{twiliochat.ChannelTypePrivate}}
//	for channel, err := range client.Channels.List(ctx, serviceSID, params) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(channel.UniqueName, channel.MembersCount)
//	}
func (s *ChannelsService) List(ctx context.Context, serviceSID string, params *ListChannelsParams) iter.Seq2[*Channel, error] {
	return opListChannel.items(ctx, s.client, params, serviceSID)
}
