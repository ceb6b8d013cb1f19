package conversations

import (
	"context"
	"iter"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/convspec"
)

// The registry: how the tests call each operation, keyed by the spec's
// operationId. The tests of ops_test.go run every row alike; the
// named-Service twin of a default-Service operation shares its row, called
// on a ServiceClient's resources.

// res are the resources an operation is called on: a Client's, or for an
// operation on a named Service, a ServiceClient's.
type res struct {
	Conversations            *ConversationsResource
	Messages                 *MessagesResource
	Receipts                 *ReceiptsResource
	Participants             *ParticipantsResource
	ConversationWebhooks     *ConversationWebhooksResource
	Users                    *UsersResource
	UserConversations        *UserConversationsResource
	ParticipantConversations *ParticipantConversationsResource
	Roles                    *RolesResource
	c                        *Client
	sc                       *ServiceClient
}

// resOf returns the resources of c, or of its ServiceClient for
// serviceSID when named is set.
func resOf(c *Client, named bool, serviceSID string) res {
	if !named {
		return res{c.Conversations, c.Messages, c.Receipts, c.Participants, c.ConversationWebhooks, c.Users,
			c.UserConversations, c.ParticipantConversations, c.Roles, c, nil}
	}
	sc := c.Service(serviceSID)
	return res{sc.Conversations, sc.Messages, sc.Receipts, sc.Participants, sc.ConversationWebhooks, sc.Users,
		sc.UserConversations, sc.ParticipantConversations, sc.Roles, c, sc}
}

// row is one operation of the registry.
type row struct {
	// params returns a new zero params value of the operation, nil for one
	// that takes none.
	params func() any
	// call calls the operation with v, its path values but the Service's
	// (in the order of the path template), and p, the params params returns
	// (or nil), and returns its error. A list calls ListPage.
	call func(ctx context.Context, r res, v []string, p any) error
	// list ranges over a list's List to its first error.
	list func(ctx context.Context, r res, v []string, p any) error
	// next calls a list's NextPage on a page whose next page is nextURL,
	// and returns how many items the page it returns holds, -1 for none.
	next func(ctx context.Context, r res, nextURL string) (int, error)
	// golden is the testdata file of the resource it answers with.
	golden string
}

// as returns p as a P, the nil P when p is nil.
func as[P any](p any) P {
	v, _ := p.(P)
	return v
}

// newOf returns the params constructor of P.
func newOf[P any]() func() any { return func() any { return new(P) } }

// noValue returns err, or an error when a value came with it.
func noValue[T any](v *T, err error) error {
	if err != nil && v != nil {
		return assert.AnError
	}
	return err
}

// firstError ranges over seq and returns its first error.
func firstError[T any](seq iter.Seq2[*T, error]) error {
	for _, err := range seq {
		if err != nil {
			return err
		}
	}
	return nil
}

// nextOf calls NextPage on a page of T whose next page is nextURL, and
// returns how many items the page it returns holds, -1 for none.
func nextOf[T any](f func(context.Context, *twiliochat.Page[T]) (*twiliochat.Page[T], error)) func(context.Context, string) (int, error) {
	return func(ctx context.Context, next string) (int, error) {
		page, err := f(ctx, &twiliochat.Page[T]{Meta: twiliochat.PageMeta{NextPageURL: next}})
		if page == nil {
			return -1, err
		}
		return len(page.Items), err
	}
}

