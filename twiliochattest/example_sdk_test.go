package twiliochattest_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
	"github.com/e3f0929f/twiliochat/webhook"
)

// SendMediaMessage sends a file; its onMediaMessageSend and
// onMediaMessageSent webhooks carry the media's SID, name, type and size.
// The sender's roles must grant sendMediaMessage.
func ExampleSDKClient_SendMediaMessage() {
	c := newChatExample(noHandler, "onMediaMessageSend", "onMediaMessageSent")
	defer c.Close()
	ctx := context.Background()
	grant(c, "channel user", "sendMessage", "sendMediaMessage")

	m, err := c.alice.SendMediaMessage(ctx, "general", twiliochattest.SDKMedia{Filename: "cat.png", ContentType: "image/png", Size: 2048}, "")
	fmt.Println(m.MediaSID[:2], err)
	ds, _ := c.srv.WaitDeliveries(ctx)
	for _, d := range ds {
		fmt.Println(d.EventType, d.Params.Get("MediaFilename"), d.Params.Get("MediaContentType"), d.Params.Get("MediaSize"))
	}
	// Output:
	// ME <nil>
	// onMediaMessageSend cat.png image/png 2048
	// onMediaMessageSent cat.png image/png 2048
}

// grant sets the permissions of the role named name of c's service.
func grant(c *chat, name string, perms ...string) {
	ctx := context.Background()
	client := c.srv.NewClient()
	for r, err := range client.Roles.List(ctx, c.service, nil) {
		if err != nil {
			panic(err)
		}
		if r.FriendlyName == name {
			if _, err := client.Roles.Update(ctx, c.service, r.SID, &twiliochat.UpdateRoleParams{Permission: perms}); err != nil {
				panic(err)
			}
		}
	}
}

// CreateChannel goes through the onChannelAdd webhook, which may reject the
// channel; the channel is created by the user.
func ExampleSDKClient_CreateChannel() {
	c := newChatExample(handler(func(h *webhook.Handler) {
		h.OnChannelAdd(func(_ context.Context, e *webhook.ChannelAddEvent) (webhook.Decision, error) {
			if e.UniqueName == "admins" {
				return webhook.Reject(), nil
			}
			return webhook.Allow(), nil
		})
	}), "onChannelAdd")
	defer c.Close()
	ctx := context.Background()

	_, err := c.alice.CreateChannel(ctx, twiliochattest.SDKChannelParams{UniqueName: twiliochat.Ptr("admins")})
	var rejected *twiliochattest.RejectedError
	fmt.Println(errors.As(err, &rejected))
	sid, err := c.alice.CreateChannel(ctx, twiliochattest.SDKChannelParams{UniqueName: twiliochat.Ptr("books"), Type: "private"})
	if err != nil {
		fmt.Println(err)
		return
	}
	ch, err := c.srv.NewClient().Channels.Fetch(ctx, c.service, sid)
	fmt.Println(ch.UniqueName, ch.Type, ch.CreatedBy, err)
	// Output:
	// true
	// books private alice <nil>
}

// UpdateChannel changes a channel through the onChannelUpdate webhook; the
// user's roles must grant editChannelName for a name.
func ExampleSDKClient_UpdateChannel() {
	c := newChatExample(noHandler, "onChannelUpdate")
	defer c.Close()
	ctx := context.Background()

	err := c.alice.UpdateChannel(ctx, "general", twiliochattest.SDKChannelParams{FriendlyName: twiliochat.Ptr("General")})
	fmt.Println(err)
	grant(c, "channel user", "sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage", "editChannelName")
	err = c.alice.UpdateChannel(ctx, "general", twiliochattest.SDKChannelParams{FriendlyName: twiliochat.Ptr("General")})
	fmt.Println(err)
	ds, _ := c.srv.WaitDeliveries(ctx)
	fmt.Println(len(ds), ds[0].EventType, ds[0].Params.Get("FriendlyName"))
	// Output:
	// twiliochattest: permission denied: alice lacks the editChannelName permission in channel CHfcb65280178a9bdd12ebc5f757e8c7cc
	// <nil>
	// 1 onChannelUpdate General
}

// DestroyChannel deletes a channel through the onChannelDestroy webhook;
// the user's roles must grant destroyChannel, which a channel admin's do.
func ExampleSDKClient_DestroyChannel() {
	c := newChatExample(noHandler, "onChannelDestroy", "onChannelDestroyed")
	defer c.Close()
	ctx := context.Background()
	client := c.srv.NewClient()
	for r, err := range client.Roles.List(ctx, c.service, nil) {
		if err == nil && r.FriendlyName == "channel admin" {
			_, err = client.Members.Update(ctx, c.service, "general", "alice", &twiliochat.UpdateMemberParams{RoleSID: twiliochat.Ptr(r.SID)})
		}
		if err != nil {
			fmt.Println(err)
			return
		}
	}

	fmt.Println(c.alice.DestroyChannel(ctx, "general"))
	ds, _ := c.srv.WaitDeliveries(ctx)
	for _, d := range ds {
		fmt.Println(d.EventType, d.Params.Get("Source"), d.Params.Get("ClientIdentity"))
	}
	// Output:
	// <nil>
	// onChannelDestroy SDK alice
	// onChannelDestroyed SDK alice
}

// UpdateUser changes the user's own record through the onUserUpdate
// webhook, which may reject it.
func ExampleSDKClient_UpdateUser() {
	c := newChatExample(handler(func(h *webhook.Handler) {
		h.OnUserUpdate(func(_ context.Context, e *webhook.UserUpdateEvent) (webhook.Decision, error) {
			if e.FriendlyName == "Support Team" {
				return webhook.Reject(), nil
			}
			return webhook.Allow(), nil
		})
	}), "onUserUpdate")
	defer c.Close()
	ctx := context.Background()

	fmt.Println(c.alice.UpdateUser(ctx, twiliochattest.SDKUserParams{FriendlyName: twiliochat.Ptr("Support Team")}) != nil)
	fmt.Println(c.alice.UpdateUser(ctx, twiliochattest.SDKUserParams{FriendlyName: twiliochat.Ptr("Alice")}))
	u, err := c.srv.NewClient().Users.Fetch(ctx, c.service, "alice")
	fmt.Println(u.FriendlyName, err)
	// Output:
	// true
	// <nil>
	// Alice <nil>
}

// A PermissionError says which permission the user's roles lack; nothing
// was stored and no webhook sent.
func ExamplePermissionError() {
	c := newChatExample(noHandler, "onMessageRemove")
	defer c.Close()
	ctx := context.Background()
	m, err := c.srv.NewClient().Messages.Create(ctx, c.service, "general", &twiliochat.CreateMessageParams{From: twiliochat.Ptr("bob"), Body: twiliochat.Ptr("hi")})
	if err != nil {
		fmt.Println(err)
		return
	}

	err = c.alice.RemoveMessage(ctx, "general", m.SID)
	var denied *twiliochattest.PermissionError
	if errors.As(err, &denied) {
		fmt.Println(denied.Identity, denied.Permission, len(c.srv.Deliveries()))
	}
	// Output: alice deleteAnyMessage 0
}

// Error names the user, the permission and the channel.
func ExamplePermissionError_Error() {
	err := &twiliochattest.PermissionError{Identity: "alice", Permission: "sendMessage", ChannelSID: "CH0123456789abcdef0123456789abcdef"}
	fmt.Println(err)
	// Output: twiliochattest: permission denied: alice lacks the sendMessage permission in channel CH0123456789abcdef0123456789abcdef
}
