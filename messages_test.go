package twiliochat

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/internal/testkit"
)

const (
	// testMessageSID is the Message the Messages tests address.
	testMessageSID = "IM0123456789abcdef0123456789abcdef"
	// testMediaSID is a Media SID for MediaSid.
	testMediaSID = "ME0123456789abcdef0123456789abcdef"
	// messagesChannel is the Channel the Messages tests address: a unique
	// name with a character that must be escaped.
	messagesChannel = "support/emea"
	// messagesPath is the escaped path of messagesChannel's Messages.
	messagesPath = "/v2/Services/" + testServiceSID + "/Channels/support%2Femea/Messages"
)

// specMessage is the Message of the spec's examples, field by field, as
// the Create (createWithAll), Update and List examples give it; media is set
// for the examples that have it.
func specMessage() Message {
	return Message{
		SID:         "IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		AccountSID:  "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ServiceSID:  "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		To:          "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ChannelSID:  "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		DateCreated: time.Date(2016, 3, 24, 20, 37, 57, 0, time.UTC),
		DateUpdated: time.Date(2016, 3, 24, 20, 37, 57, 0, time.UTC),
		WasEdited:   Ptr(false),
		From:        "system",
		Attributes:  "{}",
		Body:        "Hello",
		Type:        MessageTypeText,
		URL:         "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	}
}

// specMedia is the media of the spec's examples.
var specMedia = MessageMedia{SID: "MEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Size: 99999999999999, ContentType: "application/pdf", Filename: "hello.pdf"}

// specCreatedMessage is the Message of testdata/message_create.json.
func specCreatedMessage() Message {
	m := specMessage()
	m.DateCreated = time.Date(2015, 12, 16, 22, 18, 37, 0, time.UTC)
	m.DateUpdated = time.Date(2015, 12, 16, 22, 18, 38, 0, time.UTC)
	m.LastUpdatedBy = "username"
	m.WasEdited = Ptr(true)
	m.Attributes = `{"test": "test"}`
	return m
}

// assertPost checks a POST to path as assertRequest does, but for a POST
// whose form is empty, which still says it is a form.
func assertPost(t *testing.T, req seenRequest, path string) {
	t.Helper()
	if req.Body != "" {
		assertRequest(t, req, http.MethodPost, path, "")
		return
	}
	assert.Equal(t, http.MethodPost, req.Method)
	assert.Equal(t, path, req.Path)
	assert.Empty(t, req.Query)
	assert.Equal(t, "application/x-www-form-urlencoded", req.Header.Get("Content-Type"))
}

func TestMessagesCreateWire(t *testing.T) {
	t.Parallel()
	created := time.Date(2015, 12, 16, 22, 18, 37, 0, time.UTC)
	tests := []struct {
		name       string
		params     *CreateMessageParams
		wantBody   string
		wantForm   url.Values
		wantHeader []string // X-Twilio-Webhook-Enabled
	}{
		{
			name: "every key, the header true",
			params: &CreateMessageParams{
				From: Ptr("alice@example.com"), Attributes: Ptr(`{"priority": "high"}`),
				DateCreated: &created, DateUpdated: Ptr(created.Add(time.Second)), LastUpdatedBy: Ptr("username"),
				Body: Ptr("Hello"), MediaSID: Ptr(testMediaSID), WebhookEnabled: Ptr(true),
			},
			wantBody: "Attributes=%7B%22priority%22%3A+%22high%22%7D&Body=Hello&DateCreated=2015-12-16T22%3A18%3A37Z" +
				"&DateUpdated=2015-12-16T22%3A18%3A38Z&From=alice%40example.com&LastUpdatedBy=username&MediaSid=" + testMediaSID,
			wantForm:   readGoldenForm(t, "testdata/create_message_request.form"),
			wantHeader: []string{"true"},
		},
		{
			name: "a body only, the header false", params: &CreateMessageParams{Body: Ptr("Hello & goodbye"), WebhookEnabled: Ptr(false)},
			wantBody: "Body=Hello+%26+goodbye", wantForm: url.Values{"Body": {"Hello & goodbye"}}, wantHeader: []string{"false"},
		},
		{
			name: "an empty body is sent", params: &CreateMessageParams{Body: Ptr(""), Attributes: Ptr("{}")},
			wantBody: "Attributes=%7B%7D&Body=", wantForm: url.Values{"Body": {""}, "Attributes": {"{}"}},
		},
		{
			name:     "a date off UTC keeps its offset",
			params:   &CreateMessageParams{MediaSID: Ptr(testMediaSID), DateCreated: Ptr(time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("CET", 3600)))},
			wantBody: "DateCreated=2026-01-02T03%3A04%3A05%2B01%3A00&MediaSid=" + testMediaSID,
			wantForm: url.Values{"DateCreated": {"2026-01-02T03:04:05+01:00"}, "MediaSid": {testMediaSID}},
		},
		{name: "nil params: no body, no header", params: nil, wantBody: "", wantForm: url.Values{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusCreated, "testdata/message_create.json"))
			messages := rec.client(t).Messages

			msg, err := messages.Create(context.Background(), testServiceSID, messagesChannel, tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertPost(t, req, messagesPath)
			assert.Equal(t, tt.wantBody, req.Body)
			assert.Equal(t, tt.wantForm, req.form(t))
			assert.Equal(t, tt.wantHeader, req.Header.Values("X-Twilio-Webhook-Enabled"))
			require.NotNil(t, msg)
			assert.Equal(t, specCreatedMessage(), *msg)
		})
	}
}

