package benchmarks

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	chatv2 "github.com/twilio/twilio-go/rest/chat/v2"
	convv1 "github.com/twilio/twilio-go/rest/conversations/v1"

	"github.com/e3f0929f/twiliochat/benchmarks/internal/benchserver"
)

// listMemoryEnv names the environment variable holding the two list lengths
// TestListMemory compares, such as "10000,100000"; without it they are 1,000
// and 10,000, which CI walks.
const listMemoryEnv = "TWILIOCHAT_BENCH_LIST_MEMORY"

// The most more live heap a lister that hands out one page at a time may
// hold at the end of the longer list than of the shorter one: listPageCost
// for each page more, and listSlack. twiliochat's List remembers two 8-byte
// hashes of each page read, of its URL and of its items, in a map, to stop
// page loops (see pageMemory in ../pagination.go): about 80 bytes a page
// with the map's own, measured 84. One page of 100 Messages is about 75 KiB
// of JSON and 110 KiB decoded.
const (
	listPageCost = 128
	listSlack    = 16 << 10
)

// TestListMemory walks a list of each of two lengths with every lister and
// measures the heap the walk holds: the live heap (after a forced garbage
// collection at the end of a page, at most 50 times a walk) and the heap in
// use (objects not yet collected too, read at every Message), both above
// what was live before the walk. A lister that hands out one page at a time
// holds about the same at both lengths; twilio-go's ListMessage returns the
// whole list and holds it all. It logs the figures and checks twiliochat and
// the floor against the first, ListMessage against the second; twilio-go's
// StreamMessage, whose goroutine may be decoding the next page when the
// heap is measured, is only logged.
//
// It is not parallel (nor is TestConversationsListMemory): it measures the process's heap, which no other test
// may be using meanwhile (Go runs parallel tests after the others).
func TestListMemory(t *testing.T) {
	testListMemory(t, newListers, unsafe.Sizeof(chatv2.ChatV2Message{}))
}

// TestConversationsListMemory is TestListMemory for the listers of a
// Conversation's Messages through Conversations v1.
func TestConversationsListMemory(t *testing.T) {
	testListMemory(t, newConversationsListers, unsafe.Sizeof(convv1.ConversationsV1ConversationMessage{}))
}

// testListMemory measures the listers newListers returns as TestListMemory
// says; twilio-go's ListMessage (or its like) holds a value of
// theirMessageSize bytes for every Message.
func testListMemory(t *testing.T, newListers func(testing.TB, string) []lister, theirMessageSize uintptr) {
	sizes := [2]int{1_000, 10_000}
	if v := os.Getenv(listMemoryEnv); v != "" {
		a, b, ok := strings.Cut(v, ",")
		var err1, err2 error
		sizes[0], err1 = strconv.Atoi(a)
		sizes[1], err2 = strconv.Atoi(b)
		require.True(t, ok && err1 == nil && err2 == nil && 0 < sizes[0] && sizes[0] < sizes[1], "%s=%q: want two lengths, shorter first", listMemoryEnv, v)
	}
	// One P: sync.Pool keeps a buffer per P, and a walk that moves between
	// Ps would hold one pooled buffer or two from one collection to the next.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	msg, err := os.ReadFile("../testdata/message_create.json")
	require.NoError(t, err)
	srv := benchserver.New(readServiceJSON(t), nil).WithMessage(msg).WithoutPageCache()
	ts := srv.Start()
	t.Cleanup(ts.Close)

	peaks := map[string][2]heapUse{}
	var report strings.Builder
	fmt.Fprintf(&report, "%-16s %9s %14s %14s\n", "lister", "Messages", "peak live", "peak in use")
	for _, l := range newListers(t, ts.URL) {
		// A first walk opens the lister's connection and fills its pools,
		// which then count in what was live before each measured walk.
		require.NoError(t, l.walk(context.Background(), benchserver.ListChannelSID(listPageSize), func(message) {}), l.name)
		var got [2]heapUse
		for i, n := range sizes {
			got[i] = measureWalk(t, srv, l, n)
			fmt.Fprintf(&report, "%-16s %9d %12.0fKi %12.0fKi\n", l.name, n, float64(got[i].live)/1024, float64(got[i].inUse)/1024)
		}
		peaks[l.name] = got
	}
	t.Logf("heap held while walking, above what was live before the walk:\n%s", report.String())

	allowance := int64(listSlack + listPageCost*(sizes[1]-sizes[0])/listPageSize)
	for _, name := range []string{"twiliochat", "floor"} {
		p := peaks[name]
		assert.LessOrEqual(t, p[1].live, p[0].live+allowance,
			"%s: live heap while walking %d Messages, against %d", name, sizes[1], sizes[0])
	}
	p := peaks["twiliogo"]
	held := int64(sizes[1]-sizes[0]) * int64(theirMessageSize)
	assert.GreaterOrEqual(t, p[1].live-p[0].live, held, "twilio-go's ListMessage holds every Message it returns")
}

// heapUse is the most heap a walk held, above what was live before it.
type heapUse struct {
	live, inUse int64
}

// measureWalk walks the list of n Messages with l and returns the most heap
// the walk held. Before each forced collection it waits until the server's
// handlers have returned from every page the walk has read so far: a
// handler that has written its page but not yet returned still holds it,
// and that memory is the server's, not the lister's.
func measureWalk(t *testing.T, srv *benchserver.Server, l lister, n int) heapUse {
	t.Helper()
	served := srv.Counts().ListPages
	pages := (n + listPageSize - 1) / listPageSize
	every := max(1, pages/50) // pages between forced collections
	// Two collections: what sync.Pools held before the walk is dropped, so
	// the walk's own pooled buffers count as its own.
	runtime.GC()
	base := liveHeap()
	inUse := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak heapUse
	count := 0
	err := l.walk(context.Background(), benchserver.ListChannelSID(n), func(message) {
		metrics.Read(inUse)
		peak.inUse = max(peak.inUse, int64(inUse[0].Value.Uint64())-base)
		count++
		if count%listPageSize == 0 && (count/listPageSize)%every == 0 {
			for srv.Counts().ListPages < served+int64(count/listPageSize) {
				runtime.Gosched()
			}
			peak.live = max(peak.live, liveHeap()-base)
		}
	})
	require.NoError(t, err, l.name)
	require.Equal(t, n, count, l.name)
	return peak
}

// liveHeap collects garbage and returns the bytes of the objects left.
func liveHeap() int64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}
