# Shared by bench/https/run.sh and bench/https/profile.sh (sourced, with $root $files $kib set): builds the fetcher
# and the bench classes, generates a repository of $files random files of about $kib KiB, serves it with
# io.jhub.testkit.GitHttpsServer on loopback HTTPS, downloads its archive once (the server caches it) and sets
# $cp $host $commit $url $work (scratch, removed on exit) and $out (where trees go: $TARGET_DIR if set, else $work).
need=(); command -v curl >/dev/null || need+=(curl); [ -x /usr/bin/time ] || need+=(time)
command -v git >/dev/null || need+=(git); command -v python3 >/dev/null || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}"; fi

work="$(mktemp -d)"; server_pid=""; out="$work"
cleanup() {
  if [ -n "$server_pid" ]; then exec 3>&-; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"; [ "$out" = "$work" ] || rm -rf "$out"
}
trap cleanup EXIT
if [ -n "${TARGET_DIR:-}" ]; then out="$(mktemp -d -p "$TARGET_DIR")"; fi

cd "$root"
mvn -B -o -q package dependency:build-classpath -DskipTests -pl hub-fetch-https,hub-testkit -am \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
cp="$(cat hub-fetch-https/target/bench-classpath.txt):$root/hub-fetch-https/target/classes:$root/hub-testkit/target/classes"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$cp" bench/https/*.java
cp="$cp:$work/classes"

echo "generating a repository with $files files of ~${kib} KiB random data..."
python3 - "$work/repo" "$files" "$kib" <<'PY'
import os, random, sys
root, n, kib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(1)
for i in range(n):
    d = os.path.join(root, "pkg%03d" % (i % 300), "sub%02d" % (i % 7))
    os.makedirs(d, exist_ok=True)
    size = random.randint(kib * 512, kib * 1536)
    with open(os.path.join(d, "file%05d.bin" % i), "wb") as f:
        f.write(os.urandom(size))
PY
git -C "$work/repo" init -q -b main && git -C "$work/repo" add -A
GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b git -C "$work/repo" commit -qm bench
commit="$(git -C "$work/repo" rev-parse HEAD)"
# the work tree is kept (removed with $work at exit): deleting 12,000 files here would slow the first round
# of whichever tool runs within a minute of it (ext4 without a journal skips recently freed inodes one by one)
git clone -q --bare "$work/repo" "$work/bench.git"

exec 3> >(java -cp "$cp" BenchServer "$work" "$work/bench.git" bench/big)
server_pid=$!
for _ in $(seq 300); do [ -s "$work/port" ] && break; sleep 0.1; done
port="$(cat "$work/port")"; host="127.0.0.1:$port"
url="https://$host/bench/big/archive/$commit.tar.gz"
curl -sk -o "$work/warm.tar.gz" "$url"     # the server builds and caches the archive once
size=$(stat -c %s "$work/warm.tar.gz"); count=$(tar tzf "$work/warm.tar.gz" | wc -l)
echo "archive: $((size / 1024 / 1024)) MiB ($size bytes), $count entries"
echo "target: $out ($(df --output=fstype,source "$out" | tail -1 | tr -s " "))"

