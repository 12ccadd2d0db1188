#!/usr/bin/env bash
# Reproducible builds: builds the published jars (main, -sources, -javadoc) twice, in two copies of the working
# tree at different paths, one after the other, and compares them byte for byte.
#   bench/reproducible.sh            exit 0 when every jar is identical, 1 otherwise (lists the differing ones)
#   bench/reproducible.sh --against-worktree
#                                    builds once, in a copy, and compares with the jars an earlier build (such as
#                                    `mvn -B verify`) left in this working tree's target/ directories
# Jar entry times come from project.build.outputTimestamp (pom.xml); javadoc is written with notimestamp.
# Tests and the deploy check are skipped (they do not change the jars). Never touches ~/.m2 beyond downloads.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
against_worktree=no
if [ "${1:-}" = --against-worktree ]; then against_worktree=yes; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build() {  # $1: a copy of the tree to build
  (cd "$1" && mvn -B -q -Dstyle.color=never -DskipTests -Djhub.skipDeployCheck package >&2)
}

# one snapshot of the working tree (edits made while this runs cannot reach only one of the builds), copied twice
mkdir -p "$work/first" "$work/second-at-another-path"
(cd "$root" && tar --exclude='./.git' --exclude='*/target' --exclude='./target' --exclude='./.jhub-build' -cf - .) \
  | tar -C "$work/first" -xf -
started=$(date +%s)
if [ "$against_worktree" = yes ]; then
  rmdir "$work/second-at-another-path"
  ln -s "$root" "$work/second-at-another-path"
  build "$work/first"
else
  (cd "$work/first" && tar -cf - .) | tar -C "$work/second-at-another-path" -xf -
  build "$work/first"
  build "$work/second-at-another-path"
fi
same=0
differ=()
missing=()
while IFS= read -r jar; do
  other="$work/second-at-another-path/$jar"
  if [ ! -f "$other" ]; then
    missing+=("$jar")
  elif cmp -s "$work/first/$jar" "$other"; then
    same=$((same + 1))
  else
    differ+=("$jar")
  fi
done < <(cd "$work/first" && find . -path '*/target/*.jar' -not -path '*/target/*/*' -not -path './hub-tests/*' \
           | sed 's|^\./||' | sort)
echo "reproducible.sh: $same jars identical, ${#differ[@]} differ, ${#missing[@]} missing from the other build" \
  "($(( $(date +%s) - started )) s of building)"
for jar in ${differ[@]+"${differ[@]}"}; do
  echo "  differs: $jar"
done
for jar in ${missing[@]+"${missing[@]}"}; do
  echo "  missing: $jar"
done
[ "${#differ[@]}" -eq 0 ] && [ "${#missing[@]}" -eq 0 ] && [ "$same" -gt 0 ]
