package twiliochat

import (
	"cmp"
	"context"
	"errors"
	"iter"
	"maps"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// The registry: what the tests need to know of each operation the package
// implements, keyed by the spec's operationId. The tests below run for every
// row what every operation must do alike; a resource's own test file tests
// only what is its own. Adding an operation is adding its row.

// registryEntry is one operation of the registry.
type registryEntry struct {
	// call calls the operation on c with ctx, values as its path values (in
	// the order of the path template) and valid params, and returns its
	// error; assert.AnError when it returned a value along with an error.
	// For a list it calls ListPage.
	call func(ctx context.Context, c *Client, values []string) error
	// list ranges over a list's List iterator to its first error.
	list func(ctx context.Context, c *Client, values []string) error
	// next calls a list's NextPage on a page whose next page is nextURL.
	next func(ctx context.Context, c *Client, nextURL string) error
	// body is a testdata file of the answer of a Create, Fetch, Update or
	// list page, "" for a Delete.
	body string
}

// registry holds every operation the package implements.
var registry = map[string]registryEntry{
	"CreateService": {body: "testdata/service_create.json", call: func(ctx context.Context, c *Client, _ []string) error {
		return noValue(c.Services.Create(ctx, &CreateServiceParams{FriendlyName: Ptr("x")}))
	}},
	"FetchService": {body: "testdata/service_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Services.Fetch(ctx, v[0]))
	}},
	"UpdateService": {body: "testdata/service.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Services.Update(ctx, v[0], &UpdateServiceParams{FriendlyName: Ptr("x")}))
	}},
	"DeleteService": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.Services.Delete(ctx, v[0])
	}},
	"ListService": {
		body: "testdata/services_page_full.json",
		call: func(ctx context.Context, c *Client, _ []string) error { return noValue(c.Services.ListPage(ctx, nil)) },
		list: func(ctx context.Context, c *Client, _ []string) error { return firstError(c.Services.List(ctx, nil)) },
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.Services.NextPage(ctx, &ServicePage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
	"CreateRole": {body: "testdata/role_create.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Roles.Create(ctx, v[0], &CreateRoleParams{
			FriendlyName: Ptr("x"), Type: Ptr(RoleTypeChannel), Permission: []string{"sendMessage"}}))
	}},
	"FetchRole": {body: "testdata/role_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Roles.Fetch(ctx, v[0], v[1]))
	}},
	"UpdateRole": {body: "testdata/role_update.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Roles.Update(ctx, v[0], v[1], &UpdateRoleParams{Permission: []string{"sendMessage"}}))
	}},
	"DeleteRole": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.Roles.Delete(ctx, v[0], v[1])
	}},
	"ListRole": {
		body: "testdata/roles_page_full.json",
		call: func(ctx context.Context, c *Client, v []string) error {
			return noValue(c.Roles.ListPage(ctx, v[0], nil))
		},
		list: func(ctx context.Context, c *Client, v []string) error {
			return firstError(c.Roles.List(ctx, v[0], nil))
		},
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.Roles.NextPage(ctx, &RolePage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
	"FetchBinding": {body: "testdata/binding_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Bindings.Fetch(ctx, v[0], v[1]))
	}},
	"DeleteBinding": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.Bindings.Delete(ctx, v[0], v[1])
	}},
	"ListBinding": {
		body: "testdata/bindings_page_full.json",
		call: func(ctx context.Context, c *Client, v []string) error {
			return noValue(c.Bindings.ListPage(ctx, v[0], &ListBindingsParams{BindingType: []BindingType{BindingTypeAPN}, Identity: []string{"alice"}}))
		},
		list: func(ctx context.Context, c *Client, v []string) error {
			return firstError(c.Bindings.List(ctx, v[0], nil))
		},
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.Bindings.NextPage(ctx, &BindingPage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
	"FetchUserBinding": {body: "testdata/user_binding_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.UserBindings.Fetch(ctx, v[0], v[1], v[2]))
	}},
	"DeleteUserBinding": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.UserBindings.Delete(ctx, v[0], v[1], v[2])
	}},
	"ListUserBinding": {
		body: "testdata/user_bindings_page_full.json",
		call: func(ctx context.Context, c *Client, v []string) error {
			return noValue(c.UserBindings.ListPage(ctx, v[0], v[1], &ListUserBindingsParams{BindingType: []BindingType{BindingTypeFCM}}))
		},
		list: func(ctx context.Context, c *Client, v []string) error {
			return firstError(c.UserBindings.List(ctx, v[0], v[1], nil))
		},
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.UserBindings.NextPage(ctx, &BindingPage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
	"FetchUserChannel": {body: "testdata/user_channel_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.UserChannels.Fetch(ctx, v[0], v[1], v[2]))
	}},
	"UpdateUserChannel": {body: "testdata/user_channel_update.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.UserChannels.Update(ctx, v[0], v[1], v[2], &UpdateUserChannelParams{LastConsumedMessageIndex: Ptr(10)}))
	}},
	"DeleteUserChannel": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.UserChannels.Delete(ctx, v[0], v[1], v[2], &DeleteUserChannelParams{WebhookEnabled: Ptr(false)})
	}},
	"ListUserChannel": {
		body: "testdata/user_channels_page_full.json",
		call: func(ctx context.Context, c *Client, v []string) error {
			return noValue(c.UserChannels.ListPage(ctx, v[0], v[1], nil))
		},
		list: func(ctx context.Context, c *Client, v []string) error {
			return firstError(c.UserChannels.List(ctx, v[0], v[1], nil))
		},
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.UserChannels.NextPage(ctx, &UserChannelPage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
	"CreateMessage": {body: "testdata/message_create.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Messages.Create(ctx, v[0], v[1], &CreateMessageParams{Body: Ptr("x")}))
	}},
	"FetchMessage": {body: "testdata/message_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Messages.Fetch(ctx, v[0], v[1], v[2]))
	}},
	"UpdateMessage": {body: "testdata/message_update.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Messages.Update(ctx, v[0], v[1], v[2], &UpdateMessageParams{Body: Ptr("x")}))
	}},
	"DeleteMessage": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.Messages.Delete(ctx, v[0], v[1], v[2], nil)
	}},
	"ListMessage": {
		body: "testdata/messages_page_full.json",
		call: func(ctx context.Context, c *Client, v []string) error {
			return noValue(c.Messages.ListPage(ctx, v[0], v[1], nil))
		},
		list: func(ctx context.Context, c *Client, v []string) error {
			return firstError(c.Messages.List(ctx, v[0], v[1], nil))
		},
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.Messages.NextPage(ctx, &MessagePage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
	"CreateInvite": {body: "testdata/invite_create.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Invites.Create(ctx, v[0], v[1], &CreateInviteParams{Identity: Ptr("x")}))
	}},
	"FetchInvite": {body: "testdata/invite_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Invites.Fetch(ctx, v[0], v[1], v[2]))
	}},
	"DeleteInvite": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.Invites.Delete(ctx, v[0], v[1], v[2])
	}},
	"ListInvite": {
		body: "testdata/invites_page_full.json",
		call: func(ctx context.Context, c *Client, v []string) error {
			return noValue(c.Invites.ListPage(ctx, v[0], v[1], nil))
		},
		list: func(ctx context.Context, c *Client, v []string) error {
			return firstError(c.Invites.List(ctx, v[0], v[1], nil))
		},
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.Invites.NextPage(ctx, &InvitePage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
	"CreateUser": {body: "testdata/user_create.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Users.Create(ctx, v[0], &CreateUserParams{Identity: Ptr("x")}))
	}},
	"FetchUser": {body: "testdata/user_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Users.Fetch(ctx, v[0], v[1]))
	}},
	"UpdateUser": {body: "testdata/user_update.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Users.Update(ctx, v[0], v[1], nil))
	}},
	"DeleteUser": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.Users.Delete(ctx, v[0], v[1])
	}},
	"ListUser": {
		body: "testdata/users_page_full.json",
		call: func(ctx context.Context, c *Client, v []string) error {
			return noValue(c.Users.ListPage(ctx, v[0], nil))
		},
		list: func(ctx context.Context, c *Client, v []string) error {
			return firstError(c.Users.List(ctx, v[0], nil))
		},
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.Users.NextPage(ctx, &UserPage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
	"CreateMember": {body: "testdata/member_create.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Members.Create(ctx, v[0], v[1], &CreateMemberParams{Identity: Ptr("x")}))
	}},
	"FetchMember": {body: "testdata/member_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Members.Fetch(ctx, v[0], v[1], v[2]))
	}},
	"UpdateMember": {body: "testdata/member_update.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Members.Update(ctx, v[0], v[1], v[2], nil))
	}},
	"DeleteMember": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.Members.Delete(ctx, v[0], v[1], v[2], nil)
	}},
	"ListMember": {
		body: "testdata/members_page_full.json",
		call: func(ctx context.Context, c *Client, v []string) error {
			return noValue(c.Members.ListPage(ctx, v[0], v[1], nil))
		},
		list: func(ctx context.Context, c *Client, v []string) error {
			return firstError(c.Members.List(ctx, v[0], v[1], nil))
		},
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.Members.NextPage(ctx, &MemberPage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
	"CreateChannel": {body: "testdata/channel_create.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Channels.Create(ctx, v[0], nil))
	}},
	"FetchChannel": {body: "testdata/channel_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Channels.Fetch(ctx, v[0], v[1]))
	}},
	"UpdateChannel": {body: "testdata/channel_update.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Channels.Update(ctx, v[0], v[1], nil))
	}},
	"MigrateChannel": {body: "testdata/channel_migrate.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Channels.Migrate(ctx, v[0], v[1], nil))
	}},
	"DeleteChannel": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.Channels.Delete(ctx, v[0], v[1], nil)
	}},
	"ListChannel": {
		body: "testdata/channels_page_full.json",
		call: func(ctx context.Context, c *Client, v []string) error {
			return noValue(c.Channels.ListPage(ctx, v[0], nil))
		},
		list: func(ctx context.Context, c *Client, v []string) error {
			return firstError(c.Channels.List(ctx, v[0], nil))
		},
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.Channels.NextPage(ctx, &ChannelPage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
	"CreateCredential": {body: "testdata/credential_create.json", call: func(ctx context.Context, c *Client, _ []string) error {
		return noValue(c.Credentials.Create(ctx, &CreateCredentialParams{Type: Ptr(PushServiceFCM), Secret: Ptr("k")}))
	}},
	"FetchCredential": {body: "testdata/credential_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Credentials.Fetch(ctx, v[0]))
	}},
	"UpdateCredential": {body: "testdata/credential_update.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.Credentials.Update(ctx, v[0], &UpdateCredentialParams{FriendlyName: Ptr("x")}))
	}},
	"DeleteCredential": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.Credentials.Delete(ctx, v[0])
	}},
	"ListCredential": {
		body: "testdata/credentials_page_full.json",
		call: func(ctx context.Context, c *Client, _ []string) error {
			return noValue(c.Credentials.ListPage(ctx, nil))
		},
		list: func(ctx context.Context, c *Client, _ []string) error {
			return firstError(c.Credentials.List(ctx, nil))
		},
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.Credentials.NextPage(ctx, &CredentialPage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
	"CreateChannelWebhook": {body: "testdata/channel_webhook_create.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.ChannelWebhooks.Create(ctx, v[0], v[1], &CreateChannelWebhookParams{Type: Ptr(ChannelWebhookTypeWebhook)}))
	}},
	"FetchChannelWebhook": {body: "testdata/channel_webhook_fetch.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.ChannelWebhooks.Fetch(ctx, v[0], v[1], v[2]))
	}},
	"UpdateChannelWebhook": {body: "testdata/channel_webhook_update.json", call: func(ctx context.Context, c *Client, v []string) error {
		return noValue(c.ChannelWebhooks.Update(ctx, v[0], v[1], v[2], &UpdateChannelWebhookParams{
			Configuration: &ChannelWebhookConfigurationParams{RetryCount: Ptr(1)}}))
	}},
	"DeleteChannelWebhook": {call: func(ctx context.Context, c *Client, v []string) error {
		return c.ChannelWebhooks.Delete(ctx, v[0], v[1], v[2])
	}},
	"ListChannelWebhook": {
		body: "testdata/channel_webhooks_page_full.json",
		call: func(ctx context.Context, c *Client, v []string) error {
			return noValue(c.ChannelWebhooks.ListPage(ctx, v[0], v[1], nil))
		},
		list: func(ctx context.Context, c *Client, v []string) error {
			return firstError(c.ChannelWebhooks.List(ctx, v[0], v[1], nil))
		},
		next: func(ctx context.Context, c *Client, next string) error {
			return noValue(c.ChannelWebhooks.NextPage(ctx, &ChannelWebhookPage{Meta: PageMeta{NextPageURL: next}}))
		},
	},
}

