package benchserver

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MaxListed is the largest number of Messages a list channel holds.
const MaxListed = 10_000_000

// MaxPageSize is the largest page a Messages list serves, as Twilio's.
const MaxPageSize = 100

// ListChannelSID returns the SID of a Channel whose Messages list holds n
// Messages (at most MaxListed): "CH" and n in 32 hex digits. The server
// serves any such Channel without having it stored.
func ListChannelSID(n int) string {
	hex := strconv.FormatInt(int64(n), 16)
	return "CH" + strings.Repeat("0", 32-len(hex)) + hex
}

// listedCount returns the number of Messages the Channel channelSID holds.
func listedCount(channelSID string) (int, bool) {
	if len(channelSID) != 34 || !strings.HasPrefix(channelSID, "CH") {
		return 0, false
	}
	n, err := strconv.ParseInt(channelSID[2:], 16, 64)
	if err != nil || n < 0 || n > MaxListed {
		return 0, false
	}
	return int(n), true
}

// ListedMessageSID returns the SID of the Message at index i of a list.
func ListedMessageSID(i int) string {
	hex := strconv.FormatInt(int64(i), 16)
	return "IM" + strings.Repeat("0", 32-len(hex)) + hex
}

// ListedBody returns the Body of the Message at index i of a list.
func ListedBody(i int) string {
	return "Message " + strconv.Itoa(i) + ": see you at the standup, bring the release notes & the demo"
}

// ListedFrom returns the author of the Message at index i of a list.
func ListedFrom(i int) string {
	if i%2 == 0 {
		return "alice"
	}
	return "bob"
}

// ListedAttributes is the Attributes of every Message of a list, as the
// JSON text Twilio stores.
const ListedAttributes = `{"importance":"high","tags":["release","demo"]}`

// listedEpoch is the DateCreated of the Message at index 0 of a list; the
// one at index i was created i seconds later.
var listedEpoch = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// ListedDateCreated returns the DateCreated of the Message at index i.
func ListedDateCreated(i int) time.Time {
	return listedEpoch.Add(time.Duration(i) * time.Second)
}

// createMessage answers one Create Message request with the fixed Message.
func (s *Server) createMessage(w http.ResponseWriter, r *http.Request) {
	s.answer(w, r, s.message, s.msgLen)
}

// listMessages answers one page of a list Channel's Messages, or of a
// list Conversation's (a request without a ServiceSid), as Twilio does: PageSize (default 50, at most MaxPageSize), Page counted from 0,
// and a next_page_url on chat.twilio.com.
func (s *Server) listMessages(w http.ResponseWriter, r *http.Request) {
	serviceSID, channelSID := r.PathValue("ServiceSid"), r.PathValue("ChannelSid")
	count, ok := listedCount(channelSID)
	if !ok {
		http.Error(w, "no such channel", http.StatusNotFound)
		return
	}
	q := r.URL.Query()
	pageSize, page := 50, 0
	if v := q.Get("PageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxPageSize {
			http.Error(w, "bad PageSize", http.StatusBadRequest)
			return
		}
		pageSize = n
	}
	if v := q.Get("Page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > count/pageSize+1 {
			http.Error(w, "bad Page", http.StatusBadRequest)
			return
		}
		page = n
	}
	s.requests.Add(1)
	defer s.pages.Add(1)
	if s.record != nil {
		s.record(r, nil)
	}
	var body []byte
	if s.noCache {
		body = renderPage(nil, serviceSID, channelSID, count, pageSize, page)
	} else {
		body = s.cache.get(serviceSID, channelSID, count, pageSize, page)
	}
	h := w.Header()
	h["Content-Type"] = contentTypeJSON
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	_, _ = w.Write(body)
}

// maxCachedList is the longest list whose pages are kept once rendered:
// the lists the benchmarks time. Longer ones, walked to measure memory, are
// rendered for each request and not kept.
const maxCachedList = 10_000

