#!/usr/bin/env bash
# The .deb as an operator meets it: `dpkg -i` on this machine, the files where Debian expects
# them, `driftd --help` and bash completion from the installed launcher; then the daemon started
# the way its installed unit (/lib/systemd/system/driftd.service) would start it, without systemd
# as PID 1: its User=/Group=, WorkingDirectory=, StateDirectory=, Environment=/EnvironmentFile=,
# LoadCredential=/SetCredential= (copied into a CREDENTIALS_DIRECTORY readable by that user only)
# and the ExecStart= line itself. The configuration is the package's own /etc/driftd/driftd.yaml,
# edited as docs/operations.md says (an admin token as the systemd credential admin.token, its
# commented tokens lines switched on, a port of its own) plus one fleet on the local PostgreSQL
# (a database made for this check and dropped after it). It must answer /readyz, take the token
# from the credential, sweep the fleet as user driftd, stop on SIGTERM with the unit's
# SuccessExitStatus, and `dpkg --purge` must remove it all. Fails loudly when a tool is missing.
# Builds nothing: packaging/target/driftd_*_all.deb exists after `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { echo "deb: $*"; }
fail() { echo "deb: FAIL: $*" >&2; exit 1; }

deb=$(ls -t packaging/target/driftd_*_all.deb 2>/dev/null | head -1 || true)
[ -n "$deb" ] || fail "packaging/target/driftd_*_all.deb is missing: run mvn verify (or mvn package) first"
for tool in dpkg dpkg-deb setpriv curl jq openssl psql getent unzip; do
  command -v "$tool" >/dev/null 2>&1 || fail "required tool $tool is missing"
done
[ "$(id -u)" = 0 ] || fail "must run as root (dpkg -i, a service user)"
if dpkg-query -W -f='${Status}' driftd 2>/dev/null | grep -q 'installed'; then
  fail "a driftd package is already installed here; this check installs and purges its own: dpkg --purge driftd first"
fi
pg_isready -q -h 127.0.0.1 -p 5432 || fail "PostgreSQL is not answering on 127.0.0.1:5432"

