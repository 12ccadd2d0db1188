package io.jhub.http.download;

import io.jhub.api.ProgressListener;
import io.jhub.http.HttpLimits;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How {@link FileDownloads} fetches one file: the expected SHA-256, a file name override, progress, offline mode and
 * transfer tuning. Immutable; make one with {@link #builder()} or use {@link #defaults()}.
 *
 * @since 0.1
 */
public final class DownloadOptions {
    private static final DownloadOptions DEFAULTS = builder().build();

    private final Optional<String> sha256;
    private final boolean hashPrefixFromName;
    private final Optional<String> fileName;
    private final Optional<ProgressListener> progress;
    private final Optional<Boolean> offline;
    private final OptionalInt connections;
    private final boolean allowPlainHttp;
    private final Optional<HttpLimits> limits;

    private DownloadOptions(Builder b) {
        this.sha256 = Optional.ofNullable(b.sha256);
        this.hashPrefixFromName = b.hashPrefixFromName;
        this.fileName = Optional.ofNullable(b.fileName);
        this.progress = Optional.ofNullable(b.progress);
        this.offline = Optional.ofNullable(b.offline);
        this.connections = b.connections == 0 ? OptionalInt.empty() : OptionalInt.of(b.connections);
        this.allowPlainHttp = b.allowPlainHttp;
        this.limits = Optional.ofNullable(b.limits);
    }

    /**
     * Returns options with every value at its default: no hash, the URL's file name, the hub's progress and
     * offline mode, the hub's number of connections (default 4), https only.
     *
     * @return the default options
     */
    public static DownloadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from these options.
     *
     * @return a new builder holding these values
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sha256 = sha256.orElse(null);
        b.hashPrefixFromName = hashPrefixFromName;
        b.fileName = fileName.orElse(null);
        b.progress = progress.orElse(null);
        b.offline = offline.orElse(null);
        b.connections = connections.orElse(0);
        b.allowPlainHttp = allowPlainHttp;
        b.limits = limits.orElse(null);
        return b;
    }

    /**
     * Returns the expected SHA-256 of the whole file, in lower-case hex.
     *
     * @return the hash, if one was given
     */
    public Optional<String> sha256() {
        return sha256;
    }

    /**
     * Tells whether a hash prefix is taken from the file name (torch's {@code name-<hex>.ext} convention).
     *
     * @return true if the name's hex part must prefix the file's SHA-256
     */
    public boolean hashPrefixFromName() {
        return hashPrefixFromName;
    }

    /**
     * Returns the file name to use instead of the last segment of the URL's path.
     *
     * @return the override, if any
     */
    public Optional<String> fileName() {
        return fileName;
    }

    /**
     * Returns the progress listener that replaces the hub's.
     *
     * @return the listener, if one was given
     */
    public Optional<ProgressListener> progress() {
        return progress;
    }

    /**
     * Returns the offline mode that replaces the hub's.
     *
     * @return true or false if set here, empty to follow the hub
     */
    public Optional<Boolean> offline() {
        return offline;
    }

    /**
     * Returns the number of parallel connections that replaces the hub's setting.
     *
     * @return the number, if set here
     */
    public OptionalInt connections() {
        return connections;
    }

    /**
     * Returns the limits that replace the hub's {@code http.*} limit settings for this download.
     *
     * @return the limits, if set here
     */
    public Optional<HttpLimits> limits() {
        return limits;
    }

    /**
     * Tells whether plain {@code http:} URLs are allowed.
     *
     * @return true if allowed
     */
    public boolean allowPlainHttp() {
        return allowPlainHttp;
    }

    @Override
    public String toString() {
        return "DownloadOptions[sha256=" + sha256.orElse("-") + ", hashPrefixFromName=" + hashPrefixFromName
                + ", fileName=" + fileName.orElse("-") + ", offline=" + offline.map(String::valueOf).orElse("hub")
                + ", connections=" + (connections.isPresent() ? connections.getAsInt() : "hub")
                + ", allowPlainHttp=" + allowPlainHttp + ", limits=" + limits.map(String::valueOf).orElse("hub") + "]";
    }

    /**
     * Builds {@link DownloadOptions}. Every setter validates at once.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String sha256;
        private boolean hashPrefixFromName;
        private String fileName;
        private ProgressListener progress;
        private Boolean offline;
        private int connections;
        private boolean allowPlainHttp;
        private HttpLimits limits;

        private Builder() {
        }

        /**
         * Sets the expected SHA-256 of the whole file; a mismatch deletes the file and throws
         * {@link io.jhub.api.IntegrityException}.
         *
         * @param hex 64 hex digits, either case
         * @return this builder
         * @throws IllegalArgumentException if {@code hex} is not 64 hex digits
         */
        public Builder sha256(String hex) {
            Objects.requireNonNull(hex, "sha256");
            String h = hex.trim().toLowerCase(Locale.ROOT);
            if (!h.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 must be 64 hex digits, got \"" + hex + "\" ("
                        + hex.length() + " characters); use `sha256sum FILE` to compute it.");
            }
            this.sha256 = h;
            return this;
        }

        /**
         * Checks the file against the hex part of its name, torch's convention: {@code resnet18-f37072fd.pth}
         * must have a SHA-256 starting with {@code f37072fd}. The name must carry at least 6 hex digits between
         * the last {@code -} and the following {@code .}, or the download fails before it starts.
         *
         * @param enabled true to check
         * @return this builder
         */
        public Builder hashPrefixFromName(boolean enabled) {
            this.hashPrefixFromName = enabled;
            return this;
        }

        /**
         * Sets the cached file's name instead of the URL's last path segment (the cache still keeps a prefix
         * derived from the URL).
         *
         * @param name a plain file name: no {@code /}, {@code \}, control characters, not {@code .} or {@code ..}
         * @return this builder
         * @throws IllegalArgumentException if the name is not a plain file name
         */
        public Builder fileName(String name) {
            Objects.requireNonNull(name, "fileName");
            if (name.isEmpty() || name.length() > 200 || name.equals(".") || name.equals("..")
                    || name.startsWith(".") || name.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("fileName must be a plain file name (no path separators or"
                        + " control characters, not starting with '.', at most 200 characters), got \"" + name + "\"");
            }
            this.fileName = name;
            return this;
        }

        /**
         * Sets where progress goes, instead of the hub's listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "progress");
            return this;
        }

        /**
         * Forbids (true) or allows (false) the network for this download, instead of the hub's mode. Offline, a
         * cached file is returned and a missing one fails with {@link io.jhub.api.OfflineException}.
         *
         * @param value true for no network
         * @return this builder
         */
        public Builder offline(boolean value) {
            this.offline = value;
            return this;
        }

        /**
         * Sets how many connections a large file is fetched with (parallel ranges). Default: the hub setting
         * {@code download.connections}, else one per core (2 to 4). 1 turns parallel ranges off.
         *
         * @param n 1 to 32
         * @return this builder
         */
        public Builder connections(int n) {
            if (n < 1 || n > 32) {
                throw new IllegalArgumentException("connections must be between 1 and 32, got " + n);
            }
            this.connections = n;
            return this;
        }

        /**
         * Allows plain {@code http:} URLs (default false: only https and file). Only for trusted networks; set
         * a SHA-256 as well.
         *
         * @param allow true to allow
         * @return this builder
         */
        public Builder allowPlainHttp(boolean allow) {
            this.allowPlainHttp = allow;
            return this;
        }

        /**
         * Sets the minimum rate, headers deadline and overall deadline of this download instead of the hub's
         * settings ({@code http.lowSpeedLimit} and the others, see {@link HttpLimits}). The overall deadline covers
         * the whole download with every resume.
         *
         * @param l the limits
         * @return this builder
         */
        public Builder limits(HttpLimits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public DownloadOptions build() {
            return new DownloadOptions(this);
        }
    }
}
