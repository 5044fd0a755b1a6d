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
