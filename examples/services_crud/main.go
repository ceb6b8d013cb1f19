// Command services_crud walks a Chat Service through its whole life: it
// creates a Service, updates it, fetches it, lists the account's Services,
// deletes it and checks that it is gone, printing each step.
//
// Without TWILIO_ACCOUNT_SID it runs against the in-process twiliochattest
// fake, says so, and needs no account or network:
//
//	go run ./examples/services_crud
//
// With TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and
// TWILIO_API_SECRET) set, it does the same on Twilio, through
// NewClientFromEnv, and deletes the Service it created even when a later step
// fails:
//
//	TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… go run ./examples/services_crud -name crud-demo
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/examples/internal/democlient"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

func main() {
	name := flag.String("name", "crud-demo", "friendly name of the Service to create")
	limit := flag.Int("limit", 20, "list at most this many Services")
	flag.Parse()
	if err := run(os.Stdout, *name, *limit); err != nil {
		fmt.Fprintln(os.Stderr, "services_crud:", err)
		os.Exit(1)
	}
}

// run connects to Twilio, or to the fake when no account is configured, and
// walks a Service named name through its life, printing each step to w. It
// lists at most limit Services.
func run(w io.Writer, name string, limit int) error {
	if limit < 0 {
		return fmt.Errorf("-limit %d is negative", limit)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	// On the fake, two Services of its own make the list worth reading.
	client, closeFake, err := democlient.New(w, func(srv *twiliochattest.Server) error {
		for _, name := range []string{"existing: sales", "existing: support"} {
			if _, err := srv.SeedService(name); err != nil {
				return err
			}
		}
		return nil
	})
	defer closeFake()
	if err != nil {
		return err
	}
	return crud(ctx, w, client.Services, name, limit)
}

// crud creates, updates, fetches, lists and deletes a Service named name
// through services, printing each step to w. When a step after Create fails,
// it still deletes the Service.
func crud(ctx context.Context, w io.Writer, services twiliochat.ServicesAPI, name string, limit int) error {
	svc, err := services.Create(ctx, &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr(name)})
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	fmt.Fprintf(w, "1. created  %s %q (typing timeout %d s, %d members a channel)\n",
		svc.SID, svc.FriendlyName, svc.TypingIndicatorTimeout, svc.Limits.ChannelMembers)
	sid := svc.SID // svc is nil after a failed step; the cleanup needs the SID
	deleted := false
	defer func() {
		if !deleted {
			// A later step failed, perhaps because ctx ended: do not leave
			// the Service behind.
			cleanupCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
			defer cancel()
			if err := services.Delete(cleanupCtx, sid); err != nil {
				fmt.Fprintf(w, "   could not delete %s: %v\n", sid, err)
			} else {
				fmt.Fprintf(w, "   deleted %s after the failure\n", sid)
			}
		}
	}()

	svc, err = services.Update(ctx, sid, &twiliochat.UpdateServiceParams{
		FriendlyName:           twiliochat.Ptr(name + " (updated)"),
		TypingIndicatorTimeout: twiliochat.Ptr(10),
		Limits:                 &twiliochat.LimitsParams{ChannelMembers: twiliochat.Ptr(500)},
	})
	if err != nil {
		return fmt.Errorf("update: %w", err)
	}
	fmt.Fprintf(w, "2. updated  %s %q (typing timeout %d s, %d members a channel)\n",
		sid, svc.FriendlyName, svc.TypingIndicatorTimeout, svc.Limits.ChannelMembers)

	svc, err = services.Fetch(ctx, sid)
	if err != nil {
		return fmt.Errorf("fetch: %w", err)
	}
	fmt.Fprintf(w, "3. fetched  %s %q, created %s\n", sid, svc.FriendlyName, svc.DateCreated.Format(time.RFC3339))

	fmt.Fprintf(w, "4. listing  at most %d services, 2 a page:\n", limit)
	for s, err := range services.List(ctx, &twiliochat.ListServicesParams{PageSize: twiliochat.Ptr(2), Limit: limit}) {
		if err != nil {
			return fmt.Errorf("list: %w", err)
		}
		mark := ""
		if s.SID == sid {
			mark = "  <- ours"
		}
		fmt.Fprintf(w, "   %s %q%s\n", s.SID, s.FriendlyName, mark)
	}

	if err := services.Delete(ctx, sid); err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	deleted = true
	fmt.Fprintf(w, "5. deleted  %s\n", sid)

	_, err = services.Fetch(ctx, sid)
	if !twiliochat.IsNotFound(err) {
		return fmt.Errorf("fetch after delete: want a not-found error, got %v", err)
	}
	fmt.Fprintf(w, "6. fetching it again is not found: %v\n", err)
	return nil
}
