package benchmarks

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
	chatv2 "github.com/twilio/twilio-go/rest/chat/v2"
	convv1 "github.com/twilio/twilio-go/rest/conversations/v1"

	"github.com/e3f0929f/twiliochat/benchmarks/internal/benchserver"
)

// The message every sender sends, to the Channel of ../testdata/message_create.json,
// the server's answer.
const (
	sendChannelSID    = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	messageFrom       = "alice"
	messageBody       = "See you at the standup, bring the release notes & the demo"
	messageAttributes = `{"importance":"high"}`
)

// listPageSize is the page size every lister asks for: Twilio's largest.
const listPageSize = benchserver.MaxPageSize

// listedItems is the length of the list BenchmarkList walks: 100 pages.
const listedItems = 10_000

// message is what a client decodes from a Message and the benchmarks keep:
// the fields that tell one Message from another, as plain values.
type message struct {
	SID, From, Body, Attributes string
	Index                       int
	DateCreated                 time.Time
}

// sender is one way of sending the message: Create Message with From, Body,
// Attributes and X-Twilio-Webhook-Enabled: true.
type sender struct {
	name string
	send func(ctx context.Context) (message, error)
}

// newSenders returns the three senders, each as a user would set it up,
// sending to baseURL.
func newSenders(tb testing.TB, baseURL string) []sender {
	tb.Helper()
	return []sender{newTwilioChatSender(tb, baseURL), newTwilioGoSender(tb, baseURL), newFloorSender(tb, baseURL)}
}

// newTwilioChatSender sends with Messages.Create.
func newTwilioChatSender(tb testing.TB, baseURL string) sender {
	c := newTwilioChatClient(tb, baseURL, nil)
	params := &twiliochat.CreateMessageParams{
		From:           twiliochat.Ptr(messageFrom),
		Body:           twiliochat.Ptr(messageBody),
		Attributes:     twiliochat.Ptr(messageAttributes),
		WebhookEnabled: twiliochat.Ptr(true),
	}
	return sender{name: "twiliochat", send: func(ctx context.Context) (message, error) {
		m, err := c.Messages.Create(ctx, serviceSID, sendChannelSID, params)
		if err != nil {
			return message{}, err
		}
		return ourMessage(m), nil
	}}
}

// ourMessage is a twiliochat Message as a message.
func ourMessage(m *twiliochat.Message) message {
	return message{SID: m.SID, From: m.From, Body: m.Body, Attributes: string(m.Attributes), Index: m.Index, DateCreated: m.DateCreated}
}

// newTwilioGoSender sends with twilio-go's CreateMessage.
func newTwilioGoSender(tb testing.TB, baseURL string) sender {
	c := newTwilioGoClient(tb, baseURL, nil)
	params := (&chatv2.CreateMessageParams{}).
		SetFrom(messageFrom).
		SetBody(messageBody).
		SetAttributes(messageAttributes).
		SetXTwilioWebhookEnabled("true")
	return sender{name: "twiliogo", send: func(context.Context) (message, error) {
		m, err := c.ChatV2.CreateMessage(serviceSID, sendChannelSID, params)
		if err != nil {
			return message{}, err
		}
		return theirMessage(m), nil
	}}
}

// theirMessage is a twilio-go Message as a message.
func theirMessage(m *chatv2.ChatV2Message) message {
	deref := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	out := message{SID: deref(m.Sid), From: deref(m.From), Body: deref(m.Body), Attributes: deref(m.Attributes), Index: m.Index}
	if m.DateCreated != nil {
		out.DateCreated = *m.DateCreated
	}
	return out
}

