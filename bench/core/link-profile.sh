#!/usr/bin/env bash
# How much of a fresh JVM's warm `jhub load` (the bundled example, classes cached) goes to linking lambda and
# method-reference call sites, and whose call sites they are: runs the java command ./jhub prints RUNS times
# under async-profiler (CPU samples by itimer; fetched from Maven Central), adds the collapsed stacks up, and
# prints the share of samples inside MethodHandleNatives.linkCallSite, the part linked at jhub's own call sites,
# and the callers that link most. WarmPathTest keeps jhub's own share at zero; the rest is the JDK's (its module
# system defining the layer).
# Usage: bench/core/link-profile.sh [runs]   (default 40)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-40}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
./jhub --help >/dev/null                                  # builds jhub and its AppCDS archive when needed
mkdir -p "$work/ap"
mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.2:jar:linux-x64 -DoutputDirectory="$work/ap" \
  >"$work/ap/mvn.log" 2>&1 || { cat "$work/ap/mvn.log" >&2; exit 1; }
(cd "$work/ap" && jar xf ./*.jar linux-x64/libasyncProfiler.so)
agent="$work/ap/linux-x64/libasyncProfiler.so"
export JHUB_HOME="$work/cache"
repo="$root/examples/classifier"
./jhub load "$repo" classify 5.1 3.5 1.4 0.2 >/dev/null   # compiles once; every profiled run is warm
mapfile -t cmd < <(JHUB_PRINT_COMMAND=1 ./jhub load "$repo" classify 5.1 3.5 1.4 0.2)
for i in $(seq "$runs"); do
  "${cmd[0]}" -agentpath:"$agent"=start,event=itimer,interval=100000,collapsed,file="$work/run-$i.txt" \
    "${cmd[@]:1}" >/dev/null
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); $runs warm loads of examples/classifier; load: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$work"/run-*.txt | python3 -c '
import sys
from collections import Counter
total = link = own = 0
callers = Counter()
for line in sys.stdin:
    stack, _, n = line.rstrip().rpartition(" ")
    n = int(n); total += n
    frames = stack.split(";")
    for i, f in enumerate(frames):
        if "MethodHandleNatives.linkCallSite" in f:
            link += n
            k = i - 1
            while k >= 0 and frames[k].startswith(("java/lang/invoke", "java/lang/Class")):
                k -= 1
            caller = frames[k] if k >= 0 else "?"
            own += n if caller.startswith("io/jhub") else 0
            callers[caller.split("/")[-1]] += n
            break
print(f"CPU samples: {total}; linking call sites: {link} ({100 * link / max(total, 1):.1f}%), at jhub call sites: {own} ({100 * own / max(total, 1):.1f}%)")
for caller, n in callers.most_common(8):
    print(f"  {n:5d}  {caller}")
'