// noValue returns err, or assert.AnError when v is not nil.
func noValue[T any](v *T, err error) error {
	if v != nil {
		return assert.AnError
	}
	return err
}

// firstError ranges over seq and returns the error it yields, or
// assert.AnError when it yields an item first or no error at all.
func firstError[T any](seq iter.Seq2[*T, error]) error {
	for item, err := range seq {
		if item != nil || err == nil {
			return assert.AnError
		}
		return err
	}
	return assert.AnError
}

// goodValues returns valid path values for op: a SID of each value's prefix,
// testServiceSID for a ServiceSid.
func goodValues(op *operation) []string {
	values := make([]string, len(op.Params))
	for i, p := range op.Params {
		values[i] = p.Prefix + "0123456789abcdef0123456789abcdef"
	}
	return values
}

// registryOps returns the registry's operations, sorted by operationId.
func registryOps(t *testing.T) []*operation {
	t.Helper()
	var ops []*operation
	for _, id := range slices.Sorted(maps.Keys(registry)) {
		ops = append(ops, spec.Lookup(id))
	}
	return ops
}

// TestRegistryIsComplete checks that the registry has a row for every
// operation the package describes, and the lists their List and NextPage.
func TestRegistryIsComplete(t *testing.T) {
	t.Parallel()
	var ids []string
	for _, op := range spec.Operations {
		ids = append(ids, op.ID)
	}
	assert.ElementsMatch(t, ids, slices.Collect(maps.Keys(registry)), "a registry row for every operation of the generated table")
	for id, e := range registry {
		isList := spec.Lookup(id).ListKey != ""
		assert.Equal(t, isList, e.list != nil && e.next != nil, id)
		assert.Equal(t, spec.Lookup(id).Method == http.MethodDelete, e.body == "", id)
	}
}

