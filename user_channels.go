package twiliochat

import (
	"context"
	"iter"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// UserChannelsAPI is the set of operations on the Channels of one User of a
// Chat Service. *UserChannelsService implements it; downstream code can
// depend on UserChannelsAPI and substitute a fake in its own unit tests.
// Methods may be added to UserChannelsAPI in minor releases, as Twilio adds
// operations: a fake that embeds UserChannelsAPI keeps compiling.
type UserChannelsAPI interface {
	// Fetch returns the User's view of the Channel channel.
	Fetch(ctx context.Context, serviceSID, user, channel string) (*UserChannel, error)
	// Update changes the User's notification level or consumption horizon
	// in the Channel and returns the User Channel as Twilio stored it.
	Update(ctx context.Context, serviceSID, user, channel string, params *UpdateUserChannelParams) (*UserChannel, error)
	// Delete removes the User from the Channel.
	Delete(ctx context.Context, serviceSID, user, channel string, params *DeleteUserChannelParams) error
	// ListPage returns the first page of the User's Channels.
	ListPage(ctx context.Context, serviceSID, user string, params *ListUserChannelsParams) (*UserChannelPage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *UserChannelPage) (*UserChannelPage, error)
	// List returns an iterator over every Channel of the User, page by
	// page.
	List(ctx context.Context, serviceSID, user string, params *ListUserChannelsParams) iter.Seq2[*UserChannel, error]
}

var _ UserChannelsAPI = (*UserChannelsService)(nil)

// UserChannelsService calls the Chat v2 User Channels resource
// (/v2/Services/{ServiceSid}/Users/{UserSid}/Channels): the Channels a User
// has joined or is invited to, each with the User's unread count and
// notification level. Use it through Client.UserChannels; it is safe for
// concurrent use.
//
// Every method takes the User as user, its SID (US…) or its identity, and
// the Channel as channel, its SID (CH…) or its unique name.
type UserChannelsService struct {
	client *Client
}

// identity names the SID that identifies a User Channel: a decoded one
// without it, such as one decoded from "{}", fails the call.
func (u *UserChannel) identity() identity {
	return identity{Kind: "User Channel", Key: "channel_sid", Prefix: channelSIDPrefix, SID: u.ChannelSID}
}

// opFetchUserChannel describes the FetchUserChannel operation (see
// internal/spec).
var opFetchUserChannel = fetchOp[UserChannel]{spec.Lookup("FetchUserChannel")}

// Fetch returns the Channel channel (a Channel SID or unique name) as the
// User user (a User SID or identity) of the Service serviceSID sees it.
// IsNotFound reports a User or a Channel that does not exist, or a User that
// is not in the Channel.
func (s *UserChannelsService) Fetch(ctx context.Context, serviceSID, user, channel string) (*UserChannel, error) {
	return opFetchUserChannel.call(ctx, s.client, serviceSID, user, channel)
}

// check makes the check the spec cannot state: the date is one RFC 3339
// carries.
func (p *UpdateUserChannelParams) check() error {
	return engine.CheckDate(keyLastConsumptionTimestamp, p.LastConsumptionTimestamp)
}

// opUpdateUserChannel describes the UpdateUserChannel operation (see
// internal/spec).
var opUpdateUserChannel = sendOp[*UpdateUserChannelParams, UserChannel]{spec.Lookup("UpdateUserChannel")}

// Update changes the User's notification level or consumption horizon in the
// Channel channel (a Channel SID or unique name) and returns the User Channel
// as Twilio stored it: setting LastConsumedMessageIndex moves the horizon of
// the User's Member, and with it UnreadMessagesCount.
func (s *UserChannelsService) Update(ctx context.Context, serviceSID, user, channel string, params *UpdateUserChannelParams) (*UserChannel, error) {
	return opUpdateUserChannel.call(ctx, s.client, params, serviceSID, user, channel)
}

// opDeleteUserChannel describes the DeleteUserChannel operation (see
// internal/spec).
var opDeleteUserChannel = deleteOp[*DeleteUserChannelParams]{spec.Lookup("DeleteUserChannel")}

// Delete removes the User user (a User SID or identity) from the Channel
// channel (a Channel SID or unique name): its Member is deleted. IsNotFound
// reports a User that is not in the Channel.
func (s *UserChannelsService) Delete(ctx context.Context, serviceSID, user, channel string, params *DeleteUserChannelParams) error {
	return opDeleteUserChannel.call(ctx, s.client, params, serviceSID, user, channel)
}

// UserChannelPage is one page of a User's Channels list.
type UserChannelPage = Page[UserChannel]

// opListUserChannel describes the ListUserChannel operation (see
// internal/spec).
var opListUserChannel = listOp[*ListUserChannelsParams, UserChannel]{spec.Lookup("ListUserChannel")}

// ListPage returns the first page of the Channels of the User user (a User
// SID or identity) of the Service serviceSID.
func (s *UserChannelsService) ListPage(ctx context.Context, serviceSID, user string, params *ListUserChannelsParams) (*UserChannelPage, error) {
	return opListUserChannel.page(ctx, s.client, params, serviceSID, user)
}

// NextPage returns the User's Channels page after page, or nil after the last
// page.
func (s *UserChannelsService) NextPage(ctx context.Context, page *UserChannelPage) (*UserChannelPage, error) {
	return opListUserChannel.next(ctx, s.client, page)
}

// List returns an iterator over every Channel of the User user (a User SID or
// identity) of the Service serviceSID.
//
//	for uc, err := range client.UserChannels.List(ctx, serviceSID, "alice", nil) {
//		if err != nil {
//			return err
//		}
//		if uc.UnreadMessagesCount != nil {
//			fmt.Println(uc.ChannelSID, uc.Status, *uc.UnreadMessagesCount)
//		}
//	}
func (s *UserChannelsService) List(ctx context.Context, serviceSID, user string, params *ListUserChannelsParams) iter.Seq2[*UserChannel, error] {
	return opListUserChannel.items(ctx, s.client, params, serviceSID, user)
}
