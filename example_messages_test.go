package twiliochat_test

import (
	"context"
	"fmt"

	"github.com/e3f0929f/twiliochat"
)

// postMessages posts a message from alice with each body to the Channel
// "general", in order, and returns them.
func postMessages(client *twiliochat.Client, serviceSID string, bodies ...string) []*twiliochat.Message {
	var out []*twiliochat.Message
	for _, body := range bodies {
		msg, err := client.Messages.Create(context.Background(), serviceSID, "general",
			&twiliochat.CreateMessageParams{From: twiliochat.Ptr("alice"), Body: twiliochat.Ptr(body)})
		if err != nil {
			panic(err)
		}
		out = append(out, msg)
	}
	return out
}

// Create posts a Message; the Channel gives it the next Index. Attributes
// are JSON text of your own, checked before the request is sent.
func ExampleMessagesService_Create() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()

	msg, err := client.Messages.Create(ctx, serviceSID, "general", &twiliochat.CreateMessageParams{
		From:           twiliochat.Ptr("alice@example.com"),
		Body:           twiliochat.Ptr("Where is my invoice?"),
		Attributes:     twiliochat.Ptr(`{"priority": "high"}`),
		WebhookEnabled: twiliochat.Ptr(false),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var attrs struct {
		Priority string `json:"priority"`
	}
	if err := msg.Attributes.Decode(&attrs); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(msg.Index, msg.From, msg.Type, attrs.Priority)

	system, err := client.Messages.Create(ctx, serviceSID, "general", &twiliochat.CreateMessageParams{Body: twiliochat.Ptr("Ticket opened")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(system.Index, system.From)

	_, err = client.Messages.Create(ctx, serviceSID, "general", &twiliochat.CreateMessageParams{Attributes: twiliochat.Ptr("{priority: high}")})
	fmt.Println(err)
	// Output:
	// 0 alice@example.com text high
	// 1 system
	// twiliochat: invalid Attributes: "{priority: high}" is not valid JSON
}

// Fetch returns one Message by its SID; the Channel may be named by its
// unique name or its SID.
func ExampleMessagesService_Fetch() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	posted := postMessages(client, serviceSID, "hello")[0]

	msg, err := client.Messages.Fetch(ctx, serviceSID, posted.ChannelSID, posted.SID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(msg.Body, msg.Index, msg.SID == posted.SID)

	_, err = client.Messages.Fetch(ctx, serviceSID, "general", "not-a-message-sid")
	fmt.Println(err)
	// Output:
	// hello 0 true
	// twiliochat: invalid Sid: "not-a-message-sid" is not IM followed by 32 hex digits
}

// Update edits a Message: a new Body marks it edited.
func ExampleMessagesService_Update() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	posted := postMessages(client, serviceSID, "helo")[0]

	msg, err := client.Messages.Update(ctx, serviceSID, "general", posted.SID, &twiliochat.UpdateMessageParams{
		Body:          twiliochat.Ptr("hello"),
		LastUpdatedBy: twiliochat.Ptr("alice"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(msg.Body, *msg.WasEdited, msg.LastUpdatedBy)
	// Output:
	// hello true alice
}

// Delete removes a Message; the Channel's MessagesCount follows.
func ExampleMessagesService_Delete() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	posted := postMessages(client, serviceSID, "oops")[0]

	err := client.Messages.Delete(ctx, serviceSID, "general", posted.SID, &twiliochat.DeleteMessageParams{WebhookEnabled: twiliochat.Ptr(true)})
	if err != nil {
		fmt.Println(err)
		return
	}
	channel, err := client.Channels.Fetch(ctx, serviceSID, "general")
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = client.Messages.Fetch(ctx, serviceSID, "general", posted.SID)
	fmt.Println(channel.MessagesCount, twiliochat.IsNotFound(err))
	// Output:
	// 0 true
}

// ListPage returns the first page of a Channel's Messages, here the newest
// first; NextPage follows with the same order.
func ExampleMessagesService_ListPage() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	postMessages(client, serviceSID, "one", "two", "three")

	page, err := client.Messages.ListPage(ctx, serviceSID, "general", &twiliochat.ListMessagesParams{
		Order:    twiliochat.Ptr(twiliochat.MessageOrderDesc),
		PageSize: twiliochat.Ptr(2),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, msg := range page.Items {
		fmt.Println(msg.Index, msg.Body)
	}
	fmt.Println(page.Meta.NextPageURL != "")
	// Output:
	// 2 three
	// 1 two
	// true
}

// NextPage returns the page after a page, and nil after the last one.
func ExampleMessagesService_NextPage() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	postMessages(client, serviceSID, "one", "two", "three")

	page, err := client.Messages.ListPage(ctx, serviceSID, "general", &twiliochat.ListMessagesParams{PageSize: twiliochat.Ptr(2)})
	for page != nil && err == nil {
		fmt.Println(page.Meta.Page, len(page.Items))
		page, err = client.Messages.NextPage(ctx, page)
	}
	fmt.Println(err)
	// Output:
	// 0 2
	// 1 1
	// <nil>
}

// List ranges over a Channel's Messages, page by page; Limit stops it
// early. An unknown Order is refused before any request.
func ExampleMessagesService_List() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()
	postMessages(client, serviceSID, "one", "two", "three")

	newest := &twiliochat.ListMessagesParams{Order: twiliochat.Ptr(twiliochat.MessageOrderDesc), Limit: 2}
	for msg, err := range client.Messages.List(ctx, serviceSID, "general", newest) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(msg.Index, msg.From, msg.Body)
	}
	for _, err := range client.Messages.List(ctx, serviceSID, "general", &twiliochat.ListMessagesParams{Order: twiliochat.Ptr(twiliochat.MessageOrder("newest"))}) {
		fmt.Println(err)
	}
	// Output:
	// 2 alice three
	// 1 alice two
	// twiliochat: invalid Order: "newest" is not "asc" or "desc"
}
