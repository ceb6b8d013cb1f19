package twiliochattest_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// The fake's Users, Channels and Members, through the SDK.

// newChat starts a Server with a clock fixed at t0 and returns it, a
// Client on it, and a new service.
func newChat(t *testing.T) (*twiliochattest.Server, *twiliochat.Client, *twiliochat.Service) {
	t.Helper()
	srv := newServer(t)
	client := srv.NewClient()
	svc, err := client.Services.Fetch(context.Background(), seedService(t, srv, "chat"))
	require.NoError(t, err)
	return srv, client, svc
}

// assertAPIError checks that err is an *APIError of status and Twilio code.
func assertAPIError(t *testing.T, err error, status, code int) {
	t.Helper()
	var apiErr *twiliochat.APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	assert.Equal(t, status, apiErr.Status, apiErr.Message)
	assert.Equal(t, code, apiErr.Code, apiErr.Message)
}

func TestUsers(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()

	user, err := client.Users.Create(ctx, svc.SID, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr("alice@example.com"), WebhookEnabled: twiliochat.Ptr(false)})
	require.NoError(t, err)
	url := svc.URL + "/Users/" + user.SID
	assert.Equal(t, &twiliochat.User{
		SID: user.SID, AccountSID: srv.AccountSID(), ServiceSID: svc.SID, Attributes: "{}",
		RoleSID: svc.DefaultServiceRoleSID, Identity: "alice@example.com", DateCreated: t0, DateUpdated: t0,
		Links: map[string]string{"user_channels": url + "/Channels", "user_bindings": url + "/Bindings"}, URL: url,
	}, user, "the Service's default service role; is_online and is_notifiable null without reachability")
	assert.Equal(t, []string{"false"}, srv.RequestsTo("POST /v2/Services/{ServiceSid}/Users")[0].Header.Values("X-Twilio-Webhook-Enabled"))

	_, err = client.Users.Create(ctx, svc.SID, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr("alice@example.com")})
	assertAPIError(t, err, http.StatusConflict, 50201)
	_, err = client.Users.Create(ctx, svc.SID, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr(user.SID)})
	assertAPIError(t, err, http.StatusBadRequest, 50206)

	for _, key := range []string{user.SID, "alice@example.com"} {
		got, err := client.Users.Fetch(ctx, svc.SID, key)
		require.NoError(t, err, key)
		assert.Equal(t, user, got, key)
	}

	roles := roleSIDs(t, client, svc.SID)
	_, err = client.Users.Update(ctx, svc.SID, user.SID, &twiliochat.UpdateUserParams{RoleSID: twiliochat.Ptr(roles["channel user"])})
	assertAPIError(t, err, http.StatusBadRequest, 20001)
	updated, err := client.Users.Update(ctx, svc.SID, "alice@example.com", &twiliochat.UpdateUserParams{
		RoleSID: twiliochat.Ptr(roles["service admin"]), Attributes: twiliochat.Ptr(`{"tier":"gold"}`), FriendlyName: twiliochat.Ptr("Alice"),
	})
	require.NoError(t, err)
	want := *user
	want.RoleSID, want.Attributes, want.FriendlyName = roles["service admin"], `{"tier":"gold"}`, "Alice"
	assert.Equal(t, &want, updated)

	_, err = client.Services.Update(ctx, svc.SID, &twiliochat.UpdateServiceParams{ReachabilityEnabled: twiliochat.Ptr(true)})
	require.NoError(t, err)
	reachable, err := client.Users.Fetch(ctx, svc.SID, user.SID)
	require.NoError(t, err)
	assert.Nil(t, reachable.IsOnline, "no client is ever connected: never online is null")
	assert.Nil(t, reachable.IsNotifiable, "never had a push registration is null")
	_, err = srv.SeedBinding(svc.SID, user.Identity, "endpoint-1", twiliochat.BindingTypeAPN)
	require.NoError(t, err)
	notifiable, err := client.Users.Fetch(ctx, svc.SID, user.SID)
	require.NoError(t, err)
	assert.Nil(t, notifiable.IsOnline)
	assert.Equal(t, twiliochat.Ptr(true), notifiable.IsNotifiable, "a Binding makes the user notifiable")
	for listed, err := range client.Users.List(ctx, svc.SID, nil) {
		require.NoError(t, err)
		assert.Nil(t, listed.IsOnline, "a Read action answers null")
		assert.Nil(t, listed.IsNotifiable, "a Read action answers null")
	}

	bob, err := client.Users.Create(ctx, svc.SID, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr("team/bob")})
	require.NoError(t, err)
	assert.Equal(t, []string{user.SID, bob.SID}, userSIDs(t, client, svc.SID))

	require.NoError(t, client.Users.Delete(ctx, svc.SID, "team/bob"))
	_, err = client.Users.Fetch(ctx, svc.SID, bob.SID)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
	_, err = client.Users.Create(ctx, svc.SID, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr("team/bob")})
	assert.NoError(t, err, "a deleted user's identity is free again")

	other := seedService(t, srv, "other")
	_, err = client.Users.Create(ctx, other, &twiliochat.CreateUserParams{Identity: twiliochat.Ptr("alice@example.com")})
	assert.NoError(t, err, "identities are unique per service")
	_, err = client.Users.Fetch(ctx, other, user.SID)
	assert.True(t, twiliochat.IsNotFound(err), "another service's user: %v", err)
}