// pageCache keeps the rendered pages of short lists.
type pageCache struct {
	mu    sync.Mutex
	pages map[pageKey][]byte
}

// pageKey names one page of one list.
type pageKey struct {
	serviceSID, channelSID string
	pageSize, page         int
}

// get returns the page, rendered once for a short list.
func (c *pageCache) get(serviceSID, channelSID string, count, pageSize, page int) []byte {
	if count > maxCachedList {
		return renderPage(nil, serviceSID, channelSID, count, pageSize, page)
	}
	key := pageKey{serviceSID, channelSID, pageSize, page}
	c.mu.Lock()
	defer c.mu.Unlock()
	if body, ok := c.pages[key]; ok {
		return body
	}
	if c.pages == nil {
		c.pages = map[pageKey][]byte{}
	}
	body := renderPage(nil, serviceSID, channelSID, count, pageSize, page)
	c.pages[key] = body
	return body
}

// renderPage appends the JSON of one page of a list to dst, as Twilio
// writes a Messages page: meta first, then the messages. Without a
// serviceSID, it is a page of a Conversation's Messages, as Conversations
// v1 writes it.
func renderPage(dst []byte, serviceSID, channelSID string, count, pageSize, page int) []byte {
	listURL := "https://chat.twilio.com/v2/Services/" + serviceSID + "/Channels/" + channelSID + "/Messages"
	appendItem := appendMessage
	if serviceSID == "" {
		listURL = "https://conversations.twilio.com/v1/Conversations/" + channelSID + "/Messages"
		appendItem = appendConversationMessage
	}
	pageURL := func(dst []byte, n int) []byte {
		dst = append(dst, '"')
		dst = append(dst, listURL...)
		dst = append(dst, "?PageSize="...)
		dst = strconv.AppendInt(dst, int64(pageSize), 10)
		dst = append(dst, "&Page="...)
		dst = strconv.AppendInt(dst, int64(n), 10)
		if n > 0 {
			dst = append(dst, "&PageToken=PT"...)
			dst = strconv.AppendInt(dst, int64(n*pageSize-1), 10)
		}
		return append(dst, '"')
	}
	first, end := page*pageSize, min((page+1)*pageSize, count)
	dst = append(dst, `{"meta":{"page":`...)
	dst = strconv.AppendInt(dst, int64(page), 10)
	dst = append(dst, `,"page_size":`...)
	dst = strconv.AppendInt(dst, int64(pageSize), 10)
	dst = append(dst, `,"first_page_url":`...)
	dst = pageURL(dst, 0)
	dst = append(dst, `,"previous_page_url":`...)
	if page > 0 {
		dst = pageURL(dst, page-1)
	} else {
		dst = append(dst, "null"...)
	}
	dst = append(dst, `,"url":`...)
	dst = pageURL(dst, page)
	dst = append(dst, `,"next_page_url":`...)
	if end < count {
		dst = pageURL(dst, page+1)
	} else {
		dst = append(dst, "null"...)
	}
	dst = append(dst, `,"key":"messages"},"messages":[`...)
	for i := first; i < end; i++ {
		if i > first {
			dst = append(dst, ',')
		}
		dst = appendItem(dst, listURL, serviceSID, channelSID, i)
	}
	return append(dst, "]}"...)
}

