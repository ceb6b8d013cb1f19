package twiliochat

import (
	"os"
	"strings"

	"github.com/e3f0929f/twiliochat/internal/engine"
)

// The environment variables NewClientFromEnv reads.
const (
	envAccountSID = "TWILIO_ACCOUNT_SID"
	envAuthToken  = "TWILIO_AUTH_TOKEN"
	envAPIKey     = "TWILIO_API_KEY"
	envAPISecret  = "TWILIO_API_SECRET"
	envEdge       = "TWILIO_EDGE"
	envRegion     = "TWILIO_REGION"
)

// NewClientFromEnv returns a Client configured from the environment:
// TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and
// TWILIO_API_SECRET for an API key, and TWILIO_EDGE and TWILIO_REGION. opts
// are applied after the environment's settings, so they win; an API key set
// with WithAPIKey makes TWILIO_AUTH_TOKEN unnecessary.
//
// When a variable it needs is missing or malformed, the error is a
// *ValidationError whose Field is the variable, saying what is wrong with
// it, never its value: TWILIO_ACCOUNT_SID
// and TWILIO_AUTH_TOKEN are required (unless an API key is given), an API
// key needs both of its variables, the SIDs must be AC or SK followed by 32
// hex digits, no value may start or end with white space, and an edge or a
// region must be a host name label.
func NewClientFromEnv(opts ...Option) (*Client, error) {
	envOpts, err := optionsFromEnv(opts)
	if err != nil {
		return nil, err
	}
	return NewClient(os.Getenv(envAccountSID), os.Getenv(envAuthToken), append(envOpts, opts...)...)
}

// optionsFromEnv checks the variables NewClientFromEnv needs, given the
// caller's opts, and returns the options that the API key, edge and region
// variables set.
func optionsFromEnv(opts []Option) ([]Option, error) {
	// What the caller's own options set decides which variables are needed.
	var given config
	if err := given.apply(opts); err != nil {
		return nil, err
	}
	if err := envSID(envAccountSID, accountSIDPrefix); err != nil {
		return nil, err
	}
	var envOpts []Option
	key, secret := os.Getenv(envAPIKey), os.Getenv(envAPISecret)
	switch {
	case key == "" && secret != "":
		return nil, errEnv(envAPIKey, "is not set, but "+envAPISecret+" is")
	case key != "" && secret == "":
		return nil, errEnv(envAPISecret, "is not set, but "+envAPIKey+" is")
	case key != "":
		if err := envSID(envAPIKey, apiKeySIDPrefix); err != nil {
			return nil, err
		}
		if err := envSecret(envAPISecret); err != nil {
			return nil, err
		}
		envOpts = append(envOpts, WithAPIKey(key, secret))
	case given.keySID == "":
		if os.Getenv(envAuthToken) == "" {
			return nil, errEnv(envAuthToken, "is not set, nor are "+envAPIKey+" and "+envAPISecret)
		}
		if err := envSecret(envAuthToken); err != nil {
			return nil, err
		}
	}
	for _, name := range []string{envEdge, envRegion} {
		v := os.Getenv(name)
		switch {
		case v == "":
			continue
		case !isHostLabel(v):
			return nil, errEnv(name, "is not a host name label (lower-case letters, digits and hyphens)")
		case given.baseURL != "":
			return nil, errEnv(name, "is set, and WithBaseURL cannot be combined with an edge or a region")
		}
		if name == envEdge {
			envOpts = append(envOpts, WithEdge(v))
		} else {
			envOpts = append(envOpts, WithRegion(v))
		}
	}
	return envOpts, nil
}

// envSID checks that the variable name holds a SID with prefix.
func envSID(name, prefix string) error {
	v := os.Getenv(name)
	switch {
	case v == "":
		return errEnv(name, "is not set")
	case strings.TrimSpace(v) != v:
		return errEnv(name, "starts or ends with white space")
	case !isSID(prefix, v):
		return errEnv(name, "is not "+prefix+" followed by 32 hex digits")
	}
	return nil
}

// envSecret checks that the variable name, a secret that is set, has no
// white space around it, which would make every request fail with a 401.
func envSecret(name string) error {
	if v := os.Getenv(name); strings.TrimSpace(v) != v {
		return errEnv(name, "starts or ends with white space")
	}
	return nil
}

// errEnv is the *ValidationError for the environment variable name; it
// never holds the variable's value, which may be a secret.
func errEnv(name, problem string) error {
	return engine.Invalid(name, "%s", problem)
}
