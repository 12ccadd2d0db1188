package io.jhub.core;

import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.api.spi.Resolution;
import java.nio.file.Path;

/** A service provider whose constructor fails, as a broken plugin jar would; the registry must skip it. */
public final class BrokenFetcher implements RepoFetcher {
    /** Always fails. */
    public BrokenFetcher() {
        throw new IllegalStateException("this provider is broken on purpose");
    }

    @Override
    public String protocol() {
        return "BROKEN";
    }

    @Override
    public Resolution resolve(FetchRequest request, FetchContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Resolution fetch(FetchRequest request, Path target, FetchContext context) {
        throw new UnsupportedOperationException();
    }
}
