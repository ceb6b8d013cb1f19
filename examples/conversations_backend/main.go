// Command conversations_backend does a backend's everyday work in a
// Conversation Service through package conversations: it creates two
// Users and a Conversation with a unique name, attributes and timers, adds
// both Users as chat Participants (and an SMS Participant, see below),
// posts Messages with JSON attributes, edits one, lists the Messages newest
// first, finds the Conversation through a participant's identity or address
// (Participant Conversations) and through a User (User Conversations, where
// it marks the Messages read), closes the Conversation, and then deletes
// what it created, even when a step in between fails. It prints each step.
//
// Without TWILIO_ACCOUNT_SID it runs against the in-process twiliochattest
// fake, says so, and needs no account or network:
//
//	go run ./examples/conversations_backend
//
// With TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and
// TWILIO_API_SECRET) set, it works in the account's default Conversation
// Service, which every account has, or in the Service named by -service.
// The identities and the unique name end in -tag (random by default), so
// that a run does not collide with what the Service holds:
//
//	TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… go run ./examples/conversations_backend
//	TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… go run ./examples/conversations_backend -service IS…
//
// An SMS Participant is a phone number (MessagingBinding.Address) and the
// Twilio number it is in contact with (MessagingBinding.ProxyAddress,
// https://www.twilio.com/docs/conversations/api/conversation-participant-resource).
// Twilio requires the Conversation to have a Messaging Service, which sends
// the texts: a Conversation created through Conversations gets the
// account's default one (Configuration.DefaultMessagingServiceSid), and a
// Channel created through Chat has none until one is set
// (https://www.twilio.com/docs/conversations/migrating-chat-conversations).
// Every Message posted afterwards is texted to the phone, and billed, so
// with an account the example adds one only when -sms names the phone and
// -proxy your Twilio number; on the fake it always adds one, with made-up
// numbers.
package main

