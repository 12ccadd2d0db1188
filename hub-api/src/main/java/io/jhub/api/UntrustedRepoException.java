package io.jhub.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A remote repository was about to be compiled or run without being trusted; the message names the repo and both ways to trust it.
 *
 * @since 0.1
 */
public class UntrustedRepoException extends HubException {
    private static final long serialVersionUID = 1L;

    private final String repo;
    private final String host;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public UntrustedRepoException(String message) {
        super(message);
        this.repo = null;
        this.host = null;
    }

    /**
     * Creates the exception for one repository, so that a tool can word its own hint (such as the exact
     * {@code jhub trust} command).
     *
     * @param message what failed, with which input, and what to do
     * @param repo {@code owner/name}
     * @param host the host, as {@link GitHost#toString()} writes it
     * @since 0.2
     */
    public UntrustedRepoException(String message, String repo, String host) {
        super(message);
        this.repo = Objects.requireNonNull(repo, "repo");
        this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public UntrustedRepoException(String message, Throwable cause) {
        super(message, cause);
        this.repo = null;
        this.host = null;
    }

    /**
     * Returns the repository that is not trusted, when the thrower named it.
     *
     * @return {@code owner/name}, or empty
     * @since 0.2
     */
    public Optional<String> repo() {
        return Optional.ofNullable(repo);
    }

    /**
     * Returns the host of the repository that is not trusted, when the thrower named it.
     *
     * @return {@code host} or {@code host:port}, or empty
     * @since 0.2
     */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }
}
