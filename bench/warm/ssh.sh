#!/usr/bin/env bash
# Warm SSH load benchmark (issue 13): a fresh `./jhub load owner/repo entry` over SSH whose tree and compiled
# classes are cached, following the branch (one ref lookup: an SSH connection running git-upload-pack, ls-refs)
# against the same load pinned with --commit (no network) and `git ls-remote` over ssh to the same server,
# interleaved round after round (bench/ab.sh), medians. Goal: branch <= pinned + ls-remote, printed at the end.
# The server is Debian's OpenSSH on a loopback port with its own config and keys (bench/lib/sshd.sh), running the
# real git-upload-pack on a bare copy of examples/classifier. Installs openssh-server from Debian when missing.
# Usage: bench/warm/ssh.sh [rounds]   (default 15)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-15}"
need=()
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
work="$(mktemp -d /tmp/jhub-bench-warm-ssh.XXXXXX)"
SSHD_PID=""
cleanup() {
  if [ -n "$SSHD_PID" ]; then kill "$SSHD_PID" 2>/dev/null || true; wait "$SSHD_PID" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
cp -r "$root/examples/classifier" "$work/repo"
git -C "$work/repo" init -q -b main && git -C "$work/repo" add -A
GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b \
  git -C "$work/repo" commit -qm bench
commit="$(git -C "$work/repo" rev-parse HEAD)"
mkdir -p "$work/git/bench"
git clone -q --bare "$work/repo" "$work/git/bench/classifier.git"
. "$root/bench/lib/sshd.sh"
bench_sshd "$work/ssh"

cd "$root"
./jhub --help >/dev/null                                   # builds jhub and its CDS archive when needed
export JHUB_HOME="$work/cache" JHUB_GIT_HOST="127.0.0.1:$SSHD_PORT" JHUB_PROTOCOL=SSH
sets="--set ssh.user=$(id -un) --set ssh.pathTemplate=$work/git/{owner}/{repo}.git"
sets="$sets --set ssh.identity=$work/ssh/client_key --set ssh.knownHosts=$work/ssh/known_hosts"
sets="$sets --set ssh.config=none --set ssh.agent=false"
load="./jhub load bench/classifier classify 5.1 3.5 1.4 0.2 --quiet $sets"
$load --trust >/dev/null                                    # tree + classes
out="$($load --commit "$commit")"
[ "$out" = setosa ] || { echo "the pinned load printed '$out', not setosa" >&2; exit 1; }
out="$($load)"
[ "$out" = setosa ] || { echo "the branch load printed '$out', not setosa" >&2; exit 1; }
lsremote="GIT_SSH_COMMAND='ssh -F $work/ssh/ssh_config' git ls-remote 127.0.0.1:$work/git/bench/classifier.git"
eval "$lsremote" | grep -q "$commit" || { echo "git ls-remote over ssh failed" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
echo "server: $(/usr/sbin/sshd -V 2>&1 | head -1 || true) on 127.0.0.1:$SSHD_PORT, $(git --version); load: $(uptime | sed 's/.*load/load/')"
result="$("$root/bench/ab.sh" "$rounds" "$load" "$load --commit $commit" "$lsremote")"
echo "$result"
mapfile -t med < <(awk '{print $1}' <<<"$result")
echo "branch ${med[0]} ms vs pinned + ls-remote $((med[1] + med[2])) ms:" \
  "$(awk -v b="${med[0]}" -v p="${med[1]}" -v l="${med[2]}" 'BEGIN{printf "%.2fx (goal <= 1.00x); branch/pinned %.2fx", b/(p+l), b/p}')"
echo "load after: $(uptime | sed 's/.*load/load/')"