import (
	"cmp"
	"context"
	"encoding/json"
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

// The numbers of the SMS Participant on the fake, which sends no text.
const (
	fakeSMS   = "+15555550100"
	fakeProxy = "+15555550199"
)

func main() {
	var opts options
	flag.StringVar(&opts.service, "service", "", "SID of a Conversation Service (IS…); the account's default Conversation Service when empty")
	flag.StringVar(&opts.tag, "tag", "", "suffix of the identities and the Conversation's unique name (random when empty)")
	flag.StringVar(&opts.sms, "sms", "", "phone number (E.164) of an SMS Participant to add; texts to it are billed (the fake uses "+fakeSMS+")")
	flag.StringVar(&opts.proxy, "proxy", "", "Twilio number of the Conversation's Messaging Service that texts -sms (the fake uses "+fakeProxy+")")
	flag.Parse()
	if err := run(os.Stdout, opts); err != nil {
		fmt.Fprintln(os.Stderr, "conversations_backend:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	service, tag, sms, proxy string
}

// run connects to Twilio, or to the fake when no account is configured, and
// runs the backend's steps, printing each to w.
func run(w io.Writer, opts options) error {
	if democlient.UsingAccount() {
		switch {
		case opts.sms != "" && opts.proxy == "":
			return errors.New("-proxy is required with -sms")
		case opts.sms == "" && opts.proxy != "":
			return errors.New("-sms is required with -proxy")
		}
	}
	opts.tag = democlient.Tag(opts.tag)
	if !democlient.UsingAccount() {
		opts.sms, opts.proxy = cmp.Or(opts.sms, fakeSMS), cmp.Or(opts.proxy, fakeProxy)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	conv, closeFake, err := democlient.NewConversations(w, nil)
	defer closeFake()
	if err != nil {
		return err
	}
	return backend(ctx, w, apiOf(conv, opts.service), opts)
}

// api is what the backend uses of the client: the resources of the default
// Conversation Service, or of a named one. Both are of the same types.
type api struct {
	Users                    *conversations.UsersResource
	Conversations            *conversations.ConversationsResource
	Participants             *conversations.ParticipantsResource
	Messages                 *conversations.MessagesResource
	ParticipantConversations *conversations.ParticipantConversationsResource
	UserConversations        *conversations.UserConversationsResource
}

// apiOf returns the resources of the Conversation Service serviceSID, or of
// the default one when serviceSID is empty.
func apiOf(conv *conversations.Client, serviceSID string) api {
	if serviceSID == "" {
		return api{conv.Users, conv.Conversations, conv.Participants, conv.Messages, conv.ParticipantConversations, conv.UserConversations}
	}
	s := conv.Service(serviceSID)
	return api{s.Users, s.Conversations, s.Participants, s.Messages, s.ParticipantConversations, s.UserConversations}
}

// ticket is the application's own data, sent as attributes.
type ticket struct {
	Priority string `json:"priority"`
	Ticket   int    `json:"ticket"`
}

// backend runs the steps, printing each to w, and deletes the Users and
// the Conversation it created (its Participants and Messages go with it)
// whatever step fails; an error of the cleanup is returned along with the
// step's.
func backend(ctx context.Context, w io.Writer, a api, opts options) (err error) {
	undo := democlient.NewCleanup(w)
	defer func() {
		fmt.Fprintln(w, "10. cleanup")
		err = errors.Join(err, undo.Run(ctx))
	}()

	// 1. Two Users, created ahead of their first login. Adding a
	// Participant by identity would create its User too, but then a
	// cleanup could not tell it from one that existed before.
	alice, bob := "alice-"+opts.tag, "bob-"+opts.tag
	for _, identity := range []string{alice, bob} {
		user, err := a.Users.Create(ctx, &conversations.CreateUserParams{
			Identity:     twiliochat.Ptr(identity),
			FriendlyName: twiliochat.Ptr(identity),
		})
		if err != nil {
			return fmt.Errorf("create user %s: %w", identity, err)
		}
		fmt.Fprintf(w, "1. user          %s %s\n", user.SID, user.Identity)
		undo.Add("user "+user.Identity, func(ctx context.Context) error {
			return a.Users.Delete(ctx, user.SID, nil)
		})
	}

	// 2. A Conversation, addressed from here on by its unique name. Its
	// timers make it inactive after an hour without a Message and close
	// it a day after it was created.
	attrs, err := json.Marshal(ticket{Priority: "high", Ticket: 4217})
	if err != nil {
		return err
	}
	room := "support-" + opts.tag
	c, err := a.Conversations.Create(ctx, &conversations.CreateConversationParams{
		UniqueName:   twiliochat.Ptr(room),
		FriendlyName: twiliochat.Ptr("Support"),
		Attributes:   twiliochat.Ptr(string(attrs)),
		Timers:       &conversations.TimersParams{Inactive: twiliochat.Ptr("PT1H"), Closed: twiliochat.Ptr("P1D")},
	})
	if err != nil {
		return fmt.Errorf("create conversation: %w", err)
	}
	fmt.Fprintf(w, "2. conversation  %s %q (%s) in %s %s\n", c.SID, c.UniqueName, c.State, c.ChatServiceSID, c.Attributes)
	fmt.Fprintf(w, "   timers: inactive at %s, closed at %s\n", c.Timers.DateInactive.Format(time.RFC3339), c.Timers.DateClosed.Format(time.RFC3339))
	undo.Add("conversation "+room+" (its participants and messages with it)", func(ctx context.Context) error {
		return a.Conversations.Delete(ctx, c.SID, nil)
	})

	// 3. Both Users join it as chat Participants, and a phone as an SMS
	// Participant (see the package doc).
	for _, identity := range []string{alice, bob} {
		p, err := a.Participants.Create(ctx, room, &conversations.CreateParticipantParams{Identity: twiliochat.Ptr(identity)})
		if err != nil {
			return fmt.Errorf("add participant %s: %w", identity, err)
		}
		fmt.Fprintf(w, "3. participant   %s %s (chat)\n", p.SID, p.Identity)
	}
	if opts.sms != "" {
		p, err := a.Participants.Create(ctx, room, &conversations.CreateParticipantParams{
			MessagingBinding: &conversations.MessagingBindingParams{
				Address:      twiliochat.Ptr(opts.sms),
				ProxyAddress: twiliochat.Ptr(opts.proxy),
			},
		})
		if err != nil {
			return fmt.Errorf("add participant %s: %w", opts.sms, err)
		}
		fmt.Fprintf(w, "3. participant   %s %s (%s through %s, Messaging Service %s)\n",
			p.SID, p.MessagingBinding.Address, p.MessagingBinding.Type, p.MessagingBinding.ProxyAddress, c.MessagingServiceSID)
	}

	// 4. Messages with JSON attributes of the application's own. Webhooks
	// stay off for this REST action (X-Twilio-Webhook-Enabled: false).
	msg, err := a.Messages.Create(ctx, room, &conversations.CreateMessageParams{
		Author:         twiliochat.Ptr(alice),
		Body:           twiliochat.Ptr("Where is my invoice?"),
		Attributes:     twiliochat.Ptr(string(attrs)),
		WebhookEnabled: twiliochat.Ptr(false),
	})
	if err != nil {
		return fmt.Errorf("post message: %w", err)
	}
	fmt.Fprintf(w, "4. posted        %s #%d from %s: %q %s\n", msg.SID, msg.Index, msg.Author, msg.Body, msg.Attributes)
	reply, err := a.Messages.Create(ctx, room, &conversations.CreateMessageParams{
		Author: twiliochat.Ptr(bob),
		Body:   twiliochat.Ptr("Sent again just now."),
	})
	if err != nil {
		return fmt.Errorf("post reply: %w", err)
	}
	fmt.Fprintf(w, "4. replied       %s #%d from %s: %q\n", reply.SID, reply.Index, reply.Author, reply.Body)

	// 5. The author edits the first one.
	msg, err = a.Messages.Update(ctx, room, msg.SID, &conversations.UpdateMessageParams{
		Body: twiliochat.Ptr("Where is my invoice for ticket 4217?"),
	})
	if err != nil {
		return fmt.Errorf("edit message: %w", err)
	}
	fmt.Fprintf(w, "5. edited        %s #%d: %q\n", msg.SID, msg.Index, msg.Body)

	// 6. The Messages, newest first, with their attributes read back into
	// the application's own struct.
	fmt.Fprintln(w, "6. messages, newest first:")
	newest := &conversations.ListMessagesParams{Order: twiliochat.Ptr(conversations.MessageOrderDesc), Limit: 20}
	last := -1
	for m, err := range a.Messages.List(ctx, room, newest) {
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
		fmt.Fprintf(w, "   #%d %s: %q%s\n", m.Index, m.Author, m.Body, note)
		last = max(last, m.Index)
	}

	// 7. The Conversations a participant is in, found by identity or,
	// for a participant who is not a User, by address.
	lookups := []*conversations.ListParticipantConversationsParams{{Identity: twiliochat.Ptr(alice)}}
	if opts.sms != "" {
		lookups = append(lookups, &conversations.ListParticipantConversationsParams{Address: twiliochat.Ptr(opts.sms)})
	}
	for _, params := range lookups {
		for pc, err := range a.ParticipantConversations.List(ctx, params) {
			if err != nil {
				return fmt.Errorf("list participant conversations: %w", err)
			}
			who := pc.ParticipantIdentity
			if who == "" && pc.ParticipantMessagingBinding != nil {
				who = pc.ParticipantMessagingBinding.Address
			}
			fmt.Fprintf(w, "7. %s is in %s %q (%s) as %s\n", who, pc.ConversationSID, pc.ConversationUniqueName, pc.ConversationState, pc.ParticipantSID)
		}
	}

	// 8. Bob's Conversations as his app shows them, and his read horizon
	// moved to the newest Message, which leaves nothing unread.
	for uc, err := range a.UserConversations.List(ctx, bob, nil) {
		if err != nil {
			return fmt.Errorf("list user conversations: %w", err)
		}
		fmt.Fprintf(w, "8. %s has %s %q: %s\n", bob, uc.ConversationSID, uc.UniqueName, readState(uc))
	}
	uc, err := a.UserConversations.Update(ctx, bob, room, &conversations.UpdateUserConversationParams{LastReadMessageIndex: twiliochat.Ptr(last)})
	if err != nil {
		return fmt.Errorf("mark read: %w", err)
	}
	fmt.Fprintf(w, "8. marked read   %s\n", readState(uc))

	// 9. Closed: the Conversation takes no more Messages and cannot be
	// reopened (https://www.twilio.com/docs/conversations/states-timers).
	closed, err := a.Conversations.Update(ctx, room, &conversations.UpdateConversationParams{
		State: twiliochat.Ptr(conversations.ConversationStateClosed),
	})
	if err != nil {
		return fmt.Errorf("close conversation: %w", err)
	}
	fmt.Fprintf(w, "9. closed        %s %q (%s)\n", closed.SID, closed.UniqueName, closed.State)
	return nil
}

// readState says how far the User has read uc: Twilio sends null for the
// read horizon and the unread count until the User has read something.
func readState(uc *conversations.UserConversation) string {
	if uc.LastReadMessageIndex == nil || uc.UnreadMessagesCount == nil {
		return "nothing read yet"
	}
	return fmt.Sprintf("read up to #%d, %d unread", *uc.LastReadMessageIndex, *uc.UnreadMessagesCount)
}
