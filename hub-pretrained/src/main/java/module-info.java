/**
 * Pretrained weights by URL: downloaded once, SHA-256 verified, resumable, fetched in parallel ranges, and
 * handed to a load function. {@link io.jhub.pretrained.Weights} is the one entry point for weights files; it
 * runs the hub's {@code io.jhub.http} download engine.
 *
 * @since 0.1
 */
module io.jhub.pretrained {
    requires transitive io.jhub.core;
    requires transitive io.jhub.http;
    exports io.jhub.pretrained;
}
