/**
 * The jhub core: the {@link io.jhub.core.Hub} facade that resolves, caches, trusts, compiles and loads hub
 * repositories, each into its own module layer. HTTP and downloads are {@code io.jhub.http}'s; the hub builds
 * one engine from its settings and shares it with its fetchers and weights.
 *
 * <p>Two internal packages are exported to {@code io.jhub.check} alone: the author's check (hub-check) compiles
 * a hub directory with the very compiler, layout rules and dependency check a load uses, so a check passes
 * exactly when a load would, while the check itself, no step of the load pipeline, stays out of this module.
 * No other module may use them.
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
    // for hub-check only (see above): HubCompiler, RepoLayout, SourceTree; HostPlatform, DependencyCheck
    exports io.jhub.core.internal.compile to io.jhub.check;
    exports io.jhub.core.internal.layer to io.jhub.check;

    uses io.jhub.api.spi.RepoFetcher;
}
