// Command roles creates a channel Role with chosen permissions, makes it the
// default channel role of a Chat Service, lists the Service's Roles, and
// cleans up: it restores the previous default channel role and deletes the
// Role it created, even when a step in between fails.
//
// Without TWILIO_ACCOUNT_SID it runs against the in-process twiliochattest
// fake, on a Service seeded there, says so, and needs no account or
// network:
//
//	go run ./examples/roles
//
// With TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and
// TWILIO_API_SECRET) set, it works on the Service named by -service, through
// NewClientFromEnv:
//
//	TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… go run ./examples/roles -service IS…
package main

import (
	"context"
	"errors"
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
	service := flag.String("service", "", "SID of the Service (IS followed by 32 hex digits); needed with a real account")
	name := flag.String("name", "moderator", "friendly name of the channel Role to create (at most 64 characters)")
	perms := flag.String("permissions", "sendMessage,leaveChannel,editOwnMessage,deleteOwnMessage,removeMember",
		"comma-separated permissions of the new Role")
	flag.Parse()
	if err := run(os.Stdout, *service, *name, strings.Split(*perms, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "roles:", err)
		os.Exit(1)
	}
}

// run connects to Twilio, or to the fake when no account is configured, and
// walks a channel Role named name through its life in the Service
// serviceSID, printing each step to w.
func run(w io.Writer, serviceSID, name string, permissions []string) error {
	if err := democlient.RequireWithAccount("-service", serviceSID); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	client, closeFake, err := democlient.New(w, democlient.SeedService(&serviceSID, "roles demo"))
	defer closeFake()
	if err != nil {
		return err
	}
	return roles(ctx, w, client.Services, client.Roles, serviceSID, name, permissions)
}

// roles creates a channel Role, makes it the default channel role of the
// Service serviceSID, lists the Service's Roles and cleans up, printing each
// step to w. Whatever fails after the Role was created, it restores the
// Service's previous default channel role (when it changed it) and deletes
// the Role; an error of the cleanup is returned along with the step's.
func roles(ctx context.Context, w io.Writer, services twiliochat.ServicesAPI, roles twiliochat.RolesAPI,
	serviceSID, name string, permissions []string) (err error) {
	svc, err := services.Fetch(ctx, serviceSID)
	if err != nil {
		return fmt.Errorf("fetch service: %w", err)
	}
	previous := svc.DefaultChannelRoleSID
	if previous == "" {
		return fmt.Errorf("service %s has no default channel role that could be restored afterwards", svc.SID)
	}
	fmt.Fprintf(w, "1. service  %s %q, default channel role %s\n", svc.SID, svc.FriendlyName, previous)

	role, err := roles.Create(ctx, serviceSID, &twiliochat.CreateRoleParams{
		FriendlyName: twiliochat.Ptr(name),
		Type:         twiliochat.Ptr(twiliochat.RoleTypeChannel),
		Permission:   permissions,
	})
	if err != nil {
		return fmt.Errorf("create role: %w", err)
	}
	fmt.Fprintf(w, "2. created  %s %q (%s): %s\n", role.SID, role.FriendlyName, role.Type, strings.Join(role.Permissions, ", "))

	roleSID := role.SID
	madeDefault := false
	defer func() {
		// Runs after a failed step too, and after ctx ended: give the
		// cleanup its own time.
		cleanupCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		err = errors.Join(err, cleanup(cleanupCtx, w, services, roles, serviceSID, roleSID, previous, madeDefault))
	}()

	// madeDefault is set before the call: when the answer is lost, the
	// Service may have changed all the same, and restoring is harmless.
	madeDefault = true
	svc, err = services.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{DefaultChannelRoleSID: twiliochat.Ptr(roleSID)})
	if err != nil {
		return fmt.Errorf("make default: %w", err)
	}
	fmt.Fprintf(w, "3. default  channel role of %s is now %s\n", svc.SID, svc.DefaultChannelRoleSID)

	fmt.Fprintln(w, "4. roles of the service:")
	for r, err := range roles.List(ctx, serviceSID, nil) {
		if err != nil {
			return fmt.Errorf("list roles: %w", err)
		}
		mark := ""
		switch r.SID {
		case svc.DefaultServiceRoleSID:
			mark = "  <- default service role"
		case svc.DefaultChannelRoleSID:
			mark = "  <- default channel role (ours)"
		}
		if r.SID == svc.DefaultChannelCreatorRoleSID {
			mark += "  <- default channel creator role"
		}
		fmt.Fprintf(w, "   %s %-10s %q%s\n", r.SID, r.Type, r.FriendlyName, mark)
	}
	return nil
}

// cleanup restores previous as the default channel role of the Service when
// restore is set, then deletes the Role roleSID, printing each step to w. It
// deletes the Role only once the Service no longer points at it.
func cleanup(ctx context.Context, w io.Writer, services twiliochat.ServicesAPI, roles twiliochat.RolesAPI,
	serviceSID, roleSID, previous string, restore bool) error {
	if restore {
		if _, err := services.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{DefaultChannelRoleSID: twiliochat.Ptr(previous)}); err != nil {
			fmt.Fprintf(w, "   could not restore the default channel role %s: %v\n", previous, err)
			return fmt.Errorf("restore default channel role %s, then delete role %s: %w", previous, roleSID, err)
		}
		fmt.Fprintf(w, "5. restored default channel role %s\n", previous)
	}
	if err := roles.Delete(ctx, serviceSID, roleSID); err != nil {
		fmt.Fprintf(w, "   could not delete %s: %v\n", roleSID, err)
		return fmt.Errorf("delete role %s: %w", roleSID, err)
	}
	fmt.Fprintf(w, "6. deleted  %s\n", roleSID)
	return nil
}
