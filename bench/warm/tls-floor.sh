#!/usr/bin/env bash
# The floor under issue 13's HTTPS goal (a fresh warm branch load at most 1.5x the pinned load): what one GET of
# info/refs on a new TLS connection costs a fresh JVM started exactly as ./jhub starts (its java, AppCDS archive,
# JIT options and a JKS trust store holding the test certificate), with the JDK's certificate checks and with none
# at all (TlsFloor.java; jhub never does the latter), against ./jhub's branch and pinned loads, interleaved
# (bench/ab.sh), medians. Prints the lowest ratio any JSSE-based lookup could reach:
#   (pinned + unverified GET - bare JVM) / pinned.
# The server is bench/warm/server.sh's (nginx with TLS 1.2 and 1.3, git http-backend) on loopback.
# Usage: bench/warm/tls-floor.sh [rounds]   (default 21)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-21}"
ROOT="$root"
. "$root/bench/warm/server.sh"   # WORK HOST COMMIT CERT
cd "$root"
./jhub --help >/dev/null                                   # builds jhub and its CDS archive when needed
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" bench/warm/TlsFloor.java
keytool -importcert -noprompt -alias bench -file "$CERT" -storetype JKS -keystore "$WORK/test.jks" \
  -storepass changeit >/dev/null 2>&1
export JHUB_HOME="$WORK/cache" JHUB_GIT_HOST="$HOST"
export JHUB_JAVA_OPTS="-Djavax.net.ssl.trustStore=$WORK/test.jks -Djavax.net.ssl.trustStoreType=JKS -Djavax.net.ssl.trustStorePassword=changeit"
load="./jhub load bench/classifier classify 5.1 3.5 1.4 0.2 --quiet"
$load --trust >/dev/null                                    # tree + classes
[ "$($load --commit "$COMMIT")" = setosa ] || { echo "the pinned load failed" >&2; exit 1; }
[ "$($load 2>&1)" = setosa ] || { echo "the branch load failed or warned" >&2; exit 1; }

# ./jhub's own java command for a load, with TlsFloor on the end of its class path
. "$root/bench/lib/jhub-java.sh"
jhub_java "$WORK/classes" TlsFloor load
probe=("${JHUB_JAVA[@]}")
get="$HOST /bench/classifier.git/info/refs?service=git-upload-pack"
get="${get/:/ }"
for mode in verified unverified; do
  "${probe[@]}" "$mode" $get || { echo "TlsFloor $mode failed" >&2; exit 1; }
done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
echo "server: nginx + git http-backend on https://$HOST; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
result="$("$root/bench/ab.sh" "$rounds" "$load" "$load --commit $COMMIT" "${probe[*]} none" \
  "${probe[*]} verified $get" "${probe[*]} unverified $get")"
sed -E "s|  [^ ]*java .*TlsFloor ([a-z]+).*|  java TlsFloor \\1 (./jhub's JVM, archive and options)|" <<<"$result"
mapfile -t med < <(awk '{print $1}' <<<"$result")
awk -v b="${med[0]}" -v p="${med[1]}" -v n="${med[2]}" -v v="${med[3]}" -v u="${med[4]}" 'BEGIN {
  printf "branch/pinned %.2fx (goal <= 1.50x); one verified GET in a fresh JVM %d ms over the bare JVM, unverified %d ms\n", b / p, v - n, u - n
  printf "floor with the JDK checks: (pinned + verified GET) / pinned = %.2fx; with no certificate checks at all: %.2fx\n", (p + v - n) / p, (p + u - n) / p
}'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
