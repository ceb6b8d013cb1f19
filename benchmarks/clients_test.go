package benchmarks

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat"
	"github.com/stretchr/testify/require"
	twilio "github.com/twilio/twilio-go"
	twilioclient "github.com/twilio/twilio-go/client"
	chatv2 "github.com/twilio/twilio-go/rest/chat/v2"
)

// Credentials every client uses. twilio-go refuses credentials that are not
// alphanumeric, so the token is hex.
const (
	accountSID = "AC0123456789abcdef0123456789abcdef"
	authToken  = "0123456789abcdef0123456789abcdef"
	serviceSID = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
)

// The seed's request example (/work/shared/seed/update-service.txt), with a
// valid URL and method where the seed has placeholders.
const (
	roleSID              = "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	friendlyName         = "friendly_name"
	preWebhookURL        = "https://hooks.example.com/pre_webhook_url"
	postWebhookURL       = "https://hooks.example.com/post_webhook_url"
	webhookMethod        = "POST"
	webhookFilter        = "webhook_filters"
	compatibilityMessage = "new media compatibility message"
	newMessageTemplate   = "notifications.new_message.template"
	addedTemplate        = "notifications.added_to_channel.template"
	invitedTemplate      = "notifications.invited_to_channel.template"
	removedTemplate      = "notifications.removed_from_channel.template"
)

// wantForm is the form every client must send for the seed's values: 27 keys.
func wantForm() url.Values {
	return url.Values{
		"FriendlyName":                               {friendlyName},
		"PreWebhookUrl":                              {preWebhookURL},
		"WebhookMethod":                              {webhookMethod},
		"PostWebhookUrl":                             {postWebhookURL},
		"WebhookFilters":                             {webhookFilter},
		"ReadStatusEnabled":                          {"false"},
		"Limits.UserChannels":                        {"500"},
		"ReachabilityEnabled":                        {"false"},
		"PreWebhookRetryCount":                       {"2"},
		"DefaultChannelRoleSid":                      {roleSID},
		"DefaultServiceRoleSid":                      {roleSID},
		"Limits.ChannelMembers":                      {"600"},
		"PostWebhookRetryCount":                      {"3"},
		"TypingIndicatorTimeout":                     {"100"},
		"Notifications.LogEnabled":                   {"true"},
		"ConsumptionReportInterval":                  {"100"},
		"Media.CompatibilityMessage":                 {compatibilityMessage},
		"DefaultChannelCreatorRoleSid":               {roleSID},
		"Notifications.NewMessage.Enabled":           {"false"},
		"Notifications.NewMessage.Template":          {newMessageTemplate},
		"Notifications.AddedToChannel.Enabled":       {"false"},
		"Notifications.AddedToChannel.Template":      {addedTemplate},
		"Notifications.InvitedToChannel.Enabled":     {"false"},
		"Notifications.InvitedToChannel.Template":    {invitedTemplate},
		"Notifications.RemovedFromChannel.Enabled":   {"false"},
		"Notifications.RemovedFromChannel.Template":  {removedTemplate},
		"Notifications.NewMessage.BadgeCountEnabled": {"true"},
	}
}

