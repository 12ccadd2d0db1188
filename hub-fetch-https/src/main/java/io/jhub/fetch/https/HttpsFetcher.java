package io.jhub.fetch.https;

import io.jhub.api.FetchException;
import io.jhub.api.RefNotFoundException;
import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.api.spi.SettingKey;
import io.jhub.api.spi.Resolution;
import io.jhub.fetch.https.internal.ArchiveDownload;
import io.jhub.fetch.https.internal.ArchiveUrls;
import io.jhub.fetch.https.internal.CommitCheck;
import io.jhub.fetch.https.internal.ExtractResult;
import io.jhub.fetch.https.internal.HttpsSettings;
import io.jhub.fetch.https.internal.SmartHttpRefs;
import io.jhub.fetch.https.internal.Token;
import io.jhub.fetch.https.internal.Tokens;
import io.jhub.fetch.https.internal.V2Capabilities;
import io.jhub.git.wire.RefAdvertisement;
import io.jhub.git.wire.RefResolver;
import io.jhub.http.HttpEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code HTTPS} fetcher: resolves refs through git's smart-HTTP protocol and writes a repository's tree
 * from the host's source archive (GitHub, GitLab, or a URL template), extracting it while it downloads.
 *
 * <p>Settings (per host as {@code https.<key>.<host>}, or for all hosts as {@code https.<key>}):
 * {@code style} ({@code github}, {@code gitlab}, {@code template}), {@code urlTemplate},
 * {@code gitUrlTemplate}, {@code format} ({@code tar.gz} or {@code zip}), {@code smartHttp},
 * {@code maxEntries}, {@code maxBytes}, {@code attempts}; tokens from {@code https.token.<host>},
 * {@code JHUB_TOKEN_<HOST>}, {@code GITHUB_TOKEN} or {@code GITLAB_TOKEN} , each sent only to
 * the exact host and port it belongs to.
 *
 * @since 0.1
 */
public final class HttpsFetcher implements RepoFetcher {
    private final V2Capabilities capabilities = new V2Capabilities();

    /**
     * Creates the fetcher. Its only state between calls is the protocol v2 capabilities each repository
     * advertised, which lets a repeated ref lookup skip {@code info/refs}; they are also kept in the hub's state
     * directory ({@link FetchContext#stateDirectory(String)}), so that the next process skips it too.
     */
    public HttpsFetcher() {
    }

    /**
     * Returns {@code HTTPS}.
     *
     * @return the protocol name
     */
    @Override
    public String protocol() {
        return "HTTPS";
    }

    /**
     * Describes the fetcher.
     *
     * @return a one-line description
     */
    @Override
    public String description() {
        return "source archives over HTTPS (GitHub, GitLab, URL template) with smart-HTTP ref resolution";
    }

    /**
     * Returns the {@code https.*} settings this fetcher reads; all but {@code https.gitlabHosts} may be given per
     * host ({@code https.style.git.example.org}), and a token only per host.
     *
     * @return the keys
     */
    @Override
    public List<SettingKey> settingKeys() {
        SettingKey.HostSuffix perHost = SettingKey.HostSuffix.OPTIONAL;
        return List.of(new SettingKey("https.token", SettingKey.HostSuffix.REQUIRED, "token for exactly that host"),
                SettingKey.of(Tokens.GITLAB_HOSTS, "further GitLab hosts, comma-separated"),
                new SettingKey("https.style", perHost, "URL style: github, gitlab or template"),
                new SettingKey("https.urlTemplate", perHost, "archive URL template"),
                new SettingKey("https.gitUrlTemplate", perHost, "git URL template for ref discovery"),
                new SettingKey("https.format", perHost, "archive format, tar.gz (default) or zip"),
                new SettingKey("https.smartHttp", perHost, "ref discovery through smart HTTP (true)"),
                new SettingKey("https.maxEntries", perHost, "most entries an archive may have"),
                new SettingKey("https.maxBytes", perHost, "most bytes an archive may unpack to"),
                new SettingKey("https.attempts", perHost, "whole-fetch attempts (3)"));
    }

