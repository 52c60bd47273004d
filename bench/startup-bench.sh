#!/usr/bin/env bash
# Benchmark: CLI start-up. Median wall time and peak RSS of spec-kitty commands against a JVM
# hello-world (the floor for a Java CLI), with and without the class-data-sharing archive.
# Needs hyperfine (Debian package; installed when missing). Usage: bench/startup-bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
command -v hyperfine > /dev/null || apt-get install -y -qq hyperfine > /dev/null
dist=cli/target/spec-kitty
[ -x "$dist/bin/spec-kitty" ] || ./mvnw -q -pl cli -am package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The floor: a JVM that prints one line, with default flags and with the launcher's flags.
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"

# The same distribution without the archive.
cp -r "$dist" "$work/no-cds"
rm -f "$work/no-cds/lib/spec-kitty.jsa"

# A logged-in HOME for `auth status` (credentials valid for a day).
export HOME="$work/home"
mkdir -p "$HOME/.spec-kitty"
printf '[server]\nurl = "http://127.0.0.1:9"\n' > "$HOME/.spec-kitty/config.toml"
now=$(date -u +%s)
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
cat > "$HOME/.spec-kitty/credentials.json" <<JSON
{"server": "http://127.0.0.1:9", "username": "bench@example.com", "team_slug": "bench",
 "access_token": "a", "access_expires_at": "$(iso $((now + 86400)))",
 "refresh_token": "r", "refresh_expires_at": "$(iso $((now + 604800)))"}
JSON
cd "$HOME"

median_ms() { # json file -> median in ms
  python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['median']*1000))" "$1"
}
peak_rss_mb() { # command... -> median peak RSS in MB over 5 runs
  for _ in 1 2 3 4 5; do
    rm -rf "$HOME/demo"
    /usr/bin/time -f %M "$@" > /dev/null 2>> "$work/rss" || true
  done
  tail -5 "$work/rss" | grep -E '^[0-9]+$' | sort -n | sed -n 3p | awk '{printf "%.0f", $1/1024}'
}
row() { # label, command...   (runs in a fresh folder: init needs its target absent)
  local label=$1; shift
  hyperfine -N -i -w 3 -r "$runs" --prepare "rm -rf $HOME/demo" --export-json "$work/h.json" "$*" > /dev/null 2>&1
  local ms
  ms=$(median_ms "$work/h.json")
  printf '| %s | %s | %s | %s |\n' "$label" "$ms" "$(peak_rss_mb "$@")" "$(python3 -c "print(f'{$ms/$floor:.2f}x')")"
}

hyperfine -N -w 3 -r "$runs" --export-json "$work/h.json" "java -cp $work/hello Hello" > /dev/null 2>&1
floor=$(median_ms "$work/h.json")
echo "| command | median (ms) | peak RSS (MB) | vs hello-world |"
echo "|---|---:|---:|---:|"
row "java Hello (default flags)" java -cp "$work/hello" Hello
row "java Hello (launcher flags)" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp "$work/hello" Hello
for args in "--version" "auth status" "sync status" "init demo"; do
  row "spec-kitty $args (with archive)" "$OLDPWD/$dist/bin/spec-kitty" $args
  row "spec-kitty $args (without archive)" "$work/no-cds/bin/spec-kitty" $args
done
echo
echo "Target: <= 1.5x the hello-world. java: $(java -version 2>&1 | head -1)"