// ourParams is the seed's request as twiliochat params.
func ourParams() *twiliochat.UpdateServiceParams {
	return &twiliochat.UpdateServiceParams{
		FriendlyName:                 twiliochat.Ptr(friendlyName),
		PreWebhookURL:                twiliochat.Ptr(preWebhookURL),
		WebhookMethod:                twiliochat.Ptr(twiliochat.WebhookMethod(webhookMethod)),
		PostWebhookURL:               twiliochat.Ptr(postWebhookURL),
		WebhookFilters:               []string{webhookFilter},
		ReadStatusEnabled:            twiliochat.Ptr(false),
		ReachabilityEnabled:          twiliochat.Ptr(false),
		PreWebhookRetryCount:         twiliochat.Ptr(2),
		DefaultChannelRoleSID:        twiliochat.Ptr(roleSID),
		DefaultServiceRoleSID:        twiliochat.Ptr(roleSID),
		PostWebhookRetryCount:        twiliochat.Ptr(3),
		TypingIndicatorTimeout:       twiliochat.Ptr(100),
		ConsumptionReportInterval:    twiliochat.Ptr(100),
		DefaultChannelCreatorRoleSID: twiliochat.Ptr(roleSID),
		Limits:                       &twiliochat.LimitsParams{UserChannels: twiliochat.Ptr(500), ChannelMembers: twiliochat.Ptr(600)},
		Media:                        &twiliochat.MediaParams{CompatibilityMessage: twiliochat.Ptr(compatibilityMessage)},
		Notifications: &twiliochat.NotificationsParams{
			LogEnabled: twiliochat.Ptr(true),
			NewMessage: &twiliochat.NewMessageNotificationParams{
				Enabled: twiliochat.Ptr(false), Template: twiliochat.Ptr(newMessageTemplate), BadgeCountEnabled: twiliochat.Ptr(true),
			},
			AddedToChannel:     &twiliochat.NotificationParams{Enabled: twiliochat.Ptr(false), Template: twiliochat.Ptr(addedTemplate)},
			InvitedToChannel:   &twiliochat.NotificationParams{Enabled: twiliochat.Ptr(false), Template: twiliochat.Ptr(invitedTemplate)},
			RemovedFromChannel: &twiliochat.NotificationParams{Enabled: twiliochat.Ptr(false), Template: twiliochat.Ptr(removedTemplate)},
		},
	}
}

// twilioGoParams is the seed's request as twilio-go params, set the way its
// documentation shows.
func twilioGoParams() *chatv2.UpdateServiceParams {
	return (&chatv2.UpdateServiceParams{}).
		SetFriendlyName(friendlyName).
		SetPreWebhookUrl(preWebhookURL).
		SetWebhookMethod(webhookMethod).
		SetPostWebhookUrl(postWebhookURL).
		SetWebhookFilters([]string{webhookFilter}).
		SetReadStatusEnabled(false).
		SetLimitsUserChannels(500).
		SetReachabilityEnabled(false).
		SetPreWebhookRetryCount(2).
		SetDefaultChannelRoleSid(roleSID).
		SetDefaultServiceRoleSid(roleSID).
		SetLimitsChannelMembers(600).
		SetPostWebhookRetryCount(3).
		SetTypingIndicatorTimeout(100).
		SetNotificationsLogEnabled(true).
		SetConsumptionReportInterval(100).
		SetMediaCompatibilityMessage(compatibilityMessage).
		SetDefaultChannelCreatorRoleSid(roleSID).
		SetNotificationsNewMessageEnabled(false).
		SetNotificationsNewMessageTemplate(newMessageTemplate).
		SetNotificationsAddedToChannelEnabled(false).
		SetNotificationsAddedToChannelTemplate(addedTemplate).
		SetNotificationsInvitedToChannelEnabled(false).
		SetNotificationsInvitedToChannelTemplate(invitedTemplate).
		SetNotificationsRemovedFromChannelEnabled(false).
		SetNotificationsRemovedFromChannelTemplate(removedTemplate).
		SetNotificationsNewMessageBadgeCountEnabled(true)
}

// client is one of the three ways of calling Update Service, bound to a
// server.
type client struct {
	name string
	// update sends the seed's request once and returns the SID of the Service
	// in the answer.
	update func(ctx context.Context) (string, error)
}

// newClients returns the three clients, each as a user would set it up,
// sending to baseURL. Transports are their own, so connection counts do not
// mix.
func newClients(tb testing.TB, baseURL string) []client {
	tb.Helper()
	return []client{newTwilioChat(tb, baseURL, nil), newTwilioGo(tb, baseURL, nil), newFloor(tb, baseURL, nil)}
}

