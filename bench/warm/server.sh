# Sourced by bench/warm/run.sh: serves examples/classifier as bench/classifier from loopback nginx with TLS (a
# self-signed EC certificate) and the real `git http-backend` through fcgiwrap (smart HTTP, protocol v2 through
# the Git-Protocol header), plus its GitHub-style archive as a static file for the first fetch. Installs
# nginx-light and fcgiwrap from Debian when missing. Sets WORK (removed on exit), HOST (127.0.0.1:port), COMMIT
# and CERT (PEM); nginx and fcgiwrap are stopped on every exit path of the sourcing script.
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
mkdir -p "$WORK/git/bench" "$WORK/www/bench/classifier/archive" "$WORK/tmp" "$WORK/logs"
cp -r "$ROOT/examples/classifier" "$WORK/repo"
git -C "$WORK/repo" init -q -b main && git -C "$WORK/repo" add -A
GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b \
  git -C "$WORK/repo" commit -qm bench
COMMIT="$(git -C "$WORK/repo" rev-parse HEAD)"
git clone -q --bare "$WORK/repo" "$WORK/git/bench/classifier.git"
git -C "$WORK/repo" archive --format=tar.gz --prefix="classifier-$COMMIT/" "$COMMIT" \
  >"$WORK/www/bench/classifier/archive/$COMMIT.tar.gz"
chmod -R a+rX "$WORK/www"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
CERT="$WORK/cert.pem"

# in a session of its own (its prefork children too), and without the script's output, which a child would hold
setsid /usr/sbin/fcgiwrap -c 2 -s "unix:$WORK/fcgi.sock" </dev/null >/dev/null 2>&1 &
FCGI_PID=$!
for _ in $(seq 50); do [ -S "$WORK/fcgi.sock" ] && break; sleep 0.1; done
chmod 666 "$WORK/fcgi.sock"   # nginx's workers run as another user
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp/body;
  proxy_temp_path $WORK/tmp/proxy;
  fastcgi_temp_path $WORK/tmp/fastcgi;
  uwsgi_temp_path $WORK/tmp/uwsgi;
  scgi_temp_path $WORK/tmp/scgi;
  server {
    listen 127.0.0.1:$PORT ssl;
    ssl_certificate $WORK/cert.pem;
    ssl_certificate_key $WORK/key.pem;
    root $WORK/www;
    location ~ ^/.*\.git/(info/refs|git-upload-pack)\$ {
      fastcgi_pass unix:$WORK/fcgi.sock;
      fastcgi_param SCRIPT_FILENAME /usr/lib/git-core/git-http-backend;
      fastcgi_param GIT_PROJECT_ROOT $WORK/git;
      fastcgi_param GIT_HTTP_EXPORT_ALL "";
      fastcgi_param PATH_INFO \$uri;
      fastcgi_param QUERY_STRING \$query_string;
      fastcgi_param REQUEST_METHOD \$request_method;
      fastcgi_param CONTENT_TYPE \$content_type;
      fastcgi_param CONTENT_LENGTH \$content_length;
    }
  }
}
CONF
/usr/sbin/nginx -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/logs/error.log" &
NGINX_PID=$!
HOST="127.0.0.1:$PORT"
for _ in $(seq 100); do
  git -c http.sslCAInfo="$CERT" ls-remote "https://$HOST/bench/classifier.git" >/dev/null 2>&1 && break
  sleep 0.1
done
