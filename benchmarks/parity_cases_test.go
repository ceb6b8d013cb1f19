package benchmarks

import (
	"context"
	"net/url"
	"strconv"
	"time"

	"github.com/e3f0929f/twiliochat"
	chatv2 "github.com/twilio/twilio-go/rest/chat/v2"
	chatv3 "github.com/twilio/twilio-go/rest/chat/v3"
)

// Path values from the spec's examples.
const (
	exService    = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exChannel    = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exUser       = "USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exMember     = "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exMessage    = "IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exInvite     = "INaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exWebhook    = "WHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exBinding    = "BSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exCredential = "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exRole       = "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exFlow       = "FWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exMedia      = "MEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	exMessaging  = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
)

// Values the cases send.
var (
	// inZone has nanoseconds and a zone other than UTC: twilio-go formats
	// a time.Time with time.RFC3339, which keeps the offset and drops the
	// fraction, and so must twiliochat.
	inZone = time.Date(2026, time.March, 14, 15, 9, 26, 535897932, time.FixedZone("PDT", -7*3600))
	inUTC  = time.Date(2016, time.March, 24, 21, 5, 50, 0, time.UTC)
	// zeroTime is the zero time.Time.
	zeroTime = time.Time{}

	// attributes is JSON with characters the form must escape.
	attributes = `{"team":"blue & green","tags":["a+b","c=d"],"note":"50% off; é ✓","n":1.5,"ok":true,"nil":null}`
	// oddBytes has control characters, a NUL and bytes that are not UTF-8.
	oddBytes = "tab\there\r\nNUL\x00 DEL\x7f bad\xff\xfe end"
	// pem is a certificate-like secret over several lines.
	pem = "-----BEGIN CERTIFICATE-----\nMIIC+zCCAeOgAwIBAgIJ/abc==\n-----END CERTIFICATE-----\n"
)

// webhookText is how twilio-go takes X-Twilio-Webhook-Enabled: as text.
func webhookText(b bool) string { return strconv.FormatBool(b) }

// parityCases returns every case: at least one per operation of the spec,
// and for each operation with parameters, cases that between them send
// every key it takes (TestParity checks both from the spec).
func parityCases() []parityCase {
	var cases []parityCase
	for _, group := range [][]parityCase{
		credentialCases(), serviceCases(), bindingCases(), channelCases(), inviteCases(),
		memberCases(), messageCases(), channelWebhookCases(), roleCases(), userCases(),
		userBindingCases(), userChannelCases(), pathValueCases(), filterCases(), emptyCases(),
		migrateCases(),
	} {
		cases = append(cases, group...)
	}
	return cases
}

