#!/usr/bin/env bash
# Locked load benchmark (issue 15): a fresh `./jhub load --locked` whose tree and compiled classes are cached
# (reads jhub.lock, no ref lookup, checks the tree's verified stamp: one stat per file) against the same load
# pinned with --commit (no lookup, no check), interleaved round after round (bench/ab.sh), medians. Goal: locked
# within 10% of pinned. The repository is examples/classifier served by bench/warm/server.sh (nginx + git
# http-backend on loopback); it is only used to fetch and lock once, the timed loads make no request.
# Usage: bench/locked/run.sh [rounds]   (default 21)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-21}"
ROOT="$root"
. "$root/bench/warm/server.sh"   # WORK HOST COMMIT CERT
work="$WORK"; host="$HOST"; commit="$COMMIT"
cd "$root"
./jhub --help >/dev/null                                   # builds jhub and its CDS archive when needed
keytool -importcert -noprompt -alias bench -file "$work/cert.pem" -storetype JKS -keystore "$work/test.jks" \
  -storepass changeit >/dev/null 2>&1
export JHUB_HOME="$work/cache" JHUB_GIT_HOST="$host"
export JHUB_JAVA_OPTS="-Djavax.net.ssl.trustStore=$work/test.jks -Djavax.net.ssl.trustStoreType=JKS -Djavax.net.ssl.trustStorePassword=changeit"
lock="$work/jhub.lock"
./jhub lock bench/classifier --lockfile "$lock" --quiet
cat "$lock"
load="./jhub load bench/classifier classify 5.1 3.5 1.4 0.2 --quiet"
$load --commit "$commit" --trust >/dev/null                       # compiled classes
[ "$($load --locked --lockfile "$lock")" = "$($load --commit "$commit")" ] || { echo "locked != pinned" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "files in the tree: $(find "$work/cache/repos" -path "*$commit/*" -type f | wc -l)"
out="$("$root/bench/ab.sh" "$rounds" \
  "$load --commit $commit" \
  "$load --locked --lockfile $lock" \
  "$load --locked --lockfile $lock --offline")"
echo "$out"
pinned="$(sed -n 1p <<<"$out" | cut -d' ' -f1)"; locked="$(sed -n 2p <<<"$out" | cut -d' ' -f1)"
awk -v a="$locked" -v b="$pinned" 'BEGIN { printf "ratio locked/pinned: %.3f (goal <= 1.10)\n", a / b }'
