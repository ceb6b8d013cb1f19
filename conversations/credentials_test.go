package conversations

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
)

// The secrets of a Credential's params.
const (
	secretCert = "-----BEGIN CERTIFICATE-----\nMIIcertificate0123456789\n-----END CERTIFICATE-----"
	secretKey  = "-----BEGIN RSA PRIVATE KEY-----\nMIIprivatekey0123456789\n-----END RSA PRIVATE KEY-----"
	secretAPI  = "AAAAapikey0123456789"
	secretFCM  = "fcm-server-key-0123456789"
)

// secrets are the values no output may hold.
var secrets = []string{secretCert, secretKey, secretAPI, secretFCM, "MIIcertificate0123456789", "MIIprivatekey0123456789"}

// credentialParams returns the params of both operations that send
// secrets, each with every secret set.
func credentialParams() []any {
	return []any{
		&CreateCredentialParams{Type: twiliochat.Ptr(PushServiceAPN), FriendlyName: twiliochat.Ptr("ios"),
			Certificate: twiliochat.Ptr(secretCert), PrivateKey: twiliochat.Ptr(secretKey),
			APIKey: twiliochat.Ptr(secretAPI), Secret: twiliochat.Ptr(secretFCM)},
		&UpdateCredentialParams{FriendlyName: twiliochat.Ptr("ios"),
			Certificate: twiliochat.Ptr(secretCert), PrivateKey: twiliochat.Ptr(secretKey),
			APIKey: twiliochat.Ptr(secretAPI), Secret: twiliochat.Ptr(secretFCM)},
	}
}

// TestSecretsNeverPrinted prints a Credential's params with every fmt
// verb, slog and encoding/json, as values and pointers: each secret reads
// [redacted] and the other fields are there.
func TestSecretsNeverPrinted(t *testing.T) {
	t.Parallel()
	for _, p := range credentialParams() {
		var logged bytes.Buffer
		slog.New(slog.NewJSONHandler(&logged, nil)).Info("params", "p", p)
		js, err := json.Marshal(p)
		require.NoError(t, err)
		outputs := []string{logged.String(), string(js)}
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
			outputs = append(outputs, fmt.Sprintf(verb, p))
		}
		for _, out := range outputs {
			for _, s := range secrets {
				assert.NotContains(t, out, s)
			}
			assert.Contains(t, out, "[redacted]")
			assert.Contains(t, out, "ios")
		}
	}
}

// TestSecretsSentAndScrubbed sends a Credential's secrets: they reach the
// server as they are, and an error answer quoting them has them blanked
// out.
func TestSecretsSentAndScrubbed(t *testing.T) {
	t.Parallel()
	echo, err := json.Marshal(map[string]any{"code": 20001, "status": 400,
		"message": "Invalid certificate " + secretCert + " or key " + secretKey + ", api key " + secretAPI + ", secret " + secretFCM})
	require.NoError(t, err)
	srv := newServer(t, http.StatusBadRequest, echo)
	c := newTestClient(t, srv.URL)
	for _, p := range credentialParams() {
		var err error
		switch p := p.(type) {
		case *CreateCredentialParams:
			_, err = c.Credentials.Create(context.Background(), p)
		case *UpdateCredentialParams:
			_, err = c.Credentials.Update(context.Background(), "CR00000000000000000000000000000001", p)
		}
		var apiErr *twiliochat.APIError
		require.ErrorAs(t, err, &apiErr)
		for _, s := range secrets {
			assert.NotContains(t, err.Error(), s)
			assert.NotContains(t, apiErr.RawMessage, s)
		}
	}
	got := srv.requests()
	require.Len(t, got, 2)
	for _, r := range got {
		assert.Equal(t, secretCert, r.form.Get("Certificate"))
		assert.Equal(t, secretKey, r.form.Get("PrivateKey"))
		assert.Equal(t, secretAPI, r.form.Get("ApiKey"))
		assert.Equal(t, secretFCM, r.form.Get("Secret"))
	}
}
