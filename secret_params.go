package twiliochat

import (
	"strings"
)

// How a params type that holds secrets (CreateCredentialParams'
// Certificate, PrivateKey, ApiKey and Secret) stays out of every output but
// the request: see internal/engine's params_text.go, whose functions its
// Format, GoString, LogValue and MarshalJSON methods call. Every error of an operation goes through scrubSecrets with the values of
// its params' secrets (their generated secrets method), in case Twilio
// quotes a value back.

// scrubSecrets returns err with values, the secrets a request's params
// sent, blanked out of its text (see redactor): a server may quote a value
// it refuses. Each
// line of a secret of several lines (a PEM certificate or key) is blanked
// out on its own too, so an error quoting one line of it is caught. As with
// the Client's credentials, a secret or line shorter than 8 characters
// cannot be told from ordinary text and is left alone.
func scrubSecrets(err error, values []string) error {
	if err == nil || len(values) == 0 {
		return err
	}
	var secrets []string
	for _, s := range values {
		secrets = append(secrets, s)
		if strings.Contains(s, "\n") {
			for _, line := range strings.Split(s, "\n") {
				secrets = append(secrets, strings.TrimSpace(line))
			}
		}
	}
	if len(secrets) == 0 {
		return err
	}
	return newRedactor("", "", secrets...).scrub(err)
}
