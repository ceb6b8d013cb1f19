// Command chat_backend does a chat backend's everyday work in a Chat
// Service: it creates two Users, a private Channel, adds both as Members,
// posts a Message with JSON attributes, edits it, has the second User
// answer, lists the Channel's Messages newest first, and then deletes what
// it created, even when a step in between fails. It prints each step.
//
// Without TWILIO_ACCOUNT_SID it runs against the in-process twiliochattest
// fake, on a Service seeded there, says so, and needs no account or
// network:
//
//	go run ./examples/chat_backend
//
// With TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and
// TWILIO_API_SECRET) set, it works in the Service named by -service, through
// NewClientFromEnv. The identities and the Channel's unique name end in
// -tag (random by default), so that a run does not collide with what the
// Service holds:
//
//	TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… go run ./examples/chat_backend -service IS…
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/examples/internal/democlient"
)

func main() {
	service := flag.String("service", "", "SID of the Service (IS followed by 32 hex digits); needed with a real account")
	tag := flag.String("tag", "", "suffix of the identities and the Channel's unique name (random when empty)")
	flag.Parse()
	if err := run(os.Stdout, *service, *tag); err != nil {
		fmt.Fprintln(os.Stderr, "chat_backend:", err)
		os.Exit(1)
	}
}

// api is what the backend uses of the client: one interface per resource,
// so that a test can hand it any implementation.
type api struct {
	Users    twiliochat.UsersAPI
	Channels twiliochat.ChannelsAPI
	Members  twiliochat.MembersAPI
	Messages twiliochat.MessagesAPI
}

// apiOf returns the resources of client.
func apiOf(client *twiliochat.Client) api {
	return api{Users: client.Users, Channels: client.Channels, Members: client.Members, Messages: client.Messages}
}

// run connects to Twilio, or to the fake when no account is configured, and
// runs the backend's steps in the Service serviceSID, printing each to w.
func run(w io.Writer, serviceSID, tag string) error {
	if err := democlient.RequireWithAccount("-service", serviceSID); err != nil {
		return err
	}
	tag = democlient.Tag(tag)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	client, closeFake, err := democlient.New(w, democlient.SeedService(&serviceSID, "chat backend demo"))
	defer closeFake()
	if err != nil {
		return err
	}
	return chat(ctx, w, apiOf(client), serviceSID, tag)
}

// ticket is the application's own data, sent as a Message's attributes.
type ticket struct {
	Priority string `json:"priority"`
	Ticket   int    `json:"ticket"`
}

