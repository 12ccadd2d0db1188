package io.jhub.http.internal;

import io.jhub.http.Credential;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The mirrors of an engine, as Maven's {@code mirrorOf}: the setting {@code mirrors} names them
 * ({@code mirrors=corp,hf}) and each is {@code mirror.<id>.of} (comma-separated hosts such as {@code github.com}
 * or {@code git.corp:8443}, which match https URLs on that host and port, and URL prefixes such as
 * {@code https://huggingface.co/team/}, which match URLs under them at a path boundary), {@code mirror.<id>.url}
 * (the mirror's base URL: a matched URL's rest, after its host or prefix, is appended to it),
 * {@code mirror.<id>.token} and {@code mirror.<id>.tokenHeader} (a token bound, like every {@link Credential}, to
 * the mirror's exact scheme, host and port; sent as {@code Authorization: Bearer}, or as the value of the named
 * header). The longest match wins; two mirrors claiming the same host or prefix are refused.
 */
public final class Mirrors {
    /** No mirrors. */
    public static final Mirrors NONE = new Mirrors(List.of());

    private final List<Match> matches; // longest first

    private Mirrors(List<Match> matches) {
        this.matches = matches;
    }

    /**
     * Where a mirrored request goes.
     *
     * @param uri the mirror's URL for the request
     * @param mirrorId the mirror's id, for messages
     * @param credential the mirror's token, bound to the mirror's authority
     */
    public record Route(URI uri, String mirrorId, Optional<Credential> credential) {
    }

    private record Match(String prefix, String id, String base, Optional<Credential> credential) {
    }

    /**
     * Reads the mirrors from settings.
     *
     * @param settings where settings are read
     * @return the mirrors, {@link #NONE} without the setting {@code mirrors}
     * @throws IllegalArgumentException if a mirror setting is missing or malformed (the message names it and says
     *         what to write)
     */
    public static Mirrors fromSettings(Function<String, Optional<String>> settings) {
        Optional<String> ids = settings.apply("mirrors").map(String::trim).filter(v -> !v.isEmpty());
        if (ids.isEmpty()) {
            return NONE;
        }
        List<Match> out = new ArrayList<>();
        Map<String, String> claimed = new HashMap<>();
        for (String raw : ids.get().split(",")) {
            String id = raw.trim();
            if (!id.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("Setting mirrors=\"" + ids.get() + "\" names the invalid mirror id \""
                        + id + "\": use letters, digits, '-' and '_', comma-separated, such as mirrors=corp,hf");
            }
            String of = required(settings, id, "of", "github.com,https://huggingface.co/");
            String url = required(settings, id, "url", "https://mirror.internal:8443/github");
            URI base = parse("mirror." + id + ".url", url);
            Optional<Credential> credential = credential(settings, id, base);
            for (String entry : of.split(",")) {
                String prefix = prefix(id, entry.trim());
                String other = claimed.putIfAbsent(prefix, id);
                if (other != null) {
                    throw new IllegalArgumentException("Mirrors " + other + " and " + id + " both claim \""
                            + entry.trim() + "\" (settings mirror." + other + ".of and mirror." + id + ".of): keep it"
                            + " in one of them.");
                }
                out.add(new Match(prefix, id, strip(base.toString()), credential));
            }
        }
        out.sort(Comparator.comparingInt((Match m) -> m.prefix().length()).reversed());
        return new Mirrors(List.copyOf(out));
    }

    /**
     * Finds the mirror of a URL.
     *
     * @param uri the URL a caller asked for
     * @return where to send it instead, or empty when no mirror matches
     */
    public Optional<Route> route(URI uri) {
        if (matches.isEmpty() || uri.getHost() == null || uri.getScheme() == null) {
            return Optional.empty();
        }
        String canon = canonical(uri.getScheme(), uri.getHost(), uri.getPort()) + Optional.ofNullable(uri.getRawPath())
                .orElse("") + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        for (Match m : matches) {
            if (canon.startsWith(m.prefix())) {
                String rest = canon.substring(m.prefix().length());
                if (rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?")) { // at a path boundary only
                    return Optional.of(new Route(URI.create(m.base() + rest), m.id(), m.credential()));
                }
            }
        }
        return Optional.empty();
    }

    private static String prefix(String id, String entry) {
        String key = "mirror." + id + ".of";
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("Setting " + key + " has an empty entry: list hosts or URL prefixes,"
                    + " comma-separated, such as github.com,https://huggingface.co/team/");
        }
        boolean url = entry.contains("://");
        URI u = parse(key, url ? entry : "https://" + entry);
        if (!url && (u.getRawPath() != null && !u.getRawPath().isEmpty() || u.getRawQuery() != null)) {
            throw new IllegalArgumentException("Setting " + key + " entry \"" + entry + "\" is neither a host[:port]"
                    + " nor a URL prefix: write github.com or https://github.com/team/");
        }
        return canonical(u.getScheme(), u.getHost(), u.getPort()) + (url ? strip(u.getRawPath()) : "");
    }

    private static Optional<Credential> credential(Function<String, Optional<String>> settings, String id, URI base) {
        Optional<String> token = settings.apply("mirror." + id + ".token").map(String::trim).filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            return Optional.empty();
        }
        if (!"https".equalsIgnoreCase(base.getScheme())) {
            throw new IllegalArgumentException("Setting mirror." + id + ".token needs an https mirror, but"
                    + " mirror." + id + ".url is \"" + base + "\": a token is never sent over plain http.");
        }
        String authority = base.getHost() + ":" + (base.getPort() < 0 ? 443 : base.getPort());
        String source = "the setting mirror." + id + ".token";
        String header = settings.apply("mirror." + id + ".tokenHeader").map(String::trim).orElse("Authorization");
        try {
            return Optional.of(header.equalsIgnoreCase("Authorization")
                    ? Credential.bearer(authority, token.get(), source)
                    : new Credential(authority, header, token.get(), source));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Setting mirror." + id + ".tokenHeader or mirror." + id + ".token is"
                    + " malformed: " + e.getMessage(), e);
        }
    }

    private static String required(Function<String, Optional<String>> settings, String id, String key, String eg) {
        return settings.apply("mirror." + id + "." + key).map(String::trim).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("The setting mirrors names the mirror \"" + id
                        + "\", but mirror." + id + "." + key + " is not set; set it, such as mirror." + id + "." + key
                        + "=" + eg));
    }

    private static URI parse(String key, String text) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || u.getHost() == null || u.getRawUserInfo() != null
                    || u.getRawFragment() != null) {
                throw new URISyntaxException(text, "not an absolute http(s) URL with a host (and no user or fragment)");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Setting " + key + "=\"" + text + "\" is malformed (" + e.getReason()
                    + "): write a host such as github.com or a URL such as https://mirror.internal:8443/github", e);
        }
    }

    private static String canonical(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int p = port >= 0 ? port : s.equals("https") ? 443 : 80;
        return s + "://" + host.toLowerCase(Locale.ROOT) + ":" + p;
    }

    private static String strip(String s) {
        String out = s == null ? "" : s;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