func credentialCases() []parityCase {
	return []parityCase{
		{name: "apn", op: "CreateCredential",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Credentials.Create(ctx, &twiliochat.CreateCredentialParams{
					Type: twiliochat.Ptr(twiliochat.PushServiceAPN), FriendlyName: twiliochat.Ptr("iOS push (prod) ✓"),
					Certificate: twiliochat.Ptr(pem), PrivateKey: twiliochat.Ptr(pem), Sandbox: twiliochat.Ptr(false),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateCredential((&chatv2.CreateCredentialParams{}).
					SetType("apn").SetFriendlyName("iOS push (prod) ✓").
					SetCertificate(pem).SetPrivateKey(pem).SetSandbox(false))
			}},
		{name: "fcm", op: "CreateCredential",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Credentials.Create(ctx, &twiliochat.CreateCredentialParams{
					Type: twiliochat.Ptr(twiliochat.PushServiceFCM), APIKey: twiliochat.Ptr("AAAA+key/1="),
					Secret: twiliochat.Ptr("s3cr3t&x=y"), Sandbox: twiliochat.Ptr(true),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateCredential((&chatv2.CreateCredentialParams{}).
					SetType("fcm").SetApiKey("AAAA+key/1=").SetSecret("s3cr3t&x=y").SetSandbox(true))
			}},
		{name: "all keys", op: "UpdateCredential",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Credentials.Update(ctx, exCredential, &twiliochat.UpdateCredentialParams{
					FriendlyName: twiliochat.Ptr(""), Certificate: twiliochat.Ptr(pem), PrivateKey: twiliochat.Ptr(pem),
					Sandbox: twiliochat.Ptr(true), APIKey: twiliochat.Ptr("key"), Secret: twiliochat.Ptr("secret"),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateCredential(exCredential, (&chatv2.UpdateCredentialParams{}).
					SetFriendlyName("").SetCertificate(pem).SetPrivateKey(pem).
					SetSandbox(true).SetApiKey("key").SetSecret("secret"))
			}},
		{name: "sid", op: "FetchCredential",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Credentials.Fetch(ctx, exCredential)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchCredential(exCredential) }},
		{name: "sid", op: "DeleteCredential",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.Credentials.Delete(ctx, exCredential)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return nil, c.DeleteCredential(exCredential) }},
		{name: "page size", op: "ListCredential",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.Credentials.ListPage(ctx, &twiliochat.ListCredentialsParams{PageSize: twiliochat.Ptr(1000)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageCredential((&chatv2.ListCredentialParams{}).SetPageSize(1000), "", "")
			}},
	}
}

func serviceCases() []parityCase {
	return []parityCase{
		{name: "name", op: "CreateService",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Services.Create(ctx, &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr("Support & Sales (EU) ✓")})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateService((&chatv2.CreateServiceParams{}).SetFriendlyName("Support & Sales (EU) ✓"))
			}},
		{name: "all keys", op: "UpdateService",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Services.Update(ctx, exService, allServiceKeys())
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateService(exService, (&chatv2.UpdateServiceParams{}).
					SetFriendlyName("support").
					SetDefaultServiceRoleSid(exRole).SetDefaultChannelRoleSid(exRole).SetDefaultChannelCreatorRoleSid(exRole).
					SetReadStatusEnabled(true).SetReachabilityEnabled(true).
					SetTypingIndicatorTimeout(5).SetConsumptionReportInterval(10).
					SetNotificationsNewMessageEnabled(true).SetNotificationsNewMessageTemplate("${USER}: ${MESSAGE}").
					SetNotificationsNewMessageSound("ding.wav").SetNotificationsNewMessageBadgeCountEnabled(true).
					SetNotificationsAddedToChannelEnabled(true).SetNotificationsAddedToChannelTemplate("added to ${CHANNEL}").
					SetNotificationsAddedToChannelSound("added.wav").
					SetNotificationsRemovedFromChannelEnabled(true).SetNotificationsRemovedFromChannelTemplate("removed from ${CHANNEL}").
					SetNotificationsRemovedFromChannelSound("removed.wav").
					SetNotificationsInvitedToChannelEnabled(true).SetNotificationsInvitedToChannelTemplate("invited to ${CHANNEL}").
					SetNotificationsInvitedToChannelSound("invited.wav").
					SetPreWebhookUrl("https://hooks.example.com/pre?a=1&b=2").SetPostWebhookUrl("https://hooks.example.com/post").
					SetWebhookMethod("GET").SetWebhookFilters([]string{"onMessageSend", "onChannelAdded", "onMemberAdd"}).
					SetLimitsChannelMembers(1000).SetLimitsUserChannels(250).
					SetMediaCompatibilityMessage("media: see https://example.com/m?id=1").
					SetPreWebhookRetryCount(0).SetPostWebhookRetryCount(3).
					SetNotificationsLogEnabled(true))
			}},
		{name: "zero values", op: "UpdateService",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Services.Update(ctx, exService, &twiliochat.UpdateServiceParams{
					FriendlyName: twiliochat.Ptr(""), ReadStatusEnabled: twiliochat.Ptr(false),
					ReachabilityEnabled: twiliochat.Ptr(false), TypingIndicatorTimeout: twiliochat.Ptr(0),
					Notifications: &twiliochat.NotificationsParams{
						LogEnabled: twiliochat.Ptr(false),
						NewMessage: &twiliochat.NewMessageNotificationParams{Enabled: twiliochat.Ptr(false), Template: twiliochat.Ptr("")},
					},
					Media: &twiliochat.MediaParams{CompatibilityMessage: twiliochat.Ptr("")},
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateService(exService, (&chatv2.UpdateServiceParams{}).
					SetFriendlyName("").SetReadStatusEnabled(false).
					SetReachabilityEnabled(false).SetTypingIndicatorTimeout(0).
					SetNotificationsLogEnabled(false).
					SetNotificationsNewMessageEnabled(false).SetNotificationsNewMessageTemplate("").
					SetMediaCompatibilityMessage(""))
			}},
		{name: "control and invalid UTF-8 bytes", op: "CreateService",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Services.Create(ctx, &twiliochat.CreateServiceParams{FriendlyName: twiliochat.Ptr(oddBytes)})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateService((&chatv2.CreateServiceParams{}).SetFriendlyName(oddBytes))
			}},
		{name: "sid", op: "FetchService",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Services.Fetch(ctx, exService)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchService(exService) }},
		{name: "sid", op: "DeleteService",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.Services.Delete(ctx, exService)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return nil, c.DeleteService(exService) }},
		{name: "page size", op: "ListService",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.Services.ListPage(ctx, &twiliochat.ListServicesParams{PageSize: twiliochat.Ptr(7)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageService((&chatv2.ListServiceParams{}).SetPageSize(7), "", "")
			}},
	}
}

// allServiceKeys sets every key of UpdateService.
func allServiceKeys() *twiliochat.UpdateServiceParams {
	return &twiliochat.UpdateServiceParams{
		FriendlyName:                 twiliochat.Ptr("support"),
		DefaultServiceRoleSID:        twiliochat.Ptr(exRole),
		DefaultChannelRoleSID:        twiliochat.Ptr(exRole),
		DefaultChannelCreatorRoleSID: twiliochat.Ptr(exRole),
		ReadStatusEnabled:            twiliochat.Ptr(true),
		ReachabilityEnabled:          twiliochat.Ptr(true),
		TypingIndicatorTimeout:       twiliochat.Ptr(5),
		ConsumptionReportInterval:    twiliochat.Ptr(10),
		Notifications: &twiliochat.NotificationsParams{
			NewMessage: &twiliochat.NewMessageNotificationParams{
				Enabled: twiliochat.Ptr(true), Template: twiliochat.Ptr("${USER}: ${MESSAGE}"),
				Sound: twiliochat.Ptr("ding.wav"), BadgeCountEnabled: twiliochat.Ptr(true),
			},
			AddedToChannel:     &twiliochat.NotificationParams{Enabled: twiliochat.Ptr(true), Template: twiliochat.Ptr("added to ${CHANNEL}"), Sound: twiliochat.Ptr("added.wav")},
			RemovedFromChannel: &twiliochat.NotificationParams{Enabled: twiliochat.Ptr(true), Template: twiliochat.Ptr("removed from ${CHANNEL}"), Sound: twiliochat.Ptr("removed.wav")},
			InvitedToChannel:   &twiliochat.NotificationParams{Enabled: twiliochat.Ptr(true), Template: twiliochat.Ptr("invited to ${CHANNEL}"), Sound: twiliochat.Ptr("invited.wav")},
			LogEnabled:         twiliochat.Ptr(true),
		},
		PreWebhookURL:         twiliochat.Ptr("https://hooks.example.com/pre?a=1&b=2"),
		PostWebhookURL:        twiliochat.Ptr("https://hooks.example.com/post"),
		WebhookMethod:         twiliochat.Ptr(twiliochat.WebhookMethodGet),
		WebhookFilters:        []string{"onMessageSend", "onChannelAdded", "onMemberAdd"},
		Limits:                &twiliochat.LimitsParams{ChannelMembers: twiliochat.Ptr(1000), UserChannels: twiliochat.Ptr(250)},
		Media:                 &twiliochat.MediaParams{CompatibilityMessage: twiliochat.Ptr("media: see https://example.com/m?id=1")},
		PreWebhookRetryCount:  twiliochat.Ptr(0),
		PostWebhookRetryCount: twiliochat.Ptr(3),
	}
}

