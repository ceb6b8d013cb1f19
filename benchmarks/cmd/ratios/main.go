// Command ratios reads the output of the benchmarks (go test -bench, any
// -count) and prints every benchmark's medians and, from them, the ratios
// the targets in README.md are stated in, each with its target and whether
// it is met; a target whose benchmarks are not in the results is "not run".
// It does not fail on a missed target; it fails only when no target could
// be computed.
//
//	go run ./cmd/ratios new.txt
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	results := results{}
	for _, name := range os.Args[1:] {
		f, err := os.Open(name)
		if err != nil {
			fail(err)
		}
		err = results.read(f)
		f.Close()
		if err != nil {
			fail(fmt.Errorf("%s: %w", name, err))
		}
	}
	if len(os.Args) == 1 {
		if err := results.read(os.Stdin); err != nil {
			fail(err)
		}
	}
	if missed, err := report(os.Stdout, results); err != nil {
		fail(err)
	} else if missed > 0 {
		fmt.Printf("\n%d target(s) missed\n", missed)
	} else {
		fmt.Println("\nevery target met")
	}
}

// fail prints err and exits.
func fail(err error) {
	fmt.Fprintln(os.Stderr, "ratios:", err)
	os.Exit(1)
}

// results holds every measured value by benchmark name (without the
// GOMAXPROCS suffix) and unit.
type results map[string]map[string][]float64

// procsSuffix is the -GOMAXPROCS suffix go test adds to benchmark names.
var procsSuffix = regexp.MustCompile(`-\d+$`)

// read adds the benchmark lines of r.
func (rs results) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		name := procsSuffix.ReplaceAllString(f[0], "")
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return fmt.Errorf("%s: %w", f[0], err)
			}
			if rs[name] == nil {
				rs[name] = map[string][]float64{}
			}
			rs[name][f[i+1]] = append(rs[name][f[i+1]], v)
		}
	}
	return sc.Err()
}

// median returns the median of the values of name in unit.
func (rs results) median(name, unit string) (float64, error) {
	vs := slices.Clone(rs[name][unit])
	if len(vs) == 0 {
		return 0, fmt.Errorf("no %s result for %s", unit, name)
	}
	slices.Sort(vs)
	if n := len(vs); n%2 == 0 {
		return (vs[n/2-1] + vs[n/2]) / 2, nil
	}
	return vs[len(vs)/2], nil
}

// target is one claim, computed from medians.
type target struct {
	what  string
	value func(m func(name, unit string) float64) float64
	max   bool // value must be at most limit; otherwise at least
	limit float64
}

var targets = []target{
	{"Update ns/op, twiliochat / floor", ratio("Update/twiliochat", "Update/floor", "ns/op"), true, 1.10},
	{"Update B/op, twiliochat / floor", ratio("Update/twiliochat", "Update/floor", "B/op"), true, 1.30},
	{"Update allocs/op, twiliochat / floor", ratio("Update/twiliochat", "Update/floor", "allocs/op"), true, 1.30},
	{"Update ns/op above the floor, twiliochat / twiliogo", aboveFloor("Update", "ns/op"), true, 0.25},
	{"Update allocs/op above the floor, twiliochat / twiliogo", aboveFloor("Update", "allocs/op"), true, 0.25},
	{"Update allocs/op, twiliochat / twiliogo", ratio("Update/twiliochat", "Update/twiliogo", "allocs/op"), true, 0.50},
	{"Encode speed-up, twiliogo ns/op / twiliochat ns/op", ratio("Encode/twiliogo", "Encode/twiliochat", "ns/op"), false, 2},
	{"twiliochat ns/op, UpdateParallel / Update", ratio("UpdateParallel/twiliochat", "Update/twiliochat", "ns/op"), true, 0.70},
	{"Webhook ns/op, twiliochat / floor", ratio("Webhook/twiliochat", "Webhook/floor", "ns/op"), true, 1.25},
	{"Webhook allocs/op, twiliochat / floor", ratio("Webhook/twiliochat", "Webhook/floor", "allocs/op"), true, 1.25},
	{"Webhook speed-up, twiliogo ns/op / twiliochat ns/op", ratio("Webhook/twiliogo", "Webhook/twiliochat", "ns/op"), false, 1.5},
	{"Send ns/op, twiliochat / floor", ratio("Send/twiliochat", "Send/floor", "ns/op"), true, 1.10},
	{"Send B/op, twiliochat / floor", ratio("Send/twiliochat", "Send/floor", "B/op"), true, 1.30},
	{"Send allocs/op, twiliochat / floor", ratio("Send/twiliochat", "Send/floor", "allocs/op"), true, 1.15},
	{"Send allocs/op, twiliochat / twiliogo", ratio("Send/twiliochat", "Send/twiliogo", "allocs/op"), true, 0.50},
	{"List ns/item, twiliochat / floor", ratio("List/twiliochat", "List/floor", "ns/op"), true, 1.00},
	{"List allocs/item, twiliochat / floor", ratio("List/twiliochat", "List/floor", "allocs/op"), true, 1.30},
	{"List allocs/item, twiliochat / twiliogo ListMessage", ratio("List/twiliochat", "List/twiliogo", "allocs/op"), true, 0.50},
	{"List allocs/item, twiliochat / twiliogo StreamMessage", ratio("List/twiliochat", "List/twiliogo-stream", "allocs/op"), true, 0.50},
	{"ConversationsSend ns/op, twiliochat / floor", ratio("ConversationsSend/twiliochat", "ConversationsSend/floor", "ns/op"), true, 1.25},
	{"ConversationsSend allocs/op, twiliochat / floor", ratio("ConversationsSend/twiliochat", "ConversationsSend/floor", "allocs/op"), true, 1.15},
	{"ConversationsList ns/item, twiliochat / floor", ratio("ConversationsList/twiliochat", "ConversationsList/floor", "ns/op"), true, 1.00},
	{"AccessToken ns/op, twiliochat / twiliogo", ratio("AccessToken/twiliochat", "AccessToken/twiliogo", "ns/op"), true, 1.00},
	{"AccessToken allocs/op, twiliochat / twiliogo", ratio("AccessToken/twiliochat", "AccessToken/twiliogo", "allocs/op"), true, 0.70},
}