// floorMessage is what the floor decodes a Message into: its fields, in
// plain Go types, as someone would write by hand (the shape of
// twiliochat.Message).
type floorMessage struct {
	SID           string    `json:"sid"`
	AccountSID    string    `json:"account_sid"`
	Attributes    string    `json:"attributes"`
	ServiceSID    string    `json:"service_sid"`
	To            string    `json:"to"`
	ChannelSID    string    `json:"channel_sid"`
	DateCreated   time.Time `json:"date_created"`
	DateUpdated   time.Time `json:"date_updated"`
	LastUpdatedBy string    `json:"last_updated_by"`
	WasEdited     bool      `json:"was_edited"`
	From          string    `json:"from"`
	Body          string    `json:"body"`
	Index         int       `json:"index"`
	Type          string    `json:"type"`
	Media         struct {
		SID         string `json:"sid"`
		Size        int64  `json:"size"`
		ContentType string `json:"content_type"`
		Filename    string `json:"filename"`
	} `json:"media"`
	URL string `json:"url"`
}

// message returns m as a message.
func (m *floorMessage) message() message {
	return message{SID: m.SID, From: m.From, Body: m.Body, Attributes: m.Attributes, Index: m.Index, DateCreated: m.DateCreated}
}

// newFloorSender sends a body encoded once with the floor's caller, and
// decodes into floorMessage.
func newFloorSender(tb testing.TB, baseURL string) sender {
	f := newFloorCaller(tb, baseURL, nil)
	target := baseURL + "/v2/Services/" + serviceSID + "/Channels/" + sendChannelSID + "/Messages"
	body := url.Values{"From": {messageFrom}, "Body": {messageBody}, "Attributes": {messageAttributes}}.Encode()
	extra := http.Header{"X-Twilio-Webhook-Enabled": {"true"}}
	return sender{name: "floor", send: func(ctx context.Context) (message, error) {
		var m floorMessage
		if err := f.do(ctx, http.MethodPost, target, body, extra, &m); err != nil {
			return message{}, err
		}
		return m.message(), nil
	}}
}

// lister is one way of walking a Channel's Messages, listPageSize to a
// page, calling each with every Message in order.
type lister struct {
	name string
	walk func(ctx context.Context, channelSID string, each func(message)) error
}

// newListers returns the listers, each as a user would write it, listing
// from baseURL: twiliochat's List, twilio-go's ListMessage (which returns
// the whole list) and StreamMessage (a channel fed page by page), and the
// floor.
func newListers(tb testing.TB, baseURL string) []lister {
	tb.Helper()
	return []lister{newTwilioChatLister(tb, baseURL), newTwilioGoLister(tb, baseURL), newTwilioGoStreamer(tb, baseURL), newFloorLister(tb, baseURL)}
}

// newTwilioChatLister ranges over Messages.List.
func newTwilioChatLister(tb testing.TB, baseURL string) lister {
	c := newTwilioChatClient(tb, baseURL, nil)
	params := &twiliochat.ListMessagesParams{PageSize: twiliochat.Ptr(listPageSize)}
	return lister{name: "twiliochat", walk: func(ctx context.Context, channelSID string, each func(message)) error {
		for m, err := range c.Messages.List(ctx, serviceSID, channelSID, params) {
			if err != nil {
				return err
			}
			each(ourMessage(m))
		}
		return nil
	}}
}

// newTwilioGoLister calls twilio-go's ListMessage, then ranges over the
// slice it returns.
func newTwilioGoLister(tb testing.TB, baseURL string) lister {
	c := newTwilioGoClient(tb, baseURL, nil)
	return lister{name: "twiliogo", walk: func(_ context.Context, channelSID string, each func(message)) error {
		msgs, err := c.ChatV2.ListMessage(serviceSID, channelSID, (&chatv2.ListMessageParams{}).SetPageSize(listPageSize))
		if err != nil {
			return err
		}
		for i := range msgs {
			each(theirMessage(&msgs[i]))
		}
		return nil
	}}
}

// newTwilioGoStreamer ranges over the channel of twilio-go's StreamMessage.
func newTwilioGoStreamer(tb testing.TB, baseURL string) lister {
	c := newTwilioGoClient(tb, baseURL, nil)
	return lister{name: "twiliogo-stream", walk: func(_ context.Context, channelSID string, each func(message)) error {
		msgs, errs := c.ChatV2.StreamMessage(serviceSID, channelSID, (&chatv2.ListMessageParams{}).SetPageSize(listPageSize))
		for m := range msgs {
			each(theirMessage(&m))
		}
		return <-errs
	}}
}

