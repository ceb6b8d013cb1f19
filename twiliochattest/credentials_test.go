package twiliochattest_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// Secrets the Credential tests send: the fake must never answer with them.
const (
	fakeCertificate = "-----BEGIN CERTIFICATE-----\nMIIFakeCertificateBodyNeverEchoed0123456789\n-----END CERTIFICATE-----"
	fakePrivateKey  = "-----BEGIN RSA PRIVATE KEY-----\nMIIFakePrivateKeyBodyNeverEchoed0123456789\n-----END RSA PRIVATE KEY-----"
	fakeAPIKey      = "fake-gcm-api-key-never-echoed"
	fakeSecret      = "fake-fcm-server-key-never-echoed"
)

// assertNoFakeSecret fails when text holds a secret the tests sent.
func assertNoFakeSecret(t *testing.T, text string) {
	t.Helper()
	for _, s := range []string{"NeverEchoed", "never-echoed"} {
		assert.NotContains(t, text, s)
	}
}

// TestCredentialLifecycle walks a Credential through the SDK: Create with
// every key, Fetch, Update, the list and Delete, and checks that no
// answer carries a secret while the requests did.
func TestCredentialLifecycle(t *testing.T) {
	t.Parallel()
	srv, clock := newServerWithClock(t, twiliochattest.WithSeed(3))
	client := srv.NewClient()
	ctx := context.Background()

	created, err := client.Credentials.Create(ctx, &twiliochat.CreateCredentialParams{
		Type:         twiliochat.Ptr(twiliochat.PushServiceAPN),
		FriendlyName: twiliochat.Ptr("iOS"),
		Certificate:  twiliochat.Ptr(fakeCertificate),
		PrivateKey:   twiliochat.Ptr(fakePrivateKey),
		Sandbox:      twiliochat.Ptr(true),
		APIKey:       twiliochat.Ptr(fakeAPIKey),
		Secret:       twiliochat.Ptr(fakeSecret),
	})
	require.NoError(t, err)
	assert.Regexp(t, `^CR[0-9a-f]{32}$`, created.SID)
	assert.Equal(t, twiliochat.Credential{
		SID: created.SID, AccountSID: srv.AccountSID(), FriendlyName: "iOS", Type: twiliochat.PushServiceAPN, Sandbox: true,
		DateCreated: t0, DateUpdated: t0, URL: srv.URL + "/v2/Credentials/" + created.SID,
	}, *created)

	sent := srv.RequestsTo("POST /v2/Credentials")
	require.Len(t, sent, 1)
	assert.Equal(t, fakeCertificate, sent[0].Form.Get("Certificate"), "the secrets went on the wire")
	assert.Equal(t, fakeSecret, sent[0].Form.Get("Secret"))

	fetched, err := client.Credentials.Fetch(ctx, created.SID)
	require.NoError(t, err)
	assert.Equal(t, created, fetched)

	clock.Advance(time.Minute)
	updated, err := client.Credentials.Update(ctx, created.SID, &twiliochat.UpdateCredentialParams{
		Sandbox: twiliochat.Ptr(false), PrivateKey: twiliochat.Ptr(fakePrivateKey),
	})
	require.NoError(t, err)
	want := *created
	want.Sandbox, want.DateUpdated = false, t0.Add(time.Minute)
	assert.Equal(t, want, *updated)

	gcm, err := srv.SeedCredential("", twiliochat.PushServiceGCM)
	require.NoError(t, err)
	var listed []string
	for cred, err := range client.Credentials.List(ctx, &twiliochat.ListCredentialsParams{PageSize: twiliochat.Ptr(1)}) {
		require.NoError(t, err)
		listed = append(listed, cred.SID)
	}
	assert.Equal(t, []string{created.SID, gcm}, listed)

	// Every answer, read raw: no secret, sandbox a string, a name never
	// given is null.
	for _, path := range []string{"/v2/Credentials", "/v2/Credentials/" + created.SID, "/v2/Credentials/" + gcm} {
		r := call(t, srv, http.MethodGet, path, nil)
		require.Equal(t, http.StatusOK, r.Status)
		assertNoFakeSecret(t, string(r.Body))
	}
	assert.Equal(t, map[string]any{
		"sid": gcm, "account_sid": srv.AccountSID(), "friendly_name": "", "type": "gcm", "sandbox": "False",
		"date_created": "2015-07-30T20:01:00Z", "date_updated": "2015-07-30T20:01:00Z", "url": srv.URL + "/v2/Credentials/" + gcm,
	}, call(t, srv, http.MethodGet, "/v2/Credentials/"+gcm, nil).JSON(t))
	raw := call(t, srv, http.MethodPost, "/v2/Credentials", form("Type", "fcm", "Secret", fakeSecret))
	require.Equal(t, http.StatusCreated, raw.Status)
	assert.Nil(t, raw.JSON(t)["friendly_name"], "no FriendlyName: null")
	assertNoFakeSecret(t, string(raw.Body))

	require.NoError(t, client.Credentials.Delete(ctx, created.SID))
	_, err = client.Credentials.Fetch(ctx, created.SID)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
	err = client.Credentials.Delete(ctx, created.SID)
	assert.True(t, twiliochat.IsNotFound(err), "%v", err)
}

