package twiliochat

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/internal/spec"
	"github.com/e3f0929f/twiliochat/internal/testkit"
)

// testCredentialSID is a Credential SID for the tests.
const testCredentialSID = "CR0123456789abcdef0123456789abcdef"

// credentialsPath is the path of the Credentials list.
const credentialsPath = "/v2/Credentials"

// The secrets of the Credential tests: long and distinctive, so that a test
// can look for them, and for each line of the PEM ones, in any text.
const (
	testCertificate = "-----BEGIN CERTIFICATE-----\nMIIFnTCCBIWgAwIBAgIIAjy9H849CertDoNotPrint0123\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpDertLine2xyz\n-----END CERTIFICATE-----"
	testPrivateKey  = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpQIBAAKCAQEAuyfKeyDoNotPrint0123456789abcdef\nS2V5TGluZTJEb05vdFByaW50MDEyMzQ1Njc4OWFiY2RlZg\n-----END RSA PRIVATE KEY-----"
	testGCMAPIKey   = "AIzaSyGcmApiKeyDoNotPrint0123456789"
	testFCMSecret   = "AAAAfcmServerKeyDoNotPrint:APA91bH0123456789"
)

// testSecretTexts are the texts no output may hold: each secret, and each
// line of the PEM bodies (the BEGIN and END lines are not secret).
var testSecretTexts = []string{
	testCertificate, testPrivateKey, testGCMAPIKey, testFCMSecret,
	"MIIFnTCCBIWgAwIBAgIIAjy9H849CertDoNotPrint0123", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpDertLine2xyz",
	"MIIEpQIBAAKCAQEAuyfKeyDoNotPrint0123456789abcdef", "S2V5TGluZTJEb05vdFByaW50MDEyMzQ1Njc4OWFiY2RlZg",
	"CertDoNotPrint", "KeyDoNotPrint", "ApiKeyDoNotPrint", "ServerKeyDoNotPrint",
}

// assertNoSecret fails when text holds any of testSecretTexts.
func assertNoSecret(t *testing.T, text, what string) {
	t.Helper()
	for _, s := range testSecretTexts {
		assert.NotContains(t, text, s, "%s holds a secret", what)
	}
}

// allSecretsCreate is a Create with every key set.
func allSecretsCreate() *CreateCredentialParams {
	return &CreateCredentialParams{
		Type:         Ptr(PushServiceAPN),
		FriendlyName: Ptr("iOS production"),
		Certificate:  Ptr(testCertificate),
		PrivateKey:   Ptr(testPrivateKey),
		Sandbox:      Ptr(false),
		APIKey:       Ptr(testGCMAPIKey),
		Secret:       Ptr(testFCMSecret),
	}
}

// allSecretsUpdate is an Update with every key set.
func allSecretsUpdate() *UpdateCredentialParams {
	return &UpdateCredentialParams{
		FriendlyName: Ptr("iOS production"),
		Certificate:  Ptr(testCertificate),
		PrivateKey:   Ptr(testPrivateKey),
		Sandbox:      Ptr(true),
		APIKey:       Ptr(testGCMAPIKey),
		Secret:       Ptr(testFCMSecret),
	}
}

