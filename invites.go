package twiliochat

import (
	"context"
	"iter"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// InvitesAPI is the set of operations on the Invites of a Chat Channel.
// *InvitesService implements it; downstream code can depend on InvitesAPI
// and substitute a fake in its own unit tests. Methods may be added to
// InvitesAPI in minor releases, as Twilio adds operations: a fake that
// embeds InvitesAPI keeps compiling.
type InvitesAPI interface {
	// Create invites the user params.Identity to the Channel channel and
	// returns the Invite as Twilio stored it.
	Create(ctx context.Context, serviceSID, channel string, params *CreateInviteParams) (*Invite, error)
	// Fetch returns the Invite inviteSID of the Channel channel.
	Fetch(ctx context.Context, serviceSID, channel, inviteSID string) (*Invite, error)
	// Delete deletes the Invite inviteSID of the Channel channel.
	Delete(ctx context.Context, serviceSID, channel, inviteSID string) error
	// ListPage returns the first page of the Channel's Invites.
	ListPage(ctx context.Context, serviceSID, channel string, params *ListInvitesParams) (*InvitePage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *InvitePage) (*InvitePage, error)
	// List returns an iterator over every Invite of the Channel, page by
	// page.
	List(ctx context.Context, serviceSID, channel string, params *ListInvitesParams) iter.Seq2[*Invite, error]
}

var _ InvitesAPI = (*InvitesService)(nil)

// InvitesService calls the Chat v2 Invites resource
// (/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Invites). Use it through
// Client.Invites; it is safe for concurrent use.
//
// An Invite asks a user, by identity, to join a private Channel; the user
// accepts it from a client SDK, which makes them a Member.
//
// Every method takes the Channel by its SID (CH…) or its unique name, and
// an Invite by its SID (IN…) alone.
type InvitesService struct {
	client *Client
}

// identity names the SID that identifies an Invite: a decoded one
// without it, such as one decoded from "{}", fails the call.
func (i *Invite) identity() identity {
	return identity{Kind: "Invite", Key: "sid", Prefix: spec.InviteSIDPrefix, SID: i.SID}
}

// check makes the check the spec cannot state: Identity is not empty.
func (p *CreateInviteParams) check() error { return engine.CheckNotEmpty(keyIdentity, p.Identity) }

// opCreateInvite describes the CreateInvite operation (see internal/spec).
var opCreateInvite = sendOp[*CreateInviteParams, Invite]{spec.Lookup("CreateInvite")}

// Create invites params.Identity, which is required, to the Channel channel
// (its SID or unique name) of the Service serviceSID and returns the Invite
// as Twilio stored it.
func (s *InvitesService) Create(ctx context.Context, serviceSID, channel string, params *CreateInviteParams) (*Invite, error) {
	return opCreateInvite.call(ctx, s.client, params, serviceSID, channel)
}

// opFetchInvite describes the FetchInvite operation (see internal/spec).
var opFetchInvite = fetchOp[Invite]{spec.Lookup("FetchInvite")}

// Fetch returns the Invite inviteSID of the Channel channel (its SID or
// unique name).
func (s *InvitesService) Fetch(ctx context.Context, serviceSID, channel, inviteSID string) (*Invite, error) {
	return opFetchInvite.call(ctx, s.client, serviceSID, channel, inviteSID)
}

// opDeleteInvite describes the DeleteInvite operation (see internal/spec).
var opDeleteInvite = deleteOp[*noParams]{spec.Lookup("DeleteInvite")}

// Delete withdraws the Invite inviteSID of the Channel channel.
func (s *InvitesService) Delete(ctx context.Context, serviceSID, channel, inviteSID string) error {
	return opDeleteInvite.call(ctx, s.client, nil, serviceSID, channel, inviteSID)
}

// InvitePage is one page of a Channel's Invites list.
type InvitePage = Page[Invite]

// opListInvite describes the ListInvite operation (see internal/spec).
var opListInvite = listOp[*ListInvitesParams, Invite]{spec.Lookup("ListInvite")}

// ListPage returns the first page of the Invites of the Channel channel (its
// SID or unique name), of params.Identity only when it is set.
func (s *InvitesService) ListPage(ctx context.Context, serviceSID, channel string, params *ListInvitesParams) (*InvitePage, error) {
	return opListInvite.page(ctx, s.client, params, serviceSID, channel)
}

// NextPage returns the Invites page after page, or nil after the last page.
func (s *InvitesService) NextPage(ctx context.Context, page *InvitePage) (*InvitePage, error) {
	return opListInvite.next(ctx, s.client, page)
}

// List returns an iterator over every Invite of the Channel channel, of
// params.Identity only when it is set.
//
//	params := &twiliochat.ListInvitesParams{Identity: []string{"alice@example.com"}}
//	for invite, err := range client.Invites.List(ctx, serviceSID, "support", params) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(invite.SID, invite.Identity)
//	}
func (s *InvitesService) List(ctx context.Context, serviceSID, channel string, params *ListInvitesParams) iter.Seq2[*Invite, error] {
	return opListInvite.items(ctx, s.client, params, serviceSID, channel)
}
