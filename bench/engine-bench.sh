#!/usr/bin/env bash
# Benchmark: the doc-test engine against the same pages run as plain bash scripts and cram tests.
# Every executable page in docs/ (Markdown and AsciiDoc), best of N rounds (default 1); prints
# two tables. Needs cram3 (Debian package python3-cram) for the cram column.
# Usage: bench/engine-bench.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=doc-tests/docs/target/bench.classpath
if [ ! -x cli/target/spec-kitty/bin/spec-kitty ] || [ ! -f "$cp_file" ] \
    || [ ! -d doc-tests/docs/target/classes ]; then
  # In the reactor, so the engine and the mock server come from this build, not a repository.
  # (Every module writes the file; the docs module, built last, leaves its own.)
  ./mvnw -q -pl doc-tests/docs -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/$cp_file"
fi
java -cp "doc-tests/docs/target/classes:$(cat "$cp_file")" bench/EngineBench.java \
  docs cli/target/spec-kitty/bin "${1:-1}"
echo
echo "Target: the whole docs set in at most 0.5x the time cram takes for the same pages."