// TestBadPathValues checks every operation with bad values at each place of
// its path: a *ValidationError naming that path parameter, and no request.
// A SID value must have its prefix and 32 hex digits; a value that may be a
// name must not be empty or a dot segment.
func TestBadPathValues(t *testing.T) {
	t.Parallel()
	badSIDs := map[string]string{
		"empty": "", "short": "IS123", "dot": ".", "dot dot": "..", "slash": "a/b", "query": "x?y",
		"path traversal": "IS../../../Accounts/ACaaaaaaaaaaaaa", "lower-case prefix": "is0123456789abcdef0123456789abcdef",
		"not hex": "ISgggggggggggggggggggggggggggggggg", "too long": testServiceSID + "0", "another prefix": "XX0123456789abcdef0123456789abcdef",
	}
	badNames := map[string]string{"empty": "", "dot": ".", "dot dot": ".."}
	for _, op := range registryOps(t) {
		for i, p := range op.Params {
			bad := badSIDs
			if p.Names {
				bad = badNames
			}
			for name, value := range bad {
				if !p.Names && name == "another prefix" {
					value = "XX" + value[2:]
				}
				t.Run(op.ID+"/"+p.Name+"/"+name, func(t *testing.T) {
					t.Parallel()
					rec := newRecorder(t, respondJSON(http.StatusOK, "{}"))
					values := goodValues(op)
					values[i] = value

					err := registry[op.ID].call(context.Background(), rec.client(t), values)

					assert.Equal(t, []string{p.Name}, validationFields(err), "%v", err)
					assert.Empty(t, rec.requests())
				})
			}
		}
	}
}