// ratio is the median of a over the median of b, in unit.
func ratio(a, b, unit string) func(m func(name, unit string) float64) float64 {
	return func(m func(name, unit string) float64) float64 {
		return m("Benchmark"+a, unit) / m("Benchmark"+b, unit)
	}
}

// aboveFloor is twiliochat's cost above the floor over twilio-go's in
// bench, in unit.
func aboveFloor(bench, unit string) func(m func(name, unit string) float64) float64 {
	return func(m func(name, unit string) float64) float64 {
		floor := m("Benchmark"+bench+"/floor", unit)
		return (m("Benchmark"+bench+"/twiliochat", unit) - floor) / (m("Benchmark"+bench+"/twiliogo", unit) - floor)
	}
}

// cpuUnit is the unit of the process CPU time per operation that some
// benchmarks report beside ns/op; it depends less on the machine's load.
const cpuUnit = "cpu-ns/op"

// report prints the medians of every benchmark read, every target whose
// benchmarks were run (computed in cpu-ns/op too, where a target in ns/op
// has it) and the webhook rate, and returns how many targets are missed.
// It fails when no target could be computed.
func report(w io.Writer, rs results) (missed int, err error) {
	names := make([]string, 0, len(rs))
	for name := range rs {
		names = append(names, name)
	}
	slices.Sort(names)
	fmt.Fprintf(w, "%-36s %12s %12s %10s %10s\n", "median", "ns/op", cpuUnit, "B/op", "allocs/op")
	for _, name := range names {
		fmt.Fprintf(w, "%-36s %12s %12s %10s %10s\n", strings.TrimPrefix(name, "Benchmark"),
			rs.format(name, "ns/op"), rs.format(name, cpuUnit), rs.format(name, "B/op"), rs.format(name, "allocs/op"))
	}
	fmt.Fprintln(w)
	computed := 0
	for _, t := range targets {
		v, ok := rs.value(t.value, "")
		if !ok {
			fmt.Fprintf(w, "%-56s %6s\n", t.what, "not run")
			continue
		}
		computed++
		good, cmp := v >= t.limit, "≥"
		if t.max {
			good, cmp = v <= t.limit, "≤"
		}
		mark := "met"
		if !good {
			mark = "MISSED"
			missed++
		}
		line := fmt.Sprintf("%-56s %6.2f  (target %s %.2f)  %s", t.what, v, cmp, t.limit, mark)
		if cpu, ok := rs.value(t.value, cpuUnit); ok && strings.Contains(t.what, "ns/op") {
			line += fmt.Sprintf("  (in %s: %.2f)", cpuUnit, cpu)
		}
		fmt.Fprintln(w, line)
	}
	if err := listPerItem(w, rs); err != nil {
		return 0, err
	}
	if ns, e := rs.median("BenchmarkWebhook/twiliochat", "ns/op"); e == nil {
		line := fmt.Sprintf("Webhook twiliochat requests per second per core: %.0f", 1e9/ns)
		if cpu, e := rs.median("BenchmarkWebhook/twiliochat", cpuUnit); e == nil {
			line += fmt.Sprintf(" (%.0f per CPU second)", 1e9/cpu)
		}
		fmt.Fprintln(w, line)
	}
	if computed == 0 {
		return 0, fmt.Errorf("no target could be computed: no results for its benchmarks")
	}
	return missed, nil
}

// listItems is the number of Messages one op of BenchmarkList (and of
// BenchmarkConversationsList) walks.
const listItems = 10_000

// listPerItem prints the medians of BenchmarkList and
// BenchmarkConversationsList divided by the Messages
// one op walks, when it was run.
func listPerItem(w io.Writer, rs results) error {
	var names []string
	for name := range rs {
		if strings.HasPrefix(name, "BenchmarkList/") || strings.HasPrefix(name, "BenchmarkConversationsList/") {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	slices.Sort(names)
	fmt.Fprintf(w, "\n%-36s %12s %12s %10s %10s\n", "median per Message", "ns", "cpu-ns", "B", "allocs")
	for _, name := range names {
		per := func(unit string) string {
			v, err := rs.median(name, unit)
			if err != nil {
				return "-"
			}
			return strconv.FormatFloat(v/listItems, 'f', 1, 64)
		}
		fmt.Fprintf(w, "%-36s %12s %12s %10s %10s\n", strings.TrimPrefix(name, "Benchmark"), per("ns/op"), per(cpuUnit), per("B/op"), per("allocs/op"))
	}
	fmt.Fprintln(w)
	return nil
}

// value computes a target from the medians, in the target's own units, or
// with every ns/op read as cpuUnit when unit is cpuUnit. It reports false
// when a median it needs is missing.
func (rs results) value(f func(m func(name, unit string) float64) float64, unit string) (float64, bool) {
	ok := true
	v := f(func(name, u string) float64 {
		if unit != "" && u == "ns/op" {
			u = unit
		}
		x, err := rs.median(name, u)
		if err != nil {
			ok = false
		}
		return x
	})
	return v, ok
}

// format returns the median of name in unit for the table, or "-".
func (rs results) format(name, unit string) string {
	v, err := rs.median(name, unit)
	if err != nil {
		return "-"
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}
