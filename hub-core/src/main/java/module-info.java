/**
 * The jhub core: the {@link io.jhub.core.Hub} facade that resolves, caches, trusts, compiles and loads hub
 * repositories, each into its own module layer. HTTP and downloads are {@code io.jhub.http}'s; the hub builds
 * one engine from its settings and shares it with its fetchers and weights.
 *
 * @uses io.jhub.api.spi.RepoFetcher
 * @since 0.1
 */
module io.jhub.core {
    requires transitive io.jhub.api;
    requires transitive io.jhub.http;
    requires java.compiler;
    requires jdk.compiler;

    exports io.jhub.core;

    uses io.jhub.api.spi.RepoFetcher;
}