func bindingCases() []parityCase {
	return []parityCase{
		{name: "filters", op: "ListBinding",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.Bindings.ListPage(ctx, exService, &twiliochat.ListBindingsParams{
					PageSize:    twiliochat.Ptr(50),
					BindingType: []twiliochat.BindingType{twiliochat.BindingTypeGCM, twiliochat.BindingTypeAPN},
					Identity:    []string{"alice@example.com", "bob smith", "Zoë"},
				}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageBinding(exService, (&chatv2.ListBindingParams{}).SetPageSize(50).
					SetBindingType([]string{"gcm", "apn"}).SetIdentity([]string{"alice@example.com", "bob smith", "Zoë"}), "", "")
			}},
		{name: "sid", op: "FetchBinding",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Bindings.Fetch(ctx, exService, exBinding)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchBinding(exService, exBinding) }},
		{name: "sid", op: "DeleteBinding",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.Bindings.Delete(ctx, exService, exBinding)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return nil, c.DeleteBinding(exService, exBinding) }},
	}
}

func channelCases() []parityCase {
	return []parityCase{
		{name: "all keys", op: "CreateChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Channels.Create(ctx, exService, &twiliochat.CreateChannelParams{
					FriendlyName: twiliochat.Ptr("General & Random"), UniqueName: twiliochat.Ptr("general/ops #1"),
					Attributes: twiliochat.Ptr(attributes), Type: twiliochat.Ptr(twiliochat.ChannelTypePrivate),
					DateCreated: twiliochat.Ptr(inZone), DateUpdated: twiliochat.Ptr(inUTC),
					CreatedBy: twiliochat.Ptr("alice@example.com"), WebhookEnabled: twiliochat.Ptr(false),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateChannel(exService, (&chatv2.CreateChannelParams{}).
					SetFriendlyName("General & Random").SetUniqueName("general/ops #1").
					SetAttributes(attributes).SetType("private").
					SetDateCreated(inZone).SetDateUpdated(inUTC).
					SetCreatedBy("alice@example.com").SetXTwilioWebhookEnabled(webhookText(false)))
			}},
		{name: "all keys", op: "UpdateChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Channels.Update(ctx, exService, exChannel, &twiliochat.UpdateChannelParams{
					FriendlyName: twiliochat.Ptr(""), UniqueName: twiliochat.Ptr("renamed"),
					Attributes: twiliochat.Ptr(`{}`), DateCreated: twiliochat.Ptr(inUTC), DateUpdated: twiliochat.Ptr(inZone),
					CreatedBy: twiliochat.Ptr("system"), WebhookEnabled: twiliochat.Ptr(true),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateChannel(exService, exChannel, (&chatv2.UpdateChannelParams{}).
					SetFriendlyName("").SetUniqueName("renamed").
					SetAttributes(`{}`).SetDateCreated(inUTC).SetDateUpdated(inZone).
					SetCreatedBy("system").SetXTwilioWebhookEnabled(webhookText(true)))
			}},
		{name: "zero time", op: "UpdateChannel",
			differs: &difference{
				reason: "twilio-go sends the zero time.Time as 0001-01-01T00:00:00Z, a date no Channel has; " +
					"twiliochat refuses it before sending, as a set pointer to it is most likely a mistake",
				ourErr:    "DateCreated",
				theirBody: "DateCreated=0001-01-01T00%3A00%3A00Z",
			},
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Channels.Update(ctx, exService, exChannel, &twiliochat.UpdateChannelParams{DateCreated: twiliochat.Ptr(zeroTime)})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateChannel(exService, exChannel, (&chatv2.UpdateChannelParams{}).SetDateCreated(zeroTime))
			}},
		{name: "webhooks off", op: "DeleteChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.Channels.Delete(ctx, exService, exChannel, &twiliochat.DeleteChannelParams{WebhookEnabled: twiliochat.Ptr(false)})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return nil, c.DeleteChannel(exService, exChannel, (&chatv2.DeleteChannelParams{}).SetXTwilioWebhookEnabled(webhookText(false)))
			}},
		{name: "no params", op: "DeleteChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.Channels.Delete(ctx, exService, exChannel, nil)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return nil, c.DeleteChannel(exService, exChannel, nil) }},
		{name: "sid", op: "FetchChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Channels.Fetch(ctx, exService, exChannel)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchChannel(exService, exChannel) }},
		{name: "types", op: "ListChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.Channels.ListPage(ctx, exService, &twiliochat.ListChannelsParams{
					PageSize: twiliochat.Ptr(100), Type: []twiliochat.ChannelType{twiliochat.ChannelTypePublic, twiliochat.ChannelTypePrivate},
				}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageChannel(exService, (&chatv2.ListChannelParams{}).SetPageSize(100).SetType([]string{"public", "private"}), "", "")
			}},
	}
}

func inviteCases() []parityCase {
	return []parityCase{
		{name: "all keys", op: "CreateInvite",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Invites.Create(ctx, exService, exChannel, &twiliochat.CreateInviteParams{
					Identity: twiliochat.Ptr("bob+chat@example.com"), RoleSID: twiliochat.Ptr(exRole),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateInvite(exService, exChannel, (&chatv2.CreateInviteParams{}).
					SetIdentity("bob+chat@example.com").SetRoleSid(exRole))
			}},
		{name: "sid", op: "FetchInvite",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Invites.Fetch(ctx, exService, exChannel, exInvite)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchInvite(exService, exChannel, exInvite) }},
		{name: "sid", op: "DeleteInvite",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.Invites.Delete(ctx, exService, exChannel, exInvite)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return nil, c.DeleteInvite(exService, exChannel, exInvite) }},
		{name: "identities", op: "ListInvite",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.Invites.ListPage(ctx, exService, exChannel, &twiliochat.ListInvitesParams{
					PageSize: twiliochat.Ptr(3), Identity: []string{"bob+chat@example.com", "carol"},
				}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageInvite(exService, exChannel, (&chatv2.ListInviteParams{}).SetPageSize(3).
					SetIdentity([]string{"bob+chat@example.com", "carol"}), "", "")
			}},
	}
}

