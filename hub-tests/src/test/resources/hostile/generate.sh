#!/usr/bin/env bash
# Regenerates the hostile corpus next to this script; the generated files are committed, so tests never run this.
#   trees.bundle   one git bundle whose branches are crafted trees, built with git's plumbing (hash-object, mktree,
#                  commit-tree, update-ref); trees.txt lists each branch with the verdict jhub must give over
#                  HTTPS and SSH alike (refused or written) and what the tree holds.
#   archives/      crafted source archives for the HTTPS fetcher only (python3's tarfile and zipfile);
#                  archives.txt says what each holds. Every one must be refused.
# Usage: bash hub-tests/src/test/resources/hostile/generate.sh   (needs git and python3; deterministic output)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=jhub GIT_AUTHOR_EMAIL=jhub@example.org GIT_COMMITTER_NAME=jhub
export GIT_COMMITTER_EMAIL=jhub@example.org GIT_AUTHOR_DATE='2024-01-01T00:00:00Z' GIT_COMMITTER_DATE='2024-01-01T00:00:00Z'
git init -q --bare "$work/h.git"
export GIT_DIR="$work/h.git"

blob() { printf '%s' "$1" | git hash-object -w --stdin; }
# tree ENTRY... where ENTRY is "mode type id<TAB>name"; names may hold any byte but NUL, so feed mktree with -z
tree() { printf '%s\0' "$@" | git mktree -z; }
dir() { printf '040000 tree %s\t%s' "$2" "$1"; }
file() { printf '100644 blob %s\t%s' "$(blob "$2")" "$1"; }
exe() { printf '100755 blob %s\t%s' "$(blob "$2")" "$1"; }
link() { printf '120000 blob %s\t%s' "$(blob "$2")" "$1"; }
: > "$here/trees.txt"
branch() { # NAME VERDICT DESCRIPTION TREE
  local c; c="$(git commit-tree "$4" -m "$1")"
  git update-ref "refs/heads/$1" "$c"
  printf '%s %s %s\n' "$1" "$2" "$3" >> "$here/trees.txt"
}

ok="$(file ok.txt 'ok')"
branch benign written "files, an executable, a directory and links that stay inside" "$(tree "$ok" \
  "$(exe run.sh '#!/bin/sh')" "$(dir d "$(tree "$(file x.txt x)" "$(link y.txt x.txt)")")" \
  "$(link up d/../d/x.txt)" "$(link chain d/y.txt)" "$(link here .)")"
branch dotgit-root refused ".git/config at the root" "$(tree "$ok" "$(dir .git "$(tree "$(file config '[core]')")")")"
branch dotgit-upper-deep refused "a/.GIT/hooks/x" "$(tree "$ok" "$(dir a "$(tree "$(dir .GIT "$(tree \
  "$(dir hooks "$(tree "$(exe x 'evil')")")")")")")")"
branch dotgit-trailing-dot refused "a file named .git." "$(tree "$ok" "$(file .git. 'x')")"
branch dotgit-ntfs-short refused "GIT~1/config" "$(tree "$ok" "$(dir 'GIT~1' "$(tree "$(file config x)")")")"
branch backslash refused 'a name a\..\..\evil' "$(tree "$ok" "$(file 'a\..\..\evil' evil)")"
branch drive-prefix refused "a name C:evil" "$(tree "$ok" "$(file 'C:evil' evil)")"
branch link-escape refused "out -> ../x" "$(tree "$ok" "$(link out ../x)")"
branch link-absolute refused "pw -> /etc/passwd" "$(tree "$ok" "$(link pw /etc/passwd)")"
branch link-chain-escape refused "q -> . and p -> q/.." "$(tree "$ok" "$(link q .)" "$(link p q/..)")"
branch link-loop refused "a -> b and b -> a" "$(tree "$ok" "$(link a b)" "$(link b a)")"
branch link-self refused "s -> s" "$(tree "$ok" "$(link s s)")"
branch link-through-prefix refused "l -> d, d/e -> .., m -> l/e/.." "$(tree "$ok" "$(link l d)" \
  "$(dir d "$(tree "$(link e ..)")")" "$(link m l/e/..)")"
