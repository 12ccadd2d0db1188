#!/usr/bin/env bash
# HTTPS fetch benchmark: jhub's HttpsFetcher (download + streaming extraction) against `curl -o` followed by
# `tar xzf` of the same tar.gz, from the same loopback HTTPS server (io.jhub.testkit.GitHttpsServer serving a
# cached `git archive`), same run, alternating rounds. jhub runs with -Xmx64m under /usr/bin/time -v.
# Usage: bench/https/run.sh [rounds] [files] [kib-per-file]   (defaults 5 12000 5)
# TARGET_DIR=/dev/shm bench/https/run.sh ...: both tools download/extract below TARGET_DIR (e.g. a tmpfs, to see
# the CPU side apart from the disk); default: the script's temporary directory (on the disk holding $TMPDIR).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-5}"; files="${2:-12000}"; kib="${3:-5}"
source "$root/bench/https/setup.sh"   # builds, generates the repository, starts the server: $cp $url $host $commit $work $out

ms() { echo $(( ($2 - $1) / 1000000 )); }
curl_times=(); dl_times=(); tar_times=(); cold_times=()
for i in $(seq "$rounds"); do
  rm -rf "$out/curl" "$out/c.tar.gz" "$out/cold"; mkdir -p "$out/curl" "$out/cold"; sync
  s=$(date +%s%N); curl -sk -o "$out/c.tar.gz" "$url"; m=$(date +%s%N)
  tar xzf "$out/c.tar.gz" -C "$out/curl" --strip-components=1; e=$(date +%s%N)
  curl_times+=("$(ms "$s" "$e")"); dl_times+=("$(ms "$s" "$m")"); tar_times+=("$(ms "$m" "$e")")
  sync
  # the same round with jhub in a fresh JVM (start-up included), interleaved so both see the same machine state
  s=$(date +%s%N)
  java -Xmx64m -cp "$cp" BenchFetch "$host" bench/big "$commit" "$work/certs/trust.p12" "$out/cold" 1 >/dev/null
  e=$(date +%s%N); cold_times+=("$(ms "$s" "$e")")
done
rm -rf "$out/cold"; mkdir -p "$out/out"; sync
s=$(date +%s%N)
/usr/bin/time -v -o "$work/time.txt" java -Xmx64m -cp "$cp" BenchFetch "$host" bench/big "$commit" \
  "$work/certs/trust.p12" "$out/out" "$rounds" > "$work/jhub.txt"
e=$(date +%s%N)
diff -r "$out/curl" "$out/out/jhub-$rounds" >/dev/null && echo "trees identical: yes" || echo "trees identical: NO"
jhub_times=($(awk '/^round/{print $3}' "$work/jhub.txt"))
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cm=$(median "${curl_times[@]}"); jm=$(median "${jhub_times[@]}"); km=$(median "${cold_times[@]}")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
echo "curl -o + tar xzf (ms per round): ${curl_times[*]}  median $cm"
echo "  of which curl -o: ${dl_times[*]}; tar xzf: ${tar_times[*]}"
echo "jhub fetch+extract, fresh JVM per round incl. start-up, -Xmx64m (ms): ${cold_times[*]}  median $km"
echo "jhub fetch+extract, one JVM, -Xmx64m (ms per round): ${jhub_times[*]}  median $jm"
echo "jhub JVM total incl. start-up and $rounds rounds: $(ms "$s" "$e") ms"
awk -v a="$km" -v b="$cm" 'BEGIN { printf "ratio jhub (fresh JVM)/curl+tar (medians): %.2fx (goal <= 0.8x)\n", a / b }'
awk -v a="$jm" -v b="$cm" 'BEGIN { printf "ratio jhub (warm JVM)/curl+tar (medians): %.2fx\n", a / b }'
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jhub peak heap (sum of heap pools' peaks): $(( $(awk '/^peak-heap /{print $2}' "$work/jhub.txt") / 1024 / 1024 )) MiB ($(sed -n 's/^peak-heap-pools //p' "$work/jhub.txt"))"
echo "jhub peak RSS: $(awk -F': ' '/Maximum resident/{print $2}' "$work/time.txt") KiB (heap capped at 64 MiB)"
