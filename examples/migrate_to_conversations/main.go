// Command migrate_to_conversations shows a Chat v2 Channel read and written
// through Conversations v1, one step of a move from Programmable Chat to
// Conversations: it creates two Users, a private Channel with a unique
// name, its Members and a Message through Chat v2 (package twiliochat),
// then fetches the Channel as a Conversation by its SID and by its unique
// name, lists its Participants (the Members) and Messages, posts a Message
// and fetches a User through Conversations (package conversations), and
// reads it all back through Chat v2. Each step prints the SIDs both APIs
// give side by side (IS…, US…, CH…, MB…, IM…) and fails when they differ;
// the run ends by deleting what it created, even when a step fails.
//
// Twilio's "Migrating to Conversations from Programmable Chat"
// (https://www.twilio.com/docs/conversations/migrating-chat-conversations)
// says that Conversations is built on Chat: existing Services, Channels,
// Members, Messages and Users are Conversation Services, Conversations,
// Participants, Messages and Users, with no data migration, so a backend
// can move one call at a time. A Channel made over Chat has no Messaging
// Service, which a Conversation needs before an SMS or WhatsApp
// Participant joins. Only private Channels are Conversations: a public one
// is first made private through Chat v3
// (https://www.twilio.com/docs/conversations/api/chat-channel-migration-resource,
// twiliochat's Channels.Migrate), so this example makes its Channel
// private. Conversations has no Invites and no Channel type: its API
// (Conversations v1's spec) has neither.
//
// Without TWILIO_ACCOUNT_SID it runs against the in-process twiliochattest
// fake, which serves both APIs over one store as Twilio does, says so, and
// needs no account or network:
//
//	go run ./examples/migrate_to_conversations
//
// With TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and
// TWILIO_API_SECRET) set, it works in the Service named by -service, or in
// the account's default Conversation Service (from the account's
// Conversations Configuration) without it. The identities and the unique
// name end in -tag (random by default):
//
//	TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… go run ./examples/migrate_to_conversations -service IS…
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/examples/internal/democlient"
)

func main() {
	service := flag.String("service", "", "SID of the Service (IS…); the account's default Conversation Service when empty")
	tag := flag.String("tag", "", "suffix of the identities and the Channel's unique name (random when empty)")
	flag.Parse()
	if err := run(os.Stdout, *service, *tag); err != nil {
		fmt.Fprintln(os.Stderr, "migrate_to_conversations:", err)
		os.Exit(1)
	}
}

// run connects to Twilio, or to the fake when no account is configured, and
// runs the steps in the Service serviceSID, printing each to w.
func run(w io.Writer, serviceSID, tag string) error {
	tag = democlient.Tag(tag)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	chat, closeFake, err := democlient.New(w, nil)
	defer closeFake()
	if err != nil {
		return err
	}
	// The Conversations client shares the Chat client's credentials,
	// transport and retries, and its base URL on the fake.
	return migrate(ctx, w, chat, conversations.New(chat), serviceSID, tag)
}

// errDiffer is the error of a SID that differs between the two APIs.
var errDiffer = errors.New("the two APIs differ")

// same prints the SIDs of what through Chat v2 and Conversations side by
// side, and returns an error when they differ.
func same(w io.Writer, what, chatSID, convSID string) error {
	mark := "same"
	if chatSID != convSID {
		mark = "DIFFERENT"
	}
	fmt.Fprintf(w, "   %-22s Chat v2 %s  Conversations %s  %s\n", what, chatSID, convSID, mark)
	if chatSID != convSID {
		return fmt.Errorf("%s: %w: %s and %s", what, errDiffer, chatSID, convSID)
	}
	return nil
}