// TestNameValuesAreOneSegment checks every path value that may be a name
// with names that hold characters a path treats specially: each arrives as
// exactly one path segment, decoded back to the name.
func TestNameValuesAreOneSegment(t *testing.T) {
	t.Parallel()
	names := []string{"a/b", "x?y", "100%", "#1", "café ☕", "...", "a/../..", " "}
	for _, op := range registryOps(t) {
		for i, p := range op.Params {
			if !p.Names {
				continue
			}
			for _, name := range names {
				t.Run(op.ID+"/"+p.Name+"/"+name, func(t *testing.T) {
					t.Parallel()
					rec := newRecorder(t, serveFile(t, http.StatusOK, cmp.Or(registry[op.ID].body, "testdata/service.json")))
					values := goodValues(op)
					values[i] = name

					_ = registry[op.ID].call(context.Background(), rec.client(t), values)

					req := rec.onlyRequest(t)
					segs := strings.Split(req.Path, "/")
					want := strings.Split(op.Path, "/")
					require.Len(t, segs, len(want))
					// The value's segment: as many slashes precede it as
					// precede its place in the template.
					got, err := url.PathUnescape(segs[strings.Count(strings.Join(op.Parts[:i+1], "x"), "/")])
					require.NoError(t, err)
					assert.Equal(t, name, got)
				})
			}
		}
	}
}

