package twiliochat

import (
	"context"
	"iter"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// BindingsAPI is the set of operations on the push notification Bindings of
// a Chat Service. *BindingsService implements it; downstream code can depend
// on BindingsAPI and substitute a fake in its own unit tests. Methods may be
// added to BindingsAPI in minor releases, as Twilio adds operations: a fake
// that embeds BindingsAPI keeps compiling.
type BindingsAPI interface {
	// Fetch returns the Binding bindingSID of the Service serviceSID.
	Fetch(ctx context.Context, serviceSID, bindingSID string) (*Binding, error)
	// Delete deletes the Binding bindingSID of the Service serviceSID.
	Delete(ctx context.Context, serviceSID, bindingSID string) error
	// ListPage returns the first page of the Service's Bindings.
	ListPage(ctx context.Context, serviceSID string, params *ListBindingsParams) (*BindingPage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *BindingPage) (*BindingPage, error)
	// List returns an iterator over every Binding of the Service, page by
	// page.
	List(ctx context.Context, serviceSID string, params *ListBindingsParams) iter.Seq2[*Binding, error]
}

var _ BindingsAPI = (*BindingsService)(nil)

// BindingsService calls the Chat v2 Bindings resource
// (/v2/Services/{ServiceSid}/Bindings). Use it through Client.Bindings; it
// is safe for concurrent use.
//
// A Binding ties a User's device to a push channel (APN, GCM or FCM) so
// that the Service can send it push notifications. Bindings are created by
// the Chat client SDKs when a device registers, not through the REST API:
// here they can be read and deleted. Client.UserBindings reads the same
// Bindings under their User.
type BindingsService struct {
	client *Client
}

// PushType is a kind of push notification a Binding is subscribed to, one
// of Binding.MessageTypes. The spec gives no list of them; the constants
// are the types Twilio documents, and any other decodes as its own string.
type PushType string

// The push notification types Twilio documents, one per notification a
// Service can send (see UpdateServiceParams.Notifications).
const (
	// PushTypeNewMessage is sent for a new Message in a Channel.
	PushTypeNewMessage PushType = "new_message"
	// PushTypeAddedToChannel is sent when the User is added to a Channel.
	PushTypeAddedToChannel PushType = "added_to_channel"
	// PushTypeRemovedFromChannel is sent when the User is removed from a
	// Channel.
	PushTypeRemovedFromChannel PushType = "removed_from_channel"
	// PushTypeInvitedToChannel is sent when the User is invited to a
	// Channel.
	PushTypeInvitedToChannel PushType = "invited_to_channel"
)

// identity names the SID that identifies a Binding: a decoded one
// without it, such as one decoded from "{}", fails the call.
func (b *Binding) identity() identity {
	return identity{Kind: "Binding", Key: "sid", Prefix: bindingSIDPrefix, SID: b.SID}
}

// opFetchBinding describes the FetchBinding operation (see internal/spec).
var opFetchBinding = fetchOp[Binding]{spec.Lookup("FetchBinding")}

// Fetch returns the Binding bindingSID of the Service serviceSID.
func (s *BindingsService) Fetch(ctx context.Context, serviceSID, bindingSID string) (*Binding, error) {
	return opFetchBinding.call(ctx, s.client, serviceSID, bindingSID)
}

// opDeleteBinding describes the DeleteBinding operation (see internal/spec).
var opDeleteBinding = deleteOp[*noParams]{spec.Lookup("DeleteBinding")}

// Delete deletes the Binding bindingSID of the Service serviceSID: the device
// no longer gets push notifications until a client SDK registers it again.
func (s *BindingsService) Delete(ctx context.Context, serviceSID, bindingSID string) error {
	return opDeleteBinding.call(ctx, s.client, nil, serviceSID, bindingSID)
}

// BindingPage is one page of a Bindings list, of a Service
// (Client.Bindings) or of a User (Client.UserBindings).
type BindingPage = Page[Binding]

// opListBinding describes the ListBinding operation (see internal/spec).
var opListBinding = listOp[*ListBindingsParams, Binding]{spec.Lookup("ListBinding")}

// ListPage returns the first page of the Bindings of the Service serviceSID,
// filtered by params.
func (s *BindingsService) ListPage(ctx context.Context, serviceSID string, params *ListBindingsParams) (*BindingPage, error) {
	return opListBinding.page(ctx, s.client, params, serviceSID)
}

// NextPage returns the Bindings page after page, or nil after the last page.
func (s *BindingsService) NextPage(ctx context.Context, page *BindingPage) (*BindingPage, error) {
	return opListBinding.next(ctx, s.client, page)
}

// List returns an iterator over every Binding of the Service serviceSID that
// params selects.
//
//	params := &twiliochat.ListBindingsParams{BindingType: []twiliochat.BindingType{twiliochat.BindingTypeAPN}}
//	for b, err := range client.Bindings.List(ctx, serviceSID, params) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(b.SID, b.Identity, b.Endpoint)
//	}
func (s *BindingsService) List(ctx context.Context, serviceSID string, params *ListBindingsParams) iter.Seq2[*Binding, error] {
	return opListBinding.items(ctx, s.client, params, serviceSID)
}
