#!/usr/bin/env bash
# Fuzzes one target of Calltrail.Recorder.Fuzz with AFL++ until a number of executions (default 10 million)
# or, with FUZZ_SECONDS set, until that many seconds have passed, whichever comes first. Then prints the
# figures from AFL's fuzzer_stats. Usage: fuzz/run.sh TARGET [EXECUTIONS]
#   FUZZ_OUT      where the instrumented build and findings go (default /tmp/calltrail-fuzz)
#   FUZZ_SECONDS  stop after this many seconds as well
# Installs afl++ (apt-get, needs root) and SharpFuzz.CommandLine (into fuzz/.tools) when missing. Runs under
# nice 19 with one afl-fuzz: the machine is shared. See fuzz/README.md.
set -euo pipefail

target=${1:?usage: fuzz/run.sh TARGET [EXECUTIONS]}
executions=${2:-10000000}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${FUZZ_OUT:-/tmp/calltrail-fuzz}
tools=$root/fuzz/.tools
corpus=$root/fuzz/corpus/$target
[ -d "$corpus" ] || { echo "run.sh: no seed corpus $corpus" >&2; exit 2; }

if ! command -v afl-fuzz >/dev/null; then
    apt-get update -qq && apt-get install -y -qq afl++
fi
if [ ! -x "$tools/sharpfuzz" ]; then
    dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

# A fresh Release build each time: SharpFuzz rewrites the assemblies in place, and only once.
bin=$out/bin
rm -rf "$bin"
nice -n 19 dotnet publish "$root/fuzz/Calltrail.Recorder.Fuzz" -c Release -o "$bin" -nologo -v q
# The parsers' assemblies: the recorder (SIP, SDP, multipart, metadata, RTP), the JSON readers, and the
# core (the decision engine behind the scenario target).
for assembly in Calltrail.Recorder.dll Calltrail.Scenarios.dll Calltrail.Core.dll; do
    nice -n 19 "$tools/sharpfuzz" "$bin/$assembly"
done

findings=$out/findings-$target
rm -rf "$findings"
dictionary=()
[ -f "$root/fuzz/dict/$target.dict" ] && dictionary=(-x "$root/fuzz/dict/$target.dict")
limit=()
[ -n "${FUZZ_SECONDS:-}" ] && limit=(-V "$FUZZ_SECONDS")

# -t: .NET starts slowly and the first input JIT-compiles the parsers; -m none: the runtime reserves a large
# address space. AFL_NO_AFFINITY leaves the cores to the scheduler; AFL_NO_UI writes a status line to the log.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
command=(afl-fuzz -i "$corpus" -o "$findings" -E "$executions" "${limit[@]}" "${dictionary[@]}" -t 5000 -m none
    -- dotnet "$bin/Calltrail.Recorder.Fuzz.dll" "$target")
echo "run.sh: nice -n 19 ${command[*]}"
started=$(date +%s)
nice -n 19 "${command[@]}" > "$findings.log" 2>&1 || { tail -30 "$findings.log" >&2; exit 1; }

stats=$findings/default/fuzzer_stats
echo "target=$target seconds=$(( $(date +%s) - started ))"
grep -E '^(execs_done|execs_per_sec|corpus_count|corpus_found|saved_crashes|saved_hangs|bitmap_cvg|run_time)\b' "$stats"
echo "crashes: $findings/default/crashes   hangs: $findings/default/hangs"