// TestNilContext checks that every operation, and every list's List and
// NextPage, given a nil context returns an error, without a panic and
// without a request.
func TestNilContext(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, respondJSON(http.StatusOK, "{}"))
	c := rec.client(t)
	var ctx context.Context // nil, as a caller's bug would pass it
	for _, op := range registryOps(t) {
		e := registry[op.ID]
		calls := map[string]func() error{
			"": func() error { return e.call(ctx, c, goodValues(op)) },
		}
		if e.list != nil {
			calls["/List"] = func() error { return e.list(ctx, c, goodValues(op)) }
			calls["/NextPage"] = func() error { return e.next(ctx, c, rec.srv.URL+"/v2/Services?Page=1") }
		}
		for name, call := range calls {
			var err error
			require.NotPanics(t, func() { err = call() }, op.ID+name)
			assert.ErrorIs(t, err, errNilContext, op.ID+name)
		}
	}
	assert.Empty(t, rec.requests())
}

func TestNotFound(t *testing.T) {
	t.Parallel()
	const body = `{"code": 20404, "message": "The requested resource was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}`
	for _, op := range registryOps(t) {
		t.Run(op.ID, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, respondJSON(http.StatusNotFound, body))

			err := registry[op.ID].call(context.Background(), rec.client(t), goodValues(op))

			assert.True(t, IsNotFound(err), "%v", err)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, &APIError{
				Status:     http.StatusNotFound,
				Code:       20404,
				Message:    "The requested resource was not found",
				RawMessage: "The requested resource was not found",
				MoreInfo:   "https://www.twilio.com/docs/errors/20404",
				RequestID:  testRequestID,
			}, apiErr)
			assert.NotContains(t, err.Error(), testAuthToken)
			assert.Len(t, rec.requests(), 1, "a 404 is not retried")
		})
	}
}

// TestRetryCounts checks that a 503 is retried for every operation that may
// be repeated, and that a Create, which may not, is sent once.
func TestRetryCounts(t *testing.T) {
	t.Parallel()
	for _, op := range registryOps(t) {
		t.Run(op.ID, func(t *testing.T) {
			t.Parallel()
			e := registry[op.ID]
			var body []byte
			if e.body != "" {
				var err error
				body, err = os.ReadFile(e.body)
				require.NoError(t, err)
			}
			rec := newRecorder(t, numbered(func(w http.ResponseWriter, _ *http.Request, n int64) {
				switch {
				case n == 1:
					writeJSON(w, http.StatusServiceUnavailable, twilioErrorBody(http.StatusServiceUnavailable, 20503, "Service Unavailable"))
				case body == nil:
					w.WriteHeader(http.StatusNoContent)
				default:
					writeJSON(w, http.StatusOK, string(body))
				}
			}))

			err := e.call(context.Background(), rec.client(t), goodValues(op))

			if op.Creates {
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, http.StatusServiceUnavailable, apiErr.Status)
				assert.EqualValues(t, 1, rec.hits(), "a Create is not sent again after a 503")
				return
			}
			if op.Method == http.MethodDelete {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, assert.AnError, "the call returns its value") // noValue's sign of success
			}
			assert.EqualValues(t, 2, rec.hits())
		})
	}
}

