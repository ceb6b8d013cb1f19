package twiliochat

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/internal/testkit"
)

const (
	// testInviteSID is the Invite the Invites tests address.
	testInviteSID = "IN0123456789abcdef0123456789abcdef"
	// invitesChannel is the Channel the Invites tests address, by SID.
	invitesChannel = "CH0123456789abcdef0123456789abcdef"
	// invitesPath is the path of invitesChannel's Invites.
	invitesPath = "/v2/Services/" + testServiceSID + "/Channels/" + invitesChannel + "/Invites"
)

// specInvite is the Invite of the spec's Create, Fetch and List examples,
// field by field.
func specInvite() Invite {
	date := time.Date(2015, 7, 30, 20, 0, 0, 0, time.UTC)
	return Invite{
		SID:         "INaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		AccountSID:  "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ChannelSID:  "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ServiceSID:  "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		Identity:    "identity",
		DateCreated: date,
		DateUpdated: date,
		RoleSID:     "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		CreatedBy:   "created_by",
		URL:         "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Invites/INaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	}
}

func TestInvitesCreateWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		channel  string
		params   *CreateInviteParams
		wantPath string
		wantBody string
		wantForm url.Values
	}{
		{
			name: "spec example", channel: invitesChannel, wantPath: invitesPath,
			params:   &CreateInviteParams{Identity: Ptr("identity"), RoleSID: Ptr("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")},
			wantBody: "Identity=identity&RoleSid=RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			wantForm: readGoldenForm(t, "testdata/create_invite_request.form"),
		},
		{
			name: "identity only, channel by unique name", channel: "vip lounge", wantPath: "/v2/Services/" + testServiceSID + "/Channels/vip%20lounge/Invites",
			params:   &CreateInviteParams{Identity: Ptr("carol+1@example.com")},
			wantBody: "Identity=carol%2B1%40example.com", wantForm: url.Values{"Identity": {"carol+1@example.com"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusCreated, "testdata/invite_create.json"))
			invites := rec.client(t).Invites

			invite, err := invites.Create(context.Background(), testServiceSID, tt.channel, tt.params)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodPost, tt.wantPath, "")
			assert.Equal(t, tt.wantBody, req.Body)
			assert.Equal(t, tt.wantForm, req.form(t))
			assert.Empty(t, req.Header.Values("X-Twilio-Webhook-Enabled"), "Invites take no webhook header")
			assert.Equal(t, specInvite(), *invite)
		})
	}
}

// TestInviteDecodesEveryField checks every field of an Invite with a value
// of its own (testdata/invite.json) and the nulls of another.
func TestInviteDecodesEveryField(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       Invite
	}{
		{name: "every field set", body: `file:testdata/invite.json`, want: Invite{
			SID:         testInviteSID,
			AccountSID:  "AC0123456789abcdef0123456789abcdef",
			ChannelSID:  invitesChannel,
			ServiceSID:  testServiceSID,
			Identity:    "carol@example.com",
			DateCreated: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
			DateUpdated: time.Date(2026, 1, 2, 3, 9, 10, 0, time.UTC),
			RoleSID:     testRoleSID,
			CreatedBy:   "alice@example.com",
			URL:         "https://chat.twilio.com" + invitesPath + "/" + testInviteSID,
		}},
		{name: "spec example", body: "file:testdata/invite_fetch.json", want: specInvite()},
		{name: "nulls", body: `{"sid": "` + testInviteSID + `", "account_sid": null, "channel_sid": null, "service_sid": null,
			"identity": null, "date_created": null, "date_updated": null, "role_sid": null, "created_by": null, "url": null}`,
			want: Invite{SID: testInviteSID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			handler := respondJSON(http.StatusOK, tt.body)
			if file, ok := strings.CutPrefix(tt.body, "file:"); ok {
				handler = serveFile(t, http.StatusOK, file)
			}
			rec := newRecorder(t, handler)
			invites := rec.client(t).Invites

			invite, err := invites.Fetch(context.Background(), testServiceSID, invitesChannel, testInviteSID)
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodGet, invitesPath+"/"+testInviteSID, "")
			assert.Empty(t, req.Body)
			assert.Equal(t, tt.want, *invite)
		})
	}
}

func TestInvitesListWire(t *testing.T) {
	t.Parallel()
	const pageURL = "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Invites?Identity=identity&PageSize=50&Page=0"
	full, empty := []Invite{specInvite()}, []Invite{}
	tests := map[string]struct {
		params    *ListInvitesParams
		query     string // the query sent
		file      string // the page answered
		wantItems []Invite
	}{
		"nil params":   {nil, "", "invites_page_full.json", full},
		"one identity": {&ListInvitesParams{Identity: []string{"identity"}}, "Identity=identity", "invites_page_full.json", full},
		"identities in order, escaped, with a page size": {
			&ListInvitesParams{Identity: []string{"zoë@example.com", "a&b", "alice"}, PageSize: Ptr(100)},
			"Identity=zo%C3%AB%40example.com&Identity=a%26b&Identity=alice&PageSize=100", "invites_page_empty.json", empty},
		"limit picks the page size": {&ListInvitesParams{Limit: 3}, "PageSize=3", "invites_page_empty.json", empty},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/"+tt.file))

			page, err := rec.client(t).Invites.ListPage(context.Background(), testServiceSID, invitesChannel, tt.params)
			require.NoError(t, err)

			assert.Equal(t, []string{tt.query}, listQueries(t, rec, invitesPath), "one key per identity, in the order given")
			assert.Equal(t, &InvitePage{Items: tt.wantItems, Meta: PageMeta{FirstPageURL: pageURL, URL: pageURL, PageSize: 50, Key: "invites"}}, page)
		})
	}
}