func TestMessagesCreateDecodesMedia(t *testing.T) {
	t.Parallel()
	messages := newRecorder(t, serveFile(t, http.StatusCreated, "testdata/message_create_media.json")).client(t).Messages

	msg, err := messages.Create(context.Background(), testServiceSID, messagesChannel, &CreateMessageParams{MediaSID: Ptr(testMediaSID)})
	require.NoError(t, err)

	want := specMessage()
	want.Attributes = ""
	want.LastUpdatedBy = "system"
	want.Media = specMedia
	assert.Equal(t, want, *msg)
}

func TestMessagesUpdateWire(t *testing.T) {
	t.Parallel()
	created := time.Date(2015, 12, 16, 22, 18, 37, 0, time.UTC)
	tests := []struct {
		name       string
		params     *UpdateMessageParams
		wantForm   url.Values
		wantHeader []string
	}{
		{
			name: "every key, the header false",
			params: &UpdateMessageParams{
				Body: Ptr("Hello again"), Attributes: Ptr(`{"foo": "bar"}`), DateCreated: &created,
				DateUpdated: Ptr(created.Add(time.Second)), LastUpdatedBy: Ptr("username"), From: Ptr("fromUser"),
				WebhookEnabled: Ptr(false),
			},
			wantForm: readGoldenForm(t, "testdata/update_message_request.form"), wantHeader: []string{"false"},
		},
		{name: "attributes only", params: &UpdateMessageParams{Attributes: Ptr(`[1, 2]`)}, wantForm: url.Values{"Attributes": {"[1, 2]"}}},
		{name: "empty body", params: &UpdateMessageParams{Body: Ptr("")}, wantForm: url.Values{"Body": {""}}},
		{name: "nil params", params: nil, wantForm: url.Values{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/message_update.json"))
			messages := rec.client(t).Messages

			msg, err := messages.Update(context.Background(), testServiceSID, messagesChannel, testMessageSID, tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertPost(t, req, messagesPath+"/"+testMessageSID)
			assert.Equal(t, tt.wantForm, req.form(t))
			assert.Equal(t, tt.wantHeader, req.Header.Values("X-Twilio-Webhook-Enabled"))
			want := specCreatedMessage()
			want.From = "fromUser"
			want.Attributes = `{ "foo": "bar" }`
			assert.Equal(t, want, *msg)
		})
	}
}

func TestMessagesDeleteWire(t *testing.T) {
	t.Parallel()
	deleteWith := func(params *DeleteMessageParams) func(c *Client) (any, error) {
		return func(c *Client) (any, error) {
			return deleted(c.Messages.Delete(context.Background(), testServiceSID, messagesChannel, testMessageSID, params))
		}
	}
	path := messagesPath + "/" + testMessageSID
	runWireCases(t, []wireCase{
		{name: "nil params", call: deleteWith(nil), method: http.MethodDelete, path: path},
		{name: "header unset", call: deleteWith(&DeleteMessageParams{}), method: http.MethodDelete, path: path},
		{name: "header true", call: deleteWith(&DeleteMessageParams{WebhookEnabled: Ptr(true)}), method: http.MethodDelete, path: path, webhook: []string{"true"}},
		{name: "header false", call: deleteWith(&DeleteMessageParams{WebhookEnabled: Ptr(false)}), method: http.MethodDelete, path: path, webhook: []string{"false"}},
	})
}

// TestMessageDecodesEveryField checks every field of a Message with a value
// of its own (testdata/message.json), the nulls of another, and reading its
// attributes into a struct.
func TestMessageDecodesEveryField(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       Message
	}{
		{name: "every field set", body: "testdata/message.json", want: Message{
			SID:           testMessageSID,
			AccountSID:    "AC0123456789abcdef0123456789abcdef",
			Attributes:    `{"priority": "high", "tags": ["billing"]}`,
			ServiceSID:    testServiceSID,
			To:            "CH0123456789abcdef0123456789abcdef",
			ChannelSID:    "CHfedcba9876543210fedcba9876543210",
			DateCreated:   time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
			DateUpdated:   time.Date(2026, 1, 2, 3, 9, 10, 0, time.UTC),
			LastUpdatedBy: "bob@example.com",
			WasEdited:     Ptr(true),
			From:          "alice@example.com",
			Body:          "Our invoice is attached ✓",
			Index:         42,
			Type:          MessageTypeMedia,
			Media:         MessageMedia{SID: testMediaSID, Size: 99999999999999, ContentType: "application/pdf", Filename: "invoice.pdf"},
			URL:           "https://chat.twilio.com/v2/Services/" + testServiceSID + "/Channels/CH0123456789abcdef0123456789abcdef/Messages/" + testMessageSID,
		}},
		{name: "spec example with media", body: "testdata/message_fetch.json", want: func() Message {
			m := specMessage()
			m.Type, m.Media = MessageTypeMedia, specMedia
			return m
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, tt.body))
			messages := rec.client(t).Messages

			msg, err := messages.Fetch(context.Background(), testServiceSID, messagesChannel, testMessageSID)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodGet, messagesPath+"/"+testMessageSID, "")
			assert.Empty(t, req.Body)
			assert.Equal(t, tt.want, *msg)
		})
	}

	t.Run("nulls", func(t *testing.T) {
		t.Parallel()
		messages := newRecorder(t, respondJSON(http.StatusOK, `{"sid": "`+testMessageSID+`", "account_sid": null,
			"attributes": null, "service_sid": null, "to": null, "channel_sid": null, "date_created": null, "date_updated": null,
			"last_updated_by": null, "was_edited": null, "from": null, "body": null, "index": 3, "type": "voice", "media": null,
			"url": null, "added_later": [1]}`)).client(t).Messages

		msg, err := messages.Fetch(context.Background(), testServiceSID, messagesChannel, testMessageSID)
		require.NoError(t, err)
		assert.Equal(t, Message{SID: testMessageSID, Index: 3, Type: MessageType("voice")}, *msg)
	})

	t.Run("attributes into a struct", func(t *testing.T) {
		t.Parallel()
		messages := newRecorder(t, serveFile(t, http.StatusOK, "testdata/message.json")).client(t).Messages
		msg, err := messages.Fetch(context.Background(), testServiceSID, messagesChannel, testMessageSID)
		require.NoError(t, err)

		var attrs struct {
			Priority string   `json:"priority"`
			Tags     []string `json:"tags"`
		}
		require.NoError(t, msg.Attributes.Decode(&attrs))
		assert.Equal(t, "high", attrs.Priority)
		assert.Equal(t, []string{"billing"}, attrs.Tags)
	})
}

