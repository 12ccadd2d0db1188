/**
 * The {@code SSH} fetcher: git over SSH with jsch and jhub's own pack-protocol client; no git binary needed.
 * Exports nothing; plugs in as a {@link io.jhub.api.spi.RepoFetcher} service.
 */
module io.jhub.fetch.ssh {
    requires io.jhub.core;
    requires com.jcraft.jsch;

    provides io.jhub.api.spi.RepoFetcher with io.jhub.fetch.ssh.SshFetcher;
}
