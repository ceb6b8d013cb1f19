package benchmarks

import (
	"context"
	"encoding/json"
	"iter"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	chatv2 "github.com/twilio/twilio-go/rest/chat/v2"
)

// nextPageQuery is the query of the next_page_url the first page names:
// the filters as Twilio repeats them, with characters twilio-go's query
// encoder would change (it does not touch a next_page_url), then Page and
// PageToken, which only a next_page_url carries.
const nextPageQuery = "Identity=alice%40example.com&Identity=v1.2.3&PageSize=1&Page=1&PageToken=PTaaaa%2Bbbbb"

// collect reads every item of a twiliochat List.
func collect[T any](seq iter.Seq2[*T, error]) (any, error) {
	var items []T
	for item, err := range seq {
		if err != nil {
			return nil, err
		}
		items = append(items, *item)
	}
	return items, nil
}

// TestParityNextPage walks a list of two pages through both clients, each
// with a page size of 1 and no other parameter: the first page's
// next_page_url must be followed alike (its path, and its query byte for
// byte), and the items of both pages must decode alike.
func TestParityNextPage(t *testing.T) {
	t.Parallel()
	facts := mustSpecFacts(t)
	covered := map[string]bool{}
	for _, tc := range []struct {
		op     string
		ours   ourCall
		theirs theirCall
	}{
		{op: "ListCredential",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.Credentials.List(ctx, &twiliochat.ListCredentialsParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListCredential((&chatv2.ListCredentialParams{}).SetPageSize(1))
			}},
		{op: "ListService",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.Services.List(ctx, &twiliochat.ListServicesParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListService((&chatv2.ListServiceParams{}).SetPageSize(1))
			}},
		{op: "ListBinding",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.Bindings.List(ctx, exService, &twiliochat.ListBindingsParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListBinding(exService, (&chatv2.ListBindingParams{}).SetPageSize(1))
			}},
		{op: "ListChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.Channels.List(ctx, exService, &twiliochat.ListChannelsParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListChannel(exService, (&chatv2.ListChannelParams{}).SetPageSize(1))
			}},
		{op: "ListInvite",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.Invites.List(ctx, exService, exChannel, &twiliochat.ListInvitesParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListInvite(exService, exChannel, (&chatv2.ListInviteParams{}).SetPageSize(1))
			}},
		{op: "ListMember",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.Members.List(ctx, exService, exChannel, &twiliochat.ListMembersParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListMember(exService, exChannel, (&chatv2.ListMemberParams{}).SetPageSize(1))
			}},
		{op: "ListMessage",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.Messages.List(ctx, exService, exChannel, &twiliochat.ListMessagesParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListMessage(exService, exChannel, (&chatv2.ListMessageParams{}).SetPageSize(1))
			}},
		{op: "ListChannelWebhook",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.ChannelWebhooks.List(ctx, exService, exChannel, &twiliochat.ListChannelWebhooksParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListChannelWebhook(exService, exChannel, (&chatv2.ListChannelWebhookParams{}).SetPageSize(1))
			}},
		{op: "ListRole",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.Roles.List(ctx, exService, &twiliochat.ListRolesParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListRole(exService, (&chatv2.ListRoleParams{}).SetPageSize(1))
			}},
		{op: "ListUser",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.Users.List(ctx, exService, &twiliochat.ListUsersParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListUser(exService, (&chatv2.ListUserParams{}).SetPageSize(1))
			}},
		{op: "ListUserBinding",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.UserBindings.List(ctx, exService, exUser, &twiliochat.ListUserBindingsParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListUserBinding(exService, exUser, (&chatv2.ListUserBindingParams{}).SetPageSize(1))
			}},
		{op: "ListUserChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return collect(c.UserChannels.List(ctx, exService, exUser, &twiliochat.ListUserChannelsParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.ListUserChannel(exService, exUser, (&chatv2.ListUserChannelParams{}).SetPageSize(1))
			}},
	} {
		covered[tc.op] = true
		t.Run(tc.op, func(t *testing.T) {
			t.Parallel()
			runNextPage(t, facts, spec.Lookup(tc.op), "https://chat.twilio.com",
				func(baseURL string) (any, error) {
					return tc.ours(context.Background(), newParityTwilioChat(t, baseURL))
				},
				func(baseURL string) (any, error) { return tc.theirs(newTwilioGoChat(t, baseURL)) })
		})
	}
	for _, op := range spec.Operations {
		if op.ListKey != "" {
			assert.True(t, covered[op.ID], "%s has no next page case", op.ID)
		}
	}
}

