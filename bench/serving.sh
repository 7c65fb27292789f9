#!/usr/bin/env bash
# Page throughput against nginx serving the same bytes (issue #12), release build, SQLite:
# `/help` answered from the stored render (a signed-out visitor), the same page rendered in full
# (`?full`, which the store never answers), a patient's `/account` (a real session), and nginx
# serving each page's bytes as a static file. `wrk -t2 -c32 -d10s`, one after the other.
#
#     make build && bench/serving.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTFLAGS="--cfg erase_components"   # as bench/load.sh says
PORT=${PORT:-3600}
NGINX_PORT=${NGINX_PORT:-3601}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/portail-serving.XXXXXX)
DATABASE_URL="sqlite://$WORK/portail.db"
cargo run -q --release -p server --example population -- "$DATABASE_URL" 1 > "$WORK/sessions.txt"
PATIENT=$(awk '/^patient/ {print $2; exit}' "$WORK/sessions.txt")
DATABASE_URL="$DATABASE_URL" PUBLIC_URL="$BASE" MAIL_TRANSPORT=dev LEPTOS_SITE_ROOT=target/site \
  LISTEN="127.0.0.1:$PORT" RUST_LOG=warn "${BIN:-./target/release/portail}" serve > "$WORK/server.log" 2>&1 &
SERVER=$!
mkdir -p "$WORK/www"
chmod 755 "$WORK" "$WORK/www"   # nginx's workers run as another user
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx.log warn;
events {}
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location / { default_type text/html; }
  }
}
NGINX
nginx -c "$WORK/nginx.conf" &
NGINX=$!
trap 'kill $SERVER $NGINX 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/help" > "$WORK/www/help.html"
curl -sf -H "Cookie: portail=$PATIENT" "$BASE/account" > "$WORK/www/account.html"
echo "bytes: /help $(wc -c < "$WORK/www/help.html"), /account $(wc -c < "$WORK/www/account.html")"

run() {   # label, url, [cookie]
  local summary
  summary=$(wrk -t2 -c32 -d10s --latency ${3:+-H "Cookie: $3"} "$2" \
    | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} /Socket errors/ {err=$0}
           END {printf "%s req/s, p50 %s, p99 %s, non-2xx %s, %s", rps, p50, p99, (bad ? bad : 0), (err ? err : "no socket errors")}')
  printf '| %s | %s |\n' "$1" "$summary"
}
echo "| what | wrk -t2 -c32 -d10s |"
echo "|---|---|"
run "nginx, /help's bytes" "http://127.0.0.1:$NGINX_PORT/help.html"
run "/help, stored render" "$BASE/help"
run "/help, full render (?full)" "$BASE/help?full"
run "nginx, /account's bytes" "http://127.0.0.1:$NGINX_PORT/account.html"
run "/account, signed in" "$BASE/account" "portail=$PATIENT"
echo "server log: $(grep -c 'panicked' "$WORK/server.log" || true) panics, $(grep -c 'ERROR' "$WORK/server.log" || true) errors"
