#!/usr/bin/env bash
# Attacks of issue #29 against the release build (run `make build` first), SQLite, demo data:
# anonymous uploads, slow headers, a re-authentication flood, lockout (bench/attack.py says how),
# then the count of panics and errors in the server's log.
#
#     make build && bench/attack.sh [uploads|slow|reauth|lockout]...
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-3401}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/portail-attack.XXXXXX)
export DATABASE_URL="sqlite://$WORK/portail.db" PUBLIC_URL="$BASE"
./target/release/portail demo > "$WORK/demo.txt"
MAIL_TRANSPORT=dev TRUSTED_PROXY=127.0.0.1 LEPTOS_SITE_ROOT=target/site LISTEN="127.0.0.1:$PORT" RUST_LOG=warn \
  ./target/release/portail serve > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.2; done
ulimit -n 4096
BASE="$BASE" DATABASE="$WORK/portail.db" SERVER_PID=$SERVER \
  DEMO_PASSWORD=$(sed -n 's/.*with password "\([^"]*\)".*/\1/p' "$WORK/demo.txt") \
  python3 bench/attack.py "$@"
echo "== server log: $(grep -c 'panicked' "$WORK/server.log" || true) panics, $(grep -c 'ERROR' "$WORK/server.log" || true) errors"
