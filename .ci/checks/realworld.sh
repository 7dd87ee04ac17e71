#!/usr/bin/env bash
# Gate: every real schema of ../shared/corpus/realworld (7 projects x PostgreSQL/MySQL) passes its
# checks: second load and dump-restored copy in sync, forward/reverse drift, build-from-empty and
# wipe-to-empty plans converge with equal server dumps, splitter load in sync. Unlike conformance.sh
# this FAILS the run: on a failing check that bench/realworld-expected-failures.txt does not list
# (with its reason), on a listed check that passes (the list only shrinks), or with no corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${DRIFTD_CORPUS:-../shared/corpus}"
if [ ! -d "$corpus/realworld" ]; then
  echo "realworld: no real-world corpus at $corpus/realworld (set DRIFTD_CORPUS); the gate cannot run" >&2
  exit 1
fi
start=$(date +%s)
status=0
# the report goes under target/ (next to conformance.sh's): CI never rewrites the tracked docs/conformance.md
bash bench/conformance.sh --output daemon/target/conformance.md --only realworld-postgres,realworld-mysql || status=$?
echo "realworld: gate finished in $(( $(date +%s) - start )) s with status $status"
exit "$status"
