#!/usr/bin/env bash
# `make test`'s steps one after the other, stopping at the first that fails, then how long each
# took: CI must stay well inside its time limit on 2 cores, and this says where the time goes.
set -uo pipefail
timings=()
report() { printf '==> time per step:'; printf ' %s,' "${timings[@]}"; printf '\n'; }
for step in "$@"; do
  start=$(date +%s)
  "${MAKE:-make}" --no-print-directory "$step"
  status=$?
  timings+=("$step $(($(date +%s) - start)) s")
  if [ "$status" -ne 0 ]; then report; exit "$status"; fi
done
report
