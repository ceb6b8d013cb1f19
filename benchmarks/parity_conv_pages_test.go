package benchmarks

import (
	"context"
	"testing"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/stretchr/testify/assert"
	convv1 "github.com/twilio/twilio-go/rest/conversations/v1"
)

// TestConversationsParityNextPage is TestParityNextPage for every list of
// Conversations v1, on the default Service and on a named one: package
// conversations' List and twilio-go's List… each walk two pages, page size
// 1, following a next_page_url on conversations.twilio.com.
func TestConversationsParityNextPage(t *testing.T) {
	t.Parallel()
	facts := mustFacts(t, readConvFacts)
	covered := map[string]bool{}
	for _, tc := range convNextPageCases() {
		covered[tc.op] = true
		t.Run(tc.op, func(t *testing.T) {
			t.Parallel()
			runNextPage(t, facts, convspec.Lookup(tc.op), "https://conversations.twilio.com",
				func(baseURL string) (any, error) {
					return tc.ours(context.Background(), conversations.New(newParityTwilioChat(t, baseURL)))
				},
				func(baseURL string) (any, error) { return tc.theirs(newTwilioGoRest(t, baseURL).ConversationsV1) })
		})
	}
	for _, op := range convspec.Operations {
		if op.ListKey != "" {
			assert.True(t, covered[op.ID], "%s has no next page case", op.ID)
		}
	}
}

// one is a page size of 1.
var one = twiliochat.Ptr(1)

// convNextPageCases are the lists of TestConversationsParityNextPage, with
// a page size of 1 and no other parameter but the one
// ParticipantConversations requires.
func convNextPageCases() []convCase {
	return cases(
		[]convCase{
			{op: "ListConfigurationAddress",
				ours: func(ctx context.Context, c *conversations.Client) (any, error) {
					return collect(c.AddressConfigurations.List(ctx, &conversations.ListAddressConfigurationsParams{PageSize: one}))
				},
				theirs: func(c *convv1.ApiService) (any, error) {
					return c.ListConfigurationAddress((&convv1.ListConfigurationAddressParams{}).SetPageSize(1))
				}},
			{op: "ListCredential",
				ours: func(ctx context.Context, c *conversations.Client) (any, error) {
					return collect(c.Credentials.List(ctx, &conversations.ListCredentialsParams{PageSize: one}))
				},
				theirs: func(c *convv1.ApiService) (any, error) {
					return c.ListCredential((&convv1.ListCredentialParams{}).SetPageSize(1))
				}},
			{op: "ListService",
				ours: func(ctx context.Context, c *conversations.Client) (any, error) {
					return collect(c.Services.List(ctx, &conversations.ListServicesParams{PageSize: one}))
				},
				theirs: func(c *convv1.ApiService) (any, error) {
					return c.ListService((&convv1.ListServiceParams{}).SetPageSize(1))
				}},
			{op: "ListServiceBinding",
				ours: func(ctx context.Context, c *conversations.Client) (any, error) {
					return collect(c.Service(exService).Bindings.List(ctx, &conversations.ListBindingsParams{PageSize: one}))
				},
				theirs: func(c *convv1.ApiService) (any, error) {
					return c.ListServiceBinding(exService, (&convv1.ListServiceBindingParams{}).SetPageSize(1))
				}},
		},
		twin("", "ListConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return collect(s.Conversations.List(ctx, &conversations.ListConversationsParams{PageSize: one}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListConversation((&convv1.ListConversationParams{}).SetPageSize(1))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListServiceConversation(exService, (&convv1.ListServiceConversationParams{}).SetPageSize(1))
			}),
		twin("", "ListConversationMessage",
			func(ctx context.Context, s convScope) (any, error) {
				return collect(s.Messages.List(ctx, exChannel, &conversations.ListMessagesParams{PageSize: one}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListConversationMessage(exChannel, (&convv1.ListConversationMessageParams{}).SetPageSize(1))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListServiceConversationMessage(exService, exChannel, (&convv1.ListServiceConversationMessageParams{}).SetPageSize(1))
			}),
		twin("", "ListConversationMessageReceipt",
			func(ctx context.Context, s convScope) (any, error) {
				return collect(s.Receipts.List(ctx, exChannel, exMessage, &conversations.ListReceiptsParams{PageSize: one}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListConversationMessageReceipt(exChannel, exMessage, (&convv1.ListConversationMessageReceiptParams{}).SetPageSize(1))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListServiceConversationMessageReceipt(exService, exChannel, exMessage, (&convv1.ListServiceConversationMessageReceiptParams{}).SetPageSize(1))
			}),
		twin("", "ListConversationParticipant",
			func(ctx context.Context, s convScope) (any, error) {
				return collect(s.Participants.List(ctx, exChannel, &conversations.ListParticipantsParams{PageSize: one}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListConversationParticipant(exChannel, (&convv1.ListConversationParticipantParams{}).SetPageSize(1))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListServiceConversationParticipant(exService, exChannel, (&convv1.ListServiceConversationParticipantParams{}).SetPageSize(1))
			}),
		twin("", "ListConversationScopedWebhook",
			func(ctx context.Context, s convScope) (any, error) {
				return collect(s.ConversationWebhooks.List(ctx, exChannel, &conversations.ListConversationWebhooksParams{PageSize: one}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListConversationScopedWebhook(exChannel, (&convv1.ListConversationScopedWebhookParams{}).SetPageSize(1))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListServiceConversationScopedWebhook(exService, exChannel, (&convv1.ListServiceConversationScopedWebhookParams{}).SetPageSize(1))
			}),
		twin("", "ListParticipantConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return collect(s.ParticipantConversations.List(ctx, &conversations.ListParticipantConversationsParams{
					PageSize: one, Identity: twiliochat.Ptr("alice"),
				}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListParticipantConversation((&convv1.ListParticipantConversationParams{}).SetPageSize(1).SetIdentity("alice"))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListServiceParticipantConversation(exService, (&convv1.ListServiceParticipantConversationParams{}).SetPageSize(1).SetIdentity("alice"))
			}),
		twin("", "ListRole",
			func(ctx context.Context, s convScope) (any, error) {
				return collect(s.Roles.List(ctx, &conversations.ListRolesParams{PageSize: one}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListRole((&convv1.ListRoleParams{}).SetPageSize(1))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListServiceRole(exService, (&convv1.ListServiceRoleParams{}).SetPageSize(1))
			}),
		twin("", "ListUser",
			func(ctx context.Context, s convScope) (any, error) {
				return collect(s.Users.List(ctx, &conversations.ListUsersParams{PageSize: one}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListUser((&convv1.ListUserParams{}).SetPageSize(1))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListServiceUser(exService, (&convv1.ListServiceUserParams{}).SetPageSize(1))
			}),
		twin("", "ListUserConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return collect(s.UserConversations.List(ctx, exUser, &conversations.ListUserConversationsParams{PageSize: one}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListUserConversation(exUser, (&convv1.ListUserConversationParams{}).SetPageSize(1))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.ListServiceUserConversation(exService, exUser, (&convv1.ListServiceUserConversationParams{}).SetPageSize(1))
			}),
	)
}
