#!/usr/bin/env bash
# Where jhub's HTTPS fetch+extract spends its time: each phase in a fresh JVM (-Xmx64m, bench/https/PhaseProfile),
# with the tree written to the disk (the script's temporary directory) and to tmpfs (/dev/shm), beside `tar xzf` of
# the same archive. Before every timed step that writes a tree the previous tree is deleted and `sync` run, as in
# run.sh. Prints medians (wall ms incl. JVM start, ms inside the JVM, CPU user+sys s), then the CPU per thread
# of the last fetch on each target.
# Usage: bench/https/profile.sh [runs] [files] [kib-per-file]   (defaults 3 12000 5)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-3}"; files="${2:-12000}"; kib="${3:-5}"
source "$root/bench/https/setup.sh"
shm="$(mktemp -d -p /dev/shm)"; trap 'cleanup; rm -rf "$shm"' EXIT
trust="$work/certs/trust.p12"; archive="$work/warm.tar.gz"

declare -A rows
step() {   # label, command...: appends "wall inside cpu" to rows[label]
  local label="$1"; shift
  local s e; s=$(date +%s%N)
  /usr/bin/time -f "%U %S" -o "$work/cpu.txt" "$@" > "$work/step.txt"
  e=$(date +%s%N)
  local inside; inside=$(awk 'NR==1 && NF==2 {print $2}' "$work/step.txt")
  rows[$label]+="$(( (e - s) / 1000000 )) ${inside:--} $(awk '{print $1 + $2}' "$work/cpu.txt");"
}
fresh() { rm -rf "$1/t"; mkdir -p "$1/t"; sync; }
jvm=(java -Xmx64m -cp "$cp")
for i in $(seq "$runs"); do
  step "tls download only" "${jvm[@]}" PhaseProfile tls "$url" "$trust"
  step "gunzip (local file)" "${jvm[@]}" PhaseProfile gunzip "$archive"
  step "gunzip + tar parsing" "${jvm[@]}" PhaseProfile untar "$archive"
  for where in disk tmpfs; do
    dir="$out"; [ "$where" = tmpfs ] && dir="$shm"
    fresh "$dir"; step "$where: tar xzf" tar xzf "$archive" -C "$dir/t" --strip-components=1
    fresh "$dir"; step "$where: extract (local file)" "${jvm[@]}" PhaseProfile extract "$archive" "$dir/t"
    fresh "$dir"; step "$where: fetch+extract" "${jvm[@]}" -Dthreads=true PhaseProfile fetch "$host" bench/big \
      "$commit" "$trust" "$dir/t"
    tail -n +2 "$work/step.txt" > "$work/threads-$where.txt"
  done
done
rm -rf "$out/t" "$shm/t"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { tr ';' '\n' | awk -v c="$1" 'NF {print $c}' | median; }
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians of $runs runs; disk = $(df --output=fstype,source "$out" | tail -1 | tr -s " "), tmpfs = /dev/shm"
printf "  %-30s %8s %10s %8s\n" step "wall ms" "in-JVM ms" "CPU s"
for label in "tls download only" "gunzip (local file)" "gunzip + tar parsing" \
             "tmpfs: tar xzf" "tmpfs: extract (local file)" "tmpfs: fetch+extract" \
             "disk: tar xzf" "disk: extract (local file)" "disk: fetch+extract"; do
  printf "  %-30s %8s %10s %8s\n" "$label" "$(col 1 <<< "${rows[$label]}")" "$(col 2 <<< "${rows[$label]}")" \
    "$(col 3 <<< "${rows[$label]}")"
done
for where in tmpfs disk; do
  echo "CPU per thread, last fetch+extract to $where (writer threads have ended: counted in the process line):"
  cat "$work/threads-$where.txt"
done
