package benchmarks

import (
	"context"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/conversations"
	convv1 "github.com/twilio/twilio-go/rest/conversations/v1"
)

// Path values of Conversations' own resources, from the spec's examples;
// a Conversation is a Channel (exChannel) and a Participant a Member
// (exMember).
const (
	exReceipt = "DYaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exAddress = "IGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exContent = "HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
)

// Values the Conversations cases send.
var (
	// participants are CreateWithParticipants' Participant items: a chat
	// participant and an SMS one, as JSON with characters the form must
	// escape.
	participants = []string{
		`{"identity":"alice & bob","attributes":"{\"x\":1}"}`,
		`{"messaging_binding":{"address":"+15558675310","proxy_address":"+15017122661"}}`,
	}
	webhookFilters = []string{"onMessageAdded", "onConversationUpdated", "onParticipantAdded"}
)

// convCases returns every Conversations case: at least one per operation
// of the spec, on the default Service and on a named one where it has both
// forms, and between them every key each takes (TestConversationsParity
// checks both from the spec).
func convCases() []convCase {
	var cases []convCase
	for _, group := range [][]convCase{
		conversationCases(), convMessageCases(), receiptCases(), participantCases(), conversationWebhookCases(),
		convUserCases(), userConversationCases(), participantConversationCases(), convRoleCases(),
		convCredentialCases(), convServiceCases(), addressConfigurationCases(), configurationCases(),
		serviceOwnCases(), convPathValueCases(), convEmptyCases(), convRefusedCases(), convFilterCases(),
	} {
		cases = append(cases, group...)
	}
	return cases
}

// cases joins groups of cases.
func cases(groups ...[]convCase) []convCase {
	var all []convCase
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

func conversationCases() []convCase {
	theirCreateConversationWithParticipants := func() *convv1.CreateConversationWithParticipantsParams {
		return (&convv1.CreateConversationWithParticipantsParams{}).
			SetFriendlyName("").SetUniqueName("with-two").SetDateCreated(inUTC).SetDateUpdated(inZone).
			SetMessagingServiceSid(exMessaging).SetAttributes(`{}`).SetState("active").
			SetTimersInactive("PT5M").SetTimersClosed("PT10M").
			SetBindingsEmailAddress("a@example.com").SetBindingsEmailName("").
			SetParticipant(participants).SetXTwilioWebhookEnabled(webhookText(true))
	}
	theirUpdateConversation := func() *convv1.UpdateConversationParams {
		return (&convv1.UpdateConversationParams{}).
			SetFriendlyName("renamed").SetDateCreated(inUTC).SetDateUpdated(inZone).
			SetAttributes(attributes).SetMessagingServiceSid(exMessaging).SetState("closed").
			SetTimersInactive("").SetTimersClosed("PT1H").SetUniqueName("support-4217").
			SetBindingsEmailAddress("b@example.com").SetBindingsEmailName("Bé").
			SetXTwilioWebhookEnabled(webhookText(true))
	}
	return cases(
		twin("all keys", "CreateConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Conversations.Create(ctx, &conversations.CreateConversationParams{
					FriendlyName: twiliochat.Ptr("Support & Sales ✓"), UniqueName: twiliochat.Ptr("support/4217 #1"),
					DateCreated: twiliochat.Ptr(inZone), DateUpdated: twiliochat.Ptr(inUTC),
					MessagingServiceSID: twiliochat.Ptr(exMessaging), Attributes: twiliochat.Ptr(attributes),
					State:  twiliochat.Ptr(conversations.ConversationStateInactive),
					Timers: &conversations.TimersParams{Inactive: twiliochat.Ptr("PT1M"), Closed: twiliochat.Ptr("P1DT10M")},
					Bindings: &conversations.ConversationBindingsParams{Email: &conversations.EmailBindingParams{
						Address: twiliochat.Ptr("support+eu@example.com"), Name: twiliochat.Ptr("Support (EU)"),
					}},
					WebhookEnabled: twiliochat.Ptr(false),
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateConversation((&convv1.CreateConversationParams{}).
					SetFriendlyName("Support & Sales ✓").SetUniqueName("support/4217 #1").
					SetDateCreated(inZone).SetDateUpdated(inUTC).
					SetMessagingServiceSid(exMessaging).SetAttributes(attributes).SetState("inactive").
					SetTimersInactive("PT1M").SetTimersClosed("P1DT10M").
					SetBindingsEmailAddress("support+eu@example.com").SetBindingsEmailName("Support (EU)").
					SetXTwilioWebhookEnabled(webhookText(false)))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateServiceConversation(exService, (&convv1.CreateServiceConversationParams{}).
					SetFriendlyName("Support & Sales ✓").SetUniqueName("support/4217 #1").
					SetDateCreated(inZone).SetDateUpdated(inUTC).
					SetMessagingServiceSid(exMessaging).SetAttributes(attributes).SetState("inactive").
					SetTimersInactive("PT1M").SetTimersClosed("P1DT10M").
					SetBindingsEmailAddress("support+eu@example.com").SetBindingsEmailName("Support (EU)").
					SetXTwilioWebhookEnabled(webhookText(false)))
			}),
		twin("no params", "CreateConversation",
			func(ctx context.Context, s convScope) (any, error) { return s.Conversations.Create(ctx, nil) },
			func(c *convv1.ApiService) (any, error) { return c.CreateConversation(nil) },
			func(c *convv1.ApiService) (any, error) { return c.CreateServiceConversation(exService, nil) }),
		twin("all keys", "CreateConversationWithParticipants",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Conversations.CreateWithParticipants(ctx, &conversations.CreateConversationWithParticipantsParams{
					FriendlyName: twiliochat.Ptr(""), UniqueName: twiliochat.Ptr("with-two"),
					DateCreated: twiliochat.Ptr(inUTC), DateUpdated: twiliochat.Ptr(inZone),
					MessagingServiceSID: twiliochat.Ptr(exMessaging), Attributes: twiliochat.Ptr(`{}`),
					State:  twiliochat.Ptr(conversations.ConversationStateActive),
					Timers: &conversations.TimersParams{Inactive: twiliochat.Ptr("PT5M"), Closed: twiliochat.Ptr("PT10M")},
					Bindings: &conversations.ConversationBindingsParams{Email: &conversations.EmailBindingParams{
						Address: twiliochat.Ptr("a@example.com"), Name: twiliochat.Ptr(""),
					}},
					Participant: participants, WebhookEnabled: twiliochat.Ptr(true),
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateConversationWithParticipants(theirCreateConversationWithParticipants())
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateServiceConversationWithParticipants(exService, (*convv1.CreateServiceConversationWithParticipantsParams)(theirCreateConversationWithParticipants()))
			}),
		twin("filters", "ListConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return ourPage(s.Conversations.ListPage(ctx, &conversations.ListConversationsParams{
					PageSize: twiliochat.Ptr(100), StartDate: twiliochat.Ptr("2024-01-01"), EndDate: twiliochat.Ptr("2024-12-31T23:59:59Z"),
					State: twiliochat.Ptr(conversations.ConversationStateClosed),
				}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageConversation((&convv1.ListConversationParams{}).SetPageSize(100).
					SetStartDate("2024-01-01").SetEndDate("2024-12-31T23:59:59Z").SetState("closed"), "", "")
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageServiceConversation(exService, (&convv1.ListServiceConversationParams{}).SetPageSize(100).
					SetStartDate("2024-01-01").SetEndDate("2024-12-31T23:59:59Z").SetState("closed"), "", "")
			}),
		twin("sid", "FetchConversation",
			func(ctx context.Context, s convScope) (any, error) { return s.Conversations.Fetch(ctx, exChannel) },
			func(c *convv1.ApiService) (any, error) { return c.FetchConversation(exChannel) },
			func(c *convv1.ApiService) (any, error) { return c.FetchServiceConversation(exService, exChannel) }),
		twin("all keys", "UpdateConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Conversations.Update(ctx, exChannel, &conversations.UpdateConversationParams{
					FriendlyName: twiliochat.Ptr("renamed"), DateCreated: twiliochat.Ptr(inUTC), DateUpdated: twiliochat.Ptr(inZone),
					Attributes: twiliochat.Ptr(attributes), MessagingServiceSID: twiliochat.Ptr(exMessaging),
					State:      twiliochat.Ptr(conversations.ConversationStateClosed),
					Timers:     &conversations.TimersParams{Inactive: twiliochat.Ptr(""), Closed: twiliochat.Ptr("PT1H")},
					UniqueName: twiliochat.Ptr("support-4217"),
					Bindings: &conversations.ConversationBindingsParams{Email: &conversations.EmailBindingParams{
						Address: twiliochat.Ptr("b@example.com"), Name: twiliochat.Ptr("Bé"),
					}},
					WebhookEnabled: twiliochat.Ptr(true),
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateConversation(exChannel, theirUpdateConversation())
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateServiceConversation(exService, exChannel, (*convv1.UpdateServiceConversationParams)(theirUpdateConversation()))
			}),
		twin("webhooks off", "DeleteConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return nil, s.Conversations.Delete(ctx, exChannel, &conversations.DeleteConversationParams{WebhookEnabled: twiliochat.Ptr(false)})
			},
			func(c *convv1.ApiService) (any, error) {
				return nil, c.DeleteConversation(exChannel, (&convv1.DeleteConversationParams{}).SetXTwilioWebhookEnabled(webhookText(false)))
			},
			func(c *convv1.ApiService) (any, error) {
				return nil, c.DeleteServiceConversation(exService, exChannel, (&convv1.DeleteServiceConversationParams{}).SetXTwilioWebhookEnabled(webhookText(false)))
			}),
	)
}

