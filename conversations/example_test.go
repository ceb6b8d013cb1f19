package conversations_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
)

// exampleServer stands in for Twilio in the examples: it answers a
// Conversation, a Message or a page of Messages, whichever the path asks
// for. Real code leaves WithBaseURL out, or points it at a fake.
func exampleServer() *httptest.Server {
	const (
		conversation = `{"sid": "CH00000000000000000000000000000001", "chat_service_sid": "IS00000000000000000000000000000002", "unique_name": "support-4217", "state": "active", "attributes": "{}"}`
		message      = `{"sid": "IM00000000000000000000000000000003", "conversation_sid": "CH00000000000000000000000000000001", "index": 0, "author": "alice", "body": "Where is my invoice?"}`
	)
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/Messages") && r.Method == http.MethodGet:
			fmt.Fprintf(w, `{"meta": {"key": "messages", "next_page_url": null}, "messages": [%s]}`, message)
		case strings.HasSuffix(r.URL.Path, "/Messages"):
			w.WriteHeader(http.StatusCreated)
			fmt.Fprint(w, message)
		case r.Method == http.MethodPost:
			w.WriteHeader(http.StatusCreated)
			fmt.Fprint(w, conversation)
		default:
			fmt.Fprint(w, conversation)
		}
	}))
}

// exampleChat returns the Chat client the examples share their
// credentials with.
func exampleChat(base string) *twiliochat.Client {
	chat, err := twiliochat.NewClient("AC00000000000000000000000000000001", "your_auth_token", twiliochat.WithBaseURL(base))
	if err != nil {
		log.Fatal(err)
	}
	return chat
}

// New makes the Conversations client of a Chat client: the same
// credentials, transport and retries, on conversations.twilio.com.
func ExampleNew() {
	srv := exampleServer()
	defer srv.Close()
	chat := exampleChat(srv.URL)

	conv := conversations.New(chat)
	c, err := conv.Conversations.Create(context.Background(), &conversations.CreateConversationParams{
		UniqueName: twiliochat.Ptr("support-4217"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.SID, c.UniqueName, c.State)
	// Output: CH00000000000000000000000000000001 support-4217 active
}

// Service addresses a named Conversation Service: the same resources, with
// the Service SID given once.
func ExampleClient_Service() {
	srv := exampleServer()
	defer srv.Close()
	conv := conversations.New(exampleChat(srv.URL))

	support := conv.Service("IS00000000000000000000000000000002")
	c, err := support.Conversations.Fetch(context.Background(), "support-4217")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.SID, c.ChatServiceSID)

	// A bad Service SID fails before any request, naming ChatServiceSid.
	_, err = conv.Service("support").Conversations.Fetch(context.Background(), "support-4217")
	var verr *twiliochat.ValidationError
	fmt.Println(errors.As(err, &verr), verr.Field)
	// Output:
	// CH00000000000000000000000000000001 IS00000000000000000000000000000002
	// true ChatServiceSid
}

// Create posts a Message to a Conversation, addressed by its SID or its
// unique name.
func ExampleMessagesResource_Create() {
	srv := exampleServer()
	defer srv.Close()
	conv := conversations.New(exampleChat(srv.URL))

	msg, err := conv.Messages.Create(context.Background(), "support-4217", &conversations.CreateMessageParams{
		Author:         twiliochat.Ptr("alice"),
		Body:           twiliochat.Ptr("Where is my invoice?"),
		WebhookEnabled: twiliochat.Ptr(true),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(msg.SID, msg.Author+":", msg.Body)
	// Output: IM00000000000000000000000000000003 alice: Where is my invoice?
}

// List ranges over every Message of a Conversation, reading pages as the
// loop needs them.
func ExampleMessagesResource_List() {
	srv := exampleServer()
	defer srv.Close()
	conv := conversations.New(exampleChat(srv.URL))

	newest := &conversations.ListMessagesParams{Order: twiliochat.Ptr(conversations.MessageOrderDesc), Limit: 20}
	for m, err := range conv.Messages.List(context.Background(), "support-4217", newest) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(m.Index, m.Author, m.Body)
	}
	// Output: 0 alice Where is my invoice?
}