// migrate runs the steps in the Service serviceSID, or in the account's
// default Conversation Service when it is empty, printing each to w, and
// deletes the Users and the Channel it created (its Members and Messages go
// with it) whatever step fails; an error of the cleanup is returned along
// with the step's.
func migrate(ctx context.Context, w io.Writer, chat *twiliochat.Client, conv *conversations.Client, serviceSID, tag string) (err error) {
	undo := democlient.NewCleanup(w)
	defer func() {
		fmt.Fprintln(w, "8. cleanup")
		err = errors.Join(err, undo.Run(ctx))
	}()

	// 1. The Service: a Chat Service is a Conversation Service.
	if serviceSID == "" {
		cfg, err := conv.Configuration.Fetch(ctx)
		if err != nil {
			return fmt.Errorf("fetch the default Conversation Service: %w", err)
		}
		serviceSID = cfg.DefaultChatServiceSID
	}
	svc, err := chat.Services.Fetch(ctx, serviceSID)
	if err != nil {
		return fmt.Errorf("fetch service through Chat: %w", err)
	}
	csvc, err := conv.Services.Fetch(ctx, serviceSID)
	if err != nil {
		return fmt.Errorf("fetch service through Conversations: %w", err)
	}
	fmt.Fprintf(w, "1. service %q\n", svc.FriendlyName)
	if err := same(w, "Service", svc.SID, csvc.SID); err != nil {
		return err
	}
	// Every call from here on addresses that Service.
	cs := conv.Service(serviceSID)

	// 2. Through Chat v2: two Users, a private Channel, its Members and a
	// Message, as an existing Chat backend has them.
	fmt.Fprintln(w, "2. through Chat v2:")
	alice, bob := "alice-"+tag, "bob-"+tag
	users := map[string]string{} // identity → User SID
	for _, identity := range []string{alice, bob} {
		user, err := chat.Users.Create(ctx, serviceSID, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr(identity)})
		if err != nil {
			return fmt.Errorf("create user %s: %w", identity, err)
		}
		users[identity] = user.SID
		fmt.Fprintf(w, "   user    %s %s\n", user.SID, user.Identity)
		undo.Add("user "+user.Identity, func(ctx context.Context) error {
			return chat.Users.Delete(ctx, serviceSID, user.SID)
		})
	}
	room := "migrate-" + tag
	channel, err := chat.Channels.Create(ctx, serviceSID, &twiliochat.CreateChannelParams{
		UniqueName:   twiliochat.Ptr(room),
		FriendlyName: twiliochat.Ptr("Migration"),
		Type:         twiliochat.Ptr(twiliochat.ChannelTypePrivate),
		Attributes:   twiliochat.Ptr(`{"ticket":4217}`),
	})
	if err != nil {
		return fmt.Errorf("create channel: %w", err)
	}
	fmt.Fprintf(w, "   channel %s %q (%s)\n", channel.SID, channel.UniqueName, channel.Type)
	undo.Add("channel "+room+" (its members and messages with it)", func(ctx context.Context) error {
		return chat.Channels.Delete(ctx, serviceSID, channel.SID, nil)
	})
	members := map[string]string{} // identity → Member SID
	for _, identity := range []string{alice, bob} {
		m, err := chat.Members.Create(ctx, serviceSID, room, &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr(identity)})
		if err != nil {
			return fmt.Errorf("add member %s: %w", identity, err)
		}
		members[identity] = m.SID
		fmt.Fprintf(w, "   member  %s %s\n", m.SID, m.Identity)
	}
	first, err := chat.Messages.Create(ctx, serviceSID, room, &twiliochat.CreateMessageParams{
		From: twiliochat.Ptr(alice),
		Body: twiliochat.Ptr("Posted through Chat v2."),
	})
	if err != nil {
		return fmt.Errorf("post message through Chat: %w", err)
	}
	fmt.Fprintf(w, "   message %s #%d from %s: %q\n", first.SID, first.Index, first.From, first.Body)

	// 3. The Channel is a Conversation, by its SID and by its unique name,
	// with the same attributes.
	bySID, err := cs.Conversations.Fetch(ctx, channel.SID)
	if err != nil {
		return fmt.Errorf("fetch conversation by SID: %w", err)
	}
	byName, err := cs.Conversations.Fetch(ctx, room)
	if err != nil {
		return fmt.Errorf("fetch conversation by unique name: %w", err)
	}
	fmt.Fprintf(w, "3. conversation %q (%s) %s\n", byName.UniqueName, byName.State, byName.Attributes)
	if err := errors.Join(
		same(w, "Channel (by SID)", channel.SID, bySID.SID),
		same(w, "Channel (by name)", channel.SID, byName.SID),
		same(w, "its Service", channel.ServiceSID, byName.ChatServiceSID),
	); err != nil {
		return err
	}

	// 4. Its Members are its Participants.
	fmt.Fprintln(w, "4. participants:")
	n := 0
	for p, err := range cs.Participants.List(ctx, room, nil) {
		if err != nil {
			return fmt.Errorf("list participants: %w", err)
		}
		if err := same(w, "Member "+p.Identity, members[p.Identity], p.SID); err != nil {
			return err
		}
		n++
	}
	if n != len(members) {
		return fmt.Errorf("participants: %w: %d members, %d participants", errDiffer, len(members), n)
	}

	// 5. Its Messages are the Conversation's; Chat's From is the Author.
	fmt.Fprintln(w, "5. messages:")
	for m, err := range cs.Messages.List(ctx, room, nil) {
		if err != nil {
			return fmt.Errorf("list messages through Conversations: %w", err)
		}
		fmt.Fprintf(w, "   #%d %s: %q\n", m.Index, m.Author, m.Body)
		if err := same(w, "Message #0", first.SID, m.SID); err != nil {
			return err
		}
	}

	// 6. Written through Conversations: a Message from Bob, whose User is
	// the one Chat created.
	reply, err := cs.Messages.Create(ctx, room, &conversations.CreateMessageParams{
		Author: twiliochat.Ptr(bob),
		Body:   twiliochat.Ptr("Answered through Conversations."),
	})
	if err != nil {
		return fmt.Errorf("post message through Conversations: %w", err)
	}
	user, err := cs.Users.Fetch(ctx, bob)
	if err != nil {
		return fmt.Errorf("fetch user through Conversations: %w", err)
	}
	fmt.Fprintf(w, "6. through Conversations: message %s #%d from %s\n", reply.SID, reply.Index, reply.Author)
	if err := errors.Join(
		same(w, "User "+bob, users[bob], user.SID),
		same(w, "Message's Participant", members[bob], reply.ParticipantSID),
	); err != nil {
		return err
	}

	// 7. Read back through Chat v2.
	fmt.Fprintln(w, "7. messages through Chat v2:")
	var last *twiliochat.Message
	for m, err := range chat.Messages.List(ctx, serviceSID, channel.SID, nil) {
		if err != nil {
			return fmt.Errorf("list messages through Chat: %w", err)
		}
		fmt.Fprintf(w, "   #%d %s: %q\n", m.Index, m.From, m.Body)
		last = m
	}
	if last == nil {
		return fmt.Errorf("messages: %w: Chat v2 lists none", errDiffer)
	}
	return same(w, fmt.Sprintf("Message #%d", reply.Index), last.SID, reply.SID)
}
