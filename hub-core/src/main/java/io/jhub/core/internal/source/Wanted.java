package io.jhub.core.internal.source;

import io.jhub.api.spi.FetchRequest;
import java.util.Optional;

/**
 * The commit a call wants, as {@link CommitFinder} found it.
 *
 * @param request what the fetcher gets when the tree must be fetched; its commit is the pinned one
 * @param commit the commit, when known before fetching
 * @param resolved whether {@code commit} came from resolving a ref (so it is recorded as the ref's resolution)
 * @param fromRefs whether the fetcher resolved {@code commit} from the repository's refs just now, so it is
 *     reachable by construction
 * @param what the repository and host, for messages
 */
record Wanted(FetchRequest request, Optional<String> commit, boolean resolved, boolean fromRefs, String what) {
    /** Whether the tree this call gets is checked against the repository's refs. */
    boolean validated() {
        return fromRefs || !request.skipValidation();
    }
}
