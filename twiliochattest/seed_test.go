package twiliochattest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// TestSeedErrors checks the one error convention of the Seed methods: what
// a Create request would refuse is an error saying why, with no SID, no
// panic, no request recorded and nothing stored.
func TestSeedErrors(t *testing.T) {
	t.Parallel()
	const nowhere = "IS00000000000000000000000000000000"
	tests := []struct {
		name    string
		seed    func(srv *twiliochattest.Server, serviceSID string) (string, error)
		wantErr string
	}{
		{"service without a name", func(srv *twiliochattest.Server, _ string) (string, error) {
			return srv.SeedService("")
		}, "twiliochattest: Missing required parameter FriendlyName in the post body"},
		{"role in no service", func(srv *twiliochattest.Server, _ string) (string, error) {
			return srv.SeedRole(nowhere, "moderator", twiliochat.RoleTypeChannel, "sendMessage")
		}, `twiliochattest: service "IS00000000000000000000000000000000" not found`},
		{"role of no type of the spec", func(srv *twiliochattest.Server, serviceSID string) (string, error) {
			return srv.SeedRole(serviceSID, "moderator", twiliochat.RoleType("admin"), "sendMessage")
		}, `twiliochattest: Invalid parameter Type: must be channel or deployment, got "admin"`},
		{"user in no service", func(srv *twiliochattest.Server, _ string) (string, error) {
			return srv.SeedUser(nowhere, "alice")
		}, "twiliochattest: The requested resource /v2/Services/IS00000000000000000000000000000000/Users was not found"},
		{"channel in no service", func(srv *twiliochattest.Server, _ string) (string, error) {
			return srv.SeedChannel(nowhere, "general")
		}, "twiliochattest: The requested resource /v2/Services/IS00000000000000000000000000000000/Channels was not found"},
		{"member of no channel", func(srv *twiliochattest.Server, _ string) (string, error) {
			return srv.SeedMember(nowhere, "general", "alice")
		}, "twiliochattest: The requested resource /v2/Services/IS00000000000000000000000000000000/Channels/general/Members was not found"},
		{"binding of no type of the spec", func(srv *twiliochattest.Server, serviceSID string) (string, error) {
			return srv.SeedBinding(serviceSID, "alice", "alice-phone", twiliochat.BindingType("sms"))
		}, `twiliochattest: binding type "sms" is not one of gcm, apn, fcm`},
		{"credential of no push service of the spec", func(srv *twiliochattest.Server, _ string) (string, error) {
			return srv.SeedCredential("iOS", twiliochat.PushService("voip"))
		}, `twiliochattest: Invalid parameter Type: must be gcm or apn or fcm, got "voip"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			serviceSID := seedService(t, srv, "support")
			before := stored(t, srv, serviceSID)
			requests := len(srv.Requests())

			var sid string
			var err error
			require.NotPanics(t, func() { sid, err = tt.seed(srv, serviceSID) })
			assert.EqualError(t, err, tt.wantErr)
			assert.Empty(t, sid)
			assert.Len(t, srv.Requests(), requests, "a Seed method sends no request")
			assert.Equal(t, before, stored(t, srv, serviceSID), "nothing stored")
		})
	}
}

// stored counts what srv holds where a Seed method could add something:
// the services, the credentials, and the roles, users, channels and
// bindings of the service serviceSID.
func stored(t *testing.T, srv *twiliochattest.Server, serviceSID string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for key, path := range map[string]string{
		"services":    "/v2/Services",
		"credentials": "/v2/Credentials",
		"roles":       "/v2/Services/" + serviceSID + "/Roles",
		"users":       "/v2/Services/" + serviceSID + "/Users",
		"channels":    "/v2/Services/" + serviceSID + "/Channels",
		"bindings":    "/v2/Services/" + serviceSID + "/Bindings",
	} {
		r := call(t, srv, http.MethodGet, path, nil)
		require.Equal(t, http.StatusOK, r.Status, path)
		items, ok := r.JSON(t)[key].([]any)
		require.True(t, ok, "%s lists under %q", path, key)
		counts[key] = len(items)
	}
	return counts
}