func TestMessagesListWire(t *testing.T) {
	t.Parallel()
	const pageURL = "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages?PageSize=50&Page=0"
	meta := PageMeta{FirstPageURL: pageURL, URL: pageURL, PageSize: 50, Key: "messages"}
	withMedia := specMessage()
	withMedia.Type, withMedia.Media = MessageTypeMedia, specMedia
	full := &MessagePage{Items: []Message{specMessage(), withMedia}, Meta: meta}
	tests := []struct {
		name      string
		file      string
		params    *ListMessagesParams
		wantQuery string
		wantPage  *MessagePage
	}{
		{name: "nil params", file: "messages_page_full.json", wantPage: full},
		{name: "newest first", file: "messages_page_full.json", params: &ListMessagesParams{Order: Ptr(MessageOrderDesc)}, wantQuery: "Order=desc", wantPage: full},
		{name: "oldest first, page size", file: "messages_page_full.json", params: &ListMessagesParams{Order: Ptr(MessageOrderAsc), PageSize: Ptr(100)},
			wantQuery: "Order=asc&PageSize=100", wantPage: full},
		{name: "limit picks the page size", file: "messages_page_full.json", params: &ListMessagesParams{Limit: 7, Order: Ptr(MessageOrderDesc)},
			wantQuery: "Order=desc&PageSize=7", wantPage: full},
		{name: "empty page", file: "messages_page_empty.json", params: &ListMessagesParams{PageSize: Ptr(1)}, wantQuery: "PageSize=1",
			wantPage: &MessagePage{Items: []Message{}, Meta: meta}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/"+tt.file))
			messages := rec.client(t).Messages

			page, err := messages.ListPage(context.Background(), testServiceSID, messagesChannel, tt.params)
			require.NoError(t, err)

			assert.Equal(t, []string{tt.wantQuery}, listQueries(t, rec, messagesPath))
			assert.Equal(t, tt.wantPage, page)
		})
	}
}