func TestChannels(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()

	general, err := client.Channels.Create(ctx, svc.SID, nil)
	require.NoError(t, err)
	url := svc.URL + "/Channels/" + general.SID
	assert.Equal(t, &twiliochat.Channel{
		SID: general.SID, AccountSID: srv.AccountSID(), ServiceSID: svc.SID, Attributes: "{}", Type: twiliochat.ChannelTypePublic,
		DateCreated: t0, DateUpdated: t0, CreatedBy: "system", URL: url,
		Links: map[string]string{"members": url + "/Members", "messages": url + "/Messages", "invites": url + "/Invites",
			"webhooks": url + "/Webhooks", "last_message": ""},
	}, general)

	support, err := client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{
		FriendlyName: twiliochat.Ptr("Support"), UniqueName: twiliochat.Ptr("support/emea"), Type: twiliochat.Ptr(twiliochat.ChannelTypePrivate),
		Attributes: twiliochat.Ptr(`{"tier":1}`), CreatedBy: twiliochat.Ptr("alice"), DateCreated: twiliochat.Ptr(t0.Add(-48 * 3600e9)),
	})
	require.NoError(t, err)
	assert.Equal(t, []any{"Support", "support/emea", twiliochat.ChannelTypePrivate, twiliochat.Attributes(`{"tier":1}`), "alice", t0.Add(-48 * 3600e9), t0},
		[]any{support.FriendlyName, support.UniqueName, support.Type, support.Attributes, support.CreatedBy, support.DateCreated, support.DateUpdated})

	_, err = client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr("support/emea")})
	assertAPIError(t, err, http.StatusConflict, 50307)
	_, err = client.Channels.Create(ctx, svc.SID, &twiliochat.CreateChannelParams{UniqueName: twiliochat.Ptr(general.SID)})
	assertAPIError(t, err, http.StatusBadRequest, 50306)
	_, err = client.Channels.Update(ctx, svc.SID, general.SID, &twiliochat.UpdateChannelParams{UniqueName: twiliochat.Ptr("support/emea")})
	assertAPIError(t, err, http.StatusConflict, 50307)

	fetched, err := client.Channels.Fetch(ctx, svc.SID, "support/emea")
	require.NoError(t, err)
	assert.Equal(t, support, fetched)

	renamed, err := client.Channels.Update(ctx, svc.SID, "support/emea", &twiliochat.UpdateChannelParams{UniqueName: twiliochat.Ptr("support")})
	require.NoError(t, err)
	assert.Equal(t, "support", renamed.UniqueName)
	_, err = client.Channels.Fetch(ctx, svc.SID, "support/emea")
	assert.True(t, twiliochat.IsNotFound(err), "the old name is gone: %v", err)
	_, err = client.Channels.Update(ctx, svc.SID, "support", &twiliochat.UpdateChannelParams{UniqueName: twiliochat.Ptr("")})
	require.NoError(t, err)
	_, err = client.Channels.Fetch(ctx, svc.SID, "support")
	assert.True(t, twiliochat.IsNotFound(err), "an empty unique name clears it: %v", err)

	lists := []struct {
		types []twiliochat.ChannelType
		want  []string
	}{
		{nil, []string{general.SID, support.SID}},
		{[]twiliochat.ChannelType{twiliochat.ChannelTypePublic}, []string{general.SID}},
		{[]twiliochat.ChannelType{twiliochat.ChannelTypePrivate}, []string{support.SID}},
		{[]twiliochat.ChannelType{twiliochat.ChannelTypePrivate, twiliochat.ChannelTypePublic}, []string{general.SID, support.SID}},
	}
	for _, l := range lists {
		var got []string
		for ch, err := range client.Channels.List(ctx, svc.SID, &twiliochat.ListChannelsParams{Type: l.types, PageSize: twiliochat.Ptr(1)}) {
			require.NoError(t, err)
			got = append(got, ch.SID)
		}
		assert.Equal(t, l.want, got, "%v", l.types)
	}

	require.NoError(t, client.Channels.Delete(ctx, svc.SID, general.SID, &twiliochat.DeleteChannelParams{WebhookEnabled: twiliochat.Ptr(true)}))
	assert.Equal(t, []string{"true"}, srv.RequestsTo("DELETE /v2/Services/{ServiceSid}/Channels/{Sid}")[0].Header.Values("X-Twilio-Webhook-Enabled"))
	_, err = client.Channels.Fetch(ctx, svc.SID, general.SID)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
}