// newTwilioChat returns twiliochat's default client, or one sending through
// rt when rt is not nil.
func newTwilioChat(tb testing.TB, baseURL string, rt http.RoundTripper) client {
	tb.Helper()
	c := newTwilioChatClient(tb, baseURL, rt)
	params := ourParams()
	return client{name: "twiliochat", update: func(ctx context.Context) (string, error) {
		svc, err := c.Services.Update(ctx, serviceSID, params)
		if err != nil {
			return "", err
		}
		return svc.SID, nil
	}}
}

// newTwilioChatClient returns twiliochat's Client with its defaults, sending
// to baseURL, or through rt when rt is not nil.
func newTwilioChatClient(tb testing.TB, baseURL string, rt http.RoundTripper) *twiliochat.Client {
	tb.Helper()
	opts := []twiliochat.Option{twiliochat.WithBaseURL(baseURL)}
	if rt != nil {
		opts = append(opts, twiliochat.WithHTTPClient(&http.Client{Transport: rt}))
	}
	c, err := twiliochat.NewClient(accountSID, authToken, opts...)
	require.NoError(tb, err)
	tb.Cleanup(c.CloseIdleConnections)
	return c
}

// newTwilioGo returns twilio-go's client as it is by default (a 10 s
// timeout, no redirects, a transport like http.DefaultTransport) with a
// RoundTripper that rewrites chat.twilio.com to baseURL. When rt is not nil
// it sends through rt instead, without a timeout, as twiliochat does with
// WithHTTPClient.
func newTwilioGo(tb testing.TB, baseURL string, rt http.RoundTripper) client {
	tb.Helper()
	c := newTwilioGoClient(tb, baseURL, rt)
	params := twilioGoParams()
	return client{name: "twiliogo", update: func(context.Context) (string, error) {
		svc, err := c.ChatV2.UpdateService(serviceSID, params)
		if err != nil {
			return "", err
		}
		if svc.Sid == nil {
			return "", nil
		}
		return *svc.Sid, nil
	}}
}

