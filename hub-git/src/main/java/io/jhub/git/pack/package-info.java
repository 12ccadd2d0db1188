/**
 * Received git packs, read without a git binary: {@link io.jhub.git.pack.PackObjects} streams a pack to disk,
 * verifies its checksum and every object id, and rebuilds its deltas with bounded memory;
 * {@link io.jhub.git.pack.TreeWalk} writes one commit's tree from it through the safe
 * {@link io.jhub.git.TreeWriter}, applying the tree's export attributes. Both refuse a pack or a tree above the
 * caller's byte limit before unpacking it. Exported only to jhub's SSH fetcher for now: the entry points are
 * {@code PackObjects} and {@code TreeWalk}; the rest is package-private.
 *
 * @since 0.2
 */
package io.jhub.git.pack;
