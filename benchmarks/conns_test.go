package benchmarks

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/e3f0929f/twiliochat/benchmarks/internal/benchserver"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConnectionReuse checks that a client keeps its connections: 1,000
// sequential Updates use exactly one TCP connection, and 32 goroutines doing
// 100 Updates each use at most 32. twilio-go's default transport keeps only
// 2 idle connections per host and churns under concurrency; its concurrent
// case is not bounded, it checks that every request was answered and logs
// the connections opened.
//
// In the concurrent cases the server holds the first 32 requests until all
// 32 are in flight. Without that, a cold start can open a few more than 32
// connections with any client built on net/http's Transport: a request that
// starts a dial and is then served by a connection another goroutine just
// returned still completes the dial and pools the extra connection (33 to 52
// connections were seen on a loaded 2-core machine, all within the first 40
// requests). Holding the first wave makes the test measure churn, which is
// what it is about, and makes its bound exact.
func TestConnectionReuse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		goroutines int
		perG       int
		maxConns   int64 // 0: not bounded
	}{
		{"sequential/twiliochat", 1, 1000, 1},
		{"sequential/floor", 1, 1000, 1},
		{"sequential/twiliogo", 1, 1000, 1},
		{"concurrent/twiliochat", 32, 100, 32},
		{"concurrent/floor", 32, 100, 32},
		{"concurrent/twiliogo", 32, 100, 0},
	}
	response := readServiceJSON(t)
	for _, tt := range tests {
		// One case at a time: a case's bound is about its own client, and
		// twilio-go's churn in a case beside it would starve the other
		// clients' transports of CPU.
		t.Run(tt.name, func(t *testing.T) {
			g := newGate(tt.goroutines)
			srv := benchserver.New(response, func(*http.Request, []byte) { g.wait() })
			ts := srv.Start()
			t.Cleanup(ts.Close)
			c := clientNamed(t, ts.URL, tt.name)

			var wg sync.WaitGroup
			errs := make(chan error, tt.goroutines)
			for range tt.goroutines {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range tt.perG {
						if _, err := c.update(context.Background()); err != nil {
							errs <- err
							return
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				require.NoError(t, err)
			}

			got := srv.Counts()
			assert.False(t, g.timedOut.Load(), "the first %d requests were in flight together", tt.goroutines)
			assert.Equal(t, int64(tt.goroutines*tt.perG), got.Requests)
			t.Logf("%d requests on %d connections", got.Requests, got.Conns)
			if tt.maxConns > 0 {
				assert.LessOrEqual(t, got.Conns, tt.maxConns)
				assert.Positive(t, got.Conns)
			}
		})
	}
}

// gate holds the first n requests until all n have arrived, or until a
// failsafe timeout for a client that never has n in flight.
type gate struct {
	n        int64
	arrived  atomic.Int64
	open     chan struct{}
	timedOut atomic.Bool
}

// newGate returns a gate for the first n requests.
func newGate(n int) *gate {
	return &gate{n: int64(n), open: make(chan struct{})}
}

// wait blocks the first n callers until the n-th arrives.
func (g *gate) wait() {
	switch k := g.arrived.Add(1); {
	case k > g.n:
		return
	case k == g.n:
		close(g.open)
		return
	}
	failsafe := time.NewTimer(30 * time.Second)
	defer failsafe.Stop()
	select {
	case <-g.open:
	case <-failsafe.C:
		g.timedOut.Store(true)
	}
}

// clientNamed returns the client whose name ends the test name.
func clientNamed(t *testing.T, baseURL, testName string) client {
	t.Helper()
	for _, c := range newClients(t, baseURL) {
		if strings.HasSuffix(testName, "/"+c.name) {
			return c
		}
	}
	t.Fatalf("no client for %s", testName)
	return client{}
}
