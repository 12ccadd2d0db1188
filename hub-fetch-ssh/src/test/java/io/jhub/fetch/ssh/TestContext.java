package io.jhub.fetch.ssh;

import io.jhub.api.ProgressListener;
import io.jhub.api.spi.FetchContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A FetchContext with explicit settings and environment, never the real ~/.ssh. */
final class TestContext implements FetchContext {
    final Map<String, String> settings = new HashMap<>();
    final Map<String, String> env = new HashMap<>();
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration readTimeout = Duration.ofSeconds(30);
    ProgressListener progress = ProgressListener.NONE;

    TestContext with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    TestContext copy() {
        TestContext c = new TestContext();
        c.settings.putAll(settings);
        c.env.putAll(env);
        c.connectTimeout = connectTimeout;
        c.readTimeout = readTimeout;
        c.progress = progress;
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
}
