package twiliochattest_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/twiliochattest"
	"github.com/e3f0929f/twiliochat/webhook"
)

// smsMessage makes a conversation in svc with two SMS participants and a
// message to them, with no webhook, and returns the conversation, the
// message and its two receipts.
func smsMessage(t *testing.T, srv *twiliochattest.Server, svc string) (ch, im string, receipts []*conversations.Receipt) {
	t.Helper()
	base := "/v1/Services/" + svc + "/Conversations"
	ch = convCall(t, srv, false, http.MethodPost, base, url.Values{})["sid"].(string)
	for _, phone := range []string{"+15551234567", "+15551234568"} {
		convCall(t, srv, false, http.MethodPost, base+"/"+ch+"/Participants",
			url.Values{"MessagingBinding.Address": {phone}, "MessagingBinding.ProxyAddress": {"+15005550006"}})
	}
	im = convCall(t, srv, false, http.MethodPost, base+"/"+ch+"/Messages", url.Values{"Body": {"your order shipped"}})["sid"].(string)
	for r, err := range srv.NewConversationsClient().Service(svc).Receipts.List(context.Background(), ch, im, nil) {
		require.NoError(t, err)
		receipts = append(receipts, r)
	}
	require.Len(t, receipts, 2, "a receipt for each participant with an address")
	return ch, im, receipts
}

func TestSetDeliveryStatus(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, clock := newServerWithClock(t)
	service, scoped := newReceiver(t, srv.AuthToken()), newReceiver(t, srv.AuthToken())
	svc := convService(t, srv, service.URL, http.MethodPost, "onDeliveryUpdated")
	ch, im, receipts := smsMessage(t, srv, svc)
	wh := convCall(t, srv, false, http.MethodPost, "/v1/Services/"+svc+"/Conversations/"+ch+"/Webhooks", url.Values{
		"Target": {"webhook"}, "Configuration.Url": {scoped.URL}, "Configuration.Filters": {"onDeliveryUpdated"},
	})["sid"].(string)
	client := srv.NewConversationsClient().Service(svc)
	m, err := client.Messages.Fetch(ctx, ch, im)
	require.NoError(t, err)
	assert.Equal(t, &conversations.Delivery{Total: 2, Sent: "all", Delivered: "none", Read: "none", Failed: "none", Undelivered: "none"}, m.Delivery)
	require.Empty(t, waitHooks(t, srv), "nothing before a report")

	clock.Advance(time.Minute)
	require.NoError(t, srv.SetDeliveryStatus(receipts[0].SID, conversations.DeliveryStatusDelivered, 0))
	require.NoError(t, srv.SetDeliveryStatus(receipts[1].SID, conversations.DeliveryStatusUndelivered, 30006))
	ds := waitHooks(t, srv)

	want := func(r *conversations.Receipt, status string, code int) *webhook.DeliveryUpdatedEvent {
		return &webhook.DeliveryUpdatedEvent{
			ConversationsEvent: convEvent(srv, svc, "onDeliveryUpdated", "", ""),
			ConversationSID:    ch, MessageSID: im, DeliveryReceiptSID: r.SID, ChannelMessageSID: r.ChannelMessageSID,
			ParticipantSID: r.ParticipantSID, Status: status, ErrorCode: code,
			DateCreated: t0, DateUpdated: t0.Add(time.Minute),
		}
	}
	for _, level := range []struct {
		name string
		rc   *receiver
		sid  string
		typ  string
	}{{"the Service's", service, "", ""}, {"the conversation's", scoped, wh, "webhook"}} {
		got := level.rc.take(t)
		require.Len(t, got, 2, level.name)
		for i, w := range []*webhook.DeliveryUpdatedEvent{want(receipts[0], "delivered", 0), want(receipts[1], "undelivered", 30006)} {
			w.WebhookSID, w.WebhookType = level.sid, level.typ
			assert.Equal(t, w, withoutParams(got[i]), level.name)
		}
	}
	require.Len(t, ds, 4)
	for _, d := range ds {
		assert.Equal(t, "onDeliveryUpdated", d.EventType)
		assert.NotContains(t, d.Params, "Source", "Twilio's own report: no REST call or SDK acted")
		assert.NotContains(t, d.Params, "ClientIdentity")
		if d.Params.Get("DeliveryReceiptSid") == receipts[0].SID {
			assert.NotContains(t, d.Params, "ErrorCode", "a delivered receipt has none")
		}
	}
	assert.ElementsMatch(t, []string{"", "", wh, wh}, []string{ds[0].WebhookSID, ds[1].WebhookSID, ds[2].WebhookSID, ds[3].WebhookSID})

	for i, want := range []struct {
		status conversations.DeliveryStatus
		code   int
	}{{conversations.DeliveryStatusDelivered, 0}, {conversations.DeliveryStatusUndelivered, 30006}} {
		r, err := client.Receipts.Fetch(ctx, ch, im, receipts[i].SID)
		require.NoError(t, err)
		assert.Equal(t, want.status, r.Status)
		assert.Equal(t, want.code, r.ErrorCode)
		assert.Equal(t, t0, r.DateCreated)
		assert.Equal(t, t0.Add(time.Minute), r.DateUpdated)
	}
	m, err = client.Messages.Fetch(ctx, ch, im)
	require.NoError(t, err)
	assert.Equal(t, &conversations.Delivery{Total: 2, Sent: "none", Delivered: "some", Read: "none", Failed: "none", Undelivered: "some"}, m.Delivery)
}

