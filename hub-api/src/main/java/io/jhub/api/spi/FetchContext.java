package io.jhub.api.spi;

import io.jhub.api.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What the core hands a fetcher besides the request: timeouts, progress, and settings. Settings are looked up
 * first among those given to the hub's builder, then among system properties prefixed with {@code jhub.}; the
 * environment is separate so tests and embedders can replace it.
 *
 * @since 0.1
 */
public interface FetchContext {

    /**
     * Returns how long to wait for a connection.
     *
     * @return the connect timeout
     */
    Duration connectTimeout();

    /**
     * Returns how long to wait for the next bytes of a response.
     *
     * @return the read timeout
     */
    Duration readTimeout();

    /**
     * Returns where to report progress.
     *
     * @return the listener, never null
     */
    ProgressListener progress();

    /**
     * Returns a fetcher setting, such as {@code https.token.example.org} or {@code ssh.user}.
     *
     * @param key the setting's name
     * @return its value, if set
     */
    Optional<String> setting(String key);

    /**
     * Returns an environment variable as the hub sees it (the process environment unless the builder replaced it).
     *
     * @param name the variable's name
     * @return its value, if set and not empty
     */
    Optional<String> env(String name);

    /**
     * Returns the TLS context to use instead of the JVM default, if the hub was given one (tests, private CAs).
     *
     * @return the context, or empty for the JVM default
     */
    default Optional<SSLContext> sslContext() {
        return Optional.empty();
    }

    /**
     * Returns a service the hub shares with its fetchers, such as its {@code io.jhub.http.HttpEngine}, so that a
     * fetcher reuses the hub's connections and settings instead of building its own per call. Which types are
     * offered is up to the core; a fetcher must work without them.
     *
     * @param type the service's type
     * @param <T> the type
     * @return the hub's instance of {@code type}, or empty when the context offers none (the default)
     */
    default <T> Optional<T> service(Class<T> type) {
        return Optional.empty();
    }

    /**
     * Returns a directory where a fetcher may keep small state across processes, such as what a host advertised
     * about a repository, so that a later process can skip a request. Each protocol gets its own directory; a
     * fetcher passes its own {@link RepoFetcher#protocol()}.
     *
     * <p>The directory may not exist yet: the fetcher creates it when it first writes. Keep only a few small
     * files there, written atomically (a temporary file in the same directory, then renamed), never secrets such
     * as tokens or passwords. Anyone may delete it at any time ({@code jhub cache clean} does), and another
     * process may change it concurrently, so a fetcher must treat its content as a hint, never as trusted input:
     * validate what it reads, ignore what it cannot use, and work the same (only slower) when it is empty.
     *
     * @param protocol the calling fetcher's protocol name, such as {@code HTTPS}: letters, digits, {@code -} or
     *        {@code _}, starting with a letter
     * @return the directory, or empty when the hub keeps no such state (the default, or no writable cache)
     * @throws IllegalArgumentException if {@code protocol} is not a protocol name (checked by contexts that offer
     *         a directory)
     * @since 0.2
     */
    default Optional<Path> stateDirectory(String protocol) {
        return Optional.empty();
    }
}
