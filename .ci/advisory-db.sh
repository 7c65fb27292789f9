#!/usr/bin/env bash
# Puts the RustSec advisory database where `cargo deny --offline check advisories` reads it
# (deny.toml: db-path = "target/advisory-db"). These machines reach the package registries but not
# GitHub, so the database comes from .ci/advisory-db.bundle: one commit holding the tree of
# rustsec/advisory-db at the upstream commit named in its message, with that commit's date (cargo-deny
# reads the date to judge staleness).
#
# Refresh where GitHub is reachable (or from a mirror of it):
#   git clone --depth 1 https://github.com/rustsec/advisory-db /tmp/adb && cd /tmp/adb
#   tree=$(git rev-parse 'HEAD^{tree}'); when=$(git log -1 --format=%cI); upstream=$(git rev-parse HEAD)
#   GIT_AUTHOR_NAME=RustSec GIT_AUTHOR_EMAIL=advisory-db@rustsec.org GIT_COMMITTER_NAME=RustSec \
#   GIT_COMMITTER_EMAIL=advisory-db@rustsec.org GIT_AUTHOR_DATE=$when GIT_COMMITTER_DATE=$when \
#     git branch -f snapshot "$(git commit-tree "$tree" -m "rustsec/advisory-db at $upstream (tree $tree), one commit")"
#   git bundle create <repo>/.ci/advisory-db.bundle snapshot
set -euo pipefail
cd "$(dirname "$0")/.."
# cargo-deny names the directory after the database URL (deny.toml: db-urls).
db=target/advisory-db/advisory-db-3157b0e258782691
bundle=.ci/advisory-db.bundle
if [ ! -d "$db/.git" ] || [ "$bundle" -nt "$db/.git/FETCH_HEAD" ]; then
	rm -rf "$db"
	mkdir -p "$(dirname "$db")"
	git clone --quiet --branch snapshot "$bundle" "$db"
	touch "$db/.git/FETCH_HEAD"
fi
git -C "$db" log -1 --format='advisory database: %s, dated %cs'
