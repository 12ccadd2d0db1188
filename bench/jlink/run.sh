#!/usr/bin/env bash
# Builds the jhub jlink image with the documented command and prints its size, what makes it up, and how
# long its bin/jhub takes for a warm load of examples/classifier.
#   bench/jlink/run.sh
# Needs: Maven, git, a JDK 24+ for jlink ($JLINK_JDK, default /usr/lib/jvm/temurin-25-jdk-amd64). Starts no
# server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jdk="${JLINK_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v git >/dev/null || { apt-get update -qq && apt-get install -y -qq git >/dev/null; }

image="$work/jhub-image"
"$root/packaging/jlink-image.sh" "$image" >/dev/null 2>"$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
echo "image: $(du -sb "$image" | cut -f1) bytes ($(du -sh "$image" | cut -f1)), lib/modules $(du -sh "$image/lib/modules" | cut -f1)"
echo "jlink JDK: $("$jdk/bin/java" -version 2>&1 | head -n1)"
echo "modules: $("$image/bin/java" --list-modules | cut -d@ -f1 | paste -sd' ' -)"

# what java.desktop costs: the same image without the HTTPS fetcher (commons-compress requires java.desktop)
mp="$(ls "$root"/hub-cli/target/hub-cli-*.jar | grep -v -e -sources -e -javadoc | head -n1)"
for jar in "$root"/hub-cli/target/dependency/*.jar; do mp="$mp:$jar"; done
"$jdk/bin/jlink" --module-path "$mp" --add-modules io.jhub.cli,io.jhub.pretrained,io.jhub.fetch.ssh,jdk.compiler,jdk.crypto.ec \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output "$work/no-https" >/dev/null
echo "same image without hub-fetch-https (so without commons-compress and java.desktop): $(du -sh "$work/no-https" | cut -f1)"

export JHUB_HOME="$work/cache"
cp -r "$root/examples/classifier" "$work/classifier"
"$image/bin/jhub" load "$work/classifier" classify 5.1 3.5 1.4 0.2 >/dev/null   # compiles once, cache warm after
for run in 1 2 3 4 5; do
  start=$(date +%s%N)
  out="$("$image/bin/jhub" load "$work/classifier" classify 5.1 3.5 1.4 0.2)"
  end=$(date +%s%N)
  echo "warm load in the image, run $run: $(( (end - start) / 1000000 )) ms -> $out"
done
# the same warm load through ./jhub (the JDK on PATH, module path from hub-cli/target/lib), for comparison
"$root/jhub" load "$work/classifier" classify 5.1 3.5 1.4 0.2 >/dev/null 2>&1
for run in 1 2 3; do
  start=$(date +%s%N)
  out="$("$root/jhub" load "$work/classifier" classify 5.1 3.5 1.4 0.2 2>/dev/null)"
  end=$(date +%s%N)
  echo "warm load with ./jhub ($(java -version 2>&1 | head -n1)), run $run: $(( (end - start) / 1000000 )) ms -> $out"
done
