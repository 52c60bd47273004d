#!/usr/bin/env bash
# Benchmark: the writers' loop. Wall time of ./doctest for one page (built, its kept states and
# readings warm; an AsciiDoc page also just edited),
# for a --watch rerun after a save, and for the whole docs set (cold, nothing kept). Prints a
# table. Needs hyperfine (Debian package). Usage: bench/doctest-bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
command -v hyperfine > /dev/null || { echo "bench/doctest-bench.sh needs hyperfine" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill "${watcher:-0}" 2> /dev/null || true; rm -rf "$work"' EXIT

./doctest --list > /dev/null # builds the CLI and the checker when their sources changed

steps() { # page -> number of steps it runs
  ./doctest --list ${1:+"$1"} | grep -cE '^ +[0-9]+  '
}
median() { # hyperfine json -> median seconds, one decimal
  python3 -c "import json,sys; print('%.1f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$1"
}

rows=()
for page in docs/tutorials/getting-started.md docs/how-to/authenticate.md docs/how-to/check-your-setup.adoc \
    docs/tutorials/server-connection.md; do
  ./doctest "$page" > /dev/null # keeps the end states of the pages it continues
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/page.json" \
    "./doctest $page" > /dev/null
  rows+=("| \`./doctest $page\` | $(steps "$page") | $(median "$work/page.json") s |")
done

# An AsciiDoc page just edited: Asciidoctor reads it again (its kept reading no longer holds).
page=docs/how-to/check-your-setup.adoc
hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/page.json" \
  --prepare "rm -rf $work/readings" "./doctest --readings $work/readings $page" > /dev/null
rows+=("| \`./doctest $page\`, just edited (read by Asciidoctor again) | $(steps "$page") | $(median "$work/page.json") s |")

# --watch: from saving the page (same bytes, a new modification time) to the run's summary line.
page=docs/how-to/authenticate.md
./doctest --watch "$page" > "$work/watch.log" 2>&1 &
watcher=$!
wait_for() { # count of summary lines to wait for
  until [ "$(grep -c ' steps: ' "$work/watch.log" || true)" -ge "$1" ]; do sleep 0.02; done
}
wait_for 1
times=()
for i in $(seq 1 "$runs"); do
  sleep 0.5
  start=$(date +%s.%N)
  touch "$page"
  wait_for $((i + 1))
  times+=("$(echo "$(date +%s.%N) - $start" | bc)")
done
kill "$watcher"
watch_median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}')
rows+=("| \`./doctest --watch $page\`, rerun after a save | $(steps "$page") | $watch_median s |")

# The whole docs set from nothing kept, as CI runs it.
hyperfine -N --style none --runs 3 --export-json "$work/all.json" \
  --prepare "rm -rf $work/keep $work/readings" \
  "./doctest --keep $work/keep --readings $work/readings" > /dev/null
rows+=("| \`./doctest\` (every page, nothing kept) | $(steps '') | $(median "$work/all.json") s |")

echo "| run | steps | median wall time |"
echo "|---|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Target: a page of at most 10 steps, and a --watch rerun, in at most 3 s; $(nproc) cores."
