package twiliochat_test

import (
	"context"
	"fmt"

	"github.com/e3f0929f/twiliochat"
)

// addWebhooks creates one webhook of each type on the Channel "general".
func addWebhooks(client *twiliochat.Client, serviceSID string) ([]*twiliochat.ChannelWebhook, error) {
	var out []*twiliochat.ChannelWebhook
	for _, params := range []*twiliochat.CreateChannelWebhookParams{
		{Type: twiliochat.Ptr(twiliochat.ChannelWebhookTypeWebhook), Configuration: &twiliochat.ChannelWebhookConfigurationParams{
			URL: twiliochat.Ptr("https://example.com/chat/events"), Filters: []string{"onMessageSent"}}},
		{Type: twiliochat.Ptr(twiliochat.ChannelWebhookTypeTrigger), Configuration: &twiliochat.ChannelWebhookConfigurationParams{
			URL: twiliochat.Ptr("https://example.com/chat/help"), Triggers: []string{"help"}}},
		{Type: twiliochat.Ptr(twiliochat.ChannelWebhookTypeStudio), Configuration: &twiliochat.ChannelWebhookConfigurationParams{
			FlowSID: twiliochat.Ptr("FW0123456789abcdef0123456789abcdef")}},
	} {
		w, err := client.ChannelWebhooks.Create(context.Background(), serviceSID, "general", params)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, nil
}

// Create adds a webhook to a Channel, here addressed by its unique name: it
// calls a URL on the Channel's events. Bad keys are caught before any
// request.
func ExampleChannelWebhooksService_Create() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	ctx := context.Background()

	hook, err := client.ChannelWebhooks.Create(ctx, serviceSID, "general", &twiliochat.CreateChannelWebhookParams{
		Type: twiliochat.Ptr(twiliochat.ChannelWebhookTypeWebhook),
		Configuration: &twiliochat.ChannelWebhookConfigurationParams{
			URL:        twiliochat.Ptr("https://example.com/chat/events"),
			Method:     twiliochat.Ptr(twiliochat.WebhookMethodPost),
			Filters:    []string{"onMessageSent", "onMemberAdded"},
			RetryCount: twiliochat.Ptr(2),
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(hook.Type, hook.Configuration.Method, hook.Configuration.URL, hook.Configuration.Filters, hook.Configuration.RetryCount)

	_, err = client.ChannelWebhooks.Create(ctx, serviceSID, "general", &twiliochat.CreateChannelWebhookParams{
		Type:          twiliochat.Ptr(twiliochat.ChannelWebhookTypeStudio),
		Configuration: &twiliochat.ChannelWebhookConfigurationParams{FlowSID: twiliochat.Ptr("my-flow"), RetryCount: twiliochat.Ptr(5)},
	})
	fmt.Println(err)
	// Output:
	// webhook POST https://example.com/chat/events [onMessageSent onMemberAdded] 2
	// twiliochat: invalid Configuration.FlowSid: "my-flow" is not FW followed by 32 hex digits
	// twiliochat: invalid Configuration.RetryCount: 5 is above the maximum of 3
}

// Fetch returns a webhook with its typed Configuration.
func ExampleChannelWebhooksService_Fetch() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	hooks, err := addWebhooks(client, serviceSID)
	if err != nil {
		fmt.Println(err)
		return
	}

	hook, err := client.ChannelWebhooks.Fetch(context.Background(), serviceSID, "general", hooks[2].SID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(hook.Type, hook.Configuration.FlowSID)
	// Output:
	// studio FW0123456789abcdef0123456789abcdef
}

// Update changes only the Configuration keys it sends.
func ExampleChannelWebhooksService_Update() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	hooks, err := addWebhooks(client, serviceSID)
	if err != nil {
		fmt.Println(err)
		return
	}

	hook, err := client.ChannelWebhooks.Update(context.Background(), serviceSID, "general", hooks[1].SID, &twiliochat.UpdateChannelWebhookParams{
		Configuration: &twiliochat.ChannelWebhookConfigurationParams{Triggers: []string{"help", "urgent"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(hook.Type, hook.Configuration.URL, hook.Configuration.Triggers)
	// Output:
	// trigger https://example.com/chat/help [help urgent]
}

// Delete removes a webhook; deleting it again is a 404.
func ExampleChannelWebhooksService_Delete() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	hooks, err := addWebhooks(client, serviceSID)
	if err != nil {
		fmt.Println(err)
		return
	}

	fmt.Println(client.ChannelWebhooks.Delete(context.Background(), serviceSID, "general", hooks[0].SID))
	fmt.Println(twiliochat.IsNotFound(client.ChannelWebhooks.Delete(context.Background(), serviceSID, "general", hooks[0].SID)))
	// Output:
	// <nil>
	// true
}

// List ranges over a Channel's webhooks, page by page.
func ExampleChannelWebhooksService_List() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	if _, err := addWebhooks(client, serviceSID); err != nil {
		fmt.Println(err)
		return
	}

	for hook, err := range client.ChannelWebhooks.List(context.Background(), serviceSID, "general", nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(hook.Type)
	}
	// Output:
	// webhook
	// trigger
	// studio
}

// ListPage reads the first page; a page holds at most 5 webhooks, and a
// larger PageSize is refused before any request.
func ExampleChannelWebhooksService_ListPage() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	if _, err := addWebhooks(client, serviceSID); err != nil {
		fmt.Println(err)
		return
	}

	page, err := client.ChannelWebhooks.ListPage(context.Background(), serviceSID, "general", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(page.Items), page.Meta.Key, page.Meta.PageSize)
	_, err = client.ChannelWebhooks.ListPage(context.Background(), serviceSID, "general", &twiliochat.ListChannelWebhooksParams{PageSize: twiliochat.Ptr(10)})
	fmt.Println(err)
	// Output:
	// 3 webhooks 5
	// twiliochat: invalid PageSize: 10 is not between 1 and 5
}

// NextPage follows a page's NextPageURL and returns nil after the last
// page.
func ExampleChannelWebhooksService_NextPage() {
	srv, client, serviceSID := startChannel()
	defer srv.Close()
	if _, err := addWebhooks(client, serviceSID); err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()

	page, err := client.ChannelWebhooks.ListPage(ctx, serviceSID, "general", &twiliochat.ListChannelWebhooksParams{PageSize: twiliochat.Ptr(2)})
	for ; page != nil && err == nil; page, err = client.ChannelWebhooks.NextPage(ctx, page) {
		fmt.Println("page", page.Meta.Page, "holds", len(page.Items))
	}
	fmt.Println("error:", err)
	// Output:
	// page 0 holds 2
	// page 1 holds 1
	// error: <nil>
}