// registry holds every operation, by its default-Service (or only)
// operationId; registryRow finds a twin's.
var registry = map[string]row{
	"ListConversation": {params: newOf[ListConversationsParams](), golden: "conversation",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.Conversations.ListPage(ctx, as[*ListConversationsParams](p)))
		},
		list: func(ctx context.Context, r res, _ []string, p any) error {
			return firstError(r.Conversations.List(ctx, as[*ListConversationsParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) {
			return nextOf(r.Conversations.NextPage)(ctx, n)
		}},
	"CreateConversation": {params: newOf[CreateConversationParams](), golden: "conversation",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.Conversations.Create(ctx, as[*CreateConversationParams](p)))
		}},
	"CreateConversationWithParticipants": {params: newOf[CreateConversationWithParticipantsParams](), golden: "conversation",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.Conversations.CreateWithParticipants(ctx, as[*CreateConversationWithParticipantsParams](p)))
		}},
	"FetchConversation": {golden: "conversation", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.Conversations.Fetch(ctx, v[0]))
	}},
	"UpdateConversation": {params: newOf[UpdateConversationParams](), golden: "conversation",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.Conversations.Update(ctx, v[0], as[*UpdateConversationParams](p)))
		}},
	"DeleteConversation": {params: newOf[DeleteConversationParams](), call: func(ctx context.Context, r res, v []string, p any) error {
		return r.Conversations.Delete(ctx, v[0], as[*DeleteConversationParams](p))
	}},

	"ListConversationMessage": {params: newOf[ListMessagesParams](), golden: "message",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.Messages.ListPage(ctx, v[0], as[*ListMessagesParams](p)))
		},
		list: func(ctx context.Context, r res, v []string, p any) error {
			return firstError(r.Messages.List(ctx, v[0], as[*ListMessagesParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) { return nextOf(r.Messages.NextPage)(ctx, n) }},
	"CreateConversationMessage": {params: newOf[CreateMessageParams](), golden: "message",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.Messages.Create(ctx, v[0], as[*CreateMessageParams](p)))
		}},
	"FetchConversationMessage": {golden: "message", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.Messages.Fetch(ctx, v[0], v[1]))
	}},
	"UpdateConversationMessage": {params: newOf[UpdateMessageParams](), golden: "message",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.Messages.Update(ctx, v[0], v[1], as[*UpdateMessageParams](p)))
		}},
	"DeleteConversationMessage": {params: newOf[DeleteMessageParams](), call: func(ctx context.Context, r res, v []string, p any) error {
		return r.Messages.Delete(ctx, v[0], v[1], as[*DeleteMessageParams](p))
	}},

	"ListConversationMessageReceipt": {params: newOf[ListReceiptsParams](), golden: "receipt",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.Receipts.ListPage(ctx, v[0], v[1], as[*ListReceiptsParams](p)))
		},
		list: func(ctx context.Context, r res, v []string, p any) error {
			return firstError(r.Receipts.List(ctx, v[0], v[1], as[*ListReceiptsParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) { return nextOf(r.Receipts.NextPage)(ctx, n) }},
	"FetchConversationMessageReceipt": {golden: "receipt", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.Receipts.Fetch(ctx, v[0], v[1], v[2]))
	}},

	"ListConversationParticipant": {params: newOf[ListParticipantsParams](), golden: "participant",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.Participants.ListPage(ctx, v[0], as[*ListParticipantsParams](p)))
		},
		list: func(ctx context.Context, r res, v []string, p any) error {
			return firstError(r.Participants.List(ctx, v[0], as[*ListParticipantsParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) {
			return nextOf(r.Participants.NextPage)(ctx, n)
		}},
	"CreateConversationParticipant": {params: newOf[CreateParticipantParams](), golden: "participant",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.Participants.Create(ctx, v[0], as[*CreateParticipantParams](p)))
		}},
	"FetchConversationParticipant": {golden: "participant", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.Participants.Fetch(ctx, v[0], v[1]))
	}},
	"UpdateConversationParticipant": {params: newOf[UpdateParticipantParams](), golden: "participant",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.Participants.Update(ctx, v[0], v[1], as[*UpdateParticipantParams](p)))
		}},
	"DeleteConversationParticipant": {params: newOf[DeleteParticipantParams](), call: func(ctx context.Context, r res, v []string, p any) error {
		return r.Participants.Delete(ctx, v[0], v[1], as[*DeleteParticipantParams](p))
	}},

	"ListConversationScopedWebhook": {params: newOf[ListConversationWebhooksParams](), golden: "conversation_webhook",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.ConversationWebhooks.ListPage(ctx, v[0], as[*ListConversationWebhooksParams](p)))
		},
		list: func(ctx context.Context, r res, v []string, p any) error {
			return firstError(r.ConversationWebhooks.List(ctx, v[0], as[*ListConversationWebhooksParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) {
			return nextOf(r.ConversationWebhooks.NextPage)(ctx, n)
		}},
	"CreateConversationScopedWebhook": {params: newOf[CreateConversationWebhookParams](), golden: "conversation_webhook",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.ConversationWebhooks.Create(ctx, v[0], as[*CreateConversationWebhookParams](p)))
		}},
	"FetchConversationScopedWebhook": {golden: "conversation_webhook", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.ConversationWebhooks.Fetch(ctx, v[0], v[1]))
	}},
	"UpdateConversationScopedWebhook": {params: newOf[UpdateConversationWebhookParams](), golden: "conversation_webhook",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.ConversationWebhooks.Update(ctx, v[0], v[1], as[*UpdateConversationWebhookParams](p)))
		}},
	"DeleteConversationScopedWebhook": {call: func(ctx context.Context, r res, v []string, _ any) error {
		return r.ConversationWebhooks.Delete(ctx, v[0], v[1])
	}},

	"ListUser": {params: newOf[ListUsersParams](), golden: "user",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.Users.ListPage(ctx, as[*ListUsersParams](p)))
		},
		list: func(ctx context.Context, r res, _ []string, p any) error {
			return firstError(r.Users.List(ctx, as[*ListUsersParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) { return nextOf(r.Users.NextPage)(ctx, n) }},
	"CreateUser": {params: newOf[CreateUserParams](), golden: "user", call: func(ctx context.Context, r res, _ []string, p any) error {
		return noValue(r.Users.Create(ctx, as[*CreateUserParams](p)))
	}},
	"FetchUser": {golden: "user", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.Users.Fetch(ctx, v[0]))
	}},
	"UpdateUser": {params: newOf[UpdateUserParams](), golden: "user", call: func(ctx context.Context, r res, v []string, p any) error {
		return noValue(r.Users.Update(ctx, v[0], as[*UpdateUserParams](p)))
	}},
	"DeleteUser": {params: newOf[DeleteUserParams](), call: func(ctx context.Context, r res, v []string, p any) error {
		return r.Users.Delete(ctx, v[0], as[*DeleteUserParams](p))
	}},

	"ListUserConversation": {params: newOf[ListUserConversationsParams](), golden: "user_conversation",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.UserConversations.ListPage(ctx, v[0], as[*ListUserConversationsParams](p)))
		},
		list: func(ctx context.Context, r res, v []string, p any) error {
			return firstError(r.UserConversations.List(ctx, v[0], as[*ListUserConversationsParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) {
			return nextOf(r.UserConversations.NextPage)(ctx, n)
		}},
	"FetchUserConversation": {golden: "user_conversation", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.UserConversations.Fetch(ctx, v[0], v[1]))
	}},
	"UpdateUserConversation": {params: newOf[UpdateUserConversationParams](), golden: "user_conversation",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.UserConversations.Update(ctx, v[0], v[1], as[*UpdateUserConversationParams](p)))
		}},
	"DeleteUserConversation": {call: func(ctx context.Context, r res, v []string, _ any) error {
		return r.UserConversations.Delete(ctx, v[0], v[1])
	}},

	"ListParticipantConversation": {params: newOf[ListParticipantConversationsParams](), golden: "participant_conversation",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.ParticipantConversations.ListPage(ctx, as[*ListParticipantConversationsParams](p)))
		},
		list: func(ctx context.Context, r res, _ []string, p any) error {
			return firstError(r.ParticipantConversations.List(ctx, as[*ListParticipantConversationsParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) {
			return nextOf(r.ParticipantConversations.NextPage)(ctx, n)
		}},

	"ListRole": {params: newOf[ListRolesParams](), golden: "role",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.Roles.ListPage(ctx, as[*ListRolesParams](p)))
		},
		list: func(ctx context.Context, r res, _ []string, p any) error {
			return firstError(r.Roles.List(ctx, as[*ListRolesParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) { return nextOf(r.Roles.NextPage)(ctx, n) }},
	"CreateRole": {params: newOf[CreateRoleParams](), golden: "role", call: func(ctx context.Context, r res, _ []string, p any) error {
		return noValue(r.Roles.Create(ctx, as[*CreateRoleParams](p)))
	}},
	"FetchRole": {golden: "role", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.Roles.Fetch(ctx, v[0]))
	}},
	"UpdateRole": {params: newOf[UpdateRoleParams](), golden: "role", call: func(ctx context.Context, r res, v []string, p any) error {
		return noValue(r.Roles.Update(ctx, v[0], as[*UpdateRoleParams](p)))
	}},
	"DeleteRole": {call: func(ctx context.Context, r res, v []string, _ any) error {
		return r.Roles.Delete(ctx, v[0])
	}},

	// The account's own resources.
	"ListCredential": {params: newOf[ListCredentialsParams](), golden: "credential",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.c.Credentials.ListPage(ctx, as[*ListCredentialsParams](p)))
		},
		list: func(ctx context.Context, r res, _ []string, p any) error {
			return firstError(r.c.Credentials.List(ctx, as[*ListCredentialsParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) {
			return nextOf(r.c.Credentials.NextPage)(ctx, n)
		}},
	"CreateCredential": {params: newOf[CreateCredentialParams](), golden: "credential",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.c.Credentials.Create(ctx, as[*CreateCredentialParams](p)))
		}},
	"FetchCredential": {golden: "credential", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.c.Credentials.Fetch(ctx, v[0]))
	}},
	"UpdateCredential": {params: newOf[UpdateCredentialParams](), golden: "credential",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.c.Credentials.Update(ctx, v[0], as[*UpdateCredentialParams](p)))
		}},
	"DeleteCredential": {call: func(ctx context.Context, r res, v []string, _ any) error {
		return r.c.Credentials.Delete(ctx, v[0])
	}},

	"ListService": {params: newOf[ListServicesParams](), golden: "service",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.c.Services.ListPage(ctx, as[*ListServicesParams](p)))
		},
		list: func(ctx context.Context, r res, _ []string, p any) error {
			return firstError(r.c.Services.List(ctx, as[*ListServicesParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) { return nextOf(r.c.Services.NextPage)(ctx, n) }},
	"CreateService": {params: newOf[CreateServiceParams](), golden: "service", call: func(ctx context.Context, r res, _ []string, p any) error {
		return noValue(r.c.Services.Create(ctx, as[*CreateServiceParams](p)))
	}},
	"FetchService": {golden: "service", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.c.Services.Fetch(ctx, v[0]))
	}},
	"DeleteService": {call: func(ctx context.Context, r res, v []string, _ any) error {
		return r.c.Services.Delete(ctx, v[0])
	}},

	"ListConfigurationAddress": {params: newOf[ListAddressConfigurationsParams](), golden: "address_configuration",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.c.AddressConfigurations.ListPage(ctx, as[*ListAddressConfigurationsParams](p)))
		},
		list: func(ctx context.Context, r res, _ []string, p any) error {
			return firstError(r.c.AddressConfigurations.List(ctx, as[*ListAddressConfigurationsParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) {
			return nextOf(r.c.AddressConfigurations.NextPage)(ctx, n)
		}},
	"CreateConfigurationAddress": {params: newOf[CreateAddressConfigurationParams](), golden: "address_configuration",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.c.AddressConfigurations.Create(ctx, as[*CreateAddressConfigurationParams](p)))
		}},
	"FetchConfigurationAddress": {golden: "address_configuration", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.c.AddressConfigurations.Fetch(ctx, v[0]))
	}},
	"UpdateConfigurationAddress": {params: newOf[UpdateAddressConfigurationParams](), golden: "address_configuration",
		call: func(ctx context.Context, r res, v []string, p any) error {
			return noValue(r.c.AddressConfigurations.Update(ctx, v[0], as[*UpdateAddressConfigurationParams](p)))
		}},
	"DeleteConfigurationAddress": {call: func(ctx context.Context, r res, v []string, _ any) error {
		return r.c.AddressConfigurations.Delete(ctx, v[0])
	}},

	"FetchConfiguration": {golden: "configuration", call: func(ctx context.Context, r res, _ []string, _ any) error {
		return noValue(r.c.Configuration.Fetch(ctx))
	}},
	"UpdateConfiguration": {params: newOf[UpdateConfigurationParams](), golden: "configuration",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.c.Configuration.Update(ctx, as[*UpdateConfigurationParams](p)))
		}},
	"FetchConfigurationWebhook": {golden: "configuration_webhook", call: func(ctx context.Context, r res, _ []string, _ any) error {
		return noValue(r.c.ConfigurationWebhooks.Fetch(ctx))
	}},
	"UpdateConfigurationWebhook": {params: newOf[UpdateConfigurationWebhookParams](), golden: "configuration_webhook",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.c.ConfigurationWebhooks.Update(ctx, as[*UpdateConfigurationWebhookParams](p)))
		}},

	// A named Service's own resources.
	"ListServiceBinding": {params: newOf[ListBindingsParams](), golden: "binding",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.sc.Bindings.ListPage(ctx, as[*ListBindingsParams](p)))
		},
		list: func(ctx context.Context, r res, _ []string, p any) error {
			return firstError(r.sc.Bindings.List(ctx, as[*ListBindingsParams](p)))
		},
		next: func(ctx context.Context, r res, n string) (int, error) { return nextOf(r.sc.Bindings.NextPage)(ctx, n) }},
	"FetchServiceBinding": {golden: "binding", call: func(ctx context.Context, r res, v []string, _ any) error {
		return noValue(r.sc.Bindings.Fetch(ctx, v[0]))
	}},
	"DeleteServiceBinding": {call: func(ctx context.Context, r res, v []string, _ any) error {
		return r.sc.Bindings.Delete(ctx, v[0])
	}},
	"FetchServiceConfiguration": {golden: "service_configuration", call: func(ctx context.Context, r res, _ []string, _ any) error {
		return noValue(r.sc.Configuration.Fetch(ctx))
	}},
	"UpdateServiceConfiguration": {params: newOf[UpdateServiceConfigurationParams](), golden: "service_configuration",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.sc.Configuration.Update(ctx, as[*UpdateServiceConfigurationParams](p)))
		}},
	"FetchServiceNotification": {golden: "service_notification", call: func(ctx context.Context, r res, _ []string, _ any) error {
		return noValue(r.sc.Notifications.Fetch(ctx))
	}},
	"UpdateServiceNotification": {params: newOf[UpdateServiceNotificationParams](), golden: "service_notification",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.sc.Notifications.Update(ctx, as[*UpdateServiceNotificationParams](p)))
		}},
	"FetchServiceWebhookConfiguration": {golden: "service_webhook_configuration", call: func(ctx context.Context, r res, _ []string, _ any) error {
		return noValue(r.sc.ConfigurationWebhooks.Fetch(ctx))
	}},
	"UpdateServiceWebhookConfiguration": {params: newOf[UpdateServiceWebhookConfigurationParams](), golden: "service_webhook_configuration",
		call: func(ctx context.Context, r res, _ []string, p any) error {
			return noValue(r.sc.ConfigurationWebhooks.Update(ctx, as[*UpdateServiceWebhookConfigurationParams](p)))
		}},
}