// specCredential is the Credential of the spec's Create, Fetch, Update and
// List examples, field by field.
func specCredential() Credential {
	date := time.Date(2015, 10, 7, 17, 50, 1, 0, time.UTC)
	return Credential{
		SID:          "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		AccountSID:   "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		FriendlyName: "Test slow create",
		Type:         PushServiceAPN,
		Sandbox:      false,
		DateCreated:  date,
		DateUpdated:  date,
		URL:          "https://chat.twilio.com/v2/Credentials/CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	}
}

// newTestCredentials starts a recorder answering with handler and returns
// the Credentials of a client pointed at it.
func newTestCredentials(t *testing.T, handler http.HandlerFunc, opts ...Option) (*CredentialsService, *recorder) {
	t.Helper()
	rec := newRecorder(t, handler)
	return rec.client(t, opts...).Credentials, rec
}

func TestCredentialsCreateWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		params   *CreateCredentialParams
		wantBody string
		wantForm url.Values
	}{
		{
			name:     "spec example",
			params:   &CreateCredentialParams{Type: Ptr(PushServiceAPN)},
			wantBody: "Type=apn",
			wantForm: readGoldenForm(t, "testdata/create_credential_request.form"),
		},
		{
			name:   "every key, the secrets as they are",
			params: allSecretsCreate(),
			wantBody: "ApiKey=" + url.QueryEscape(testGCMAPIKey) + "&Certificate=" + url.QueryEscape(testCertificate) +
				"&FriendlyName=iOS+production&PrivateKey=" + url.QueryEscape(testPrivateKey) +
				"&Sandbox=false&Secret=" + url.QueryEscape(testFCMSecret) + "&Type=apn",
			wantForm: url.Values{
				"Type": {"apn"}, "FriendlyName": {"iOS production"}, "Certificate": {testCertificate},
				"PrivateKey": {testPrivateKey}, "Sandbox": {"false"}, "ApiKey": {testGCMAPIKey}, "Secret": {testFCMSecret},
			},
		},
		{
			name:     "FCM, an empty name sent as set",
			params:   &CreateCredentialParams{Type: Ptr(PushServiceFCM), FriendlyName: Ptr(""), Secret: Ptr("k&y=1")},
			wantBody: "FriendlyName=&Secret=k%26y%3D1&Type=fcm",
			wantForm: url.Values{"Type": {"fcm"}, "FriendlyName": {""}, "Secret": {"k&y=1"}},
		},
		{
			name:     "GCM, sandbox true, 64 characters",
			params:   &CreateCredentialParams{Type: Ptr(PushServiceGCM), FriendlyName: Ptr(strings.Repeat("é", 64)), Sandbox: Ptr(true)},
			wantBody: "FriendlyName=" + strings.Repeat("%C3%A9", 64) + "&Sandbox=true&Type=gcm",
			wantForm: url.Values{"Type": {"gcm"}, "FriendlyName": {strings.Repeat("é", 64)}, "Sandbox": {"true"}},
		},
	}
	cases := make([]wireCase, len(tests))
	for i, tt := range tests {
		cases[i] = wireCase{name: tt.name, method: http.MethodPost, path: credentialsPath, body: tt.wantBody, form: tt.wantForm,
			call:   func(c *Client) (any, error) { return valueOf(c.Credentials.Create(context.Background(), tt.params)) },
			answer: "testdata/credential_create.json", status: http.StatusCreated, want: Ptr(specCredential())}
	}
	runWireCases(t, cases)
}

func TestCredentialsCreateValidation(t *testing.T) {
	t.Parallel()
	with := func(change func(p *CreateCredentialParams)) *CreateCredentialParams {
		p := allSecretsCreate()
		change(p)
		return p
	}
	tests := []struct {
		name   string
		params *CreateCredentialParams
		want   []string
	}{
		{name: "nil params", params: nil, want: []string{"Type: is required"}},
		{name: "zero params", params: &CreateCredentialParams{}, want: []string{"Type: is required"}},
		{name: "secrets without Type", params: with(func(p *CreateCredentialParams) { p.Type = nil }), want: []string{"Type: is required"}},
		{name: "unknown Type", params: with(func(p *CreateCredentialParams) { p.Type = Ptr(PushService("APN")) }), want: []string{
			`Type: "APN" is not "gcm", "apn" or "fcm"`}},
		{name: "empty Type", params: with(func(p *CreateCredentialParams) { p.Type = Ptr(PushService("")) }), want: []string{
			`Type: "" is not "gcm", "apn" or "fcm"`}},
		{name: "65 runes", params: with(func(p *CreateCredentialParams) { p.FriendlyName = Ptr(strings.Repeat("é", 65)) }), want: []string{
			"FriendlyName: is 65 characters (runes) long, the most is 64"}},
		{name: "both", params: with(func(p *CreateCredentialParams) {
			p.Type, p.FriendlyName = Ptr(PushService("voip")), Ptr(strings.Repeat("x", 100))
		}), want: []string{`Type: "voip" is not "gcm", "apn" or "fcm"`, "FriendlyName: is 100 characters (runes) long, the most is 64"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			creds, rec := newTestCredentials(t, serveFile(t, http.StatusCreated, "testdata/credential_create.json"))

			cred, err := creds.Create(context.Background(), tt.params)

			assert.Nil(t, cred)
			assert.Equal(t, tt.want, fieldReasons(err))
			assert.Empty(t, rec.requests())
		})
	}
}

func TestCredentialsUpdateWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		params   *UpdateCredentialParams
		wantForm url.Values
	}{
		{name: "spec example", params: &UpdateCredentialParams{FriendlyName: Ptr("Test slow create")},
			wantForm: readGoldenForm(t, "testdata/update_credential_request.form")},
		{name: "every key", params: allSecretsUpdate(), wantForm: url.Values{
			"FriendlyName": {"iOS production"}, "Certificate": {testCertificate}, "PrivateKey": {testPrivateKey},
			"Sandbox": {"true"}, "ApiKey": {testGCMAPIKey}, "Secret": {testFCMSecret},
		}},
		{name: "sandbox off alone", params: &UpdateCredentialParams{Sandbox: Ptr(false)}, wantForm: url.Values{"Sandbox": {"false"}}},
		{name: "nil params", params: nil, wantForm: url.Values{}},
	}
	cases := make([]wireCase, len(tests))
	for i, tt := range tests {
		cases[i] = wireCase{name: tt.name, method: http.MethodPost, path: credentialsPath + "/" + testCredentialSID, form: tt.wantForm,
			call: func(c *Client) (any, error) {
				return valueOf(c.Credentials.Update(context.Background(), testCredentialSID, tt.params))
			},
			answer: "testdata/credential_update.json", want: Ptr(specCredential())}
	}
	runWireCases(t, cases)
}

func TestCredentialsUpdateValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		sid    string
		params *UpdateCredentialParams
		want   []string
	}{
		{name: "65 characters", params: &UpdateCredentialParams{FriendlyName: Ptr(strings.Repeat("x", 65)), Certificate: Ptr(testCertificate)}, want: []string{
			"FriendlyName: is 65 characters (runes) long, the most is 64"}},
		{name: "a Service SID", sid: testServiceSID, params: allSecretsUpdate(), want: []string{
			`Sid: "` + testServiceSID + `" is not CR followed by 32 hex digits`}},
		{name: "both", sid: "CR", params: &UpdateCredentialParams{FriendlyName: Ptr(strings.Repeat("x", 65)), PrivateKey: Ptr(testPrivateKey)}, want: []string{
			`Sid: "CR" is not CR followed by 32 hex digits`, "FriendlyName: is 65 characters (runes) long, the most is 64"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			creds, rec := newTestCredentials(t, serveFile(t, http.StatusOK, "testdata/credential_update.json"))

			cred, err := creds.Update(context.Background(), cmp.Or(tt.sid, testCredentialSID), tt.params)

			assert.Nil(t, cred)
			assert.Equal(t, tt.want, fieldReasons(err))
			assert.Empty(t, rec.requests())
		})
	}
}

// TestCredentialSandbox checks that sandbox decodes to a bool from Twilio's
// string, whatever its case, from a JSON bool and from null, and that
// anything else fails the call with a *DecodeError.
func TestCredentialSandbox(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sandbox string // JSON
		want    bool
		wantErr string
	}{
		{sandbox: `"True"`, want: true},
		{sandbox: `"False"`, want: false},
		{sandbox: `"true"`, want: true},
		{sandbox: `"false"`, want: false},
		{sandbox: `"TRUE"`, want: true},
		{sandbox: `true`, want: true},
		{sandbox: `false`, want: false},
		{sandbox: `null`, want: false},
		{sandbox: ``, want: false}, // no sandbox key
		{sandbox: `"yes"`, wantErr: "sandbox is a string that is not true or false"},
		{sandbox: `""`, wantErr: "sandbox is a string that is not true or false"},
		{sandbox: `1`, wantErr: "sandbox is neither a string nor a bool"},
		{sandbox: `{"on": true}`, wantErr: "sandbox is neither a string nor a bool"},
	}
	for _, tt := range tests {
		t.Run(cmp.Or(tt.sandbox, "missing"), func(t *testing.T) {
			t.Parallel()
			body := `{"sid": "` + testCredentialSID + `", "type": "apn"`
			if tt.sandbox != "" {
				body += `, "sandbox": ` + tt.sandbox
			}
			creds, _ := newTestCredentials(t, respondJSON(http.StatusOK, body+"}"))

			cred, err := creds.Fetch(context.Background(), testCredentialSID)

			if tt.wantErr != "" {
				assert.Nil(t, cred)
				var decErr *DecodeError
				require.ErrorAs(t, err, &decErr)
				assert.EqualError(t, decErr.Err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, &Credential{SID: testCredentialSID, Type: PushServiceAPN, Sandbox: tt.want}, cred)
		})
	}
}

// TestCredentialDecodesNulls checks that JSON nulls decode to zero values
// and that a push service Twilio may add later decodes without an error (an
// answer without a usable sid is TestDecodeUnusable's).
func TestCredentialDecodesNulls(t *testing.T) {
	t.Parallel()
	creds, _ := newTestCredentials(t, respondJSON(http.StatusOK, `{
		"sid": "`+testCredentialSID+`", "account_sid": null, "friendly_name": null, "type": "hms",
		"sandbox": null, "date_created": null, "date_updated": null, "url": null, "added_later": [1]}`))
	cred, err := creds.Fetch(context.Background(), testCredentialSID)
	require.NoError(t, err)
	assert.Equal(t, &Credential{SID: testCredentialSID, Type: PushService("hms")}, cred)
}

