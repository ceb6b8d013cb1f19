package twiliochat

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"os"
	"testing"

	"github.com/e3f0929f/twiliochat/internal/engine"
)

// resourceDecoder decodes body as one resource type's answer, or a page of
// its list, and returns decodeBody's error; after a nil error it checks the
// result as the caller would rely on it.
type resourceDecoder struct {
	name   string
	decode func(t *testing.T, resp *http.Response) error
}

// decodeOne decodes a single T; a T decoded without error must be usable.
func decodeOne[T any, PT interface {
	*T
	identified
}](name string) resourceDecoder {
	return resourceDecoder{name, func(t *testing.T, resp *http.Response) error {
		v := PT(new(T))
		err := decodeBody(resp, engine.DecodeInto[T, identityOf[T]](v), redactor{})
		if err == nil {
			if cerr := v.identity().Check(); cerr != nil {
				t.Fatalf("%s decoded without error but is unusable: %v", name, cerr)
			}
		}
		return err
	}}
}

// decodeList decodes a page of op's list of T; a page decoded without error
// must hold its list and only usable items.
func decodeList[T any, PT interface {
	*T
	identified
}](op *operation) resourceDecoder {
	return resourceDecoder{op.ID, func(t *testing.T, resp *http.Response) error {
		page := new(Page[T])
		err := decodeBody(resp, newPageBody(op.ListKey, page, op.MaxPageSize), redactor{})
		if err == nil {
			if page.Items == nil {
				t.Fatalf("%s: a page decoded without error has no %q list", op.ID, op.ListKey)
			}
			for i := range page.Items {
				if cerr := PT(&page.Items[i]).identity().Check(); cerr != nil {
					t.Fatalf("%s: item %d decoded without error but is unusable: %v", op.ID, i, cerr)
				}
			}
		}
		return err
	}}
}

// resourceDecoders holds every resource type's decode path, single and
// list page, for FuzzDecodeResources.
var resourceDecoders = []resourceDecoder{
	decodeOne[Service]("Service"), decodeList[Service](opListService.op),
	decodeOne[Role]("Role"), decodeList[Role](opListRole.op),
	decodeOne[Channel]("Channel"), decodeList[Channel](opListChannel.op),
	decodeOne[Member]("Member"), decodeList[Member](opListMember.op),
	decodeOne[Message]("Message"), decodeList[Message](opListMessage.op),
	decodeOne[Invite]("Invite"), decodeList[Invite](opListInvite.op),
	decodeOne[User]("User"), decodeList[User](opListUser.op),
	decodeOne[UserChannel]("UserChannel"), decodeList[UserChannel](opListUserChannel.op),
	decodeOne[Binding]("Binding"), decodeList[Binding](opListBinding.op), decodeList[Binding](opListUserBinding.op),
	decodeOne[ChannelWebhook]("ChannelWebhook"), decodeList[ChannelWebhook](opListChannelWebhook.op),
	decodeOne[Credential]("Credential"), decodeList[Credential](opListCredential.op),
}

// FuzzDecodeResources decodes arbitrary 2xx bodies as every resource type
// and every list page: decodeBody returns nil, with a usable result, or a
// *DecodeError carrying the status, and never panics.
func FuzzDecodeResources(f *testing.F) {
	for _, file := range []string{
		"testdata/channel_fetch.json", "testdata/members_page_full.json", "testdata/message_fetch.json",
		"testdata/user_channels_page_full.json", "testdata/binding_fetch.json", "testdata/credentials_page_empty.json",
	} {
		f.Add(uint8(0), seedFile(f, file))
	}
	f.Add(uint8(3), []byte(`{"sid":"CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","members_count":"1","attributes":{}}`))
	f.Add(uint8(4), []byte(`{"channels":[{"sid":"CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},{"sid":"MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}],"meta":{"key":"channels"}}`))
	f.Add(uint8(5), []byte(`{"sid":"MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","sid":null,"index":1e400}`))
	f.Add(uint8(9), []byte(`{"messages":null,"meta":{"key":"messages"}}`))
	f.Add(uint8(0), []byte(`null`))
	f.Add(uint8(1), []byte(`{"services":[`))
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		for i, d := range resourceDecoders {
			// Each input goes through the decoder it picks and, to cover
			// every type from every seed, the one after it.
			if i != int(which)%len(resourceDecoders) && i != (int(which)+1)%len(resourceDecoders) {
				continue
			}
			resp := &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body))}
			err := d.decode(t, resp)
			var decErr *DecodeError
			if err != nil && (!errors.As(err, &decErr) || decErr.Status != http.StatusOK) {
				t.Fatalf("%s: %v, want nil or a *DecodeError with status 200", d.name, err)
			}
		}
	})
}

// seedFile returns the contents of a testdata file for a seed.
func seedFile(f *testing.F, name string) []byte {
	f.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		f.Fatal(err)
	}
	return b
}
