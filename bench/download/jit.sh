#!/usr/bin/env bash
# Where a fresh JVM's CPU goes in `./jhub download` of the 1 GiB file of server.sh, per set of JVM options: the
# java command that ./jhub runs, started once per option set per round (the order rotates each round), each run
# sampled by async-profiler (CPU, 1 ms, fetched from Maven Central). Prints, per option set and round: wall time,
# and CPU ms of the C2 and C1 compiler threads, the main thread, the connection threads (all, and their Java part)
# and the other threads; then the connection threads' hottest functions outside the kernel.
# Usage: bench/download/jit.sh ROUNDS "JVM options A" ["JVM options B" ...]
#   "@defaults" in an option set stands for the options of packaging/jvm-options (what ./jhub starts with):
#   bench/download/jit.sh 6 "@defaults" "@defaults -XX:CICompilerCount=3" ""
# JAVA=/path/to/bin/java runs another JVM (then without the launcher's AppCDS archive, which fits one JVM only).
# JIT_EVENTS=1 adds one run with the first option set that records JFR compilation and deoptimization events and
# prints C2 time per package, the longest C2 compilations and the deoptimizations of the JDK's TLS and AES code.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 ROUNDS \"JVM options\"..." >&2; exit 2; }
ROUNDS=$1; shift
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
. "$ROOT/bench/download/server.sh"

"$ROOT/jhub" --help >/dev/null   # builds the command and its AppCDS archive
mkdir -p "$WORK/ap"
(cd "$ROOT" && mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.2:jar:linux-x64 \
  -DoutputDirectory="$WORK/ap" >"$WORK/ap/mvn.log" 2>&1) || { cat "$WORK/ap/mvn.log" >&2; exit 1; }
