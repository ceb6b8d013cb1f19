package twiliochat

// Twilio's error codes that a Chat backend branches on, as APIError.Code
// holds them. Compare with these names rather than with numbers; Twilio's
// page for a code is https://www.twilio.com/docs/api/errors/{code}, which
// APIError.MoreInfo links to.
const (
	// ErrCodeNotFound (20404) is the code of a resource that does not
	// exist: https://www.twilio.com/docs/api/errors/20404. IsNotFound
	// reports it.
	ErrCodeNotFound = 20404
	// ErrCodeTooManyRequests (20429) is the code of a request refused as
	// one too many: https://www.twilio.com/docs/api/errors/20429.
	// IsRateLimited reports it.
	ErrCodeTooManyRequests = 20429
	// ErrCodeUserExists (50201, "User already exists") is the code of a
	// 409 to a Create User whose identity another User of the Service has:
	// https://www.twilio.com/docs/api/errors/50201. IsAlreadyExists reports
	// it.
	ErrCodeUserExists = 50201
	// ErrCodeIdentityMatchesUserSID (50206) is the code of a 400 to a User
	// whose identity looks like a User SID (US and 32 hex digits), which
	// could not tell one from the other in a path:
	// https://www.twilio.com/docs/api/errors/50206.
	ErrCodeIdentityMatchesUserSID = 50206
	// ErrCodeUserAlreadyInvited (50212, "User already invited") is the code
	// of a 409 to a Create Invite for an identity the Channel has invited
	// already: https://www.twilio.com/docs/api/errors/50212. IsAlreadyExists
	// reports it.
	ErrCodeUserAlreadyInvited = 50212
	// ErrCodeUniqueNameMatchesChannelSID (50306) is the code of a 400 to a
	// Channel whose unique name looks like a Channel SID (CH and 32 hex
	// digits): https://www.twilio.com/docs/api/errors/50306.
	ErrCodeUniqueNameMatchesChannelSID = 50306
	// ErrCodeChannelUniqueNameExists (50307, "Channel with provided unique
	// name already exists") is the code of a 409 to a Create or Update
	// Channel whose unique name another Channel of the Service has:
	// https://www.twilio.com/docs/api/errors/50307. IsAlreadyExists reports
	// it.
	ErrCodeChannelUniqueNameExists = 50307
	// ErrCodeMemberExists (50404, "Member already exists") is the code of a
	// 409 to a Create Member whose identity is a Member of the Channel
	// already: https://www.twilio.com/docs/api/errors/50404. IsAlreadyExists
	// reports it.
	ErrCodeMemberExists = 50404
	// ErrCodeTooManyChannelWebhooks (50321, "Too many channel webhooks") is
	// the code of a Create Channel Webhook refused because the Channel has
	// five already: https://www.twilio.com/docs/api/errors/50321.
	ErrCodeTooManyChannelWebhooks = 50321
)