    /**
     * Resolves the ref through smart-HTTP. A full commit id is returned as is.
     *
     * @param request what to resolve
     * @param context settings, environment, TLS and progress
     * @return the commit, or {@link Resolution#unknown()} when the host offers no smart-HTTP (or the revision is
     *         an abbreviated id that is no branch or tag tip)
     * @throws io.jhub.api.RefNotFoundException if the ref does not exist
     * @throws io.jhub.api.AuthenticationException if the host refused the token or wants one
     * @throws io.jhub.api.DownloadException if the host cannot be reached
     */
    @Override
    public Resolution resolve(FetchRequest request, FetchContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        Optional<String> revision = request.revision();
        if (revision.isPresent() && Resolution.isFullCommitId(revision.get().toLowerCase(Locale.ROOT))) {
            return Resolution.of(revision.get().toLowerCase(Locale.ROOT));
        }
        HttpsSettings settings = HttpsSettings.read(context, request.host());
        if (!settings.smartHttp()) {
            return Resolution.unknown();
        }
        Optional<Token> token = Tokens.forHost(context, request.host());
        String where = request.repo().path() + " on " + request.host();
        Optional<RefAdvertisement> adv = SmartHttpRefs.discover(HttpEngine.fromContext(context),
                ArchiveUrls.git(settings, request.host(), request.repo(), token), request.host(), token, where,
                capabilities, context.stateDirectory(protocol()));
        if (adv.isEmpty()) {
            return Resolution.unknown();
        }
        try {
            return Resolution.of(RefResolver.resolve(adv.get(), revision, where));
        } catch (RefNotFoundException e) {
            String rev = revision.orElse("");
            boolean tip = adv.get().refs().stream().anyMatch(r -> r.commitId().startsWith(rev.toLowerCase(Locale.ROOT)));
            if (Resolution.isAbbreviatedCommitId(rev) && !tip) {
                return Resolution.unknown(); // the archive endpoint may know it; its commit comes from the archive
            }
            throw e;
        }
    }

    /**
     * Downloads the archive of the requested commit (resolving the ref first if needed) into {@code target}.
     *
     * @param request what to fetch
     * @param target an empty directory
     * @param context settings, environment, TLS and progress
     * @return the commit written, or unknown when neither smart-HTTP nor the archive told it
     * @throws IOException if the target cannot be written
     * @throws io.jhub.api.UnsafeArchiveException if the archive is unsafe, over a limit, truncated or corrupt
     * @throws io.jhub.api.DownloadException on HTTP failures (404 with what to check)
     * @throws io.jhub.api.AuthenticationException on 401/403
     * @throws RefNotFoundException if a pinned commit that is to be validated is not reachable from any branch or
     *         tag of the repository (see {@link FetchRequest})
     */
    @Override
    public Resolution fetch(FetchRequest request, Path target, FetchContext context) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(context, "context");
        Resolution resolved = request.commit().isPresent() ? Resolution.of(request.commit().get())
                : resolve(request, context);
        HttpsSettings settings = HttpsSettings.read(context, request.host());
        Optional<Token> token = Tokens.forHost(context, request.host());
        HttpEngine engine = HttpEngine.fromContext(context);
        if (request.commit().isPresent() && !request.skipValidation()) {
            CommitCheck.check(engine, ArchiveUrls.git(settings, request.host(), request.repo(), token), settings,
                    request.host(), request.repo(), token, request.commit().get());
        }
        String revision = resolved.commit().or(request::revision).orElse("HEAD");
        String what = "the archive of " + request.repo().path() + " at " + revision;
        ExtractResult result = ArchiveDownload.run(engine,
                ArchiveUrls.archive(settings, request.host(), request.repo(), revision, token), token,
                request.host(), what, settings, target, context);
        if (resolved.commit().isPresent() && result.commit().isPresent()
                && !resolved.commit().get().equals(result.commit().get())) {
            throw new FetchException("The host sent " + what + " but the archive says it holds commit "
                    + result.commit().get() + ". Refusing the mismatch; the host or a proxy may be misbehaving.");
        }
        if (resolved.commit().isEmpty() && result.commit().isPresent() && !request.skipValidation()
                && request.revision().filter(Resolution::isAbbreviatedCommitId).isPresent()) {
            // an abbreviated id that is no ref tip: its commit is known only now, and is checked before install
            CommitCheck.check(engine, ArchiveUrls.git(settings, request.host(), request.repo(), token), settings,
                    request.host(), request.repo(), token, result.commit().get());
        }
        return resolved.commit().isPresent() ? resolved : new Resolution(result.commit());
    }
}
