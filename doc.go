// Package twiliochat is a typed client for the Twilio Programmable Chat v2
// REST API: all 54 operations of its twelve resources, and Chat v3's one
// (ChannelsService.Migrate), each checked before it is sent, retried when
// that is safe, and answered with typed results and typed errors.
//
// # Create a client
//
// A Client holds the account's credentials and one *http.Client, and is safe
// for concurrent use. Create it once and share it:
//
//	client, err := twiliochat.NewClient(accountSID, authToken)
//	// or: twiliochat.NewClientFromEnv() reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, …
//
// Options set an API key (WithAPIKey), an edge and region (WithEdge,
// WithRegion), another host (WithBaseURL), the *http.Client (WithHTTPClient),
// a User-Agent suffix (WithUserAgent), the retry policy (WithMaxRetries,
// WithRetryPolicy) and a *slog.Logger for each request (WithLogger).
// NewClient returns a *ValidationError, not a panic, for a missing or
// malformed credential or option, naming the argument or option at fault;
// NewClientFromEnv's names the environment variable.
//
// # Call any resource
//
// Each resource is a field of the Client, with a method per operation:
//
//	client.Services         Create, Fetch, Update, Delete, List    /v2/Services
//	client.Roles            Create, Fetch, Update, Delete, List    …/Services/{ServiceSid}/Roles
//	client.Users            Create, Fetch, Update, Delete, List    …/Services/{ServiceSid}/Users
//	client.Channels         Create, Fetch, Update, Delete, List    …/Services/{ServiceSid}/Channels
//	client.Members          Create, Fetch, Update, Delete, List    …/Channels/{ChannelSid}/Members
//	client.Messages         Create, Fetch, Update, Delete, List    …/Channels/{ChannelSid}/Messages
//	client.Invites          Create, Fetch, Delete, List            …/Channels/{ChannelSid}/Invites
//	client.ChannelWebhooks  Create, Fetch, Update, Delete, List    …/Channels/{ChannelSid}/Webhooks
//	client.UserChannels     Fetch, Update, Delete, List            …/Users/{UserSid}/Channels
//	client.Bindings         Fetch, Delete, List                    …/Services/{ServiceSid}/Bindings
//	client.UserBindings     Fetch, Delete, List                    …/Users/{UserSid}/Bindings
//	client.Credentials      Create, Fetch, Update, Delete, List    /v2/Credentials
//
// (List stands for ListPage, NextPage and List.) Every call takes ctx, then
// the path values in the order of the path (the Service, the parent, the
// resource), then a params pointer when the operation has a form key, a
// query key or a header; nil is allowed where nothing is required:
//
//	msg, err := client.Messages.Create(ctx, serviceSID, "support/emea", &twiliochat.CreateMessageParams{
//		From:       twiliochat.Ptr("alice@example.com"),
//		Body:       twiliochat.Ptr("Where is my invoice?"),
//		Attributes: twiliochat.Ptr(`{"ticket": 4217}`),
//	})
//
// A path value is a SID, checked against its prefix (IS…, CH…, IM…) before
// any request. A Channel may instead be addressed by its unique name, a
// User or a Member by its identity: any characters, escaped as one path
// segment. The result is a typed struct (here a *Message), with dates as
// time.Time; a field is a pointer only where Twilio's null means something
// (User.IsOnline, Member.LastConsumedMessageIndex, …). Attributes, JSON
// text, is checked before the request and read back with
// Attributes.Decode into a struct of your own.
//
// # Params
//
// Params are structs of pointers: nil leaves a value unchanged and sends
// nothing, a set pointer is sent even when it holds false, 0 or "". Ptr
// makes the pointers. Nested structs become Twilio's dotted form keys
// (Notifications.NewMessage.Enabled, Configuration.Url), a slice one key per
// item (Permission, WebhookFilters), and enums are typed constants
// (ChannelTypePrivate, MessageOrderDesc, NotificationLevelMuted). A
// WebhookEnabled field is sent as the X-Twilio-Webhook-Enabled header,
// which asks Twilio to call the Service's webhooks for this REST call:
//
//	svc, err := client.Services.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{
//		FriendlyName: twiliochat.Ptr("support"),
//		Notifications: &twiliochat.NotificationsParams{
//			NewMessage: &twiliochat.NewMessageNotificationParams{Enabled: twiliochat.Ptr(true)},
//		},
//		Limits: &twiliochat.LimitsParams{ChannelMembers: twiliochat.Ptr(500)},
//	})
//
// The secrets of Credentials params (Certificate, PrivateKey, APIKey,
// Secret) are sent to Twilio and print as [redacted] with every fmt verb,
// in slog and in encoding/json.
//
// # Lists
//
// List returns an iterator that fetches pages only as the loop needs them,
// stops at a break, at Limit, or when ctx is done, and yields an error at
// most once, last:
//
//	newest := &twiliochat.ListMessagesParams{Order: twiliochat.Ptr(twiliochat.MessageOrderDesc), Limit: 20}
//	for m, err := range client.Messages.List(ctx, serviceSID, "support/emea", newest) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(m.Index, m.From, m.Body)
//	}
//
// ListPage and NextPage walk the pages by hand (a Page with Items and
// Meta). PageSize is checked against each list's maximum (100 for most, 50
// for Bindings, User Bindings and User Channels, 5 for Channel Webhooks,
// 1000 for Credentials). Each next_page_url is sent only to the client's
// own host: one on a Twilio Chat host (as Twilio gives through an edge or a
// region) has its path and query sent to the client's base URL, any other
// host is ErrUntrustedURL, with no request. NextPage stops on a page that
// links back to itself, and List on a page whose URL or items repeat a page
// it read (ErrPageLoop).
//
// # Handle errors
//
// Bad input is caught before any request is sent and returned as a
// *ValidationError naming the spec's key (ServiceSid, ChannelSid,
// Attributes, Configuration.FlowSid); several bad keys are joined with
// errors.Join. Every non-2xx answer, redirects included, is an *APIError
// with Twilio's code, message and request ID, even when the body is an HTML
// page. A success answer whose body is not the expected JSON is a
// *DecodeError. Three helpers answer the common questions, through any
// wrapping and through a *RetryError: IsNotFound (404 or code 20404),
// IsRateLimited (429 or code 20429, still there after the client's own
// retries) and IsValidation (a *ValidationError: bad input, nothing sent).
// For anything else use errors.As:
//
//	var apiErr *twiliochat.APIError
//	switch {
//	case twiliochat.IsNotFound(err): // no such Channel, Message, …
//	case twiliochat.IsRateLimited(err): // slow down, or queue the work
//	case errors.As(err, &apiErr): // apiErr.Status, apiErr.Code (50307: unique name taken), apiErr.RequestID
//	}
//
// A canceled or expired context stops the request, and the error satisfies
// errors.Is(err, context.Canceled) or errors.Is(err, context.DeadlineExceeded).
// No fmt output or reflection-based dump of a Client contains the auth token,
// the API secret or the Authorization header. Every error a Client returns,
// transport errors included, has them blanked out wherever a server echoed
// them (raw, escaped or in base64): each run of 8 or more characters that
// begins a secret of 8 characters or more, as Twilio's are, reads
// "[redacted]", before any cut to length. A shorter secret cannot be told
// from ordinary text. errors.Is and errors.As still find what an error wraps.
// APIError.Message is one printable line of at most 256 bytes;
// APIError.RawMessage keeps Twilio's message whole.
//
// # Retries
//
// Answers of 429, 503 and 504 and connection errors before an answer are
// retried twice by default, with exponential backoff and full jitter (from
// 500 ms, capped at 10 s) or the server's Retry-After (up to 30 s). A
// Create, of any resource, is not safe to repeat: it is retried only after
// a 429 or a failure to connect. Every wait ends when the context does. A
// request that was sent more than once and still failed returns a
// *RetryError that wraps the last failure, so errors.As still finds the
// *APIError. WithMaxRetries and WithRetryPolicy change the policy;
// WithMaxRetries(0) turns it off. In unit tests, RetryPolicy.NoWait keeps
// every retry but skips the waits, so a retried call takes microseconds:
//
//	twiliochat.WithRetryPolicy(twiliochat.RetryPolicy{MaxRetries: 2, NoWait: true})
//
// # Logging
//
// WithLogger logs one line per attempt at Debug (method, URL path, attempt,
// status, duration, Twilio-Request-Id), each retry and its wait at Info, and
// a request that failed after its retries at Warn. No line holds a
// credential, the Authorization header, a form value or a query. Without
// WithLogger the Client logs nothing.
//
// # Test your code
//
// Each resource's methods make up an interface: ServicesAPI, RolesAPI,
// UsersAPI, ChannelsAPI, MembersAPI, MessagesAPI, InvitesAPI,
// ChannelWebhooksAPI, UserChannelsAPI, BindingsAPI, UserBindingsAPI and
// CredentialsAPI. Let your code take the ones it uses (client.Messages is a
// MessagesAPI), and test it against the in-memory fake of package
// twiliochattest, which serves all 55 operations with Twilio's rules. New(t)
// starts it for one test, and its NewClient returns a Client pointed at it
// that retries without waiting, so the setup is three lines:
//
//	srv := twiliochattest.New(t)
//	client := srv.NewClient()
//	sid := srv.SeedService("support")
//
// Seed… functions create Users, Channels, Members, Bindings and more without
// a request, FailOn fails the requests of one route and RequestsTo returns
// them; the fake also calls the Service's webhooks, for testing a handler
// of package webhook end to end. You can also mock HTTP with httpmock
// through WithHTTPClient, or substitute your own fake of the interfaces.
package twiliochat
