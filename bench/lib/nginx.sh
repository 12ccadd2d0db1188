# Sourced by the bench scripts that need a TLS web server on loopback (bench/warm/server.sh, bench/download/server.sh).
# Defines two functions; the caller installs nginx-light, keeps the returned pid and stops it on exit.
#   bench_cert DIR            writes DIR/key.pem and DIR/cert.pem: a self-signed EC P-256 certificate for 127.0.0.1
#                             and localhost, valid two days
#   bench_nginx DIR ROOT CONF starts nginx (2 workers, no access log, temp files and logs under DIR) serving ROOT over
#                             TLS with that certificate on a free loopback port, CONF added inside its server block;
#                             sets NGINX_PORT and NGINX_PID. TLS 1.2 and 1.3 as public git hosts offer them (nginx
#                             1.22's own default is TLS 1.2 at most); BENCH_TLS_PROTOCOLS overrides, e.g. "TLSv1.2"
# The environment of some machines sets GIT_SSL_CAINFO, which wins over `git -c http.sslCAInfo=...`: the scripts'
# git commands must trust the test certificate, so it is dropped here.
unset GIT_SSL_CAINFO
bench_cert() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$1/key.pem" -out "$1/cert.pem" 2>/dev/null
}
bench_nginx() {
  local dir="$1" root="$2" extra="$3"
  mkdir -p "$dir/tmp" "$dir/logs"
  NGINX_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT ssl;
    ssl_certificate $dir/cert.pem;
    ssl_certificate_key $dir/key.pem;
    ssl_protocols ${BENCH_TLS_PROTOCOLS:-TLSv1.2 TLSv1.3};
    root $root;
$extra
  }
}
CONF
  "$(command -v nginx || echo /usr/sbin/nginx)" -c "$dir/nginx.conf" -p "$dir" -e "$dir/logs/error.log" &
  NGINX_PID=$!
}