func memberCases() []parityCase {
	return []parityCase{
		{name: "all keys", op: "CreateMember",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Members.Create(ctx, exService, exChannel, &twiliochat.CreateMemberParams{
					Identity: twiliochat.Ptr("alice@example.com"), RoleSID: twiliochat.Ptr(exRole),
					LastConsumedMessageIndex: twiliochat.Ptr(0), LastConsumptionTimestamp: twiliochat.Ptr(inZone),
					DateCreated: twiliochat.Ptr(inUTC), DateUpdated: twiliochat.Ptr(inZone),
					Attributes: twiliochat.Ptr(attributes), WebhookEnabled: twiliochat.Ptr(true),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateMember(exService, exChannel, (&chatv2.CreateMemberParams{}).
					SetIdentity("alice@example.com").SetRoleSid(exRole).
					SetLastConsumedMessageIndex(0).SetLastConsumptionTimestamp(inZone).
					SetDateCreated(inUTC).SetDateUpdated(inZone).
					SetAttributes(attributes).SetXTwilioWebhookEnabled(webhookText(true)))
			}},
		{name: "all keys", op: "UpdateMember",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Members.Update(ctx, exService, "general", "alice@example.com", &twiliochat.UpdateMemberParams{
					RoleSID: twiliochat.Ptr(exRole), LastConsumedMessageIndex: twiliochat.Ptr(42),
					LastConsumptionTimestamp: twiliochat.Ptr(inUTC), DateCreated: twiliochat.Ptr(inZone),
					DateUpdated: twiliochat.Ptr(inUTC), Attributes: twiliochat.Ptr(`{"a":[]}`), WebhookEnabled: twiliochat.Ptr(false),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateMember(exService, "general", "alice@example.com", (&chatv2.UpdateMemberParams{}).
					SetRoleSid(exRole).SetLastConsumedMessageIndex(42).
					SetLastConsumptionTimestamp(inUTC).SetDateCreated(inZone).
					SetDateUpdated(inUTC).SetAttributes(`{"a":[]}`).SetXTwilioWebhookEnabled(webhookText(false)))
			}},
		{name: "webhooks on", op: "DeleteMember",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.Members.Delete(ctx, exService, exChannel, exMember, &twiliochat.DeleteMemberParams{WebhookEnabled: twiliochat.Ptr(true)})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return nil, c.DeleteMember(exService, exChannel, exMember, (&chatv2.DeleteMemberParams{}).SetXTwilioWebhookEnabled(webhookText(true)))
			}},
		{name: "identity", op: "FetchMember",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Members.Fetch(ctx, exService, exChannel, "alice@example.com")
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.FetchMember(exService, exChannel, "alice@example.com")
			}},
		{name: "identities", op: "ListMember",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.Members.ListPage(ctx, exService, exChannel, &twiliochat.ListMembersParams{
					PageSize: twiliochat.Ptr(100), Identity: []string{"alice@example.com", "bob & co", "Zoë/日本"},
				}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageMember(exService, exChannel, (&chatv2.ListMemberParams{}).SetPageSize(100).
					SetIdentity([]string{"alice@example.com", "bob & co", "Zoë/日本"}), "", "")
			}},
	}
}

func messageCases() []parityCase {
	return []parityCase{
		{name: "all keys", op: "CreateMessage",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Messages.Create(ctx, exService, exChannel, &twiliochat.CreateMessageParams{
					From: twiliochat.Ptr("alice@example.com"), Attributes: twiliochat.Ptr(attributes),
					DateCreated: twiliochat.Ptr(inZone), DateUpdated: twiliochat.Ptr(inZone),
					LastUpdatedBy: twiliochat.Ptr("system"), Body: twiliochat.Ptr("Hello, 世界!\nline 2 & more; 100% + = ?"),
					MediaSID: twiliochat.Ptr(exMedia), WebhookEnabled: twiliochat.Ptr(false),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateMessage(exService, exChannel, (&chatv2.CreateMessageParams{}).
					SetFrom("alice@example.com").SetAttributes(attributes).
					SetDateCreated(inZone).SetDateUpdated(inZone).
					SetLastUpdatedBy("system").SetBody("Hello, 世界!\nline 2 & more; 100% + = ?").
					SetMediaSid(exMedia).SetXTwilioWebhookEnabled(webhookText(false)))
			}},
		{name: "all keys", op: "UpdateMessage",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Messages.Update(ctx, exService, exChannel, exMessage, &twiliochat.UpdateMessageParams{
					Body: twiliochat.Ptr(""), Attributes: twiliochat.Ptr(`{"edited":true}`),
					DateCreated: twiliochat.Ptr(inUTC), DateUpdated: twiliochat.Ptr(inZone),
					LastUpdatedBy: twiliochat.Ptr("bob"), From: twiliochat.Ptr("carol"), WebhookEnabled: twiliochat.Ptr(true),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateMessage(exService, exChannel, exMessage, (&chatv2.UpdateMessageParams{}).
					SetBody("").SetAttributes(`{"edited":true}`).
					SetDateCreated(inUTC).SetDateUpdated(inZone).
					SetLastUpdatedBy("bob").SetFrom("carol").SetXTwilioWebhookEnabled(webhookText(true)))
			}},
		{name: "webhooks off", op: "DeleteMessage",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.Messages.Delete(ctx, exService, exChannel, exMessage, &twiliochat.DeleteMessageParams{WebhookEnabled: twiliochat.Ptr(false)})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return nil, c.DeleteMessage(exService, exChannel, exMessage, (&chatv2.DeleteMessageParams{}).SetXTwilioWebhookEnabled(webhookText(false)))
			}},
		{name: "sid", op: "FetchMessage",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Messages.Fetch(ctx, exService, exChannel, exMessage)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchMessage(exService, exChannel, exMessage) }},
		{name: "order", op: "ListMessage",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.Messages.ListPage(ctx, exService, exChannel, &twiliochat.ListMessagesParams{
					PageSize: twiliochat.Ptr(25), Order: twiliochat.Ptr(twiliochat.MessageOrderDesc),
				}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageMessage(exService, exChannel, (&chatv2.ListMessageParams{}).SetPageSize(25).SetOrder("desc"), "", "")
			}},
	}
}

