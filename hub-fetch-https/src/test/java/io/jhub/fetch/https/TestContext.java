package io.jhub.fetch.https;

import io.jhub.api.ProgressListener;
import io.jhub.api.spi.FetchContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** A fetch context with explicit settings and environment, for tests. */
final class TestContext implements FetchContext {
    final Map<String, String> settings = new HashMap<>();
    final Map<String, String> env = new HashMap<>();
    private final SSLContext ssl;
    Duration readTimeout = Duration.ofSeconds(20);

    TestContext(SSLContext ssl) {
        this.ssl = ssl;
    }

    TestContext set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    TestContext env(String key, String value) {
        env.put(key, value);
        return this;
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public ProgressListener progress() {
        return ProgressListener.NONE;
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
        return Optional.of(ssl);
    }
}