// newTwilioGoClient returns the twilio-go client newTwilioGo calls.
func newTwilioGoClient(tb testing.TB, baseURL string, rt http.RoundTripper) *twilio.RestClient {
	tb.Helper()
	hc := &http.Client{
		Transport:     rt,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	if rt == nil {
		target, err := url.Parse(baseURL)
		require.NoError(tb, err)
		transport := http.DefaultTransport.(*http.Transport).Clone()
		tb.Cleanup(transport.CloseIdleConnections)
		hc.Transport = &rewriteHost{scheme: target.Scheme, host: target.Host, next: transport}
		hc.Timeout = 10 * time.Second
	}
	base := &twilioclient.Client{
		Credentials: twilioclient.NewCredentials(accountSID, authToken),
		HTTPClient:  hc,
	}
	base.SetAccountSid(accountSID)
	return twilio.NewRestClientWithParams(twilio.ClientParams{Client: base})
}

// rewriteHost sends requests to another scheme and host. It copies the
// request and its URL (two allocations) rather than cloning it, to add as
// little as it can to twilio-go's figures.
type rewriteHost struct {
	scheme, host string
	next         http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (rt *rewriteHost) RoundTrip(req *http.Request) (*http.Response, error) {
	r := *req
	u := *req.URL
	u.Scheme, u.Host = rt.scheme, rt.host
	r.URL, r.Host = &u, ""
	return rt.next.RoundTrip(&r)
}

// floorService is what the floor decodes: the fields of the Service JSON, in
// plain Go types, as someone would write by hand.
type floorService struct {
	SID                          string    `json:"sid"`
	AccountSID                   string    `json:"account_sid"`
	FriendlyName                 string    `json:"friendly_name"`
	DateCreated                  time.Time `json:"date_created"`
	DateUpdated                  time.Time `json:"date_updated"`
	DefaultServiceRoleSID        string    `json:"default_service_role_sid"`
	DefaultChannelRoleSID        string    `json:"default_channel_role_sid"`
	DefaultChannelCreatorRoleSID string    `json:"default_channel_creator_role_sid"`
	ReadStatusEnabled            bool      `json:"read_status_enabled"`
	ReachabilityEnabled          bool      `json:"reachability_enabled"`
	TypingIndicatorTimeout       int       `json:"typing_indicator_timeout"`
	ConsumptionReportInterval    int       `json:"consumption_report_interval"`
	Limits                       struct {
		ChannelMembers int `json:"channel_members"`
		UserChannels   int `json:"user_channels"`
	} `json:"limits"`
	PreWebhookURL         string   `json:"pre_webhook_url"`
	PostWebhookURL        string   `json:"post_webhook_url"`
	WebhookMethod         string   `json:"webhook_method"`
	WebhookFilters        []string `json:"webhook_filters"`
	PreWebhookRetryCount  int      `json:"pre_webhook_retry_count"`
	PostWebhookRetryCount int      `json:"post_webhook_retry_count"`
	Notifications         struct {
		LogEnabled bool `json:"log_enabled"`
		NewMessage struct {
			Enabled           bool   `json:"enabled"`
			Template          string `json:"template"`
			Sound             string `json:"sound"`
			BadgeCountEnabled bool   `json:"badge_count_enabled"`
		} `json:"new_message"`
		AddedToChannel     floorNotification `json:"added_to_channel"`
		RemovedFromChannel floorNotification `json:"removed_from_channel"`
		InvitedToChannel   floorNotification `json:"invited_to_channel"`
	} `json:"notifications"`
	Media struct {
		SizeLimitMB          int    `json:"size_limit_mb"`
		CompatibilityMessage string `json:"compatibility_message"`
	} `json:"media"`
	URL   string            `json:"url"`
	Links map[string]string `json:"links"`
}

// floorNotification is one channel notification of floorService.
type floorNotification struct {
	Enabled  bool   `json:"enabled"`
	Template string `json:"template"`
	Sound    string `json:"sound"`
}

// newFloor returns the hand-written net/http call: a body encoded once, the
// same headers twiliochat sends, a transport with enough idle connections,
// and a decode into floorService. No SDK can do less for the same request.
// It sends through rt when rt is not nil.
func newFloor(tb testing.TB, baseURL string, rt http.RoundTripper) client {
	tb.Helper()
	f := newFloorCaller(tb, baseURL, rt)
	target := baseURL + "/v2/Services/" + serviceSID
	body := wantForm().Encode()
	return client{name: "floor", update: func(ctx context.Context) (string, error) {
		var svc floorService
		if err := f.do(ctx, http.MethodPost, target, body, nil, &svc); err != nil {
			return "", err
		}
		return svc.SID, nil
	}}
}

// floorCaller is the floor's way of calling the API: one http.Client with
// enough idle connections, the headers twiliochat sends, a json.Decoder
// over the answer.
type floorCaller struct {
	hc   *http.Client
	auth string
}

// newFloorCaller returns a floorCaller with its own transport, or sending
// through rt when rt is not nil.
func newFloorCaller(tb testing.TB, baseURL string, rt http.RoundTripper) *floorCaller {
	tb.Helper()
	if rt == nil {
		transport := http.DefaultTransport.(*http.Transport).Clone()
		transport.MaxIdleConns = 100
		transport.MaxIdleConnsPerHost = 100
		tb.Cleanup(transport.CloseIdleConnections)
		rt = transport
	}
	return &floorCaller{
		hc:   &http.Client{Transport: rt},
		auth: "Basic " + base64.StdEncoding.EncodeToString([]byte(accountSID+":"+authToken)),
	}
}

// do sends method to target with body (a form; none when empty) and the
// extra header, and decodes a 200 answer into out.
func (f *floorCaller) do(ctx context.Context, method, target, body string, extra http.Header, out any) error {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", f.auth)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "floor/1.0")
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range extra {
		req.Header[k] = v
	}
	resp, err := f.hc.Do(req)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// readServiceJSON returns the seed's Update Service response.
func readServiceJSON(tb testing.TB) []byte {
	tb.Helper()
	body, err := os.ReadFile("../testdata/service.json")
	require.NoError(tb, err)
	return body
}
