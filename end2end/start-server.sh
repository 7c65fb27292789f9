#!/usr/bin/env bash
# The portal as the end-to-end tests see it: release build, fresh database, real SMTP (MailDev).
set -euo pipefail
cd "$(dirname "$0")"
export E2E_DIR=${E2E_DIR:-$(pwd)/.tmp}
rm -rf "$E2E_DIR" && mkdir -p "$E2E_DIR"
export DATABASE_URL="sqlite://$E2E_DIR/portail.db"
export PUBLIC_URL=http://localhost:3000
export LISTEN=127.0.0.1:3000
export SMTP_URL=smtp://127.0.0.1:1025
export MAIL_TRANSPORT=smtp
export LEPTOS_SITE_ROOT=../target/site
# As behind a reverse proxy: a test that sends many anonymous forms names its own address in
# X-Forwarded-For (operator.spec.ts), so the per-address limits count it apart from the others.
export TRUSTED_PROXY=127.0.0.1
# The log as a collector gets it, kept for global-teardown.ts to read once every flow has run.
export LOG_FORMAT=json
exec ../target/release/portail serve >> "$E2E_DIR/server.log" 2>&1