func channelWebhookCases() []parityCase {
	return []parityCase{
		{name: "webhook", op: "CreateChannelWebhook",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.ChannelWebhooks.Create(ctx, exService, exChannel, &twiliochat.CreateChannelWebhookParams{
					Type: twiliochat.Ptr(twiliochat.ChannelWebhookTypeWebhook),
					Configuration: &twiliochat.ChannelWebhookConfigurationParams{
						URL: twiliochat.Ptr("https://hooks.example.com/ch?x=1&y=2"), Method: twiliochat.Ptr(twiliochat.WebhookMethodPost),
						Filters: []string{"onMessageSent", "onMemberAdded"}, RetryCount: twiliochat.Ptr(2),
					},
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateChannelWebhook(exService, exChannel, (&chatv2.CreateChannelWebhookParams{}).
					SetType("webhook").SetConfigurationUrl("https://hooks.example.com/ch?x=1&y=2").SetConfigurationMethod("POST").
					SetConfigurationFilters([]string{"onMessageSent", "onMemberAdded"}).SetConfigurationRetryCount(2))
			}},
		{name: "trigger", op: "CreateChannelWebhook",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.ChannelWebhooks.Create(ctx, exService, exChannel, &twiliochat.CreateChannelWebhookParams{
					Type: twiliochat.Ptr(twiliochat.ChannelWebhookTypeTrigger),
					Configuration: &twiliochat.ChannelWebhookConfigurationParams{
						URL: twiliochat.Ptr("https://hooks.example.com/t"), Method: twiliochat.Ptr(twiliochat.WebhookMethodGet),
						Triggers: []string{"help", "urgent!", "a b"},
					},
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateChannelWebhook(exService, exChannel, (&chatv2.CreateChannelWebhookParams{}).
					SetType("trigger").SetConfigurationUrl("https://hooks.example.com/t").SetConfigurationMethod("GET").
					SetConfigurationTriggers([]string{"help", "urgent!", "a b"}))
			}},
		{name: "studio", op: "CreateChannelWebhook",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.ChannelWebhooks.Create(ctx, exService, exChannel, &twiliochat.CreateChannelWebhookParams{
					Type:          twiliochat.Ptr(twiliochat.ChannelWebhookTypeStudio),
					Configuration: &twiliochat.ChannelWebhookConfigurationParams{FlowSID: twiliochat.Ptr(exFlow), RetryCount: twiliochat.Ptr(0)},
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateChannelWebhook(exService, exChannel, (&chatv2.CreateChannelWebhookParams{}).
					SetType("studio").SetConfigurationFlowSid(exFlow).SetConfigurationRetryCount(0))
			}},
		{name: "all keys", op: "UpdateChannelWebhook",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.ChannelWebhooks.Update(ctx, exService, exChannel, exWebhook, &twiliochat.UpdateChannelWebhookParams{
					Configuration: &twiliochat.ChannelWebhookConfigurationParams{
						URL: twiliochat.Ptr("https://hooks.example.com/u"), Method: twiliochat.Ptr(twiliochat.WebhookMethodGet),
						Filters: []string{"onMessageSent"}, Triggers: []string{"x", "y"},
						FlowSID: twiliochat.Ptr(exFlow), RetryCount: twiliochat.Ptr(3),
					},
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateChannelWebhook(exService, exChannel, exWebhook, (&chatv2.UpdateChannelWebhookParams{}).
					SetConfigurationUrl("https://hooks.example.com/u").SetConfigurationMethod("GET").
					SetConfigurationFilters([]string{"onMessageSent"}).SetConfigurationTriggers([]string{"x", "y"}).
					SetConfigurationFlowSid(exFlow).SetConfigurationRetryCount(3))
			}},
		{name: "sid", op: "FetchChannelWebhook",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.ChannelWebhooks.Fetch(ctx, exService, exChannel, exWebhook)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchChannelWebhook(exService, exChannel, exWebhook) }},
		{name: "sid", op: "DeleteChannelWebhook",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.ChannelWebhooks.Delete(ctx, exService, exChannel, exWebhook)
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return nil, c.DeleteChannelWebhook(exService, exChannel, exWebhook)
			}},
		{name: "page size", op: "ListChannelWebhook",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.ChannelWebhooks.ListPage(ctx, exService, exChannel, &twiliochat.ListChannelWebhooksParams{PageSize: twiliochat.Ptr(5)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageChannelWebhook(exService, exChannel, (&chatv2.ListChannelWebhookParams{}).SetPageSize(5), "", "")
			}},
	}
}

func roleCases() []parityCase {
	permissions := []string{"sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"}
	return []parityCase{
		{name: "all keys", op: "CreateRole",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Roles.Create(ctx, exService, &twiliochat.CreateRoleParams{
					FriendlyName: twiliochat.Ptr("moderator (EU)"), Type: twiliochat.Ptr(twiliochat.RoleTypeChannel), Permission: permissions,
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateRole(exService, (&chatv2.CreateRoleParams{}).
					SetFriendlyName("moderator (EU)").SetType("channel").SetPermission(permissions))
			}},
		{name: "permissions", op: "UpdateRole",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Roles.Update(ctx, exService, exRole, &twiliochat.UpdateRoleParams{Permission: []string{"createChannel", "joinChannel"}})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateRole(exService, exRole, (&chatv2.UpdateRoleParams{}).SetPermission([]string{"createChannel", "joinChannel"}))
			}},
		{name: "no permissions", op: "UpdateRole",
			differs: &difference{
				reason: "the spec requires Permission: twilio-go sends an empty form for an empty list, " +
					"which Twilio answers with an error; twiliochat refuses it before sending",
				ourErr: "Permission",
			},
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Roles.Update(ctx, exService, exRole, &twiliochat.UpdateRoleParams{Permission: []string{}})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateRole(exService, exRole, (&chatv2.UpdateRoleParams{}).SetPermission([]string{}))
			}},
		{name: "sid", op: "FetchRole",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Roles.Fetch(ctx, exService, exRole)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchRole(exService, exRole) }},
		{name: "sid", op: "DeleteRole",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.Roles.Delete(ctx, exService, exRole)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return nil, c.DeleteRole(exService, exRole) }},
		{name: "page size", op: "ListRole",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.Roles.ListPage(ctx, exService, &twiliochat.ListRolesParams{PageSize: twiliochat.Ptr(1)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageRole(exService, (&chatv2.ListRoleParams{}).SetPageSize(1), "", "")
			}},
	}
}

func userCases() []parityCase {
	return []parityCase{
		{name: "all keys", op: "CreateUser",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Users.Create(ctx, exService, &twiliochat.CreateUserParams{
					Identity: twiliochat.Ptr("alice@example.com"), RoleSID: twiliochat.Ptr(exRole),
					Attributes: twiliochat.Ptr(attributes), FriendlyName: twiliochat.Ptr("Alice Ö."), WebhookEnabled: twiliochat.Ptr(true),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.CreateUser(exService, (&chatv2.CreateUserParams{}).
					SetIdentity("alice@example.com").SetRoleSid(exRole).
					SetAttributes(attributes).SetFriendlyName("Alice Ö.").SetXTwilioWebhookEnabled(webhookText(true)))
			}},
		{name: "all keys", op: "UpdateUser",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Users.Update(ctx, exService, exUser, &twiliochat.UpdateUserParams{
					RoleSID: twiliochat.Ptr(exRole), Attributes: twiliochat.Ptr(`{"x":"y"}`),
					FriendlyName: twiliochat.Ptr(""), WebhookEnabled: twiliochat.Ptr(false),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateUser(exService, exUser, (&chatv2.UpdateUserParams{}).
					SetRoleSid(exRole).SetAttributes(`{"x":"y"}`).
					SetFriendlyName("").SetXTwilioWebhookEnabled(webhookText(false)))
			}},
		{name: "attributes not JSON", op: "UpdateUser",
			differs: &difference{
				reason:    "twilio-go sends Attributes that are not JSON, which Twilio answers with an error; twiliochat refuses them before sending",
				ourErr:    "Attributes",
				theirBody: "Attributes=%7Bteam%3A+blue%7D",
			},
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Users.Update(ctx, exService, exUser, &twiliochat.UpdateUserParams{Attributes: twiliochat.Ptr("{team: blue}")})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateUser(exService, exUser, (&chatv2.UpdateUserParams{}).SetAttributes("{team: blue}"))
			}},
		{name: "sid", op: "FetchUser",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Users.Fetch(ctx, exService, exUser)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchUser(exService, exUser) }},
		{name: "sid", op: "DeleteUser",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.Users.Delete(ctx, exService, exUser)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return nil, c.DeleteUser(exService, exUser) }},
		{name: "page size", op: "ListUser",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.Users.ListPage(ctx, exService, &twiliochat.ListUsersParams{PageSize: twiliochat.Ptr(100)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageUser(exService, (&chatv2.ListUserParams{}).SetPageSize(100), "", "")
			}},
	}
}

func userBindingCases() []parityCase {
	return []parityCase{
		{name: "binding types", op: "ListUserBinding",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.UserBindings.ListPage(ctx, exService, "alice@example.com", &twiliochat.ListUserBindingsParams{
					PageSize: twiliochat.Ptr(10), BindingType: []twiliochat.BindingType{twiliochat.BindingTypeFCM},
				}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageUserBinding(exService, "alice@example.com", (&chatv2.ListUserBindingParams{}).SetPageSize(10).
					SetBindingType([]string{"fcm"}), "", "")
			}},
		{name: "sid", op: "FetchUserBinding",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.UserBindings.Fetch(ctx, exService, exUser, exBinding)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchUserBinding(exService, exUser, exBinding) }},
		{name: "sid", op: "DeleteUserBinding",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.UserBindings.Delete(ctx, exService, exUser, exBinding)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return nil, c.DeleteUserBinding(exService, exUser, exBinding) }},
	}
}