// floorPage is one page of Messages as the floor decodes it.
type floorPage struct {
	Messages []floorMessage `json:"messages"`
	Meta     struct {
		NextPageURL string `json:"next_page_url"`
	} `json:"meta"`
}

// newFloorLister GETs page after page with the floor's caller, decoding
// each into a floorPage with a json.Decoder, and follows next_page_url's
// path and query on baseURL.
func newFloorLister(tb testing.TB, baseURL string) lister {
	f := newFloorCaller(tb, baseURL, nil)
	return lister{name: "floor", walk: func(ctx context.Context, channelSID string, each func(message)) error {
		return walkFloor(ctx, f, baseURL, "/v2/Services/"+serviceSID+"/Channels/"+channelSID+"/Messages", func(page *floorPage) {
			for i := range page.Messages {
				each(page.Messages[i].message())
			}
		})
	}}
}

// next returns the page's next_page_url.
func (p *floorPage) next() string { return p.Meta.NextPageURL }

// next returns the page's next_page_url.
func (p *floorConversationPage) next() string { return p.Meta.NextPageURL }

// walkFloor GETs the list at path on baseURL page after page with f,
// listPageSize to a page, decoding each into a new page P handed to each,
// and follows next_page_url's path and query on baseURL.
func walkFloor[T any, P interface {
	*T
	next() string
}](ctx context.Context, f *floorCaller, baseURL, path string, each func(P)) error {
	target := baseURL + path + "?PageSize=" + fmt.Sprint(listPageSize)
	for target != "" {
		page := P(new(T))
		if err := f.do(ctx, http.MethodGet, target, "", nil, page); err != nil {
			return err
		}
		each(page)
		target = ""
		if next := page.next(); next != "" {
			rest := next[strings.Index(next, "://")+3:]
			target = baseURL + rest[strings.IndexByte(rest, '/'):]
		}
	}
	return nil
}

// wantListed returns the Messages of a list of n, as the server makes them.
func wantListed(n int) []message {
	out := make([]message, n)
	for i := range out {
		out[i] = message{
			SID: benchserver.ListedMessageSID(i), From: benchserver.ListedFrom(i), Body: benchserver.ListedBody(i),
			Attributes: benchserver.ListedAttributes, Index: i, DateCreated: benchserver.ListedDateCreated(i),
		}
	}
	return out
}

// BenchmarkSend measures one Create Message call with From, Body,
// Attributes and X-Twilio-Webhook-Enabled, request to decoded answer.
func BenchmarkSend(b *testing.B) {
	benchmarkSend(b, newSenders(b, serverURL(b)))
}

// benchmarkSend times each of senders.
func benchmarkSend(b *testing.B, senders []sender) {
	for _, s := range senders {
		b.Run(s.name, func(b *testing.B) {
			ctx := context.Background()
			if m, err := s.send(ctx); err != nil || m.SID == "" {
				b.Fatalf("%s: %+v, %v", s.name, m, err)
			}
			clock := startCPU(b)
			for range b.N {
				if _, err := s.send(ctx); err != nil {
					b.Fatal(err)
				}
			}
			clock.stop()
		})
	}
}

// BenchmarkList measures walking a Channel of 10,000 Messages, 100 pages
// of 100, every Message decoded and handed to the loop; one op is the whole
// walk, and ns/item is ns/op over 10,000.
func BenchmarkList(b *testing.B) {
	benchmarkList(b, newListers(b, serverURL(b)))
}

