package conversations_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// world is one of each resource in a fake, by the collection segment that
// addresses it.
type world struct {
	service string            // the default Conversation Service
	sids    map[string]string // collection → SID
}

// seed creates one of each resource through c, and a Binding through srv.
func seed(t *testing.T, srv *twiliochattest.Server, c *conversations.Client) world {
	t.Helper()
	ctx := context.Background()
	cfg, err := c.Configuration.Fetch(ctx)
	require.NoError(t, err)
	w := world{service: cfg.DefaultChatServiceSID, sids: map[string]string{}}
	add := func(coll string) func(string, error) {
		return func(sid string, err error) {
			t.Helper()
			require.NoError(t, err, coll)
			w.sids[coll] = sid
		}
	}
	conv, err := c.Conversations.Create(ctx, &conversations.CreateConversationParams{UniqueName: twiliochat.Ptr("c1")})
	add("Conversations")(sidOf(conv, err))
	add("Users")(sidOf(c.Users.Create(ctx, &conversations.CreateUserParams{Identity: twiliochat.Ptr("alice")})))
	add("Participants")(sidOf(c.Participants.Create(ctx, conv.SID, &conversations.CreateParticipantParams{Identity: twiliochat.Ptr("alice")})))
	add("Messages")(sidOf(c.Messages.Create(ctx, conv.SID, &conversations.CreateMessageParams{Author: twiliochat.Ptr("alice"), Body: twiliochat.Ptr("hi")})))
	add("Webhooks")(sidOf(c.ConversationWebhooks.Create(ctx, conv.SID, &conversations.CreateConversationWebhookParams{
		Target: twiliochat.Ptr(conversations.ScopedWebhookTargetWebhook), Configuration: &conversations.ConversationWebhookConfigurationParams{URL: twiliochat.Ptr("https://example.com/hook")}})))
	add("Roles")(sidOf(c.Roles.Create(ctx, &conversations.CreateRoleParams{FriendlyName: twiliochat.Ptr("r"), Type: twiliochat.Ptr(conversations.RoleTypeConversation), Permission: []string{"sendMessage"}})))
	add("Credentials")(sidOf(c.Credentials.Create(ctx, &conversations.CreateCredentialParams{Type: twiliochat.Ptr(conversations.PushServiceFCM), Secret: twiliochat.Ptr("fcm-server-key")})))
	add("Addresses")(sidOf(c.AddressConfigurations.Create(ctx, &conversations.CreateAddressConfigurationParams{Type: twiliochat.Ptr(conversations.AddressTypeSMS), Address: twiliochat.Ptr("+15558675310")})))
	add("Services")(sidOf(c.Services.Create(ctx, &conversations.CreateServiceParams{FriendlyName: twiliochat.Ptr("other")})))
	add("Bindings")(srv.SeedBinding(w.service, "alice", "endpoint", twiliochat.BindingTypeAPN))
	w.sids["Receipts"] = convspec.ConversationMessageReceiptSIDPrefix + strings.Repeat("0", 31) + "1" // a Message to an SMS participant has receipts; none here
	return w
}

// sidOf returns the SID of r, whose struct has a SID field.
func sidOf[R any](r *R, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return reflect.ValueOf(r).Elem().FieldByName("SID").String(), nil
}

// values returns op's path values in w, but the named Service's.
func (w world) values(op *spec.Operation) []string {
	var out []string
	segs := strings.Split(op.Path, "/")
	for i, seg := range segs {
		if strings.HasPrefix(seg, "{") && seg != "{ChatServiceSid}" {
			out = append(out, w.sids[segs[i-1]])
		}
	}
	return out
}

// TestEveryOperationAgainstTheFake calls every operation, with its
// required keys, on resources that exist in twiliochattest: the fake and
// the client agree on each. A Receipt cannot be made through the API, so
// its Fetch is answered 404.
func TestEveryOperationAgainstTheFake(t *testing.T) {
	t.Parallel()
	for _, op := range convspec.Operations {
		t.Run(op.ID, func(t *testing.T) {
			t.Parallel()
			srv := twiliochattest.New(t)
			c := srv.NewConversationsClient()
			w := seed(t, srv, c)
			err := conversations.CallWithRequired(t, c, op.ID, w.service, w.values(op))
			if strings.HasSuffix(op.Path, "/Receipts/{Sid}") {
				assert.True(t, twiliochat.IsNotFound(err), "%v", err)
				return
			}
			assert.NoError(t, err)
		})
	}
}
