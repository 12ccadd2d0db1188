package io.jhub.fetch.https.internal;

import io.jhub.api.GitHost;
import java.util.Locale;

/** How a host names its archive URLs. */
public enum UrlStyle {
    /** GitHub and GitHub-compatible hosts: {@code /owner/repo/archive/<ref>.tar.gz}, API tarball with a token. */
    GITHUB,
    /** GitLab: {@code /ns/proj/-/archive/<ref>/proj-<ref>.tar.gz}, API v4 archive with a token. */
    GITLAB,
    /** A URL template from the setting {@code https.urlTemplate}. */
    TEMPLATE;

    /**
     * Parses a setting value.
     *
     * @param value {@code github}, {@code gitlab} or {@code template}, any case
     * @return the style
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static UrlStyle parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid setting https.style=\"" + value
                    + "\": use github, gitlab or template.", e);
        }
    }

    /**
     * The style used when none is set: GitHub for github.com, GitLab for hosts whose name contains
     * {@code gitlab}, else GitHub-compatible.
     *
     * @param host the git host
     * @return the default style
     */
    public static UrlStyle defaultFor(GitHost host) {
        return host.host().contains("gitlab") ? GITLAB : GITHUB;
    }
}
