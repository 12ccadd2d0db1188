#!/usr/bin/env bash
# Warm remote load benchmark (issue 13): a fresh `./jhub load owner/repo entry` whose tree and compiled classes are
# cached, following the branch (one ref lookup: the ls-refs POST alone, as the repository's v2 capabilities are
# remembered in the cache from an earlier lookup) vs pinned to the commit (no network) vs `git ls-remote` of the same
# repository vs the branch load with those capabilities removed first (info/refs + ls-refs, as a repository's first
# lookup), interleaved round after round (bench/ab.sh), medians; then the same
# branch and pinned loads repeated in one JVM (RepeatedLoad.java). The server (server.sh) is nginx with TLS on
# loopback running the real `git http-backend` through fcgiwrap, serving examples/classifier as bench/classifier.
# Two trust stores: a JKS holding only the test certificate, and a copy of the JDK's cacerts (about 140 public
# roots) with the test certificate added, which costs what the default cacerts path costs a public host.
# Each command is first run once and must print the entry's answer and nothing on standard error (a lookup that
# fails falls back to the cached commit with a warning, quickly). Prints the ratios and the machine's load.
# BENCH_TLS_PROTOCOLS (bench/lib/nginx.sh) picks the server's TLS versions: "TLSv1.2" gives earlier sessions' set-up.
# Usage: bench/warm/run.sh [rounds] [in-process rounds]   (defaults 15 and 200)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-15}"; inproc="${2:-200}"
ROOT="$root"
. "$root/bench/warm/server.sh"   # WORK HOST COMMIT CERT
work="$WORK"; host="$HOST"; commit="$COMMIT"
cd "$root"
./jhub --help >/dev/null                                   # builds jhub and its CDS archive when needed
mvn -B -q package dependency:build-classpath -DskipTests -pl hub-fetch-https -am \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
cp="$(cat hub-fetch-https/target/bench-classpath.txt):$root/hub-fetch-https/target/classes"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$cp" bench/warm/RepeatedLoad.java
cp="$cp:$work/classes"

# trust stores: the test certificate alone (JKS), and the JDK's cacerts plus the test certificate
keytool -importcert -noprompt -alias bench -file "$work/cert.pem" -storetype JKS -keystore "$work/test.jks" \
  -storepass changeit >/dev/null 2>&1
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
cp "$java_home/lib/security/cacerts" "$work/cacerts"
keytool -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE -J-Dkeystore.pkcs12.macAlgorithm=NONE -importcert \
  -noprompt -alias bench -file "$work/cert.pem" -keystore "$work/cacerts" -storepass changeit >/dev/null 2>&1
roots=$(keytool -list -keystore "$work/cacerts" -storepass changeit 2>/dev/null | grep -c trustedCertEntry)

export JHUB_HOME="$work/cache" JHUB_GIT_HOST="$host"
jks="-Djavax.net.ssl.trustStore=$work/test.jks -Djavax.net.ssl.trustStoreType=JKS -Djavax.net.ssl.trustStorePassword=changeit"
cac="-Djavax.net.ssl.trustStore=$work/cacerts"
JHUB_JAVA_OPTS="$jks" ./jhub load bench/classifier classify 5.1 3.5 1.4 0.2 --trust --quiet >/dev/null   # tree + classes
JHUB_JAVA_OPTS="$jks" ./jhub load "bench/classifier" classify 5.1 3.5 1.4 0.2 --commit "$commit" --quiet >/dev/null

load="./jhub load bench/classifier classify 5.1 3.5 1.4 0.2 --quiet"
# bench/ab.sh ignores failures, and a branch load whose lookup fails falls back to the cached commit with a
# warning (quickly): every command must work, silently, before it is timed
for opts in "$jks" "$cac"; do
  for extra in "" "--commit $commit"; do
    out="$(JHUB_JAVA_OPTS="$opts" $load $extra 2>"$work/err.txt")"
    if [ "$out" != setosa ] || [ -s "$work/err.txt" ]; then
      echo "the load ($opts $extra) printed '$out' and: $(cat "$work/err.txt")" >&2; exit 1
    fi
  done
done
git -c http.sslCAInfo="$work/cert.pem" ls-remote "https://$host/bench/classifier.git" | grep -q "$commit" \
  || { echo "git ls-remote failed" >&2; exit 1; }
tls="$(openssl s_client -connect "$host" -CAfile "$work/cert.pem" </dev/null 2>/dev/null | awk '/Protocol *:/{print $3; exit}')"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
echo "server: nginx $(/usr/sbin/nginx -v 2>&1 | sed "s/.*\///") + fcgiwrap + git http-backend ($(git --version)) on https://$host ($tls); cacerts copy: $roots certificates"
echo "load before: $(uptime | sed 's/.*load/load/')"
result="$("$root/bench/ab.sh" "$rounds" \
  "JHUB_JAVA_OPTS='$jks' $load" \
  "JHUB_JAVA_OPTS='$jks' $load --commit $commit" \
  "JHUB_JAVA_OPTS='$cac' $load" \
  "JHUB_JAVA_OPTS='$cac' $load --commit $commit" \
  "git -c http.sslCAInfo=$work/cert.pem ls-remote https://$host/bench/classifier.git" \
  "rm -rf $work/cache/state; JHUB_JAVA_OPTS='$jks' $load")"
echo "$result"
mapfile -t med < <(awk '{print $1}' <<<"$result")
awk -v b="${med[0]}" -v p="${med[1]}" -v cb="${med[2]}" -v cp="${med[3]}" -v l="${med[4]}" -v f="${med[5]}" 'BEGIN {
  printf "JKS: branch/pinned %.2fx (goal <= 1.50x), branch - pinned %d ms, git ls-remote %d ms\n", b/p, b-p, l
  printf "cacerts: branch/pinned %.2fx (goal <= 1.50x), branch - pinned %d ms\n", cb/cp, cb-cp
  printf "JKS, without the remembered v2 capabilities (info/refs + ls-refs, as a first lookup): %d ms, %.2fx pinned\n", f, f/p }'
echo "load after: $(uptime | sed 's/.*load/load/')"
java $jks -cp "$cp" RepeatedLoad "$work/cache" "$host" bench/classifier "$commit" "$inproc"
