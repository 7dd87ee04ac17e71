#!/usr/bin/env bash
# Informational: the conformance lines are printed on every CI run, but never fail it (the gate is
# realworld.sh). The report goes to daemon/target/conformance.md, never to the tracked
# docs/conformance.md, so CI leaves the work tree clean; docs/conformance.md is updated by hand.
cd "$(dirname "$0")/../.."
out=daemon/target/conformance.md
if ! bash bench/conformance.sh --output "$out" --details daemon/target/conformance-details.txt; then
  echo "conformance: the runner itself failed (informational only; see output above)"
fi
[ -f "$out" ] && echo "conformance: informational report in $out (docs/conformance.md is not rewritten)"
exit 0
