#!/usr/bin/env bash
# Abuse benchmark of issue #11, against the release build (run `make build` first), SQLite:
#  1. how many sign-ins one address gets judged before 429, and per second after that;
#  2. the p99 of /help alone, under a sign-in flood from one address, and under a flood from
#     thousands of addresses (which the per-address limit does not stop: the bound on concurrent
#     password hashing must then keep the rest of the site answering);
#  3. a 10 MB POST to /api/sign_in: refused with 413, and the server's memory before and after 20;
#  then the count of panics and errors in the server's log.
#
#     make build && bench/abuse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-3400}
FLOOD=${FLOOD:-20s}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/portail-abuse.XXXXXX)
# The tests speak as a reverse proxy on this machine, naming the caller in X-Forwarded-For.
DATABASE_URL="sqlite://$WORK/portail.db" PUBLIC_URL="$BASE" MAIL_TRANSPORT=dev TRUSTED_PROXY=127.0.0.1 \
  LEPTOS_SITE_ROOT=target/site LISTEN="127.0.0.1:$PORT" RUST_LOG=warn \
  ./target/release/portail serve > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.2; done
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$SERVER/status"; }

echo "== 1. sign-ins from one address (203.0.113.66), one at a time"
judged=0
for i in $(seq 60); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/api/sign_in" -H "Origin: $BASE" \
    -H 'Accept: application/json' -H 'X-Forwarded-For: 203.0.113.66' \
    --data "email=guess$i%40example.org&password=not-the-password")
  if [ "$status" = 429 ]; then break; fi
  judged=$((judged + 1))
done
echo "judged before the first 429: $judged"
echo "-- then $FLOOD of wrk -c8 from that address:"
FROM=one ORIGIN="$BASE" wrk -t1 -c8 -d"$FLOOD" -s bench/sign_in_flood.lua "$BASE" | grep -E "sign-in answers|Requests/sec"

help() {
  wrk -t1 -c8 -d"$FLOOD" --latency "$BASE/help" | grep -E "Requests/sec|  50%|  99%" | tr -s ' ' | paste -sd' '
}
echo "== 2. /help, wrk -t1 -c8, $FLOOD each"
echo "alone: $(help)"
FROM=one ORIGIN="$BASE" wrk -t1 -c16 -d"$FLOOD" -s bench/sign_in_flood.lua "$BASE" > "$WORK/flood-one.txt" &
sleep 1
echo "under a flood from one address: $(help)"
wait %2 2>/dev/null || wait
grep -E "sign-in answers|Requests/sec" "$WORK/flood-one.txt"
FROM=many ORIGIN="$BASE" wrk -t1 -c16 -d"$FLOOD" -s bench/sign_in_flood.lua "$BASE" > "$WORK/flood-many.txt" &
FLOODER=$!
sleep 1
echo "under a flood from many addresses: $(help)"
wait $FLOODER
grep -E "sign-in answers|Requests/sec" "$WORK/flood-many.txt"

echo "== 3. 10 MB POST to /api/sign_in"
head -c $((10 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$WORK/big"
echo "server memory before: $(rss)"
for i in $(seq 20); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/api/sign_in" -H "Origin: $BASE" \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$WORK/big" || true)
  chunked=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/api/sign_in" -H "Origin: $BASE" \
    -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$WORK/big" || true)
done
echo "status: $status (declared length), $chunked (chunked); server memory after 20 of each: $(rss)"
echo "== server log: $(grep -c 'panic' "$WORK/server.log" || true) panics, $(grep -c 'ERROR' "$WORK/server.log" || true) errors"
