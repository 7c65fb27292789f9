#!/usr/bin/env bash
# Installs what building and testing Portail needs, skipping what is already there at the right
# version. `scripts/setup.sh` for `make run`; `scripts/setup.sh test` adds Chromium, PostgreSQL
# and the end-to-end npm packages.
#
# On 2 cores the Rust tools are what takes time, so the downloads (npm, apt) run beside them, and
# the tools are built without their own link-time optimisation: cargo-leptos asks for fat LTO and
# one codegen unit, which doubles its build for a tool whose speed does not matter here.
set -euo pipefail
cd "$(dirname "$0")/.."
need_test=${1:-}
step() { printf '\n==> %s (%s)\n' "$*" "$(date +%T)"; }
tool_install() {
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_DEBUG=false cargo install "$@"
}
started=$SECONDS

# Downloads first, in the background: they wait on the network, the builds below on the CPU.
background=()
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || { [ -n "$need_test" ] && [ ! -d end2end/node_modules/@playwright/test ]; }; then
  step "npm ci (end2end/, in the background)"
  (cd end2end && npm ci --no-audit --no-fund > /tmp/portail-npm-ci.log 2>&1) &
  background+=($!)
fi
if [ "$need_test" = test ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  # scripts/with-postgres.sh makes the test server's TLS certificate with it.
  command -v openssl >/dev/null || missing+=(openssl)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    step "apt-get install ${missing[*]} (in the background)"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}") \
      > /tmp/portail-apt-get.log 2>&1 &
    background+=($!)
  fi
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# `make lint` needs clippy and rustfmt; they come with the toolchain on these machines.
for tool in clippy fmt; do
  cargo "$tool" --version >/dev/null 2>&1 || { echo "cargo $tool is missing (rustup component add clippy rustfmt)" >&2; exit 1; }
done

# cargo-leptos 0.3.11 needs a newer rustc; no_downloads makes a missing tool fail fast.
if [ "$(cargo leptos --version 2>/dev/null || true)" != "cargo-leptos 0.3.10" ]; then
  step "cargo install cargo-leptos 0.3.10"
  tool_install --locked cargo-leptos@0.3.10 --features no_downloads
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WBG_VERSION"
  # Not --locked: its lock names a webpki-roots release the registry mirror here does not have.
  tool_install wasm-bindgen-cli@"$WBG_VERSION"
fi

if [ "$need_test" = test ]; then
  # `make lint` checks licences, bans and sources with cargo-deny (deny.toml).
  if [ "$(cargo deny --version 2>/dev/null || true)" != "cargo-deny 0.20.2" ]; then
    step "cargo install cargo-deny 0.20.2"
    tool_install --locked cargo-deny@0.20.2
  fi
  # ... and the view! macros' layout with leptosfmt (leptosfmt.toml).
  if [ "$(leptosfmt --version 2>/dev/null || true)" != "leptosfmt 0.1.33" ]; then
    step "cargo install leptosfmt 0.1.33"
    tool_install --locked leptosfmt@0.1.33
  fi
fi

for job in "${background[@]}"; do
  if ! wait "$job"; then
    cat /tmp/portail-npm-ci.log /tmp/portail-apt-get.log 2>/dev/null >&2 || true
    echo "a download step failed (its log is above)" >&2
    exit 1
  fi
done
rm -f /tmp/portail-npm-ci.log /tmp/portail-apt-get.log
step "set-up done in $((SECONDS - started)) s"
