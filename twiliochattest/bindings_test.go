package twiliochattest_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// The fake's Bindings and User Bindings, through the SDK.

// seedBinding seeds a binding and fails the test on an error.
func seedBinding(t *testing.T, srv *twiliochattest.Server, serviceSID, identity, endpoint string, bindingType twiliochat.BindingType) string {
	t.Helper()
	sid, err := srv.SeedBinding(serviceSID, identity, endpoint, bindingType)
	require.NoError(t, err)
	return sid
}

// bindingSIDs returns the SIDs of bindings, in order.
func bindingSIDs(bindings []twiliochat.Binding) []string {
	var sids []string
	for _, b := range bindings {
		sids = append(sids, b.SID)
	}
	return sids
}

func TestSeedBinding(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	existing, err := srv.SeedUser(svc.SID, "alice")
	require.NoError(t, err)

	sid := seedBinding(t, srv, svc.SID, "alice", "alice-iphone", twiliochat.BindingTypeAPN)
	got, err := client.Bindings.Fetch(ctx, svc.SID, sid)
	require.NoError(t, err)
	assert.Equal(t, &twiliochat.Binding{
		SID: sid, AccountSID: srv.AccountSID(), ServiceSID: svc.SID, DateCreated: t0, DateUpdated: t0,
		Endpoint: "alice-iphone", Identity: "alice", BindingType: twiliochat.BindingTypeAPN,
		MessageTypes: []twiliochat.PushType{twiliochat.PushTypeRemovedFromChannel, twiliochat.PushTypeNewMessage,
			twiliochat.PushTypeAddedToChannel, twiliochat.PushTypeInvitedToChannel},
		URL:   svc.URL + "/Bindings/" + sid,
		Links: map[string]string{"user": svc.URL + "/Users/alice"},
	}, got, "under the Service: links, no user_sid")

	for _, user := range []string{existing, "alice"} {
		got, err = client.UserBindings.Fetch(ctx, svc.SID, user, sid)
		require.NoError(t, err, user)
		assert.Equal(t, existing, got.UserSID, "the binding belongs to the user who was there")
		assert.Equal(t, svc.URL+"/Users/"+existing+"/Bindings/"+sid, got.URL)
		assert.Nil(t, got.Links, "under the User: user_sid, no links")
	}

	// A client that logs in as a new identity creates its user.
	sid = seedBinding(t, srv, svc.SID, "bob@example.com/phone", "token-1", twiliochat.BindingTypeFCM)
	bob, err := client.Users.Fetch(ctx, svc.SID, "bob@example.com/phone")
	require.NoError(t, err)
	got, err = client.Bindings.Fetch(ctx, svc.SID, sid)
	require.NoError(t, err)
	assert.Equal(t, svc.URL+"/Users/bob@example.com%2Fphone", got.Links["user"], "the identity is one path segment")
	got, err = client.UserBindings.Fetch(ctx, svc.SID, bob.SID, sid)
	require.NoError(t, err)
	assert.Equal(t, bob.SID, got.UserSID)

	before := len(srv.Requests())
	for name, seed := range map[string]func() error{
		"unknown service": func() error {
			_, err := srv.SeedBinding("IS00000000000000000000000000000000", "alice", "x", twiliochat.BindingTypeAPN)
			return err
		},
		"unknown type":   func() error { _, err := srv.SeedBinding(svc.SID, "alice", "x", "sms"); return err },
		"empty endpoint": func() error { _, err := srv.SeedBinding(svc.SID, "alice", "", twiliochat.BindingTypeGCM); return err },
		"identity like a user SID": func() error {
			_, err := srv.SeedBinding(svc.SID, "US00000000000000000000000000000000", "x", twiliochat.BindingTypeGCM)
			return err
		},
	} {
		assert.Error(t, seed(), name)
	}
	assert.Len(t, srv.Requests(), before, "seeding sends no request")
}

