#!/usr/bin/env bash
# Scale benchmark of issue #12: p50/p99 of the operations whose cost could grow with the number
# of patients, at 1,000 and 1,000,000 patients, on a SQLite file and on PostgreSQL (a throw-away
# server, see scripts/with-postgres.sh). Each size starts from an empty database filled by
# bench/scale.rs. About 15 minutes on 2 cores; SIZES="1000 100000" to try other sizes,
# DATABASES=sqlite (or postgres) for one of the two.
#
#     bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# The flags cargo-leptos builds the server with (Cargo.toml `always-erase-components`): building
# the examples with others would rebuild, and replace, the release server `make build` made.
export RUSTFLAGS="--cfg erase_components"
SIZES=${SIZES:-"1000 1000000"}
SAMPLES=${SAMPLES:-200}
cargo build -q --release -p server --example scale
SCALE=target/release/examples/scale
WORK=$(mktemp -d /tmp/portail-scale.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
echo "| operation | database | patients | p50 ms | p99 ms |"
echo "|---|---|---:|---:|---:|"
DATABASES=${DATABASES:-"sqlite postgres"}
if [[ " $DATABASES " == *" sqlite "* ]]; then
  for n in $SIZES; do
    "$SCALE" "sqlite://$WORK/scale-$n.db" "$n" "$SAMPLES"
    rm -f "$WORK"/scale-"$n".db*
  done
fi
[[ " $DATABASES " == *" postgres "* ]] || exit 0
# One PostgreSQL server, one database per size.
scripts/with-postgres.sh bash -c '
  for n in '"$SIZES"'; do
    psql -q "$TEST_DATABASE_URL" -c "CREATE DATABASE scale_$n" >/dev/null
    "'"$SCALE"'" "${TEST_DATABASE_URL%/postgres}/scale_$n" "$n" "'"$SAMPLES"'"
  done'
