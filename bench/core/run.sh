#!/usr/bin/env bash
# Warm-cache load benchmarks for the core:
#  1. a fresh JVM running `jhub load` on a warm cache vs a bare `java` hello-world process (ratio);
#  2. in-process warm load with a new Hub instance per round (ms).
# Usage: bench/core/run.sh [rounds]   (from the repository root or anywhere)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
./jhub --help >/dev/null                                  # builds jhub if needed
export JHUB_HOME="$work/cache"
repo="$root/examples/classifier"
./jhub load "$repo" classify 5.1 3.5 1.4 0.2 >/dev/null   # warm the compiled cache
compiled_before="$(find "$work/cache/compiled" -type f -newer "$root/jhub" | wc -l)"

mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

# the java command ./jhub runs (its AppCDS archive, class path and options), timed without the bash launcher
mapfile -t jvm < <(JHUB_PRINT_COMMAND=1 ./jhub load "$repo" classify 5.1 3.5 1.4 0.2)
# rounds interleave the three, so a machine whose speed drifts affects them alike
for _ in $(seq "$rounds"); do
  echo "$(time_ms java -cp "$work/hello" Hello) $(time_ms "${jvm[@]}") \
$(time_ms ./jhub load "$repo" classify 5.1 3.5 1.4 0.2)"
done > "$work/times"
stamp="$work/stamp"; touch "$stamp"
./jhub load "$repo" classify 5.1 3.5 1.4 0.2 >/dev/null
# the entry's last-use stamp (<key>.used, touched by every load for the bounded cache's LRU order) is no compile output
recompiled="$(find "$work/cache/compiled" -newer "$stamp" -type f ! -name '*.used' | wc -l)"

bare="$(cut -d' ' -f1 "$work/times" | median)"
jhub="$(cut -d' ' -f2 "$work/times" | median)"
script="$(cut -d' ' -f3 "$work/times" | median)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bare JVM hello world (median of $rounds): ${bare} ms"
echo "jhub load, fresh JVM, warm cache (the java command ./jhub runs; median of $rounds): ${jhub} ms"
awk -v a="$jhub" -v b="$bare" 'BEGIN { printf "ratio jhub/bare: %.2fx (goal <= 2x)\n", a / b }'
echo "./jhub load, launcher script included (median of $rounds): ${script} ms"
awk -v a="$script" -v b="$bare" 'BEGIN { printf "ratio ./jhub/bare: %.2fx\n", a / b }'
echo "files written to the compiled cache by a warm load: $recompiled (goal 0)"

mp="$root/hub-cli/target/lib"
java --module-path "$mp" --add-modules io.jhub.core "$root/bench/core/WarmLoad.java" "$work/cache" "$repo" 50
