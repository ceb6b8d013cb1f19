package twiliochat

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// specUser is the User of the spec's Create and Fetch examples, field by
// field.
func specUser() *User {
	date := time.Date(2016, 3, 24, 21, 5, 19, 0, time.UTC)
	const url = "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Users/USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	return &User{
		SID:                 "USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		AccountSID:          "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ServiceSID:          "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		RoleSID:             "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		Identity:            "jing",
		IsOnline:            Ptr(true),
		JoinedChannelsCount: 0,
		DateCreated:         date,
		DateUpdated:         date,
		Links:               map[string]string{"user_channels": url + "/Channels", "user_bindings": url + "/Bindings"},
		URL:                 url,
	}
}

// updatedUser is the User of testdata/user_update.json: every field set.
func updatedUser() *User {
	u := specUser()
	u.Attributes = `{"tier": "gold"}`
	u.FriendlyName = "Jing Li"
	u.IsOnline, u.IsNotifiable = Ptr(false), Ptr(true)
	u.JoinedChannelsCount = 2
	u.DateUpdated = time.Date(2016, 3, 24, 21, 6, 0, 0, time.UTC)
	return u
}

// usersPath is the escaped path of testServiceSID's Users list.
const usersPath = "/v2/Services/" + testServiceSID + "/Users"

func TestUsersWire(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	runWireCases(t, []wireCase{
		{
			name: "Create with every key", method: "POST", path: usersPath, answer: "testdata/user_create.json", want: specUser(),
			form: readGoldenForm(t, "testdata/create_user_request.form"), webhook: []string{"true"},
			call: func(c *Client) (any, error) {
				return valueOf(c.Users.Create(ctx, testServiceSID, &CreateUserParams{
					Identity: Ptr("jing@example.com"), RoleSID: Ptr("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
					Attributes: Ptr(`{"tier": "gold", "note": "a&b=c"}`), FriendlyName: Ptr("Jing Li"), WebhookEnabled: Ptr(true),
				}))
			},
		},
		{
			name: "Create with the identity only", method: "POST", path: usersPath, answer: "testdata/user_create.json", want: specUser(),
			form: url.Values{"Identity": {"jing"}},
			call: func(c *Client) (any, error) {
				return valueOf(c.Users.Create(ctx, testServiceSID, &CreateUserParams{Identity: Ptr("jing")}))
			},
		},
		{
			name: "Fetch by identity", method: "GET", path: usersPath + "/jing@example.com", answer: "testdata/user_fetch.json", want: specUser(),
			call: func(c *Client) (any, error) { return valueOf(c.Users.Fetch(ctx, testServiceSID, "jing@example.com")) },
		},
		{
			name: "Update every key, empty values sent", method: "POST", path: usersPath + "/USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			answer: "testdata/user_update.json", want: updatedUser(), webhook: []string{"false"},
			form: url.Values{"RoleSid": {"RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, "Attributes": {"{}"}, "FriendlyName": {""}},
			call: func(c *Client) (any, error) {
				return valueOf(c.Users.Update(ctx, testServiceSID, "USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", &UpdateUserParams{
					RoleSID: Ptr("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), Attributes: Ptr("{}"), FriendlyName: Ptr(""), WebhookEnabled: Ptr(false),
				}))
			},
		},
		{
			name: "Update with nil params", method: "POST", path: usersPath + "/jing", answer: "testdata/user_update.json", want: updatedUser(),
			form: url.Values{},
			call: func(c *Client) (any, error) { return valueOf(c.Users.Update(ctx, testServiceSID, "jing", nil)) },
		},
		{
			name: "Delete by an identity with a slash", method: "DELETE", path: usersPath + "/team%2Fbot",
			call: func(c *Client) (any, error) { return deleted(c.Users.Delete(ctx, testServiceSID, "team/bot")) },
		},
		{
			name: "ListPage", method: "GET", path: usersPath, query: "PageSize=10", answer: "testdata/users_page_full.json",
			want: &UserPage{Items: []User{*specUser()}, Meta: PageMeta{
				FirstPageURL: "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Users?PageSize=50&Page=0",
				URL:          "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Users?PageSize=50&Page=0",
				PageSize:     50, Key: "users",
			}},
			call: func(c *Client) (any, error) {
				return valueOf(c.Users.ListPage(ctx, testServiceSID, &ListUsersParams{PageSize: Ptr(10)}))
			},
		},
	})
}

func TestUsersValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	runValidationCases(t, []validationCase{
		{name: "Create with nil params", want: []string{"Identity: is required"},
			call: func(c *Client) error { return errorOf(c.Users.Create(ctx, testServiceSID, nil)) }},
		{name: "Create with every key bad", want: []string{
			`ServiceSid: "IS1" is not IS followed by 32 hex digits`,
			"Identity: is empty",
			`RoleSid: "` + testServiceSID + `" is not RL followed by 32 hex digits`,
			`Attributes: "{tier: gold}" is not valid JSON`},
			call: func(c *Client) error {
				return errorOf(c.Users.Create(ctx, "IS1", &CreateUserParams{Identity: Ptr(""), RoleSID: Ptr(testServiceSID), Attributes: Ptr("{tier: gold}")}))
			}},
		{name: "Create without identity", want: []string{"Identity: is required"},
			call: func(c *Client) error {
				return errorOf(c.Users.Create(ctx, testServiceSID, &CreateUserParams{FriendlyName: Ptr("x")}))
			}},
		{name: "Update with bad keys", want: []string{
			`Sid: ".." is a dot segment, which cannot name a resource`,
			`RoleSid: "RL" is not RL followed by 32 hex digits`,
			`Attributes: "" is not valid JSON`},
			call: func(c *Client) error {
				return errorOf(c.Users.Update(ctx, testServiceSID, "..", &UpdateUserParams{RoleSID: Ptr("RL"), Attributes: Ptr("")}))
			}},
		{name: "ListPage with a bad page size", want: []string{"PageSize: 101 is not between 1 and 100"},
			call: func(c *Client) error {
				return errorOf(c.Users.ListPage(ctx, testServiceSID, &ListUsersParams{PageSize: Ptr(101)}))
			}},
	})
}

// TestUserNulls checks that nulls decode to zero values, but IsOnline and
// IsNotifiable, whose null means "not known".
func TestUserNulls(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, respondJSON(200, `{"sid": "USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "attributes": null, "is_online": null,
		"is_notifiable": false, "friendly_name": null, "joined_channels_count": null, "links": null, "date_created": null}`))

	user, err := rec.client(t).Users.Fetch(context.Background(), testServiceSID, "jing")

	assert.NoError(t, err)
	assert.Equal(t, &User{SID: "USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", IsNotifiable: Ptr(false)}, user)
}
