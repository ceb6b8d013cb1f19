// Command update_service updates a Chat Service and prints the result.
//
// With TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and
// TWILIO_API_SECRET) set, it updates the Service named by -sid on Twilio.
// Without them it starts the in-memory twiliochattest fake, says so, and
// updates a service seeded there, so it runs on any machine:
//
//	go run ./examples/update_service
//	TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… go run ./examples/update_service -sid IS…
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/examples/internal/democlient"
)

func main() {
	sid := flag.String("sid", "", "SID of the Service to update (IS followed by 32 hex digits); needed with a real account")
	name := flag.String("name", "support", "new friendly name of the Service")
	flag.Parse()
	if err := run(os.Stdout, *sid, *name); err != nil {
		fmt.Fprintln(os.Stderr, "update_service:", err)
		os.Exit(1)
	}
}

// run updates the Service sid, or a seeded one on the fake when no account
// is configured, and prints it to w.
func run(w io.Writer, sid, name string) error {
	if err := democlient.RequireWithAccount("-sid", sid); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	client, closeFake, err := democlient.New(w, democlient.SeedService(&sid, "demo"))
	defer closeFake()
	if err != nil {
		return err
	}

	svc, err := client.Services.Update(ctx, sid, &twiliochat.UpdateServiceParams{
		FriendlyName:           twiliochat.Ptr(name),
		ReachabilityEnabled:    twiliochat.Ptr(true),
		TypingIndicatorTimeout: twiliochat.Ptr(10),
		Notifications: &twiliochat.NotificationsParams{
			NewMessage: &twiliochat.NewMessageNotificationParams{
				Enabled:           twiliochat.Ptr(true),
				Template:          twiliochat.Ptr("${USER}: ${MESSAGE}"),
				BadgeCountEnabled: twiliochat.Ptr(true),
			},
		},
		Limits: &twiliochat.LimitsParams{ChannelMembers: twiliochat.Ptr(500), UserChannels: twiliochat.Ptr(200)},
		Media:  &twiliochat.MediaParams{CompatibilityMessage: twiliochat.Ptr("[media]")},
	})
	if err != nil {
		return err
	}
	printService(w, svc)
	return nil
}

// printService writes the fields of svc that the update touched, and the
// rest a reader wants to see, one per line.
func printService(w io.Writer, svc *twiliochat.Service) {
	rows := []struct{ name, value string }{
		{"SID", svc.SID},
		{"Friendly name", svc.FriendlyName},
		{"Updated", svc.DateUpdated.Format(time.RFC3339)},
		{"Reachability", onOff(svc.ReachabilityEnabled)},
		{"Read status", onOff(svc.ReadStatusEnabled)},
		{"Typing timeout", fmt.Sprintf("%d s", svc.TypingIndicatorTimeout)},
		{"New message push", fmt.Sprintf("%v (%q, badge %v)", svc.Notifications.NewMessage.Enabled, svc.Notifications.NewMessage.Template, svc.Notifications.NewMessage.BadgeCountEnabled)},
		{"Limits", fmt.Sprintf("%d members a channel, %d channels a user", svc.Limits.ChannelMembers, svc.Limits.UserChannels)},
		{"Media", fmt.Sprintf("%d MB, %q", svc.Media.SizeLimitMB, svc.Media.CompatibilityMessage)},
		{"Webhook method", string(svc.WebhookMethod)},
		{"Webhook filters", orNone(strings.Join(svc.WebhookFilters, ", "))},
		{"URL", svc.URL},
	}
	fmt.Fprintln(w, "Updated service:")
	for _, row := range rows {
		fmt.Fprintf(w, "  %-17s %s\n", row.name+":", row.value)
	}
}

// onOff spells a setting Twilio may leave null.
func onOff(b *bool) string {
	if b == nil {
		return "(not known)"
	}
	return fmt.Sprint(*b)
}

// orNone returns s, or "(none)" when s is empty.
func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
