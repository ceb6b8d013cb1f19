// Package democlient connects the example programs to Twilio or, when no
// account is configured, to the in-process twiliochattest fake: the choice
// every example makes, made in one place. It also holds what the examples
// that create resources share: the suffix of their names (Tag) and the
// deletes that run whatever step failed (Cleanup).
package democlient

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// UsingAccount reports whether TWILIO_ACCOUNT_SID is set, which makes an
// example work on that account instead of on the fake.
func UsingAccount() bool { return os.Getenv("TWILIO_ACCOUNT_SID") != "" }

// RequireWithAccount returns an error saying that the flag named flag is
// required with a real account when UsingAccount and value is empty, and
// nil otherwise: on the fake the example seeds what it needs.
func RequireWithAccount(flag, value string) error {
	if UsingAccount() && value == "" {
		return errors.New(flag + " is required with a real account")
	}
	return nil
}

// New returns a client for the account in the environment, through
// twiliochat.NewClientFromEnv, when UsingAccount. Otherwise it starts the
// in-process twiliochattest fake, says so on w, calls seed (when not nil) to
// put what the example needs in it, and returns a client for the fake; when
// seed fails, New closes the fake and returns seed's error. The returned
// func closes the fake and does nothing for an account; it is never nil, so
// it can be deferred before err is checked.
func New(w io.Writer, seed func(srv *twiliochattest.Server) error) (client *twiliochat.Client, closeFake func(), err error) {
	if UsingAccount() {
		client, err = twiliochat.NewClientFromEnv()
		return client, func() {}, err
	}
	srv := twiliochattest.NewServer()
	fmt.Fprintf(w, "TWILIO_ACCOUNT_SID is not set: using the in-process twiliochattest fake at %s\n", srv.URL)
	if seed != nil {
		if err := seed(srv); err != nil {
			srv.Close()
			return nil, func() {}, fmt.Errorf("seed the fake: %w", err)
		}
	}
	client, err = twiliochat.NewClient(srv.AccountSID(), srv.AuthToken(), twiliochat.WithBaseURL(srv.URL))
	if err != nil {
		srv.Close()
		return nil, func() {}, fmt.Errorf("fake client: %w", err)
	}
	return client, srv.Close, nil
}

// SeedService returns a seed for New that, when *sid is empty, seeds a
// Service named name on the fake and sets *sid to its SID: the Service an
// example works in when no flag names one.
func SeedService(sid *string, name string) func(srv *twiliochattest.Server) error {
	return func(srv *twiliochattest.Server) (err error) {
		if *sid == "" {
			*sid, err = srv.SeedService(name)
		}
		return err
	}
}
