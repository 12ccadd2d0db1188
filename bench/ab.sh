#!/usr/bin/env bash
# Interleaved A/B timing: runs the given shell commands one after the other, round after round, and prints the
# median wall time of each, so that a machine whose speed drifts over minutes affects all of them alike.
#   bench/ab.sh ROUNDS "command A" "command B" [...]
# BENCHMARKS.md's "interleaved A/B" figures come from it, run on the java command that ./jhub prints with
# JHUB_PRINT_COMMAND=1, with and without the option in question, for example:
#   mapfile -t cmd < <(JHUB_PRINT_COMMAND=1 ./jhub load examples/classifier classify 5.1 3.5 1.4 0.2)
#   bench/ab.sh 41 "${cmd[*]}" "${cmd[0]} -XX:SomeOption ${cmd[*]:1}"
# Output goes to /dev/null; each command's time includes starting it (and, for downloads, the rm -rf of the
# previous cache written into the command itself).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 ROUNDS \"command\"..." >&2; exit 2; }
rounds=$1; shift
declare -a times
for _ in $(seq "$rounds"); do
  i=0
  for c in "$@"; do
    s=$(date +%s%N); eval "$c" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times[$i]="${times[$i]:-} $(( (e - s) / 1000000 ))"; i=$((i + 1))
  done
done
i=0
for c in "$@"; do
  med=$(tr ' ' '\n' <<<"${times[$i]}" | grep . | sort -n | awk '{x[NR]=$1} END {print x[int((NR+1)/2)]}')
  echo "$med ms  (median of $rounds)  $c"
  i=$((i + 1))
done
