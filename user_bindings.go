package twiliochat

import (
	"context"
	"iter"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// UserBindingsAPI is the set of operations on the push notification Bindings
// of one User of a Chat Service. *UserBindingsService implements it;
// downstream code can depend on UserBindingsAPI and substitute a fake in its
// own unit tests. Methods may be added to UserBindingsAPI in minor releases,
// as Twilio adds operations: a fake that embeds UserBindingsAPI keeps
// compiling.
type UserBindingsAPI interface {
	// Fetch returns the Binding bindingSID of the User user.
	Fetch(ctx context.Context, serviceSID, user, bindingSID string) (*Binding, error)
	// Delete deletes the Binding bindingSID of the User user.
	Delete(ctx context.Context, serviceSID, user, bindingSID string) error
	// ListPage returns the first page of the User's Bindings.
	ListPage(ctx context.Context, serviceSID, user string, params *ListUserBindingsParams) (*BindingPage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *BindingPage) (*BindingPage, error)
	// List returns an iterator over every Binding of the User, page by
	// page.
	List(ctx context.Context, serviceSID, user string, params *ListUserBindingsParams) iter.Seq2[*Binding, error]
}

var _ UserBindingsAPI = (*UserBindingsService)(nil)

// UserBindingsService calls the Chat v2 User Bindings resource
// (/v2/Services/{ServiceSid}/Users/{UserSid}/Bindings): the Bindings of
// Client.Bindings, read under the User they belong to. Use it through
// Client.UserBindings; it is safe for concurrent use.
//
// Every method takes the User as user: its SID (US…) or its identity.
type UserBindingsService struct {
	client *Client
}

// opFetchUserBinding describes the FetchUserBinding operation (see
// internal/spec).
var opFetchUserBinding = fetchOp[Binding]{spec.Lookup("FetchUserBinding")}

// Fetch returns the Binding bindingSID of the User user (a User SID or
// identity) of the Service serviceSID. IsNotFound reports a User or a Binding
// that does not exist.
func (s *UserBindingsService) Fetch(ctx context.Context, serviceSID, user, bindingSID string) (*Binding, error) {
	return opFetchUserBinding.call(ctx, s.client, serviceSID, user, bindingSID)
}

// opDeleteUserBinding describes the DeleteUserBinding operation (see
// internal/spec).
var opDeleteUserBinding = deleteOp[*noParams]{spec.Lookup("DeleteUserBinding")}

// Delete deletes the Binding bindingSID of the User user (a User SID or
// identity) of the Service serviceSID.
func (s *UserBindingsService) Delete(ctx context.Context, serviceSID, user, bindingSID string) error {
	return opDeleteUserBinding.call(ctx, s.client, nil, serviceSID, user, bindingSID)
}

// opListUserBinding describes the ListUserBinding operation (see
// internal/spec).
var opListUserBinding = listOp[*ListUserBindingsParams, Binding]{spec.Lookup("ListUserBinding")}

// ListPage returns the first page of the Bindings of the User user (a User
// SID or identity) of the Service serviceSID, filtered by params.
func (s *UserBindingsService) ListPage(ctx context.Context, serviceSID, user string, params *ListUserBindingsParams) (*BindingPage, error) {
	return opListUserBinding.page(ctx, s.client, params, serviceSID, user)
}

// NextPage returns the User's Bindings page after page, or nil after the last
// page.
func (s *UserBindingsService) NextPage(ctx context.Context, page *BindingPage) (*BindingPage, error) {
	return opListUserBinding.next(ctx, s.client, page)
}

// List returns an iterator over every Binding of the User user (a User SID or
// identity) of the Service serviceSID that params selects.
//
//	for b, err := range client.UserBindings.List(ctx, serviceSID, "alice", nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(b.SID, b.BindingType, b.MessageTypes)
//	}
func (s *UserBindingsService) List(ctx context.Context, serviceSID, user string, params *ListUserBindingsParams) iter.Seq2[*Binding, error] {
	return opListUserBinding.items(ctx, s.client, params, serviceSID, user)
}
