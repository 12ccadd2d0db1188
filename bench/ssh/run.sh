#!/usr/bin/env bash
# jhub's SSH fetcher vs `git clone --depth 1` over the same loopback OpenSSH server running the real
# git-upload-pack. Usage: bench/ssh/run.sh [rounds]   (env WORK=/tmp/jhub-bench-ssh, PORT=22922)
# Installs openssh-server and time from Debian if missing, starts its own sshd on a high port with its own
# config and host key, and stops it on exit.
set -euo pipefail
ROUNDS=${1:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/jhub-bench-ssh}
PORT=${PORT:-22922}

need=()
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
[ -x /usr/bin/time ] || need+=(time)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} from Debian" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

rm -rf "$WORK"; mkdir -p "$WORK"/{repos/bench,ssh}
echo "== building jhub (reactor only, no install)" >&2
(cd "$ROOT" && mvn -B -o -q package -DskipTests dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" \
   -Dmdep.includeScope=test -pl hub-fetch-ssh -am)
# copy the project's own jars and classes so later builds in the worktree cannot change them mid-run
mkdir -p "$WORK/lib"
CP=""
for e in $(tr ':' ' ' < "$WORK/cp.txt") "$ROOT/hub-fetch-ssh/target/classes" "$ROOT/hub-fetch-ssh/target/test-classes"; do
  case "$e" in "$ROOT"/*) d="$WORK/lib/$(echo "${e#$ROOT/}" | tr '/' '_')"; cp -r "$e" "$d"; e="$d";; esac
  CP="$CP${CP:+:}$e"
done

echo "== generating the repository (history with deltas, >= 50 MB checkout)" >&2
SRC="$WORK/src"; git init -q -b main "$SRC"
(
  cd "$SRC"; git config user.email bench@jhub.invalid; git config user.name bench
  mkdir -p text weights
  python3 - <<'PY'
import os, random
random.seed(1)
words = [''.join(random.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(random.randint(2, 9))) for _ in range(5000)]
for i in range(160):
    with open(f'text/module_{i:03}.py', 'w') as f:
        for l in range(2500):
            f.write(' '.join(random.choice(words) for _ in range(8)) + '\n')
for i in range(7):
    with open(f'weights/layer_{i}.bin', 'wb') as f:
        f.write(os.urandom(5 * 1024 * 1024))
PY
  git add -A; git commit -qm "initial"
  # several hundred commits: edit text files, sometimes replace a weights file
  python3 - <<'PY'
import os, random, subprocess
random.seed(2)
for c in range(300):
    for _ in range(3):
        p = f'text/module_{random.randrange(160):03}.py'
        lines = open(p).read().split('\n')
        for _ in range(20):
            lines[random.randrange(len(lines))] = f'edited in commit {c} ' + str(random.random())
        open(p, 'w').write('\n'.join(lines))
    if c % 60 == 59:
        with open(f'weights/layer_{random.randrange(6)}.bin', 'wb') as f:
            f.write(os.urandom(5 * 1024 * 1024))
    subprocess.run(['git', 'commit', '-qam', f'commit {c}'], check=True)
PY
)
BARE="$WORK/repos/bench/models.git"
git clone -q --bare "$SRC" "$BARE"
git -C "$BARE" repack -adq
CHECKOUT_MB=$(du -sm --exclude=.git "$SRC" | cut -f1)
echo "checkout ${CHECKOUT_MB} MB, $(git -C "$BARE" rev-list --count HEAD) commits, bare repo $(du -sm "$BARE" | cut -f1) MB" >&2

echo "== starting sshd on 127.0.0.1:$PORT" >&2
S="$WORK/ssh"
ssh-keygen -q -t ed25519 -N '' -f "$S/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$S/client_key"
cp "$S/client_key.pub" "$S/authorized_keys"
mkdir -p /run/sshd
cat > "$S/sshd_config" <<CFG
Port $PORT
ListenAddress 127.0.0.1
HostKey $S/host_key
PidFile $S/sshd.pid
AuthorizedKeysFile $S/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
AcceptEnv GIT_PROTOCOL
CFG
/usr/sbin/sshd -D -f "$S/sshd_config" -E "$S/sshd.log" &
SSHD=$!
trap 'kill $SSHD 2>/dev/null || true; wait $SSHD 2>/dev/null || true' EXIT
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$S/host_key.pub")" > "$S/known_hosts"
USER_NAME=$(id -un)
SSH_OPTS="-i $S/client_key -o IdentitiesOnly=yes -o UserKnownHostsFile=$S/known_hosts -o BatchMode=yes"
export GIT_SSH_COMMAND="ssh $SSH_OPTS"
for i in $(seq 1 100); do   # wait until sshd accepts logins
  ssh $SSH_OPTS -p "$PORT" "$USER_NAME@127.0.0.1" true 2>/dev/null && break
  sleep 0.1
done
URL="ssh://$USER_NAME@127.0.0.1:$PORT$WORK/repos/bench/models.git"

wall() { grep 'Elapsed (wall clock)' "$1" | sed 's/.*): //' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }
rss() { grep 'Maximum resident set size' "$1" | awk '{print $NF}'; }

echo "round,git_clone_depth1_s,jhub_s,ratio_jhub_over_git,jhub_peak_rss_mb,jhub_sampled_heap_mb,jhub_in_jvm_fetch_s" | tee "$WORK/results.csv"
for r in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/git-out" "$WORK/jhub-out"; mkdir -p "$WORK/jhub-out/tree"
  /usr/bin/time -v -o "$WORK/git.time" git clone -q --depth 1 "$URL" "$WORK/git-out"
  /usr/bin/time -v -o "$WORK/jhub.time" java -Xmx64m -cp "$CP" io.jhub.fetch.ssh.LargeFetchMain \
      "127.0.0.1:$PORT" bench/models "$WORK/jhub-out/tree" "$S/client_key" "$S/known_hosts" \
      "ssh.user=$USER_NAME" "ssh.pathTemplate=$WORK/repos/{owner}/{repo}.git" > "$WORK/jhub.out"
  G=$(wall "$WORK/git.time"); J=$(wall "$WORK/jhub.time"); M=$(( $(rss "$WORK/jhub.time") / 1024 ))
  H=$(grep -o 'sampledPeakHeapBytes=[0-9]*' "$WORK/jhub.out" | cut -d= -f2); H=$(( H / 1048576 ))
  F=$(grep -o ' ms=[0-9]*' "$WORK/jhub.out" | cut -d= -f2); F=$(awk -v f="$F" 'BEGIN{printf "%.2f", f/1000}')
  echo "$r,$G,$J,$(awk -v j="$J" -v g="$G" 'BEGIN{printf "%.2f", j/g}'),$M,$H,$F" | tee -a "$WORK/results.csv"
done
diff -r --exclude=.git "$WORK/git-out" "$WORK/jhub-out/tree" >/dev/null && echo "trees identical" || { echo "TREES DIFFER"; exit 1; }
median() { tail -n +2 "$WORK/results.csv" | cut -d, -f"$1" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
MG=$(median 2); MJ=$(median 3)
echo "median over $ROUNDS rounds: git clone --depth 1 ${MG} s, jhub ${MJ} s, ratio jhub/git $(awk -v j="$MJ" -v g="$MG" 'BEGIN{printf "%.2f", j/g}'), checkout ${CHECKOUT_MB} MB"
