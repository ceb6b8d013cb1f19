package twiliochat

import (
	"context"
	"iter"
	"time"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// MembersAPI is the set of operations on the Members of a Chat Channel.
// *MembersService implements it; downstream code can depend on MembersAPI
// and substitute a fake in its own unit tests. Methods may be added to
// MembersAPI in minor releases, as Twilio adds operations: a fake that
// embeds MembersAPI keeps compiling.
type MembersAPI interface {
	// Create adds a Member to the Channel channel and returns it as Twilio
	// stored it.
	Create(ctx context.Context, serviceSID, channel string, params *CreateMemberParams) (*Member, error)
	// Fetch returns the Member member (its SID or identity) of the Channel.
	Fetch(ctx context.Context, serviceSID, channel, member string) (*Member, error)
	// Update changes the Member member and returns it as Twilio stored it.
	Update(ctx context.Context, serviceSID, channel, member string, params *UpdateMemberParams) (*Member, error)
	// Delete removes the Member member from the Channel.
	Delete(ctx context.Context, serviceSID, channel, member string, params *DeleteMemberParams) error
	// ListPage returns the first page of the Channel's Members.
	ListPage(ctx context.Context, serviceSID, channel string, params *ListMembersParams) (*MemberPage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *MemberPage) (*MemberPage, error)
	// List returns an iterator over every Member of the Channel, page by
	// page.
	List(ctx context.Context, serviceSID, channel string, params *ListMembersParams) iter.Seq2[*Member, error]
}

var _ MembersAPI = (*MembersService)(nil)

// MembersService calls the Chat v2 Members resource
// (/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members). Use it through
// Client.Members; it is safe for concurrent use.
//
// A Member is a User's membership of a Channel. Every method takes the
// channel by its SID or unique name, and a member by its SID (MB…) or its
// User's identity.
type MembersService struct {
	client *Client
}

// identity names the SID that identifies a Member: a decoded one
// without it, such as one decoded from "{}", fails the call.
func (m *Member) identity() identity {
	return identity{Kind: "Member", Key: "sid", Prefix: memberSIDPrefix, SID: m.SID}
}

// check makes the checks the spec cannot state: Identity is not empty,
// and those Update makes too.
func (p *CreateMemberParams) check() error {
	return engine.JoinErrors(engine.CheckNotEmpty(keyIdentity, p.Identity),
		checkMemberKeys(p.LastConsumptionTimestamp, p.DateCreated, p.DateUpdated, p.Attributes))
}

// checkMemberKeys checks the keys that Create and Update Member share.
func checkMemberKeys(lastConsumption, created, updated *time.Time, attributes *string) error {
	return engine.JoinErrors(engine.CheckDate(keyLastConsumptionTimestamp, lastConsumption),
		checkHistoryDates(created, updated), engine.CheckJSON(keyAttributes, attributes))
}

// opCreateMember describes the CreateMember operation (see internal/spec).
var opCreateMember = sendOp[*CreateMemberParams, Member]{spec.Lookup("CreateMember")}

// Create adds the User params.Identity, which is required, to the Channel
// channel (its SID or unique name) as a Member and returns the Member as
// Twilio stored it. IsAlreadyExists reports a User that is a Member already.
func (s *MembersService) Create(ctx context.Context, serviceSID, channel string, params *CreateMemberParams) (*Member, error) {
	return opCreateMember.call(ctx, s.client, params, serviceSID, channel)
}

// opFetchMember describes the FetchMember operation (see internal/spec).
var opFetchMember = fetchOp[Member]{spec.Lookup("FetchMember")}

// Fetch returns the Member member, its SID or identity, of the Channel
// channel, its SID or unique name. IsNotFound reports a Member or a Channel
// that does not exist.
func (s *MembersService) Fetch(ctx context.Context, serviceSID, channel, member string) (*Member, error) {
	return opFetchMember.call(ctx, s.client, serviceSID, channel, member)
}

// check makes the checks the spec cannot state: the dates are ones RFC
// 3339 carries, Attributes is JSON.
func (p *UpdateMemberParams) check() error {
	return checkMemberKeys(p.LastConsumptionTimestamp, p.DateCreated, p.DateUpdated, p.Attributes)
}

// opUpdateMember describes the UpdateMember operation (see internal/spec).
var opUpdateMember = sendOp[*UpdateMemberParams, Member]{spec.Lookup("UpdateMember")}

// Update changes the Member member, its SID or identity, of the Channel
// channel and returns it as Twilio stored it; params may be nil.
func (s *MembersService) Update(ctx context.Context, serviceSID, channel, member string, params *UpdateMemberParams) (*Member, error) {
	return opUpdateMember.call(ctx, s.client, params, serviceSID, channel, member)
}

// opDeleteMember describes the DeleteMember operation (see internal/spec).
var opDeleteMember = deleteOp[*DeleteMemberParams]{spec.Lookup("DeleteMember")}

// Delete removes the Member member, its SID or identity, from the Channel
// channel; params may be nil. The User stays in the Service.
func (s *MembersService) Delete(ctx context.Context, serviceSID, channel, member string, params *DeleteMemberParams) error {
	return opDeleteMember.call(ctx, s.client, params, serviceSID, channel, member)
}

// MemberPage is one page of a Channel's Members list.
type MemberPage = Page[Member]

// opListMember describes the ListMember operation (see internal/spec).
var opListMember = listOp[*ListMembersParams, Member]{spec.Lookup("ListMember")}

// ListPage returns the first page of the Members of the Channel channel, its
// SID or unique name, of the identities params.Identity names (every Member
// when it names none).
func (s *MembersService) ListPage(ctx context.Context, serviceSID, channel string, params *ListMembersParams) (*MemberPage, error) {
	return opListMember.page(ctx, s.client, params, serviceSID, channel)
}

// NextPage returns the Members page after page, or nil after the last page.
func (s *MembersService) NextPage(ctx context.Context, page *MemberPage) (*MemberPage, error) {
	return opListMember.next(ctx, s.client, page)
}

// List returns an iterator over every Member of the Channel channel of the
// identities params.Identity names.
//
//	for member, err := range client.Members.List(ctx, serviceSID, "support", nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(member.Identity, member.RoleSID)
//	}
func (s *MembersService) List(ctx context.Context, serviceSID, channel string, params *ListMembersParams) iter.Seq2[*Member, error] {
	return opListMember.items(ctx, s.client, params, serviceSID, channel)
}
