package twiliochattest

import (
	"net/http"
	"net/url"
	"unicode/utf8"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// credential is the chat.v2.credential JSON resource. It has no field for
// the secrets a Credential is created with (certificate, private key, API
// key, server key): Twilio never sends them back, and the fake does not
// keep them. Pointer fields are replaced, never modified in place, so a
// shallow copy is a safe snapshot.
type credential struct {
	SID          string  `json:"sid"`
	AccountSID   string  `json:"account_sid"`
	FriendlyName *string `json:"friendly_name"`
	Type         string  `json:"type"`
	// Sandbox is "True" or "False", a string as Twilio sends it.
	Sandbox     string `json:"sandbox"`
	DateCreated string `json:"date_created"`
	DateUpdated string `json:"date_updated"`
	URL         string `json:"url"`
}

func (cr credential) sid() string { return cr.SID }

// credentialSecretKeys are the form keys of a Credential's secrets: their
// values are accepted, and never stored, echoed or quoted in an error.
var credentialSecretKeys = []string{spec.KeyCertificate, spec.KeyPrivateKey, spec.KeyAPIKey, spec.KeySecret}

// SeedCredential creates a push Credential named friendlyName for the push
// service credentialType and returns its SID. It returns an error when a
// Create Credential request would answer 400: a credentialType other than
// the three, or a friendlyName over 64 characters.
func (s *Server) SeedCredential(friendlyName string, credentialType twiliochat.PushService) (string, error) {
	return s.seedSID("CreateCredential", nil, url.Values{spec.KeyFriendlyName: {friendlyName}, spec.KeyType: {string(credentialType)}})
}

func (s *Server) listCredentials(c *call) response {
	return pageOf(c, s.server.URL+"/v2/Credentials", s.credentials.list(""))
}

// createCredential stores a new Credential, without its secrets.
func (s *Server) createCredential(c *call) response {
	f := readFields(c)
	credType := f.enum(spec.KeyType, spec.PushServices)
	if credType == nil {
		f.failf("Missing required parameter Type in the post body")
	}
	next := credential{AccountSID: s.account, Type: orDefault(credType, ""), Sandbox: "False"}
	f.credential(&next)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	next.SID = s.ids.next(spec.CredentialSIDPrefix)
	next.DateCreated = s.timestamp()
	next.DateUpdated = next.DateCreated
	next.URL = s.server.URL + "/v2/Credentials/" + next.SID
	return answer(http.StatusCreated, *s.credentials.add("", next.SID, "", next))
}

// credential reads the FriendlyName, Sandbox and secret keys into next. A
// problem it keeps never quotes a secret: a secret key given twice is
// refused by its name alone.
func (f *fields) credential(next *credential) {
	if name := f.text(spec.KeyFriendlyName); name != nil {
		if n := utf8.RuneCountInString(*name); n > spec.MaxCredentialNameRunes {
			f.failf("Invalid parameter FriendlyName: must be at most %d characters, got %d", spec.MaxCredentialNameRunes, n)
		}
		next.FriendlyName = name
	}
	switch orDefault(f.enum(spec.KeySandbox, []string{"true", "false"}), "") {
	case "true":
		next.Sandbox = "True"
	case "false":
		next.Sandbox = "False"
	}
	for _, key := range credentialSecretKeys {
		f.text(key)
	}
}

func (s *Server) fetchCredential(c *call) response {
	return found(c, s.credentials.get("", c.values["Sid"]))
}

// updateCredential checks every key first and applies all or nothing. A
// Credential's Type cannot be changed: Type is an unknown key here.
func (s *Server) updateCredential(c *call) response {
	cred := s.credentials.get("", c.values["Sid"])
	if cred == nil {
		return notFound(c.path)
	}
	f := readFields(c)
	next := *cred
	f.credential(&next)
	if refusal, bad := f.refusal(); bad {
		return refusal
	}
	next.DateUpdated = s.timestamp()
	*cred = next
	return answer(http.StatusOK, next)
}

func (s *Server) deleteCredential(c *call) response {
	if !s.credentials.remove("", c.values["Sid"]) {
		return notFound(c.path)
	}
	return noContent()
}