// TestWebhookHeaderValue checks that the fake refuses a webhook header
// that is not true or false, as the spec's enum has it.
func TestWebhookHeaderValue(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid := seedService(t, srv, "s")
	req, err := http.NewRequest(http.MethodDelete, srv.URL+"/v2/Services/"+sid+"/Channels/general", nil)
	require.NoError(t, err)
	req.SetBasicAuth(srv.AccountSID(), srv.AuthToken())
	req.Header.Set("X-Twilio-Webhook-Enabled", "yes")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	assertTwilioError(t, readResponse(t, resp), http.StatusBadRequest, 20001)
}

// TestDeleteCascades checks that deleting a channel deletes its members and
// keeps the users' joined_channels_count, and that deleting a service
// deletes its users and channels.
func TestDeleteCascades(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	a, err := srv.SeedChannel(svc.SID, "a")
	require.NoError(t, err)
	_, err = srv.SeedChannel(svc.SID, "b")
	require.NoError(t, err)
	for _, ch := range []string{"a", "b"} {
		_, err := srv.SeedMember(svc.SID, ch, "alice")
		require.NoError(t, err)
	}
	alice, err := client.Users.Fetch(ctx, svc.SID, "alice")
	require.NoError(t, err)
	assert.Equal(t, 2, alice.JoinedChannelsCount, "SeedMember created the user")
	ch, err := client.Channels.Fetch(ctx, svc.SID, a)
	require.NoError(t, err)
	assert.Equal(t, 1, ch.MembersCount)

	require.NoError(t, client.Channels.Delete(ctx, svc.SID, "a", nil))
	alice, err = client.Users.Fetch(ctx, svc.SID, "alice")
	require.NoError(t, err)
	assert.Equal(t, 1, alice.JoinedChannelsCount)
	_, err = srv.SeedChannel(svc.SID, "a")
	require.NoError(t, err, "the unique name is free again")

	require.NoError(t, client.Users.Delete(ctx, svc.SID, "alice"))
	b, err := client.Channels.Fetch(ctx, svc.SID, "b")
	require.NoError(t, err)
	assert.Equal(t, 0, b.MembersCount, "a deleted user leaves its channels")

	require.NoError(t, client.Services.Delete(ctx, svc.SID))
	_, err = srv.SeedChannel(svc.SID, "c")
	assert.Error(t, err, "the service is gone")
	_, err = srv.SeedUser(svc.SID, "alice")
	assert.Error(t, err)
}

// roleSIDs returns the SIDs of a service's roles by name.
func roleSIDs(t *testing.T, client *twiliochat.Client, serviceSID string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for role, err := range client.Roles.List(context.Background(), serviceSID, nil) {
		require.NoError(t, err)
		out[role.FriendlyName] = role.SID
	}
	return out
}

// userSIDs lists a service's users, one per page.
func userSIDs(t *testing.T, client *twiliochat.Client, serviceSID string) []string {
	t.Helper()
	var out []string
	for u, err := range client.Users.List(context.Background(), serviceSID, &twiliochat.ListUsersParams{PageSize: twiliochat.Ptr(1)}) {
		require.NoError(t, err)
		out = append(out, u.SID)
	}
	return out
}