// servicePrefix starts the path of an operation on a named Service.
const servicePrefix = "/v1/Services/{ChatServiceSid}/"

// registryRow returns the row of the operation id and whether it is
// called on a named Service: a twin (CreateServiceConversationMessage)
// shares its default-Service operation's row, and a Service's own
// operation (FetchServiceBinding) has its own.
func registryRow(id string) (row, bool, bool) {
	op := convspec.Lookup(id)
	named := strings.HasPrefix(op.Path, servicePrefix)
	if r, ok := registry[id]; ok {
		return r, named, true
	}
	twin := strings.Replace(id, "Service", "", 1)
	r, ok := registry[twin]
	return r, named, ok && named && convspec.Lookup(twin).Path == "/v1/"+strings.TrimPrefix(op.Path, servicePrefix)
}

// TestRegistryIsComplete reads the generated table: every operation of the
// spec has a row, so that every shared test runs for it.
func TestRegistryIsComplete(t *testing.T) {
	t.Parallel()
	require.Len(t, convspec.Operations, 103)
	for _, op := range convspec.Operations {
		r, _, ok := registryRow(op.ID)
		if assert.True(t, ok, "%s has no row", op.ID) {
			assert.Equal(t, op.ListKey != "", r.list != nil && r.next != nil, "%s: list and next", op.ID)
			assert.Equal(t, op.HasParams, r.params != nil, "%s: params", op.ID)
			assert.Equal(t, op.Method == "DELETE", r.golden == "", "%s: golden", op.ID)
		}
	}
}
