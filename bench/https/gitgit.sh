#!/usr/bin/env bash
# Issue 13's archive benchmark: a fresh `./jhub fetch` of git/git's source archive (about 12 MB tar.gz, 4.8k files)
# against `curl -o` + `tar xzf` of the same file, same run, interleaved round after round, into a directory on the
# disk (below the script's temporary directory) and on tmpfs (/dev/shm), where the CPU shows. Goals: jhub <= 0.7x
# curl+tar on disk, <= 2x on tmpfs. Each round removes the previous trees and runs `sync` (untimed) first.
# The archive: `git archive --format=tar.gz` of a repository made from git's release sources, as GitHub serves it
# (a top folder git-<commit>/), put where nginx (bench/lib/nginx.sh, TLS on loopback) serves GitHub's archive URL.
# jhub fetches the pinned commit with --skip-validation (the archive only, no ref lookup), cache on the target.
# Usage: bench/https/gitgit.sh GIT_SOURCES [rounds]   (default 7)
#   GIT_SOURCES: a directory of git's sources, or its release tarball (git-2.39.5.tar.xz, or Debian's
#   git_2.39.5.orig.tar.xz from `apt-get source --download-only git` with a deb-src line for bookworm)
# JHUB_JAVA_OPTS (e.g. -XX:+CITime) is passed on to ./jhub.
# On tmpfs a third command runs in the same rounds: the floor under any fresh JVM's fetch, ./jhub's own java command
# (archive, options, trust store) running bench/warm/TlsFloor.java, which GETs the archive with the JDK's TLS and
# inflates it to nothing (no tar parsing, no files); its ratio to curl+tar is printed beside jhub's.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
src="${1:?usage: $0 GIT_SOURCES [rounds]}"; rounds="${2:-7}"
[ -e "$src" ] || { echo "no git sources at $src" >&2; exit 2; }
need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v curl >/dev/null || need+=(curl)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
work="$(mktemp -d /tmp/jhub-bench-gitgit.XXXXXX)"
shm="$(mktemp -d /dev/shm/jhub-bench-gitgit.XXXXXX)"
NGINX_PID=""
cleanup() {
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  rm -rf "$work" "$shm"
}
trap cleanup EXIT INT TERM
chmod 755 "$work"
mkdir -p "$work/repo"
if [ -d "$src" ]; then cp -r "$src/." "$work/repo"; else tar xf "$src" -C "$work/repo" --strip-components=1; fi
rm -rf "$work/repo/.git"
git -C "$work/repo" init -q -b main && git -C "$work/repo" add -A
GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b \
  git -C "$work/repo" commit -qm bench
commit="$(git -C "$work/repo" rev-parse HEAD)"
mkdir -p "$work/www/bench/git/archive"
git -C "$work/repo" archive --format=tar.gz --prefix="git-$commit/" "$commit" \
  >"$work/www/bench/git/archive/$commit.tar.gz"
chmod -R a+rX "$work/www"
size=$(stat -c %s "$work/www/bench/git/archive/$commit.tar.gz")
entries=$(tar tzf "$work/www/bench/git/archive/$commit.tar.gz" | wc -l)
. "$root/bench/lib/nginx.sh"
bench_cert "$work"
keytool -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE -J-Dkeystore.pkcs12.macAlgorithm=NONE -importcert \
  -noprompt -alias bench -file "$work/cert.pem" -storetype PKCS12 -keystore "$work/trust.p12" -storepass changeit \
  >/dev/null 2>&1
bench_nginx "$work" "$work/www" ""
host="127.0.0.1:$NGINX_PORT"
url="https://$host/bench/git/archive/$commit.tar.gz"
for _ in $(seq 100); do curl -sf --cacert "$work/cert.pem" -r 0-0 -o /dev/null "$url" && break; sleep 0.1; done

