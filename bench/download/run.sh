#!/usr/bin/env bash
# Benchmark: jhub's download of a 1 GiB file from a loopback HTTPS nginx against curl -o and aria2c -x4.
# Usage: [MODES="..."] [SIZE_MIB=N] [RATE=100m] bench/download/run.sh [rounds]   (run from anywhere; builds hub-core
# with Maven first if needed; SIZE_MIB and RATE are described in server.sh)
# Installs what it needs from Debian when missing (server.sh). Everything lives under one /tmp directory that
# is removed at the end, and the nginx it starts is stopped on every exit path.
set -euo pipefail
ROUNDS="${1:-3}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
# jhub variants to run: default = jhub's defaults (one connection per core, 2 to 4, over its own direct
# connections), x4/x2/x1 = that many parallel connections, -sha256 = with a full hash check (-httpclient and -bigbuf,
# the JDK HttpClient path, are gone with the download.directConnections switch: see BENCHMARKS.md); cli = the `./jhub download` command (its AppCDS archive holds the
# TLS classes), cli-xN the same with --connections N; warm = a second download in the same JVM, timed alone (the
# JVM had downloaded the file once); after32 = the same after a 32 MiB download instead, like an application that
# fetched something small over HTTPS before (its JIT has compiled TLS, but not seen a long transfer)
MODES="${MODES:-default cli after32 warm default-sha256 x1 x4}"

# nginx serving big.bin (SIZE_MIB) and small.bin (32 MiB) over loopback HTTPS: WORK, URL, URL_SMALL, SHA, trust.p12
. "$ROOT/bench/download/server.sh"
echo "== building jhub (hub-api, hub-http, hub-core, hub-pretrained) and the driver"
if [ ! -d "$ROOT/hub-pretrained/target/classes/io/jhub/pretrained" ]; then
  (cd "$ROOT" && mvn -B -o -q compile -pl hub-pretrained -am)
fi
CP="$ROOT/hub-api/target/classes:$ROOT/hub-http/target/classes:$ROOT/hub-core/target/classes"
CP="$CP:$ROOT/hub-pretrained/target/classes"
mkdir -p "$WORK/driver"
javac -d "$WORK/driver" -cp "$CP" "$ROOT/bench/download/BenchDownload.java"
"$ROOT/jhub" --help >/dev/null   # builds the command and trains its AppCDS archive before the first round
JAVA_OPTS=(-Xmx64m "-Djavax.net.ssl.trustStore=$WORK/trust.p12" -Djavax.net.ssl.trustStoreType=PKCS12)
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
declare -A T
record() { T["$1"]+="$2 "; }
# cpu NAME TIME_FILE: records user and system CPU seconds of one run
cpu() {
  T["user-$1"]+="$(awk -F': ' '/User time/ {print $2}' "$2") "
  T["sys-$1"]+="$(awk -F': ' '/System time/ {print $2}' "$2") "
}

run_curl() {
  rm -f "$WORK/curl.bin"; t0=$(now)
  /usr/bin/time -v -o "$WORK/time-curl.txt" curl -sf --cacert "$WORK/cert.pem" -o "$WORK/curl.bin" "$URL"; t1=$(now)
  [ "$(stat -c %s "$WORK/curl.bin")" -eq "$((SIZE_MIB * 1024 * 1024))" ] || { echo "curl got a short file"; exit 1; }
  record curl "$(elapsed "$t0" "$t1")"; cpu curl "$WORK/time-curl.txt"
  rm -f "$WORK/curl.bin"
}

run_aria() {
  rm -rf "$WORK/aria"; t0=$(now)
  /usr/bin/time -v -o "$WORK/time-aria.txt" aria2c -q -x4 -s4 --ca-certificate="$WORK/cert.pem" -d "$WORK/aria" \
    -o big.bin "$URL"; t1=$(now)
  record aria2c-x4 "$(elapsed "$t0" "$t1")"; cpu aria2c-x4 "$WORK/time-aria.txt"
  rm -rf "$WORK/aria"
}