// benchmarkList times each of listers walking the list of listedItems.
func benchmarkList(b *testing.B, listers []lister) {
	channelSID := benchserver.ListChannelSID(listedItems)
	for _, l := range listers {
		b.Run(l.name, func(b *testing.B) {
			ctx := context.Background()
			count, sum := 0, 0
			each := func(m message) { count++; sum += m.Index }
			if err := l.walk(ctx, channelSID, each); err != nil || count != listedItems || sum != listedItems*(listedItems-1)/2 {
				b.Fatalf("%s: %d items, index sum %d, %v", l.name, count, sum, err)
			}
			clock := startCPU(b)
			for range b.N {
				if err := l.walk(ctx, channelSID, each); err != nil {
					b.Fatal(err)
				}
			}
			clock.stop()
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/listedItems, "ns/item")
		})
	}
}

// The Conversations senders and listers: the same message and the same
// lists, through Conversations v1 (/v1/Conversations/{ConversationSid}/Messages,
// the Author in place of From), each as a user would write it.

// newConversationsSenders returns the three Conversations senders, sending
// to baseURL.
func newConversationsSenders(tb testing.TB, baseURL string) []sender {
	tb.Helper()
	twiliochatSender := func() sender {
		c := conversations.New(newTwilioChatClient(tb, baseURL, nil))
		params := &conversations.CreateMessageParams{
			Author:         twiliochat.Ptr(messageFrom),
			Body:           twiliochat.Ptr(messageBody),
			Attributes:     twiliochat.Ptr(messageAttributes),
			WebhookEnabled: twiliochat.Ptr(true),
		}
		return sender{name: "twiliochat", send: func(ctx context.Context) (message, error) {
			m, err := c.Messages.Create(ctx, sendChannelSID, params)
			if err != nil {
				return message{}, err
			}
			return ourConversationMessage(m), nil
		}}
	}
	twilioGoSender := func() sender {
		c := newTwilioGoClient(tb, baseURL, nil)
		params := (&convv1.CreateConversationMessageParams{}).
			SetAuthor(messageFrom).
			SetBody(messageBody).
			SetAttributes(messageAttributes).
			SetXTwilioWebhookEnabled("true")
		return sender{name: "twiliogo", send: func(context.Context) (message, error) {
			m, err := c.ConversationsV1.CreateConversationMessage(sendChannelSID, params)
			if err != nil {
				return message{}, err
			}
			return theirConversationMessage(m), nil
		}}
	}
	floorSender := func() sender {
		f := newFloorCaller(tb, baseURL, nil)
		target := baseURL + "/v1/Conversations/" + sendChannelSID + "/Messages"
		body := url.Values{"Author": {messageFrom}, "Body": {messageBody}, "Attributes": {messageAttributes}}.Encode()
		extra := http.Header{"X-Twilio-Webhook-Enabled": {"true"}}
		return sender{name: "floor", send: func(ctx context.Context) (message, error) {
			var m floorConversationMessage
			if err := f.do(ctx, http.MethodPost, target, body, extra, &m); err != nil {
				return message{}, err
			}
			return m.message(), nil
		}}
	}
	return []sender{twiliochatSender(), twilioGoSender(), floorSender()}
}

// ourConversationMessage is a package conversations Message as a message.
func ourConversationMessage(m *conversations.Message) message {
	return message{SID: m.SID, From: m.Author, Body: m.Body, Attributes: string(m.Attributes), Index: m.Index, DateCreated: m.DateCreated}
}

// theirConversationMessage is a twilio-go Conversations Message as a
// message.
func theirConversationMessage(m *convv1.ConversationsV1ConversationMessage) message {
	deref := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	out := message{SID: deref(m.Sid), From: deref(m.Author), Body: deref(m.Body), Attributes: deref(m.Attributes), Index: m.Index}
	if m.DateCreated != nil {
		out.DateCreated = *m.DateCreated
	}
	return out
}