func userChannelCases() []parityCase {
	return []parityCase{
		{name: "all keys", op: "UpdateUserChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.UserChannels.Update(ctx, exService, exUser, exChannel, &twiliochat.UpdateUserChannelParams{
					NotificationLevel:        twiliochat.Ptr(twiliochat.NotificationLevelMuted),
					LastConsumedMessageIndex: twiliochat.Ptr(7), LastConsumptionTimestamp: twiliochat.Ptr(inZone),
				})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.UpdateUserChannel(exService, exUser, exChannel, (&chatv2.UpdateUserChannelParams{}).
					SetNotificationLevel("muted").SetLastConsumedMessageIndex(7).SetLastConsumptionTimestamp(inZone))
			}},
		{name: "webhooks on", op: "DeleteUserChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return nil, c.UserChannels.Delete(ctx, exService, exUser, exChannel, &twiliochat.DeleteUserChannelParams{WebhookEnabled: twiliochat.Ptr(true)})
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return nil, c.DeleteUserChannel(exService, exUser, exChannel, (&chatv2.DeleteUserChannelParams{}).SetXTwilioWebhookEnabled(webhookText(true)))
			}},
		{name: "sid", op: "FetchUserChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.UserChannels.Fetch(ctx, exService, exUser, exChannel)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchUserChannel(exService, exUser, exChannel) }},
		{name: "page size", op: "ListUserChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.UserChannels.ListPage(ctx, exService, exUser, &twiliochat.ListUserChannelsParams{PageSize: twiliochat.Ptr(50)}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageUserChannel(exService, exUser, (&chatv2.ListUserChannelParams{}).SetPageSize(50), "", "")
			}},
	}
}

