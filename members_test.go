package twiliochat

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// specMember is the Member of the spec's Create and Fetch examples, field
// by field: it has read nothing yet.
func specMember() *Member {
	date := time.Date(2016, 3, 24, 21, 5, 50, 0, time.UTC)
	return &Member{
		SID:         "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		AccountSID:  "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ChannelSID:  "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ServiceSID:  "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		Identity:    "jing",
		RoleSID:     "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		DateCreated: date,
		DateUpdated: date,
		Attributes:  "{}",
		URL:         "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Members/MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	}
}

// updatedMember is the Member of the spec's Update example: every field
// set.
func updatedMember() *Member {
	m := specMember()
	m.LastConsumedMessageIndex = Ptr(20)
	m.LastConsumptionTimestamp = time.Date(2016, 3, 24, 21, 5, 52, 0, time.UTC)
	m.DateUpdated = time.Date(2016, 3, 24, 21, 5, 51, 0, time.UTC)
	return m
}

// membersPath is the escaped path of the Members of testServiceSID's
// Channel "support/emea".
const membersPath = "/v2/Services/" + testServiceSID + "/Channels/support%2Femea/Members"

func TestMembersWire(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	at := func(sec int) *time.Time { return Ptr(time.Date(2016, 3, 24, 21, 5, sec, 0, time.UTC)) }
	runWireCases(t, []wireCase{
		{
			name: "Create with every key", method: "POST", path: membersPath, answer: "testdata/member_create.json", want: specMember(),
			form: readGoldenForm(t, "testdata/create_member_request.form"), webhook: []string{"true"},
			call: func(c *Client) (any, error) {
				return valueOf(c.Members.Create(ctx, testServiceSID, "support/emea", &CreateMemberParams{
					Identity: Ptr("jing@example.com"), RoleSID: Ptr("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
					LastConsumedMessageIndex: Ptr(0), LastConsumptionTimestamp: at(52), DateCreated: at(50), DateUpdated: at(51),
					Attributes: Ptr(`{"seat": 12}`), WebhookEnabled: Ptr(true),
				}))
			},
		},
		{
			name: "Fetch by identity", method: "GET", path: membersPath + "/jing", answer: "testdata/member_fetch.json", want: specMember(),
			call: func(c *Client) (any, error) {
				return valueOf(c.Members.Fetch(ctx, testServiceSID, "support/emea", "jing"))
			},
		},
		{
			name: "Update the read horizon", method: "POST", path: membersPath + "/MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			answer: "testdata/member_update.json", want: updatedMember(), webhook: []string{"false"},
			form: url.Values{"LastConsumedMessageIndex": {"20"}, "LastConsumptionTimestamp": {"2016-03-24T21:05:52Z"},
				"RoleSid": {"RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, "Attributes": {"{}"},
				"DateCreated": {"2016-03-24T21:05:50Z"}, "DateUpdated": {"2016-03-24T21:05:51Z"}},
			call: func(c *Client) (any, error) {
				return valueOf(c.Members.Update(ctx, testServiceSID, "support/emea", "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", &UpdateMemberParams{
					LastConsumedMessageIndex: Ptr(20), LastConsumptionTimestamp: at(52), RoleSID: Ptr("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
					Attributes: Ptr("{}"), DateCreated: at(50), DateUpdated: at(51), WebhookEnabled: Ptr(false),
				}))
			},
		},
		{
			name: "Delete by an identity with a slash", method: "DELETE", path: membersPath + "/team%2Fbot", webhook: []string{"true"},
			call: func(c *Client) (any, error) {
				return deleted(c.Members.Delete(ctx, testServiceSID, "support/emea", "team/bot", &DeleteMemberParams{WebhookEnabled: Ptr(true)}))
			},
		},
		{
			name: "ListPage of two identities", method: "GET", path: membersPath, query: "Identity=jing&Identity=a%26b&PageSize=100",
			answer: "testdata/members_page_full.json",
			want: &MemberPage{Items: []Member{*specMember()}, Meta: PageMeta{
				FirstPageURL: "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Members?PageSize=50&Page=0",
				URL:          "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Members?PageSize=50&Page=0",
				PageSize:     50, Key: "members",
			}},
			call: func(c *Client) (any, error) {
				return valueOf(c.Members.ListPage(ctx, testServiceSID, "support/emea", &ListMembersParams{Limit: 500, Identity: []string{"jing", "a&b"}}))
			},
		},
	})
}

func TestMembersValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	runValidationCases(t, []validationCase{
		{name: "Create with nil params", want: []string{"Identity: is required"},
			call: func(c *Client) error { return errorOf(c.Members.Create(ctx, testServiceSID, "general", nil)) }},
		{name: "Create with every key bad", want: []string{
			`ChannelSid: ".." is a dot segment, which cannot name a resource`,
			"Identity: is empty",
			`RoleSid: "RLx" is not RL followed by 32 hex digits`,
			"LastConsumptionTimestamp: is the zero time",
			"DateCreated: is the zero time",
			"DateUpdated: is the zero time",
			`Attributes: "{'a': 1}" is not valid JSON`},
			call: func(c *Client) error {
				return errorOf(c.Members.Create(ctx, testServiceSID, "..", &CreateMemberParams{
					Identity: Ptr(""), RoleSID: Ptr("RLx"), LastConsumptionTimestamp: &time.Time{},
					DateCreated: &time.Time{}, DateUpdated: &time.Time{}, Attributes: Ptr("{'a': 1}")}))
			}},
		{name: "Update with bad keys", want: []string{
			`Sid: is empty, want a SID (MB followed by 32 hex digits) or a unique name`,
			`RoleSid: "` + testServiceSID + `" is not RL followed by 32 hex digits`},
			call: func(c *Client) error {
				return errorOf(c.Members.Update(ctx, testServiceSID, "general", "", &UpdateMemberParams{RoleSID: Ptr(testServiceSID)}))
			}},
		{name: "Delete from an empty channel name", want: []string{`ChannelSid: is empty, want a SID (CH followed by 32 hex digits) or a unique name`},
			call: func(c *Client) error { return c.Members.Delete(ctx, testServiceSID, "", "jing", nil) }},
		{name: "List with a negative limit", want: []string{"Limit: -1 is negative"},
			call: func(c *Client) error {
				return firstError(c.Members.List(ctx, testServiceSID, "general", &ListMembersParams{Limit: -1}))
			}},
	})
}

// TestMemberNulls checks that a null read horizon decodes to nil and a
// zero one to a pointer to 0.
func TestMemberNulls(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, respondJSON(200, `{"sid": "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "last_consumed_message_index": 0,
		"last_consumption_timestamp": null, "attributes": null, "role_sid": null}`))

	member, err := rec.client(t).Members.Fetch(context.Background(), testServiceSID, "general", "jing")

	assert.NoError(t, err)
	assert.Equal(t, &Member{SID: "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", LastConsumedMessageIndex: Ptr(0)}, member)
}