// appendMessage appends the JSON of the Message at index i of a list.
func appendMessage(dst []byte, listURL, serviceSID, channelSID string, i int) []byte {
	sid := ListedMessageSID(i)
	date := ListedDateCreated(i)
	dst = append(dst, `{"sid":"`...)
	dst = append(dst, sid...)
	dst = append(dst, `","account_sid":"AC0123456789abcdef0123456789abcdef","attributes":`...)
	dst = strconv.AppendQuote(dst, ListedAttributes)
	dst = append(dst, `,"service_sid":"`...)
	dst = append(dst, serviceSID...)
	dst = append(dst, `","to":"`...)
	dst = append(dst, channelSID...)
	dst = append(dst, `","channel_sid":"`...)
	dst = append(dst, channelSID...)
	dst = append(dst, `","date_created":"`...)
	dst = date.AppendFormat(dst, time.RFC3339)
	dst = append(dst, `","date_updated":"`...)
	dst = date.AppendFormat(dst, time.RFC3339)
	dst = append(dst, `","last_updated_by":null,"was_edited":false,"from":"`...)
	dst = append(dst, ListedFrom(i)...)
	dst = append(dst, `","body":`...)
	dst = strconv.AppendQuote(dst, ListedBody(i))
	dst = append(dst, `,"index":`...)
	dst = strconv.AppendInt(dst, int64(i), 10)
	dst = append(dst, `,"type":"text","media":null,"url":"`...)
	dst = append(dst, listURL...)
	dst = append(dst, '/')
	dst = append(dst, sid...)
	return append(dst, `"}`...)
}

// appendConversationMessage appends the JSON of the Message at index i of a
// Conversation's list, as Conversations v1 writes a Message.
func appendConversationMessage(dst []byte, listURL, _, conversationSID string, i int) []byte {
	sid := ListedMessageSID(i)
	date := ListedDateCreated(i)
	dst = append(dst, `{"sid":"`...)
	dst = append(dst, sid...)
	dst = append(dst, `","account_sid":"AC0123456789abcdef0123456789abcdef","conversation_sid":"`...)
	dst = append(dst, conversationSID...)
	dst = append(dst, `","body":`...)
	dst = strconv.AppendQuote(dst, ListedBody(i))
	dst = append(dst, `,"media":null,"author":"`...)
	dst = append(dst, ListedFrom(i)...)
	dst = append(dst, `","participant_sid":null,"attributes":`...)
	dst = strconv.AppendQuote(dst, ListedAttributes)
	dst = append(dst, `,"date_created":"`...)
	dst = date.AppendFormat(dst, time.RFC3339)
	dst = append(dst, `","date_updated":"`...)
	dst = date.AppendFormat(dst, time.RFC3339)
	dst = append(dst, `","index":`...)
	dst = strconv.AppendInt(dst, int64(i), 10)
	dst = append(dst, `,"delivery":null,"content_sid":null,"url":"`...)
	dst = append(dst, listURL...)
	dst = append(dst, '/')
	dst = append(dst, sid...)
	dst = append(dst, `","links":{"delivery_receipts":"`...)
	dst = append(dst, listURL...)
	dst = append(dst, '/')
	dst = append(dst, sid...)
	dst = append(dst, `/Receipts","channel_metadata":"`...)
	dst = append(dst, listURL...)
	dst = append(dst, '/')
	dst = append(dst, sid...)
	return append(dst, `/ChannelMetadata"}}`...)
}

// ConversationMessage is the answer to every Create Message request of
// Conversations v1: the spec's example.
const ConversationMessage = `{"sid": "IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ` +
	`"conversation_sid": "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "body": "Hello", "media": null, "author": "message author", ` +
	`"participant_sid": "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "attributes": "{ \"importance\": \"high\" }", ` +
	`"date_created": "2015-12-16T22:18:37Z", "date_updated": "2015-12-16T22:18:38Z", "index": 0, ` +
	`"delivery": {"total": 2, "sent": "all", "delivered": "some", "read": "some", "failed": "none", "undelivered": "none"}, ` +
	`"content_sid": null, "url": "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ` +
	`"links": {"delivery_receipts": "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Receipts", ` +
	`"channel_metadata": "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ChannelMetadata"}}`

// conversationMessage and conversationMessageLen are ConversationMessage
// and its Content-Length, made once.
var (
	conversationMessage    = []byte(ConversationMessage)
	conversationMessageLen = []string{strconv.Itoa(len(ConversationMessage))}
)

// createConversationMessage answers one Create Message request of
// Conversations v1 with ConversationMessage.
func (s *Server) createConversationMessage(w http.ResponseWriter, r *http.Request) {
	s.answer(w, r, conversationMessage, conversationMessageLen)
}
