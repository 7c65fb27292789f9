#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a throw-away PostgreSQL server: a fresh
# cluster in a temp folder, listening on loopback only, stopped and removed afterwards.
set -euo pipefail
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
PORT=${PG_TEST_PORT:-54329}
DIR=$(mktemp -d /tmp/portail-pg.XXXXXX)
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$DIR"
  RUN_AS=(runuser -u postgres --)
fi
cleanup() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DIR/data" -U portail --auth=trust -E UTF8 >/dev/null
# TLS as production has it: a certificate for 127.0.0.1 signed by a throw-away authority, which the
# tests trust by file (`sslrootcert`); a second authority that signed nothing, to be refused.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Portail test CA" \
  -keyout "$DIR/ca.key" -out "$DIR/ca.pem" >/dev/null 2>&1
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Another CA" \
  -keyout "$DIR/other-ca.key" -out "$DIR/other-ca.pem" >/dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$DIR/data/server.key" \
  -out "$DIR/server.csr" >/dev/null 2>&1
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n' > "$DIR/san.ext"
openssl x509 -req -in "$DIR/server.csr" -CA "$DIR/ca.pem" -CAkey "$DIR/ca.key" -CAcreateserial -days 2 \
  -extfile "$DIR/san.ext" -out "$DIR/data/server.crt" >/dev/null 2>&1
chmod 600 "$DIR/data/server.key"
chmod 644 "$DIR/ca.pem" "$DIR/other-ca.pem"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR/data/server.key" "$DIR/data/server.crt"; fi
# `$TEST_PG_CONTROL stop|start` lets the failure tests take the database away and bring it back.
cat > "$DIR/control" <<CONTROL
#!/usr/bin/env bash
exec ${RUN_AS[*]} "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -m fast \\
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200 -c ssl=on" "\$@"
CONTROL
chmod +x "$DIR/control"
"$DIR/control" start >/dev/null
export TEST_PG_CONTROL="$DIR/control"
export TEST_DATABASE_URL="postgres://portail@127.0.0.1:$PORT/postgres"
export TEST_PG_CA="$DIR/ca.pem" TEST_PG_OTHER_CA="$DIR/other-ca.pem"
"$@"
