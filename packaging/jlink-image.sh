#!/usr/bin/env bash
# Builds the jhub runtime image: a Java runtime holding jhub, both fetchers, pretrained weights, the jhub command,
# the compiler and every standard Java SE module (java.se), so any hub that runs on a JDK runs in it.
#   packaging/jlink-image.sh [--slim] [--add-modules m1,m2] [--no-aot-cache] [output-dir]
#                                                  (default output: target/jhub-image)
#   target/jhub-image/bin/jhub list examples/classifier
# --slim: only the modules jhub itself needs (image-modules.txt and what they require), no java.se.
# --add-modules: further modules (JDK modules such as jdk.httpserver), with or without --slim.
#
# jlink JDK: $JLINK_JDK, default /usr/lib/jvm/temurin-25-jdk-amd64. JDK 17's jlink rejects jsch 2.28.4 and
# later (its module descriptor names packages that exist only for Java 23+); JDK 25's jlink links jsch 2.28.8
# as is, so the image runs on Java 25 (jhub is compiled for Java 17 and runs unchanged on it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --slim | --no-aot-cache) options+=("$1"); shift ;;
    --add-modules)
      if [ $# -lt 2 ]; then echo "$0: --add-modules needs a comma-separated list of module names" >&2; exit 2; fi
      options+=("$1" "$2"); shift 2 ;;
    --add-modules=*) options+=("$1"); shift ;;
    --) shift; break ;;
    -*) echo "$0: unknown option $1 (usage: $0 [--slim] [--add-modules m1,m2] [--no-aot-cache] [output-dir])" >&2
        exit 2 ;;
    *) break ;;
  esac
done
out="${1:-$root/target/jhub-image}"
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl hub-cli -am \
  package dependency:copy-dependencies -DincludeScope=runtime >&2)
cli_jar="$(ls "$root"/hub-cli/target/hub-cli-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n1)"
module_path="$cli_jar"
for jar in "$root"/hub-cli/target/dependency/*.jar; do
  module_path="$module_path:$jar"
done
exec "$root/packaging/link.sh" ${options[@]+"${options[@]}"} "$module_path" "$out"
