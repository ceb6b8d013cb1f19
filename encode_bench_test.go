package twiliochat

import (
	"testing"

	"github.com/google/go-querystring/query"
)

// benchParams is the seed's request example, all 27 keys, with valid URLs
// and method: the params of the benchmarks module.
func benchParams() *UpdateServiceParams {
	role := "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	return &UpdateServiceParams{
		FriendlyName:                 Ptr("friendly_name"),
		PreWebhookURL:                Ptr("https://hooks.example.com/pre_webhook_url"),
		WebhookMethod:                Ptr("POST"),
		PostWebhookURL:               Ptr("https://hooks.example.com/post_webhook_url"),
		WebhookFilters:               []string{"webhook_filters"},
		ReadStatusEnabled:            Ptr(false),
		ReachabilityEnabled:          Ptr(false),
		PreWebhookRetryCount:         Ptr(2),
		DefaultChannelRoleSID:        Ptr(role),
		DefaultServiceRoleSID:        Ptr(role),
		PostWebhookRetryCount:        Ptr(3),
		TypingIndicatorTimeout:       Ptr(100),
		ConsumptionReportInterval:    Ptr(100),
		DefaultChannelCreatorRoleSID: Ptr(role),
		Limits:                       &LimitsParams{UserChannels: Ptr(500), ChannelMembers: Ptr(600)},
		Media:                        &MediaParams{CompatibilityMessage: Ptr("new media compatibility message")},
		Notifications: &NotificationsParams{
			LogEnabled: Ptr(true),
			NewMessage: &NewMessageNotificationParams{
				Enabled: Ptr(false), Template: Ptr("notifications.new_message.template"), BadgeCountEnabled: Ptr(true),
			},
			AddedToChannel:     &NotificationParams{Enabled: Ptr(false), Template: Ptr("notifications.added_to_channel.template")},
			InvitedToChannel:   &NotificationParams{Enabled: Ptr(false), Template: Ptr("notifications.invited_to_channel.template")},
			RemovedFromChannel: &NotificationParams{Enabled: Ptr(false), Template: Ptr("notifications.removed_from_channel.template")},
		},
	}
}

// BenchmarkEncodeForm measures params to form body alone: go-querystring
// with url.Values.Encode (what the SDK did before) and encodeBody (what
// Update sends).
func BenchmarkEncodeForm(b *testing.B) {
	params := benchParams()
	encoders := []struct {
		name   string
		encode func() (int, error)
	}{
		{"querystring", func() (int, error) {
			form, err := query.Values(params)
			return len(form.Encode()), err
		}},
		{"encodeBody", func() (int, error) {
			body, err := encodeBody(params)
			return len(body), err
		}},
	}
	for _, e := range encoders {
		b.Run(e.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if n, err := e.encode(); err != nil || n == 0 {
					b.Fatal(n, err)
				}
			}
		})
	}
}