// pathValueCases send identities and unique names with special characters
// as path values: a User by identity (FetchUser, DeleteUser) and a Channel
// by unique name (UpdateChannel). twiliochat escapes each value as one path
// segment (url.PathEscape) and refuses "." and ".."; twilio-go puts the
// value into the URL as it is and lets url.Parse read it, so where the
// value holds a character that means something in a URL it addresses
// another resource, or fails. Those cases pin what each sends, and why ours
// is right.
func pathValueCases() []parityCase {
	const users, channels = "/v2/Services/" + exService + "/Users/", "/v2/Services/" + exService + "/Channels/"
	var cases []parityCase
	for _, pv := range []struct {
		name  string
		value string
		// The rest, when twilio-go and twiliochat part: ourSeg and theirSeg
		// are the escaped path segments each sends, theirQuery the query
		// twilio-go sends with a POST.
		reason           string
		ourSeg, theirSeg string
		theirQuery       string
		ourErr, theirErr string
	}{
		// Sent alike: '@', '+' and ':' need no escaping in a path, a space
		// and non-ASCII are escaped by both.
		{name: "at sign", value: "alice@example.com"},
		{name: "space", value: "two words"},
		{name: "unicode", value: "Zoë 日本"},
		{name: "plus", value: "a+b"},
		{name: "colon", value: "urn:user:1"},

		{name: "slash", value: "team/blue", ourSeg: "team%2Fblue", theirSeg: "team/blue",
			reason: "twilio-go sends the '/' as a path separator, so the path has a segment more and names no User or Channel"},
		{name: "question mark", value: "q?x=1", ourSeg: "q%3Fx=1", theirSeg: "q", theirQuery: "x=1",
			reason: "twilio-go lets url.Parse read the '?' as the start of a query: it addresses \"q\" " +
				"(and sends x=1 as a query with a POST; a GET's query is overwritten)"},
		{name: "hash", value: "a#b", ourSeg: "a%23b", theirSeg: "a",
			reason: "twilio-go lets url.Parse read the '#' as the start of a fragment, which is never sent: it addresses \"a\""},
		{name: "percent", value: "100%", ourSeg: "100%25", theirErr: `invalid URL escape "%"`,
			reason: "twilio-go lets url.Parse read the '%' as an escape, and fails"},
		{name: "percent escape", value: "%41", ourSeg: "%2541", theirSeg: "%41",
			reason: "twilio-go sends %41 as it is, which the server decodes: it addresses \"A\""},
		{name: "semicolon", value: "a;b", ourSeg: "a%3Bb", theirSeg: "a;b",
			reason: "url.PathEscape escapes ';', which RFC 3986 leaves to a segment's own parameters: " +
				"some servers and proxies cut a segment at ';' (path parameters), and an escaped one cannot be cut; decoded the same"},
		{name: "comma", value: "a,b", ourSeg: "a%2Cb", theirSeg: "a,b",
			reason: "url.PathEscape escapes ',', which RFC 3986 also reserves within a segment; decoded the same"},
		{name: "dot dot", value: "..", ourErr: "Sid", theirSeg: "..",
			reason: "twiliochat refuses a dot segment: a server or proxy that removes dot segments " +
				"(RFC 3986 5.2.4) would send twilio-go's request to the parent, a DELETE to the whole Service"},
		{name: "dot", value: ".", ourErr: "Sid", theirSeg: ".",
			reason: "twiliochat refuses a dot segment: removed, it leaves the collection itself"},
	} {
		value := pv.value
		differs := func(prefix string, post bool) *difference {
			if pv.reason == "" {
				return nil
			}
			d := &difference{reason: pv.reason, ourErr: pv.ourErr, theirErr: pv.theirErr}
			if pv.ourSeg != "" {
				d.ourPath = prefix + pv.ourSeg
			}
			if pv.theirSeg != "" {
				d.theirPath = prefix + pv.theirSeg
			}
			if post {
				d.theirQuery = pv.theirQuery
				d.theirBody = url.Values{"FriendlyName": {value}}.Encode()
			}
			return d
		}
		cases = append(cases,
			parityCase{name: pv.name, op: "FetchUser", differs: differs(users, false),
				ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
					return c.Users.Fetch(ctx, exService, value)
				},
				theirs: func(c *chatv2.ApiService) (any, error) { return c.FetchUser(exService, value) }},
			parityCase{name: pv.name, op: "DeleteUser", differs: differs(users, false),
				ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
					return nil, c.Users.Delete(ctx, exService, value)
				},
				theirs: func(c *chatv2.ApiService) (any, error) { return nil, c.DeleteUser(exService, value) }},
			parityCase{name: pv.name, op: "UpdateChannel", differs: differs(channels, true),
				ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
					return c.Channels.Update(ctx, exService, value, &twiliochat.UpdateChannelParams{FriendlyName: twiliochat.Ptr(value)})
				},
				theirs: func(c *chatv2.ApiService) (any, error) {
					return c.UpdateChannel(exService, value, (&chatv2.UpdateChannelParams{}).SetFriendlyName(value))
				}},
		)
	}
	return cases
}

