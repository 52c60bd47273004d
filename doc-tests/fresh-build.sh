# Sourced by ./doctest and ./sandbox: build with Maven only when the sources changed — judged by
# their content (a SHA-256 over every file), not by modification times, which a fresh clone sets
# to the checkout's time.
#
#   fresh_build STAMP "ARTIFACT..." SOURCE... -- MAVEN_ARGS...
#
# Builds (./mvnw -q MAVEN_ARGS) when an ARTIFACT is missing or the SOURCEs' content differs from
# what STAMP recorded after the last build, then records it.

sources_digest() {
  find "$@" -type f -not -path '*/target/*' -print0 2>/dev/null | LC_ALL=C sort -z \
    | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

fresh_build() {
  local stamp=$1 artifacts=$2
  shift 2
  local sources=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do sources+=("$1"); shift; done
  shift
  local digest missing=false
  digest=$(sources_digest "${sources[@]}")
  for a in $artifacts; do [ -e "$a" ] || missing=true; done
  if $missing || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    echo "Building (the sources changed since the last build)..." >&2
    ./mvnw -q "$@" >&2
    mkdir -p "$(dirname "$stamp")"
    echo "$digest" > "$stamp"
  fi
}