// TestRetriedDeleteFindsItGone checks every Delete whose retry is answered
// 404: it succeeds, as the try whose answer was lost most likely deleted
// it, while a 404 to the first try is still IsNotFound, and so is a 404 to
// a retry of any other operation. The client's policy keeps its retries and
// skips the waits (RetryPolicy.NoWait).
func TestRetriedDeleteFindsItGone(t *testing.T) {
	t.Parallel()
	notFound := twilioErrorBody(http.StatusNotFound, 20404, "The requested resource was not found")
	tests := []struct {
		name     string
		answers  []int // the status of each try, in order
		wantErr  bool
		wantHits int64
	}{
		{name: "504 then 404", answers: []int{504, 404}, wantHits: 2},
		{name: "503 then 404", answers: []int{503, 404}, wantHits: 2},
		{name: "429 then 504 then 404", answers: []int{429, 504, 404}, wantHits: 3},
		{name: "404 first", answers: []int{404}, wantErr: true, wantHits: 1},
		// Twilio acts on no request it answers 429: the Delete found nothing.
		{name: "429 then 404", answers: []int{429, 404}, wantErr: true, wantHits: 2},
	}
	for _, op := range registryOps(t) {
		if op.Creates {
			continue // not retried after a 503 or 504
		}
		for _, tt := range tests {
			t.Run(op.ID+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				rec := newRecorder(t, numbered(func(w http.ResponseWriter, _ *http.Request, n int64) {
					status := tt.answers[min(int(n), len(tt.answers))-1]
					if status == http.StatusNotFound {
						writeJSON(w, status, notFound)
						return
					}
					writeJSON(w, status, twilioErrorBody(status, 20000+status, http.StatusText(status)))
				}))
				c, err := NewClient(testAccountSID, testAuthToken, WithBaseURL(rec.srv.URL),
					WithRetryPolicy(RetryPolicy{MaxRetries: 2, NoWait: true}))
				require.NoError(t, err)

				err = registry[op.ID].call(context.Background(), c, goodValues(op))

				var retryErr *RetryError
				switch {
				case op.Method != http.MethodDelete:
					assert.True(t, IsNotFound(err), "%v", err)
					assert.Equal(t, tt.wantHits > 1, errors.As(err, &retryErr), "%v", err)
				case tt.wantErr:
					assert.True(t, IsNotFound(err), "%v", err)
					assert.Equal(t, tt.wantHits > 1, errors.As(err, &retryErr), "%v", err)
				default:
					assert.NoError(t, err)
				}
				assert.Equal(t, tt.wantHits, rec.hits())
				for _, r := range rec.requests() {
					assert.Equal(t, op.Method, r.Method)
				}
			})
		}
	}
}

// TestDecodeUnusable checks that every operation that returns a resource
// fails with a *DecodeError when the answer is "{}" or holds a SID of
// another kind, and every list when a page holds such an item: the caller
// could not address it again.
func TestDecodeUnusable(t *testing.T) {
	t.Parallel()
	// A SID no resource has; channel_sid for a User Channel, which is
	// addressed by it.
	const otherSID = "ZZ0123456789abcdef0123456789abcdef"
	items := []struct{ name, item, wantErr string }{
		// "has no sid", or the SID key that addresses a resource without a
		// sid of its own ("has no channel_sid").
		{name: "{}", item: `{}`, wantErr: `has no [a-z_]*sid$`},
		{name: "another kind of SID", item: `{"sid": "` + otherSID + `", "channel_sid": "` + otherSID + `"}`,
			wantErr: `'s [a-z_]*sid is not [A-Z]{2} followed by 32 hex digits$`},
	}
	for _, op := range registryOps(t) {
		if op.Method == http.MethodDelete {
			continue
		}
		for _, tt := range items {
			t.Run(op.ID+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				body := tt.item
				if op.ListKey != "" {
					body = `{"` + op.ListKey + `": [` + tt.item + `], "meta": {"key": "` + op.ListKey + `"}}`
				}
				rec := newRecorder(t, respondJSON(http.StatusOK, body))

				err := registry[op.ID].call(context.Background(), rec.client(t), goodValues(op))

				var decErr *DecodeError
				require.ErrorAs(t, err, &decErr)
				assert.Equal(t, http.StatusOK, decErr.Status)
				assert.Regexp(t, tt.wantErr, decErr.Err.Error())
			})
		}
	}
}

func TestFetchWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		file     string
		fetch    func(c *Client) (any, error)
		wantPath string
		want     any
	}{
		{
			name: "Services", file: "testdata/service_fetch.json", wantPath: "/v2/Services/" + testServiceSID,
			fetch: func(c *Client) (any, error) { return c.Services.Fetch(context.Background(), testServiceSID) },
			want:  Ptr(specService()),
		},
		{
			name: "Roles", file: "testdata/role_fetch.json", wantPath: rolesPathOf + "/" + testRoleSID,
			fetch: func(c *Client) (any, error) { return c.Roles.Fetch(context.Background(), testServiceSID, testRoleSID) },
			want:  Ptr(specRole()),
		},
		{
			name: "Bindings", file: "testdata/binding_fetch.json", wantPath: bindingsPathOf + "/" + testBindingSID,
			fetch: func(c *Client) (any, error) {
				return c.Bindings.Fetch(context.Background(), testServiceSID, testBindingSID)
			},
			want: Ptr(specBinding()),
		},
		{
			name: "UserBindings", file: "testdata/user_binding_fetch.json", wantPath: "/v2/Services/" + testServiceSID + "/Users/TestUser/Bindings/" + testBindingSID,
			fetch: func(c *Client) (any, error) {
				return c.UserBindings.Fetch(context.Background(), testServiceSID, "TestUser", testBindingSID)
			},
			want: Ptr(specUserBinding()),
		},
		{
			name: "UserChannels", file: "testdata/user_channel_fetch.json", wantPath: userChannelsPathOf + "/" + testChannelSID,
			fetch: func(c *Client) (any, error) {
				return c.UserChannels.Fetch(context.Background(), testServiceSID, "alice", testChannelSID)
			},
			want: Ptr(specUserChannel()),
		},
		{
			name: "Credentials", file: "testdata/credential_fetch.json", wantPath: credentialsPath + "/" + testCredentialSID,
			fetch: func(c *Client) (any, error) { return c.Credentials.Fetch(context.Background(), testCredentialSID) },
			want:  Ptr(specCredential()),
		},
		{
			name: "ChannelWebhooks", file: "testdata/channel_webhook_fetch.json", wantPath: channelWebhooksPath + "/" + testChannelWebhookSID,
			fetch: func(c *Client) (any, error) {
				return c.ChannelWebhooks.Fetch(context.Background(), testServiceSID, "support desk", testChannelWebhookSID)
			},
			want: Ptr(specStudioWebhook()),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, tt.file))

			got, err := tt.fetch(rec.client(t))
			require.NoError(t, err)

			req := rec.onlyRequest(t)
			assertRequest(t, req, http.MethodGet, tt.wantPath, "")
			assert.Empty(t, req.Body)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDeleteWire(t *testing.T) {
	t.Parallel()
	answers := map[string]http.HandlerFunc{
		"204 without body": func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) },
		"200 with a body":  respondJSON(http.StatusOK, `{"ignored": true}`),
	}
	deletes := map[string]struct {
		call     func(c *Client) error
		wantPath string
	}{
		"Services": {func(c *Client) error { return c.Services.Delete(context.Background(), testServiceSID) }, "/v2/Services/" + testServiceSID},
		"Roles":    {func(c *Client) error { return c.Roles.Delete(context.Background(), testServiceSID, testRoleSID) }, rolesPathOf + "/" + testRoleSID},
		"Bindings": {func(c *Client) error { return c.Bindings.Delete(context.Background(), testServiceSID, testBindingSID) }, bindingsPathOf + "/" + testBindingSID},
		"UserBindings": {func(c *Client) error {
			return c.UserBindings.Delete(context.Background(), testServiceSID, testUserSID, testBindingSID)
		}, "/v2/Services/" + testServiceSID + "/Users/" + testUserSID + "/Bindings/" + testBindingSID},
		"UserChannels": {func(c *Client) error {
			return c.UserChannels.Delete(context.Background(), testServiceSID, "alice", "support desk", nil)
		}, userChannelsPathOf + "/support%20desk"},
		"Credentials": {func(c *Client) error { return c.Credentials.Delete(context.Background(), testCredentialSID) }, credentialsPath + "/" + testCredentialSID},
		"ChannelWebhooks": {func(c *Client) error {
			return c.ChannelWebhooks.Delete(context.Background(), testServiceSID, "support desk", testChannelWebhookSID)
		}, channelWebhooksPath + "/" + testChannelWebhookSID},
	}
	for resource, del := range deletes {
		for answer, handler := range answers {
			t.Run(resource+"/"+answer, func(t *testing.T) {
				t.Parallel()
				rec := newRecorder(t, handler)

				require.NoError(t, del.call(rec.client(t)))

				req := rec.onlyRequest(t)
				assertRequest(t, req, http.MethodDelete, del.wantPath, "")
				assert.Empty(t, req.Body)
			})
		}
	}
}

