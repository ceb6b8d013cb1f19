package benchmarks

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/e3f0929f/twiliochat"
	"github.com/e3f0929f/twiliochat/benchmarks/internal/benchserver"
	chatv2 "github.com/twilio/twilio-go/rest/chat/v2"
)

// urlEnv names the environment variable holding the base URL of a server
// started by run.sh in its own process (cmd/server). Without it the
// benchmarks start the same server in this process.
const urlEnv = "TWILIOCHAT_BENCH_URL"

// shared is the server every Update benchmark talks to, started on first use.
var shared struct {
	once sync.Once
	url  string
	ts   *httptest.Server
	err  error
}

// TestMain stops the in-process benchmark server, if one was started, after
// the tests and benchmarks ran.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.ts != nil {
		shared.ts.Close()
	}
	os.Exit(code)
}

// serverURL returns the base URL of the benchmark server.
func serverURL(b *testing.B) string {
	b.Helper()
	shared.once.Do(func() {
		if shared.url = os.Getenv(urlEnv); shared.url != "" {
			return
		}
		body, err := os.ReadFile("../testdata/service.json")
		if err != nil {
			shared.err = err
			return
		}
		msg, err := os.ReadFile("../testdata/message_create.json")
		if err != nil {
			shared.err = err
			return
		}
		shared.ts = benchserver.New(body, nil).WithMessage(msg).Start()
		shared.url = shared.ts.URL
	})
	if shared.err != nil {
		b.Fatal(shared.err)
	}
	return shared.url
}

// BenchmarkUpdate measures one Update Service call, request to decoded
// answer, for each client in turn against the same server.
func BenchmarkUpdate(b *testing.B) {
	for _, c := range newClients(b, serverURL(b)) {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			mustUpdate(b, c)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if _, err := c.update(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkUpdateParallel measures Update from GOMAXPROCS goroutines sharing
// one client.
func BenchmarkUpdateParallel(b *testing.B) {
	for _, c := range newClients(b, serverURL(b)) {
		b.Run(c.name, func(b *testing.B) {
			mustUpdate(b, c)
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				ctx := context.Background()
				for pb.Next() {
					if _, err := c.update(ctx); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// mustUpdate makes one call outside the timer, so that the figures do not
// count the first dial, and checks the answer.
func mustUpdate(b *testing.B, c client) {
	b.Helper()
	sid, err := c.update(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	if sid != serviceSID {
		b.Fatalf("%s decoded SID %q, want %q", c.name, sid, serviceSID)
	}
}

// BenchmarkEncode measures what a client does before the network: params to
// form body, and the request around it, through a RoundTripper that reads
// the body and answers a one-key Service without any I/O. Both clients pay
// the same for the RoundTripper and for decoding that answer.
func BenchmarkEncode(b *testing.B) {
	clients := []struct {
		name string
		new  func(testing.TB, string, http.RoundTripper) client
	}{
		{"twiliochat", newTwilioChat},
		{"twiliogo", newTwilioGo},
	}
	for _, cc := range clients {
		b.Run(cc.name, func(b *testing.B) {
			rt := &captureTransport{}
			c := cc.new(b, "https://chat.twilio.com", rt)
			ctx := context.Background()
			if _, err := c.update(ctx); err != nil {
				b.Fatal(err)
			}
			if rt.body.Len() == 0 {
				b.Fatal("no body captured")
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if _, err := c.update(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// captureTransport reads each request's body into body and answers 200
// with minimalService.
// It is not safe for concurrent use.
type captureTransport struct {
	body bytes.Buffer
}

// RoundTrip implements http.RoundTripper.
func (rt *captureTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	rt.body.Reset()
	if req.Body != nil {
		_, err := rt.body.ReadFrom(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
	}
	return &http.Response{
		StatusCode: http.StatusOK,
		Body:       io.NopCloser(strings.NewReader(minimalService)),
		Request:    req,
	}, nil
}

// minimalService is the smallest answer twiliochat accepts as a Service.
const minimalService = `{"sid":"` + serviceSID + `"}`

// BenchmarkDecode measures decoding the seed's Service JSON into each
// client's result type, the way each client decodes: a json.Decoder over the
// body.
func BenchmarkDecode(b *testing.B) {
	body := readServiceJSON(b)
	decoders := []struct {
		name string
		out  func() any
	}{
		{"twiliochat", func() any { return new(twiliochat.Service) }},
		{"twiliogo", func() any { return new(chatv2.ChatV2Service) }},
		{"floor", func() any { return new(floorService) }},
	}
	for _, d := range decoders {
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for range b.N {
				if err := json.NewDecoder(bytes.NewReader(body)).Decode(d.out()); err != nil {
					b.Fatal(fmt.Errorf("%s: %w", d.name, err))
				}
			}
		})
	}
}
