# Sourced by bench/warm/run.sh (ROOT set to the checkout): serves examples/classifier as
# bench/classifier from loopback nginx with TLS (a self-signed EC certificate; both from bench/lib/nginx.sh) and the
# real `git http-backend` through fcgiwrap (smart HTTP, protocol v2 through the Git-Protocol header), plus its
# GitHub-style archive as a static file for the first fetch. Installs nginx-light and fcgiwrap from Debian when
# missing. Sets WORK (removed on exit), HOST (127.0.0.1:port), COMMIT and CERT (PEM), and the bare repository
# WORK/git/bench/classifier.git; nginx and fcgiwrap are stopped on every exit path of the sourcing script.
need=()
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need+=(nginx-light)
[ -x /usr/sbin/fcgiwrap ] || need+=(fcgiwrap)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
WORK="$(mktemp -d /tmp/jhub-bench-warm.XXXXXX)"
NGINX_PID=""; FCGI_PID=""
cleanup() {
  [ -z "$NGINX_PID" ] || kill "$NGINX_PID" 2>/dev/null || true
  [ -z "$FCGI_PID" ] || kill -- "-$FCGI_PID" 2>/dev/null || kill "$FCGI_PID" 2>/dev/null || true
  for p in "$NGINX_PID" "$FCGI_PID"; do
    [ -z "$p" ] || wait "$p" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
chmod 755 "$WORK"
mkdir -p "$WORK/git/bench" "$WORK/www/bench/classifier/archive"
cp -r "$ROOT/examples/classifier" "$WORK/repo"
git -C "$WORK/repo" init -q -b main && git -C "$WORK/repo" add -A
GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b \
  git -C "$WORK/repo" commit -qm bench
COMMIT="$(git -C "$WORK/repo" rev-parse HEAD)"
git clone -q --bare "$WORK/repo" "$WORK/git/bench/classifier.git"
git -C "$WORK/repo" archive --format=tar.gz --prefix="classifier-$COMMIT/" "$COMMIT" \
  >"$WORK/www/bench/classifier/archive/$COMMIT.tar.gz"
chmod -R a+rX "$WORK/www"
. "$ROOT/bench/lib/nginx.sh"
bench_cert "$WORK"
CERT="$WORK/cert.pem"

# in a session of its own (its prefork children too), and without the script's output, which a child would hold
setsid /usr/sbin/fcgiwrap -c 2 -s "unix:$WORK/fcgi.sock" </dev/null >/dev/null 2>&1 &
FCGI_PID=$!
for _ in $(seq 50); do [ -S "$WORK/fcgi.sock" ] && break; sleep 0.1; done
chmod 666 "$WORK/fcgi.sock"   # nginx's workers run as another user
bench_nginx "$WORK" "$WORK/www" "
    location ~ ^/.*\\.git/(info/refs|git-upload-pack)\$ {
      fastcgi_pass unix:$WORK/fcgi.sock;
      fastcgi_param SCRIPT_FILENAME /usr/lib/git-core/git-http-backend;
      fastcgi_param GIT_PROJECT_ROOT $WORK/git;
      fastcgi_param GIT_HTTP_EXPORT_ALL \"\";
      fastcgi_param PATH_INFO \$uri;
      fastcgi_param QUERY_STRING \$query_string;
      fastcgi_param REQUEST_METHOD \$request_method;
      fastcgi_param CONTENT_TYPE \$content_type;
      fastcgi_param CONTENT_LENGTH \$content_length;
    }"
PORT="$NGINX_PORT"
HOST="127.0.0.1:$PORT"
for _ in $(seq 100); do
  git -c http.sslCAInfo="$CERT" ls-remote "https://$HOST/bench/classifier.git" >/dev/null 2>&1 && break
  sleep 0.1
done