// TestCredentialRejections checks the answers to what the SDK refuses
// before sending: 400 naming the key, nothing changed, no secret quoted.
func TestCredentialRejections(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	sid, err := srv.SeedCredential("iOS", twiliochat.PushServiceAPN)
	require.NoError(t, err)
	one := "/v2/Credentials/" + sid
	long := strings.Repeat("é", 65)

	tests := []struct {
		name, path, wantInMsg string
		form                  map[string][]string
	}{
		{"create without Type", "/v2/Credentials", "Type", form("FriendlyName", "x", "Secret", fakeSecret)},
		{"create with unknown Type", "/v2/Credentials", "Type", form("Type", "voip", "Secret", fakeSecret)},
		{"create with Type twice", "/v2/Credentials", "Type", form("Type", "apn", "Type", "gcm")},
		{"create with a long FriendlyName", "/v2/Credentials", "FriendlyName", form("Type", "apn", "FriendlyName", long)},
		{"create with a bad Sandbox", "/v2/Credentials", "Sandbox", form("Type", "apn", "Sandbox", "yes", "PrivateKey", fakePrivateKey)},
		{"create with an unknown key", "/v2/Credentials", "Sandboxed", form("Type", "apn", "Sandboxed", "true")},
		{"create with a secret twice", "/v2/Credentials", "Certificate", form("Type", "apn", "Certificate", fakeCertificate, "Certificate", fakeCertificate)},
		{"update of Type", one, "Type", form("Type", "gcm")},
		{"update with a bad Sandbox", one, "Sandbox", form("Sandbox", "True", "ApiKey", fakeAPIKey)},
		{"update with a long FriendlyName", one, "FriendlyName", form("FriendlyName", long, "Secret", fakeSecret)},
		{"update with a secret twice", one, "ApiKey", form("ApiKey", fakeAPIKey, "ApiKey", "other")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertRejected(t, srv, http.MethodPost, tt.path, tt.form, tt.wantInMsg, "/v2/Credentials")
			r := call(t, srv, http.MethodPost, tt.path, tt.form)
			assertNoFakeSecret(t, string(r.Body))
		})
	}

	t.Run("64 characters are fine", func(t *testing.T) {
		r := call(t, srv, http.MethodPost, one, form("FriendlyName", strings.Repeat("é", 64)))
		assert.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	})
	t.Run("PageSize up to 1000", func(t *testing.T) {
		assert.Equal(t, http.StatusOK, call(t, srv, http.MethodGet, "/v2/Credentials?PageSize=1000", nil).Status)
		assertTwilioError(t, call(t, srv, http.MethodGet, "/v2/Credentials?PageSize=1001", nil), http.StatusBadRequest, 20001)
	})
	t.Run("SeedCredential refuses what Create refuses", func(t *testing.T) {
		_, err := srv.SeedCredential("x", "voip")
		assert.ErrorContains(t, err, "Type")
		_, err = srv.SeedCredential(long, twiliochat.PushServiceFCM)
		assert.ErrorContains(t, err, "FriendlyName")
	})
}