run_jhub() {
  local mode=$1
  rm -rf "$WORK/cache"
  conns=default
  [[ "$mode" == x* ]] && { conns="${mode#x}"; conns="${conns%%-*}"; }
  args=("$WORK/cache" "$URL" "$conns")
  [[ "$mode" == *-sha256* ]] && args+=("$SHA")
  extra=()
  [[ "$mode" == *-httpclient* || "$mode" == *-bigbuf* ]] && { echo "mode $mode is gone: jhub has one transport" >&2; exit 2; }
  warmup=0; warmup_url="$URL"
  [ "$mode" = warm ] && warmup=1
  [ "$mode" = after32 ] && { warmup=1; warmup_url="$URL_SMALL"; }
  t0=$(now)
  if [[ "$mode" == cli || "$mode" == cli-x* ]]; then
    cli_extra=()
    [[ "$mode" == cli-x* ]] && cli_extra=(--connections "${mode#cli-x}")
    JHUB_HOME="$WORK/cache" JHUB_JAVA_OPTS="${JAVA_OPTS[*]}" /usr/bin/time -v -o "$WORK/time-$mode.txt" \
      "$ROOT/jhub" download "$URL" "${cli_extra[@]}" > "$WORK/out-$mode.txt" 2>/dev/null
  else
    BENCH_WARMUP=$warmup BENCH_WARMUP_URL="$warmup_url" /usr/bin/time -v -o "$WORK/time-$mode.txt" \
      java "${JAVA_OPTS[@]}" "${extra[@]}" -cp "$CP:$WORK/driver" BenchDownload "${args[@]}" > "$WORK/out-$mode.txt"
  fi
  t1=$(now)
  if [ "$warmup" = 1 ]; then
    record "jhub-$mode" "$(awk '/jhub-inside-jvm-ms/ {printf "%.2f", $2 / 1000}' "$WORK/out-$mode.txt")"
    rm -rf "$WORK/cache-warmup"
  else
    record "jhub-$mode" "$(elapsed "$t0" "$t1")"
  fi
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time-$mode.txt")
  T["rss-jhub-$mode"]+="$rss "
  cpu "jhub-$mode" "$WORK/time-$mode.txt"
  T["jvm-jhub-$mode"]+="$(awk '/jhub-inside-jvm-ms/ {printf "%.2f", $2 / 1000}' "$WORK/out-$mode.txt") "
  got=$(sha256sum "$WORK"/cache/weights/*_big.bin | cut -d' ' -f1)
  [ "$got" = "$SHA" ] || { echo "jhub-$mode produced a wrong file"; exit 1; }
  rm -rf "$WORK/cache"
}

# nginx_cpu: user + system clock ticks of nginx's worker processes so far
nginx_cpu() {
  local t=0 p
  for p in $(pgrep -P "$NGINX_PID"); do
    t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$t"
}

# every round runs each tool once; the order rotates by one each round, so that no tool always follows the same
# one (on this VM, the cost of writing into the page cache depends on what the previous run freed: see
# BENCHMARKS.md)
TOOLS=(curl aria2c-x4 $(printf 'jhub-%s ' $MODES))
for r in $(seq "$ROUNDS"); do
  order=("${TOOLS[@]:$(( (r - 1) % ${#TOOLS[@]} ))}" "${TOOLS[@]:0:$(( (r - 1) % ${#TOOLS[@]} ))}")
  echo "== round $r: ${order[*]}"
  for tool in "${order[@]}"; do
    before=$(nginx_cpu)
    case "$tool" in
      curl) run_curl ;;
      aria2c-x4) run_aria ;;
      jhub-*) run_jhub "${tool#jhub-}" ;;
    esac
    T["nginx-$tool"]+="$(python3 -c "print(f'{($(nginx_cpu) - $before) / $(getconf CLK_TCK):.2f}')") "
  done
done

echo
echo "== machine: $(nproc) cores, load average $LOAD_START at start, $(cut -d' ' -f1-3 /proc/loadavg) at end,"\
  "$(java -version 2>&1 | head -1)"
echo "== results: ${SIZE_MIB} MiB over loopback HTTPS (nginx${RATE:+, each connection capped at $RATE bytes/s}),"\
  "$ROUNDS rounds, wall-clock seconds incl. process start"
echo "   (jhub-warm and jhub-after32: the 1 GiB download in a JVM that downloaded before, timed inside it; their"
echo "   CPU and RSS cover both downloads)"
median() {
  tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}
CURL_MED=$(echo "${T[curl]}" | median)
ARIA_MED=$(echo "${T[aria2c-x4]}" | median)
printf "%-16s %-28s %8s %10s %12s\n" tool "rounds (s)" median "vs curl" "vs aria2c"
for k in curl aria2c-x4 $(printf 'jhub-%s ' $MODES); do
  med=$(echo "${T[$k]}" | median)
  printf "%-16s %-28s %8s %10s %12s\n" "$k" "${T[$k]}" "$med" \
    "$(python3 -c "print(f'{$med/$CURL_MED:.2f}x')")" "$(python3 -c "print(f'{$med/$ARIA_MED:.2f}x')")"
done
echo
echo "jhub's own time inside the JVM (download call only, no JVM start), seconds:"
for k in $(printf 'jhub-%s ' $MODES); do
  printf "  %-16s %-28s median %s\n" "$k" "${T[jvm-$k]}" "$(echo "${T[jvm-$k]}" | median)"
done
echo
echo "CPU seconds per run, user / system (medians last):"
for k in curl aria2c-x4 $(printf 'jhub-%s ' $MODES); do
  printf "  %-16s user %-28s sys %-28s median %s / %s\n" "$k" "${T[user-$k]}" "${T[sys-$k]}" \
    "$(echo "${T[user-$k]}" | median)" "$(echo "${T[sys-$k]}" | median)"
done
echo
echo "nginx's CPU seconds (its workers' user + system) while each tool ran (medians last):"
for k in curl aria2c-x4 $(printf 'jhub-%s ' $MODES); do
  printf "  %-16s %-28s median %s\n" "$k" "${T[nginx-$k]}" "$(echo "${T[nginx-$k]}" | median)"
done
echo
for k in $(printf 'jhub-%s ' $MODES); do
  echo "peak RSS of jhub ($k, -Xmx64m), KiB: ${T[rss-$k]}"
done
