/**
 * The {@code HTTPS} fetcher: repositories as source archives from GitHub, GitLab and compatible hosts.
 * Exports nothing; plugs in as a {@link io.jhub.api.spi.RepoFetcher} service.
 */
module io.jhub.fetch.https {
    requires io.jhub.http;
    requires io.jhub.git;
    requires org.apache.commons.compress;

    provides io.jhub.api.spi.RepoFetcher with io.jhub.fetch.https.HttpsFetcher;
}
