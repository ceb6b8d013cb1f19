package accesstoken

import (
	"errors"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// Grant is one entry of a token's grants claim: what the token lets its
// holder do in one Twilio product. ChatGrant is the one this package
// defines. Twilio's other grants (video, voice, data_sync, …) fit the same
// interface: write one as a struct whose encoding/json form is the grant's
// JSON object, and pass it to Issue like a ChatGrant.
type Grant interface {
	// Key returns the grant's key in the grants claim, such as "chat". It
	// must not be empty, nor "identity", which the claim holds beside the
	// grants.
	Key() string
	// Validate reports what is wrong with the grant in a token issued to
	// identity (which may be ""), as a *ValidationError naming the field, or
	// several joined with errors.Join; nil when the grant is fine.
	Validate(identity string) error
}

// ChatGrant gives a Programmable Chat (or Conversations) client access to a
// Chat Service as the token's identity. Every field is optional and left out
// of the token when empty; Conversations uses the account's default
// Conversations Service when ServiceSID is empty. The chat clients need the
// token's identity, so a token with a ChatGrant must have one.
type ChatGrant struct {
	// ServiceSID is the Chat Service the client connects to (IS…).
	ServiceSID string `json:"service_sid,omitempty"`
	// EndpointID identifies the client's device or session, so that Twilio
	// tells apart the endpoints of one identity (push notifications,
	// reachability). Twilio suggests "{app}:{identity}:{device}".
	EndpointID string `json:"endpoint_id,omitempty"`
	// DeploymentRoleSID is the service role (RL…) given to the user when
	// Chat creates it on first connection, instead of the Service's
	// DefaultServiceRoleSID.
	DeploymentRoleSID string `json:"deployment_role_sid,omitempty"`
	// PushCredentialSID is the push notification credential (CR…) used for
	// the endpoint's notifications.
	PushCredentialSID string `json:"push_credential_sid,omitempty"`
}

// chatGrantKey is the key of ChatGrant in the grants claim.
const chatGrantKey = "chat"

// Key returns "chat", the grant's key in the grants claim.
func (g *ChatGrant) Key() string { return chatGrantKey }

// Validate checks the forms of the grant's SIDs and that identity is not
// empty. It returns nil, a *ValidationError naming the field
// ("ChatGrant.ServiceSID", "Identity", …), or several joined.
func (g *ChatGrant) Validate(identity string) error {
	if g == nil {
		return invalid("ChatGrant", "is nil")
	}
	var errs []error
	if identity == "" {
		errs = append(errs, invalid("Identity", "is empty, and a token with a Chat grant needs one"))
	}
	errs = append(errs,
		checkOptionalSID("ChatGrant.ServiceSID", spec.ServiceSIDPrefix, g.ServiceSID),
		checkOptionalSID("ChatGrant.DeploymentRoleSID", spec.RoleSIDPrefix, g.DeploymentRoleSID),
		checkOptionalSID("ChatGrant.PushCredentialSID", spec.CredentialSIDPrefix, g.PushCredentialSID),
	)
	return errors.Join(errs...)
}