func TestSetDeliveryStatusRefuses(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	rc := newReceiver(t, srv.AuthToken())
	svc := convService(t, srv, rc.URL, http.MethodPost, "onDeliveryUpdated")
	ch, im, receipts := smsMessage(t, srv, svc)
	dy := receipts[0].SID
	tests := []struct {
		name    string
		receipt string
		status  conversations.DeliveryStatus
		code    int
		wantErr string
	}{
		{"unknown receipt", "DY0123456789abcdef0123456789abcdef", conversations.DeliveryStatusRead, 0, `no delivery receipt "DY0123456789abcdef0123456789abcdef"`},
		{"message SID", im, conversations.DeliveryStatusRead, 0, "no delivery receipt"},
		{"empty status", dy, "", 0, `delivery status "" is not one of`},
		{"status the spec lacks", dy, "lost", 0, `delivery status "lost" is not one of`},
		{"negative code", dy, conversations.DeliveryStatusFailed, -1, "error code -1 is below 0"},
		{"code with delivered", dy, conversations.DeliveryStatusDelivered, 30006, `error code 30006 with the status "delivered"`},
		{"code with read", dy, conversations.DeliveryStatusRead, 30006, `with the status "read"`},
		{"code with sent", dy, conversations.DeliveryStatusSent, 30006, `with the status "sent"`},
	}
	for _, tt := range tests {
		err := srv.SetDeliveryStatus(tt.receipt, tt.status, tt.code)
		require.Error(t, err, tt.name)
		assert.Contains(t, err.Error(), tt.wantErr, tt.name)
	}
	for _, tt := range []struct {
		status conversations.DeliveryStatus
		code   int
	}{{conversations.DeliveryStatusFailed, 30008}, {conversations.DeliveryStatusUndelivered, 0}, {conversations.DeliveryStatusRead, 0}} {
		assert.NoError(t, srv.SetDeliveryStatus(dy, tt.status, tt.code), "%s %d", tt.status, tt.code)
	}
	require.Len(t, waitHooks(t, srv), 3, "only the accepted reports are sent")
	require.Len(t, rc.take(t), 3)
	r, err := srv.NewConversationsClient().Service(svc).Receipts.Fetch(context.Background(), ch, im, dy)
	require.NoError(t, err)
	assert.Equal(t, conversations.DeliveryStatusRead, r.Status)
	assert.Zero(t, r.ErrorCode, "a later status without a code clears it")
}
