package twiliochat_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"slices"

	"github.com/e3f0929f/twiliochat"
)

// Create stores an APN Credential. Its secrets go to Twilio and nowhere
// else: the answer never carries them, and the params print them as
// [redacted].
func ExampleCredentialsService_Create() {
	srv, client := startFake()
	defer srv.Close()
	params := &twiliochat.CreateCredentialParams{
		Type:         twiliochat.Ptr(twiliochat.PushServiceAPN),
		FriendlyName: twiliochat.Ptr("iOS production"),
		Certificate:  twiliochat.Ptr("-----BEGIN CERTIFICATE-----\nMIIFnTCCBIWgAwIBAgII…\n-----END CERTIFICATE-----"),
		PrivateKey:   twiliochat.Ptr("-----BEGIN RSA PRIVATE KEY-----\nMIIEpQIBAAKCAQEAuyf…\n-----END RSA PRIVATE KEY-----"),
		Sandbox:      twiliochat.Ptr(false),
	}

	cred, err := client.Credentials.Create(context.Background(), params)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cred.FriendlyName, cred.Type, cred.Sandbox)
	fmt.Println(params)
	fmt.Println("keys sent:", len(srv.Requests()[0].Form))

	_, err = client.Credentials.Create(context.Background(), &twiliochat.CreateCredentialParams{Secret: twiliochat.Ptr("fcm-server-key")})
	fmt.Println(err)
	// Output:
	// iOS production apn false
	// twiliochat.CreateCredentialParams{Type: "apn", FriendlyName: "iOS production", Certificate: [redacted], PrivateKey: [redacted], Sandbox: false}
	// keys sent: 5
	// twiliochat: invalid Type: is required
}

// Fetch returns a Credential by SID, without its secrets.
func ExampleCredentialsService_Fetch() {
	srv, client := startFake()
	defer srv.Close()
	sid, err := srv.SeedCredential("Android", twiliochat.PushServiceFCM)
	if err != nil {
		fmt.Println(err)
		return
	}

	cred, err := client.Credentials.Fetch(context.Background(), sid)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cred.FriendlyName, cred.Type)
	_, err = client.Credentials.Fetch(context.Background(), "Android")
	fmt.Println(err)
	// Output:
	// Android fcm
	// twiliochat: invalid Sid: "Android" is not CR followed by 32 hex digits
}

// Update rotates a Credential's secret; the keys left nil are not sent.
func ExampleCredentialsService_Update() {
	srv, client := startFake()
	defer srv.Close()
	sid, err := srv.SeedCredential("Android", twiliochat.PushServiceFCM)
	if err != nil {
		fmt.Println(err)
		return
	}

	cred, err := client.Credentials.Update(context.Background(), sid, &twiliochat.UpdateCredentialParams{
		Secret: twiliochat.Ptr("AAAA-new-fcm-server-key"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cred.FriendlyName, cred.Type)
	fmt.Println("keys sent:", slices.Sorted(maps.Keys(srv.Requests()[0].Form)))
	// Output:
	// Android fcm
	// keys sent: [Secret]
}

// Delete removes a Credential; deleting it again is a 404.
func ExampleCredentialsService_Delete() {
	srv, client := startFake()
	defer srv.Close()
	sid, err := srv.SeedCredential("old", twiliochat.PushServiceGCM)
	if err != nil {
		fmt.Println(err)
		return
	}

	fmt.Println(client.Credentials.Delete(context.Background(), sid))
	fmt.Println(twiliochat.IsNotFound(client.Credentials.Delete(context.Background(), sid)))
	// Output:
	// <nil>
	// true
}

// List ranges over every Credential of the account, page by page.
func ExampleCredentialsService_List() {
	srv, client := startFake()
	defer srv.Close()
	for _, t := range []twiliochat.PushService{twiliochat.PushServiceAPN, twiliochat.PushServiceFCM, twiliochat.PushServiceGCM} {
		if _, err := srv.SeedCredential("app "+string(t), t); err != nil {
			fmt.Println(err)
			return
		}
	}

	for cred, err := range client.Credentials.List(context.Background(), &twiliochat.ListCredentialsParams{PageSize: twiliochat.Ptr(2)}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(cred.Type, cred.FriendlyName)
	}
	fmt.Println("requests:", len(srv.Requests()))
	// Output:
	// apn app apn
	// fcm app fcm
	// gcm app gcm
	// requests: 2
}

// ListPage reads the first page of Credentials; a page may hold up to 1000.
func ExampleCredentialsService_ListPage() {
	srv, client := startFake()
	defer srv.Close()
	if _, err := srv.SeedCredential("iOS", twiliochat.PushServiceAPN); err != nil {
		fmt.Println(err)
		return
	}

	page, err := client.Credentials.ListPage(context.Background(), &twiliochat.ListCredentialsParams{PageSize: twiliochat.Ptr(1000)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(page.Items), page.Meta.Key, page.Meta.PageSize)
	// Output:
	// 1 credentials 1000
}

// NextPage follows a page's NextPageURL and returns nil after the last
// page.
func ExampleCredentialsService_NextPage() {
	srv, client := startFake()
	defer srv.Close()
	for _, name := range []string{"a", "b", "c"} {
		if _, err := srv.SeedCredential(name, twiliochat.PushServiceFCM); err != nil {
			fmt.Println(err)
			return
		}
	}
	ctx := context.Background()

	page, err := client.Credentials.ListPage(ctx, &twiliochat.ListCredentialsParams{PageSize: twiliochat.Ptr(2)})
	for ; page != nil && err == nil; page, err = client.Credentials.NextPage(ctx, page) {
		fmt.Println("page", page.Meta.Page, "holds", len(page.Items))
	}
	fmt.Println("error:", err)
	// Output:
	// page 0 holds 2
	// page 1 holds 1
	// error: <nil>
}

// Every fmt verb prints the params with their secrets as [redacted].
func ExampleCreateCredentialParams_Format() {
	params := twiliochat.CreateCredentialParams{
		Type:   twiliochat.Ptr(twiliochat.PushServiceFCM),
		Secret: twiliochat.Ptr("AAAA-fcm-server-key"),
	}
	fmt.Printf("%v\n%+v\n", params, &params)
	// Output:
	// twiliochat.CreateCredentialParams{Type: "fcm", Secret: [redacted]}
	// twiliochat.CreateCredentialParams{Type: "fcm", Secret: [redacted]}
}

// %#v goes through GoString, with the secrets as [redacted] too.
func ExampleCreateCredentialParams_GoString() {
	params := &twiliochat.CreateCredentialParams{
		Type:   twiliochat.Ptr(twiliochat.PushServiceGCM),
		APIKey: twiliochat.Ptr("AIza-gcm-api-key"),
	}
	fmt.Println(params.GoString())
	// Output:
	// twiliochat.CreateCredentialParams{Type: "gcm", APIKey: [redacted]}
}

// slog logs the params as a group, with the secrets as [redacted].
func ExampleCreateCredentialParams_LogValue() {
	params := &twiliochat.CreateCredentialParams{
		Type:   twiliochat.Ptr(twiliochat.PushServiceFCM),
		Secret: twiliochat.Ptr("AAAA-fcm-server-key"),
	}
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // for a stable output
			}
			return a
		},
	}))
	logger.Info("creating credential", "params", params)
	// Output:
	// level=INFO msg="creating credential" params.Type=fcm params.Secret=[redacted]
}

