#!/usr/bin/env bash
# Builds the container image from this machine's release build (`make build` first) and checks
# that the image's own binary, as its own user and on its own file system mounted read-only,
# answers /readyz. Made for machines without a registry: the base is a Debian 12 root file
# system from debootstrap, imported as localhost/debian:bookworm-slim. Needs root, buildah and
# debootstrap (apt-get install buildah debootstrap). podman run is not used: where it can run
# containers, `podman run --read-only …` (docs/OPERATIONS.md) is the real check.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-3400}
WORK=$(mktemp -d /tmp/portail-container.XXXXXX)
ctr=""
cleanup() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  umount -R "$WORK/root" 2>/dev/null || true
  [ -n "$ctr" ] && { buildah umount "$ctr" >/dev/null 2>&1 || true; buildah rm "$ctr" >/dev/null 2>&1 || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -x target/release/portail ] && [ -d target/site/pkg ] || { echo "make build first" >&2; exit 1; }

if ! buildah inspect localhost/debian:bookworm-slim >/dev/null 2>&1; then
  echo "==> debootstrap bookworm (minbase)"
  debootstrap --variant=minbase bookworm "$WORK/rootfs" http://deb.debian.org/debian >/dev/null
  tar -C "$WORK/rootfs" -c . | buildah import - localhost/debian:bookworm-slim >/dev/null 2>&1 \
    || tar -C "$WORK/rootfs" -c . | podman import - localhost/debian:bookworm-slim >/dev/null
  rm -rf "$WORK/rootfs"
fi

echo "==> buildah bud --target runtime-prebuilt"
started=$SECONDS
buildah bud --isolation chroot --format docker --layers --target runtime-prebuilt \
  --build-arg RUNTIME_BASE=localhost/debian:bookworm-slim -t localhost/portail:check . | tail -n 3
echo "built in $((SECONDS - started)) s; size: $(buildah images --format '{{.Size}}' localhost/portail:check)"
echo "user and health check: $(buildah inspect --format '{{.Docker.Config.User}} {{.Docker.Config.Healthcheck.Test}}' localhost/portail:check)"

echo "==> the image's file system, read-only, with a writable /var/lib/portail and /tmp"
ctr=$(buildah from localhost/portail:check)
image_root=$(buildah mount "$ctr")
mkdir -p "$WORK/root" "$WORK/data" "$WORK/tmp"
mount --bind "$image_root" "$WORK/root"
mount -o remount,bind,ro "$WORK/root"
mount --bind "$WORK/data" "$WORK/root/var/lib/portail"
mount --bind "$WORK/tmp" "$WORK/root/tmp"
mount -t proc proc "$WORK/root/proc"
chown 10001:10001 "$WORK/data"
env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DATABASE_URL=sqlite:///var/lib/portail/portail.db LISTEN=127.0.0.1:$PORT \
  PUBLIC_URL=http://127.0.0.1:$PORT MAIL_TRANSPORT=dev LEPTOS_SITE_ROOT=/usr/local/share/portail/site \
  LOG_FORMAT=json chroot --userspec=10001:10001 "$WORK/root" /usr/local/bin/portail serve > "$WORK/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
echo "/readyz: $(curl -sS "http://127.0.0.1:$PORT/readyz")"
echo "/sign-in: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/sign-in")"
echo "written by the server: $(cd "$WORK/data" && ls)"
head -n 2 "$WORK/server.log"
# The image's own health check, run as it would be, inside.
check=$(buildah inspect --format '{{index .Docker.Config.Healthcheck.Test 3}}' localhost/portail:check)
env -i LISTEN=127.0.0.1:$PORT PATH=/usr/sbin:/usr/bin:/sbin:/bin chroot --userspec=10001:10001 "$WORK/root" bash -c "$check"
echo "the image's health check: passes"
