#!/usr/bin/env bash
# Database round trips per page (issue #12): the release build logs every statement it sends
# (`sqlx::query` at debug level); each page is fetched once with a patient's or a staff
# member's session, and the statements logged for that request are counted. SQLite.
#
#     make build && bench/round_trips.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# The flags cargo-leptos builds the server with (Cargo.toml `always-erase-components`): building
# the examples with others would rebuild, and replace, the release server `make build` made.
export RUSTFLAGS="--cfg erase_components"
PORT=${PORT:-3500}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/portail-trips.XXXXXX)
DATABASE_URL="sqlite://$WORK/portail.db"
cargo run -q --release -p server --example population -- "$DATABASE_URL" 3 > "$WORK/sessions.txt"
PATIENT=$(awk '/^patient/ {print $2; exit}' "$WORK/sessions.txt")
STAFF=$(awk '/^staff/ {print $2; exit}' "$WORK/sessions.txt")
FILE=$(sqlite3 "$WORK/portail.db" "SELECT MIN(id) FROM patients")
DATABASE_URL="$DATABASE_URL" PUBLIC_URL="$BASE" MAIL_TRANSPORT=dev LEPTOS_SITE_ROOT=target/site \
  LISTEN="127.0.0.1:$PORT" RUST_LOG="warn,sqlx::query=debug" NO_COLOR=1 \
  ./target/release/portail serve > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.2; done
sleep 1   # the outbox worker's first poll

statements() { grep -c 'sqlx::query' "$WORK/server.log" || true; }
# The fewest of three fetches: the outbox worker's polls may fall inside one of them.
count() {   # who, path
  local cookie="" before status fewest=999999
  [ "$1" = patient ] && cookie="portail=$PATIENT"
  [ "$1" = staff ] && cookie="portail=$STAFF"
  for _ in 1 2 3; do
    before=$(statements)
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE$2")
    fewest=$(( $(statements) - before < fewest ? $(statements) - before : fewest ))
  done
  printf '| %s | `%s` | %s | %s |\n' "$1" "$2" "$status" "$fewest"
}
echo "| who | page | status | statements |"
echo "|---|---|---:|---:|"
for page in / /help /sign-in; do count visitor "$page"; done
for page in /home /account /account/security /account/access-log; do count patient "$page"; done
for page in /staff /staff/patients "/staff/patients/$FILE" /staff/team /staff/settings; do count staff "$page"; done