// Tests of Chat's use of the pieces every operation is made of (internal/engine
// tests the pieces themselves): header params and each list item's check.

func TestHeaderParams(t *testing.T) {
	t.Parallel()
	const channel = "/v2/Services/" + testServiceSID + "/Channels/support"
	tests := []struct {
		name       string
		call       func(c *Client) error
		wantMethod string
		wantHeader []string // X-Twilio-Webhook-Enabled
		wantBody   string
	}{
		{
			name: "Delete with the header", wantMethod: http.MethodDelete, wantHeader: []string{"false"},
			call: func(c *Client) error {
				return c.Channels.Delete(context.Background(), testServiceSID, "support", &DeleteChannelParams{WebhookEnabled: Ptr(false)})
			},
		},
		{
			name: "Delete without it", wantMethod: http.MethodDelete,
			call: func(c *Client) error {
				return c.Channels.Delete(context.Background(), testServiceSID, "support", &DeleteChannelParams{})
			},
		},
		{
			name: "Delete with nil params", wantMethod: http.MethodDelete,
			call: func(c *Client) error {
				return c.Channels.Delete(context.Background(), testServiceSID, "support", nil)
			},
		},
		{
			name: "Update with the header and a form key", wantMethod: http.MethodPost, wantHeader: []string{"true"}, wantBody: "FriendlyName=help+desk",
			call: func(c *Client) error {
				params := &UpdateChannelParams{FriendlyName: Ptr("help desk"), WebhookEnabled: Ptr(true)}
				_, err := sendOp[*UpdateChannelParams, struct{}]{spec.Lookup("UpdateChannel")}.call(context.Background(), c, params, testServiceSID, "support")
				return err
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, respondJSON(http.StatusOK, `{}`))

			require.NoError(t, tt.call(rec.client(t)))

			req := rec.onlyRequest(t)
			assertRequest(t, req, tt.wantMethod, channel, "")
			assert.Equal(t, tt.wantHeader, req.Header.Values("X-Twilio-Webhook-Enabled"))
			assert.Equal(t, tt.wantBody, req.Body, "a header param is never a form key")
		})
	}
}

func TestListChecksEachItem(t *testing.T) {
	t.Parallel()
	const body = `{"roles": [{"sid": "` + testRoleSID + `"}, {"sid": "` + testServiceSID + `"}], "meta": {"key": "roles"}}`
	rec := newRecorder(t, respondJSON(http.StatusOK, body))
	c := rec.client(t)

	page, err := c.Roles.ListPage(context.Background(), testServiceSID, nil)
	assert.Nil(t, page)
	var decErr *DecodeError
	require.ErrorAs(t, err, &decErr)
	assert.EqualError(t, decErr.Err, "item 1 of the page: the Role's sid is not RL followed by 32 hex digits")

	var got []string
	for role, err := range c.Roles.List(context.Background(), testServiceSID, nil) {
		if err != nil {
			require.ErrorAs(t, err, &decErr)
			break
		}
		got = append(got, role.SID)
	}
	assert.Empty(t, got, "a page with a bad item yields none of its items")
}

// TestOneBadValueIsItsValidationError checks that a call with one bad path
// value returns the *ValidationError itself, not a join of one.
func TestOneBadValueIsItsValidationError(t *testing.T) {
	t.Parallel()
	c, err := NewClient(testAccountSID, testAuthToken)
	require.NoError(t, err)
	_, err = c.Services.Fetch(context.Background(), "IS1")
	valErr, ok := err.(*ValidationError)
	require.True(t, ok, "%T: %v", err, err)
	assert.Equal(t, "Sid", valErr.Field)
}
