#!/usr/bin/env bash
# Where a fresh JVM's warm `jhub load` spends its time: runs ./jhub with -Xlog:class+load:uptime and prints when
# each phase's first class was loaded, plus the wall time of the java command alone (as ./jhub would run it), of
# `./jhub load` and of `./jhub --help`. Medians over N runs.
# Usage: bench/core/startup-profile.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-9}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
export JHUB_HOME="$work/cache"
repo="$root/examples/classifier"
./jhub load "$repo" classify 5.1 3.5 1.4 0.2 >/dev/null 2>&1   # builds, trains the archive, warms the cache
# the exact java command ./jhub runs (class path, trained archive, options)
mapfile -t java_cmd < <(JHUB_PRINT_COMMAND=1 ./jhub load "$repo" classify 5.1 3.5 1.4 0.2)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
first_ms() { awk -v pat="$1" '$2 ~ pat {t=$1; gsub(/[][s]/, "", t); printf "%d\n", t * 1000; exit}' "$2"; }

for i in $(seq "$runs"); do
  JHUB_JAVA_OPTS="-Xlog:class+load:file=$work/cl-$i.txt:uptime" ./jhub load "$repo" classify 5.1 3.5 1.4 0.2 \
    >/dev/null
done
phase() {   # label, class-name pattern
  printf "  %-44s %4s ms\n" "$1" "$(for i in $(seq "$runs"); do first_ms "$2" "$work/cl-$i.txt"; done | median)"
}
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); medians of $runs runs"
echo "first class of each phase, ms after JVM start (warm load of examples/classifier):"
phase "main (io.jhub.cli.Main)" '^io\.jhub\.cli\.Main$'
phase "hub built (io.jhub.core.Hub)" '^io\.jhub\.core\.Hub$'
phase "repo load starts (RepoLayout)" 'RepoLayout$'
phase "compiled cache found (CompiledRepo)" 'CompiledRepo$'
phase "layer defined (LoadedHubModule)" 'LoadedHubModule$'
phase "entry runs (hub.classifier.hubconf)" '^hub\.classifier\.hubconf$'
printf "  %-44s %4s ms\n" "JVM exit (java.lang.Shutdown)" \
  "$(for i in $(seq "$runs"); do first_ms '^java\.lang\.Shutdown$' "$work/cl-$i.txt"; done | median)"
echo "wall time, ms:"
printf "  %-44s %4s\n" "java ... Main load (no launcher script)" \
  "$(for i in $(seq "$runs"); do time_ms "${java_cmd[@]}"; done | median)"
printf "  %-44s %4s\n" "./jhub load (launcher script included)" \
  "$(for i in $(seq "$runs"); do time_ms ./jhub load "$repo" classify 5.1 3.5 1.4 0.2; done | median)"
printf "  %-44s %4s\n" "./jhub --help" "$(for i in $(seq "$runs"); do time_ms ./jhub --help; done | median)"
