package twiliochattest

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"

	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/internal/convspec"
	"github.com/e3f0929f/twiliochat/webhook"
)

// SetDeliveryStatus changes the delivery receipt receiptSID (DY…) of a
// Conversations message to status, as the report of the carrier or of
// WhatsApp does on Twilio, and sends onDeliveryUpdated to the Conversations
// webhooks whose filters name it: the Service's or else the account's, and
// the conversation's own. Twilio sends it without X-Twilio-Webhook-Enabled,
// since no REST call acts: "you are able to see individual receipts by
// setting up a dedicated webhook" (Twilio's changelog, "Delivery Receipts
// bring instant message statuses to Conversations", 2020-07-15).
//
// errorCode is Twilio's error code for a failed or undelivered delivery
// (30006, say), 0 for none. The receipt's DateUpdated becomes the Server's
// time, and its message's Delivery summary follows.
//
// A receipt is made for each participant with an address (an SMS or
// WhatsApp number) when a message is created, with the status "sent"; read
// their SIDs with the Receipts resource. SetDeliveryStatus returns an
// error, and changes and sends nothing, for an unknown receipt, a status
// the spec does not define, or an errorCode below 0 or with a status other
// than failed or undelivered.
func (s *Server) SetDeliveryStatus(receiptSID string, status conversations.DeliveryStatus, errorCode int) error {
	if !slices.Contains(convspec.DeliveryStatuses, string(status)) {
		return fmt.Errorf("twiliochattest: delivery status %q is not one of %q", status, convspec.DeliveryStatuses)
	}
	if errorCode < 0 {
		return fmt.Errorf("twiliochattest: error code %d is below 0", errorCode)
	}
	if errorCode != 0 && status != convspec.DeliveryStatusFailed && status != convspec.DeliveryStatusUndelivered {
		return fmt.Errorf("twiliochattest: error code %d with the status %q: only a failed or undelivered delivery has one", errorCode, status)
	}
	s.mu.Lock()
	r := s.receipts.bySID(receiptSID)
	if r == nil {
		s.mu.Unlock()
		return fmt.Errorf("twiliochattest: no delivery receipt %q", receiptSID)
	}
	r.Status = string(status)
	r.ErrorCode = nil
	if errorCode != 0 {
		r.ErrorCode = &errorCode
	}
	r.DateUpdated = ptr(s.timestamp())
	s.emitOwn(deliveryEvent(s.channels.bySID(r.ConversationSID).ServiceSID, *r))
	s.unlockAndDeliver(nil)
	return nil
}

// deliveryEvent is onDeliveryUpdated for r, a receipt of a conversation in
// the Service serviceSID, with the parameters of Twilio's Delivery Updated
// event (https://www.twilio.com/docs/events/event-types/conversations/delivery):
// no Source or ClientIdentity, since neither a REST call nor an SDK acted,
// and an ErrorCode only when the receipt has one.
func deliveryEvent(serviceSID string, r receipt) event {
	p := url.Values{
		"ConversationSid":    {r.ConversationSID},
		"MessageSid":         {r.MessageSID},
		"DeliveryReceiptSid": {r.SID},
		"ChannelMessageSid":  {r.ChannelMessageSID},
		"ParticipantSid":     {r.ParticipantSID},
		"Status":             {r.Status},
		"DateCreated":        {r.DateCreated},
	}
	setPtr(p, "DateUpdated", r.DateUpdated)
	if r.ErrorCode != nil {
		p.Set("ErrorCode", strconv.Itoa(*r.ErrorCode))
	}
	return event{typ: webhook.EventDeliveryUpdated, conv: true, serviceSID: serviceSID, channelSID: r.ConversationSID, params: p}
}

// summarize is the "delivery" of a message whose receipts are receipts,
// nil without any: for each status, whether "all", "some" or "none" of
// them are in it. No page found says whether a receipt that moved on
// (delivered, read) still counts as sent; the fake counts each receipt
// under its present status only.
func summarize(receipts []receipt) *deliverySummary {
	if len(receipts) == 0 {
		return nil
	}
	share := func(status string) string {
		n := 0
		for _, r := range receipts {
			if r.Status == status {
				n++
			}
		}
		switch n {
		case 0:
			return "none"
		case len(receipts):
			return "all"
		}
		return "some"
	}
	return &deliverySummary{
		Total:       len(receipts),
		Sent:        share(convspec.DeliveryStatusSent),
		Delivered:   share(convspec.DeliveryStatusDelivered),
		Read:        share(convspec.DeliveryStatusRead),
		Failed:      share(convspec.DeliveryStatusFailed),
		Undelivered: share(convspec.DeliveryStatusUndelivered),
	}
}
