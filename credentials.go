package twiliochat

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"strconv"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// CredentialsAPI is the set of operations on the push Credentials of an
// account. *CredentialsService implements it; downstream code can depend on
// CredentialsAPI and substitute a fake in its own unit tests. Methods may be
// added to CredentialsAPI in minor releases, as Twilio adds operations: a
// fake that embeds CredentialsAPI keeps compiling.
type CredentialsAPI interface {
	// Create creates a Credential and returns it as Twilio stored it,
	// without its secrets.
	Create(ctx context.Context, params *CreateCredentialParams) (*Credential, error)
	// Fetch returns the Credential credentialSID.
	Fetch(ctx context.Context, credentialSID string) (*Credential, error)
	// Update changes the Credential credentialSID and returns it as Twilio stored it.
	Update(ctx context.Context, credentialSID string, params *UpdateCredentialParams) (*Credential, error)
	// Delete deletes the Credential credentialSID.
	Delete(ctx context.Context, credentialSID string) error
	// ListPage returns the first page of the account's Credentials.
	ListPage(ctx context.Context, params *ListCredentialsParams) (*CredentialPage, error)
	// NextPage returns the page after page, or nil after the last page.
	NextPage(ctx context.Context, page *CredentialPage) (*CredentialPage, error)
	// List returns an iterator over every Credential, page by page.
	List(ctx context.Context, params *ListCredentialsParams) iter.Seq2[*Credential, error]
}

var _ CredentialsAPI = (*CredentialsService)(nil)

// CredentialsService calls the Chat v2 Credentials resource
// (/v2/Credentials). Use it through Client.Credentials; it is safe for
// concurrent use.
//
// A Credential holds what Twilio needs to send push notifications through
// one push service: an APN certificate and private key, a GCM API key or an
// FCM server key. These secrets go to Twilio in the request and nowhere
// else: the params types print them as [redacted] with every fmt verb, in
// slog and in JSON; no *ValidationError names their values; an error
// answer that quotes one has it blanked out; and WithLogger never logs a
// form value. Twilio never sends them back.
type CredentialsService struct {
	client *Client
}

// UnmarshalJSON decodes a Credential, reading sandbox from a JSON string
// ("True", "false", …), a JSON bool or null.
func (c *Credential) UnmarshalJSON(data []byte) error {
	type plain Credential // without this method
	var v struct {
		*plain
		Sandbox stringBool `json:"sandbox"`
	}
	v.plain = (*plain)(c)
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	c.Sandbox = bool(v.Sandbox)
	return nil
}

// stringBool is a bool Twilio sends as a JSON string ("True", "False"). It
// decodes from such a string, whatever its case, from a JSON bool, and
// from null (false).
type stringBool bool

// UnmarshalJSON decodes a stringBool.
func (b *stringBool) UnmarshalJSON(data []byte) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case nil:
		*b = false
	case bool:
		*b = stringBool(v)
	case string:
		parsed, err := strconv.ParseBool(v)
		if err != nil {
			// The value is not quoted: it is whatever the server sent.
			return errors.New("sandbox is a string that is not true or false")
		}
		*b = stringBool(parsed)
	default:
		return errors.New("sandbox is neither a string nor a bool")
	}
	return nil
}

// identity names the SID that identifies a Credential: a decoded one
// without it, such as one decoded from "{}", fails the call.
func (c *Credential) identity() identity {
	return identity{Kind: "Credential", Key: "sid", Prefix: spec.CredentialSIDPrefix, SID: c.SID}
}

// check makes the check the spec cannot state: FriendlyName's length.
func (p *CreateCredentialParams) check() error {
	return engine.CheckMaxRunes(keyFriendlyName, p.FriendlyName, spec.MaxCredentialNameRunes)
}

// Format prints p for every fmt verb (%v, %+v, %#v, %s, …) as its type and
// the fields that are set, each secret as [redacted].
func (p CreateCredentialParams) Format(f fmt.State, _ rune) { engine.FormatParams(f, p) }

// GoString returns what Format prints, each secret as [redacted].
func (p CreateCredentialParams) GoString() string { return engine.DescribeParams(p) }

// LogValue makes slog log p as a group of the fields that are set, each
// secret as [redacted].
func (p CreateCredentialParams) LogValue() slog.Value { return engine.LogParams(p) }