// encoding/json cannot carry a secret out either.
func ExampleCreateCredentialParams_MarshalJSON() {
	b, err := json.Marshal(&twiliochat.CreateCredentialParams{
		Type:        twiliochat.Ptr(twiliochat.PushServiceAPN),
		Certificate: twiliochat.Ptr("-----BEGIN CERTIFICATE-----…"),
		Sandbox:     twiliochat.Ptr(true),
	})
	fmt.Println(string(b), err)
	// Output:
	// {"Certificate":"[redacted]","Sandbox":true,"Type":"apn"} <nil>
}

// Every fmt verb prints the params with their secrets as [redacted].
func ExampleUpdateCredentialParams_Format() {
	params := twiliochat.UpdateCredentialParams{
		FriendlyName: twiliochat.Ptr("iOS"),
		PrivateKey:   twiliochat.Ptr("-----BEGIN RSA PRIVATE KEY-----…"),
	}
	fmt.Printf("%s\n", params)
	// Output:
	// twiliochat.UpdateCredentialParams{FriendlyName: "iOS", PrivateKey: [redacted]}
}

// %#v goes through GoString, with the secrets as [redacted] too.
func ExampleUpdateCredentialParams_GoString() {
	fmt.Printf("%#v\n", &twiliochat.UpdateCredentialParams{Secret: twiliochat.Ptr("AAAA-fcm-server-key")})
	// Output:
	// twiliochat.UpdateCredentialParams{Secret: [redacted]}
}

// slog logs the params as a group, with the secrets as [redacted].
func ExampleUpdateCredentialParams_LogValue() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // for a stable output
			}
			return a
		},
	}))
	logger.Info("rotating", "params", twiliochat.UpdateCredentialParams{APIKey: twiliochat.Ptr("AIza-new-key")})
	// Output:
	// {"level":"INFO","msg":"rotating","params":{"APIKey":"[redacted]"}}
}

// encoding/json cannot carry a secret out either.
func ExampleUpdateCredentialParams_MarshalJSON() {
	b, err := json.Marshal(twiliochat.UpdateCredentialParams{FriendlyName: twiliochat.Ptr("iOS"), Sandbox: twiliochat.Ptr(false), Secret: twiliochat.Ptr("s3cr3t-value")})
	fmt.Println(string(b), err)
	// Output:
	// {"FriendlyName":"iOS","Sandbox":false,"Secret":"[redacted]"} <nil>
}

// A Credential decodes Twilio's "True"/"False" sandbox string to a bool; a
// JSON bool is read too.
func ExampleCredential_UnmarshalJSON() {
	for _, body := range []string{
		`{"sid": "CR0123456789abcdef0123456789abcdef", "type": "apn", "sandbox": "True"}`,
		`{"sid": "CR0123456789abcdef0123456789abcdef", "type": "apn", "sandbox": false}`,
	} {
		var cred twiliochat.Credential
		if err := json.Unmarshal([]byte(body), &cred); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(cred.Type, cred.Sandbox)
	}
	// Output:
	// apn true
	// apn false
}