unit=/lib/systemd/system/driftd.service
user_existed=$(getent passwd driftd >/dev/null && echo yes || echo no)
db="o18b_deb_$(openssl rand -hex 4)"
work=$(mktemp -d)
chmod 0711 "$work"   # the service user must reach its credentials directory inside it, as under /run/credentials
pid=""
installed=""
cleanup() {
  set +e
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid"; wait "$pid" 2>/dev/null; }
  [ -n "$installed" ] && dpkg-query -W driftd >/dev/null 2>&1 && dpkg --purge driftd >/dev/null 2>&1
  rm -f /etc/driftd/admin.token
  rmdir /etc/driftd 2>/dev/null
  if [ "$user_existed" = no ] && getent passwd driftd >/dev/null; then
    userdel driftd 2>/dev/null; groupdel driftd 2>/dev/null
  fi
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# what production runs and nothing else: one jar, without the demo's embedded PostgreSQL (zonky and
# its PostgreSQL archive live in demo/target/driftd-demo.jar, which is not packaged)
jars=$(dpkg-deb -c "$deb" | grep -oE '\./[^ ]*\.jar$' || true)
[ "$jars" = ./usr/share/driftd/driftd.jar ] || fail "the package must carry exactly ./usr/share/driftd/driftd.jar; its jars: ${jars:-none}"
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/driftd/driftd.jar > "$work/packaged.jar"
# grep without -q reads the whole listing: an early exit would fail unzip under pipefail
if unzip -Z1 "$work/packaged.jar" | grep -E '^io/zonky/|\.txz$' >/dev/null; then
  fail "the packaged driftd.jar carries the embedded PostgreSQL (io.zonky or a .txz archive): the demo's, not production's"
fi
say "one jar, driftd.jar ($(du -h "$work/packaged.jar" | cut -f1)), without the embedded PostgreSQL: OK"

say "dpkg -i $deb ($(du -h "$deb" | cut -f1))"
dpkg -i "$deb" > "$work/dpkg.out" 2>&1 || { cat "$work/dpkg.out" >&2; fail "dpkg -i failed"; }
installed=yes
dpkg-query -W -f='${Status}' driftd | grep -qx 'install ok installed' || fail "dpkg does not list driftd as installed"
say "installed $(dpkg-query -W -f='${Version}' driftd): OK"

for f in /usr/share/driftd/driftd.jar /usr/bin/driftd "$unit" /usr/lib/sysusers.d/driftd.conf \
         /etc/driftd/driftd.yaml /etc/driftd/driftd.env /usr/share/driftd/driftd.schema.json \
         /usr/share/doc/driftd/examples/driftd.yaml /usr/share/doc/driftd/operations.md \
         /usr/share/bash-completion/completions/driftd /usr/share/driftd/dashboards/provisioning/dashboards/driftd/driftd-fleets.json \
         /usr/share/driftd/dashboards/driftd-alerts.yml; do
  [ -e "$f" ] || fail "$f is not installed"
done
[ "$(stat -c '%U:%G %a' /etc/driftd/driftd.env)" = "root:root 600" ] || fail "/etc/driftd/driftd.env is not root-only 0600"
[ "$(stat -c '%U:%G %a' /etc/driftd/driftd.yaml)" = "root:driftd 640" ] || fail "/etc/driftd/driftd.yaml is not root:driftd 0640"
getent passwd driftd | grep -q ':/var/lib/driftd:/usr/sbin/nologin$' || fail "postinst did not create the driftd user"
say "files in place, user driftd created, /etc/driftd readable by driftd only: OK"

/usr/bin/driftd --help | grep -q '^Usage: driftd' || fail "driftd --help"
/usr/bin/driftd diff --help | grep -q '^Usage: driftd diff' || fail "driftd diff --help"
# shellcheck disable=SC1091
bash -c '. /usr/share/bash-completion/completions/driftd && complete -p driftd' | grep -q 'driftd' \
  || fail "the completion script does not register for driftd"
say "driftd --help, driftd diff --help and bash completion from the package: OK"

# --- configure, as docs/operations.md says ---
port=""
for _ in $(seq 50); do
  p=$(( 20000 + RANDOM % 40000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || fail "no free port found"
token=$(openssl rand -hex 24)
( umask 077; printf '%s\n' "$token" > /etc/driftd/admin.token )
psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $db" >/dev/null
psql -q -h 127.0.0.1 -U postgres -d "$db" -c "CREATE TABLE items (id int PRIMARY KEY, name text)" >/dev/null
# the two expressions docs/operations.md gives, then this check's own port and fleet
sed -i -e 's/^  # tokens:$/  tokens:/' \
       -e 's/^  #   - {name: ops/    - {name: ops/' /etc/driftd/driftd.yaml
sed -i -e "s/^  bind: 127.0.0.1:9741$/  bind: 127.0.0.1:$port/" -e 's/^fleets: \[\]$/fleets:/' /etc/driftd/driftd.yaml
cat >> /etc/driftd/driftd.yaml <<YAML
  - name: debcheck
    schedule: {every: 2s}
    golden: {member: self}
    members:
      - {name: self, url: "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"}
YAML
grep -q '^    - {name: ops, role: admin, secret: "${credential:admin.token}"}$' /etc/driftd/driftd.yaml \
  || fail "the packaged /etc/driftd/driftd.yaml no longer has the commented tokens lines docs/operations.md switches on"

# --- start it as the unit would ---
directive() { sed -nE "s/^$1=(.*)$/\\1/p" "$unit"; }
svc_user=$(directive User); svc_group=$(directive Group); wd=$(directive WorkingDirectory)
state=$(directive StateDirectory); state_mode=$(directive StateDirectoryMode)
[ "$svc_user" = driftd ] && [ -n "$wd" ] && [ -n "$state" ] || fail "$unit lacks User=driftd, WorkingDirectory= or StateDirectory="
install -d -m "${state_mode:-0755}" -o "$svc_user" -g "$svc_group" "/var/lib/$state"

declare -A envs=()
while IFS= read -r kv; do envs[${kv%%=*}]=${kv#*=}; done < <(directive Environment)
while IFS= read -r ef; do
  optional=""; [ "${ef:0:1}" = "-" ] && { optional=yes; ef=${ef:1}; }
  if [ -r "$ef" ]; then
    while IFS= read -r line; do
      [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
      v=${line#*=}; v=${v#\"}; v=${v%\"}
      envs[${line%%=*}]=$v
    done < "$ef"
  elif [ -z "$optional" ]; then fail "EnvironmentFile=$ef is missing and not optional"; fi
done < <(directive EnvironmentFile)

creds="$work/credentials"
mkdir -p "$creds"
declare -A defaults=()
while IFS= read -r sc; do defaults[${sc%%:*}]=${sc#*:}; done < <(directive SetCredential)
while IFS= read -r lc; do
  id=${lc%%:*}; src=${lc#*:}
  if [ -r "$src" ]; then cp "$src" "$creds/$id"
  elif [ -n "${defaults[$id]+set}" ]; then printf '%b' "${defaults[$id]}" > "$creds/$id"
  else fail "LoadCredential=$lc: $src is missing and there is no SetCredential= default (systemd would not start it)"; fi
done < <(directive LoadCredential)
chown -R "$svc_user:$svc_group" "$creds"; chmod 0500 "$creds"; chmod 0400 "$creds"/*
[ -s "$creds/admin.token" ] || fail "the admin.token credential was not loaded"

exec_line=$(directive ExecStart)
read -ra words <<< "$exec_line"
argv=()
for w in "${words[@]}"; do
  if [[ "$w" =~ ^\$([A-Za-z_][A-Za-z0-9_]*)$ ]]; then
    # unbraced $VAR: systemd splits the value into words
    read -ra split <<< "${envs[${BASH_REMATCH[1]}]:-}"; argv+=("${split[@]}")
  else argv+=("$w"); fi
done
envargs=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME="$wd"
         USER="$svc_user" CREDENTIALS_DIRECTORY="$creds")
for k in "${!envs[@]}"; do envargs+=("$k=${envs[$k]}"); done
say "starting as $svc_user in $wd: ${argv[*]}"
( cd "$wd" && exec setpriv --reuid="$svc_user" --regid="$svc_group" --init-groups -- env -i "${envargs[@]}" "${argv[@]}" ) \
  > "$work/driftd.log" 2>&1 &
pid=$!

base="http://127.0.0.1:$port"
for _ in $(seq 180); do
  curl -fs -o /dev/null "$base/readyz" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/driftd.log" >&2; fail "the daemon exited before it answered"; }
  sleep 0.5
done
curl -fs -o /dev/null "$base/readyz" || { tail -20 "$work/driftd.log" >&2; fail "no answer on $base/readyz within 90 s"; }
[ "$(ps -o user= -p "$pid" | tr -d ' ')" = "$svc_user" ] || fail "the daemon does not run as $svc_user"
say "answers $base/readyz, runs as $(ps -o user= -p "$pid" | tr -d ' '): OK"

code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/fleets")
[ "$code" = 200 ] || fail "GET /api/v1/fleets with the credential's token: HTTP $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer wrong-$token" "$base/api/v1/fleets")
[ "$code" = 401 ] || fail "GET /api/v1/fleets with a wrong token: HTTP $code, expected 401"
say "the admin token comes from the systemd credential admin.token: OK"

in_sync=""
for _ in $(seq 120); do
  in_sync=$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/fleets/debcheck" | jq -r '.summary.inSync // 0')
  [ "$in_sync" = 1 ] && break
  sleep 0.5
done
[ "$in_sync" = 1 ] || { tail -20 "$work/driftd.log" >&2; fail "fleet debcheck did not sweep its member in sync within 60 s"; }
ls /var/lib/driftd/data/driftd.mv.db >/dev/null 2>&1 || fail "the embedded store is not in the state directory /var/lib/driftd/data"
say "swept fleet debcheck on its {every: 2s} schedule, store in /var/lib/driftd: OK"
grep -qF "$token" "$work/driftd.log" && fail "the admin token appears in the daemon's log"

kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
pid=""
ok_status=$(directive SuccessExitStatus)
[ "$rc" = 0 ] || [[ " $ok_status " == *" $rc "* ]] || { tail -20 "$work/driftd.log" >&2; fail "exit $rc on SIGTERM (unit's SuccessExitStatus: $ok_status)"; }
say "stopped on SIGTERM with exit $rc (SuccessExitStatus=$ok_status): OK"

rm -f /etc/driftd/admin.token
dpkg --purge driftd > "$work/purge.out" 2>&1 || { cat "$work/purge.out" >&2; fail "dpkg --purge failed"; }
installed=""
for f in /usr/share/driftd /usr/bin/driftd "$unit" /usr/lib/sysusers.d/driftd.conf /etc/driftd /var/lib/driftd \
         /usr/share/bash-completion/completions/driftd /usr/share/doc/driftd; do
  [ ! -e "$f" ] || fail "$f is left after dpkg --purge"
done
say "dpkg --purge removed the package, its configuration and its state: OK"
