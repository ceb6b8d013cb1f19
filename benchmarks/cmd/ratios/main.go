// Command ratios reads the output of the benchmarks (go test -bench, any
// -count) and prints, from the medians, the ratios the targets in README.md
// are stated in, each with its target and whether it is met. It does not
// fail on a missed target; it fails only on missing results.
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
	{"Update ns/op above the floor, twiliochat / twiliogo", aboveFloor("ns/op"), true, 0.25},
	{"Update allocs/op above the floor, twiliochat / twiliogo", aboveFloor("allocs/op"), true, 0.25},
	{"Update allocs/op, twiliochat / twiliogo", ratio("Update/twiliochat", "Update/twiliogo", "allocs/op"), true, 0.50},
	{"Encode speed-up, twiliogo ns/op / twiliochat ns/op", ratio("Encode/twiliogo", "Encode/twiliochat", "ns/op"), false, 2},
	{"twiliochat ns/op, UpdateParallel / Update", ratio("UpdateParallel/twiliochat", "Update/twiliochat", "ns/op"), true, 0.70},
}

// ratio is the median of a over the median of b, in unit.
func ratio(a, b, unit string) func(m func(name, unit string) float64) float64 {
	return func(m func(name, unit string) float64) float64 {
		return m("Benchmark"+a, unit) / m("Benchmark"+b, unit)
	}
}

// aboveFloor is twiliochat's cost above the floor over twilio-go's, in unit.
func aboveFloor(unit string) func(m func(name, unit string) float64) float64 {
	return func(m func(name, unit string) float64) float64 {
		floor := m("BenchmarkUpdate/floor", unit)
		return (m("BenchmarkUpdate/twiliochat", unit) - floor) / (m("BenchmarkUpdate/twiliogo", unit) - floor)
	}
}

// report prints the medians of the Update benchmarks and every target, and
// returns how many targets are missed.
func report(w io.Writer, rs results) (missed int, err error) {
	m := func(name, unit string) float64 {
		v, e := rs.median(name, unit)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	fmt.Fprintf(w, "%-34s %12s %10s %10s\n", "median", "ns/op", "B/op", "allocs/op")
	for _, bench := range []string{"Update", "UpdateParallel", "Encode"} {
		for _, c := range []string{"floor", "twiliochat", "twiliogo"} {
			name := "Benchmark" + bench + "/" + c
			if rs[name] == nil {
				continue
			}
			fmt.Fprintf(w, "%-34s %12.0f %10.0f %10.0f\n", strings.TrimPrefix(name, "Benchmark"), m(name, "ns/op"), m(name, "B/op"), m(name, "allocs/op"))
		}
	}
	fmt.Fprintln(w)
	for _, t := range targets {
		v := t.value(m)
		ok, cmp := v >= t.limit, "≥"
		if t.max {
			ok, cmp = v <= t.limit, "≤"
		}
		mark := "met"
		if !ok {
			mark = "MISSED"
			missed++
		}
		fmt.Fprintf(w, "%-56s %6.2f  (target %s %.2f)  %s\n", t.what, v, cmp, t.limit, mark)
	}
	return missed, err
}
