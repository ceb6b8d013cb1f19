package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// specUserBinding is the Binding of the spec's Fetch and List User Binding
// examples: the user_sid is there, the links are not.
func specUserBinding() Binding {
	b := specBinding()
	b.UserSID = "USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	b.URL = "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Users/USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Bindings/BSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	b.Links = nil
	return b
}

func TestUserBindingsListPageWire(t *testing.T) {
	t.Parallel()
	const usersPath = "/v2/Services/" + testServiceSID + "/Users/"
	full := &BindingPage{Items: []Binding{specUserBinding()}, Meta: specPageMeta("/Users/USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Bindings", "bindings")}
	tests := []struct {
		name      string
		user      string
		params    *ListUserBindingsParams
		wantPath  string
		wantQuery string
	}{
		{name: "user SID, nil params", user: testUserSID, wantPath: usersPath + testUserSID + "/Bindings"},
		{name: "identity with characters a path treats specially", user: "ann/bob?x#1", wantPath: usersPath + "ann%2Fbob%3Fx%231/Bindings"},
		{name: "binding types, one key each, in order", user: "TestUser",
			params:   &ListUserBindingsParams{BindingType: []BindingType{BindingTypeAPN, BindingTypeFCM}},
			wantPath: usersPath + "TestUser/Bindings", wantQuery: "BindingType=apn&BindingType=fcm"},
		{name: "limit picks the page size, at most 50", user: "TestUser", params: &ListUserBindingsParams{Limit: 51},
			wantPath: usersPath + "TestUser/Bindings", wantQuery: "PageSize=50"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/user_bindings_page_full.json"))

			page, err := rec.client(t).UserBindings.ListPage(context.Background(), testServiceSID, tt.user, tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodGet, tt.wantPath, tt.wantQuery)
			assert.Empty(t, req.Body)
			assert.Equal(t, full, page)
		})
	}
}

func TestUserBindingsListValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		user   string
		params *ListUserBindingsParams
		want   []string
	}{
		{name: "unknown binding type", user: "alice", params: &ListUserBindingsParams{BindingType: []BindingType{"APN"}},
			want: []string{`BindingType: item 0: "APN" is not "gcm", "apn" or "fcm"`}},
		{name: "page size above 50", user: "alice", params: &ListUserBindingsParams{PageSize: Ptr(51)},
			want: []string{"PageSize: 51 is not between 1 and 50"}},
		{name: "dot-segment user and bad type", user: "..", params: &ListUserBindingsParams{BindingType: []BindingType{"x"}},
			want: []string{
				`UserSid: ".." is a dot segment, which cannot name a resource`,
				`BindingType: item 0: "x" is not "gcm", "apn" or "fcm"`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/user_bindings_page_full.json"))
			userBindings := rec.client(t).UserBindings

			page, err := userBindings.ListPage(context.Background(), testServiceSID, tt.user, tt.params)
			assertListRefused(t, rec, page, err, userBindings.List(context.Background(), testServiceSID, tt.user, tt.params), tt.want)
		})
	}
}
