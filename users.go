package twiliochat

import (
	"context"
	"iter"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// UsersAPI is the set of operations on the Users of a Chat Service.
// *UsersService implements it; downstream code can depend on UsersAPI and
// substitute a fake in its own unit tests. Methods may be added to UsersAPI
// in minor releases, as Twilio adds operations: a fake that embeds UsersAPI
// keeps compiling.
type UsersAPI interface {
	// Create creates a User in the Service serviceSID and returns it as
	// Twilio stored it.
	Create(ctx context.Context, serviceSID string, params *CreateUserParams) (*User, error)
	// Fetch returns the User user (its SID or identity) of the Service.
	Fetch(ctx context.Context, serviceSID, user string) (*User, error)
	// Update changes the User user and returns it as Twilio stored it.
	Update(ctx context.Context, serviceSID, user string, params *UpdateUserParams) (*User, error)
	// Delete deletes the User user of the Service serviceSID.
	Delete(ctx context.Context, serviceSID, user string) error
	// ListPage returns the first page of the Service's Users.
	ListPage(ctx context.Context, serviceSID string, params *ListUsersParams) (*UserPage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *UserPage) (*UserPage, error)
	// List returns an iterator over every User of the Service, page by page.
	List(ctx context.Context, serviceSID string, params *ListUsersParams) iter.Seq2[*User, error]
}

var _ UsersAPI = (*UsersService)(nil)

// UsersService calls the Chat v2 Users resource
// (/v2/Services/{ServiceSid}/Users). Use it through Client.Users; it is safe
// for concurrent use.
//
// A User is a person (or bot) of a Service, known by its identity: the
// identity of the access tokens its clients use. Every method that takes a
// user accepts its SID (US…) or its identity ("alice@example.com").
type UsersService struct {
	client *Client
}

// identity names the SID that identifies a User: a decoded one
// without it, such as one decoded from "{}", fails the call.
func (u *User) identity() identity {
	return identity{Kind: "User", Key: "sid", Prefix: userSIDPrefix, SID: u.SID}
}

// check makes the checks the spec cannot state: Identity is not empty,
// Attributes is JSON.
func (p *CreateUserParams) check() error {
	return engine.JoinErrors(engine.CheckNotEmpty(keyIdentity, p.Identity), engine.CheckJSON(keyAttributes, p.Attributes))
}

// opCreateUser describes the CreateUser operation (see internal/spec).
var opCreateUser = sendOp[*CreateUserParams, User]{spec.Lookup("CreateUser")}

// Create creates a User of params.Identity, which is required, in the Service
// serviceSID and returns it as Twilio stored it. IsAlreadyExists reports an
// identity that is taken.
func (s *UsersService) Create(ctx context.Context, serviceSID string, params *CreateUserParams) (*User, error) {
	return opCreateUser.call(ctx, s.client, params, serviceSID)
}

// opFetchUser describes the FetchUser operation (see internal/spec).
var opFetchUser = fetchOp[User]{spec.Lookup("FetchUser")}

// Fetch returns the User user, its SID or identity, of the Service
// serviceSID.
func (s *UsersService) Fetch(ctx context.Context, serviceSID, user string) (*User, error) {
	return opFetchUser.call(ctx, s.client, serviceSID, user)
}

// check makes the check the spec cannot state: Attributes is JSON.
func (p *UpdateUserParams) check() error { return engine.CheckJSON(keyAttributes, p.Attributes) }

// opUpdateUser describes the UpdateUser operation (see internal/spec).
var opUpdateUser = sendOp[*UpdateUserParams, User]{spec.Lookup("UpdateUser")}

// Update changes the User user, its SID or identity, and returns it as Twilio
// stored it; params may be nil.
func (s *UsersService) Update(ctx context.Context, serviceSID, user string, params *UpdateUserParams) (*User, error) {
	return opUpdateUser.call(ctx, s.client, params, serviceSID, user)
}

// opDeleteUser describes the DeleteUser operation (see internal/spec).
var opDeleteUser = deleteOp[*noParams]{spec.Lookup("DeleteUser")}

// Delete deletes the User user, its SID or identity, of the Service
// serviceSID, and with it its Members: the User leaves every Channel.
func (s *UsersService) Delete(ctx context.Context, serviceSID, user string) error {
	return opDeleteUser.call(ctx, s.client, nil, serviceSID, user)
}

// UserPage is one page of a Service's Users list.
type UserPage = Page[User]

// opListUser describes the ListUser operation (see internal/spec).
var opListUser = listOp[*ListUsersParams, User]{spec.Lookup("ListUser")}

// ListPage returns the first page of the Users of the Service serviceSID.
func (s *UsersService) ListPage(ctx context.Context, serviceSID string, params *ListUsersParams) (*UserPage, error) {
	return opListUser.page(ctx, s.client, params, serviceSID)
}

// NextPage returns the Users page after page, or nil after the last page.
func (s *UsersService) NextPage(ctx context.Context, page *UserPage) (*UserPage, error) {
	return opListUser.next(ctx, s.client, page)
}

// List returns an iterator over every User of the Service serviceSID.
//
//	for user, err := range client.Users.List(ctx, serviceSID, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(user.Identity, user.JoinedChannelsCount)
//	}
func (s *UsersService) List(ctx context.Context, serviceSID string, params *ListUsersParams) iter.Seq2[*User, error] {
	return opListUser.items(ctx, s.client, params, serviceSID)
}