func convMessageCases() []convCase {
	theirCreateConversationMessage := func() *convv1.CreateConversationMessageParams {
		return (&convv1.CreateConversationMessageParams{}).
			SetAuthor("alice@example.com").SetBody("Hello, 世界 & co\nline 2").
			SetDateCreated(inZone).SetDateUpdated(inUTC).SetAttributes(attributes).
			SetMediaSid(exMedia).SetContentSid(exContent).
			SetContentVariables(`{"1":"Zoë","2":"50% off"}`).SetSubject("Re: invoice").
			SetXTwilioWebhookEnabled(webhookText(true))
	}
	theirUpdateConversationMessage := func() *convv1.UpdateConversationMessageParams {
		return (&convv1.UpdateConversationMessageParams{}).
			SetAuthor("").SetBody("edited").SetDateCreated(inUTC).SetDateUpdated(inZone).
			SetAttributes(`{"edited":true}`).SetSubject("").SetXTwilioWebhookEnabled(webhookText(false))
	}
	return cases(
		twin("all keys", "CreateConversationMessage",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Messages.Create(ctx, exChannel, &conversations.CreateMessageParams{
					Author: twiliochat.Ptr("alice@example.com"), Body: twiliochat.Ptr("Hello, 世界 & co\nline 2"),
					DateCreated: twiliochat.Ptr(inZone), DateUpdated: twiliochat.Ptr(inUTC), Attributes: twiliochat.Ptr(attributes),
					MediaSID: twiliochat.Ptr(exMedia), ContentSID: twiliochat.Ptr(exContent),
					ContentVariables: twiliochat.Ptr(`{"1":"Zoë","2":"50% off"}`), Subject: twiliochat.Ptr("Re: invoice"),
					WebhookEnabled: twiliochat.Ptr(true),
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateConversationMessage(exChannel, theirCreateConversationMessage())
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateServiceConversationMessage(exService, exChannel, (*convv1.CreateServiceConversationMessageParams)(theirCreateConversationMessage()))
			}),
		twin("order", "ListConversationMessage",
			func(ctx context.Context, s convScope) (any, error) {
				return ourPage(s.Messages.ListPage(ctx, exChannel, &conversations.ListMessagesParams{
					PageSize: twiliochat.Ptr(50), Order: twiliochat.Ptr(conversations.MessageOrderDesc),
				}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageConversationMessage(exChannel, (&convv1.ListConversationMessageParams{}).SetPageSize(50).SetOrder("desc"), "", "")
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageServiceConversationMessage(exService, exChannel, (&convv1.ListServiceConversationMessageParams{}).SetPageSize(50).SetOrder("desc"), "", "")
			}),
		twin("sid", "FetchConversationMessage",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Messages.Fetch(ctx, exChannel, exMessage)
			},
			func(c *convv1.ApiService) (any, error) { return c.FetchConversationMessage(exChannel, exMessage) },
			func(c *convv1.ApiService) (any, error) {
				return c.FetchServiceConversationMessage(exService, exChannel, exMessage)
			}),
		twin("all keys", "UpdateConversationMessage",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Messages.Update(ctx, exChannel, exMessage, &conversations.UpdateMessageParams{
					Author: twiliochat.Ptr(""), Body: twiliochat.Ptr("edited"), DateCreated: twiliochat.Ptr(inUTC),
					DateUpdated: twiliochat.Ptr(inZone), Attributes: twiliochat.Ptr(`{"edited":true}`),
					Subject: twiliochat.Ptr(""), WebhookEnabled: twiliochat.Ptr(false),
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateConversationMessage(exChannel, exMessage, theirUpdateConversationMessage())
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateServiceConversationMessage(exService, exChannel, exMessage, (*convv1.UpdateServiceConversationMessageParams)(theirUpdateConversationMessage()))
			}),
		twin("webhooks on", "DeleteConversationMessage",
			func(ctx context.Context, s convScope) (any, error) {
				return nil, s.Messages.Delete(ctx, exChannel, exMessage, &conversations.DeleteMessageParams{WebhookEnabled: twiliochat.Ptr(true)})
			},
			func(c *convv1.ApiService) (any, error) {
				return nil, c.DeleteConversationMessage(exChannel, exMessage, (&convv1.DeleteConversationMessageParams{}).SetXTwilioWebhookEnabled(webhookText(true)))
			},
			func(c *convv1.ApiService) (any, error) {
				return nil, c.DeleteServiceConversationMessage(exService, exChannel, exMessage, (&convv1.DeleteServiceConversationMessageParams{}).SetXTwilioWebhookEnabled(webhookText(true)))
			}),
	)
}

func receiptCases() []convCase {
	return cases(
		twin("page size", "ListConversationMessageReceipt",
			func(ctx context.Context, s convScope) (any, error) {
				return ourPage(s.Receipts.ListPage(ctx, exChannel, exMessage, &conversations.ListReceiptsParams{PageSize: twiliochat.Ptr(50)}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageConversationMessageReceipt(exChannel, exMessage, (&convv1.ListConversationMessageReceiptParams{}).SetPageSize(50), "", "")
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageServiceConversationMessageReceipt(exService, exChannel, exMessage, (&convv1.ListServiceConversationMessageReceiptParams{}).SetPageSize(50), "", "")
			}),
		twin("sid", "FetchConversationMessageReceipt",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Receipts.Fetch(ctx, exChannel, exMessage, exReceipt)
			},
			func(c *convv1.ApiService) (any, error) {
				return c.FetchConversationMessageReceipt(exChannel, exMessage, exReceipt)
			},
			func(c *convv1.ApiService) (any, error) {
				return c.FetchServiceConversationMessageReceipt(exService, exChannel, exMessage, exReceipt)
			}),
	)
}

func participantCases() []convCase {
	theirCreateConversationParticipant := func() *convv1.CreateConversationParticipantParams {
		return (&convv1.CreateConversationParticipantParams{}).
			SetIdentity("bob+chat@example.com").SetMessagingBindingAddress("+15558675310").
			SetMessagingBindingProxyAddress("+15017122661").SetMessagingBindingProjectedAddress("+15017122662").
			SetDateCreated(inZone).SetDateUpdated(inUTC).SetAttributes(attributes).SetRoleSid(exRole).
			SetXTwilioWebhookEnabled(webhookText(false))
	}
	return cases(
		twin("all keys", "CreateConversationParticipant",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Participants.Create(ctx, exChannel, &conversations.CreateParticipantParams{
					Identity: twiliochat.Ptr("bob+chat@example.com"),
					MessagingBinding: &conversations.MessagingBindingParams{
						Address: twiliochat.Ptr("+15558675310"), ProxyAddress: twiliochat.Ptr("+15017122661"),
						ProjectedAddress: twiliochat.Ptr("+15017122662"),
					},
					DateCreated: twiliochat.Ptr(inZone), DateUpdated: twiliochat.Ptr(inUTC),
					Attributes: twiliochat.Ptr(attributes), RoleSID: twiliochat.Ptr(exRole), WebhookEnabled: twiliochat.Ptr(false),
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateConversationParticipant(exChannel, theirCreateConversationParticipant())
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateServiceConversationParticipant(exService, exChannel, (*convv1.CreateServiceConversationParticipantParams)(theirCreateConversationParticipant()))
			}),
		twin("page size", "ListConversationParticipant",
			func(ctx context.Context, s convScope) (any, error) {
				return ourPage(s.Participants.ListPage(ctx, exChannel, &conversations.ListParticipantsParams{PageSize: twiliochat.Ptr(100)}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageConversationParticipant(exChannel, (&convv1.ListConversationParticipantParams{}).SetPageSize(100), "", "")
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageServiceConversationParticipant(exService, exChannel, (&convv1.ListServiceConversationParticipantParams{}).SetPageSize(100), "", "")
			}),
		twin("sid", "FetchConversationParticipant",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Participants.Fetch(ctx, exChannel, exMember)
			},
			func(c *convv1.ApiService) (any, error) { return c.FetchConversationParticipant(exChannel, exMember) },
			func(c *convv1.ApiService) (any, error) {
				return c.FetchServiceConversationParticipant(exService, exChannel, exMember)
			}),
		twin("all keys", "UpdateConversationParticipant",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Participants.Update(ctx, exChannel, exMember, &conversations.UpdateParticipantParams{
					DateCreated: twiliochat.Ptr(inUTC), DateUpdated: twiliochat.Ptr(inZone), Attributes: twiliochat.Ptr(`{}`),
					RoleSID: twiliochat.Ptr(exRole),
					MessagingBinding: &conversations.UpdateMessagingBindingParams{
						ProxyAddress: twiliochat.Ptr("+15017122661"), ProjectedAddress: twiliochat.Ptr(""),
					},
					Identity: twiliochat.Ptr("Zoë"), LastReadMessageIndex: twiliochat.Ptr(0),
					LastReadTimestamp: twiliochat.Ptr("2024-05-01T10:00:00Z"), WebhookEnabled: twiliochat.Ptr(true),
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateConversationParticipant(exChannel, exMember, (&convv1.UpdateConversationParticipantParams{}).
					SetDateCreated(inUTC).SetDateUpdated(inZone).SetAttributes(`{}`).SetRoleSid(exRole).
					SetMessagingBindingProxyAddress("+15017122661").SetMessagingBindingProjectedAddress("").
					SetIdentity("Zoë").SetLastReadMessageIndex(0).SetLastReadTimestamp("2024-05-01T10:00:00Z").
					SetXTwilioWebhookEnabled(webhookText(true)))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateServiceConversationParticipant(exService, exChannel, exMember, (&convv1.UpdateServiceConversationParticipantParams{}).
					SetDateCreated(inUTC).SetDateUpdated(inZone).SetAttributes(`{}`).SetRoleSid(exRole).
					SetMessagingBindingProxyAddress("+15017122661").SetMessagingBindingProjectedAddress("").
					SetIdentity("Zoë").SetLastReadMessageIndex(0).SetLastReadTimestamp("2024-05-01T10:00:00Z").
					SetXTwilioWebhookEnabled(webhookText(true)))
			}),
		twin("webhooks off", "DeleteConversationParticipant",
			func(ctx context.Context, s convScope) (any, error) {
				return nil, s.Participants.Delete(ctx, exChannel, exMember, &conversations.DeleteParticipantParams{WebhookEnabled: twiliochat.Ptr(false)})
			},
			func(c *convv1.ApiService) (any, error) {
				return nil, c.DeleteConversationParticipant(exChannel, exMember, (&convv1.DeleteConversationParticipantParams{}).SetXTwilioWebhookEnabled(webhookText(false)))
			},
			func(c *convv1.ApiService) (any, error) {
				return nil, c.DeleteServiceConversationParticipant(exService, exChannel, exMember, (&convv1.DeleteServiceConversationParticipantParams{}).SetXTwilioWebhookEnabled(webhookText(false)))
			}),
	)
}

func conversationWebhookCases() []convCase {
	theirCreateConversationScopedWebhook := func() *convv1.CreateConversationScopedWebhookParams {
		return (&convv1.CreateConversationScopedWebhookParams{}).
			SetTarget("webhook").SetConfigurationUrl("https://hooks.example.com/c?a=1&b=2").SetConfigurationMethod("post").
			SetConfigurationFilters(webhookFilters).SetConfigurationTriggers([]string{"help", "agent please"}).
			SetConfigurationFlowSid(exFlow).SetConfigurationReplayAfter(0)
	}
	theirUpdateConversationScopedWebhook := func() *convv1.UpdateConversationScopedWebhookParams {
		return (&convv1.UpdateConversationScopedWebhookParams{}).
			SetConfigurationUrl("https://hooks.example.com/d").SetConfigurationMethod("get").
			SetConfigurationFilters([]string{"onMessageAdded"}).SetConfigurationTriggers([]string{"stop"}).
			SetConfigurationFlowSid(exFlow)
	}
	return cases(
		twin("all keys", "CreateConversationScopedWebhook",
			func(ctx context.Context, s convScope) (any, error) {
				return s.ConversationWebhooks.Create(ctx, exChannel, &conversations.CreateConversationWebhookParams{
					Target: twiliochat.Ptr(conversations.ScopedWebhookTargetWebhook),
					Configuration: &conversations.ConversationWebhookConfigurationParams{
						URL: twiliochat.Ptr("https://hooks.example.com/c?a=1&b=2"), Method: twiliochat.Ptr(conversations.ScopedWebhookMethodPost),
						Filters: webhookFilters, Triggers: []string{"help", "agent please"}, FlowSID: twiliochat.Ptr(exFlow),
						ReplayAfter: twiliochat.Ptr(0),
					},
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateConversationScopedWebhook(exChannel, theirCreateConversationScopedWebhook())
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateServiceConversationScopedWebhook(exService, exChannel, (*convv1.CreateServiceConversationScopedWebhookParams)(theirCreateConversationScopedWebhook()))
			}),
		twin("page size", "ListConversationScopedWebhook",
			func(ctx context.Context, s convScope) (any, error) {
				return ourPage(s.ConversationWebhooks.ListPage(ctx, exChannel, &conversations.ListConversationWebhooksParams{PageSize: twiliochat.Ptr(5)}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageConversationScopedWebhook(exChannel, (&convv1.ListConversationScopedWebhookParams{}).SetPageSize(5), "", "")
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageServiceConversationScopedWebhook(exService, exChannel, (&convv1.ListServiceConversationScopedWebhookParams{}).SetPageSize(5), "", "")
			}),
		twin("sid", "FetchConversationScopedWebhook",
			func(ctx context.Context, s convScope) (any, error) {
				return s.ConversationWebhooks.Fetch(ctx, exChannel, exWebhook)
			},
			func(c *convv1.ApiService) (any, error) { return c.FetchConversationScopedWebhook(exChannel, exWebhook) },
			func(c *convv1.ApiService) (any, error) {
				return c.FetchServiceConversationScopedWebhook(exService, exChannel, exWebhook)
			}),
		twin("all keys", "UpdateConversationScopedWebhook",
			func(ctx context.Context, s convScope) (any, error) {
				return s.ConversationWebhooks.Update(ctx, exChannel, exWebhook, &conversations.UpdateConversationWebhookParams{
					Configuration: &conversations.UpdateConversationWebhookConfigurationParams{
						URL: twiliochat.Ptr("https://hooks.example.com/d"), Method: twiliochat.Ptr(conversations.ScopedWebhookMethodGet),
						Filters: []string{"onMessageAdded"}, Triggers: []string{"stop"}, FlowSID: twiliochat.Ptr(exFlow),
					},
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateConversationScopedWebhook(exChannel, exWebhook, theirUpdateConversationScopedWebhook())
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateServiceConversationScopedWebhook(exService, exChannel, exWebhook, (*convv1.UpdateServiceConversationScopedWebhookParams)(theirUpdateConversationScopedWebhook()))
			}),
		twin("sid", "DeleteConversationScopedWebhook",
			func(ctx context.Context, s convScope) (any, error) {
				return nil, s.ConversationWebhooks.Delete(ctx, exChannel, exWebhook)
			},
			func(c *convv1.ApiService) (any, error) {
				return nil, c.DeleteConversationScopedWebhook(exChannel, exWebhook)
			},
			func(c *convv1.ApiService) (any, error) {
				return nil, c.DeleteServiceConversationScopedWebhook(exService, exChannel, exWebhook)
			}),
	)
}

func convUserCases() []convCase {
	return cases(
		twin("all keys", "CreateUser",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Users.Create(ctx, &conversations.CreateUserParams{
					Identity: twiliochat.Ptr("alice@example.com"), FriendlyName: twiliochat.Ptr("Alice ✓"),
					Attributes: twiliochat.Ptr(attributes), RoleSID: twiliochat.Ptr(exRole), WebhookEnabled: twiliochat.Ptr(true),
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateUser((&convv1.CreateUserParams{}).SetIdentity("alice@example.com").SetFriendlyName("Alice ✓").
					SetAttributes(attributes).SetRoleSid(exRole).SetXTwilioWebhookEnabled(webhookText(true)))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateServiceUser(exService, (&convv1.CreateServiceUserParams{}).SetIdentity("alice@example.com").SetFriendlyName("Alice ✓").
					SetAttributes(attributes).SetRoleSid(exRole).SetXTwilioWebhookEnabled(webhookText(true)))
			}),
		twin("page size", "ListUser",
			func(ctx context.Context, s convScope) (any, error) {
				return ourPage(s.Users.ListPage(ctx, &conversations.ListUsersParams{PageSize: twiliochat.Ptr(50)}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageUser((&convv1.ListUserParams{}).SetPageSize(50), "", "")
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageServiceUser(exService, (&convv1.ListServiceUserParams{}).SetPageSize(50), "", "")
			}),
		twin("identity", "FetchUser",
			func(ctx context.Context, s convScope) (any, error) { return s.Users.Fetch(ctx, "alice@example.com") },
			func(c *convv1.ApiService) (any, error) { return c.FetchUser("alice@example.com") },
			func(c *convv1.ApiService) (any, error) { return c.FetchServiceUser(exService, "alice@example.com") }),
		twin("all keys", "UpdateUser",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Users.Update(ctx, exUser, &conversations.UpdateUserParams{
					FriendlyName: twiliochat.Ptr(""), Attributes: twiliochat.Ptr(`{}`), RoleSID: twiliochat.Ptr(exRole),
					WebhookEnabled: twiliochat.Ptr(false),
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateUser(exUser, (&convv1.UpdateUserParams{}).SetFriendlyName("").SetAttributes(`{}`).
					SetRoleSid(exRole).SetXTwilioWebhookEnabled(webhookText(false)))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateServiceUser(exService, exUser, (&convv1.UpdateServiceUserParams{}).SetFriendlyName("").SetAttributes(`{}`).
					SetRoleSid(exRole).SetXTwilioWebhookEnabled(webhookText(false)))
			}),
		twin("webhooks on", "DeleteUser",
			func(ctx context.Context, s convScope) (any, error) {
				return nil, s.Users.Delete(ctx, exUser, &conversations.DeleteUserParams{WebhookEnabled: twiliochat.Ptr(true)})
			},
			func(c *convv1.ApiService) (any, error) {
				return nil, c.DeleteUser(exUser, (&convv1.DeleteUserParams{}).SetXTwilioWebhookEnabled(webhookText(true)))
			},
			func(c *convv1.ApiService) (any, error) {
				return nil, c.DeleteServiceUser(exService, exUser, (&convv1.DeleteServiceUserParams{}).SetXTwilioWebhookEnabled(webhookText(true)))
			}),
	)
}

func userConversationCases() []convCase {
	theirUpdateUserConversation := func() *convv1.UpdateUserConversationParams {
		return (&convv1.UpdateUserConversationParams{}).
			SetNotificationLevel("muted").SetLastReadTimestamp(inZone).SetLastReadMessageIndex(7)
	}
	return cases(
		twin("page size", "ListUserConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return ourPage(s.UserConversations.ListPage(ctx, exUser, &conversations.ListUserConversationsParams{PageSize: twiliochat.Ptr(50)}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageUserConversation(exUser, (&convv1.ListUserConversationParams{}).SetPageSize(50), "", "")
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageServiceUserConversation(exService, exUser, (&convv1.ListServiceUserConversationParams{}).SetPageSize(50), "", "")
			}),
		twin("sid", "FetchUserConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return s.UserConversations.Fetch(ctx, exUser, exChannel)
			},
			func(c *convv1.ApiService) (any, error) { return c.FetchUserConversation(exUser, exChannel) },
			func(c *convv1.ApiService) (any, error) {
				return c.FetchServiceUserConversation(exService, exUser, exChannel)
			}),
		twin("all keys", "UpdateUserConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return s.UserConversations.Update(ctx, exUser, exChannel, &conversations.UpdateUserConversationParams{
					NotificationLevel: twiliochat.Ptr(conversations.NotificationLevelMuted),
					LastReadTimestamp: twiliochat.Ptr(inZone), LastReadMessageIndex: twiliochat.Ptr(7),
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateUserConversation(exUser, exChannel, theirUpdateUserConversation())
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateServiceUserConversation(exService, exUser, exChannel, (*convv1.UpdateServiceUserConversationParams)(theirUpdateUserConversation()))
			}),
		twin("sid", "DeleteUserConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return nil, s.UserConversations.Delete(ctx, exUser, exChannel)
			},
			func(c *convv1.ApiService) (any, error) { return nil, c.DeleteUserConversation(exUser, exChannel) },
			func(c *convv1.ApiService) (any, error) {
				return nil, c.DeleteServiceUserConversation(exService, exUser, exChannel)
			}),
	)
}

func participantConversationCases() []convCase {
	return cases(
		twin("identity and address", "ListParticipantConversation",
			func(ctx context.Context, s convScope) (any, error) {
				return ourPage(s.ParticipantConversations.ListPage(ctx, &conversations.ListParticipantConversationsParams{
					PageSize: twiliochat.Ptr(50), Identity: twiliochat.Ptr("alice@example.com"), Address: twiliochat.Ptr("+15558675310"),
				}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageParticipantConversation((&convv1.ListParticipantConversationParams{}).SetPageSize(50).
					SetIdentity("alice@example.com").SetAddress("+15558675310"), "", "")
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageServiceParticipantConversation(exService, (&convv1.ListServiceParticipantConversationParams{}).SetPageSize(50).
					SetIdentity("alice@example.com").SetAddress("+15558675310"), "", "")
			}),
	)
}

func convRoleCases() []convCase {
	return cases(
		twin("all keys", "CreateRole",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Roles.Create(ctx, &conversations.CreateRoleParams{
					FriendlyName: twiliochat.Ptr("moderator & co"), Type: twiliochat.Ptr(conversations.RoleTypeConversation),
					Permission: []string{"sendMessage", "leaveConversation", "editAnyMessage"},
				})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateRole((&convv1.CreateRoleParams{}).SetFriendlyName("moderator & co").SetType("conversation").
					SetPermission([]string{"sendMessage", "leaveConversation", "editAnyMessage"}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.CreateServiceRole(exService, (&convv1.CreateServiceRoleParams{}).SetFriendlyName("moderator & co").SetType("conversation").
					SetPermission([]string{"sendMessage", "leaveConversation", "editAnyMessage"}))
			}),
		twin("page size", "ListRole",
			func(ctx context.Context, s convScope) (any, error) {
				return ourPage(s.Roles.ListPage(ctx, &conversations.ListRolesParams{PageSize: twiliochat.Ptr(50)}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageRole((&convv1.ListRoleParams{}).SetPageSize(50), "", "")
			},
			func(c *convv1.ApiService) (any, error) {
				return c.PageServiceRole(exService, (&convv1.ListServiceRoleParams{}).SetPageSize(50), "", "")
			}),
		twin("sid", "FetchRole",
			func(ctx context.Context, s convScope) (any, error) { return s.Roles.Fetch(ctx, exRole) },
			func(c *convv1.ApiService) (any, error) { return c.FetchRole(exRole) },
			func(c *convv1.ApiService) (any, error) { return c.FetchServiceRole(exService, exRole) }),
		twin("permissions", "UpdateRole",
			func(ctx context.Context, s convScope) (any, error) {
				return s.Roles.Update(ctx, exRole, &conversations.UpdateRoleParams{Permission: []string{"sendMessage", "sendMediaMessage"}})
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateRole(exRole, (&convv1.UpdateRoleParams{}).SetPermission([]string{"sendMessage", "sendMediaMessage"}))
			},
			func(c *convv1.ApiService) (any, error) {
				return c.UpdateServiceRole(exService, exRole, (&convv1.UpdateServiceRoleParams{}).SetPermission([]string{"sendMessage", "sendMediaMessage"}))
			}),
		twin("sid", "DeleteRole",
			func(ctx context.Context, s convScope) (any, error) { return nil, s.Roles.Delete(ctx, exRole) },
			func(c *convv1.ApiService) (any, error) { return nil, c.DeleteRole(exRole) },
			func(c *convv1.ApiService) (any, error) { return nil, c.DeleteServiceRole(exService, exRole) }),
	)
}

func convCredentialCases() []convCase {
	return []convCase{
		{name: "all keys", op: "CreateCredential",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Credentials.Create(ctx, &conversations.CreateCredentialParams{
					Type: twiliochat.Ptr(conversations.PushServiceAPN), FriendlyName: twiliochat.Ptr("iOS push (prod) ✓"),
					Certificate: twiliochat.Ptr(pem), PrivateKey: twiliochat.Ptr(pem), Sandbox: twiliochat.Ptr(false),
					APIKey: twiliochat.Ptr("AAAA+key/1="), Secret: twiliochat.Ptr("s3cr3t&x=y"),
				})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.CreateCredential((&convv1.CreateCredentialParams{}).SetType("apn").SetFriendlyName("iOS push (prod) ✓").
					SetCertificate(pem).SetPrivateKey(pem).SetSandbox(false).SetApiKey("AAAA+key/1=").SetSecret("s3cr3t&x=y"))
			}},
		{name: "all keys", op: "UpdateCredential",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Credentials.Update(ctx, exCredential, &conversations.UpdateCredentialParams{
					Type: twiliochat.Ptr(conversations.PushServiceFCM), FriendlyName: twiliochat.Ptr(""),
					Certificate: twiliochat.Ptr(pem), PrivateKey: twiliochat.Ptr(pem), Sandbox: twiliochat.Ptr(true),
					APIKey: twiliochat.Ptr("key"), Secret: twiliochat.Ptr("secret"),
				})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.UpdateCredential(exCredential, (&convv1.UpdateCredentialParams{}).SetType("fcm").SetFriendlyName("").
					SetCertificate(pem).SetPrivateKey(pem).SetSandbox(true).SetApiKey("key").SetSecret("secret"))
			}},
		{name: "sid", op: "FetchCredential",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Credentials.Fetch(ctx, exCredential)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.FetchCredential(exCredential) }},
		{name: "sid", op: "DeleteCredential",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return nil, c.Credentials.Delete(ctx, exCredential)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return nil, c.DeleteCredential(exCredential) }},
		{name: "page size", op: "ListCredential",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return ourPage(c.Credentials.ListPage(ctx, &conversations.ListCredentialsParams{PageSize: twiliochat.Ptr(100)}))
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.PageCredential((&convv1.ListCredentialParams{}).SetPageSize(100), "", "")
			}},
	}
}

func convServiceCases() []convCase {
	return []convCase{
		{name: "name", op: "CreateService",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Services.Create(ctx, &conversations.CreateServiceParams{FriendlyName: twiliochat.Ptr(oddBytes)})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.CreateService((&convv1.CreateServiceParams{}).SetFriendlyName(oddBytes))
			}},
		{name: "sid", op: "FetchService",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Services.Fetch(ctx, exService)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.FetchService(exService) }},
		{name: "sid", op: "DeleteService",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return nil, c.Services.Delete(ctx, exService)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return nil, c.DeleteService(exService) }},
		{name: "page size", op: "ListService",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return ourPage(c.Services.ListPage(ctx, &conversations.ListServicesParams{PageSize: twiliochat.Ptr(7)}))
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.PageService((&convv1.ListServiceParams{}).SetPageSize(7), "", "")
			}},
	}
}

func addressConfigurationCases() []convCase {
	return []convCase{
		{name: "all keys", op: "CreateConfigurationAddress",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.AddressConfigurations.Create(ctx, &conversations.CreateAddressConfigurationParams{
					Type: twiliochat.Ptr(conversations.AddressTypeWhatsApp), Address: twiliochat.Ptr("whatsapp:+15017122661"),
					FriendlyName: twiliochat.Ptr("WhatsApp (EU) ✓"), AddressCountry: twiliochat.Ptr("DE"),
					AutoCreation: &conversations.AutoCreationParams{
						Enabled: twiliochat.Ptr(true), Type: twiliochat.Ptr(conversations.AutoCreationTypeWebhook),
						ConversationServiceSID: twiliochat.Ptr(exService), WebhookURL: twiliochat.Ptr("https://hooks.example.com/a?x=1&y=2"),
						WebhookMethod: twiliochat.Ptr(conversations.ScopedWebhookMethodPost), WebhookFilters: webhookFilters,
						StudioFlowSID: twiliochat.Ptr(exFlow), StudioRetryCount: twiliochat.Ptr(3),
					},
				})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.CreateConfigurationAddress((&convv1.CreateConfigurationAddressParams{}).
					SetType("whatsapp").SetAddress("whatsapp:+15017122661").SetFriendlyName("WhatsApp (EU) ✓").SetAddressCountry("DE").
					SetAutoCreationEnabled(true).SetAutoCreationType("webhook").SetAutoCreationConversationServiceSid(exService).
					SetAutoCreationWebhookUrl("https://hooks.example.com/a?x=1&y=2").SetAutoCreationWebhookMethod("post").
					SetAutoCreationWebhookFilters(webhookFilters).SetAutoCreationStudioFlowSid(exFlow).SetAutoCreationStudioRetryCount(3))
			}},
		{name: "all keys", op: "UpdateConfigurationAddress",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.AddressConfigurations.Update(ctx, exAddress, &conversations.UpdateAddressConfigurationParams{
					FriendlyName: twiliochat.Ptr(""),
					AutoCreation: &conversations.AutoCreationParams{
						Enabled: twiliochat.Ptr(false), Type: twiliochat.Ptr(conversations.AutoCreationTypeStudio),
						ConversationServiceSID: twiliochat.Ptr(exService), WebhookURL: twiliochat.Ptr("https://hooks.example.com/b"),
						WebhookMethod: twiliochat.Ptr(conversations.ScopedWebhookMethodGet), WebhookFilters: []string{"onMessageAdded"},
						StudioFlowSID: twiliochat.Ptr(exFlow), StudioRetryCount: twiliochat.Ptr(0),
					},
				})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.UpdateConfigurationAddress(exAddress, (&convv1.UpdateConfigurationAddressParams{}).SetFriendlyName("").
					SetAutoCreationEnabled(false).SetAutoCreationType("studio").SetAutoCreationConversationServiceSid(exService).
					SetAutoCreationWebhookUrl("https://hooks.example.com/b").SetAutoCreationWebhookMethod("get").
					SetAutoCreationWebhookFilters([]string{"onMessageAdded"}).SetAutoCreationStudioFlowSid(exFlow).SetAutoCreationStudioRetryCount(0))
			}},
		{name: "sid", op: "FetchConfigurationAddress",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.AddressConfigurations.Fetch(ctx, exAddress)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.FetchConfigurationAddress(exAddress) }},
		{name: "address", op: "DeleteConfigurationAddress",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return nil, c.AddressConfigurations.Delete(ctx, "+15017122661")
			},
			theirs: func(c *convv1.ApiService) (any, error) { return nil, c.DeleteConfigurationAddress("+15017122661") }},
		{name: "type", op: "ListConfigurationAddress",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return ourPage(c.AddressConfigurations.ListPage(ctx, &conversations.ListAddressConfigurationsParams{
					PageSize: twiliochat.Ptr(50), Type: twiliochat.Ptr("sms"),
				}))
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.PageConfigurationAddress((&convv1.ListConfigurationAddressParams{}).SetPageSize(50).SetType("sms"), "", "")
			}},
	}
}

func configurationCases() []convCase {
	return []convCase{
		{name: "fetch", op: "FetchConfiguration",
			ours:   func(ctx context.Context, c *conversations.Client) (any, error) { return c.Configuration.Fetch(ctx) },
			theirs: func(c *convv1.ApiService) (any, error) { return c.FetchConfiguration() }},
		{name: "all keys", op: "UpdateConfiguration",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Configuration.Update(ctx, &conversations.UpdateConfigurationParams{
					DefaultChatServiceSID: twiliochat.Ptr(exService), DefaultMessagingServiceSID: twiliochat.Ptr(exMessaging),
					DefaultInactiveTimer: twiliochat.Ptr("PT1M"), DefaultClosedTimer: twiliochat.Ptr("PT10M"),
				})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.UpdateConfiguration((&convv1.UpdateConfigurationParams{}).SetDefaultChatServiceSid(exService).
					SetDefaultMessagingServiceSid(exMessaging).SetDefaultInactiveTimer("PT1M").SetDefaultClosedTimer("PT10M"))
			}},
		{name: "fetch", op: "FetchConfigurationWebhook",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.ConfigurationWebhooks.Fetch(ctx)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.FetchConfigurationWebhook() }},
		{name: "all keys", op: "UpdateConfigurationWebhook",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.ConfigurationWebhooks.Update(ctx, &conversations.UpdateConfigurationWebhookParams{
					Method: twiliochat.Ptr("POST"), Filters: webhookFilters,
					PreWebhookURL: twiliochat.Ptr("https://hooks.example.com/pre?a=1&b=2"), PostWebhookURL: twiliochat.Ptr(""),
					Target: twiliochat.Ptr(conversations.WebhookTargetFlex),
				})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.UpdateConfigurationWebhook((&convv1.UpdateConfigurationWebhookParams{}).SetMethod("POST").
					SetFilters(webhookFilters).SetPreWebhookUrl("https://hooks.example.com/pre?a=1&b=2").SetPostWebhookUrl("").
					SetTarget("flex"))
			}},
	}
}

// serviceOwnCases are the calls of a named Service's own resources.
func serviceOwnCases() []convCase {
	return []convCase{
		{name: "filters", op: "ListServiceBinding",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return ourPage(c.Service(exService).Bindings.ListPage(ctx, &conversations.ListBindingsParams{
					PageSize:    twiliochat.Ptr(100),
					BindingType: []conversations.BindingType{conversations.BindingTypeFCM, conversations.BindingTypeAPN},
					Identity:    []string{"alice@example.com", "bob smith", "Zoë"},
				}))
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.PageServiceBinding(exService, (&convv1.ListServiceBindingParams{}).SetPageSize(100).
					SetBindingType([]string{"fcm", "apn"}).SetIdentity([]string{"alice@example.com", "bob smith", "Zoë"}), "", "")
			}},
		{name: "sid", op: "FetchServiceBinding",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Service(exService).Bindings.Fetch(ctx, exBinding)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.FetchServiceBinding(exService, exBinding) }},
		{name: "sid", op: "DeleteServiceBinding",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return nil, c.Service(exService).Bindings.Delete(ctx, exBinding)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return nil, c.DeleteServiceBinding(exService, exBinding) }},
		{name: "fetch", op: "FetchServiceConfiguration",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Service(exService).Configuration.Fetch(ctx)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.FetchServiceConfiguration(exService) }},
		{name: "all keys", op: "UpdateServiceConfiguration",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Service(exService).Configuration.Update(ctx, &conversations.UpdateServiceConfigurationParams{
					DefaultConversationCreatorRoleSID: twiliochat.Ptr(exRole), DefaultConversationRoleSID: twiliochat.Ptr(exRole),
					DefaultChatServiceRoleSID: twiliochat.Ptr(exRole), ReachabilityEnabled: twiliochat.Ptr(false),
				})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.UpdateServiceConfiguration(exService, (&convv1.UpdateServiceConfigurationParams{}).
					SetDefaultConversationCreatorRoleSid(exRole).SetDefaultConversationRoleSid(exRole).
					SetDefaultChatServiceRoleSid(exRole).SetReachabilityEnabled(false))
			}},
		{name: "fetch", op: "FetchServiceNotification",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Service(exService).Notifications.Fetch(ctx)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.FetchServiceNotification(exService) }},
		{name: "all keys", op: "UpdateServiceNotification",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Service(exService).Notifications.Update(ctx, &conversations.UpdateServiceNotificationParams{
					LogEnabled: twiliochat.Ptr(true),
					NewMessage: &conversations.NewMessageNotificationParams{
						Enabled: twiliochat.Ptr(true), Template: twiliochat.Ptr("${PARTICIPANT}: ${MESSAGE}"),
						Sound: twiliochat.Ptr("ding.wav"), BadgeCountEnabled: twiliochat.Ptr(false),
						WithMedia: &conversations.WithMediaNotificationParams{
							Enabled: twiliochat.Ptr(true), Template: twiliochat.Ptr("${PARTICIPANT} sent ${MEDIA_COUNT} files"),
						},
					},
					AddedToConversation: &conversations.NotificationParams{
						Enabled: twiliochat.Ptr(false), Template: twiliochat.Ptr("added to ${CONVERSATION}"), Sound: twiliochat.Ptr("added.wav"),
					},
					RemovedFromConversation: &conversations.NotificationParams{
						Enabled: twiliochat.Ptr(true), Template: twiliochat.Ptr(""), Sound: twiliochat.Ptr("removed.wav"),
					},
				})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.UpdateServiceNotification(exService, (&convv1.UpdateServiceNotificationParams{}).SetLogEnabled(true).
					SetNewMessageEnabled(true).SetNewMessageTemplate("${PARTICIPANT}: ${MESSAGE}").
					SetNewMessageSound("ding.wav").SetNewMessageBadgeCountEnabled(false).
					SetNewMessageWithMediaEnabled(true).SetNewMessageWithMediaTemplate("${PARTICIPANT} sent ${MEDIA_COUNT} files").
					SetAddedToConversationEnabled(false).SetAddedToConversationTemplate("added to ${CONVERSATION}").
					SetAddedToConversationSound("added.wav").
					SetRemovedFromConversationEnabled(true).SetRemovedFromConversationTemplate("").
					SetRemovedFromConversationSound("removed.wav"))
			}},
		{name: "fetch", op: "FetchServiceWebhookConfiguration",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Service(exService).ConfigurationWebhooks.Fetch(ctx)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.FetchServiceWebhookConfiguration(exService) }},
		{name: "all keys", op: "UpdateServiceWebhookConfiguration",
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Service(exService).ConfigurationWebhooks.Update(ctx, &conversations.UpdateServiceWebhookConfigurationParams{
					PreWebhookURL: twiliochat.Ptr("https://hooks.example.com/pre"), PostWebhookURL: twiliochat.Ptr("https://hooks.example.com/post?a=b"),
					Filters: webhookFilters, Method: twiliochat.Ptr("GET"),
				})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.UpdateServiceWebhookConfiguration(exService, (&convv1.UpdateServiceWebhookConfigurationParams{}).
					SetPreWebhookUrl("https://hooks.example.com/pre").SetPostWebhookUrl("https://hooks.example.com/post?a=b").
					SetFilters(webhookFilters).SetMethod("GET"))
			}},
	}
}

