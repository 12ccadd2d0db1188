/**
 * Pretrained weights by URL: downloaded once, SHA-256 verified, resumable, fetched in parallel ranges, and
 * handed to a load function.
 *
 * @since 0.1
 */
module io.jhub.pretrained {
    requires transitive io.jhub.core;
    exports io.jhub.pretrained;
}