func TestBindingLists(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	a1 := seedBinding(t, srv, svc.SID, "alice", "alice-iphone", twiliochat.BindingTypeAPN)
	b1 := seedBinding(t, srv, svc.SID, "bob", "bob-android", twiliochat.BindingTypeGCM)
	a2 := seedBinding(t, srv, svc.SID, "alice", "alice-pixel", twiliochat.BindingTypeFCM)
	c1 := seedBinding(t, srv, svc.SID, "carol", "carol-ipad", twiliochat.BindingTypeAPN)

	tests := []struct {
		name   string
		params *twiliochat.ListBindingsParams
		want   []string
	}{
		{"all, in creation order", nil, []string{a1, b1, a2, c1}},
		{"one type", &twiliochat.ListBindingsParams{BindingType: []twiliochat.BindingType{twiliochat.BindingTypeAPN}}, []string{a1, c1}},
		{"two types", &twiliochat.ListBindingsParams{BindingType: []twiliochat.BindingType{twiliochat.BindingTypeFCM, twiliochat.BindingTypeGCM}}, []string{b1, a2}},
		{"two identities", &twiliochat.ListBindingsParams{Identity: []string{"carol", "alice"}}, []string{a1, a2, c1}},
		{"type and identity", &twiliochat.ListBindingsParams{BindingType: []twiliochat.BindingType{twiliochat.BindingTypeAPN}, Identity: []string{"alice", "bob"}}, []string{a1}},
		{"an identity without bindings", &twiliochat.ListBindingsParams{Identity: []string{"dave"}}, nil},
		{"pages of one", &twiliochat.ListBindingsParams{PageSize: twiliochat.Ptr(1), Identity: []string{"alice", "bob"}}, []string{a1, b1, a2}},
	}
	for _, tt := range tests {
		var got []twiliochat.Binding
		for b, err := range client.Bindings.List(ctx, svc.SID, tt.params) {
			require.NoError(t, err, tt.name)
			got = append(got, *b)
		}
		assert.Equal(t, tt.want, bindingSIDs(got), tt.name)
		for _, b := range got {
			assert.Equal(t, svc.URL+"/Bindings/"+b.SID, b.URL, tt.name)
		}
	}

	alice, err := client.Users.Fetch(ctx, svc.SID, "alice")
	require.NoError(t, err)
	userTests := []struct {
		name   string
		params *twiliochat.ListUserBindingsParams
		want   []string
	}{
		{"all of the user's", nil, []string{a1, a2}},
		{"one type", &twiliochat.ListUserBindingsParams{BindingType: []twiliochat.BindingType{twiliochat.BindingTypeFCM}}, []string{a2}},
		{"a type the user has none of", &twiliochat.ListUserBindingsParams{BindingType: []twiliochat.BindingType{twiliochat.BindingTypeGCM}}, nil},
	}
	for _, tt := range userTests {
		for _, user := range []string{"alice", alice.SID} {
			page, err := client.UserBindings.ListPage(ctx, svc.SID, user, tt.params)
			require.NoError(t, err, tt.name)
			assert.Equal(t, tt.want, bindingSIDs(page.Items), tt.name)
			for _, b := range page.Items {
				assert.Equal(t, alice.SID, b.UserSID, tt.name)
				assert.Equal(t, alice.URL+"/Bindings/"+b.SID, b.URL, tt.name)
			}
		}
	}

	// What the SDK refuses before sending, the fake refuses too.
	base := "/v2/Services/" + svc.SID
	for _, path := range []string{base + "/Bindings?BindingType=sms", base + "/Users/alice/Bindings?BindingType=APN", base + "/Bindings?PageSize=51"} {
		resp := call(t, srv, http.MethodGet, path, nil)
		assert.Equal(t, http.StatusBadRequest, resp.Status, path)
		assert.EqualValues(t, 20001, resp.JSON(t)["code"], path)
	}
	_, err = client.UserBindings.ListPage(ctx, svc.SID, "dave", nil)
	assertAPIError(t, err, http.StatusNotFound, 20404)
}

func TestBindingDeletes(t *testing.T) {
	t.Parallel()
	srv, client, svc := newChat(t)
	ctx := context.Background()
	a1 := seedBinding(t, srv, svc.SID, "alice", "alice-iphone", twiliochat.BindingTypeAPN)
	a2 := seedBinding(t, srv, svc.SID, "alice", "alice-android", twiliochat.BindingTypeGCM)
	b1 := seedBinding(t, srv, svc.SID, "bob", "bob-android", twiliochat.BindingTypeGCM)

	_, err := client.UserBindings.Fetch(ctx, svc.SID, "bob", a1)
	assertAPIError(t, err, http.StatusNotFound, 20404)
	assertAPIError(t, client.UserBindings.Delete(ctx, svc.SID, "bob", a1), http.StatusNotFound, 20404)

	require.NoError(t, client.UserBindings.Delete(ctx, svc.SID, "alice", a1))
	assertAPIError(t, client.Bindings.Delete(ctx, svc.SID, a1), http.StatusNotFound, 20404)
	require.NoError(t, client.Bindings.Delete(ctx, svc.SID, b1))
	_, err = client.UserBindings.Fetch(ctx, svc.SID, "bob", b1)
	assertAPIError(t, err, http.StatusNotFound, 20404)

	// Deleting a user deletes its bindings; deleting the service, all.
	c1 := seedBinding(t, srv, svc.SID, "carol", "carol-pixel", twiliochat.BindingTypeFCM)
	require.NoError(t, client.Users.Delete(ctx, svc.SID, "alice"))
	_, err = client.Bindings.Fetch(ctx, svc.SID, a2)
	assertAPIError(t, err, http.StatusNotFound, 20404)
	page, err := client.Bindings.ListPage(ctx, svc.SID, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{c1}, bindingSIDs(page.Items))

	require.NoError(t, client.Services.Delete(ctx, svc.SID))
	resp := call(t, srv, http.MethodGet, "/v2/Services/"+svc.SID+"/Bindings/"+c1, nil)
	assert.Equal(t, http.StatusNotFound, resp.Status)
}
