#!/usr/bin/env bash
# Links the jhub runtime image from already built modules.
#   packaging/link.sh <module-path> <output-dir>
# <module-path>: the jhub jars and their runtime dependencies (jars or exploded module directories), joined
# with ':'. Uses the jlink of $JLINK_JDK (default: /usr/lib/jvm/temurin-25-jdk-amd64); see jlink-image.sh for why.
# A JDK 17 jlink works too if jsch is 2.28.3 or older (build with -Djsch.version=2.28.3).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -ne 2 ]; then
  echo "usage: $0 <module-path> <output-dir>" >&2
  exit 2
fi
module_path="$1"
out="$2"
jdk="${JLINK_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ ! -x "$jdk/bin/jlink" ]; then
  echo "link.sh: no jlink at $jdk/bin/jlink; set JLINK_JDK to a JDK 24 or later (jsch 2.28.8 does not link with JDK 17's jlink)" >&2
  exit 2
fi
# --compress=zip-N exists since JDK 21; older jlinks take the equivalent level 2
feature="$("$jdk/bin/jlink" --version | cut -d. -f1)"
if [ "$feature" -ge 21 ]; then compress=zip-6; else compress=2; fi
modules="$(grep -v -e '^#' -e '^[[:space:]]*$' "$here/image-modules.txt" | paste -sd, -)"
rm -rf "$out"
# ct.sym (11 MB of jdk.compiler) only serves javac's --release, which jhub never passes
"$jdk/bin/jlink" \
  --module-path "$module_path" \
  --add-modules "$modules" \
  --launcher jhub=io.jhub.cli/io.jhub.cli.Main \
  --strip-debug --no-header-files --no-man-pages --compress="$compress" \
  --exclude-files='**/ct.sym' \
  --output "$out"
# Like ./jhub: resolve every module of the image at start, so a hub repo's "dependencies" on JDK modules
# (which a child layer cannot add) find them in the boot layer.
# Larger HttpClient buffers, as ./jhub sets them (bench/download, "bigbuf").
sed -i 's/^JLINK_VM_OPTIONS=.*$/JLINK_VM_OPTIONS="--add-modules ALL-DEFAULT -Djdk.httpclient.bufsize=65536 -Djdk.httpclient.receiveBufferSize=4194304"/' "$out/bin/jhub"
grep -q 'ALL-DEFAULT' "$out/bin/jhub" || { echo "link.sh: could not set the launcher's options in $out/bin/jhub" >&2; exit 1; }
echo "jhub image: $out ($(du -sh "$out" | cut -f1)), run $out/bin/jhub"
