// Package webhook receives Twilio Programmable Chat and Conversations
// webhooks: it checks the X-Twilio-Signature of each request, decodes the
// pre- and post-event parameters into typed events, and serves them as an
// http.Handler that calls your functions and answers Twilio for you. It uses
// only the standard library.
//
// # Configure the service
//
// Point the Chat Service at your server with the core SDK, choosing the
// events you want with WebhookFilters:
//
//	_, err := client.Services.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{
//		PreWebhookURL:  twiliochat.Ptr("https://example.com/twilio/chat"),
//		PostWebhookURL: twiliochat.Ptr("https://example.com/twilio/chat"),
//		WebhookMethod:  twiliochat.Ptr("POST"),
//		WebhookFilters: []string{"onMessageSend", "onMessageSent"},
//	})
//
// Pre-events (onMessageSend, onChannelAdd, …) arrive before the action and
// can stop it; post-events (onMessageSent, onChannelAdded, …) arrive after.
// Both may share one URL. A Channel Webhook (client.ChannelWebhooks, type
// webhook) sends one channel's events to a URL of its own, signed the same
// way; its events carry WebhookSid and WebhookType (Event.WebhookSID,
// Event.WebhookType). Post-events of REST calls come only from calls that
// set WebhookEnabled (the X-Twilio-Webhook-Enabled header).
//
// # Serve the webhook
//
//	h, err := webhook.NewHandler(os.Getenv("TWILIO_AUTH_TOKEN"))
//	if err != nil {
//		log.Fatal(err)
//	}
//	h.OnMessageSend(func(ctx context.Context, e *webhook.MessageSendEvent) (webhook.Decision, error) {
//		if strings.Contains(e.Body, "spam") {
//			return webhook.Reject(), nil // 403: Twilio drops the message
//		}
//		return webhook.Allow(), nil // 200
//	})
//	h.OnMessageSent(func(ctx context.Context, e *webhook.MessageSentEvent) error {
//		return archive(ctx, e) // 200, or 500 on error
//	})
//	http.Handle("/twilio/chat", h)
//
// A pre-event function answers with Allow, Reject, or Modify, which lets an
// onMessageSend or onMessageUpdate go ahead with a changed body, attributes
// or author. Events without a registered function are answered 200, so they
// are allowed; passing nil to an On… method leaves its events unregistered
// (and removes a function registered before). A function that returns an
// error or panics gets a 500 with a generic body; details go only to the
// logger set with WithLogger, which logs a rejected signature and a request
// that does not decode at Warn and a failed or panicking function at Error,
// never the parameters, the body, the signature or a token. Twilio waits only a few seconds for a
// pre-event answer, so each function gets a context with a deadline
// (DefaultTimeout, or WithTimeout).
//
// The Handler answers 401 to a request whose signature is missing or wrong,
// without calling anything, and 405 to methods other than GET and POST.
// Both WebhookMethod values work: with POST the parameters are the form
// body, with GET they are the query.
//
// # Signatures
//
// Twilio signs each request with HMAC-SHA1, keyed with the account's auth
// token, over the full URL it called followed by the POST parameters sorted
// by key, each as key+value; a GET is signed over its URL and query alone.
// Verify checks this for an *http.Request (VerifyRequest also returns the
// signed parameters), ValidSignature for a URL and parameters you already
// have, and Sign computes a signature for tests.
// Like Twilio's own libraries they accept the URL with or without the
// default port (":443", ":80"), and, for a key that repeats a value, the
// signature over every occurrence (as twilio-go computes it) or over each
// distinct value once (as twilio-node, twilio-php and twilio-python do).
//
// A POST whose body is not a form (JSON, text, multipart) is signed over its
// URL alone, and that URL carries a bodySHA256 parameter, the hex SHA-256 of
// the body. Verify checks both, as Twilio's libraries do, and refuses such a
// request when the URL has no bodySHA256.
//
// Verify rebuilds the URL from the request (scheme from r.TLS, r.Host, and
// the request URI as received). Behind a proxy or load balancer that is not
// the URL Twilio called: set it with WithPublicURL("https://example.com"),
// or compute it per request with WithURLFunc. To rotate the auth token,
// accept the old and the new one with WithSecondaryToken. Verify reads the
// body once, up to 1 MiB (WithMaxBodyBytes), and puts it back so later
// handlers can read it.
//
// Errors are sentinel values for errors.Is: ErrMissingToken,
// ErrMissingSignature, ErrInvalidSignature, ErrBodyTooLarge,
// ErrMethodNotAllowed, ErrBadOption. ErrInvalidSignature comes as a
// *SignatureError naming the URL the signature was checked against, which is
// the first thing to compare with the URL configured at Twilio when every
// request is refused. No error ever includes an auth token, and a password
// in the URL is blanked out.
//
// # Events
//
// Parse turns the parameters into a Payload: a typed event such as
// *MessageSendEvent or *MemberAddedEvent, or a plain *Event for an event type
// this package does not know. Every typed event embeds Event, with the fields
// all Chat webhooks carry (EventType, AccountSID, InstanceSID,
// ClientIdentity, RetryCount, …) and every raw parameter in Event.Params.
// The events of one resource also embed its shared fields (MessageFields,
// ChannelFields, MemberFields), so e.Body or e.ChannelSID reads the same on
// every message event.
// Dates decode to time.Time, indexes to int and the attributes of messages,
// channels, members and users to json.RawMessage; a malformed value gives a
// *FieldError naming the parameter, and a request without EventType gives
// ErrMissingEventType.
//
// # Conversations
//
// Conversations sends its own pre- and post-action webhooks, documented at
// https://www.twilio.com/docs/conversations/conversations-webhooks, signed
// the same way: the same Handler verifies them, with the same checks, and
// decodes each into a typed event (*ConversationMessageAddEvent,
// *ParticipantAddedEvent, *DeliveryUpdatedEvent, …) that embeds
// ConversationsEvent, the Event fields plus ChatServiceSID. Fields are
// named as in the Chat events where they mean the same (MessageSID, Index,
// Body, Attributes, Identity, RoleSID, DateCreated, …); a message's Media is
// the decoded array of its files and a participant's MessagingBinding its
// SMS or WhatsApp addresses. Register them with OnConversationMessageAdd,
// OnConversationAdd, OnParticipantAdd, OnDeliveryUpdated and the other
// OnConversation… and OnParticipant… methods.
//
// A pre-action function answers as for Chat: Allow (200, no body), Reject
// (403; Twilio rejects on any 4xx or 5xx, so a function that fails rejects
// too), Modify for onMessageAdd and onMessageUpdate (body, author,
// attributes) or ModifyConversation for onConversationAdd and
// onConversationUpdate (friendly name, the one field Twilio lets change).
// Twilio waits 5 seconds at most for the answer: a Chat pre-event that
// times out fails its action (error 50076,
// https://www.twilio.com/docs/api/errors/50076), and twiliochattest treats
// a Conversations one the same way, as Twilio's Conversations page says
// only that its webhooks time out after 5 seconds. A function's context
// ends after DefaultTimeout, also 5 seconds, so set a shorter WithTimeout
// for the answer to reach Twilio in time.
//
// One Handler can serve a Chat Service and a Conversation Service on one
// URL, or each product its own Handler: events without a function are
// answered 200. Some event types are sent by both products (onMessageUpdate,
// onMessageUpdated, onMessageRemove, onMessageRemoved, onUserAdded,
// onUserUpdate, onUserUpdated); such an event is a Conversations one when it
// carries ConversationSid or ChatServiceSid, which Chat never sends, and
// otherwise a Chat one. It reaches only the function of its own product, so
// a Chat-only Handler never passes a Conversations onMessageUpdate to
// OnMessageUpdate.
//
// # Testing your handlers
//
// Build requests with httptest and sign them with Sign, using any token you
// gave NewHandler:
//
//	form := url.Values{"EventType": {"onMessageSend"}, "Body": {"hello"}}
//	r := httptest.NewRequest("POST", "https://example.com/twilio/chat", strings.NewReader(form.Encode()))
//	r.Header.Set(webhook.SignatureHeader, webhook.Sign("test-token", "https://example.com/twilio/chat", form))
//	w := httptest.NewRecorder()
//	h.ServeHTTP(w, r)
//
// Or test the handler end to end against the fake of package
// twiliochattest: it calls the Service's webhook URLs as Twilio does,
// signed with the fake's auth token, with pre-events for what a user does
// through its SDKClient (Server.ConnectAs, or Server.ConnectConversationsAs
// for Conversations' events) and post-events for REST calls that set
// WebhookEnabled.
package webhook
