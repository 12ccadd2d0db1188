# Sourced by the bench scripts that need OpenSSH on loopback (bench/warm/ssh.sh). Defines one function; the caller
# installs openssh-server and stops the returned pid on exit.
#   bench_sshd DIR   starts /usr/sbin/sshd on a free loopback port with its own config, host key and an ed25519
#                    client key (DIR/client_key) allowed to log in as the current user; writes DIR/known_hosts and
#                    DIR/ssh_config (for `ssh -F` and GIT_SSH_COMMAND); sets SSHD_PORT and SSHD_PID and waits until
#                    a login works. The real git-upload-pack runs through the user's shell.
bench_sshd() {
  local dir="$1"
  mkdir -p "$dir" /run/sshd
  ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/client_key"
  cp "$dir/client_key.pub" "$dir/authorized_keys"
  SSHD_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  cat >"$dir/sshd_config" <<CFG
Port $SSHD_PORT
ListenAddress 127.0.0.1
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
AcceptEnv GIT_PROTOCOL
CFG
  /usr/sbin/sshd -D -f "$dir/sshd_config" -E "$dir/sshd.log" &
  SSHD_PID=$!
  echo "[127.0.0.1]:$SSHD_PORT $(cut -d' ' -f1,2 "$dir/host_key.pub")" >"$dir/known_hosts"
  cat >"$dir/ssh_config" <<CFG
Host 127.0.0.1
  Port $SSHD_PORT
  User $(id -un)
  IdentityFile $dir/client_key
  IdentitiesOnly yes
  UserKnownHostsFile $dir/known_hosts
  BatchMode yes
CFG
  for _ in $(seq 100); do
    ssh -F "$dir/ssh_config" 127.0.0.1 true 2>/dev/null && return 0
    sleep 0.1
  done
  echo "sshd did not accept a login; see $dir/sshd.log" >&2
  return 1
}
