package twiliochat_test

import (
	"context"
	"fmt"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// startBindings starts the fake with a Service whose users' devices are
// registered for push notifications, as the Chat client SDKs register
// them: alice's iPhone (apn), bob's Android phone (gcm) and alice's Pixel
// (fcm), in that order. It returns the fake, a client and the Service SID,
// and the SID of each Binding.
func startBindings() (*twiliochattest.Server, *twiliochat.Client, string, []string) {
	srv, client := startFake()
	serviceSID := mustSeed(srv.SeedService("support"))
	var sids []string
	for _, b := range []struct {
		identity, endpoint string
		bindingType        twiliochat.BindingType
	}{{"alice", "alice-iphone", twiliochat.BindingTypeAPN}, {"bob", "bob-android", twiliochat.BindingTypeGCM}, {"alice", "alice-pixel", twiliochat.BindingTypeFCM}} {
		sid, err := srv.SeedBinding(serviceSID, b.identity, b.endpoint, b.bindingType)
		if err != nil {
			panic(err) // the Service exists and each binding is valid
		}
		sids = append(sids, sid)
	}
	return srv, client, serviceSID, sids
}

// Fetch returns one Binding of the Service by its SID, with the push
// notifications its device is subscribed to.
func ExampleBindingsService_Fetch() {
	srv, client, serviceSID, sids := startBindings()
	defer srv.Close()

	b, err := client.Bindings.Fetch(context.Background(), serviceSID, sids[0])
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Identity, b.BindingType, b.Endpoint)
	fmt.Println(b.MessageTypes)

	_, err = client.Bindings.Fetch(context.Background(), serviceSID, "alice-iphone")
	fmt.Println(err)
	// Output:
	// alice apn alice-iphone
	// [removed_from_channel new_message added_to_channel invited_to_channel]
	// twiliochat: invalid Sid: "alice-iphone" is not BS followed by 32 hex digits
}

// Delete unregisters a device: it gets no push notifications until a
// client SDK registers it again.
func ExampleBindingsService_Delete() {
	srv, client, serviceSID, sids := startBindings()
	defer srv.Close()
	ctx := context.Background()

	if err := client.Bindings.Delete(ctx, serviceSID, sids[1]); err != nil {
		fmt.Println(err)
		return
	}
	_, err := client.Bindings.Fetch(ctx, serviceSID, sids[1])
	fmt.Println(twiliochat.IsNotFound(err))
	// Output:
	// true
}

// ListPage returns the first page of the Service's Bindings, filtered by
// push technology and by identity: any number of each.
func ExampleBindingsService_ListPage() {
	srv, client, serviceSID, _ := startBindings()
	defer srv.Close()

	page, err := client.Bindings.ListPage(context.Background(), serviceSID, &twiliochat.ListBindingsParams{
		BindingType: []twiliochat.BindingType{twiliochat.BindingTypeAPN, twiliochat.BindingTypeGCM},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range page.Items {
		fmt.Println(b.Identity, b.BindingType)
	}
	// Output:
	// alice apn
	// bob gcm
}

// NextPage follows a page to the next one, and returns nil after the last.
func ExampleBindingsService_NextPage() {
	srv, client, serviceSID, _ := startBindings()
	defer srv.Close()
	ctx := context.Background()

	page, err := client.Bindings.ListPage(ctx, serviceSID, &twiliochat.ListBindingsParams{PageSize: twiliochat.Ptr(2)})
	for page != nil && err == nil {
		fmt.Println("page", page.Meta.Page, len(page.Items), "bindings")
		page, err = client.Bindings.NextPage(ctx, page)
	}
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// page 0 2 bindings
	// page 1 1 bindings
}

// List ranges over every Binding of the identities given; a binding type
// that is not Twilio's is refused before any request.
func ExampleBindingsService_List() {
	srv, client, serviceSID, _ := startBindings()
	defer srv.Close()
	ctx := context.Background()

	for b, err := range client.Bindings.List(ctx, serviceSID, &twiliochat.ListBindingsParams{Identity: []string{"alice"}}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(b.Endpoint)
	}
	for _, err := range client.Bindings.List(ctx, serviceSID, &twiliochat.ListBindingsParams{BindingType: []twiliochat.BindingType{"sms"}}) {
		fmt.Println(err)
	}
	// Output:
	// alice-iphone
	// alice-pixel
	// twiliochat: invalid BindingType: item 0: "sms" is not "gcm", "apn" or "fcm"
}

// Fetch returns one Binding of a User, who is named by identity or SID;
// under the User, a Binding carries the User's SID.
func ExampleUserBindingsService_Fetch() {
	srv, client, serviceSID, sids := startBindings()
	defer srv.Close()
	ctx := context.Background()

	b, err := client.UserBindings.Fetch(ctx, serviceSID, "alice", sids[2])
	if err != nil {
		fmt.Println(err)
		return
	}
	alice, err := client.Users.Fetch(ctx, serviceSID, "alice")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Endpoint, b.BindingType, b.UserSID == alice.SID)

	_, err = client.UserBindings.Fetch(ctx, serviceSID, "bob", sids[2])
	fmt.Println(twiliochat.IsNotFound(err))
	// Output:
	// alice-pixel fcm true
	// true
}

// Delete unregisters one of a User's devices.
func ExampleUserBindingsService_Delete() {
	srv, client, serviceSID, sids := startBindings()
	defer srv.Close()
	ctx := context.Background()

	if err := client.UserBindings.Delete(ctx, serviceSID, "alice", sids[0]); err != nil {
		fmt.Println(err)
		return
	}
	page, err := client.UserBindings.ListPage(ctx, serviceSID, "alice", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range page.Items {
		fmt.Println(b.Endpoint)
	}
	// Output:
	// alice-pixel
}

// ListPage returns the first page of a User's Bindings, filtered by push
// technology.
func ExampleUserBindingsService_ListPage() {
	srv, client, serviceSID, _ := startBindings()
	defer srv.Close()

	page, err := client.UserBindings.ListPage(context.Background(), serviceSID, "alice", &twiliochat.ListUserBindingsParams{
		BindingType: []twiliochat.BindingType{twiliochat.BindingTypeFCM},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range page.Items {
		fmt.Println(b.Identity, b.Endpoint)
	}
	// Output:
	// alice alice-pixel
}

// NextPage follows a page of a User's Bindings to the next one.
func ExampleUserBindingsService_NextPage() {
	srv, client, serviceSID, _ := startBindings()
	defer srv.Close()
	ctx := context.Background()

	page, err := client.UserBindings.ListPage(ctx, serviceSID, "alice", &twiliochat.ListUserBindingsParams{PageSize: twiliochat.Ptr(1)})
	for page != nil && err == nil {
		fmt.Println("page", page.Meta.Page, page.Items[0].Endpoint)
		page, err = client.UserBindings.NextPage(ctx, page)
	}
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// page 0 alice-iphone
	// page 1 alice-pixel
}

// List ranges over every Binding of a User.
func ExampleUserBindingsService_List() {
	srv, client, serviceSID, _ := startBindings()
	defer srv.Close()

	for b, err := range client.UserBindings.List(context.Background(), serviceSID, "bob", nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(b.Identity, b.BindingType, b.Endpoint)
	}
	// Output:
	// bob gcm bob-android
}
