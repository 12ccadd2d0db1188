#!/usr/bin/env bash
# Links the jhub runtime image from already built modules.
#   packaging/link.sh [--slim] [--add-modules m1,m2] [--no-aot-cache] <module-path> <output-dir>
# <module-path>: the jhub jars and their runtime dependencies (jars or exploded module directories), joined
# with ':'. Uses the jlink of $JLINK_JDK (default: /usr/lib/jvm/temurin-25-jdk-amd64); see jlink-image.sh for why.
# A JDK 17 jlink works too if jsch is 2.28.3 or older (build with -Djsch.version=2.28.3).
# The image holds the modules of image-modules.txt and, unless --slim, java.se (every standard Java SE module),
# so a hub that runs on a JDK runs in it; --add-modules adds more (such as jdk.httpserver) to either.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() {
  echo "usage: $0 [--slim] [--add-modules m1,m2] [--no-aot-cache] <module-path> <output-dir>" >&2
  exit 2
}
flavour=standard
extra=""
aot=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --slim) flavour=slim; shift ;;
    --add-modules)
      [ $# -ge 2 ] && [ -n "$2" ] || { echo "$0: --add-modules needs a comma-separated list of module names" >&2; usage; }
      extra="${extra:+$extra,}$2"; shift 2 ;;
    --add-modules=*) extra="${extra:+$extra,}${1#--add-modules=}"; shift ;;
    --no-aot-cache) aot=no; shift ;;
    --) shift; break ;;
    -*) echo "$0: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
if [ $# -ne 2 ]; then
  usage
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
if [ "$flavour" = standard ]; then modules="$modules,java.se"; fi
if [ -n "$extra" ]; then modules="$modules,$extra"; fi
rm -rf "$out"
# ct.sym (11 MB of jdk.compiler) only serves javac's --release, which jhub never passes
"$jdk/bin/jlink" \
  --module-path "$module_path" \
  --add-modules "$modules" \
  --launcher jhub=io.jhub.cli/io.jhub.cli.Main \
  --strip-debug --no-header-files --no-man-pages --compress="$compress" \
  --exclude-files='**/ct.sym' \
  --output "$out"
# The image's own launcher, in place of jlink's (whose options come before it knows its directory): every module
# of the image resolved at start, like ./jhub, so a hub repo's "dependencies" on JDK modules (which a child layer
# cannot add) find them in the boot layer; the JIT options of packaging/jvm-options; the serial
# collector, the quickest to start from JDK 21 on; logging off, so a JVM warning never lands in a command's output;
# and, when link time made one, the AOT cache below.
# -Djhub.image tells jhub it runs in this image, so a hub needing a module the image lacks is told the
# jlink-image.sh line that links it in.
opts="--add-modules ALL-DEFAULT -Djhub.image=$flavour -Xlog:disable"
if [ "$feature" -ge 21 ]; then opts="$opts -XX:+UseSerialGC"; fi
except_download=""
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    "#"* | "") ;;
    except:download\ *) except_download="$except_download ${line#* }" ;;
    except:*) echo "packaging/jvm-options: only except:download is supported here: $line" >&2; exit 1 ;;
    *) opts="$opts $line" ;;
  esac
done <"$here/jvm-options"
cat >"$out/bin/jhub" <<LAUNCHER
#!/bin/sh
# Runs the jhub command of this runtime image (written by jhub's packaging/link.sh). Extra JVM options: JHUB_JAVA_OPTS.
set -f  # the options hold '*' patterns, for the JVM, not the shell
DIR=\`dirname "\$0"\`
OPTS="$opts"
# progress: "terminal" means standard error is one; its width from COLUMNS (read by jhub) or stty
if [ -t 2 ]; then
  OPTS="\$OPTS -Djhub.stderr.terminal=true"
  if [ -z "\${COLUMNS:-}" ] && SIZE=\`stty size <&2 2>/dev/null\`; then OPTS="\$OPTS -Djhub.terminal.columns=\${SIZE#* }"; fi
else
  OPTS="\$OPTS -Djhub.stderr.terminal=false"
fi
if [ -t 0 ] && [ -t 2 ]; then export JHUB_INTERACTIVE=1; else export JHUB_INTERACTIVE=0; fi
[ "\${1:-}" = download ] || OPTS="\$OPTS$except_download"
if [ -f "\$DIR/../lib/jhub.aot" ]; then
  exec "\$DIR/java" "-XX:AOTCache=\$DIR/../lib/jhub.aot" \$OPTS \${JHUB_JAVA_OPTS:-} -m io.jhub.cli/io.jhub.cli.Main "\$@"
fi
exec "\$DIR/java" \$OPTS \${JHUB_JAVA_OPTS:-} -m io.jhub.cli/io.jhub.cli.Main "\$@"
LAUNCHER
chmod 755 "$out/bin/jhub"
# From JDK 25 on, an AOT cache (JEP 483, 514, 515: classes loaded and linked, call sites resolved, method profiles)
# trained on a warm load of the bundled example: a warm load then takes about 75 ms instead of about 190 (bench/jlink).
# Classes of a hub repository's own layer are never cached. Without the example or on an older JDK, no cache.
example="$here/../examples/classifier"
if [ "$aot" = yes ] && [ "$feature" -ge 25 ] && [ -f "$example/hubconf.java" ]; then
  train="$(mktemp -d)"
  trap 'rm -rf "$train"' EXIT
  set -f  # $opts holds '*' patterns, for the JVM
  # (the first run compiles the example, the second, recorded, is the warm load)
  if JHUB_HOME="$train/cache" "$out/bin/java" $opts -m io.jhub.cli/io.jhub.cli.Main load "$example" classify 5.1 3.5 \
        1.4 0.2 >/dev/null 2>&1 \
     && JHUB_HOME="$train/cache" "$out/bin/java" -XX:AOTCacheOutput="$train/jhub.aot" $opts -m io.jhub.cli/io.jhub.cli.Main \
        load "$example" classify 5.1 3.5 1.4 0.2 >/dev/null 2>&1 \
     && [ -s "$train/jhub.aot" ]; then
    mv "$train/jhub.aot" "$out/lib/jhub.aot"
  else
    echo "link.sh: no AOT cache (the training run failed); the image works without it, only starts slower" >&2
  fi
  set +f
  rm -rf "$train"
fi
echo "jhub image ($flavour${extra:+, +$extra}): $out ($(du -sh "$out" | cut -f1)), run $out/bin/jhub"
