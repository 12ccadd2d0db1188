/**
 * The {@code SSH} fetcher: git over SSH with jsch and jhub's own pack-protocol client; no git binary needed.
 * Exports nothing; plugs in as a {@link io.jhub.api.spi.RepoFetcher} service.
 *
 * <p>Settings: {@code ssh.user} (default: the ssh config's User, else {@code git}), {@code ssh.pathTemplate}
 * (default {@code {owner}/{repo}.git}), {@code ssh.identity} (comma-separated key files; default the config's
 * IdentityFile, else {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}), {@code ssh.passphrase},
 * {@code ssh.knownHosts} (default the config's UserKnownHostsFile, else {@code ~/.ssh/known_hosts}),
 * {@code ssh.config} (default {@code ~/.ssh/config}; {@code none} to ignore it), {@code ssh.agent}
 * ({@code false} to ignore {@code SSH_AUTH_SOCK}), {@code ssh.protocol} ({@code 2}, the default, or {@code 0}),
 * {@code ssh.uploadPack} (default {@code git-upload-pack}), {@code ssh.ciphers}, {@code ssh.maxEntries} and
 * {@code ssh.maxBytes} (the limits of a fetch; defaults as for HTTPS). Environment: {@code HOME},
 * {@code SSH_AUTH_SOCK}.
 *
 * @provides io.jhub.api.spi.RepoFetcher
 * @since 0.1
 */
module io.jhub.fetch.ssh {
    requires io.jhub.git;
    requires com.jcraft.jsch;

    provides io.jhub.api.spi.RepoFetcher with io.jhub.fetch.ssh.SshFetcher;
}