func TestInvitesListFollowsPages(t *testing.T) {
	t.Parallel()
	list := &fakeList{total: 3, path: invitesPath, key: "invites", prefix: spec.InviteSIDPrefix}
	rec := newRecorder(t, list.ServeHTTP)
	invites := rec.client(t).Invites
	ctx := context.Background()
	params := &ListInvitesParams{Identity: []string{"alice", "bob"}, PageSize: Ptr(2)}

	page, err := invites.ListPage(ctx, testServiceSID, invitesChannel, params)
	require.NoError(t, err)
	next, err := invites.NextPage(ctx, page)
	require.NoError(t, err)
	last, err := invites.NextPage(ctx, next)
	require.NoError(t, err)
	assert.Nil(t, last)
	got := testkit.RangeAll(invites.List(ctx, testServiceSID, invitesChannel, params), nil)
	require.Empty(t, got.Errs)

	assert.Equal(t, itemSIDs(spec.InviteSIDPrefix, 0, 3), sidsOfItems(append(page.Items, next.Items...)))
	assert.Equal(t, append(page.Items, next.Items...), got.Items, "List walks the same pages")
	first := "Identity=alice&Identity=bob&PageSize=2"
	assert.Equal(t, []string{first, "Page=1&PageSize=2&PageToken=PT1", first, "Page=1&PageSize=2&PageToken=PT1"}, listQueries(t, rec, invitesPath))
}

func TestInvitesValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	runValidationCases(t, []validationCase{
		{name: "Create: nil params", call: func(c *Client) error {
			return errorOf(c.Invites.Create(ctx, testServiceSID, invitesChannel, nil))
		}, want: []string{"Identity: is required"}},
		{name: "Create: no identity", call: func(c *Client) error {
			return errorOf(c.Invites.Create(ctx, testServiceSID, invitesChannel, &CreateInviteParams{RoleSID: Ptr(testRoleSID)}))
		}, want: []string{"Identity: is required"}},
		{name: "Create: empty identity, bad role", call: func(c *Client) error {
			return errorOf(c.Invites.Create(ctx, testServiceSID, invitesChannel, &CreateInviteParams{Identity: Ptr(""), RoleSID: Ptr("RL1")}))
		}, want: []string{"Identity: is empty", `RoleSid: "RL1" is not RL followed by 32 hex digits`}},
		{name: "Create: bad path values", call: func(c *Client) error {
			return errorOf(c.Invites.Create(ctx, "", "", &CreateInviteParams{Identity: Ptr("carol")}))
		}, want: []string{"ServiceSid: is empty, want IS followed by 32 hex digits",
			"ChannelSid: is empty, want a SID (CH followed by 32 hex digits) or a unique name"}},
		{name: "Fetch: a Message SID as Sid", call: func(c *Client) error {
			return errorOf(c.Invites.Fetch(ctx, testServiceSID, invitesChannel, "IM0123456789abcdef0123456789abcdef"))
		}, want: []string{`Sid: "IM0123456789abcdef0123456789abcdef" is not IN followed by 32 hex digits`}},
		{name: "Delete: dot channel, short Sid", call: func(c *Client) error {
			return c.Invites.Delete(ctx, testServiceSID, ".", "IN0")
		}, want: []string{`ChannelSid: "." is a dot segment, which cannot name a resource`, `Sid: "IN0" is not IN followed by 32 hex digits`}},
		{name: "ListPage: page size", call: func(c *Client) error {
			return errorOf(c.Invites.ListPage(ctx, testServiceSID, invitesChannel, &ListInvitesParams{PageSize: Ptr(0), Identity: []string{"a"}}))
		}, want: []string{"PageSize: 0 is not between 1 and 100"}},
		{name: "List: bad service, negative limit", call: func(c *Client) error {
			return firstError(c.Invites.List(ctx, "IS", invitesChannel, &ListInvitesParams{Limit: -2}))
		}, want: []string{`ServiceSid: "IS" is not IS followed by 32 hex digits`, "Limit: -2 is negative"}},
	})
}

func TestInvitesDeleteWire(t *testing.T) {
	t.Parallel()
	runWireCases(t, []wireCase{
		{name: "by channel SID", method: http.MethodDelete, path: invitesPath + "/" + testInviteSID, call: func(c *Client) (any, error) {
			return deleted(c.Invites.Delete(context.Background(), testServiceSID, invitesChannel, testInviteSID))
		}},
		{name: "by unique name", method: http.MethodDelete, path: "/v2/Services/" + testServiceSID + "/Channels/a%2Fb/Invites/" + testInviteSID,
			call: func(c *Client) (any, error) {
				return deleted(c.Invites.Delete(context.Background(), testServiceSID, "a/b", testInviteSID))
			}},
	})
}
