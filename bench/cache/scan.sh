#!/usr/bin/env bash
# How long a scan of a large tree cache takes (what `jhub cache ls` does, and what a bounded cache, cache.maxSize,
# does after every install): a fresh `./jhub cache ls` with every tree's size record removed first (each tree is
# walked file by file, as before session 8) against the same with the records in place (one small file a tree),
# interleaved (bench/ab.sh), medians. The cache holds TREES trees of FILES files of 1 KiB each, written under
# the script's temporary directory on the disk, with names as installed trees have.
# Usage: bench/cache/scan.sh [rounds] [trees] [files]   (defaults 11, 10, 4000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-11}"; trees="${2:-10}"; files="${3:-4000}"
work="$(mktemp -d /tmp/jhub-bench-scan.XXXXXX)"
trap 'rm -rf "$work"' EXIT
repo="$work/cache/repos/example.org/owner/big"
mkdir -p "$repo" && touch "$repo/.lock"
python3 - "$repo" "$trees" "$files" <<'PY'
import os, sys
repo, trees, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
block = b"x" * 1024
for t in range(trees):
    tree = os.path.join(repo, "%040x" % (t + 1))
    for f in range(files):
        d = os.path.join(tree, "d%03d" % (f // 100))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "f%05d.txt" % f), "wb") as out:
            out.write(block)
PY
cd "$root"
./jhub --help >/dev/null                                  # builds jhub when needed
export JHUB_HOME="$work/cache"
./jhub cache ls | tail -1
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); $trees trees of $files files; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/bench/ab.sh" "$rounds" "rm -f $repo/*.size; ./jhub cache ls" "./jhub cache ls"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