cd "$root"
./jhub --help >/dev/null                                   # builds jhub and its CDS archive when needed
export JHUB_GIT_HOST="$host"
opts="-Djavax.net.ssl.trustStore=$work/trust.p12 ${JHUB_JAVA_OPTS:-}"
# one untimed fetch to check the tree against tar's
JHUB_JAVA_OPTS="$opts" ./jhub fetch bench/git --commit "$commit" --skip-validation --quiet \
  --cache-dir "$work/check" >"$work/check.out"
tree="$(tail -1 "$work/check.out")"
mkdir -p "$work/tar"; curl -s --cacert "$work/cert.pem" "$url" | tar xzf - -C "$work/tar" --strip-components=1
diff -r "$work/tar" "$tree" >/dev/null && identical=yes || identical=NO
rm -rf "$work/check" "$work/tar"

# ./jhub's java command with TlsFloor on the end of its class path (an AppCDS archive accepts a longer path)
mkdir -p "$work/classes"
javac -d "$work/classes" "$root/bench/warm/TlsFloor.java"
. "$root/bench/lib/jhub-java.sh"
JHUB_JAVA_OPTS="$opts" jhub_java "$work/classes" TlsFloor fetch
floor=("${JHUB_JAVA[@]}")
floor+=(verified 127.0.0.1 "$NGINX_PORT" "/bench/git/archive/$commit.tar.gz" gunzip)
"${floor[@]}" || { echo "TlsFloor failed" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
echo "archive: $size bytes, $entries entries; trees identical: $identical; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for place in disk tmpfs; do
  if [ "$place" = disk ]; then t="$work/out"; else t="$shm/out"; fi
  cw=(); cc=(); jw=(); jc=(); fw=(); fc=()
  for _ in $(seq "$rounds"); do
    rm -rf "$t"; mkdir -p "$t/curl"; sync
    /usr/bin/time -f "%e %U %S" -o "$work/t" sh -c \
      "curl -s --cacert '$work/cert.pem' -o '$t/c.tar.gz' '$url' && tar xzf '$t/c.tar.gz' -C '$t/curl' --strip-components=1"
    read -r w u s <"$work/t"; cw+=("$w"); cc+=("$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}')")
    sync
    /usr/bin/time -f "%e %U %S" -o "$work/t" env JHUB_JAVA_OPTS="$opts" ./jhub fetch bench/git --commit "$commit" \
      --skip-validation --quiet --cache-dir "$t/jhub" >/dev/null
    read -r w u s <"$work/t"; jw+=("$w"); jc+=("$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}')")
    if [ "$place" = tmpfs ]; then
      /usr/bin/time -f "%e %U %S" -o "$work/t" "${floor[@]}"
      read -r w u s <"$work/t"; fw+=("$w"); fc+=("$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}')")
    fi
  done
  mc=$(median "${cw[@]}"); mj=$(median "${jw[@]}")
  echo "$place: load after its rounds: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$place: curl -o + tar xzf wall (s): ${cw[*]}  median $mc; CPU-s median $(median "${cc[@]}")"
  echo "$place: ./jhub fetch, fresh JVM, wall (s): ${jw[*]}  median $mj; CPU-s median $(median "${jc[@]}")"
  if [ "$place" = tmpfs ]; then
    mf=$(median "${fw[@]}")
    echo "$place: floor (fresh JVM as ./jhub starts, one verified GET, inflated to nothing) wall (s): ${fw[*]}  median $mf; CPU-s median $(median "${fc[@]}")"
    awk -v a="$mf" -v b="$mc" 'BEGIN { printf "tmpfs: floor ratio (medians) %.2fx of curl+tar\n", a / b }'
  fi
  goal=0.7; [ "$place" = tmpfs ] && goal=2
  awk -v a="$mj" -v b="$mc" -v g="$goal" -v p="$place" \
    'BEGIN { printf "%s: ratio jhub/curl+tar (medians) %.2fx (goal <= %sx)\n", p, a / b, g }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