func TestCredentialsListPageWire(t *testing.T) {
	t.Parallel()
	const pageURL = "https://chat.twilio.com/v2/Credentials?PageSize=50&Page=0"
	meta := PageMeta{FirstPageURL: pageURL, URL: pageURL, PageSize: 50, Key: "credentials"}
	tests := []struct {
		name      string
		file      string
		params    *ListCredentialsParams
		wantQuery string
		wantPage  *CredentialPage
	}{
		{name: "nil params", file: "credentials_page_full.json", wantPage: &CredentialPage{Items: []Credential{specCredential()}, Meta: meta}},
		{name: "the largest page", file: "credentials_page_full.json", params: &ListCredentialsParams{PageSize: Ptr(1000)}, wantQuery: "PageSize=1000",
			wantPage: &CredentialPage{Items: []Credential{specCredential()}, Meta: meta}},
		{name: "a limit above the largest page", file: "credentials_page_empty.json", params: &ListCredentialsParams{Limit: 5000}, wantQuery: "PageSize=1000",
			wantPage: &CredentialPage{Items: []Credential{}, Meta: meta}},
	}
	cases := make([]wireCase, len(tests))
	for i, tt := range tests {
		cases[i] = wireCase{name: tt.name, method: http.MethodGet, path: credentialsPath, query: tt.wantQuery,
			call:   func(c *Client) (any, error) { return valueOf(c.Credentials.ListPage(context.Background(), tt.params)) },
			answer: "testdata/" + tt.file, want: tt.wantPage}
	}
	runWireCases(t, cases)
}

func TestCredentialsPages(t *testing.T) {
	t.Parallel()
	creds, rec := newTestCredentials(t, (&fakeList{total: 5, path: credentialsPath, key: "credentials", prefix: "CR"}).ServeHTTP)
	ctx := context.Background()

	page, err := creds.ListPage(ctx, &ListCredentialsParams{PageSize: Ptr(2)})
	pages := walkPages(t, page, err, func(p *CredentialPage) (*CredentialPage, error) { return creds.NextPage(ctx, p) })
	assert.Equal(t, itemSIDs("CR", 0, 5), sidsOfPages(pages))

	got := testkit.RangeAll(creds.List(ctx, &ListCredentialsParams{PageSize: Ptr(2), Limit: 3}), nil)
	assert.Empty(t, got.Errs)
	assert.Equal(t, itemSIDs("CR", 0, 3), sidsOfItems(got.Items))
	assert.Equal(t, []string{"PageSize=2", "Page=1&PageSize=2&PageToken=PT1", "Page=2&PageSize=2&PageToken=PT2", "PageSize=2", "Page=1&PageSize=2&PageToken=PT1"},
		listQueries(t, rec, credentialsPath))

	for _, bad := range []*ListCredentialsParams{{PageSize: Ptr(1001)}, {PageSize: Ptr(0)}} {
		_, err := creds.ListPage(ctx, bad)
		assert.Equal(t, []string{"PageSize: " + fmt.Sprintf("%d is not between 1 and 1000", *bad.PageSize)}, fieldReasons(err))
	}
	assert.EqualValues(t, 5, rec.hits(), "a bad PageSize sends nothing")
}

// holder holds the params types as a caller's struct might.
type holder struct {
	Create   CreateCredentialParams
	Update   *UpdateCredentialParams
	create   CreateCredentialParams
	update   *UpdateCredentialParams
	Both     []any
	Nested   map[string]CreateCredentialParams
	Untyped  any
	Embedded struct{ P *CreateCredentialParams }
}