// MarshalJSON encodes p as an object of the fields that are set, by Go
// name, each secret as "[redacted]": JSON of the params cannot carry a
// secret either.
func (p CreateCredentialParams) MarshalJSON() ([]byte, error) { return engine.MarshalParams(p) }

// opCreateCredential describes the CreateCredential operation (see internal/spec).
var opCreateCredential = sendOp[*CreateCredentialParams, Credential]{spec.Lookup("CreateCredential")}

// Create creates a Credential of the required params.Type and returns it as
// Twilio stored it, without its secrets. No error holds a secret of params:
// one Twilio quotes back is blanked out.
func (s *CredentialsService) Create(ctx context.Context, params *CreateCredentialParams) (*Credential, error) {
	return opCreateCredential.call(ctx, s.client, params)
}

// opFetchCredential describes the FetchCredential operation (see internal/spec).
var opFetchCredential = fetchOp[Credential]{spec.Lookup("FetchCredential")}

// Fetch returns the Credential credentialSID, without its secrets.
func (s *CredentialsService) Fetch(ctx context.Context, credentialSID string) (*Credential, error) {
	return opFetchCredential.call(ctx, s.client, credentialSID)
}

// check makes the check the spec cannot state: FriendlyName's length.
func (p *UpdateCredentialParams) check() error {
	return engine.CheckMaxRunes(keyFriendlyName, p.FriendlyName, spec.MaxCredentialNameRunes)
}

// Format prints p for every fmt verb (%v, %+v, %#v, %s, …) as its type and
// the fields that are set, each secret as [redacted].
func (p UpdateCredentialParams) Format(f fmt.State, _ rune) { engine.FormatParams(f, p) }

// GoString returns what Format prints, each secret as [redacted].
func (p UpdateCredentialParams) GoString() string { return engine.DescribeParams(p) }

// LogValue makes slog log p as a group of the fields that are set, each
// secret as [redacted].
func (p UpdateCredentialParams) LogValue() slog.Value { return engine.LogParams(p) }

// MarshalJSON encodes p as an object of the fields that are set, by Go
// name, each secret as "[redacted]".
func (p UpdateCredentialParams) MarshalJSON() ([]byte, error) { return engine.MarshalParams(p) }

// opUpdateCredential describes the UpdateCredential operation (see internal/spec).
var opUpdateCredential = sendOp[*UpdateCredentialParams, Credential]{spec.Lookup("UpdateCredential")}

// Update changes the Credential credentialSID with the keys set in params and returns
// it as Twilio stored it, without its secrets. No error holds a secret of
// params: one Twilio quotes back is blanked out.
func (s *CredentialsService) Update(ctx context.Context, credentialSID string, params *UpdateCredentialParams) (*Credential, error) {
	return opUpdateCredential.call(ctx, s.client, params, credentialSID)
}

// opDeleteCredential describes the DeleteCredential operation (see internal/spec).
var opDeleteCredential = deleteOp[*noParams]{spec.Lookup("DeleteCredential")}

// Delete deletes the Credential credentialSID.
func (s *CredentialsService) Delete(ctx context.Context, credentialSID string) error {
	return opDeleteCredential.call(ctx, s.client, nil, credentialSID)
}

// CredentialPage is one page of the account's Credentials list.
type CredentialPage = Page[Credential]

// opListCredential describes the ListCredential operation (see internal/spec).
var opListCredential = listOp[*ListCredentialsParams, Credential]{spec.Lookup("ListCredential")}

// ListPage returns the first page of the account's Credentials.
func (s *CredentialsService) ListPage(ctx context.Context, params *ListCredentialsParams) (*CredentialPage, error) {
	return opListCredential.page(ctx, s.client, params)
}

// NextPage returns the Credentials page after page, or nil after the last
// page.
func (s *CredentialsService) NextPage(ctx context.Context, page *CredentialPage) (*CredentialPage, error) {
	return opListCredential.next(ctx, s.client, page)
}

// List returns an iterator over every Credential of the account.
//
//	for cred, err := range client.Credentials.List(ctx, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(cred.SID, cred.Type, cred.FriendlyName)
//	}
func (s *CredentialsService) List(ctx context.Context, params *ListCredentialsParams) iter.Seq2[*Credential, error] {
	return opListCredential.items(ctx, s.client, params)
}
