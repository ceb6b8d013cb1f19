// Package twiliochattest is an in-memory fake of the Twilio Programmable
// Chat v2 REST API, served over HTTP on a loopback address: all 54 operations of
// Services, Roles, Users, Channels, Members, Messages, Invites, Channel
// Webhooks, Bindings, User Bindings, User Channels and Credentials, Chat
// v3's one (a Channel's migration), and the Service's webhooks, which it
// calls as Twilio does. It serves the 103 operations of Conversations v1
// too, over the same data (see Conversations).
//
// Test your code against it instead of mocking HTTP by hand. In a test, New
// starts a Server that closes when the test ends, NewClient returns a
// twiliochat Client already pointed at it, and a Seed method (see Seeding)
// puts in what the test needs:
//
//	func TestRenameSupport(t *testing.T) {
//		srv := twiliochattest.New(t)
//		client := srv.NewClient()
//		sid, err := srv.SeedService("support")
//		if err != nil {
//			t.Fatal(err)
//		}
//
//		if err := renameSupport(ctx, client.Services, sid, "help desk"); err != nil {
//			t.Fatal(err)
//		}
//		if got := srv.RequestsTo("POST /v2/Services/{Sid}"); got[0].Form.Get("FriendlyName") != "help desk" {
//			t.Errorf("sent %v", got[0].Form)
//		}
//	}
//
// NewClient's Client retries as a default Client does but never waits
// (twiliochat.RetryPolicy.NoWait), so a retried call takes microseconds.
// Any other client (twilio-go, plain net/http) works too: point it at
// Server.URL with Server.AccountSID and Server.AuthToken as credentials.
// The fake's handlers speak only HTTP and JSON and never call the SDK, so
// they also catch client bugs in the wire format; only NewClient calls it.
// Server.Client returns an *http.Client that sends requests to the fake
// only, and refuses any other host, so that a twiliochat Client given
// WithHTTPClient(srv.Client()) but no WithBaseURL cannot send the fake's
// credentials to Twilio.
//
// # What it serves
//
//	GET, POST          /v2/Services
//	GET, POST, DELETE  /v2/Services/{Sid}
//	GET, POST          /v2/Services/{ServiceSid}/Roles
//	GET, POST, DELETE  /v2/Services/{ServiceSid}/Roles/{Sid}
//	GET, POST          /v2/Services/{ServiceSid}/Users
//	GET, POST, DELETE  /v2/Services/{ServiceSid}/Users/{Sid}
//	GET, POST          /v2/Services/{ServiceSid}/Channels
//	GET, POST, DELETE  /v2/Services/{ServiceSid}/Channels/{Sid}
//	GET, POST          /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members
//	GET, POST, DELETE  /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members/{Sid}
//	GET, POST          /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages
//	GET, POST, DELETE  /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages/{Sid}
//	GET, POST          /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Invites
//	GET, DELETE        /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Invites/{Sid}
//	GET                /v2/Services/{ServiceSid}/Bindings
//	GET, DELETE        /v2/Services/{ServiceSid}/Bindings/{Sid}
//	GET                /v2/Services/{ServiceSid}/Users/{UserSid}/Bindings
//	GET, DELETE        /v2/Services/{ServiceSid}/Users/{UserSid}/Bindings/{Sid}
//	GET                /v2/Services/{ServiceSid}/Users/{UserSid}/Channels
//	GET, POST, DELETE  /v2/Services/{ServiceSid}/Users/{UserSid}/Channels/{ChannelSid}
//	GET, POST          /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Webhooks
//	GET, POST, DELETE  /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Webhooks/{Sid}
//	GET, POST          /v2/Credentials
//	GET, POST, DELETE  /v2/Credentials/{Sid}
//	POST               /v3/Services/{ServiceSid}/Channels/{Sid}
//
// and every path of Conversations v1 under /v1 (see Conversations).
//
// Bodies are application/x-www-form-urlencoded, as Twilio expects; a
// non-empty body with another Content-Type is refused with 400, and one over
// 1 MiB with 413. Responses use the JSON keys of each resource's schema in
// the spec (chat.v2.service, chat.v2.service.channel.message, …).
// Successes answer 200, Create 201 and Delete 204 with no body.
//
// # Twilio's rules it enforces
//
//   - Basic auth on every request: the account SID and auth token
//     (WithCredentials), or an API key SID ("SK...") and secret (WithAPIKey).
//     Anything else answers 401 with code 20003 "Authenticate".
//   - Errors are JSON {"code", "message", "more_info", "status"} with
//     Content-Type application/json. Every response, errors included,
//     carries a Twilio-Request-Id header ("RQ" + 32 hex digits).
//   - An unknown path answers 404 (code 20404), a known path with another
//     method 405 (code 20004). A SID in the path that does not match its
//     pattern (its prefix, such as IS, CH or IM, and 32 hex digits) answers
//     404 like an unknown one.
//   - A POST accepts exactly the form keys the spec declares for its
//     operation, and a list exactly the query keys; any other key answers
//     400 (code 20001) "Unknown parameter" naming it, before anything else
//     is read. Twilio itself ignores an unknown parameter with warning 20001
//     (https://www.twilio.com/docs/errors/20001); the fake refuses it so a
//     misspelt key or filter fails the test. The query of a Fetch or Delete
//     is ignored.
//   - Create Service requires FriendlyName and accepts no other key. The new
//     service has the defaults the spec describes: read_status_enabled true,
//     reachability_enabled false, typing_indicator_timeout 5,
//     consumption_report_interval 10, limits {channel_members 250,
//     user_channels 100}, null webhook URLs, webhook_method "POST",
//     webhook_filters [], retry counts 0, notifications with every enabled
//     flag false, media {size_limit_mb 150, compatibility_message null}, and
//     absolute url and links on the fake's host.
//   - Update Service accepts exactly the spec's 31 form keys and merges only
//     the keys sent (dotted keys into the nested objects; repeated
//     WebhookFilters keys replace the list, and WebhookFilters= clears it).
//     It rejects, with 400 and code 20001 naming the key, and without
//     changing anything: an unknown key, a scalar key given twice, a boolean
//     other than true/false, an integer that does not parse or is negative,
//     Limits.* above 1000, a WebhookMethod other than GET/POST, a webhook URL
//     that is not an absolute http(s) URL (an empty one clears it to null),
//     and a default role SID that is malformed, not in the service, or of
//     the wrong type (service roles are deployment roles, channel roles are
//     channel roles). Notification template and sound keys appear in the
//     JSON once set, as in the spec's Update example.
//   - Create Role requires FriendlyName (at most 64 characters), Type
//     (channel or deployment) and at least one Permission; Update Role
//     requires Permission and replaces all permissions. Permission values
//     are not checked against Twilio's list. Deleting one of a service's
//     three default roles answers 400; deleting a service deletes its roles.
//   - A User is addressed by its SID or its identity, a Channel by its SID
//     or its unique name, a Member by its SID or its user's identity (any
//     character, escaped as one path segment). Identities and unique names
//     are unique per service: a second one answers 409 with code 50201
//     (identity) or 50307 (unique name), and one that looks like a SID of
//     its kind 400 with code 50206 or 50306; a second member of the same
//     identity in a channel answers 409 with code 50404. Updating a unique
//     name to "" clears it.
//   - A new user gets the service's default service role, a new member its
//     default channel role, unless RoleSid names another role of the
//     service of the right type (deployment for users, channel for
//     members). Adding a member whose identity has no user creates the
//     user. A channel is public, created_by "system", unless the request
//     says otherwise; attributes default to "{}" and must be JSON.
//     DateCreated, DateUpdated and LastConsumptionTimestamp must be ISO
//     8601 date-times; an empty LastConsumedMessageIndex sets it to null.
//   - members_count and joined_channels_count follow membership. Deleting
//     a channel deletes its members (and everything else in it); deleting a
//     user makes it leave its channels; deleting a service deletes its
//     users and channels. is_online is always null (no client ever
//     connects to the fake); is_notifiable is true for a user with a
//     seeded Binding when one user is answered and the service's
//     reachability_enabled is on, and null otherwise (always in lists), as
//     the spec describes both.
//   - A message gets its channel's next index, counting up from 0 and
//     never reused after a delete; the channel's messages_count and
//     links.last_message follow its messages. A message is from "system"
//     with attributes "{}" unless the request says otherwise; a MediaSid
//     (^ME[0-9a-fA-F]{32}$) makes it a media message whose media object
//     holds that SID only (the fake stores no media). Updating the Body
//     sets was_edited. Messages list oldest first, or newest first with
//     Order=desc. An invite gets the service's default channel role unless
//     RoleSid names a channel role, and stays until deleted, or until the
//     invited user joins the channel through an SDKClient: the invite then
//     becomes the membership, with the invite's role. Deleting a channel
//     deletes its messages and invites.
//   - Bindings are created by the Chat client SDKs, not over REST:
//     SeedBinding registers one, creating its user when there is none with
//     the identity. A binding lists under its service and under its user
//     (there with user_sid, and no links); deleting either way deletes it,
//     and deleting the user or the service deletes its bindings.
//   - A user's channels are those it is a member of (status "joined") or
//     has a pending invite to ("invited"), in the channels' order. A
//     joined one shows the member's consumption horizon
//     (last_consumed_message_index) and unread_messages_count, the number
//     of the channel's messages past it, both null until the member has a
//     horizon; an invited one has no member_sid, horizon or count.
//     Updating a user channel sets the member's horizon (an empty
//     LastConsumedMessageIndex sets it to null), last consumption time and
//     notification_level (default or muted); a user who has not joined
//     answers 404. Deleting a user channel makes the member leave, or
//     deletes the invites of a user who is only invited.
//   - The Chat v3 POST on a channel (by SID or unique name) accepts Type
//     (public or private) and MessagingServiceSid (MG and 32 hex digits),
//     sets them, and answers the chat.v3.channel JSON, with
//     messaging_service_sid and a /v3 url and without links; v2 answers
//     keep their own shape. It sends onChannelUpdated as an Update does.
//   - Channel lists filter by any number of Type keys (public, private),
//     member and invite lists by any number of Identity keys, binding lists
//     by any number of BindingType keys (apn, gcm, fcm) and, under the
//     service, Identity keys; the page URLs
//     keep the filters and Order, before PageSize and Page, as Twilio's do.
//   - X-Twilio-Webhook-Enabled, on the operations that take it, must be
//     true or false (400 otherwise); Requests shows it. With true, the
//     operation's post-event webhook is sent (see Webhooks).
//   - Channel Webhooks list under their channel and go with it; a channel
//     has at most five, and a sixth answers 400 with code 50321. Create
//     requires Type (webhook, trigger or studio); Create and Update accept
//     the Configuration.* keys: Url an absolute http(s) URL, Method GET or
//     POST, repeated Filters and Triggers (at most 5), FlowSid a Flow SID
//     (FW…), RetryCount 0 to 3. Update merges the keys sent (an empty value
//     clears a list or the URL) and cannot change Type. The configuration
//     object shows the keys set, as in the spec's examples. No rule between
//     the type and the keys is enforced, as the spec states none. They are
//     called as Webhooks says.
//   - Create Credential requires Type (gcm, apn or fcm) and accepts
//     FriendlyName (at most 64 characters), Sandbox (true or false) and the
//     secrets Certificate, PrivateKey, ApiKey and Secret; Update Credential
//     accepts the same keys but Type. The secrets are never stored, echoed
//     in a response or quoted in an error, as Twilio never returns them;
//     Requests still shows what was sent. sandbox is answered as the string
//     "True" or "False", as Twilio does, "False" until set.
//   - Lists take PageSize (1 to the spec's maximum, 100 for most, 50 for
//     bindings and user channels, 5 for channel webhooks, 1000 for
//     credentials; default 50, or 5 for channel webhooks), Page (0 or
//     more) and PageToken, list in creation order (messages in Order), and
//     answer {"channels": [...], "meta": {...}}, under the list's key, with
//     first, next and previous page URLs absolute on the fake's host (next
//     is null on the last page, previous on the first). A PageToken is "PT" followed by the
//     offset of the page's first item; clients should follow
//     next_page_url rather than build one. The next page's Page is this
//     one's plus 1, except that it stays at the largest int rather than
//     wrap around, so every next_page_url the fake gives is one it accepts.
//
// # Conversations
//
// The fake serves Conversations v1 (/v1/…) over the store of Chat v2, as
// Twilio does: a Chat Service is a Conversation Service, a Channel a
// Conversation and a Member a Participant, with the same SIDs, names,
// attributes and dates; Users, Messages (Chat's from is the author), Roles
// (a channel role is a conversation role, a deployment role a service
// role), Credentials and Bindings are the same resources under both APIs.
// What only Conversations has (a conversation's state, timers, Messaging
// Service and email bindings, a participant's messaging binding, a
// message's subject and content SID) is kept on the Chat resource, so it
// survives a round trip through Chat, which does not show it.
//
// The account's default Conversation Service, which /v1/Conversations,
// /v1/Users, /v1/Roles and /v1/ParticipantConversations act on, is made
// with a default Messaging Service SID on the first Conversations request,
// so that a test of Chat alone sees no Service it did not create;
// /v1/Configuration names it and can name another. A conversation's state
// is worked out from its timers and the Server's clock (WithClock) when it
// is read: no timer runs (see FireTimers). A message to a participant with
// an address (an SMS or WhatsApp number) gets a delivery receipt, "sent"
// until SetDeliveryStatus reports it delivered, read, failed or
// undelivered.
// Errors are Twilio's: 409 with code 50353 for a unique name taken, 50201
// for an identity, 50433 for a participant, and 400 naming the key of a bad
// value, an ISO 8601 timer included.
//
// Conversations' webhooks are sent by the same machinery as Chat's (see
// Webhooks): to the Service's URLs when it has any, or else to the
// account's (/v1/Configuration/Webhooks; none for Target "flex"), each
// when its filters name the event, and post-events to the conversation's
// own webhooks (webhook, trigger on onMessageAdded, studio recorded).
// Every action, through either API, sends both products' post-events
// (onMessageSent and onMessageAdded), since a Chat Service is a
// Conversation Service; an event type both name (onMessageUpdated) goes
// to a Service or channel once, in the shape of the API that acted.
// ConnectConversationsAs returns a ConversationsSDKClient whose actions
// send Conversations' pre-events (onMessageAdd, onConversationAdd,
// onParticipantAdd, …) and apply their answers, a friendly_name from
// webhook.ModifyConversation included. Twilio's own changes are sent
// whether or not a request asked for webhooks: SetDeliveryStatus sends
// onDeliveryUpdated, and onConversationStateUpdated follows a timer (Reason
// "TIMER", when FireTimers runs or a request changes the conversation) and
// a message that wakes an inactive conversation (Reason "EVENT").
//
// # Default roles
//
// Each new service gets Twilio's four default roles: "service admin" and
// "service user" (deployment), "channel admin" and "channel user"
// (channel). default_service_role_sid is the service user,
// default_channel_role_sid the channel user and
// default_channel_creator_role_sid the channel admin. Their permissions
// follow Twilio's "Roles and Permissions" guide for service admin
// (addMember, createChannel, deleteAnyMessage, destroyChannel,
// editAnyMessage, editAnyMessageAttributes, editAnyUserInfo,
// editChannelAttributes, editChannelName, inviteMember, joinChannel,
// removeMember) and service user (createChannel, editOwnUserInfo,
// joinChannel), and the spec's Role example for channel user (sendMessage,
// leaveChannel, editOwnMessage, deleteOwnMessage). For channel admin only
// part of the documented list could be confirmed, so the fake gives it that
// documented subset: addMember, deleteAnyMessage, destroyChannel. Update
// the roles (over HTTP) if a test needs more: an SDKClient's actions obey
// them (see SDKClient), so the channel user must be given sendMediaMessage
// to send media; since it lacks editOwnMessageAttributes, editOwnMessage
// also lets a user change its own message's attributes.
//
// # Webhooks
//
// The fake calls a Service's webhooks as Twilio does, so a backend's
// webhook handler can be tested end to end (see the webhooks example). It
// reads the Service's PreWebhookUrl, PostWebhookUrl, WebhookMethod (POST
// with a form body, or GET with the parameters as the query),
// WebhookFilters and retry counts, sends the parameters Twilio documents
// for each event (EventType, AccountSid, InstanceSid, Source "API" or
// "SDK", ClientIdentity for the SDK, the resource's fields, RetryCount, 0
// on a first try), its dates with milliseconds as Twilio writes them
// (2021-04-17T12:52:31.000Z), and signs each request with the auth token in
// X-Twilio-Signature, as webhook.Sign computes it. An attempt that gets no
// answer within 5 seconds (WithWebhookTimeout) or answers 429, 503 or 504
// is retried as the retry count allows.
//
//   - Post-events (onChannelAdded, onChannelUpdated, onChannelDestroyed,
//     onMemberAdded, onMemberUpdated, onMemberRemoved, onMessageSent,
//     onMediaMessageSent, onMessageUpdated, onMessageRemoved, onUserAdded,
//     onUserUpdated) follow a REST Create, Update or Delete (and a Delete
//     User Channel) that sends X-Twilio-Webhook-Enabled: true, and none
//     follows one without it. A channel's events also go to its Channel
//     Webhooks (with their Configuration.Method and RetryCount, and
//     WebhookSid and WebhookType parameters): those of type "webhook" whose
//     Configuration.Filters name them; those of type "trigger" for an
//     onMessageSent whose Body holds one of their Configuration.Triggers,
//     as written, anywhere; those of type "studio" whose Filters name them
//     are recorded as a Delivery to the Flow's webhook URL, not sent.
//     Post-events are delivered in order in the background; WaitDeliveries
//     waits for them without sleeping.
//   - Pre-events (onMessageSend, onMediaMessageSend, onMessageUpdate,
//     onMessageRemove, onMemberAdd, onMemberRemove, onChannelAdd,
//     onChannelUpdate, onChannelDestroy, onUserUpdate) come only from what
//     users do with a Chat SDK: ConnectAs returns an SDKClient that sends
//     (text or media), edits and removes messages, joins and leaves,
//     creates, changes and destroys channels, and changes its own user.
//     Each action must be allowed by the user's roles (a *PermissionError
//     otherwise, with no webhook), then waits for the pre-event's answer,
//     which rejects it (outside 2xx, or no answer), changes the message (a
//     JSON body, as webhook.Modify answers), or lets it through.
//
// Deliveries records every attempt (URL, event, parameters, signature,
// answer). By default webhooks go only to loopback hosts, such as an
// httptest.Server; WithWebhookClient sends them with a client of your own.
//
// # Seeding
//
// SeedService, SeedRole, SeedUser, SeedChannel, SeedMember, SeedBinding
// and SeedCredential create a resource without a request. Each goes
// through the code of the Create request it stands for (SeedBinding, which
// has none, through what a Chat client SDK's login does), and is neither
// recorded by Requests nor followed by a webhook. They share one
// convention, so a call reads like the twiliochat call it stands for:
//
//   - Arguments come in one order: the parents, outermost first (the
//     service, then a member's channel or a binding's user), then the
//     resource's name (a friendly name, a user's or member's identity, a
//     channel's unique name, a binding's endpoint), then its kind, typed as
//     in twiliochat (twiliochat.RoleType, twiliochat.BindingType,
//     twiliochat.PushService), then a role's permissions.
//   - Each returns the new resource's SID, or an error saying what a Create
//     request would refuse (a missing parent, a bad kind, a duplicate
//     name), and never panics, so a program can seed the fake as a test
//     does.
//
// For example:
//
//	roleSID, err := srv.SeedRole(serviceSID, "moderator", twiliochat.RoleTypeChannel, "sendMessage")
//	bindingSID, err := srv.SeedBinding(serviceSID, "alice", "alice-iphone", twiliochat.BindingTypeAPN)
//
// # Deterministic output and fault injection
//
// WithClock fixes date_created and date_updated, and WithSeed makes SIDs
// and request ids repeatable, for golden files and Example output.
// FailNext makes
// the next requests answer with a Failure (status, body, Retry-After,
// headers), FailOn the next requests of one route, such as
// "POST /v2/Services/{Sid}", and FailWith installs a hook for failing a
// share of requests, for retry and fault-injection tests. Requests lists
// every request received (method, path, query, decoded form and headers),
// rejected ones included, and RequestsTo those of one route.
//
// A Server is safe for concurrent use.
package twiliochattest