// TestCredentialParamsNeverPrintSecrets checks every way a caller may print
// the params, alone or inside a struct of their own: fmt's verbs, GoString,
// slog's text and JSON handlers and encoding/json. Each shows the fields
// that are set, and no secret.
func TestCredentialParamsNeverPrintSecrets(t *testing.T) {
	t.Parallel()
	create, update := allSecretsCreate(), allSecretsUpdate()
	const wantCreate = `twiliochat.CreateCredentialParams{Type: "apn", FriendlyName: "iOS production", Certificate: [redacted], PrivateKey: [redacted], Sandbox: false, APIKey: [redacted], Secret: [redacted]}`
	const wantUpdate = `twiliochat.UpdateCredentialParams{FriendlyName: "iOS production", Certificate: [redacted], PrivateKey: [redacted], Sandbox: true, APIKey: [redacted], Secret: [redacted]}`
	h := holder{Create: *create, Update: update, create: *create, update: update, Both: []any{create, update, *create, *update},
		Nested: map[string]CreateCredentialParams{"x": *create}, Untyped: create}
	h.Embedded.P = create

	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d", "%10.3v"} {
		for name, v := range map[string]any{"create": create, "*create": *create, "update": update, "*update": *update, "holder": h, "&holder": &h} {
			text := fmt.Sprintf(verb, v)
			assertNoSecret(t, text, verb+" of "+name)
			assert.Contains(t, text, "[redacted]", verb+" of "+name)
		}
	}
	assert.Equal(t, wantCreate, fmt.Sprintf("%v", create))
	assert.Equal(t, wantCreate, fmt.Sprintf("%#v", *create))
	assert.Equal(t, wantUpdate, fmt.Sprintf("%+v", update))
	assert.Equal(t, wantCreate, create.GoString())
	assert.Equal(t, wantUpdate, update.GoString())
	assert.Equal(t, `twiliochat.CreateCredentialParams{Type: "gcm"}`, fmt.Sprint(CreateCredentialParams{Type: Ptr(PushServiceGCM)}))
	assert.Equal(t, `twiliochat.UpdateCredentialParams{}`, fmt.Sprint(UpdateCredentialParams{}))
	assert.Equal(t, "<nil>", fmt.Sprint((*UpdateCredentialParams)(nil)))
	assert.Equal(t, `twiliochat.UpdateCredentialParams{Secret: [redacted]}`, fmt.Sprint(UpdateCredentialParams{Secret: Ptr("")}),
		"an empty secret is redacted too: only whether it is set shows")

	var text, js bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("creating", "params", create, "update", *update, "holder", h)
	slog.New(slog.NewJSONHandler(&js, nil)).Info("creating", "params", create, "update", *update, "holder", h)
	assertNoSecret(t, text.String(), "slog text")
	assertNoSecret(t, js.String(), "slog JSON")
	assert.Contains(t, text.String(), "params.Certificate=[redacted]")
	assert.Contains(t, text.String(), "params.Type=apn")
	assert.Contains(t, js.String(), `"update":{"FriendlyName":"iOS production","Certificate":"[redacted]"`)

	for name, v := range map[string]any{"create": create, "update": *update, "holder": h} {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		assertNoSecret(t, string(b), "JSON of "+name)
	}
	b, err := json.Marshal(create)
	require.NoError(t, err)
	assert.JSONEq(t, `{"Type": "apn", "FriendlyName": "iOS production", "Certificate": "[redacted]", "PrivateKey": "[redacted]",
		"Sandbox": false, "APIKey": "[redacted]", "Secret": "[redacted]"}`, string(b))
}

// mustRead returns the contents of a testdata file.
func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}

// TestPushServicesAreTheSpecs checks the PushService constants against the
// spec's credential_enum_push_service, which Create checks Type against.
func TestPushServicesAreTheSpecs(t *testing.T) {
	t.Parallel()
	assert.Equal(t, spec.PushServices, []string{string(PushServiceGCM), string(PushServiceAPN), string(PushServiceFCM)})
}

// TestScrubSecrets checks the pieces of scrubSecrets: nil in, nil out; no
// secret, the same error; only the fields tagged redact count; a secret
// shorter than 8 characters is left alone.
func TestScrubSecrets(t *testing.T) {
	t.Parallel()
	assert.NoError(t, scrubSecrets(nil, allSecretsCreate().secrets()))
	plain := errors.New("twiliochat: no secret here")
	assert.Same(t, plain, scrubSecrets(plain, allSecretsUpdate().secrets()))
	assert.Same(t, plain, scrubSecrets(plain, (*UpdateCredentialParams)(nil).secrets()))
	assert.Same(t, plain, scrubSecrets(plain, nil))
	notSecret := errors.New("name iOS production")
	assert.Same(t, notSecret, scrubSecrets(notSecret, allSecretsUpdate().secrets()), "FriendlyName is no secret")
	assert.EqualError(t, scrubSecrets(errors.New("key "+testGCMAPIKey+" and abc"), (&UpdateCredentialParams{APIKey: Ptr(testGCMAPIKey), Secret: Ptr("abc")}).secrets()),
		"key [redacted] and abc")
}
