#!/usr/bin/env bash
# Benchmark: push N queued events (default 100 000) with `spec-kitty sync now` to the sandbox
# server on loopback, with the CLI's heap capped (default 256 MB). Prints a table.
# Usage: bench/sync-bench.sh [events] [heap-mb]
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
heap_mb=${2:-256}
cli=cli/target/spec-kitty/bin/spec-kitty
sandbox=doc-tests/mock-server/target/spec-kitty-sandbox/bin/spec-kitty-sandbox
if [ ! -x "$cli" ] || [ ! -x "$sandbox" ]; then
  ./mvnw -q -pl doc-tests/mock-server -am package -DskipTests
fi
work=$(mktemp -d)
trap 'kill "$sandbox_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME=$work/home
mkdir -p "$HOME/.spec-kitty"
unset SPEC_KITTY_SERVER_URL SPEC_KITTY_HTTP_TIMEOUT SPEC_KITTY_JAVA_OPTS

"$sandbox" --port 0 > "$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 100); do
  url=$(sed -n 's/^Spec Kitty sandbox server running at //p' "$work/sandbox.log")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "sandbox did not start"; cat "$work/sandbox.log"; exit 1; }
printf '[server]\nurl = "%s"\n' "$url" > "$HOME/.spec-kitty/config.toml"
printf 'reader@spec-kitty.test\nkitty-42\n' | "$cli" auth login > /dev/null

java -cp "cli/target/spec-kitty/lib/*" bench/QueueFiller.java "$HOME/.spec-kitty/queue.db" "$events" > /dev/null

SPEC_KITTY_JAVA_OPTS="-Xmx${heap_mb}m ${BENCH_JAVA_OPTS:-}" /usr/bin/time -v "$cli" sync now > "$work/sync.out" 2> "$work/time.txt" || {
  cat "$work/sync.out" "$work/time.txt"; exit 1; }
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
seconds=$(python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
pushed=$(sed -n 's/^↑ Pushed \([0-9]*\) events (\([0-9]*\) batch.*/\1 \2/p' "$work/sync.out")
read -r pushed_events batches <<< "$pushed"
rate=$(python3 -c "print(round($pushed_events / $seconds))")
echo
echo "| events queued | pushed | batches | wall time (s) | events/s | peak RSS (MB) | heap cap (MB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
printf '| %s | %s | %s | %.2f | %s | %d | %s |\n' "$events" "$pushed_events" "$batches" "$seconds" "$rate" $((rss_kb / 1024)) "$heap_mb"
echo
echo "Target: <= 10 s wall time with the heap capped at 256 MB (2-core machine)."
