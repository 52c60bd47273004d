#!/usr/bin/env bash
# Benchmark: the doc-test engine's overhead over running the same commands with plain bash.
# Runs every executable doc in docs/ both ways (best of N rounds, default 1) and prints a table.
# Usage: bench/engine-bench.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x cli/target/spec-kitty/bin/spec-kitty ] || [ ! -d doc-tests/target/spec-kitty-sandbox/lib ]; then
  ./mvnw -q -pl doc-tests -am package -DskipTests
fi
java -cp "doc-tests/target/spec-kitty-sandbox/lib/*" bench/EngineBench.java \
  docs cli/target/spec-kitty/bin "${1:-1}"
echo
echo "Target: engine <= 1.2x plain bash (overhead <= +20%)."
