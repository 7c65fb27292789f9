# Two commands: `make run` serves the portal on http://localhost:3000, `make test` runs every test.
SHELL := /bin/bash
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Leptos reads these at build time; cargo-leptos sets them too.
export LEPTOS_OUTPUT_NAME := portail

.PHONY: run test setup setup-test build lint unit integration integration-postgres failures e2e

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh test

# `--split`: the signed-in pages' code goes to WASM chunks loaded when first needed (ui/lazy_pages.rs).
# The compiled files are also written brotli- and gzip-compressed, which the server sends as they are.
# wasm-opt runs after cargo-leptos, binaryen loaded once per core (scripts/optimize-wasm.mjs).
build:
	@mkdir -p target && touch target/.build-started
	PATH=$(CURDIR)/scripts/deferred-wasm-opt:$$PATH cargo leptos build --release --split
	node scripts/optimize-wasm.mjs target/site/pkg target/.build-started
	node scripts/precompress.mjs target/site/pkg

run: setup build
	DATABASE_URL=$${DATABASE_URL:-sqlite://data/portail.db} \
	PUBLIC_URL=$${PUBLIC_URL:-http://localhost:3000} \
	MAIL_TRANSPORT=$${MAIL_TRANSPORT:-dev} \
	BOOTSTRAP_EMAIL=$${BOOTSTRAP_EMAIL:-operator@portail.localhost} \
	LEPTOS_SITE_ROOT=target/site \
	./target/release/portail serve

# Formatting and lints first: the server build and the browser (WASM) build, warnings as errors.
# cargo-deny: licences, bans and sources (deny.toml), then RustSec advisories from the snapshot kept
# in .ci/advisory-db.bundle (GitHub is out of reach here; .ci/advisory-db.sh says how to refresh it).
# leptosfmt lays out the view! macros that rustfmt leaves alone (leptosfmt.toml: the same width).
lint:
	cargo fmt --all --check
	leptosfmt --check --quiet app/src
	cargo deny --log-level error check licenses bans sources
	.ci/advisory-db.sh
	cargo deny --offline --log-level error check advisories
	cargo clippy -p app --features ssr -p server --tests --examples -- -D warnings
	cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings

# Unit and integration tests name the same packages and features, so that cargo resolves the
# dependencies' features once and the integration step links what the unit step compiled.
TESTED := -p app -p server --features app/ssr

unit:
	cargo test $(TESTED) --lib --bins --test migrations --test module_map --test properties

# Tests run in parallel, each with its own server and database. (They once ran one at a time:
# building a router while another served pages stalled those pages; routes are now discovered
# once per process, see server/src/routes.rs.) `timeout` turns any stall into a failure.
# `--tests`: the bench examples are not linked again here (`lint` has checked them).
integration:
	timeout 1800 cargo test $(TESTED) --test it

integration-postgres:
	timeout 1800 scripts/with-postgres.sh cargo test $(TESTED) --test it

# PostgreSQL stopped and started under a running server: alone, since it takes the database away.
failures:
	timeout 600 scripts/with-postgres.sh cargo test $(TESTED) --test it -- --ignored failures::

e2e: build
	cd end2end && timeout 1800 npx playwright test

test:
	@MAKE=$(MAKE) scripts/timed-steps.sh setup-test lint unit integration integration-postgres failures e2e
