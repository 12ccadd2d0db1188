package io.jhub.testkit;

import io.jhub.api.ProgressListener;
import io.jhub.api.spi.FetchContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A {@link FetchContext} for fetcher tests: explicit settings and environment (never the real process
 * environment, so never the real {@code ~/.ssh} or tokens), adjustable timeouts, an optional TLS context, and
 * optionally a root for the fetchers' state directories ({@link #withStateRoot(Path)}; none by default).
 */
public final class TestFetchContext implements FetchContext {
    /** Settings by key; tests may change them. */
    public final Map<String, String> settings = new HashMap<>();
    /** Environment variables by name; tests may change them. */
    public final Map<String, String> env = new HashMap<>();
    /** The connect timeout. */
    public Duration connectTimeout = Duration.ofSeconds(10);
    /** The read timeout. */
    public Duration readTimeout = Duration.ofSeconds(30);
    /** Where progress goes. */
    public ProgressListener progress = ProgressListener.NONE;
    private final SSLContext ssl;
    private Path stateRoot;

    /** A context with the JVM's default TLS context. */
    public TestFetchContext() {
        this(null);
    }

    /**
     * A context with a TLS context that trusts the test certificate.
     *
     * @param ssl the client context, or null for the JVM default
     */
    public TestFetchContext(SSLContext ssl) {
        this.ssl = ssl;
    }

    /**
     * Sets a setting.
     *
     * @param key the setting
     * @param value its value
     * @return this context
     */
    public TestFetchContext with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /**
     * Sets an environment variable.
     *
     * @param name the variable
     * @param value its value
     * @return this context
     */
    public TestFetchContext env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /**
     * Offers fetchers state directories under a root, as a hub offers them under its cache: a fetcher of protocol
     * {@code HTTPS} gets {@code <root>/https} (not created). Two contexts with the same root share the state, as
     * two processes with one cache do.
     *
     * @param root the root directory
     * @return this context
     */
    public TestFetchContext withStateRoot(Path root) {
        this.stateRoot = java.util.Objects.requireNonNull(root, "root");
        return this;
    }

    /**
     * Returns an independent copy.
     *
     * @return the copy
     */
    public TestFetchContext copy() {
        TestFetchContext c = new TestFetchContext(ssl);
        c.settings.putAll(settings);
        c.env.putAll(env);
        c.connectTimeout = connectTimeout;
        c.readTimeout = readTimeout;
        c.progress = progress;
        c.stateRoot = stateRoot;
        return c;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public ProgressListener progress() {
        return progress;
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }

    @Override
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(ssl);
    }

    /**
     * Returns {@code <root>/<protocol in lower case>} when a root was given, else empty.
     *
     * @param protocol the fetcher's protocol name
     * @return the directory, if any
     * @throws IllegalArgumentException if {@code protocol} is not letters, digits, {@code -} or {@code _}
     *         starting with a letter
     */
    @Override
    public Optional<Path> stateDirectory(String protocol) {
        if (!protocol.matches("[A-Za-z][A-Za-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("Invalid protocol name \"" + protocol + "\" for a state directory.");
        }
        return Optional.ofNullable(stateRoot).map(r -> r.resolve(protocol.toLowerCase(Locale.ROOT)));
    }
}