// floorConversationMessage is what the floor decodes a Conversations
// Message into: its fields, in plain Go types, as someone would write by
// hand (the shape of conversations.Message).
type floorConversationMessage struct {
	AccountSID      string `json:"account_sid"`
	ConversationSID string `json:"conversation_sid"`
	SID             string `json:"sid"`
	Index           int    `json:"index"`
	Author          string `json:"author"`
	Body            string `json:"body"`
	Media           []struct {
		SID         string `json:"sid"`
		Size        int64  `json:"size"`
		ContentType string `json:"content_type"`
		Filename    string `json:"filename"`
	} `json:"media"`
	Attributes     string    `json:"attributes"`
	ParticipantSID string    `json:"participant_sid"`
	DateCreated    time.Time `json:"date_created"`
	DateUpdated    time.Time `json:"date_updated"`
	URL            string    `json:"url"`
	Delivery       *struct {
		Total       int    `json:"total"`
		Sent        string `json:"sent"`
		Delivered   string `json:"delivered"`
		Read        string `json:"read"`
		Failed      string `json:"failed"`
		Undelivered string `json:"undelivered"`
	} `json:"delivery"`
	Links          map[string]string `json:"links"`
	ContentSID     string            `json:"content_sid"`
	ChatServiceSID string            `json:"chat_service_sid"`
}

// message returns m as a message.
func (m *floorConversationMessage) message() message {
	return message{SID: m.SID, From: m.Author, Body: m.Body, Attributes: m.Attributes, Index: m.Index, DateCreated: m.DateCreated}
}

// newConversationsListers returns the Conversations listers, listing from
// baseURL: package conversations' List, twilio-go's ListConversationMessage
// and StreamConversationMessage, and the floor.
func newConversationsListers(tb testing.TB, baseURL string) []lister {
	tb.Helper()
	chat := newTwilioChatClient(tb, baseURL, nil)
	c := conversations.New(chat)
	params := &conversations.ListMessagesParams{PageSize: twiliochat.Ptr(listPageSize)}
	theirs := newTwilioGoClient(tb, baseURL, nil)
	f := newFloorCaller(tb, baseURL, nil)
	return []lister{
		{name: "twiliochat", walk: func(ctx context.Context, conversationSID string, each func(message)) error {
			for m, err := range c.Messages.List(ctx, conversationSID, params) {
				if err != nil {
					return err
				}
				each(ourConversationMessage(m))
			}
			return nil
		}},
		{name: "twiliogo", walk: func(_ context.Context, conversationSID string, each func(message)) error {
			msgs, err := theirs.ConversationsV1.ListConversationMessage(conversationSID, (&convv1.ListConversationMessageParams{}).SetPageSize(listPageSize))
			if err != nil {
				return err
			}
			for i := range msgs {
				each(theirConversationMessage(&msgs[i]))
			}
			return nil
		}},
		{name: "twiliogo-stream", walk: func(_ context.Context, conversationSID string, each func(message)) error {
			msgs, errs := theirs.ConversationsV1.StreamConversationMessage(conversationSID, (&convv1.ListConversationMessageParams{}).SetPageSize(listPageSize))
			for m := range msgs {
				each(theirConversationMessage(&m))
			}
			return <-errs
		}},
		{name: "floor", walk: func(ctx context.Context, conversationSID string, each func(message)) error {
			return walkFloor(ctx, f, baseURL, "/v1/Conversations/"+conversationSID+"/Messages", func(page *floorConversationPage) {
				for i := range page.Messages {
					each(page.Messages[i].message())
				}
			})
		}},
	}
}

// floorConversationPage is one page of a Conversation's Messages as the
// floor decodes it.
type floorConversationPage struct {
	Messages []floorConversationMessage `json:"messages"`
	Meta     struct {
		NextPageURL string `json:"next_page_url"`
	} `json:"meta"`
}

// BenchmarkConversationsSend is BenchmarkSend through Conversations v1:
// one Create Message call with Author, Body, Attributes and
// X-Twilio-Webhook-Enabled, request to decoded answer.
func BenchmarkConversationsSend(b *testing.B) {
	benchmarkSend(b, newConversationsSenders(b, serverURL(b)))
}

// BenchmarkConversationsList is BenchmarkList through Conversations v1:
// walking a Conversation of 10,000 Messages, 100 pages of 100.
func BenchmarkConversationsList(b *testing.B) {
	benchmarkList(b, newConversationsListers(b, serverURL(b)))
}