// convPathValueCases address a Conversation by a unique name and a User by
// an identity that twilio-go puts into the URL as it is, as
// pathValueCases do for Chat (which says why twiliochat's is right).
func convPathValueCases() []convCase {
	return []convCase{
		{name: "slash", op: "FetchConversation",
			differs: &difference{
				reason:    "twilio-go sends the '/' as a path separator, so the path has a segment more and names no Conversation",
				ourPath:   "/v1/Conversations/support%2F4217",
				theirPath: "/v1/Conversations/support/4217",
			},
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Conversations.Fetch(ctx, "support/4217")
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.FetchConversation("support/4217") }},
		{name: "question mark", op: "FetchServiceUser",
			differs: &difference{
				reason:    "twilio-go lets url.Parse read the '?' as the start of a query: it addresses \"q\"",
				ourPath:   "/v1/Services/" + exService + "/Users/q%3Fx=1",
				theirPath: "/v1/Services/" + exService + "/Users/q",
			},
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Service(exService).Users.Fetch(ctx, "q?x=1")
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.FetchServiceUser(exService, "q?x=1") }},
		{name: "dot dot", op: "DeleteConversation",
			differs: &difference{
				reason: "twiliochat refuses a dot segment: a server or proxy that removes dot segments " +
					"(RFC 3986 5.2.4) would send twilio-go's DELETE to /v1, not to a Conversation",
				ourErr: "Sid", theirPath: "/v1/Conversations/..",
			},
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return nil, c.Conversations.Delete(ctx, "..", nil)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return nil, c.DeleteConversation("..", nil) }},
	}
}

