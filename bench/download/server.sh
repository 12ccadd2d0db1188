# Sourced by the download benchmarks: installs nginx-light, curl, aria2, time and procps from Debian when missing,
# makes a SIZE_MIB (default 1024) MiB random file big.bin and a 32 MiB small.bin, a self-signed EC certificate and
# a PKCS12 trust store, and starts nginx (2 workers; bench/lib/nginx.sh) on a free loopback port. Sets WORK (one
# /tmp directory, removed on exit), URL, URL_SMALL, SHA (of big.bin) and NGINX_PID; nginx is stopped on every exit
# path of the sourcing script.
# RATE (nginx's limit_rate, e.g. 100m) caps each connection's speed, as many servers and long network paths do.
SIZE_MIB="${SIZE_MIB:-1024}"
RATE="${RATE:-}"
[[ -z "$RATE" || "$RATE" =~ ^[0-9]+[km]?$ ]] || { echo "RATE must look like 100m, 500k or 1000000" >&2; exit 2; }
need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v curl >/dev/null || need+=(curl)
command -v pgrep >/dev/null || need+=(procps)
command -v aria2c >/dev/null || need+=(aria2)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

WORK="$(mktemp -d /tmp/jhub-bench-download.XXXXXX)"
NGINX_PID=""
cleanup() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill "$NGINX_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "== preparing ${SIZE_MIB} MiB file, certificate and nginx in $WORK"\
  "${RATE:+(each connection capped at $RATE bytes/s)}"
mkdir -p "$WORK/www"
chmod 755 "$WORK" "$WORK/www"   # nginx workers run as an unprivileged user
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$WORK/www/big.bin"
chmod 644 "$WORK/www/big.bin"
head -c $((32 * 1024 * 1024)) /dev/urandom > "$WORK/www/small.bin"   # what jhub-after32 downloads first
chmod 644 "$WORK/www/small.bin"
SHA="$(sha256sum "$WORK/www/big.bin" | cut -d' ' -f1)"
. "$(dirname "${BASH_SOURCE[0]}")/../lib/nginx.sh"
bench_cert "$WORK"
# an unprotected PKCS12 trust store, like the JDK's own cacerts since JDK 18: read without a password, so the JVM
# does not spend ~0.25 CPU-seconds on the PBKDF2 integrity check that a password-protected store costs
keytool -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE -J-Dkeystore.pkcs12.macAlgorithm=NONE -importcert \
  -noprompt -alias bench -file "$WORK/cert.pem" -storetype PKCS12 -keystore "$WORK/trust.p12" -storepass changeit \
  >/dev/null 2>&1

bench_nginx "$WORK" "$WORK/www" "${RATE:+    limit_rate $RATE;}"
PORT="$NGINX_PORT"
URL="https://127.0.0.1:$PORT/big.bin"
URL_SMALL="https://127.0.0.1:$PORT/small.bin"
for _ in $(seq 100); do curl -sf --cacert "$WORK/cert.pem" -r 0-0 -o /dev/null "$URL" && break; sleep 0.1; done

