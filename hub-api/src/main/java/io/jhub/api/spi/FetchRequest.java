package io.jhub.api.spi;

import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * What to resolve or fetch.
 *
 * @param host the git host, with its port if one was given
 * @param repo the repository; its ref, if any, is a branch, tag or (possibly abbreviated) commit id
 * @param commit a full commit id the core already knows or the user pinned; it wins over the ref
 * @since 0.1
 */
public record FetchRequest(GitHost host, RepoInfo repo, Optional<String> commit) {
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
     * Returns what to ask the remote for: the commit if set, else the ref, else empty for the default branch.
     *
     * @return the commit id or ref
     */
    public Optional<String> revision() {
        return commit.or(repo::ref);
    }

    /**
     * Returns this request pinned to a commit.
     *
     * @param commitId the full commit id
     * @return a new request
     */
    public FetchRequest withCommit(String commitId) {
        return new FetchRequest(host, repo, Optional.of(commitId));
    }
}
