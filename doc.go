// Package twiliochat is a typed client for the Twilio Programmable Chat v2
// Services and Roles API.
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
// a User-Agent suffix (WithUserAgent) and a *slog.Logger for each request
// (WithLogger). NewClient returns an error, not a panic, for a missing or
// malformed credential or option; NewClientFromEnv's error names the
// environment variable at fault.
//
// # Update a service
//
// Params are structs of pointers: nil leaves a value unchanged, a set pointer
// is sent even when it holds false, 0 or "". Ptr makes the pointers. Nested
// structs become Twilio's dotted form keys (Notifications.NewMessage.Enabled,
// Limits.ChannelMembers, Media.CompatibilityMessage):
//
//	svc, err := client.Services.Update(ctx, serviceSID, &twiliochat.UpdateServiceParams{
//		FriendlyName: twiliochat.Ptr("support"),
//		Notifications: &twiliochat.NotificationsParams{
//			NewMessage: &twiliochat.NewMessageNotificationParams{Enabled: twiliochat.Ptr(true)},
//		},
//		Limits: &twiliochat.LimitsParams{ChannelMembers: twiliochat.Ptr(500)},
//	})
//
// The answer is a fully typed *Service, with dates as time.Time.
//
// # Create, fetch, delete and list services
//
// Create, Fetch and Delete complete the Services resource. List returns an
// iterator that fetches pages only as the loop needs them, stops at a break,
// at Limit, or when ctx is done, and yields an error at most once, last:
//
//	for svc, err := range client.Services.List(ctx, &twiliochat.ListServicesParams{Limit: 100}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(svc.SID, svc.FriendlyName)
//	}
//
// ListPage and NextPage walk the pages by hand. List, ListPage and NextPage
// send each next_page_url only to the client's own host: one on a Twilio
// Chat host (as Twilio gives through an edge or a region) has its path and
// query sent to the client's base URL, any other host is ErrUntrustedURL,
// with no request. NextPage stops on a page that links back to itself, and
// List on a page whose URL or items repeat a page it read (ErrPageLoop).
//
// # Roles
//
// client.Roles creates, fetches, updates, deletes and lists the Roles of a
// Service: the role SIDs that Update takes as DefaultServiceRoleSID,
// DefaultChannelRoleSID and DefaultChannelCreatorRoleSID. Each Permission is
// sent as its own form key, and Update replaces them all:
//
//	role, err := client.Roles.Create(ctx, serviceSID, &twiliochat.CreateRoleParams{
//		FriendlyName: twiliochat.Ptr("moderator"),
//		Type:         twiliochat.Ptr(twiliochat.RoleTypeChannel),
//		Permission:   []string{"sendMessage", "removeMember"},
//	})
//
// Roles.List and Roles.ListPage take the same PageSize and Limit as the
// Services list (ListRolesParams) and walk pages the same way.
//
// # Handle errors
//
// Bad input is caught before any request is sent and returned as a
// *ValidationError naming the form key; several bad keys are joined with
// errors.Join. Every non-2xx answer, redirects included, is an *APIError with
// Twilio's code, message and request ID, even when the body is an HTML page.
// A success answer whose body is not the expected JSON is a *DecodeError.
// Three helpers answer the common questions, through any wrapping and
// through a *RetryError: IsNotFound (404 or code 20404), IsRateLimited (429
// or code 20429, still there after the client's own retries) and
// IsValidation (a *ValidationError: bad input, nothing sent). For anything
// else use errors.As:
//
//	switch {
//	case twiliochat.IsNotFound(err): // no such Service or Role
//	case twiliochat.IsRateLimited(err): // slow down, or queue the work
//	case errors.As(err, &apiErr): // apiErr.Status, apiErr.Code, apiErr.RequestID
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
// 500 ms, capped at 10 s) or the server's Retry-After (up to 30 s). Creating
// a Service or a Role, which is not safe to repeat, is retried only after a
// 429 or a failure to connect. Every wait ends when the context does. A request that
// was sent more than once and still failed returns a *RetryError that wraps
// the last failure, so errors.As still finds the *APIError. WithMaxRetries
// and WithRetryPolicy change the policy; WithMaxRetries(0) turns it off.
// In unit tests, RetryPolicy.NoWait keeps every retry but skips the waits,
// so a retried call takes microseconds:
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
// Depend on the ServicesAPI and RolesAPI interfaces, and test against the
// in-memory fake of package twiliochattest: New(t) starts it for one test,
// and its NewClient returns a Client pointed at it that retries without
// waiting, so the setup is three lines:
//
//	srv := twiliochattest.New(t)
//	client := srv.NewClient()
//	sid := srv.SeedService("support")
//
// FailOn fails the requests of one route, RequestsTo returns them. You can
// also mock HTTP with httpmock through WithHTTPClient, or substitute your own
// fake of the interfaces.
package twiliochat
