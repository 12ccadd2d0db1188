package io.jhub.fetch.https.internal;

import io.jhub.api.FetchException;
import io.jhub.api.GitHost;
import io.jhub.api.HubDefaults;
import io.jhub.api.spi.FetchContext;
import io.jhub.git.TreeLimits;
import java.util.Locale;
import java.util.Optional;

/**
 * The fetcher's settings for one host, read from the context. Per-host values ({@code https.style.<host>})
 * win over global ones ({@code https.style}).
 *
 * @param style how archive URLs look
 * @param urlTemplate the archive URL template, for {@link UrlStyle#TEMPLATE}
 * @param gitUrlTemplate the smart-HTTP repository URL template
 * @param format the preferred archive format, {@code tar.gz} or {@code zip}
 * @param smartHttp whether to resolve refs through smart-HTTP before downloading
 * @param limits caps on archive entries and bytes
 * @param attempts how many requests one archive download may make, resumes and restarts included
 */
public record HttpsSettings(UrlStyle style, Optional<String> urlTemplate, String gitUrlTemplate, String format,
        boolean smartHttp, TreeLimits limits, int attempts) {

    /** The default smart-HTTP repository URL. */
    public static final String DEFAULT_GIT_URL = "{scheme}://{host}/{owner}/{repo}.git";

    /**
     * Reads the settings for a host.
     *
     * @param ctx the fetch context
     * @param host the git host
     * @return the settings
     * @throws FetchException if a value is malformed; the message names the setting and the value
     */
    public static HttpsSettings read(FetchContext ctx, GitHost host) {
        Optional<String> template = get(ctx, host, "urlTemplate");
        UrlStyle style;
        try {
            style = get(ctx, host, "style").map(UrlStyle::parse)
                    .orElse(template.isPresent() ? UrlStyle.TEMPLATE : defaultStyle(ctx, host));
        } catch (IllegalArgumentException e) {
            throw new FetchException(e.getMessage(), e);
        }
        if (style == UrlStyle.TEMPLATE && template.isEmpty()) {
            throw new FetchException("The setting https.style=template needs https.urlTemplate, e.g. "
                    + "\"{scheme}://{host}/api/v1/repos/{owner}/{repo}/archive/{ref}.{format}\".");
        }
        String format = get(ctx, host, "format").map(f -> f.toLowerCase(Locale.ROOT)).orElse("tar.gz");
        if (!format.equals("tar.gz") && !format.equals("zip")) {
            throw new FetchException("Invalid setting https.format=\"" + format + "\": use tar.gz or zip.");
        }
        String smart = get(ctx, host, "smartHttp").orElse("true");
        if (!smart.equalsIgnoreCase("true") && !smart.equalsIgnoreCase("false")) {
            throw new FetchException("Invalid setting https.smartHttp=\"" + smart + "\": use true or false.");
        }
        long maxEntries = number(ctx, host, "maxEntries", HubDefaults.MAX_ARCHIVE_ENTRIES);
        long maxBytes = number(ctx, host, "maxBytes", HubDefaults.MAX_ARCHIVE_BYTES);
        long attempts = number(ctx, host, "attempts", 3);
        if (attempts > 20) {
            throw new FetchException("Invalid setting https.attempts=" + attempts + ": use 1 to 20.");
        }
        return new HttpsSettings(style, template, get(ctx, host, "gitUrlTemplate").orElse(DEFAULT_GIT_URL), format,
                Boolean.parseBoolean(smart), new TreeLimits(maxEntries, maxBytes,
                "the settings https.maxEntries and https.maxBytes"), (int) attempts);
    }

    private static UrlStyle defaultStyle(FetchContext ctx, GitHost host) {
        return Tokens.isGitLab(ctx, host) ? UrlStyle.GITLAB : UrlStyle.defaultFor(host);
    }

    private static Optional<String> get(FetchContext ctx, GitHost host, String key) {
        return ctx.setting("https." + key + "." + host).or(() -> ctx.setting("https." + key))
                .map(String::trim).filter(v -> !v.isEmpty());
    }

    private static long number(FetchContext ctx, GitHost host, String key, long fallback) {
        return TreeLimits.positiveSetting("https." + key, get(ctx, host, key), fallback);
    }
}
