#!/usr/bin/env bash
# Lighthouse (mobile preset: a mid-range phone, slow 4G, 4× CPU slowdown) on the release build,
# Debian's Chromium: performance score, LCP, Total Blocking Time and bytes transferred for
# the public pages, an invitation link, a patient's `/home`, `/account` and `/messages`, and a
# staff member's `/staff`, patient list and patient file (real sessions).
# Lighthouse comes from npm into a temporary folder (it is not part of the test tools).
#
#     make build && bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTFLAGS="--cfg erase_components"   # as bench/load.sh says
PORT=${PORT:-3700}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/portail-lighthouse.XXXXXX)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
(cd "$WORK" && npm install --silent --no-audit --no-fund lighthouse@12 >/dev/null)
DATABASE_URL="sqlite://$WORK/portail.db"
# The demo first: it refuses a database that already holds accounts.
DATABASE_URL="$DATABASE_URL" PUBLIC_URL="$BASE" ./target/release/portail demo > "$WORK/demo.txt"
cargo run -q --release -p server --example population -- "$DATABASE_URL" 1 > "$WORK/sessions.txt"
PATIENT=$(awk '/^patient/ {print $2; exit}' "$WORK/sessions.txt")
STAFF=$(awk '/^staff/ {print $2; exit}' "$WORK/sessions.txt")
FILE=$(sqlite3 "$WORK/portail.db" "SELECT id FROM patients WHERE email = 'patient0@example.org'")
# A pending invitation's link, from its mail in the outbox.
INVITATION=$(sqlite3 "$WORK/portail.db" "SELECT body FROM outbox WHERE body LIKE '%/invitation/%' ORDER BY id DESC" \
  | grep -o '/invitation/[A-Za-z0-9_-]*' | head -n 1)
DATABASE_URL="$DATABASE_URL" PUBLIC_URL="$BASE" MAIL_TRANSPORT=dev LEPTOS_SITE_ROOT=target/site \
  LISTEN="127.0.0.1:$PORT" RUST_LOG=warn ./target/release/portail serve > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.2; done

audit() {   # path, [cookie]
  local headers='{}'
  [ -n "${2:-}" ] && headers="{\"Cookie\": \"$2\"}"
  "$WORK/node_modules/.bin/lighthouse" "$BASE$1" --quiet --only-categories=performance,accessibility \
    --chrome-path=/usr/bin/chromium --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --extra-headers="$headers" --output=json --output-path="$WORK/report.json" >/dev/null 2>&1
  node -e '
    const r = require(process.argv[1]);
    const a = r.audits;
    console.log(`| \`${process.argv[2]}\` | ${Math.round(r.categories.performance.score * 100)} | ${Math.round(r.categories.accessibility.score * 100)} | ${a["largest-contentful-paint"].displayValue} | ${a["total-blocking-time"].displayValue} | ${a["interactive"].displayValue} | ${Math.round(a["total-byte-weight"].numericValue / 1000)} KB |`);
  ' "$WORK/report.json" "$1"
}
echo "| page | performance | accessibility | LCP | TBT | interactive | transferred |"
echo "|---|---:|---:|---:|---:|---:|---:|"
audit /
audit /sign-in
audit /help
[ -n "$INVITATION" ] && audit "$INVITATION"
audit /home "portail=$PATIENT"
audit /account "portail=$PATIENT"
audit /messages "portail=$PATIENT"
audit /staff "portail=$STAFF"
audit /staff/patients "portail=$STAFF"
audit "/staff/patients/$FILE" "portail=$STAFF"