// pathValues puts the path values of the parity tests into a path
// template of either API.
var pathValues = strings.NewReplacer("{ServiceSid}", exService, "{ChatServiceSid}", exService,
	"{ChannelSid}", exChannel, "{ConversationSid}", exChannel, "{UserSid}", exUser, "{MessageSid}", exMessage)

// runNextPage walks a list of op of two pages through twiliochat (ours)
// and twilio-go (theirs), each given the URL of a server answering the
// spec's readFull example (or, for an operation without one, the last by
// name of its examples with items) with page size 1 and a next_page_url on
// host:
// the first page's next_page_url must be followed alike (its path, and its
// query byte for byte), and the items of both pages must decode alike.
func runNextPage(t *testing.T, facts *specFacts, op *spec.Operation, host string, ours, theirs func(baseURL string) (any, error)) {
	t.Helper()
	var full specAnswer
	for _, a := range facts.answers[op.ID] {
		if full.name != "readFull" && hasItems(t, a.body) {
			full = a
		}
	}
	require.NotNil(t, full.body, "%s: the spec has no example with items", op.ID)
	path := pathValues.Replace(op.Path)
	next := host + path + "?" + nextPageQuery
	rec := &recorder{status: full.status, answer: withNextPage(t, full.body, next, false), later: withNextPage(t, full.body, "", true)}
	srv := httptest.NewServer(rec)
	t.Cleanup(srv.Close)

	ourItems, err := ours(srv.URL)
	require.NoError(t, err)
	ourReqs := rec.take()
	theirItems, err := theirs(srv.URL)
	require.NoError(t, err)
	theirReqs := rec.take()

	require.Len(t, ourReqs, 2)
	require.Len(t, theirReqs, 2)
	for i := range ourReqs {
		compareWire(t, ourReqs[i], theirReqs[i], &difference{})
	}
	assert.Equal(t, path, ourReqs[1].escapedPath)
	assert.Equal(t, nextPageQuery, ourReqs[1].rawQuery, "the next_page_url's query, as Twilio gave it")
	compareDecoded(t, "items", reflect.ValueOf(ourItems), reflect.ValueOf(theirItems))
}

// hasItems reports whether the list page body has items under its key.
func hasItems(t *testing.T, body []byte) bool {
	t.Helper()
	var page map[string]json.RawMessage
	var meta struct {
		Key string `json:"key"`
	}
	var items []json.RawMessage
	require.NoError(t, json.Unmarshal(body, &page))
	require.NoError(t, json.Unmarshal(page["meta"], &meta))
	require.NoError(t, json.Unmarshal(page[meta.Key], &items))
	return len(items) > 0
}

// withNextPage returns the list page body with meta.page_size 1 and
// meta.next_page_url next (null when ""); with other, its items have other
// SIDs (b… for a…), as a later page's items would.
func withNextPage(t *testing.T, body []byte, next string, other bool) []byte {
	t.Helper()
	var page map[string]any
	require.NoError(t, json.Unmarshal(body, &page))
	meta, ok := page["meta"].(map[string]any)
	require.True(t, ok, "no meta")
	meta["page_size"] = 1
	meta["next_page_url"] = nil
	if next != "" {
		meta["next_page_url"] = next
	}
	if key, _ := meta["key"].(string); other {
		items, err := json.Marshal(page[key])
		require.NoError(t, err)
		var changed any
		require.NoError(t, json.Unmarshal([]byte(strings.ReplaceAll(string(items), strings.Repeat("a", 32), strings.Repeat("b", 32))), &changed))
		page[key] = changed
	}
	out, err := json.Marshal(page)
	require.NoError(t, err)
	return out
}