func TestMessagesListFollowsPages(t *testing.T) {
	t.Parallel()
	list := &fakeList{total: 5, path: messagesPath, key: "messages", prefix: spec.MessageSIDPrefix}
	rec := newRecorder(t, list.ServeHTTP)
	messages := rec.client(t).Messages
	params := &ListMessagesParams{Order: Ptr(MessageOrderDesc), PageSize: Ptr(2)}

	got := testkit.RangeAll(messages.List(context.Background(), testServiceSID, messagesChannel, params), nil)

	require.Empty(t, got.Errs)
	assert.Equal(t, itemSIDs(spec.MessageSIDPrefix, 0, 5), sidsOfItems(got.Items))
	assert.Equal(t, []string{"Order=desc&PageSize=2", "Page=1&PageSize=2&PageToken=PT1", "Page=2&PageSize=2&PageToken=PT2"},
		listQueries(t, rec, messagesPath), "Order is sent on the first page; the next pages follow Twilio's URLs")
	assert.Equal(t, MessageOrderDesc, *params.Order, "params are not modified")
}

func TestMessagesValidation(t *testing.T) {
	t.Parallel()
	ctx, zero := context.Background(), &time.Time{}
	const badService, badChannel, badMessage = "IS123", "..", "IMnot-a-sid"
	badPath := []string{`ServiceSid: "IS123" is not IS followed by 32 hex digits`, `ChannelSid: ".." is a dot segment, which cannot name a resource`}
	runValidationCases(t, []validationCase{
		{name: "Create: bad attributes", call: func(c *Client) error {
			return errorOf(c.Messages.Create(ctx, testServiceSID, messagesChannel, &CreateMessageParams{Body: Ptr("x"), Attributes: Ptr(`{"a":`)}))
		}, want: []string{`Attributes: "{\"a\":" is not valid JSON`}},
		{name: "Create: bad MediaSid", call: func(c *Client) error {
			return errorOf(c.Messages.Create(ctx, testServiceSID, messagesChannel, &CreateMessageParams{MediaSID: Ptr("MExyz")}))
		}, want: []string{`MediaSid: "MExyz" is not ME followed by 32 hex digits`}},
		{name: "Create: empty MediaSid", call: func(c *Client) error {
			return errorOf(c.Messages.Create(ctx, testServiceSID, messagesChannel, &CreateMessageParams{MediaSID: Ptr("")}))
		}, want: []string{"MediaSid: is empty, want ME followed by 32 hex digits"}},
		{name: "Create: a Message SID as MediaSid", call: func(c *Client) error {
			return errorOf(c.Messages.Create(ctx, testServiceSID, messagesChannel, &CreateMessageParams{MediaSID: Ptr(testMessageSID)}))
		}, want: []string{`MediaSid: "` + testMessageSID + `" is not ME followed by 32 hex digits`}},
		{name: "Create: every key wrong, bad path values", call: func(c *Client) error {
			return errorOf(c.Messages.Create(ctx, badService, badChannel, &CreateMessageParams{
				Attributes: Ptr(""), DateCreated: zero, DateUpdated: zero, MediaSID: Ptr(testServiceSID)}))
		}, want: append(badPath, `Attributes: "" is not valid JSON`, "DateCreated: is the zero time", "DateUpdated: is the zero time",
			`MediaSid: "`+testServiceSID+`" is not ME followed by 32 hex digits`)},
		{name: "Fetch: bad path values", call: func(c *Client) error {
			return errorOf(c.Messages.Fetch(ctx, badService, badChannel, badMessage))
		}, want: append(badPath, `Sid: "IMnot-a-sid" is not IM followed by 32 hex digits`)},
		{name: "Update: bad attributes and dates", call: func(c *Client) error {
			return errorOf(c.Messages.Update(ctx, testServiceSID, messagesChannel, testMessageSID, &UpdateMessageParams{Attributes: Ptr("{'a': 1}"), DateUpdated: zero}))
		}, want: []string{`Attributes: "{'a': 1}" is not valid JSON`, "DateUpdated: is the zero time"}},
		{name: "Update: bad path values", call: func(c *Client) error {
			return errorOf(c.Messages.Update(ctx, badService, badChannel, badMessage, &UpdateMessageParams{DateCreated: zero}))
		}, want: append(badPath, `Sid: "IMnot-a-sid" is not IM followed by 32 hex digits`, "DateCreated: is the zero time")},
		{name: "Delete: a Member SID as Sid", call: func(c *Client) error {
			return c.Messages.Delete(ctx, testServiceSID, messagesChannel, "MB0123456789abcdef0123456789abcdef", &DeleteMessageParams{WebhookEnabled: Ptr(true)})
		}, want: []string{`Sid: "MB0123456789abcdef0123456789abcdef" is not IM followed by 32 hex digits`}},
		{name: "ListPage: unknown order", call: func(c *Client) error {
			return errorOf(c.Messages.ListPage(ctx, testServiceSID, messagesChannel, &ListMessagesParams{Order: Ptr(MessageOrder("DESC"))}))
		}, want: []string{`Order: "DESC" is not "asc" or "desc"`}},
		{name: "List: empty order", call: func(c *Client) error {
			return firstError(c.Messages.List(ctx, testServiceSID, messagesChannel, &ListMessagesParams{Order: Ptr(MessageOrder(""))}))
		}, want: []string{`Order: "" is not "asc" or "desc"`}},
		{name: "List: everything wrong", call: func(c *Client) error {
			return firstError(c.Messages.List(ctx, badService, badChannel, &ListMessagesParams{Order: Ptr(MessageOrder("newest")), PageSize: Ptr(101), Limit: -1}))
		}, want: append(badPath, `Order: "newest" is not "asc" or "desc"`, "PageSize: 101 is not between 1 and 100", "Limit: -1 is negative")},
	})
}

// TestMessagesWithoutBodyOrMedia checks that the package leaves "Body or
// MediaSid", a rule the spec does not state, to Twilio: the request is sent.
func TestMessagesWithoutBodyOrMedia(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, respondJSON(http.StatusBadRequest, twilioErrorBody(http.StatusBadRequest, 20001, "Missing required parameter Body")))
	messages := rec.client(t).Messages

	msg, err := messages.Create(context.Background(), testServiceSID, messagesChannel, &CreateMessageParams{From: Ptr("alice")})

	assert.Nil(t, msg)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 20001, apiErr.Code)
	assert.Equal(t, "From=alice", rec.onlyRequest(t).Body)
}

// TestMessageEnumsAreTheSpecs checks the MessageOrder constants against the
// spec's message_enum_order_type, which ListPage checks Order against.
func TestMessageEnumsAreTheSpecs(t *testing.T) {
	t.Parallel()
	assert.Equal(t, spec.MessageOrders, []string{string(MessageOrderAsc), string(MessageOrderDesc)})
}