// chat runs the backend's steps in the Service serviceSID, printing each to
// w, and deletes the Users and the Channel it created (the Channel's
// Members and Messages go with it) whatever step fails; an error of the
// cleanup is returned along with the step's.
func chat(ctx context.Context, w io.Writer, a api, serviceSID, tag string) (err error) {
	undo := democlient.NewCleanup(w)
	defer func() {
		fmt.Fprintln(w, "7. cleanup")
		err = errors.Join(err, undo.Run(ctx))
	}()

	// 1. Two Users. A backend creates them ahead of the clients' first
	// login, with a role and attributes of its own.
	alice, bob := "alice-"+tag, "bob-"+tag
	for _, identity := range []string{alice, bob} {
		user, err := a.Users.Create(ctx, serviceSID, &twiliochat.CreateUserParams{
			Identity:     twiliochat.Ptr(identity),
			FriendlyName: twiliochat.Ptr(identity),
		})
		if err != nil {
			return fmt.Errorf("create user %s: %w", identity, err)
		}
		fmt.Fprintf(w, "1. user     %s %s\n", user.SID, user.Identity)
		undo.Add("user "+user.Identity, func(ctx context.Context) error {
			return a.Users.Delete(ctx, serviceSID, user.SID)
		})
	}

	// 2. A private Channel, addressed from here on by its unique name.
	room := "support-" + tag
	channel, err := a.Channels.Create(ctx, serviceSID, &twiliochat.CreateChannelParams{
		UniqueName:   twiliochat.Ptr(room),
		FriendlyName: twiliochat.Ptr("Support"),
		Type:         twiliochat.Ptr(twiliochat.ChannelTypePrivate),
	})
	if err != nil {
		return fmt.Errorf("create channel: %w", err)
	}
	fmt.Fprintf(w, "2. channel  %s %q (%s)\n", channel.SID, channel.UniqueName, channel.Type)
	undo.Add("channel "+room+" (its members and messages with it)", func(ctx context.Context) error {
		return a.Channels.Delete(ctx, serviceSID, channel.SID, nil)
	})

	// 3. Both Users join it.
	for _, identity := range []string{alice, bob} {
		member, err := a.Members.Create(ctx, serviceSID, room, &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr(identity)})
		if err != nil {
			return fmt.Errorf("add member %s: %w", identity, err)
		}
		fmt.Fprintf(w, "3. member   %s %s\n", member.SID, member.Identity)
	}

	// 4. A Message with JSON attributes of the application's own. Webhooks
	// stay off for this REST action (X-Twilio-Webhook-Enabled: false).
	attrs, err := json.Marshal(ticket{Priority: "high", Ticket: 4217})
	if err != nil {
		return err
	}
	msg, err := a.Messages.Create(ctx, serviceSID, room, &twiliochat.CreateMessageParams{
		From:           twiliochat.Ptr(alice),
		Body:           twiliochat.Ptr("Where is my invoice?"),
		Attributes:     twiliochat.Ptr(string(attrs)),
		WebhookEnabled: twiliochat.Ptr(false),
	})
	if err != nil {
		return fmt.Errorf("post message: %w", err)
	}
	fmt.Fprintf(w, "4. posted   %s #%d from %s: %q %s\n", msg.SID, msg.Index, msg.From, msg.Body, msg.Attributes)

	// 5. The author edits it.
	msg, err = a.Messages.Update(ctx, serviceSID, room, msg.SID, &twiliochat.UpdateMessageParams{
		Body:          twiliochat.Ptr("Where is my invoice for ticket 4217?"),
		LastUpdatedBy: twiliochat.Ptr(alice),
	})
	if err != nil {
		return fmt.Errorf("edit message: %w", err)
	}
	fmt.Fprintf(w, "5. edited   %s #%d: %q (edited: %t)\n", msg.SID, msg.Index, msg.Body, msg.WasEdited != nil && *msg.WasEdited)
	reply, err := a.Messages.Create(ctx, serviceSID, room, &twiliochat.CreateMessageParams{
		From: twiliochat.Ptr(bob),
		Body: twiliochat.Ptr("Sent again just now."),
	})
	if err != nil {
		return fmt.Errorf("post reply: %w", err)
	}
	fmt.Fprintf(w, "5. replied  %s #%d from %s: %q\n", reply.SID, reply.Index, reply.From, reply.Body)

	// 6. The Channel's Messages, newest first, with their attributes read
	// back into the application's own struct.
	fmt.Fprintln(w, "6. messages, newest first:")
	newest := &twiliochat.ListMessagesParams{Order: twiliochat.Ptr(twiliochat.MessageOrderDesc), Limit: 20}
	for m, err := range a.Messages.List(ctx, serviceSID, room, newest) {
		if err != nil {
			return fmt.Errorf("list messages: %w", err)
		}
		var t ticket
		if err := m.Attributes.Decode(&t); err != nil {
			return fmt.Errorf("message %s: %w", m.SID, err)
		}
		note := ""
		if t.Ticket != 0 {
			note = fmt.Sprintf(" [ticket %d, %s priority]", t.Ticket, t.Priority)
		}
		if m.WasEdited != nil && *m.WasEdited {
			note += " (edited)"
		}
		fmt.Fprintf(w, "   #%d %s: %q%s\n", m.Index, m.From, m.Body, note)
	}
	return nil
}
