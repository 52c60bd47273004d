#!/usr/bin/env bash
# Benchmark: the doc-test engine against the same pages run as plain bash scripts and cram tests.
# Every executable page in docs/ (Markdown and AsciiDoc), best of N rounds (default 1); prints
# two tables. Needs cram3 (Debian package python3-cram) for the cram column.
# Usage: bench/engine-bench.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=doc-tests/docs/target/bench.classpath
# In the reactor, so the engine and the mock server come from this build, not a repository; again
# whenever a pom or a source changed (by content). (Every module writes the classpath file; the
# docs module, built last, leaves its own.)
. doc-tests/fresh-build.sh
fresh_build doc-tests/docs/target/bench.sources \
  "cli/target/spec-kitty/bin/spec-kitty $cp_file doc-tests/docs/target/classes" \
  pom.xml cli/pom.xml cli/src/main doc-tests/pom.xml doc-tests/engine/pom.xml \
  doc-tests/engine/src/main doc-tests/mock-server/pom.xml doc-tests/mock-server/src/main \
  doc-tests/docs/pom.xml doc-tests/docs/src/main \
  -- -pl doc-tests/docs -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$PWD/$cp_file"
# The engine's JVM as ./doctest starts it: the C1 compiler only (C2's compilations cost about 10 s
# of CPU in a whole pass, on a machine whose two cores the steps already keep busy).
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -cp "doc-tests/docs/target/classes:$(cat "$cp_file")" bench/EngineBench.java \
  docs cli/target/spec-kitty/bin "${1:-1}"
echo
echo "Target: the whole docs set in at most 0.5x the time cram takes for the same pages."
