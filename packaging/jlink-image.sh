#!/usr/bin/env bash
# Builds the jhub runtime image: a trimmed Java runtime holding jhub, both fetchers, pretrained weights, the
# jhub command and the compiler.
#   packaging/jlink-image.sh [output-dir]          (default: target/jhub-image)
#   target/jhub-image/bin/jhub list examples/classifier
#
# jlink JDK: $JLINK_JDK, default /usr/lib/jvm/temurin-25-jdk-amd64. JDK 17's jlink rejects jsch 2.28.4 and
# later (its module descriptor names packages that exist only for Java 23+); JDK 25's jlink links jsch 2.28.8
# as is, so the image runs on Java 25 (jhub is compiled for Java 17 and runs unchanged on it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/target/jhub-image}"
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl hub-cli -am \
  package dependency:copy-dependencies -DincludeScope=runtime >&2)
cli_jar="$(ls "$root"/hub-cli/target/hub-cli-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n1)"
module_path="$cli_jar"
for jar in "$root"/hub-cli/target/dependency/*.jar; do
  module_path="$module_path:$jar"
done
exec "$root/packaging/link.sh" "$module_path" "$out"