// filterCases send list filters that twilio-go's query encoder does not
// carry as given. twilio-go encodes a GET's query with its form package,
// which numbers a key's values ("Identity.0", "Identity.1", …) and sorts
// those keys as text, then deletes every "." followed by digits from the
// whole encoded query with a regular expression: the numbers go, and so
// does any such text in a value.
func filterCases() []parityCase {
	return []parityCase{
		{name: "identities with a dot and digits", op: "ListMember", differs: dottedDifference("Members"),
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.Members.ListPage(ctx, exService, exChannel, &twiliochat.ListMembersParams{PageSize: twiliochat.Ptr(50), Identity: dottedIdentities}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageMember(exService, exChannel, (&chatv2.ListMemberParams{}).SetPageSize(50).SetIdentity(dottedIdentities), "", "")
			}},
		{name: "eleven identities", op: "ListBinding", differs: elevenDifference,
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return ourPage(c.Bindings.ListPage(ctx, exService, &twiliochat.ListBindingsParams{PageSize: twiliochat.Ptr(50), Identity: elevenIdentities}))
			},
			theirs: func(c *chatv2.ApiService) (any, error) {
				return c.PageBinding(exService, (&chatv2.ListBindingParams{}).SetPageSize(50).SetIdentity(elevenIdentities), "", "")
			}},
	}
}

// The identity filters of filterCases (and convFilterCases), each with a
// page size of 50: two with a dot and digits, and eleven.
var (
	dottedIdentities = []string{"alice.2024", "v1.2.3"}
	elevenIdentities = func() []string {
		var ids []string
		for i := range 11 {
			ids = append(ids, "user"+strconv.Itoa(i))
		}
		return ids
	}()
)

// dottedDifference is what each client sends for dottedIdentities, a
// filter of what (Members).
func dottedDifference(what string) *difference {
	return &difference{
		reason:   "twilio-go deletes \".2024\" and \".2\", \".3\" from the values: it asks for the " + what + " of alice and v1",
		ourQuery: "Identity=alice.2024&Identity=v1.2.3&PageSize=50", theirQuery: "Identity=alice&Identity=v1&PageSize=50",
	}
}

// elevenDifference is what each client sends for elevenIdentities.
var elevenDifference = &difference{
	reason: "twilio-go sorts the numbered keys as text (Identity.0, Identity.1, Identity.10, Identity.2, …), " +
		"so from the eleventh value on the order is not the caller's; twiliochat keeps it",
	ourQuery:   "Identity=user0&Identity=user1&Identity=user2&Identity=user3&Identity=user4&Identity=user5&Identity=user6&Identity=user7&Identity=user8&Identity=user9&Identity=user10&PageSize=50",
	theirQuery: "Identity=user0&Identity=user1&Identity=user10&Identity=user2&Identity=user3&Identity=user4&Identity=user5&Identity=user6&Identity=user7&Identity=user8&Identity=user9&PageSize=50",
}

// required is the difference of a call without the key the spec
// requires.
func required(key string) *difference {
	return &difference{reason: "the spec requires " + key + ": twiliochat refuses to send without it", ourErr: key}
}

// emptyCases create with no params at all. Where the spec requires a key,
// twilio-go sends an empty form, which Twilio answers with an error, and
// twiliochat refuses before sending, naming the key; where it requires
// none, both send an empty form.
func emptyCases() []parityCase {
	return []parityCase{
		{name: "no params", op: "CreateService", differs: required("FriendlyName"),
			ours:   func(ctx context.Context, c *twiliochat.Client) (any, error) { return c.Services.Create(ctx, nil) },
			theirs: func(c *chatv2.ApiService) (any, error) { return c.CreateService(nil) }},
		{name: "no params", op: "CreateUser", differs: required("Identity"),
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Users.Create(ctx, exService, nil)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.CreateUser(exService, nil) }},
		{name: "no params", op: "CreateRole", differs: required("FriendlyName"),
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Roles.Create(ctx, exService, nil)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.CreateRole(exService, nil) }},
		{name: "no params", op: "CreateMember", differs: required("Identity"),
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Members.Create(ctx, exService, exChannel, nil)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.CreateMember(exService, exChannel, nil) }},
		{name: "no params", op: "CreateInvite", differs: required("Identity"),
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Invites.Create(ctx, exService, exChannel, nil)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.CreateInvite(exService, exChannel, nil) }},
		{name: "no params", op: "CreateChannelWebhook", differs: required("Type"),
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.ChannelWebhooks.Create(ctx, exService, exChannel, nil)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.CreateChannelWebhook(exService, exChannel, nil) }},
		{name: "no params", op: "CreateCredential", differs: required("Type"),
			ours:   func(ctx context.Context, c *twiliochat.Client) (any, error) { return c.Credentials.Create(ctx, nil) },
			theirs: func(c *chatv2.ApiService) (any, error) { return c.CreateCredential(nil) }},
		{name: "no params", op: "CreateChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Channels.Create(ctx, exService, nil)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.CreateChannel(exService, nil) }},
		{name: "no params", op: "CreateMessage",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Messages.Create(ctx, exService, exChannel, nil)
			},
			theirs: func(c *chatv2.ApiService) (any, error) { return c.CreateMessage(exService, exChannel, nil) }},
	}
}

// migrateCases are Chat v3's one operation, through twilio-go's Chat v3
// client.
func migrateCases() []parityCase {
	return []parityCase{
		{name: "all keys", op: "MigrateChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Channels.Migrate(ctx, exService, exChannel, &twiliochat.MigrateChannelParams{
					Type: twiliochat.Ptr(twiliochat.ChannelTypePrivate), MessagingServiceSID: twiliochat.Ptr(exMessaging),
					WebhookEnabled: twiliochat.Ptr(true),
				})
			},
			theirsV3: func(c *chatv3.ApiService) (any, error) {
				return c.UpdateChannel(exService, exChannel, (&chatv3.UpdateChannelParams{}).
					SetType("private").SetMessagingServiceSid(exMessaging).SetXTwilioWebhookEnabled(webhookText(true)))
			}},
		{name: "by unique name, nothing set", op: "MigrateChannel",
			ours: func(ctx context.Context, c *twiliochat.Client) (any, error) {
				return c.Channels.Migrate(ctx, exService, "general", nil)
			},
			theirsV3: func(c *chatv3.ApiService) (any, error) {
				return c.UpdateChannel(exService, "general", &chatv3.UpdateChannelParams{})
			}},
	}
}
