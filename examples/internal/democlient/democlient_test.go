package democlient

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// TestNewOnTheFake checks that without an account New says it uses the
// fake, seeds it, and returns a client that reaches what was seeded until
// the fake is closed.
func TestNewOnTheFake(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	require.NoError(t, RequireWithAccount("-service", ""))
	var out bytes.Buffer
	var sid string
	client, closeFake, err := New(&out, SeedService(&sid, "demo"))
	require.NoError(t, err)
	require.NotEmpty(t, sid)
	assert.Contains(t, out.String(), "TWILIO_ACCOUNT_SID is not set: using the in-process twiliochattest fake at http://127.0.0.1:")
	svc, err := client.Services.Fetch(context.Background(), sid)
	require.NoError(t, err)
	assert.Equal(t, "demo", svc.FriendlyName)
	closeFake()
	_, err = client.Services.Fetch(context.Background(), sid)
	assert.Error(t, err, "the fake is closed")
}

// TestNewSeedFails checks that New returns the error of a seed that fails,
// with no client, and closes the fake it started.
func TestNewSeedFails(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	var fake *twiliochattest.Server
	var sid string
	client, closeFake, err := New(io.Discard, func(srv *twiliochattest.Server) error {
		fake = srv
		return SeedService(&sid, "")(srv)
	})
	require.Error(t, err)
	assert.Equal(t, "seed the fake: twiliochattest: Missing required parameter FriendlyName in the post body", err.Error())
	assert.Nil(t, client)
	require.NotNil(t, closeFake)
	closeFake()
	assert.Empty(t, sid)
	require.NotNil(t, fake)
	_, err = fake.Client().Get(fake.URL + "/v2/Services")
	assert.Error(t, err, "the fake is closed")
}

// TestSeedServiceKeepsAGivenSID checks that SeedService seeds nothing
// when a SID is given.
func TestSeedServiceKeepsAGivenSID(t *testing.T) {
	t.Parallel()
	srv := twiliochattest.New(t)
	sid := "IS0123456789abcdef0123456789abcdef"
	require.NoError(t, SeedService(&sid, "demo")(srv))
	assert.Equal(t, "IS0123456789abcdef0123456789abcdef", sid)
	page, err := srv.NewClient().Services.ListPage(context.Background(), nil)
	require.NoError(t, err)
	assert.Empty(t, page.Items)
}

// TestNewWithAccount checks that with an account a missing flag value is an
// error, and New uses the environment, starting no fake and printing
// nothing.
func TestNewWithAccount(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "AC123")
	t.Setenv("TWILIO_AUTH_TOKEN", "token")
	assert.EqualError(t, RequireWithAccount("-service", ""), "-service is required with a real account")
	assert.NoError(t, RequireWithAccount("-service", "IS0123456789abcdef0123456789abcdef"))
	var out bytes.Buffer
	_, closeFake, err := New(&out, func(*twiliochattest.Server) error {
		t.Error("seed called with an account")
		return nil
	})
	var vErr *twiliochat.ValidationError
	require.ErrorAs(t, err, &vErr)
	assert.Equal(t, "TWILIO_ACCOUNT_SID", vErr.Field)
	require.NotNil(t, closeFake)
	closeFake()
	assert.Empty(t, out.String())
}
