// Package twiliochat is a typed client for the Twilio Programmable Chat v2
// REST API: all 54 operations of its twelve resources, and Chat v3's one
// (ChannelsService.Migrate), each checked before it is sent, retried when
// that is safe, and answered with typed results and typed errors.
//
// This page states once the rules every operation shares; a method's own
// documentation says only what is particular to it.
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
// query key or a header; nil is allowed where nothing is required. Create
// and Update return the resource as Twilio stored it, typed, with dates as
// time.Time. One rule holds for the fields Twilio may send as null: a field
// is a pointer, nil for null, where the spec says it may be null and its
// zero value is also a real value, a count, an index or a boolean
// (Service.ReadStatusEnabled, Message.WasEdited, User.IsOnline,
// Member.LastConsumedMessageIndex); any other null is the zero value ("",
// the zero time). Fields Twilio adds later are ignored.
//
//	msg, err := client.Messages.Create(ctx, serviceSID, "support/emea", &twiliochat.CreateMessageParams{
//		From:       twiliochat.Ptr("alice@example.com"),
//		Body:       twiliochat.Ptr("Where is my invoice?"),
//		Attributes: twiliochat.Ptr(`{"ticket": 4217}`),
//	})
//
// Params are structs of pointers: nil leaves a value unchanged and sends
// nothing, a set pointer is sent even when it holds false, 0 or "". Ptr
// makes the pointers. Nested structs become Twilio's dotted form keys
// (Notifications.NewMessage.Enabled, Configuration.Url), a slice one key per
// item (Permission, WebhookFilters), and enums are typed constants
// (ChannelTypePrivate, MessageOrderDesc). Attributes is JSON text, read back
// with Attributes.Decode into a struct of your own. A WebhookEnabled field is
// sent as the X-Twilio-Webhook-Enabled header, which asks Twilio to call the
// Service's post-event webhooks for this REST call. No method modifies its
// params.
//
// # Validation before any request
//
// Every method checks its path values and params before it sends anything.
// Bad input returns a *ValidationError whose Field is the spec's key: a
// path parameter's name (ServiceSid, ChannelSid, Sid) or a form or query
// key (Attributes, Configuration.FlowSid, PageSize); several bad keys are
// joined with errors.Join. The checks are those of Twilio's spec: required
// keys, enums, SID forms, JSON text, lengths, ranges and dates RFC 3339 can
// carry. ValidateSID checks a SID of any kind (ServiceSID, RoleSID,
// AccountSID, …) for your own input checks.
//
// A path value that is a SID must be its two-letter prefix and 32 hex digits
// (IS…, CH…, IM…). Where Twilio also takes a name, a Channel is addressed by
// its SID or unique name, and a User or a Member by its SID or identity: a
// name may hold any character ("support/emea", "alice@example.com") and is
// escaped as exactly one path segment, but "", "." and ".." are refused.
//
// # Errors
//
// Every non-2xx answer, a redirect included (none is followed), is an
// *APIError with Twilio's status, code, message and request ID, even when the
// body is an HTML page or empty. A 2xx answer whose body is not the expected
// JSON, is larger than MaxResponseBytes, or holds a resource without a valid
// SID is a *DecodeError. A request sent more than once that still failed is a
// *RetryError wrapping the last failure. A done ctx stops the request, and
// the error satisfies errors.Is(err, context.Canceled) or
// errors.Is(err, context.DeadlineExceeded).
//
// Four helpers answer the common questions through any wrapping, errors.Join
// and a *RetryError: IsNotFound (404 or code 20404: the resource or a parent
// does not exist), IsRateLimited (429 or code 20429, still there after the
// retries), IsAlreadyExists (a Create's 409 for a taken identity or unique
// name) and IsValidation. The ErrCode… constants name the codes a backend
// branches on. For anything else use errors.As:
//
//	var apiErr *twiliochat.APIError
//	switch {
//	case twiliochat.IsNotFound(err): // no such Channel, Message, …
//	case twiliochat.IsRateLimited(err): // slow down, or queue the work
//	case twiliochat.IsAlreadyExists(err): // fetch it by the name you gave
//	case errors.As(err, &apiErr): // apiErr.Status, apiErr.Code (an ErrCode… constant), apiErr.RequestID
//	}
//
// APIError.Message is one printable line of at most 256 bytes, safe to log;
// APIError.RawMessage keeps Twilio's message whole.
//
// # Retries
//
// Answers of 429, 503 and 504 and connection errors before an answer are
// retried twice by default, with exponential backoff and full jitter (from
// 500 ms, capped at 10 s) or the server's Retry-After (up to 30 s); every
// wait ends when ctx does. A Create is not safe to repeat: it is retried only
// after a 429 or a failure to connect, where Twilio cannot have acted. A
// Delete whose retry is answered 404 returns nil when an earlier try may have
// acted (a 503, a 504, no answer); a 404 on the first try, or after only
// 429s, is still an error. WithMaxRetries and WithRetryPolicy change the
// policy; WithMaxRetries(0) turns it off. In unit tests, RetryPolicy.NoWait
// keeps every retry but skips the waits:
//
//	twiliochat.WithRetryPolicy(twiliochat.RetryPolicy{MaxRetries: 2, NoWait: true})
//
// # Lists
//
// Each list has three methods. ListPage returns the first page (a Page with
// Items and Meta), NextPage the page after a page, or nil and no error after
// the last one, and List an iterator over every item:
//
//	newest := &twiliochat.ListMessagesParams{Order: twiliochat.Ptr(twiliochat.MessageOrderDesc), Limit: 20}
//	for m, err := range client.Messages.List(ctx, serviceSID, "support/emea", newest) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(m.Index, m.From, m.Body)
//	}
//
// List sends nothing until the loop starts and fetches a page only when the
// loop needs it; a break, or Limit items, stops it without another request,
// and so does an empty page. It yields an error at most once, as its last
// pair: bad params, a failed page, ctx's error once ctx is done, or one of
// the guards below. PageSize is checked against each list's maximum (100 for
// most, 50 for Bindings, User Bindings and User Channels, 5 for Channel
// Webhooks, 1000 for Credentials); with Limit set and no PageSize, pages
// hold Limit items, up to that maximum. Limit is never sent.
//
// Twilio's next_page_url is followed only to the client's own host: one on a
// Twilio Chat host (as Twilio gives through an edge or a region) has its path
// and query sent to the client's base URL, and any other host, or user info,
// is an error wrapping ErrUntrustedURL, with no request. NextPage refuses a
// page that links to itself, and List a next_page_url or a page of items
// that repeats one it read, with ErrPageLoop.
//
// # Secrets and logging
//
// No error, log line, fmt output or reflection-based dump of a Client holds
// the auth token, the API secret or the Authorization header. Wherever a
// server echoes one (raw, escaped or in base64), each run of 8 or more
// characters that begins a secret of 8 or more, as Twilio's are, reads
// "[redacted]", before any cut to length; errors.Is and errors.As still find
// what an error wraps. The Authorization header goes only to the configured
// host. The secrets of Credentials params print as [redacted] with every fmt
// verb, in slog and in encoding/json.
//
// WithLogger logs one line per attempt at Debug (method, URL path, attempt,
// status, duration, Twilio-Request-Id), each retry and its wait at Info, and
// a request that failed after its retries at Warn, never a form value or a
// query; without it the Client logs nothing. For the request ID of a call
// that succeeds, give it a context from WithResponseRecorder and read the
// ResponseRecorder's Last.
//
// # Test your code
//
// Each resource's methods make up an interface (ServicesAPI, ChannelsAPI,
// MessagesAPI, …; client.Messages is a MessagesAPI). Let your code take the
// ones it uses, and test it against the in-memory fake of package
// twiliochattest, which serves all 55 operations with Twilio's rules and
// calls the Service's webhooks. Its NewClient retries without waiting:
//
//	srv := twiliochattest.New(t)
//	client := srv.NewClient()
//	sid, err := srv.SeedService("support")
//
// Seed… functions create data without a request, FailOn fails the requests
// of one route and RequestsTo returns them. To mock HTTP instead (httpmock),
// pass WithHTTPClient and RetryPolicy.NoWait.
package twiliochat