func TestMembers(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	channelSID, err := srv.SeedChannel(svc.SID, "support/emea")
	require.NoError(t, err)
	_, err = srv.SeedUser(svc.SID, "bob")
	require.NoError(t, err)

	alice, err := client.Members.Create(ctx, svc.SID, "support/emea", &twiliochat.CreateMemberParams{
		Identity: twiliochat.Ptr("alice@example.com"), WebhookEnabled: twiliochat.Ptr(true)})
	require.NoError(t, err)
	url := svc.URL + "/Channels/" + channelSID + "/Members/" + alice.SID
	assert.Equal(t, &twiliochat.Member{
		SID: alice.SID, AccountSID: srv.AccountSID(), ChannelSID: channelSID, ServiceSID: svc.SID, Identity: "alice@example.com",
		DateCreated: t0, DateUpdated: t0, RoleSID: svc.DefaultChannelRoleSID, URL: url, Attributes: "{}",
	}, alice, "the Service's default channel role; nothing read yet")
	sent := srv.Requests()[1] // after newChat's Fetch Service
	assert.Equal(t, "/v2/Services/"+svc.SID+"/Channels/support/emea/Members", sent.Path, "the decoded path")
	assert.Equal(t, []string{"true"}, sent.Header.Values("X-Twilio-Webhook-Enabled"))
	user, err := client.Users.Fetch(ctx, svc.SID, "alice@example.com")
	require.NoError(t, err, "adding a member created the user")
	assert.Equal(t, svc.DefaultServiceRoleSID, user.RoleSID)
	assert.Equal(t, 1, user.JoinedChannelsCount)

	roles := roleSIDs(t, client, svc.SID)
	bob, err := client.Members.Create(ctx, svc.SID, channelSID, &twiliochat.CreateMemberParams{
		Identity: twiliochat.Ptr("bob"), RoleSID: twiliochat.Ptr(roles["channel admin"]), LastConsumedMessageIndex: twiliochat.Ptr(0)})
	require.NoError(t, err)
	assert.Equal(t, roles["channel admin"], bob.RoleSID)
	assert.Equal(t, twiliochat.Ptr(0), bob.LastConsumedMessageIndex)

	_, err = client.Members.Create(ctx, svc.SID, channelSID, &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("bob")})
	assertAPIError(t, err, http.StatusConflict, 50404)
	_, err = client.Members.Create(ctx, svc.SID, channelSID, &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("carol"), RoleSID: twiliochat.Ptr(roles["service user"])})
	assertAPIError(t, err, http.StatusBadRequest, 20001)
	_, err = client.Users.Fetch(ctx, svc.SID, "carol")
	assert.True(t, twiliochat.IsNotFound(err), "a refused member creates no user: %v", err)
	_, err = client.Members.Create(ctx, svc.SID, "nope", &twiliochat.CreateMemberParams{Identity: twiliochat.Ptr("carol")})
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)

	for _, key := range []string{alice.SID, "alice@example.com"} {
		got, err := client.Members.Fetch(ctx, svc.SID, "support/emea", key)
		require.NoError(t, err, key)
		assert.Equal(t, alice, got, key)
	}

	read := t0.Add(-3600e9)
	updated, err := client.Members.Update(ctx, svc.SID, channelSID, "alice@example.com", &twiliochat.UpdateMemberParams{
		LastConsumedMessageIndex: twiliochat.Ptr(4), LastConsumptionTimestamp: &read, Attributes: twiliochat.Ptr(`{"seat":1}`)})
	require.NoError(t, err)
	want := *alice
	want.LastConsumedMessageIndex, want.LastConsumptionTimestamp, want.Attributes = twiliochat.Ptr(4), read, `{"seat":1}`
	assert.Equal(t, &want, updated)

	var identities []string
	for m, err := range client.Members.List(ctx, svc.SID, channelSID, &twiliochat.ListMembersParams{Identity: []string{"bob", "nobody"}}) {
		require.NoError(t, err)
		identities = append(identities, m.Identity)
	}
	assert.Equal(t, []string{"bob"}, identities)
	page, err := client.Members.ListPage(ctx, svc.SID, channelSID, &twiliochat.ListMembersParams{PageSize: twiliochat.Ptr(1)})
	require.NoError(t, err)
	assert.Equal(t, []twiliochat.Member{want}, page.Items)
	ch, err := client.Channels.Fetch(ctx, svc.SID, channelSID)
	require.NoError(t, err)
	assert.Equal(t, 2, ch.MembersCount)

	require.NoError(t, client.Members.Delete(ctx, svc.SID, "support/emea", "alice@example.com", nil))
	_, err = client.Members.Fetch(ctx, svc.SID, channelSID, alice.SID)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
	ch, err = client.Channels.Fetch(ctx, svc.SID, channelSID)
	require.NoError(t, err)
	assert.Equal(t, 1, ch.MembersCount)
	user, err = client.Users.Fetch(ctx, svc.SID, "alice@example.com")
	require.NoError(t, err, "the user stays")
	assert.Equal(t, 0, user.JoinedChannelsCount)
}
