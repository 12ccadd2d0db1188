package io.jhub.api;

import java.time.Duration;

/**
 * Defaults taken from the original Python hub, each overridable per {@code Hub}.
 *
 * <p>The numeric defaults are initialised through a method, so they are not compile-time constants: a class
 * compiled against them reads the value at run time instead of copying it into its own class file, and a newer
 * jhub's default takes effect without recompiling the user's code. (The names stay as they were, so source that
 * uses them compiles unchanged; they cannot be used as {@code case} labels or annotation values.)
 *
 * @since 0.1
 */
public final class HubDefaults {
    /** The entry file of a hub repository, relative to its root. */
    public static final String DEFAULT_HUBCONF_ENTRY = "hubconf.java";
    /** The protocol used when none is given. */
    public static final String DEFAULT_PROTOCOL = "HTTPS";
    /** The git host used when none is given. */
    public static final String DEFAULT_GIT_HOST = "github.com";
    /** Name of the static field of the hubconf class that lists the modules a repository needs. */
    public static final String HUBDEPENDENCY = "dependencies";
    /** How long to wait for a TCP/TLS connection (the seed's 5 s). */
    public static final Duration HTTP_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** How long to wait for the next bytes of a response (the seed's 120 s). */
    public static final Duration HTTP_READ_TIMEOUT = Duration.ofSeconds(120);
    /** Buffer size for streamed transfers; the seed's 1 KiB is far too small for fast links. */
    public static final int CHUNK_SIZE = runtime(256 * 1024);
    /** How many times a failed connection, 429 or 5xx answer is retried. */
    public static final int HTTP_RETRIES = runtime(4);
    /** Most entries an archive may hold before extraction stops (zip-bomb guard). */
    public static final long MAX_ARCHIVE_ENTRIES = runtime(200_000L);
    /** Most bytes an archive may expand to before extraction stops (zip-bomb guard). */
    public static final long MAX_ARCHIVE_BYTES = runtime(8L * 1024 * 1024 * 1024);
    /** Environment variable naming the cache directory. */
    public static final String ENV_HOME = "JHUB_HOME";
    /** Environment variable that, set to {@code 1} or {@code true}, forbids all network access. */
    public static final String ENV_OFFLINE = "JHUB_OFFLINE";

    private HubDefaults() {
    }

    /** Returns its argument; a field initialised through it is no compile-time constant, so callers never inline it. */
    private static int runtime(int value) {
        return value;
    }

    private static long runtime(long value) {
        return value;
    }
}
