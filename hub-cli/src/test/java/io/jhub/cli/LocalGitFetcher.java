package io.jhub.cli;

import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.api.spi.Resolution;
import io.jhub.testkit.GitDirFetcher;
import java.nio.file.Path;

/**
 * A service-loaded fetcher (protocol {@code LOCALGIT}) over git repositories under the directory named by the
 * system property {@code jhub.test.gitRoot}, so CLI tests exercise ServiceLoader discovery for real.
 */
public final class LocalGitFetcher implements RepoFetcher {
    private final GitDirFetcher delegate = new GitDirFetcher("LOCALGIT",
            Path.of(System.getProperty("jhub.test.gitRoot", "/nonexistent")));

    @Override
    public String protocol() {
        return delegate.protocol();
    }

    @Override
    public String description() {
        return "test fetcher over local git repositories";
    }

    @Override
    public Resolution resolve(FetchRequest request, FetchContext context) {
        return delegate.resolve(request, context);
    }

    @Override
    public Resolution fetch(FetchRequest request, Path target, FetchContext context) {
        return delegate.fetch(request, target, context);
    }
}