branch path-through-link refused "l -> sub and a directory l/ holding x" "$(tree "$ok" "$(link l sub)" \
  "$(dir sub "$(tree "$ok")")" "$(dir l "$(tree "$(file x evil)")")")"
branch duplicate refused "the file a twice" "$(tree "$ok" "$(file a 1)" "$(file a 2)")"
branch file-and-dir refused "a file d and a directory d" "$(tree "$ok" "$(file d 1)" "$(dir d "$(tree "$ok")")")"
branch case-collision refused "README and readme" "$(tree "$ok" "$(file README 1)" "$(file readme 2)")"
branch newline-name refused "a name with a newline" "$(tree "$ok" "$(file $'a\nb' x)")"
branch over-long-name refused "a name of 300 bytes" "$(tree "$ok" "$(file "$(printf 'n%.0s' {1..300})" x)")"
git bundle create -q "$here/trees.bundle" --branches 2>/dev/null || git bundle create "$here/trees.bundle" --branches
unset GIT_DIR

mkdir -p "$here/archives"
rm -f "$here/archives/"*
python3 - "$here/archives" > "$here/archives.txt" <<'PY'
import gzip, io, sys, tarfile, zipfile
out = sys.argv[1]
def tar(entries, fmt=tarfile.PAX_FORMAT):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=fmt) as t:
        for name, kind, data in entries:
            i = tarfile.TarInfo(name); i.mtime = 1704067200
            if kind == "dir": i.type = tarfile.DIRTYPE; i.mode = 0o755; t.addfile(i)
            elif kind == "hard": i.type = tarfile.LNKTYPE; i.linkname = data; t.addfile(i)
            else: d = data.encode(); i.size = len(d); i.mode = 0o644; t.addfile(i, io.BytesIO(d))
    return b.getvalue()
def gz(raw): return gzip.compress(raw, mtime=0)
def save(name, data, what):
    open(out + "/" + name, "wb").write(data); print(name, what)
good = tar([("top/", "dir", ""), ("top/a.txt", "file", "x" * 600), ("top/b.txt", "file", "y")])
save("empty.tar.gz", gz(b"\0" * 10240), "a valid gzip holding a tar with no entry at all")
save("cut-at-entry.tar.gz", gz(good[:512 + 512 + 1024]), "a valid gzip whose tar stops after top/a.txt, at an entry boundary")
save("tar-slip.tar.gz", gz(tar([("top/", "dir", ""), ("top/../../evil.txt", "file", "evil")])), "top/../../evil.txt")
save("hardlink-outside.tar.gz", gz(tar([("top/", "dir", ""), ("top/a", "file", "x"), ("top/h", "hard", "../../etc/passwd")])), "a hard link to ../../etc/passwd")
top = tarfile.TarInfo("top/"); top.type = tarfile.DIRTYPE; top.mode = 0o755; top.mtime = 1704067200
big = tarfile.TarInfo("top/huge.bin"); big.size = 9 * 1024 ** 3; big.mtime = 1704067200
raw = top.tobuf(tarfile.PAX_FORMAT) + big.tobuf(tarfile.PAX_FORMAT) + b"x" * 4096
save("declared-9GiB.tar.gz", gz(raw), "an entry declaring 9 GiB (over the 8 GiB default limit) followed by 4 KiB")
z = io.BytesIO()
with zipfile.ZipFile(z, "w") as f:
    f.writestr(zipfile.ZipInfo("top/", (2024, 1, 1, 0, 0, 0)), "")
    f.writestr(zipfile.ZipInfo("top/a.txt", (2024, 1, 1, 0, 0, 0)), "x")
zb = z.getvalue()
save("no-central-directory.zip", zb[:zb.rfind(b"PK\x01\x02", 0, zb.rfind(b"PK\x05\x06"))], "a zip cut before its central directory")
z = io.BytesIO()
with zipfile.ZipFile(z, "w") as f:
    f.writestr(zipfile.ZipInfo("top/", (2024, 1, 1, 0, 0, 0)), "")
    f.writestr(zipfile.ZipInfo("top/../../evil.txt", (2024, 1, 1, 0, 0, 0)), "evil")
save("zip-slip.zip", z.getvalue(), "top/../../evil.txt")
PY
echo "regenerated $(wc -l < "$here/trees.txt") trees and $(wc -l < "$here/archives.txt") archives in $here"