// convEmptyCases create with no params where the spec requires a key:
// twilio-go sends an empty form, which Twilio answers with an error, and
// twiliochat refuses before sending, naming the key.
func convEmptyCases() []convCase {
	return []convCase{
		{name: "no params", op: "CreateUser", differs: required("Identity"),
			ours:   func(ctx context.Context, c *conversations.Client) (any, error) { return c.Users.Create(ctx, nil) },
			theirs: func(c *convv1.ApiService) (any, error) { return c.CreateUser(nil) }},
		{name: "no params", op: "CreateServiceRole", differs: required("FriendlyName"),
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Service(exService).Roles.Create(ctx, nil)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.CreateServiceRole(exService, nil) }},
		{name: "no params", op: "CreateConversationScopedWebhook", differs: required("Target"),
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.ConversationWebhooks.Create(ctx, exChannel, nil)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.CreateConversationScopedWebhook(exChannel, nil) }},
		{name: "no params", op: "CreateCredential", differs: required("Type"),
			ours:   func(ctx context.Context, c *conversations.Client) (any, error) { return c.Credentials.Create(ctx, nil) },
			theirs: func(c *convv1.ApiService) (any, error) { return c.CreateCredential(nil) }},
		{name: "no params", op: "CreateService", differs: required("FriendlyName"),
			ours:   func(ctx context.Context, c *conversations.Client) (any, error) { return c.Services.Create(ctx, nil) },
			theirs: func(c *convv1.ApiService) (any, error) { return c.CreateService(nil) }},
		{name: "no params", op: "CreateConfigurationAddress", differs: required("Type"),
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.AddressConfigurations.Create(ctx, nil)
			},
			theirs: func(c *convv1.ApiService) (any, error) { return c.CreateConfigurationAddress(nil) }},
		{name: "no identity nor address", op: "CreateConversationParticipant",
			differs: &difference{
				reason: "Twilio answers 400 to a Participant with neither an Identity nor a MessagingBinding.Address: " +
					"twiliochat refuses to send it",
				ourErr: "Identity", theirBody: "Attributes=%7B%7D",
			},
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Participants.Create(ctx, exChannel, &conversations.CreateParticipantParams{Attributes: twiliochat.Ptr(`{}`)})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.CreateConversationParticipant(exChannel, (&convv1.CreateConversationParticipantParams{}).SetAttributes(`{}`))
			}},
	}
}

