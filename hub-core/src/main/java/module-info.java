/**
 * The jhub core: the {@link io.jhub.core.Hub} facade that resolves, caches, trusts, compiles and loads hub
 * repositories, each into its own module layer, and the HTTP download engine shared by fetchers and weights.
 *
 * @uses io.jhub.api.spi.RepoFetcher
 * @since 0.1
 */
module io.jhub.core {
    requires transitive io.jhub.api;
    requires transitive java.net.http;
    requires java.compiler;
    requires jdk.compiler;

    exports io.jhub.core;
    exports io.jhub.core.http;

    uses io.jhub.api.spi.RepoFetcher;
}
