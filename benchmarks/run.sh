#!/usr/bin/env bash
# run.sh runs the benchmarks against a server in its own process, so that
# allocation figures belong to the clients alone, then prints benchstat's
# table and the target ratios. Results go to benchmarks/new.txt.
#
#   ./run.sh                  # all benchmarks, -count 6 -benchtime 2s
#   BENCH=Update ./run.sh     # only the benchmarks matching Update
set -euo pipefail
cd "$(dirname "$0")"

bench=${BENCH:-.}
count=${COUNT:-6}
benchtime=${BENCHTIME:-2s}
out=${OUT:-new.txt}
benchstat=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/server" ./cmd/server
go test -c -o "$tmp/bench.test" .

coproc SERVER { exec "$tmp/server" -response ../testdata/service.json -message ../testdata/message_create.json; }
server_pid=$SERVER_PID
stop_server() { kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" || true; }
trap 'stop_server; rm -rf "$tmp"' EXIT
read -r url <&"${SERVER[0]}"
echo "server: $url (pid $server_pid)" >&2

echo "go: $(go version)" >&2
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" >&2

# One round per count, each client in turn in every round: go test's own
# -count runs a sub-benchmark count times in a row, so a change in the
# machine's load between clients would show as a difference between them.
: >"$out"
for ((round = 1; round <= count; round++)); do
	TWILIOCHAT_BENCH_URL=$url "$tmp/bench.test" -test.run '^$' -test.bench "$bench" \
		-test.count 1 -test.benchtime "$benchtime" | tee -a "$out"
done
stop_server
trap 'rm -rf "$tmp"' EXIT

# benchstat wants key=value sub-benchmark names to put clients side by side.
sed -E 's#^(Benchmark[A-Za-z]+)/(twiliochat|twiliogo|floor)#\1/client=\2#' "$out" >"$tmp/keyed.txt"
echo
go run "$benchstat" -col '/client@(floor twiliochat twiliogo)' -row .name "$tmp/keyed.txt"
echo
go run ./cmd/ratios "$out"
