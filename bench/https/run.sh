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
need=(); command -v curl >/dev/null || need+=(curl); [ -x /usr/bin/time ] || need+=(time)
command -v git >/dev/null || need+=(git); command -v python3 >/dev/null || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}"; fi

work="$(mktemp -d)"; server_pid=""; out="$work"
cleanup() {
  if [ -n "$server_pid" ]; then exec 3>&-; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"; [ "$out" = "$work" ] || rm -rf "$out"
}
trap cleanup EXIT
if [ -n "${TARGET_DIR:-}" ]; then out="$(mktemp -d -p "$TARGET_DIR")"; fi

cd "$root"
mvn -B -o -q package dependency:build-classpath -DskipTests -pl hub-fetch-https,hub-testkit -am \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
cp="$(cat hub-fetch-https/target/bench-classpath.txt):$root/hub-fetch-https/target/classes:$root/hub-testkit/target/classes"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$cp" bench/https/BenchServer.java bench/https/BenchFetch.java
cp="$cp:$work/classes"

echo "generating a repository with $files files of ~${kib} KiB random data..."
python3 - "$work/repo" "$files" "$kib" <<'PY'
import os, random, sys
root, n, kib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(1)
for i in range(n):
    d = os.path.join(root, "pkg%03d" % (i % 300), "sub%02d" % (i % 7))
    os.makedirs(d, exist_ok=True)
    size = random.randint(kib * 512, kib * 1536)
    with open(os.path.join(d, "file%05d.bin" % i), "wb") as f:
        f.write(os.urandom(size))
PY
git -C "$work/repo" init -q -b main && git -C "$work/repo" add -A
GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b git -C "$work/repo" commit -qm bench
commit="$(git -C "$work/repo" rev-parse HEAD)"
git clone -q --bare "$work/repo" "$work/bench.git"; rm -rf "$work/repo"

exec 3> >(java -cp "$cp" BenchServer "$work" "$work/bench.git" bench/big)
server_pid=$!
for _ in $(seq 300); do [ -s "$work/port" ] && break; sleep 0.1; done
port="$(cat "$work/port")"; host="127.0.0.1:$port"
url="https://$host/bench/big/archive/$commit.tar.gz"
curl -sk -o "$work/warm.tar.gz" "$url"     # the server builds and caches the archive once
size=$(stat -c %s "$work/warm.tar.gz"); count=$(tar tzf "$work/warm.tar.gz" | wc -l)
echo "archive: $((size / 1024 / 1024)) MiB ($size bytes), $count entries"
echo "target: $out ($(stat -f -c %T "$out"), $(df --output=source "$out" | tail -1))"

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
echo "jhub peak heap (sum of heap pools' peaks): $(( $(awk '/^peak-heap/{print $2}' "$work/jhub.txt") / 1024 / 1024 )) MiB"
echo "jhub peak RSS: $(awk -F': ' '/Maximum resident/{print $2}' "$work/time.txt") KiB (heap capped at 64 MiB)"
