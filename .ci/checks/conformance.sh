#!/usr/bin/env bash
# Informative: the conformance lines are printed on every CI run, but never fail it.
cd "$(dirname "$0")/../.."
if ! bash bench/conformance.sh --details daemon/target/conformance-details.txt; then
  echo "conformance: the runner itself failed (informative only; see output above)"
fi
exit 0
