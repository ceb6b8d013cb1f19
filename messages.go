package twiliochat

import (
	"context"
	"iter"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// MessagesAPI is the set of operations on the Messages of a Chat Channel.
// *MessagesService implements it; downstream code can depend on MessagesAPI
// and substitute a fake in its own unit tests. Methods may be added to
// MessagesAPI in minor releases, as Twilio adds operations: a fake that
// embeds MessagesAPI keeps compiling.
type MessagesAPI interface {
	// Create posts a Message to the Channel channel and returns it as
	// Twilio stored it.
	Create(ctx context.Context, serviceSID, channel string, params *CreateMessageParams) (*Message, error)
	// Fetch returns the Message messageSID of the Channel channel.
	Fetch(ctx context.Context, serviceSID, channel, messageSID string) (*Message, error)
	// Update changes the Message messageSID and returns it as Twilio stored
	// it.
	Update(ctx context.Context, serviceSID, channel, messageSID string, params *UpdateMessageParams) (*Message, error)
	// Delete deletes the Message messageSID of the Channel channel.
	Delete(ctx context.Context, serviceSID, channel, messageSID string, params *DeleteMessageParams) error
	// ListPage returns the first page of the Channel's Messages.
	ListPage(ctx context.Context, serviceSID, channel string, params *ListMessagesParams) (*MessagePage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *MessagePage) (*MessagePage, error)
	// List returns an iterator over every Message of the Channel, page by
	// page.
	List(ctx context.Context, serviceSID, channel string, params *ListMessagesParams) iter.Seq2[*Message, error]
}

var _ MessagesAPI = (*MessagesService)(nil)

// MessagesService calls the Chat v2 Messages resource
// (/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages). Use it through
// Client.Messages; it is safe for concurrent use.
//
// Every method takes the Channel by its SID (CH…) or its unique name, and
// a Message by its SID (IM…) alone.
type MessagesService struct {
	client *Client
}

// MessageType is the type of a Message as Twilio reports it:
// MessageTypeText or MessageTypeMedia. A type Twilio adds later decodes as
// its own string, without an error.
type MessageType string

// The Message types Twilio documents.
const (
	// MessageTypeText is a Message with a text Body.
	MessageTypeText MessageType = "text"
	// MessageTypeMedia is a Message with Media attached.
	MessageTypeMedia MessageType = "media"
)

// MessageMedia describes the Media attached to a Message.
type MessageMedia struct {
	// SID is the Media's unique ID (ME followed by 32 hex digits).
	SID string `json:"sid"`
	// Size is the size of the Media in bytes.
	Size int64 `json:"size"`
	// ContentType is the MIME type of the Media, such as
	// "application/pdf".
	ContentType string `json:"content_type"`
	// Filename is the name of the Media's file.
	Filename string `json:"filename"`
}

// identity names the SID that identifies a Message: a decoded one
// without it, such as one decoded from "{}", fails the call.
func (m *Message) identity() identity {
	return identity{Kind: "Message", Key: "sid", Prefix: spec.MessageSIDPrefix, SID: m.SID}
}

// check makes the checks the spec cannot state: Attributes is JSON, the
// dates are ones RFC 3339 carries.
func (p *CreateMessageParams) check() error {
	return engine.JoinErrors(engine.CheckJSON(keyAttributes, p.Attributes), checkHistoryDates(p.DateCreated, p.DateUpdated))
}

// opCreateMessage describes the CreateMessage operation (see
// internal/spec).
var opCreateMessage = sendOp[*CreateMessageParams, Message]{spec.Lookup("CreateMessage")}

// Create posts a Message to the Channel channel (its SID or unique name) of
// the Service serviceSID and returns it with its Index; a nil params posts
// one from "system" with Twilio's defaults.
func (s *MessagesService) Create(ctx context.Context, serviceSID, channel string, params *CreateMessageParams) (*Message, error) {
	return opCreateMessage.call(ctx, s.client, params, serviceSID, channel)
}

// opFetchMessage describes the FetchMessage operation (see internal/spec).
var opFetchMessage = fetchOp[Message]{spec.Lookup("FetchMessage")}

// Fetch returns the Message messageSID of the Channel channel (its SID or
// unique name).
func (s *MessagesService) Fetch(ctx context.Context, serviceSID, channel, messageSID string) (*Message, error) {
	return opFetchMessage.call(ctx, s.client, serviceSID, channel, messageSID)
}

// check makes the checks the spec cannot state: Attributes is JSON, the
// dates are ones RFC 3339 carries.
func (p *UpdateMessageParams) check() error {
	return engine.JoinErrors(engine.CheckJSON(keyAttributes, p.Attributes), checkHistoryDates(p.DateCreated, p.DateUpdated))
}

// opUpdateMessage describes the UpdateMessage operation (see
// internal/spec).
var opUpdateMessage = sendOp[*UpdateMessageParams, Message]{spec.Lookup("UpdateMessage")}

// Update edits the Message messageSID and returns it as Twilio stored it
// (WasEdited set); a nil params changes nothing.
func (s *MessagesService) Update(ctx context.Context, serviceSID, channel, messageSID string, params *UpdateMessageParams) (*Message, error) {
	return opUpdateMessage.call(ctx, s.client, params, serviceSID, channel, messageSID)
}

// opDeleteMessage describes the DeleteMessage operation (see
// internal/spec).
var opDeleteMessage = deleteOp[*DeleteMessageParams]{spec.Lookup("DeleteMessage")}

// Delete removes the Message messageSID from the Channel channel; params,
// which only carries WebhookEnabled, may be nil.
func (s *MessagesService) Delete(ctx context.Context, serviceSID, channel, messageSID string, params *DeleteMessageParams) error {
	return opDeleteMessage.call(ctx, s.client, params, serviceSID, channel, messageSID)
}

// MessagePage is one page of a Channel's Messages list.
type MessagePage = Page[Message]

// opListMessage describes the ListMessage operation (see internal/spec).
var opListMessage = listOp[*ListMessagesParams, Message]{spec.Lookup("ListMessage")}

// ListPage returns the first page of the Messages of the Channel channel (its
// SID or unique name), in params.Order (oldest first by default).
func (s *MessagesService) ListPage(ctx context.Context, serviceSID, channel string, params *ListMessagesParams) (*MessagePage, error) {
	return opListMessage.page(ctx, s.client, params, serviceSID, channel)
}

// NextPage returns the Messages page after page, in the order of the first
// page, or nil after the last page.
func (s *MessagesService) NextPage(ctx context.Context, page *MessagePage) (*MessagePage, error) {
	return opListMessage.next(ctx, s.client, page)
}

// List returns an iterator over every Message of the Channel channel in
// params.Order.
//
//	newest := &twiliochat.ListMessagesParams{Order: twiliochat.Ptr(twiliochat.MessageOrderDesc), Limit: 20}
//	for msg, err := range client.Messages.List(ctx, serviceSID, "support", newest) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(msg.Index, msg.From, msg.Body)
//	}
func (s *MessagesService) List(ctx context.Context, serviceSID, channel string, params *ListMessagesParams) iter.Seq2[*Message, error] {
	return opListMessage.items(ctx, s.client, params, serviceSID, channel)
}
