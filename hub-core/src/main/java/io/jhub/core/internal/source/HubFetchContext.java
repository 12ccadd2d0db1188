package io.jhub.core.internal.source;

import io.jhub.api.ProgressListener;
import io.jhub.api.spi.FetchContext;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The {@link FetchContext} a hub hands its fetchers.
 *
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout
 * @param progress progress listener
 * @param settings builder settings (system properties {@code jhub.*} are consulted after them)
 * @param environment the environment as the hub sees it
 * @param ssl the TLS context, or null for the JVM default
 */
public record HubFetchContext(Duration connectTimeout, Duration readTimeout, ProgressListener progress,
        Map<String, String> settings, Map<String, String> environment, SSLContext ssl) implements FetchContext {

    /**
     * Validates the fields.
     */
    public HubFetchContext {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(progress, "progress");
        settings = Map.copyOf(settings);
        environment = Map.copyOf(environment);
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key)).or(() -> Optional.ofNullable(System.getProperty("jhub." + key)));
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
    }

    @Override
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(ssl);
    }
}