// convRefusedCases send values Twilio refuses, which twilio-go sends and
// twiliochat refuses before sending, naming the key.
func convRefusedCases() []convCase {
	return []convCase{
		{name: "inactive timer under a minute", op: "UpdateConversation",
			differs: &difference{
				reason: "Twilio takes a Timers.Inactive of at least a minute (PT1M): twiliochat refuses a shorter one before sending",
				ourErr: "Timers.Inactive", theirBody: "Timers.Inactive=PT30S",
			},
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Conversations.Update(ctx, exChannel, &conversations.UpdateConversationParams{
					Timers: &conversations.TimersParams{Inactive: twiliochat.Ptr("PT30S")},
				})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.UpdateConversation(exChannel, (&convv1.UpdateConversationParams{}).SetTimersInactive("PT30S"))
			}},
		{name: "participant not JSON", op: "CreateServiceConversationWithParticipants",
			differs: &difference{
				reason: "each Participant is a JSON object of a Participant's params: twiliochat refuses other text before sending",
				ourErr: "Participant[1]", theirBody: "Participant=%7B%22identity%22%3A%22alice%22%7D&Participant=bob",
			},
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Service(exService).Conversations.CreateWithParticipants(ctx, &conversations.CreateConversationWithParticipantsParams{
					Participant: []string{`{"identity":"alice"}`, "bob"},
				})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.CreateServiceConversationWithParticipants(exService, (&convv1.CreateServiceConversationWithParticipantsParams{}).
					SetParticipant([]string{`{"identity":"alice"}`, "bob"}))
			}},
		{name: "zero time", op: "CreateConversationMessage",
			differs: &difference{
				reason: "twilio-go sends the zero time.Time as 0001-01-01T00:00:00Z, a date no Message has; " +
					"twiliochat refuses it before sending, as a set pointer to it is most likely a mistake",
				ourErr: "DateCreated", theirBody: "DateCreated=0001-01-01T00%3A00%3A00Z",
			},
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return c.Messages.Create(ctx, exChannel, &conversations.CreateMessageParams{DateCreated: twiliochat.Ptr(zeroTime)})
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.CreateConversationMessage(exChannel, (&convv1.CreateConversationMessageParams{}).SetDateCreated(zeroTime))
			}},
	}
}

// convFilterCases send list filters that twilio-go's query encoder does
// not carry as given, as filterCases do for Chat (which says how).
func convFilterCases() []convCase {
	return []convCase{
		{name: "identities with a dot and digits", op: "ListServiceBinding", differs: dottedDifference("Bindings"),
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return ourPage(c.Service(exService).Bindings.ListPage(ctx, &conversations.ListBindingsParams{PageSize: twiliochat.Ptr(50), Identity: dottedIdentities}))
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.PageServiceBinding(exService, (&convv1.ListServiceBindingParams{}).SetPageSize(50).SetIdentity(dottedIdentities), "", "")
			}},
		{name: "eleven identities", op: "ListServiceBinding", differs: elevenDifference,
			ours: func(ctx context.Context, c *conversations.Client) (any, error) {
				return ourPage(c.Service(exService).Bindings.ListPage(ctx, &conversations.ListBindingsParams{PageSize: twiliochat.Ptr(50), Identity: elevenIdentities}))
			},
			theirs: func(c *convv1.ApiService) (any, error) {
				return c.PageServiceBinding(exService, (&convv1.ListServiceBindingParams{}).SetPageSize(50).SetIdentity(elevenIdentities), "", "")
			}},
	}
}
