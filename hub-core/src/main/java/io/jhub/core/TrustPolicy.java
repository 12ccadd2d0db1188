package io.jhub.core;

/**
 * When a hub may compile and run code from a remote repository. Local directories are always trusted.
 *
 * @since 0.1
 */
public enum TrustPolicy {
    /** Only repositories in the cache's {@code trusted_list} (or trusted by the call itself). The default. */
    TRUSTED_LIST,
    /** Every remote repository is trusted and added to the {@code trusted_list}, like torch.hub's
     * {@code trust_repo=True} for every call. */
    TRUST_ALL
}