(cd "$WORK/ap" && jar xf ./*.jar linux-x64/libasyncProfiler.so)
AGENT="$WORK/ap/linux-x64/libasyncProfiler.so"

# the launcher's java command without the options of packaging/jvm-options, which "@defaults" puts back
mapfile -t launcher < <(grep -v -e '^#' -e '^except:' "$ROOT/packaging/jvm-options" | grep .)
mapfile -t cmd < <(JHUB_PRINT_COMMAND=1 "$ROOT/jhub" download "$URL")
java_bin="${JAVA:-${cmd[0]}}"
base=()
for a in "${cmd[@]:1}"; do
  keep=1
  for l in "${launcher[@]}"; do [ "$a" != "$l" ] || keep=0; done
  [[ -n "${JAVA:-}" && "$a" == -XX:SharedArchiveFile=* ]] && keep=0
  [ "$keep" = 0 ] || base+=("$a")
done
TRUST=(-Xmx64m "-Djavax.net.ssl.trustStore=$WORK/trust.p12" -Djavax.net.ssl.trustStoreType=PKCS12)

# options OPTION_SET: prints the option set's JVM options, one a line
options() {
  for o in $1; do
    if [ "$o" = @defaults ]; then printf '%s\n' "${launcher[@]}"; else printf '%s\n' "$o"; fi
  done
}

# download OPTION_SET EXTRA_OPTION: one fresh download into an empty cache, timed; prints milliseconds
download() {
  mapfile -t opts < <(options "$1")
  rm -rf "$WORK/cache" "$WORK/cpu.txt"
  local s e
  s=$(date +%s%N)
  if ! JHUB_HOME="$WORK/cache" "$java_bin" "$2" "${TRUST[@]}" "${opts[@]}" "${base[@]}" --quiet \
      >"$WORK/download.log" 2>&1; then
    echo "the download with \"$1\" failed:" >&2; cat "$WORK/download.log" >&2; return 1
  fi
  e=$(date +%s%N)
  rm -rf "$WORK/cache"
  echo $(( (e - s) / 1000000 ))
}

median() { sort -n | awk '{x[NR]=$1} END {print (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2}'; }
declare -A R
n=$#
for r in $(seq "$ROUNDS"); do
  for k in $(seq 0 $((n - 1))); do
    i=$(( (k + r - 1) % n ))
    set_="${@:$((i + 1)):1}"
    ms=$(download "$set_" "-agentpath:$AGENT=start,event=cpu,interval=1ms,threads,file=$WORK/cpu.txt,collapsed")
    R[$i]+="$ms $(python3 - "$WORK/cpu.txt" "$WORK/hot-$i.txt" <<'PY'
import collections, sys
g = collections.Counter()
for line in open(sys.argv[1]):
    stack, count = line.rsplit(' ', 1)
    frames = stack.split(';')
    thread, count = frames[0], int(count)
    # compiler threads by name, or by what they run: those the JVM adds later are sampled without a name
    group = ('c2' if 'C2 Compiler' in thread or any(f.startswith('C2Compiler::') for f in frames)
             else 'c1' if 'C1 Compiler' in thread or any(f.startswith('Compilation::') for f in frames)
             else 'conn' if 'jhub-range' in thread else 'main' if 'DestroyJavaVM' in thread else 'other')
    g[group] += count
    if group == 'conn' and not frames[-1].endswith('_[k]'):
        g['conn_java'] += count
        with open(sys.argv[2], 'a') as hot:
            hot.write('%d %s\n' % (count, frames[-1]))
print(' '.join(str(g[k]) for k in ['c2', 'c1', 'main', 'conn', 'conn_java', 'other']))
PY
)
"
  done
done

echo "== $(nproc) cores, $("$java_bin" -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== per round: wall ms | CPU ms of C2, C1, main thread, connection threads (all / Java code), others"
for i in $(seq 0 $((n - 1))); do
  echo "option set $((i + 1)): \"${@:$((i + 1)):1}\""
  printf '%s' "${R[$i]}" | awk '{printf "  %6d ms | C2 %5d  C1 %4d  main %4d  connections %5d / %5d  other %4d\n",
    $1, $2, $3, $4, $5, $6, $7}'
  printf '  median: %s ms, C2 %s ms\n' "$(printf '%s' "${R[$i]}" | cut -d' ' -f1 | median)" \
    "$(printf '%s' "${R[$i]}" | cut -d' ' -f2 | median)"
  echo "  the connection threads' hottest code outside the kernel, CPU ms per run:"
  awk -v rounds="$ROUNDS" '{ms[$2] += $1} END {for (f in ms) printf "%8.0f  %s\n", ms[f] / rounds, f}' \
    "$WORK/hot-$i.txt" | sort -rn | head -6
done

if [ "${JIT_EVENTS:-0}" = 1 ]; then
  cat > "$WORK/events.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="jit">
  <event name="jdk.Compilation"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
  <event name="jdk.Deoptimization">
    <setting name="enabled">true</setting><setting name="stackTrace">false</setting>
  </event>
</configuration>
JFC
  download "$1" "-XX:StartFlightRecording=filename=$WORK/jit.jfr,settings=$WORK/events.jfc" >/dev/null
  jfr print --json --events jdk.Compilation,jdk.Deoptimization "$WORK/jit.jfr" > "$WORK/jit.json"
  echo "== JFR compilation and deoptimization events, option set 1 (JFR's own compilations included)"
  python3 - "$WORK/jit.json" <<'PY'
import collections, datetime, json, sys
events = json.load(open(sys.argv[1]))['recording']['events']
def at(e):
    return datetime.datetime.fromisoformat(e['values']['startTime'].replace('Z', '+00:00')).timestamp()
t0 = min(at(e) for e in events)
def name(v):
    return v['method']['type']['name'] + '.' + v['method']['name']
c2 = []
for e in events:
    v = e['values']
    if e['type'] == 'jdk.Compilation' and v['compileLevel'] == 4:
        d = v['duration']
        c2.append((float(d[2:-1]) if d.startswith('PT') and d.endswith('S') else 0.0, at(e) - t0, name(v)))
print('C2 compilations: %d, %.3f s' % (len(c2), sum(c[0] for c in c2)))
per = collections.Counter()
for secs, _, n in c2:
    per['/'.join(n.split('/')[:3])] += secs
for pkg, secs in per.most_common(6):
    print('  %.3f s  %s' % (secs, pkg))
print('longest C2 compilations (seconds, started at):')
for secs, t, n in sorted(c2, reverse=True)[:12]:
    print('  %.3f at %.2f s  %s' % (secs, t, n))
print('deoptimizations in the JDK\'s TLS and AES code (at, method, reason, action):')
for e in sorted(events, key=at):
    v = e['values']
    if e['type'] == 'jdk.Deoptimization' and ('crypto' in name(v) or 'security/ssl' in name(v)):
        print('  %.2f s  %s line %s  %s  %s' % (at(e) - t0, name(v), v['lineNumber'], v['reason'], v['action']))
PY
fi
