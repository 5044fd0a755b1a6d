#!/usr/bin/env bash
# Runs every Calltrail test, the same way for people and for CI (.ci/run calls this).
# On a fresh machine it first installs what the tests need, then prints "N passed, N failed"
# alone on a line and exits non-zero if anything failed or the run itself broke.
set -uo pipefail
cd "$(dirname "$0")"

results=.test-results
rm -rf "$results"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK (dotnet) is not on PATH; Calltrail needs .NET 10 (see global.json)." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# PostgreSQL for the storage tests on that engine: one private cluster for the whole run, on a free
# port, stopped and removed on exit. The test kit reads its address from CALLTRAIL_TEST_POSTGRES.
pg_bin=""
pg_dir=""

is_root() { [ "$(id -u)" -eq 0 ]; }

# initdb refuses to run as root, so as root the cluster belongs to the postgres user.
as_cluster_owner() {
  if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

find_postgres() {
  local initdb
  initdb=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  [ -x "$initdb" ] && pg_bin=${initdb%/initdb}
}

install_postgres() {
  find_postgres && return 0
  if ! is_root; then
    echo "test.sh: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and only root can install it here: sudo apt-get install postgresql" >&2
    return 1
  fi
  echo "test.sh: installing PostgreSQL (apt-get install postgresql)..." >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2 && find_postgres
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    # Nothing answering on the port: take it (pg_ctl below retries if another process wins the race).
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

start_postgres() {
  local out port
  pg_dir=$(mktemp -d /tmp/calltrail-test-pg.XXXXXX) || return 1
  if is_root; then chown postgres: "$pg_dir" || return 1; fi
  if ! out=$(as_cluster_owner "$pg_bin/initdb" -D "$pg_dir" -A trust -U postgres --no-sync 2>&1); then
    echo "$out" >&2
    return 1
  fi
  for _ in 1 2 3; do
    port=$(free_port) || break
    if as_cluster_owner "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/log" -w \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null; then
      export CALLTRAIL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
      return 0
    fi
  done
  [ -f "$pg_dir/log" ] && tail -n 20 "$pg_dir/log" >&2
  return 1
}

stop_postgres() {
  [ -n "$pg_dir" ] || return 0
  if [ -f "$pg_dir/postmaster.pid" ]; then
    as_cluster_owner "$pg_bin/pg_ctl" -D "$pg_dir" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$pg_dir"
}

# The recorder's tests talk to real SIP peers (sipp, Debian package sip-tester) and check the audio
# they recorded with sox.
install_media_tools() {
  local missing=()
  command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
  command -v sox >/dev/null 2>&1 || missing+=(sox)
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! is_root; then
    echo "test.sh: ${missing[*]} not installed and only root can install them here: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
  echo "test.sh: installing ${missing[*]} (apt-get install)..." >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2
}

trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! install_media_tools; then
  echo "test.sh: could not install the recorder's test peers (see above); no tests were run." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

if ! install_postgres || ! start_postgres; then
  echo "test.sh: could not set up PostgreSQL for the tests (see above); no tests were run." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Calltrail.slnx --nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

# A build error or a crashed test host fails the run even when no test reported a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test exited with $status before reporting a failing test (build error or crashed host)." >&2
  failed=1
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
