#!/usr/bin/env bash
# Load benchmark of issue #10: the release build under 64 connections, public pages, the sign-in
# page and signed-in pages of 200 patients and 50 staff sessions (and the administrators' pages:
# overview, settings, support desk search, the team by service); SQLite, or PostgreSQL when run
# under scripts/with-postgres.sh. Prints wrk's summary for each page kind and a 60 s mix, then
# the count of panics and errors in the server's log.
#
#     make build && bench/load.sh                       # SQLite
#     scripts/with-postgres.sh bench/load.sh            # PostgreSQL
#     RUST_LOG=info bench/load.sh                       # with the access log (a line per request)
set -euo pipefail
cd "$(dirname "$0")/.."
# The flags cargo-leptos builds the server with (Cargo.toml `always-erase-components`): building
# the examples with others would rebuild, and replace, the release server `make build` made.
export RUSTFLAGS="--cfg erase_components"
DURATION=${DURATION:-60s}
PER_KIND=${PER_KIND:-15s}
PORT=${PORT:-3300}
WORK=$(mktemp -d /tmp/portail-load.XXXXXX)
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  psql "$TEST_DATABASE_URL" -qc "DROP DATABASE IF EXISTS portail_load" -c "CREATE DATABASE portail_load"
  DATABASE_URL="${TEST_DATABASE_URL%/*}/portail_load"
  unset TEST_DATABASE_URL
else
  DATABASE_URL="sqlite://$WORK/portail.db"
fi
echo "database: ${DATABASE_URL%%:*}"
cargo run -q --release -p server --example population -- "$DATABASE_URL" 200 > "$WORK/sessions.txt"
echo "sessions: $(grep -c '^patient' "$WORK/sessions.txt") patients, $(grep -c '^staff' "$WORK/sessions.txt") staff"

DATABASE_URL="$DATABASE_URL" PUBLIC_URL="http://127.0.0.1:$PORT" MAIL_TRANSPORT=dev \
  LEPTOS_SITE_ROOT=target/site LISTEN="127.0.0.1:$PORT" RUST_LOG="${RUST_LOG:-warn}" \
  ./target/release/portail serve > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.2; done

run() {
  echo "== $1, $2, 64 connections"
  KIND=$1 SESSIONS="$WORK/sessions.txt" wrk -t2 -c64 -d"$2" --latency -s bench/pages.lua \
    "http://127.0.0.1:$PORT" | grep -E "Requests/sec|Non-2xx|Socket errors|requests in|  50%|  99%"
}
for kind in public sign-in patient staff administration; do run "$kind" "$PER_KIND"; done
run mix "$DURATION"
echo "== server log: $(grep -c 'panic' "$WORK/server.log" || true) panics, $(grep -c 'ERROR' "$WORK/server.log" || true) errors"
