package twiliochat

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// form parses the body of r as a form.
func (r seenRequest) form(t *testing.T) url.Values {
	t.Helper()
	form, err := url.ParseQuery(r.Body)
	require.NoError(t, err)
	return form
}

// newTestServices starts a recorder answering with handler and returns the
// Services of a client pointed at it.
func newTestServices(t *testing.T, handler http.HandlerFunc) (*ServicesService, *recorder) {
	t.Helper()
	rec := newRecorder(t, handler)
	return rec.client(t).Services, rec
}

// assertRequest checks the method, path and query of r, and its headers as
// assertHeaders does.
func assertRequest(t *testing.T, r seenRequest, method, path, query string) {
	t.Helper()
	assert.Equal(t, method, r.Method)
	assert.Equal(t, path, r.Path)
	assert.Equal(t, query, r.Query.Encode())
	assertHeaders(t, r)
}

// assertHeaders checks the headers every request carries, and that
// Content-Type is the form type exactly when a body was sent.
func assertHeaders(t *testing.T, r seenRequest) {
	t.Helper()
	user, pass, ok := (&http.Request{Header: r.Header}).BasicAuth()
	assert.True(t, ok, "no basic auth")
	assert.Equal(t, testAccountSID, user)
	assert.Equal(t, testAuthToken, pass)
	assert.Equal(t, "application/json", r.Header.Get("Accept"))
	assert.True(t, strings.HasPrefix(r.Header.Get("User-Agent"), "twiliochat/"+Version+" "), r.Header.Get("User-Agent"))
	if r.Body == "" {
		assert.Empty(t, r.Header.Values("Content-Type"))
	} else {
		assert.Equal(t, "application/x-www-form-urlencoded", r.Header.Get("Content-Type"))
	}
}

// specService is the Service of the spec's Create, Fetch and List examples,
// field by field.
func specService() Service {
	date := time.Date(2015, 7, 30, 20, 0, 0, 0, time.UTC)
	base := "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	return Service{
		SID:                          "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		AccountSID:                   "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		FriendlyName:                 "friendly_name",
		DateCreated:                  date,
		DateUpdated:                  date,
		DefaultServiceRoleSID:        "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		DefaultChannelRoleSID:        "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		DefaultChannelCreatorRoleSID: "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		ReadStatusEnabled:            false,
		ReachabilityEnabled:          false,
		TypingIndicatorTimeout:       100,
		ConsumptionReportInterval:    100,
		Limits:                       ServiceLimits{ChannelMembers: 100, UserChannels: 250},
		PreWebhookURL:                "pre_webhook_url",
		PostWebhookURL:               "post_webhook_url",
		WebhookMethod:                "webhook_method",
		WebhookFilters:               []string{"webhook_filters"},
		PreWebhookRetryCount:         2,
		PostWebhookRetryCount:        3,
		Notifications:                ServiceNotifications{},
		Media:                        ServiceMedia{SizeLimitMB: 150, CompatibilityMessage: "media compatibility message"},
		URL:                          base,
		Links: map[string]string{
			"channels": base + "/Channels",
			"users":    base + "/Users",
			"roles":    base + "/Roles",
			"bindings": base + "/Bindings",
		},
	}
}
