package io.jhub.api.spi;

import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * What to resolve or fetch.
 *
 * <p>A host may serve commits that no branch or tag of the repository reaches (GitHub serves the commits of
 * forks under the parent's URLs). So when {@code commit} is set and {@code skipValidation} is false, a fetcher
 * checks that the commit is reachable from the repository's advertised refs before it writes the tree, refuses it
 * with an {@link io.jhub.api.RefNotFoundException} if not, and logs a warning if the host cannot tell.
 *
 * @param host the git host, with its port if one was given
 * @param repo the repository; its ref, if any, is a branch, tag or (possibly abbreviated) commit id
 * @param commit a full commit id the core already knows or the user pinned; it wins over the ref
 * @param skipValidation true when {@code commit} need not be checked against the repository's refs: the user
 *        asked so, or the core got it from this fetcher's own resolution of a ref
 * @since 0.1
 */
public record FetchRequest(GitHost host, RepoInfo repo, Optional<String> commit, boolean skipValidation) {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public FetchRequest {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(commit, "commit");
    }

    /**
     * A request whose commit, if any, is validated.
     *
     * @param host the git host
     * @param repo the repository
     * @param commit a full commit id, or empty to use the ref
     * @throws NullPointerException if a field is null
     */
    public FetchRequest(GitHost host, RepoInfo repo, Optional<String> commit) {
        this(host, repo, commit, false);
    }

    /**
     * Returns what to ask the remote for: the commit if set, else the ref, else empty for the default branch.
     *
     * @return the commit id or ref
     */
    public Optional<String> revision() {
        return commit.or(repo::ref);
    }

    /**
     * Returns this request pinned to a commit, keeping {@link #skipValidation()}.
     *
     * @param commitId the full commit id
     * @return a new request
     */
    public FetchRequest withCommit(String commitId) {
        return new FetchRequest(host, repo, Optional.of(commitId), skipValidation);
    }

    /**
     * Returns this request with {@link #skipValidation()} set.
     *
     * @param skip true to skip the reachability check of the commit
     * @return a new request
     */
    public FetchRequest withSkipValidation(boolean skip) {
        return new FetchRequest(host, repo, commit, skip);
    }
}
