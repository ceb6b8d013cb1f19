package twiliochattest

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"unicode/utf8"

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

// credentialSecretKeys are the form keys of a Credential's secrets: their
// values are accepted, and never stored, echoed or quoted in an error.
var credentialSecretKeys = []string{"Certificate", "PrivateKey", "ApiKey", "Secret"}

// credentialUpdateKeys are the form keys Update Credential accepts; Create
// accepts Type as well.
var credentialUpdateKeys = append([]string{"FriendlyName", "Sandbox"}, credentialSecretKeys...)

// SeedCredential creates a push Credential of the push service
// credentialType ("gcm", "apn" or "fcm") named friendlyName, without an
// HTTP request, and returns its SID. It goes through the same code as a
// Create Credential request and returns an error when the request would
// answer 400.
func (s *Server) SeedCredential(credentialType, friendlyName string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := s.seed("CreateCredential", nil, url.Values{"Type": {credentialType}, "FriendlyName": {friendlyName}})
	if msg, failed := resp.failed(); failed {
		return "", fmt.Errorf("twiliochattest: %s", msg)
	}
	return resp.body.(credential).SID, nil
}

var _ = serve("ListCredential", (*Server).listCredentials)

func (s *Server) listCredentials(c *call) response {
	return pageOf(c, s.URL+"/v2/Credentials", s.credentials.list(""))
}

var _ = serve("CreateCredential", (*Server).createCredential)

// createCredential stores a new Credential, without its secrets.
func (s *Server) createCredential(c *call) response {
	if k := unknownKey(c.form, append([]string{"Type"}, credentialUpdateKeys...)...); k != "" {
		return invalidf("Unknown parameter %s", k)
	}
	credType, msg := single(c.form, "Type")
	switch {
	case msg != "":
		return invalidf("%s", msg)
	case credType == "":
		return invalidf("Missing required parameter Type in the post body")
	case !slices.Contains(spec.PushServices, credType):
		return invalidf("Invalid parameter Type: must be gcm, apn or fcm, got %q", credType)
	}
	now := s.timestamp()
	sid := s.ids.next(spec.CredentialSIDPrefix)
	next := credential{
		SID:         sid,
		AccountSID:  s.account,
		Type:        credType,
		Sandbox:     "False",
		DateCreated: now,
		DateUpdated: now,
		URL:         s.URL + "/v2/Credentials/" + sid,
	}
	if msg := setCredentialKeys(&next, c.form); msg != "" {
		return invalidf("%s", msg)
	}
	return answer(http.StatusCreated, *s.credentials.add("", sid, "", next))
}

// setCredentialKeys checks the FriendlyName, Sandbox and secret keys of
// form and sets them on next. It returns why they are invalid, or "". A
// message never quotes a secret.
func setCredentialKeys(next *credential, form url.Values) string {
	for _, key := range credentialUpdateKeys {
		v, msg := single(form, key)
		if msg != "" {
			return msg
		}
		if _, ok := form[key]; !ok {
			continue
		}
		switch key {
		case "FriendlyName":
			if n := utf8.RuneCountInString(v); n > spec.MaxCredentialNameRunes {
				return fmt.Sprintf("Invalid parameter FriendlyName: must be at most %d characters, got %d", spec.MaxCredentialNameRunes, n)
			}
			next.FriendlyName = &v
		case "Sandbox":
			switch v {
			case "true":
				next.Sandbox = "True"
			case "false":
				next.Sandbox = "False"
			default:
				return "Invalid parameter Sandbox: must be true or false, got " + strconv.Quote(v)
			}
		}
	}
	return ""
}

var _ = serve("FetchCredential", (*Server).fetchCredential)

func (s *Server) fetchCredential(c *call) response {
	cred := s.credentials.get("", c.values["Sid"])
	if cred == nil {
		return notFound(c.path)
	}
	return answer(http.StatusOK, *cred)
}

var _ = serve("UpdateCredential", (*Server).updateCredential)

// updateCredential checks every key first and applies all or nothing. A
// Credential's Type cannot be changed: Type is an unknown key here.
func (s *Server) updateCredential(c *call) response {
	cred := s.credentials.get("", c.values["Sid"])
	if cred == nil {
		return notFound(c.path)
	}
	if k := unknownKey(c.form, credentialUpdateKeys...); k != "" {
		return invalidf("Unknown parameter %s", k)
	}
	next := *cred
	if msg := setCredentialKeys(&next, c.form); msg != "" {
		return invalidf("%s", msg)
	}
	next.DateUpdated = s.timestamp()
	*cred = next
	return answer(http.StatusOK, next)
}

var _ = serve("DeleteCredential", (*Server).deleteCredential)

func (s *Server) deleteCredential(c *call) response {
	if !s.credentials.remove("", c.values["Sid"]) {
		return notFound(c.path)
	}
	return noContent()
}
